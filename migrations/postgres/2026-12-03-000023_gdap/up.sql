-- GDAP: granular delegated admin relationships, modelled on Microsoft Graph's
-- delegatedAdminRelationship. A relationship carries Entra roles (by roleDefinitionId) for a
-- duration; the customer's administrator approves it. Status names are Graph's. The customer's
-- active ones (active or expiring) are counted on the reseller relationship like the blockers, so
-- the Customers list's GDAP badge comes from the same index range.
CREATE TABLE gdap_relationships (
    id                  TEXT PRIMARY KEY NOT NULL,
    partner_id          TEXT NOT NULL REFERENCES partners (id),
    customer_id         TEXT NOT NULL REFERENCES customers (id),
    display_name        TEXT NOT NULL CHECK (length(display_name) BETWEEN 1 AND 50),
    duration_days       INTEGER NOT NULL CHECK (duration_days BETWEEN 1 AND 730),
    auto_extend_days    INTEGER NOT NULL CHECK (auto_extend_days IN (0, 180)),
    status              TEXT NOT NULL CHECK (status IN ('created', 'approvalPending', 'approved',
                            'activating', 'active', 'expiring', 'expired', 'terminationRequested',
                            'terminating', 'terminated')),
    created_by          TEXT REFERENCES users (id),
    created_at          BIGINT NOT NULL,
    updated_at          BIGINT NOT NULL,
    activated_at        BIGINT,
    end_at              BIGINT,
    ended_at            BIGINT,
    ended_by            TEXT
);
-- displayName is unique per partner, as in Partner Center.
CREATE UNIQUE INDEX gdap_relationships_name ON gdap_relationships (partner_id, display_name);
-- A customer's relationships (Account page, removal), and the GDAP page across customers.
CREATE INDEX gdap_relationships_customer ON gdap_relationships (partner_id, customer_id, status);
CREATE INDEX gdap_relationships_by_end ON gdap_relationships (partner_id, status, end_at);

CREATE TABLE gdap_relationship_roles (
    relationship_id     TEXT NOT NULL REFERENCES gdap_relationships (id),
    role_definition_id  TEXT NOT NULL,
    PRIMARY KEY (relationship_id, role_definition_id)
);

-- The partner's security groups, and who is in them.
CREATE TABLE security_groups (
    id          TEXT PRIMARY KEY NOT NULL,
    partner_id  TEXT NOT NULL REFERENCES partners (id),
    name        TEXT NOT NULL CHECK (length(name) BETWEEN 1 AND 100),
    created_at  BIGINT NOT NULL
);
CREATE UNIQUE INDEX security_groups_name ON security_groups (partner_id, name);

CREATE TABLE security_group_members (
    group_id  TEXT NOT NULL REFERENCES security_groups (id),
    user_id   TEXT NOT NULL REFERENCES users (id),
    PRIMARY KEY (group_id, user_id)
);
CREATE INDEX security_group_members_user ON security_group_members (user_id);

-- Graph's delegatedAdminAccessAssignment: a security group gets some of a relationship's roles.
CREATE TABLE gdap_access_assignments (
    id               TEXT PRIMARY KEY NOT NULL,
    relationship_id  TEXT NOT NULL REFERENCES gdap_relationships (id),
    group_id         TEXT NOT NULL REFERENCES security_groups (id),
    status           TEXT NOT NULL CHECK (status IN ('pending', 'active', 'deleting', 'deleted', 'error')),
    created_at       BIGINT NOT NULL,
    updated_at       BIGINT NOT NULL
);
-- One live assignment per relationship and group.
CREATE UNIQUE INDEX gdap_access_assignments_live ON gdap_access_assignments (relationship_id, group_id)
    WHERE status <> 'deleted';

CREATE TABLE gdap_access_assignment_roles (
    assignment_id       TEXT NOT NULL REFERENCES gdap_access_assignments (id),
    role_definition_id  TEXT NOT NULL,
    PRIMARY KEY (assignment_id, role_definition_id)
);

ALTER TABLE relationships ADD COLUMN active_gdap BIGINT NOT NULL DEFAULT 0;

CREATE FUNCTION gdap_relationships_active_gdap() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    IF TG_OP = 'UPDATE' AND OLD.status IS NOT DISTINCT FROM NEW.status AND OLD.partner_id IS NOT DISTINCT FROM NEW.partner_id AND OLD.customer_id IS NOT DISTINCT FROM NEW.customer_id THEN
        RETURN NULL;
    END IF;
    IF TG_OP IN ('UPDATE', 'DELETE') AND (OLD.status IN ('active', 'expiring')) THEN
        UPDATE relationships SET active_gdap = active_gdap - 1
         WHERE partner_id = OLD.partner_id AND customer_id = OLD.customer_id;
    END IF;
    IF TG_OP IN ('UPDATE', 'INSERT') AND (NEW.status IN ('active', 'expiring')) THEN
        UPDATE relationships SET active_gdap = active_gdap + 1
         WHERE partner_id = NEW.partner_id AND customer_id = NEW.customer_id;
    END IF;
    RETURN NULL;
END $$;

CREATE TRIGGER gdap_relationships_active_gdap
AFTER INSERT OR DELETE OR UPDATE OF status, partner_id, customer_id ON gdap_relationships
FOR EACH ROW EXECUTE FUNCTION gdap_relationships_active_gdap();

-- A relationship that starts after GDAP relationships were recorded starts with their count.
CREATE FUNCTION relationships_active_gdap() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    NEW.active_gdap := (
        SELECT COUNT(*) FROM gdap_relationships t
         WHERE t.partner_id = NEW.partner_id AND t.customer_id = NEW.customer_id
           AND (t.status IN ('active', 'expiring')));
    RETURN NEW;
END $$;

CREATE TRIGGER relationships_active_gdap
BEFORE INSERT ON relationships
FOR EACH ROW EXECUTE FUNCTION relationships_active_gdap();

DROP INDEX relationships_by_name;
CREATE INDEX relationships_by_name ON relationships
    (partner_id, relationship_to_partner, sort_name, customer_id)
    INCLUDE (allow_delegated_access, active_subscriptions, company_name, primary_domain, tenant_id,
             blocking_subscriptions, active_reservations, active_software, active_savings_plans,
             active_gdap);
