-- A one-time password (issued by an administrator, the demo or create-admin) must be replaced at
-- the first sign-in, and stops working after its expiry.
ALTER TABLE users ADD COLUMN password_must_change BOOLEAN NOT NULL DEFAULT FALSE;
ALTER TABLE users ADD COLUMN password_expires_at BIGINT;
-- The authenticator app's secret (base32); unconfirmed until the first code is entered.
ALTER TABLE users ADD COLUMN totp_secret TEXT;
ALTER TABLE users ADD COLUMN totp_confirmed_at BIGINT;
-- The last 30-second step whose code was accepted: a code is good once.
ALTER TABLE users ADD COLUMN totp_last_step BIGINT;

-- Single-use recovery codes, stored as SHA-256 (they are random, 50 bits each).
CREATE TABLE recovery_codes (
    id          TEXT PRIMARY KEY NOT NULL,
    user_id     TEXT NOT NULL REFERENCES users (id) ON DELETE CASCADE,
    code_hash   TEXT NOT NULL,
    created_at  BIGINT NOT NULL,
    used_at     BIGINT
);
CREATE INDEX recovery_codes_user ON recovery_codes (user_id, code_hash);
