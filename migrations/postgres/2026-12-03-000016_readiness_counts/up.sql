-- The Customers list says of each customer whether it is ready to remove or what blocks it. Active
-- reservations and software purchases block removal like active subscriptions, so they are
-- counted on the relationship the same way (triggers, in the transaction of the change), and the
-- name index carries the counts: a page of the list stays one index range.
ALTER TABLE relationships ADD COLUMN active_reservations BIGINT NOT NULL DEFAULT 0;
UPDATE relationships r SET active_reservations = c.n
  FROM (SELECT partner_id, customer_id, COUNT(*) AS n FROM reservations
         WHERE status = 'active' GROUP BY partner_id, customer_id) c
 WHERE r.partner_id = c.partner_id AND r.customer_id = c.customer_id;

CREATE FUNCTION reservations_count_active() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    IF TG_OP = 'UPDATE' AND OLD.status IS NOT DISTINCT FROM NEW.status
       AND OLD.partner_id = NEW.partner_id AND OLD.customer_id = NEW.customer_id THEN
        RETURN NULL;
    END IF;
    IF TG_OP IN ('UPDATE', 'DELETE') AND OLD.status = 'active' THEN
        UPDATE relationships SET active_reservations = active_reservations - 1
         WHERE partner_id = OLD.partner_id AND customer_id = OLD.customer_id;
    END IF;
    IF TG_OP IN ('UPDATE', 'INSERT') AND NEW.status = 'active' THEN
        UPDATE relationships SET active_reservations = active_reservations + 1
         WHERE partner_id = NEW.partner_id AND customer_id = NEW.customer_id;
    END IF;
    RETURN NULL;
END $$;

CREATE TRIGGER reservations_count
AFTER INSERT OR DELETE OR UPDATE OF status, partner_id, customer_id ON reservations
FOR EACH ROW EXECUTE FUNCTION reservations_count_active();

ALTER TABLE relationships ADD COLUMN active_software BIGINT NOT NULL DEFAULT 0;
UPDATE relationships r SET active_software = c.n
  FROM (SELECT partner_id, customer_id, COUNT(*) AS n FROM software_purchases
         WHERE status = 'active' GROUP BY partner_id, customer_id) c
 WHERE r.partner_id = c.partner_id AND r.customer_id = c.customer_id;

CREATE FUNCTION software_purchases_count_active() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    IF TG_OP = 'UPDATE' AND OLD.status IS NOT DISTINCT FROM NEW.status
       AND OLD.partner_id = NEW.partner_id AND OLD.customer_id = NEW.customer_id THEN
        RETURN NULL;
    END IF;
    IF TG_OP IN ('UPDATE', 'DELETE') AND OLD.status = 'active' THEN
        UPDATE relationships SET active_software = active_software - 1
         WHERE partner_id = OLD.partner_id AND customer_id = OLD.customer_id;
    END IF;
    IF TG_OP IN ('UPDATE', 'INSERT') AND NEW.status = 'active' THEN
        UPDATE relationships SET active_software = active_software + 1
         WHERE partner_id = NEW.partner_id AND customer_id = NEW.customer_id;
    END IF;
    RETURN NULL;
END $$;

CREATE TRIGGER software_purchases_count
AFTER INSERT OR DELETE OR UPDATE OF status, partner_id, customer_id ON software_purchases
FOR EACH ROW EXECUTE FUNCTION software_purchases_count_active();

-- A relationship that starts after purchases were recorded starts with their counts.
CREATE FUNCTION relationships_purchase_counts() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    NEW.active_reservations := (
        SELECT COUNT(*) FROM reservations t
         WHERE t.partner_id = NEW.partner_id AND t.customer_id = NEW.customer_id
           AND t.status = 'active');
    NEW.active_software := (
        SELECT COUNT(*) FROM software_purchases t
         WHERE t.partner_id = NEW.partner_id AND t.customer_id = NEW.customer_id
           AND t.status = 'active');
    RETURN NEW;
END $$;

CREATE TRIGGER relationships_purchase_counts
BEFORE INSERT ON relationships
FOR EACH ROW EXECUTE FUNCTION relationships_purchase_counts();

DROP INDEX relationships_by_name;
CREATE INDEX relationships_by_name ON relationships
    (partner_id, relationship_to_partner, sort_name, customer_id)
    INCLUDE (allow_delegated_access, active_subscriptions, company_name, primary_domain, tenant_id,
             active_reservations, active_software);
