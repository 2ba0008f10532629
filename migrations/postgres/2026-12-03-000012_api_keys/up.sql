-- Keys for the /v1 API. A key acts as its user, with the user's current roles; only the
-- secret's SHA-256 is kept (the secret is 256 random bits, shown once).
CREATE TABLE api_keys (
    id           TEXT PRIMARY KEY NOT NULL,
    user_id      TEXT NOT NULL REFERENCES users (id) ON DELETE CASCADE,
    name         TEXT NOT NULL,
    secret_hash  TEXT NOT NULL,
    created_at   BIGINT NOT NULL,
    expires_at   BIGINT NOT NULL,
    revoked_at   BIGINT,
    last_used_at BIGINT
);
CREATE UNIQUE INDEX api_keys_secret ON api_keys (secret_hash);
CREATE INDEX api_keys_user ON api_keys (user_id, created_at);

-- The caller's MS-CorrelationId, for records written by an API request.
ALTER TABLE audit_log ADD COLUMN correlation_id TEXT;
