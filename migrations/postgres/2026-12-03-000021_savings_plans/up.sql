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

CREATE FUNCTION savings_plans_active_savings_plans() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    IF TG_OP = 'UPDATE' AND OLD.status IS NOT DISTINCT FROM NEW.status AND OLD.partner_id IS NOT DISTINCT FROM NEW.partner_id AND OLD.customer_id IS NOT DISTINCT FROM NEW.customer_id THEN
        RETURN NULL;
    END IF;
    IF TG_OP IN ('UPDATE', 'DELETE') AND (OLD.status = 'active') THEN
        UPDATE relationships SET active_savings_plans = active_savings_plans - 1
         WHERE partner_id = OLD.partner_id AND customer_id = OLD.customer_id;
    END IF;
    IF TG_OP IN ('UPDATE', 'INSERT') AND (NEW.status = 'active') THEN
        UPDATE relationships SET active_savings_plans = active_savings_plans + 1
         WHERE partner_id = NEW.partner_id AND customer_id = NEW.customer_id;
    END IF;
    RETURN NULL;
END $$;

CREATE TRIGGER savings_plans_active_savings_plans
AFTER INSERT OR DELETE OR UPDATE OF status, partner_id, customer_id ON savings_plans
FOR EACH ROW EXECUTE FUNCTION savings_plans_active_savings_plans();

-- A relationship that starts after savings plans were recorded starts with their count.
CREATE FUNCTION relationships_active_savings_plans() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    NEW.active_savings_plans := (
        SELECT COUNT(*) FROM savings_plans t
         WHERE t.partner_id = NEW.partner_id AND t.customer_id = NEW.customer_id
           AND (t.status = 'active'));
    RETURN NEW;
END $$;

CREATE TRIGGER relationships_active_savings_plans
BEFORE INSERT ON relationships
FOR EACH ROW EXECUTE FUNCTION relationships_active_savings_plans();

DROP INDEX relationships_by_name;
CREATE INDEX relationships_by_name ON relationships
    (partner_id, relationship_to_partner, sort_name, customer_id)
    INCLUDE (allow_delegated_access, active_subscriptions, company_name, primary_domain, tenant_id,
             blocking_subscriptions, active_reservations, active_software, active_savings_plans);
