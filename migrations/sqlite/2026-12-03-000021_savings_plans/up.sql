-- Azure savings plans: an hourly spend commitment for a term, bought for a customer. An active
-- one blocks removal like a reservation, so the relationship keeps a count of them like
-- active_reservations (triggers, in the transaction of the change), and the name index carries
-- it: a page of the Customers list stays one index range.
CREATE TABLE savings_plans (
    id                TEXT PRIMARY KEY NOT NULL,
    partner_id        TEXT NOT NULL REFERENCES partners (id),
    customer_id       TEXT NOT NULL REFERENCES customers (id),
    name              TEXT NOT NULL,
    commitment_cents  BIGINT NOT NULL CHECK (commitment_cents > 0),
    currency          TEXT NOT NULL CHECK (length(currency) = 3),
    term              TEXT NOT NULL CHECK (term IN ('P1Y', 'P3Y')),
    billing           TEXT NOT NULL CHECK (billing IN ('monthly', 'upfront')),
    status            TEXT NOT NULL CHECK (status IN ('active', 'cancelled')),
    created_at        BIGINT NOT NULL,
    cancelled_at      BIGINT
);
CREATE INDEX savings_plans_customer ON savings_plans (partner_id, customer_id, status);

ALTER TABLE relationships ADD COLUMN active_savings_plans BIGINT NOT NULL DEFAULT 0;

CREATE TRIGGER savings_plans_active_savings_plans_insert AFTER INSERT ON savings_plans
WHEN (NEW.status = 'active')
BEGIN
    UPDATE relationships SET active_savings_plans = active_savings_plans + 1
     WHERE partner_id = NEW.partner_id AND customer_id = NEW.customer_id;
END;

CREATE TRIGGER savings_plans_active_savings_plans_delete AFTER DELETE ON savings_plans
WHEN (OLD.status = 'active')
BEGIN
    UPDATE relationships SET active_savings_plans = active_savings_plans - 1
     WHERE partner_id = OLD.partner_id AND customer_id = OLD.customer_id;
END;

CREATE TRIGGER savings_plans_active_savings_plans_update AFTER UPDATE OF status, partner_id, customer_id ON savings_plans
WHEN OLD.status IS NOT NEW.status OR OLD.partner_id IS NOT NEW.partner_id OR OLD.customer_id IS NOT NEW.customer_id
BEGIN
    UPDATE relationships SET active_savings_plans = active_savings_plans - 1
     WHERE (OLD.status = 'active') AND partner_id = OLD.partner_id AND customer_id = OLD.customer_id;
    UPDATE relationships SET active_savings_plans = active_savings_plans + 1
     WHERE (NEW.status = 'active') AND partner_id = NEW.partner_id AND customer_id = NEW.customer_id;
END;

-- A relationship that starts after savings plans were recorded starts with their count.
CREATE TRIGGER relationships_active_savings_plans_insert AFTER INSERT ON relationships
BEGIN
    UPDATE relationships SET
        active_savings_plans = (
            SELECT COUNT(*) FROM savings_plans t
             WHERE t.partner_id = NEW.partner_id AND t.customer_id = NEW.customer_id
               AND (t.status = 'active'))
     WHERE id = NEW.id;
END;

DROP INDEX relationships_by_name;
CREATE INDEX relationships_by_name ON relationships
    (partner_id, relationship_to_partner, sort_name, customer_id, allow_delegated_access,
     active_subscriptions, company_name, primary_domain, tenant_id, blocking_subscriptions,
     active_reservations, active_software, active_savings_plans);
