-- The Customers list says of each customer whether it is ready to remove or what blocks it:
-- subscriptions that are active or still billed (suspended new commerce), active reservations
-- and active software purchases. Each is counted on the relationship like active_subscriptions
-- (triggers, in the transaction of the change), and the name index carries the counts: a page
-- of the list stays one index range.
ALTER TABLE relationships ADD COLUMN blocking_subscriptions BIGINT NOT NULL DEFAULT 0;
UPDATE relationships r SET blocking_subscriptions = n.n
  FROM (SELECT partner_id, customer_id, COUNT(*) AS n FROM subscriptions t
         WHERE (t.status = 'active' OR (t.status = 'suspended' AND t.commerce_type = 'new_commerce')) GROUP BY partner_id, customer_id) n
 WHERE r.partner_id = n.partner_id AND r.customer_id = n.customer_id;

CREATE FUNCTION subscriptions_blocking_subscriptions() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    IF TG_OP = 'UPDATE' AND OLD.status IS NOT DISTINCT FROM NEW.status AND OLD.commerce_type IS NOT DISTINCT FROM NEW.commerce_type AND OLD.partner_id IS NOT DISTINCT FROM NEW.partner_id AND OLD.customer_id IS NOT DISTINCT FROM NEW.customer_id THEN
        RETURN NULL;
    END IF;
    IF TG_OP IN ('UPDATE', 'DELETE') AND (OLD.status = 'active' OR (OLD.status = 'suspended' AND OLD.commerce_type = 'new_commerce')) THEN
        UPDATE relationships SET blocking_subscriptions = blocking_subscriptions - 1
         WHERE partner_id = OLD.partner_id AND customer_id = OLD.customer_id;
    END IF;
    IF TG_OP IN ('UPDATE', 'INSERT') AND (NEW.status = 'active' OR (NEW.status = 'suspended' AND NEW.commerce_type = 'new_commerce')) THEN
        UPDATE relationships SET blocking_subscriptions = blocking_subscriptions + 1
         WHERE partner_id = NEW.partner_id AND customer_id = NEW.customer_id;
    END IF;
    RETURN NULL;
END $$;

CREATE TRIGGER subscriptions_blocking_subscriptions
AFTER INSERT OR DELETE OR UPDATE OF status, commerce_type, partner_id, customer_id ON subscriptions
FOR EACH ROW EXECUTE FUNCTION subscriptions_blocking_subscriptions();

ALTER TABLE relationships ADD COLUMN active_reservations BIGINT NOT NULL DEFAULT 0;
UPDATE relationships r SET active_reservations = n.n
  FROM (SELECT partner_id, customer_id, COUNT(*) AS n FROM reservations t
         WHERE (t.status = 'active') GROUP BY partner_id, customer_id) n
 WHERE r.partner_id = n.partner_id AND r.customer_id = n.customer_id;

CREATE FUNCTION reservations_active_reservations() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    IF TG_OP = 'UPDATE' AND OLD.status IS NOT DISTINCT FROM NEW.status AND OLD.partner_id IS NOT DISTINCT FROM NEW.partner_id AND OLD.customer_id IS NOT DISTINCT FROM NEW.customer_id THEN
        RETURN NULL;
    END IF;
    IF TG_OP IN ('UPDATE', 'DELETE') AND (OLD.status = 'active') THEN
        UPDATE relationships SET active_reservations = active_reservations - 1
         WHERE partner_id = OLD.partner_id AND customer_id = OLD.customer_id;
    END IF;
    IF TG_OP IN ('UPDATE', 'INSERT') AND (NEW.status = 'active') THEN
        UPDATE relationships SET active_reservations = active_reservations + 1
         WHERE partner_id = NEW.partner_id AND customer_id = NEW.customer_id;
    END IF;
    RETURN NULL;
END $$;

CREATE TRIGGER reservations_active_reservations
AFTER INSERT OR DELETE OR UPDATE OF status, partner_id, customer_id ON reservations
FOR EACH ROW EXECUTE FUNCTION reservations_active_reservations();

ALTER TABLE relationships ADD COLUMN active_software BIGINT NOT NULL DEFAULT 0;
UPDATE relationships r SET active_software = n.n
  FROM (SELECT partner_id, customer_id, COUNT(*) AS n FROM software_purchases t
         WHERE (t.status = 'active') GROUP BY partner_id, customer_id) n
 WHERE r.partner_id = n.partner_id AND r.customer_id = n.customer_id;

CREATE FUNCTION software_purchases_active_software() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    IF TG_OP = 'UPDATE' AND OLD.status IS NOT DISTINCT FROM NEW.status AND OLD.partner_id IS NOT DISTINCT FROM NEW.partner_id AND OLD.customer_id IS NOT DISTINCT FROM NEW.customer_id THEN
        RETURN NULL;
    END IF;
    IF TG_OP IN ('UPDATE', 'DELETE') AND (OLD.status = 'active') THEN
        UPDATE relationships SET active_software = active_software - 1
         WHERE partner_id = OLD.partner_id AND customer_id = OLD.customer_id;
    END IF;
    IF TG_OP IN ('UPDATE', 'INSERT') AND (NEW.status = 'active') THEN
        UPDATE relationships SET active_software = active_software + 1
         WHERE partner_id = NEW.partner_id AND customer_id = NEW.customer_id;
    END IF;
    RETURN NULL;
END $$;

CREATE TRIGGER software_purchases_active_software
AFTER INSERT OR DELETE OR UPDATE OF status, partner_id, customer_id ON software_purchases
FOR EACH ROW EXECUTE FUNCTION software_purchases_active_software();

-- A relationship that starts after purchases were recorded starts with their counts.
CREATE FUNCTION relationships_readiness_counts() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    NEW.blocking_subscriptions := (
        SELECT COUNT(*) FROM subscriptions t
         WHERE t.partner_id = NEW.partner_id AND t.customer_id = NEW.customer_id
           AND (t.status = 'active' OR (t.status = 'suspended' AND t.commerce_type = 'new_commerce')));
    NEW.active_reservations := (
        SELECT COUNT(*) FROM reservations t
         WHERE t.partner_id = NEW.partner_id AND t.customer_id = NEW.customer_id
           AND (t.status = 'active'));
    NEW.active_software := (
        SELECT COUNT(*) FROM software_purchases t
         WHERE t.partner_id = NEW.partner_id AND t.customer_id = NEW.customer_id
           AND (t.status = 'active'));
    RETURN NEW;
END $$;

CREATE TRIGGER relationships_readiness_counts
BEFORE INSERT ON relationships
FOR EACH ROW EXECUTE FUNCTION relationships_readiness_counts();

DROP INDEX relationships_by_name;
CREATE INDEX relationships_by_name ON relationships
    (partner_id, relationship_to_partner, sort_name, customer_id)
    INCLUDE (allow_delegated_access, active_subscriptions, company_name, primary_domain, tenant_id,
             blocking_subscriptions, active_reservations, active_software);
