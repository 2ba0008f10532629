-- PartnerDesk schema (PostgreSQL). Keep in step with ../../sqlite/ of the same version.
-- Times are UTC milliseconds since the Unix epoch (BIGINT); ids are application-generated UUID text.

CREATE TABLE partners (
    id          TEXT PRIMARY KEY NOT NULL,
    name        TEXT NOT NULL,
    kind        TEXT NOT NULL CHECK (kind IN ('direct', 'indirect_provider', 'indirect_reseller')),
    created_at  BIGINT NOT NULL
);

CREATE TABLE users (
    id             TEXT PRIMARY KEY NOT NULL,
    partner_id     TEXT NOT NULL REFERENCES partners (id),
    email          TEXT NOT NULL UNIQUE,
    display_name   TEXT NOT NULL,
    password_hash  TEXT NOT NULL,
    active         BOOLEAN NOT NULL DEFAULT TRUE,
    failed_logins  INTEGER NOT NULL DEFAULT 0,
    locked_until   BIGINT,
    created_at     BIGINT NOT NULL
);
CREATE INDEX users_partner ON users (partner_id);

CREATE TABLE user_roles (
    user_id  TEXT NOT NULL REFERENCES users (id) ON DELETE CASCADE,
    role     TEXT NOT NULL CHECK (role IN ('global_admin', 'admin_agent', 'sales_agent', 'helpdesk_agent',
                                           'billing_admin', 'user_management_admin')),
    PRIMARY KEY (user_id, role)
);

CREATE TABLE customers (
    id              TEXT PRIMARY KEY NOT NULL,
    company_name    TEXT NOT NULL,
    primary_domain  TEXT NOT NULL UNIQUE,
    tenant_id       TEXT NOT NULL UNIQUE,
    country         TEXT NOT NULL,
    created_at      BIGINT NOT NULL
);

CREATE TABLE relationships (
    id                       TEXT PRIMARY KEY NOT NULL,
    partner_id               TEXT NOT NULL REFERENCES partners (id),
    customer_id              TEXT NOT NULL REFERENCES customers (id),
    relationship_to_partner  TEXT NOT NULL CHECK (relationship_to_partner IN ('reseller', 'none')),
    allow_delegated_access   BOOLEAN NOT NULL,
    started_at               BIGINT NOT NULL,
    ended_at                 BIGINT,
    ended_by                 TEXT REFERENCES users (id),
    UNIQUE (partner_id, customer_id)
);
CREATE INDEX relationships_partner ON relationships (partner_id, relationship_to_partner);

CREATE TABLE offers (
    id               TEXT PRIMARY KEY NOT NULL,
    name             TEXT NOT NULL,
    commerce_type    TEXT NOT NULL CHECK (commerce_type IN ('legacy', 'new_commerce')),
    parent_offer_id  TEXT REFERENCES offers (id),
    sort_order       INTEGER NOT NULL
);

CREATE TABLE subscriptions (
    id             TEXT PRIMARY KEY NOT NULL,
    partner_id     TEXT NOT NULL REFERENCES partners (id),
    customer_id    TEXT NOT NULL REFERENCES customers (id),
    offer_id       TEXT NOT NULL REFERENCES offers (id),
    offer_name     TEXT NOT NULL,
    quantity       INTEGER NOT NULL CHECK (quantity > 0),
    term           TEXT NOT NULL CHECK (term IN ('P1M', 'P1Y', 'P3Y')),
    billing_cycle  TEXT NOT NULL CHECK (billing_cycle IN ('monthly', 'annual', 'triennial')),
    status         TEXT NOT NULL CHECK (status IN ('active', 'suspended', 'deleted', 'expired')),
    commerce_type  TEXT NOT NULL CHECK (commerce_type IN ('legacy', 'new_commerce')),
    parent_id      TEXT REFERENCES subscriptions (id),
    created_at     BIGINT NOT NULL,
    updated_at     BIGINT NOT NULL,
    suspended_at   BIGINT
);
CREATE INDEX subscriptions_customer ON subscriptions (partner_id, customer_id, status);
CREATE INDEX subscriptions_parent ON subscriptions (parent_id);

CREATE TABLE reservations (
    id            TEXT PRIMARY KEY NOT NULL,
    partner_id    TEXT NOT NULL REFERENCES partners (id),
    customer_id   TEXT NOT NULL REFERENCES customers (id),
    name          TEXT NOT NULL,
    sku           TEXT NOT NULL,
    region        TEXT NOT NULL,
    term          TEXT NOT NULL CHECK (term IN ('P1Y', 'P3Y')),
    quantity      INTEGER NOT NULL CHECK (quantity > 0),
    status        TEXT NOT NULL CHECK (status IN ('active', 'cancelled')),
    created_at    BIGINT NOT NULL,
    cancelled_at  BIGINT
);
CREATE INDEX reservations_customer ON reservations (partner_id, customer_id, status);

CREATE TABLE software_purchases (
    id            TEXT PRIMARY KEY NOT NULL,
    partner_id    TEXT NOT NULL REFERENCES partners (id),
    customer_id   TEXT NOT NULL REFERENCES customers (id),
    product       TEXT NOT NULL,
    order_id      TEXT NOT NULL,
    quantity      INTEGER NOT NULL CHECK (quantity > 0),
    status        TEXT NOT NULL CHECK (status IN ('active', 'cancelled')),
    created_at    BIGINT NOT NULL,
    cancelled_at  BIGINT
);
CREATE INDEX software_purchases_customer ON software_purchases (partner_id, customer_id, status);

CREATE TABLE support_contacts (
    id               TEXT PRIMARY KEY NOT NULL,
    partner_id       TEXT NOT NULL REFERENCES partners (id),
    customer_id      TEXT NOT NULL REFERENCES customers (id),
    subscription_id  TEXT NOT NULL UNIQUE REFERENCES subscriptions (id),
    contact_user_id  TEXT REFERENCES users (id),
    created_at       BIGINT NOT NULL
);
CREATE INDEX support_contacts_customer ON support_contacts (partner_id, customer_id);

CREATE TABLE audit_log (
    id             TEXT PRIMARY KEY NOT NULL,
    partner_id     TEXT REFERENCES partners (id),
    user_id        TEXT REFERENCES users (id),
    actor          TEXT NOT NULL,
    customer_id    TEXT REFERENCES customers (id),
    operation      TEXT NOT NULL,
    resource_type  TEXT NOT NULL,
    resource_id    TEXT,
    old_value      TEXT,
    new_value      TEXT,
    status         TEXT NOT NULL CHECK (status IN ('succeeded', 'failed')),
    at             BIGINT NOT NULL,
    request_id     TEXT NOT NULL
);
CREATE INDEX audit_log_partner_at ON audit_log (partner_id, at, id);
CREATE INDEX audit_log_customer_at ON audit_log (customer_id, at, id);

CREATE TABLE sessions (
    id          TEXT PRIMARY KEY NOT NULL,
    user_id     TEXT REFERENCES users (id) ON DELETE CASCADE,
    state       TEXT NOT NULL,
    created_at  BIGINT NOT NULL,
    expires_at  BIGINT NOT NULL
);
CREATE INDEX sessions_user ON sessions (user_id);
CREATE INDEX sessions_expires ON sessions (expires_at);
