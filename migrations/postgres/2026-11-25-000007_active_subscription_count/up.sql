-- The Customers page shows each customer's active subscriptions. Counting them for every row of
-- a page (a correlated COUNT per row) was most of the page's database work, so the count is kept
-- on the relationship row instead: triggers keep it exact, inside the transaction that changes a
-- subscription. The name index carries it, with delegated access, so that a page of the list can
-- be read from the index alone.
ALTER TABLE relationships ADD COLUMN active_subscriptions BIGINT NOT NULL DEFAULT 0;
UPDATE relationships r SET active_subscriptions = c.n
  FROM (SELECT partner_id, customer_id, COUNT(*) AS n FROM subscriptions
         WHERE status = 'active' GROUP BY partner_id, customer_id) c
 WHERE r.partner_id = c.partner_id AND r.customer_id = c.customer_id;

CREATE FUNCTION subscriptions_count_active() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    IF TG_OP = 'UPDATE' AND OLD.status IS NOT DISTINCT FROM NEW.status
       AND OLD.partner_id = NEW.partner_id AND OLD.customer_id = NEW.customer_id THEN
        RETURN NULL;
    END IF;
    IF TG_OP IN ('UPDATE', 'DELETE') AND OLD.status = 'active' THEN
        UPDATE relationships SET active_subscriptions = active_subscriptions - 1
         WHERE partner_id = OLD.partner_id AND customer_id = OLD.customer_id;
    END IF;
    IF TG_OP IN ('UPDATE', 'INSERT') AND NEW.status = 'active' THEN
        UPDATE relationships SET active_subscriptions = active_subscriptions + 1
         WHERE partner_id = NEW.partner_id AND customer_id = NEW.customer_id;
    END IF;
    RETURN NULL;
END $$;

CREATE TRIGGER subscriptions_count
AFTER INSERT OR DELETE OR UPDATE OF status, partner_id, customer_id ON subscriptions
FOR EACH ROW EXECUTE FUNCTION subscriptions_count_active();

-- A relationship that starts after subscriptions were recorded starts with their count.
CREATE FUNCTION relationships_count_active() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    NEW.active_subscriptions := (
        SELECT COUNT(*) FROM subscriptions s
         WHERE s.partner_id = NEW.partner_id AND s.customer_id = NEW.customer_id
           AND s.status = 'active');
    RETURN NEW;
END $$;

CREATE TRIGGER relationships_count
BEFORE INSERT ON relationships
FOR EACH ROW EXECUTE FUNCTION relationships_count_active();

DROP INDEX relationships_by_name;
CREATE INDEX relationships_by_name ON relationships
    (partner_id, relationship_to_partner, sort_name, customer_id)
    INCLUDE (allow_delegated_access, active_subscriptions);
