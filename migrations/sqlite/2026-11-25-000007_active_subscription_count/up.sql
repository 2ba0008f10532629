-- The Customers page shows each customer's active subscriptions. Counting them for every row of
-- a page (a correlated COUNT per row) was most of the page's database work, so the count is kept
-- on the relationship row instead: triggers keep it exact, inside the transaction that changes a
-- subscription. The name index carries it, with delegated access, so that a page of the list is
-- read from the index alone.
ALTER TABLE relationships ADD COLUMN active_subscriptions BIGINT NOT NULL DEFAULT 0;
UPDATE relationships SET active_subscriptions = (
    SELECT COUNT(*) FROM subscriptions s
     WHERE s.partner_id = relationships.partner_id
       AND s.customer_id = relationships.customer_id
       AND s.status = 'active');

CREATE TRIGGER subscriptions_count_insert AFTER INSERT ON subscriptions
WHEN NEW.status = 'active'
BEGIN
    UPDATE relationships SET active_subscriptions = active_subscriptions + 1
     WHERE partner_id = NEW.partner_id AND customer_id = NEW.customer_id;
END;

CREATE TRIGGER subscriptions_count_delete AFTER DELETE ON subscriptions
WHEN OLD.status = 'active'
BEGIN
    UPDATE relationships SET active_subscriptions = active_subscriptions - 1
     WHERE partner_id = OLD.partner_id AND customer_id = OLD.customer_id;
END;

CREATE TRIGGER subscriptions_count_update AFTER UPDATE OF status, partner_id, customer_id ON subscriptions
WHEN OLD.status IS NOT NEW.status OR OLD.partner_id IS NOT NEW.partner_id
  OR OLD.customer_id IS NOT NEW.customer_id
BEGIN
    UPDATE relationships SET active_subscriptions = active_subscriptions - 1
     WHERE OLD.status = 'active' AND partner_id = OLD.partner_id AND customer_id = OLD.customer_id;
    UPDATE relationships SET active_subscriptions = active_subscriptions + 1
     WHERE NEW.status = 'active' AND partner_id = NEW.partner_id AND customer_id = NEW.customer_id;
END;

-- A relationship that starts after subscriptions were recorded starts with their count.
CREATE TRIGGER relationships_count_insert AFTER INSERT ON relationships
BEGIN
    UPDATE relationships SET active_subscriptions = (
        SELECT COUNT(*) FROM subscriptions s
         WHERE s.partner_id = NEW.partner_id AND s.customer_id = NEW.customer_id
           AND s.status = 'active')
     WHERE id = NEW.id;
END;

DROP INDEX relationships_by_name;
CREATE INDEX relationships_by_name ON relationships
    (partner_id, relationship_to_partner, sort_name, customer_id, allow_delegated_access,
     active_subscriptions);
