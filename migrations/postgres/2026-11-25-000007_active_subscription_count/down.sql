DROP INDEX relationships_by_name;
CREATE INDEX relationships_by_name ON relationships (partner_id, relationship_to_partner, sort_name, customer_id);
DROP TRIGGER relationships_count ON relationships;
DROP FUNCTION relationships_count_active();
DROP TRIGGER subscriptions_count ON subscriptions;
DROP FUNCTION subscriptions_count_active();
ALTER TABLE relationships DROP COLUMN active_subscriptions;
