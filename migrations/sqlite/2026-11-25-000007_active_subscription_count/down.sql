DROP INDEX relationships_by_name;
CREATE INDEX relationships_by_name ON relationships (partner_id, relationship_to_partner, sort_name, customer_id);
DROP TRIGGER relationships_count_insert;
DROP TRIGGER subscriptions_count_update;
DROP TRIGGER subscriptions_count_delete;
DROP TRIGGER subscriptions_count_insert;
ALTER TABLE relationships DROP COLUMN active_subscriptions;
