DROP INDEX relationships_by_name;
CREATE INDEX relationships_by_name ON relationships
    (partner_id, relationship_to_partner, sort_name, customer_id, allow_delegated_access,
     active_subscriptions, company_name, primary_domain, tenant_id, blocking_subscriptions,
     active_reservations, active_software);
DROP TRIGGER relationships_active_savings_plans_insert;
DROP TRIGGER savings_plans_active_savings_plans_update;
DROP TRIGGER savings_plans_active_savings_plans_delete;
DROP TRIGGER savings_plans_active_savings_plans_insert;
ALTER TABLE relationships DROP COLUMN active_savings_plans;
DROP TABLE savings_plans;
