-- The Customers list says of each customer whether it is ready to remove or what blocks it. Active
-- reservations and software purchases block removal like active subscriptions, so they are
-- counted on the relationship the same way (triggers, in the transaction of the change), and the
-- name index carries the counts: a page of the list stays one index range.
ALTER TABLE relationships ADD COLUMN active_reservations BIGINT NOT NULL DEFAULT 0;
UPDATE relationships SET active_reservations = (
    SELECT COUNT(*) FROM reservations t
     WHERE t.partner_id = relationships.partner_id
       AND t.customer_id = relationships.customer_id
       AND t.status = 'active');

CREATE TRIGGER reservations_count_insert AFTER INSERT ON reservations
WHEN NEW.status = 'active'
BEGIN
    UPDATE relationships SET active_reservations = active_reservations + 1
     WHERE partner_id = NEW.partner_id AND customer_id = NEW.customer_id;
END;

CREATE TRIGGER reservations_count_delete AFTER DELETE ON reservations
WHEN OLD.status = 'active'
BEGIN
    UPDATE relationships SET active_reservations = active_reservations - 1
     WHERE partner_id = OLD.partner_id AND customer_id = OLD.customer_id;
END;

CREATE TRIGGER reservations_count_update AFTER UPDATE OF status, partner_id, customer_id ON reservations
WHEN OLD.status IS NOT NEW.status OR OLD.partner_id IS NOT NEW.partner_id
  OR OLD.customer_id IS NOT NEW.customer_id
BEGIN
    UPDATE relationships SET active_reservations = active_reservations - 1
     WHERE OLD.status = 'active' AND partner_id = OLD.partner_id AND customer_id = OLD.customer_id;
    UPDATE relationships SET active_reservations = active_reservations + 1
     WHERE NEW.status = 'active' AND partner_id = NEW.partner_id AND customer_id = NEW.customer_id;
END;

ALTER TABLE relationships ADD COLUMN active_software BIGINT NOT NULL DEFAULT 0;
UPDATE relationships SET active_software = (
    SELECT COUNT(*) FROM software_purchases t
     WHERE t.partner_id = relationships.partner_id
       AND t.customer_id = relationships.customer_id
       AND t.status = 'active');

CREATE TRIGGER software_purchases_count_insert AFTER INSERT ON software_purchases
WHEN NEW.status = 'active'
BEGIN
    UPDATE relationships SET active_software = active_software + 1
     WHERE partner_id = NEW.partner_id AND customer_id = NEW.customer_id;
END;

CREATE TRIGGER software_purchases_count_delete AFTER DELETE ON software_purchases
WHEN OLD.status = 'active'
BEGIN
    UPDATE relationships SET active_software = active_software - 1
     WHERE partner_id = OLD.partner_id AND customer_id = OLD.customer_id;
END;

CREATE TRIGGER software_purchases_count_update AFTER UPDATE OF status, partner_id, customer_id ON software_purchases
WHEN OLD.status IS NOT NEW.status OR OLD.partner_id IS NOT NEW.partner_id
  OR OLD.customer_id IS NOT NEW.customer_id
BEGIN
    UPDATE relationships SET active_software = active_software - 1
     WHERE OLD.status = 'active' AND partner_id = OLD.partner_id AND customer_id = OLD.customer_id;
    UPDATE relationships SET active_software = active_software + 1
     WHERE NEW.status = 'active' AND partner_id = NEW.partner_id AND customer_id = NEW.customer_id;
END;

-- A relationship that starts after purchases were recorded starts with their counts.
CREATE TRIGGER relationships_purchase_counts_insert AFTER INSERT ON relationships
BEGIN
    UPDATE relationships SET
        active_reservations = (
            SELECT COUNT(*) FROM reservations t
             WHERE t.partner_id = NEW.partner_id AND t.customer_id = NEW.customer_id
               AND t.status = 'active'),
        active_software = (
            SELECT COUNT(*) FROM software_purchases t
             WHERE t.partner_id = NEW.partner_id AND t.customer_id = NEW.customer_id
               AND t.status = 'active')
     WHERE id = NEW.id;
END;

DROP INDEX relationships_by_name;
CREATE INDEX relationships_by_name ON relationships
    (partner_id, relationship_to_partner, sort_name, customer_id, allow_delegated_access,
     active_subscriptions, company_name, primary_domain, tenant_id, active_reservations,
     active_software);
