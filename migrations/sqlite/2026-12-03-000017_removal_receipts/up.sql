-- Keys the server signs with, one per purpose, made on first use. On PostgreSQL every instance
-- finds the same key; a key never changes, so an evidence file stays verifiable.
CREATE TABLE signing_keys (
    purpose      TEXT PRIMARY KEY NOT NULL,
    key_id       TEXT NOT NULL,
    private_key  TEXT NOT NULL,
    public_key   TEXT NOT NULL,
    created_at   BIGINT NOT NULL
);

-- The receipt of a removed reseller relationship: the signed evidence file, kept exactly as it
-- is downloaded, written in the removal's own transaction.
CREATE TABLE removal_receipts (
    id           TEXT PRIMARY KEY NOT NULL,
    partner_id   TEXT NOT NULL REFERENCES partners (id),
    customer_id  TEXT NOT NULL REFERENCES customers (id),
    removed_by   TEXT NOT NULL REFERENCES users (id),
    removed_at   BIGINT NOT NULL,
    evidence     TEXT NOT NULL
);
CREATE INDEX removal_receipts_customer ON removal_receipts (partner_id, customer_id, removed_at);
