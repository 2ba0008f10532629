-- Second-person approval of a removal (a partner setting, off by default): when it is on, a
-- Global admin's removal is a request that a different Global admin approves or rejects
-- within 72 hours. `outcome` is pending, approved, rejected, withdrawn or expired; a pending
-- request past `expires_at` counts as expired when read.
ALTER TABLE partners ADD COLUMN removal_needs_second_approval BOOLEAN NOT NULL DEFAULT FALSE;
CREATE TABLE removal_approvals (
    id               TEXT PRIMARY KEY NOT NULL,
    partner_id       TEXT NOT NULL REFERENCES partners (id),
    customer_id      TEXT NOT NULL REFERENCES customers (id),
    relationship_id  TEXT NOT NULL,
    requested_by     TEXT NOT NULL REFERENCES users (id),
    requested_at     BIGINT NOT NULL,
    expires_at       BIGINT NOT NULL,
    decided_by       TEXT REFERENCES users (id),
    decided_at       BIGINT,
    outcome          TEXT NOT NULL,
    reason           TEXT
);
-- One pending request per relationship.
CREATE UNIQUE INDEX removal_approvals_pending ON removal_approvals (partner_id, customer_id) WHERE outcome = 'pending';
-- The Account page's question: this customer's requests, newest first.
CREATE INDEX removal_approvals_customer ON removal_approvals (partner_id, customer_id, requested_at);
