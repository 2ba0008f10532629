DROP INDEX relationships_by_name;
CREATE INDEX relationships_by_name ON relationships
    (partner_id, relationship_to_partner, sort_name, customer_id)
    INCLUDE (allow_delegated_access, active_subscriptions, company_name, primary_domain, tenant_id,
             blocking_subscriptions, active_reservations, active_software, active_savings_plans);
DROP TRIGGER relationships_active_gdap ON relationships;
DROP FUNCTION relationships_active_gdap();
DROP TRIGGER gdap_relationships_active_gdap ON gdap_relationships;
DROP FUNCTION gdap_relationships_active_gdap();
ALTER TABLE relationships DROP COLUMN active_gdap;
DROP TABLE gdap_access_assignment_roles;
DROP TABLE gdap_access_assignments;
DROP TABLE security_group_members;
DROP TABLE security_groups;
DROP TABLE gdap_relationship_roles;
DROP TABLE gdap_relationships;
