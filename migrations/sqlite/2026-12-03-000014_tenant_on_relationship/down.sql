DROP INDEX relationships_by_name;
CREATE INDEX relationships_by_name ON relationships
    (partner_id, relationship_to_partner, sort_name, customer_id, allow_delegated_access,
     active_subscriptions, company_name, primary_domain);
ALTER TABLE relationships DROP COLUMN tenant_id;
