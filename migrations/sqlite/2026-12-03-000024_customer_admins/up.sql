-- A customer tenant's own administrators, separate from partner users: they sign in at
-- /tenant/signin with the same password, two-step and lockout rules, so the credential columns
-- are those of `users`, and their recovery codes have a table of their own.
CREATE TABLE customer_admins (
    id                    TEXT PRIMARY KEY NOT NULL,
    customer_id           TEXT NOT NULL REFERENCES customers (id),
    email                 TEXT NOT NULL,
    display_name          TEXT NOT NULL,
    password_hash         TEXT NOT NULL,
    active                BOOLEAN NOT NULL DEFAULT TRUE,
    failed_logins         INTEGER NOT NULL DEFAULT 0,
    locked_until          BIGINT,
    created_at            BIGINT NOT NULL,
    locale                TEXT,
    password_must_change  BOOLEAN NOT NULL DEFAULT FALSE,
    password_expires_at   BIGINT,
    totp_secret           TEXT,
    totp_confirmed_at     BIGINT,
    totp_last_step        BIGINT
);
-- Sign-in looks an admin up by address, which is unique among customer admins.
CREATE UNIQUE INDEX customer_admins_email ON customer_admins (email);
CREATE INDEX customer_admins_customer ON customer_admins (customer_id);
CREATE TABLE customer_admin_recovery_codes (
    id          TEXT PRIMARY KEY NOT NULL,
    admin_id    TEXT NOT NULL REFERENCES customer_admins (id),
    code_hash   TEXT NOT NULL,
    created_at  BIGINT NOT NULL,
    used_at     BIGINT
);
CREATE INDEX customer_admin_recovery_codes_admin ON customer_admin_recovery_codes (admin_id, code_hash);
