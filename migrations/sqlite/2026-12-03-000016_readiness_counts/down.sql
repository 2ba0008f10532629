DROP INDEX relationships_by_name;
CREATE INDEX relationships_by_name ON relationships
    (partner_id, relationship_to_partner, sort_name, customer_id, allow_delegated_access,
     active_subscriptions, company_name, primary_domain, tenant_id);
DROP TRIGGER relationships_readiness_counts_insert;
DROP TRIGGER software_purchases_active_software_update;
DROP TRIGGER software_purchases_active_software_delete;
DROP TRIGGER software_purchases_active_software_insert;
DROP TRIGGER reservations_active_reservations_update;
DROP TRIGGER reservations_active_reservations_delete;
DROP TRIGGER reservations_active_reservations_insert;
DROP TRIGGER subscriptions_blocking_subscriptions_update;
DROP TRIGGER subscriptions_blocking_subscriptions_delete;
DROP TRIGGER subscriptions_blocking_subscriptions_insert;
ALTER TABLE relationships DROP COLUMN active_software;
ALTER TABLE relationships DROP COLUMN active_reservations;
ALTER TABLE relationships DROP COLUMN blocking_subscriptions;
