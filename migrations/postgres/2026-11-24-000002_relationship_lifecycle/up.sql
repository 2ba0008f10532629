-- Relationship requests (invitation links), indirect reseller links, support contacts naming a partner.

CREATE TABLE relationship_requests (
    id           TEXT PRIMARY KEY NOT NULL,
    partner_id   TEXT NOT NULL REFERENCES partners (id),
    token_hash   TEXT NOT NULL UNIQUE,
    with_dap     BOOLEAN NOT NULL,
    status       TEXT NOT NULL CHECK (status IN ('pending', 'accepted', 'revoked')),
    created_by   TEXT NOT NULL REFERENCES users (id),
    created_at   BIGINT NOT NULL,
    expires_at   BIGINT NOT NULL,
    customer_id  TEXT REFERENCES customers (id),
    accepted_at  BIGINT,
    revoked_at   BIGINT
);
CREATE INDEX relationship_requests_partner ON relationship_requests (partner_id, status, created_at);

-- An indirect provider and the indirect resellers that sell through it.
CREATE TABLE reseller_links (
    provider_id  TEXT NOT NULL REFERENCES partners (id),
    reseller_id  TEXT NOT NULL REFERENCES partners (id),
    PRIMARY KEY (provider_id, reseller_id)
);

-- Which partner is the designated support contact (NULL: the designating partner itself).
ALTER TABLE support_contacts ADD COLUMN contact_partner_id TEXT REFERENCES partners (id);
