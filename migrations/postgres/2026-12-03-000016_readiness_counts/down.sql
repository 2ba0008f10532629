DROP INDEX relationships_by_name;
CREATE INDEX relationships_by_name ON relationships
    (partner_id, relationship_to_partner, sort_name, customer_id)
    INCLUDE (allow_delegated_access, active_subscriptions, company_name, primary_domain, tenant_id);
DROP TRIGGER relationships_purchase_counts ON relationships;
DROP FUNCTION relationships_purchase_counts();
DROP TRIGGER software_purchases_count ON software_purchases;
DROP FUNCTION software_purchases_count_active();
DROP TRIGGER reservations_count ON reservations;
DROP FUNCTION reservations_count_active();
ALTER TABLE relationships DROP COLUMN active_software;
ALTER TABLE relationships DROP COLUMN active_reservations;
