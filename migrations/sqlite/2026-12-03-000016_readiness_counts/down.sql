DROP INDEX relationships_by_name;
CREATE INDEX relationships_by_name ON relationships
    (partner_id, relationship_to_partner, sort_name, customer_id, allow_delegated_access,
     active_subscriptions, company_name, primary_domain, tenant_id);
DROP TRIGGER relationships_purchase_counts_insert;
DROP TRIGGER software_purchases_count_update;
DROP TRIGGER software_purchases_count_delete;
DROP TRIGGER software_purchases_count_insert;
DROP TRIGGER reservations_count_update;
DROP TRIGGER reservations_count_delete;
DROP TRIGGER reservations_count_insert;
ALTER TABLE relationships DROP COLUMN active_software;
ALTER TABLE relationships DROP COLUMN active_reservations;
