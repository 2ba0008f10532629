DROP INDEX relationships_by_name;
CREATE INDEX relationships_by_name ON relationships
    (partner_id, relationship_to_partner, sort_name, customer_id)
    INCLUDE (allow_delegated_access, active_subscriptions, company_name, primary_domain, tenant_id);
DROP TRIGGER relationships_readiness_counts ON relationships;
DROP FUNCTION relationships_readiness_counts();
DROP TRIGGER software_purchases_active_software ON software_purchases;
DROP FUNCTION software_purchases_active_software();
DROP TRIGGER reservations_active_reservations ON reservations;
DROP FUNCTION reservations_active_reservations();
DROP TRIGGER subscriptions_blocking_subscriptions ON subscriptions;
DROP FUNCTION subscriptions_blocking_subscriptions();
ALTER TABLE relationships DROP COLUMN active_software;
ALTER TABLE relationships DROP COLUMN active_reservations;
ALTER TABLE relationships DROP COLUMN blocking_subscriptions;
