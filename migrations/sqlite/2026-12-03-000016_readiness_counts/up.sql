-- The Customers list says of each customer whether it is ready to remove or what blocks it:
-- subscriptions that are active or still billed (suspended new commerce), active reservations
-- and active software purchases. Each is counted on the relationship like active_subscriptions
-- (triggers, in the transaction of the change), and the name index carries the counts: a page
-- of the list stays one index range.
ALTER TABLE relationships ADD COLUMN blocking_subscriptions BIGINT NOT NULL DEFAULT 0;
UPDATE relationships SET blocking_subscriptions = (
    SELECT COUNT(*) FROM subscriptions t
     WHERE t.partner_id = relationships.partner_id
       AND t.customer_id = relationships.customer_id
       AND (t.status = 'active' OR (t.status = 'suspended' AND t.commerce_type = 'new_commerce')));

CREATE TRIGGER subscriptions_blocking_subscriptions_insert AFTER INSERT ON subscriptions
WHEN (NEW.status = 'active' OR (NEW.status = 'suspended' AND NEW.commerce_type = 'new_commerce'))
BEGIN
    UPDATE relationships SET blocking_subscriptions = blocking_subscriptions + 1
     WHERE partner_id = NEW.partner_id AND customer_id = NEW.customer_id;
END;

CREATE TRIGGER subscriptions_blocking_subscriptions_delete AFTER DELETE ON subscriptions
WHEN (OLD.status = 'active' OR (OLD.status = 'suspended' AND OLD.commerce_type = 'new_commerce'))
BEGIN
    UPDATE relationships SET blocking_subscriptions = blocking_subscriptions - 1
     WHERE partner_id = OLD.partner_id AND customer_id = OLD.customer_id;
END;

CREATE TRIGGER subscriptions_blocking_subscriptions_update AFTER UPDATE OF status, commerce_type, partner_id, customer_id ON subscriptions
WHEN OLD.status IS NOT NEW.status OR OLD.commerce_type IS NOT NEW.commerce_type OR OLD.partner_id IS NOT NEW.partner_id OR OLD.customer_id IS NOT NEW.customer_id
BEGIN
    UPDATE relationships SET blocking_subscriptions = blocking_subscriptions - 1
     WHERE (OLD.status = 'active' OR (OLD.status = 'suspended' AND OLD.commerce_type = 'new_commerce')) AND partner_id = OLD.partner_id AND customer_id = OLD.customer_id;
    UPDATE relationships SET blocking_subscriptions = blocking_subscriptions + 1
     WHERE (NEW.status = 'active' OR (NEW.status = 'suspended' AND NEW.commerce_type = 'new_commerce')) AND partner_id = NEW.partner_id AND customer_id = NEW.customer_id;
END;

ALTER TABLE relationships ADD COLUMN active_reservations BIGINT NOT NULL DEFAULT 0;
UPDATE relationships SET active_reservations = (
    SELECT COUNT(*) FROM reservations t
     WHERE t.partner_id = relationships.partner_id
       AND t.customer_id = relationships.customer_id
       AND (t.status = 'active'));

CREATE TRIGGER reservations_active_reservations_insert AFTER INSERT ON reservations
WHEN (NEW.status = 'active')
BEGIN
    UPDATE relationships SET active_reservations = active_reservations + 1
     WHERE partner_id = NEW.partner_id AND customer_id = NEW.customer_id;
END;

CREATE TRIGGER reservations_active_reservations_delete AFTER DELETE ON reservations
WHEN (OLD.status = 'active')
BEGIN
    UPDATE relationships SET active_reservations = active_reservations - 1
     WHERE partner_id = OLD.partner_id AND customer_id = OLD.customer_id;
END;

CREATE TRIGGER reservations_active_reservations_update AFTER UPDATE OF status, partner_id, customer_id ON reservations
WHEN OLD.status IS NOT NEW.status OR OLD.partner_id IS NOT NEW.partner_id OR OLD.customer_id IS NOT NEW.customer_id
BEGIN
    UPDATE relationships SET active_reservations = active_reservations - 1
     WHERE (OLD.status = 'active') AND partner_id = OLD.partner_id AND customer_id = OLD.customer_id;
    UPDATE relationships SET active_reservations = active_reservations + 1
     WHERE (NEW.status = 'active') AND partner_id = NEW.partner_id AND customer_id = NEW.customer_id;
END;

ALTER TABLE relationships ADD COLUMN active_software BIGINT NOT NULL DEFAULT 0;
UPDATE relationships SET active_software = (
    SELECT COUNT(*) FROM software_purchases t
     WHERE t.partner_id = relationships.partner_id
       AND t.customer_id = relationships.customer_id
       AND (t.status = 'active'));

CREATE TRIGGER software_purchases_active_software_insert AFTER INSERT ON software_purchases
WHEN (NEW.status = 'active')
BEGIN
    UPDATE relationships SET active_software = active_software + 1
     WHERE partner_id = NEW.partner_id AND customer_id = NEW.customer_id;
END;

CREATE TRIGGER software_purchases_active_software_delete AFTER DELETE ON software_purchases
WHEN (OLD.status = 'active')
BEGIN
    UPDATE relationships SET active_software = active_software - 1
     WHERE partner_id = OLD.partner_id AND customer_id = OLD.customer_id;
END;

CREATE TRIGGER software_purchases_active_software_update AFTER UPDATE OF status, partner_id, customer_id ON software_purchases
WHEN OLD.status IS NOT NEW.status OR OLD.partner_id IS NOT NEW.partner_id OR OLD.customer_id IS NOT NEW.customer_id
BEGIN
    UPDATE relationships SET active_software = active_software - 1
     WHERE (OLD.status = 'active') AND partner_id = OLD.partner_id AND customer_id = OLD.customer_id;
    UPDATE relationships SET active_software = active_software + 1
     WHERE (NEW.status = 'active') AND partner_id = NEW.partner_id AND customer_id = NEW.customer_id;
END;

-- A relationship that starts after purchases were recorded starts with their counts.
CREATE TRIGGER relationships_readiness_counts_insert AFTER INSERT ON relationships
BEGIN
    UPDATE relationships SET
        blocking_subscriptions = (
            SELECT COUNT(*) FROM subscriptions t
             WHERE t.partner_id = NEW.partner_id AND t.customer_id = NEW.customer_id
               AND (t.status = 'active' OR (t.status = 'suspended' AND t.commerce_type = 'new_commerce'))),
        active_reservations = (
            SELECT COUNT(*) FROM reservations t
             WHERE t.partner_id = NEW.partner_id AND t.customer_id = NEW.customer_id
               AND (t.status = 'active')),
        active_software = (
            SELECT COUNT(*) FROM software_purchases t
             WHERE t.partner_id = NEW.partner_id AND t.customer_id = NEW.customer_id
               AND (t.status = 'active'))
     WHERE id = NEW.id;
END;

DROP INDEX relationships_by_name;
CREATE INDEX relationships_by_name ON relationships
    (partner_id, relationship_to_partner, sort_name, customer_id, allow_delegated_access,
     active_subscriptions, company_name, primary_domain, tenant_id, blocking_subscriptions,
     active_reservations, active_software);
