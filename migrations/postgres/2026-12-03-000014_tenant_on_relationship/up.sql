-- The API's customer list shows each customer's tenant id: the relationship carries it, like the
-- name and domain, so that a page of the list is still one range of the name index and nothing
-- else. A customer's tenant id never changes.
ALTER TABLE relationships ADD COLUMN tenant_id TEXT NOT NULL DEFAULT '';
UPDATE relationships r SET tenant_id = c.tenant_id FROM customers c WHERE c.id = r.customer_id;
DROP INDEX relationships_by_name;
CREATE INDEX relationships_by_name ON relationships
    (partner_id, relationship_to_partner, sort_name, customer_id)
    INCLUDE (allow_delegated_access, active_subscriptions, company_name, primary_domain, tenant_id);
