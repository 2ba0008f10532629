//! What a customer admin's pages read about their own tenant: the partners with a relationship,
//! the GDAP relationships and their roles (read here directly, by customer), and the audit
//! records about the customer. Every query is by `customer_id`.

use diesel::prelude::*;

use crate::db::AnyConnection;
use crate::db::schema::{
    audit_log, gdap_relationship_roles, gdap_relationships, partners, relationships,
};
use crate::models::audit::AuditRecord;
use crate::models::relationship::{RESELLER, Relationship};

/// The customer's reseller relationships with the partner's name, by partner name.
pub fn reseller_relationships(
    conn: &mut AnyConnection,
    customer_id: &str,
) -> QueryResult<Vec<(Relationship, String)>> {
    relationships::table
        .inner_join(partners::table)
        .filter(relationships::customer_id.eq(customer_id))
        .filter(relationships::relationship_to_partner.eq(RESELLER))
        .order((partners::name.asc(), partners::id.asc()))
        .select((Relationship::as_select(), partners::name))
        .load(conn)
}

/// One GDAP relationship as the customer sees it.
#[derive(Debug, Clone, Queryable)]
pub struct GdapRow {
    pub id: String,
    pub partner_id: String,
    pub partner_name: String,
    pub display_name: String,
    pub status: String,
    pub end_at: Option<i64>,
}

/// The customer's GDAP relationships with every partner, newest first.
pub fn gdap_relationships(
    conn: &mut AnyConnection,
    customer_id: &str,
) -> QueryResult<Vec<GdapRow>> {
    gdap_relationships::table
        .inner_join(partners::table)
        .filter(gdap_relationships::customer_id.eq(customer_id))
        .order((gdap_relationships::created_at.desc(), gdap_relationships::id.asc()))
        .select((
            gdap_relationships::id,
            gdap_relationships::partner_id,
            partners::name,
            gdap_relationships::display_name,
            gdap_relationships::status,
            gdap_relationships::end_at,
        ))
        .load(conn)
}

/// The role ids of the customer's GDAP relationships, as (relationship id, roleDefinitionId).
pub fn gdap_roles(
    conn: &mut AnyConnection,
    customer_id: &str,
) -> QueryResult<Vec<(String, String)>> {
    gdap_relationship_roles::table
        .inner_join(gdap_relationships::table)
        .filter(gdap_relationships::customer_id.eq(customer_id))
        .select((
            gdap_relationship_roles::relationship_id,
            gdap_relationship_roles::role_definition_id,
        ))
        .load(conn)
}

/// The newest audit records about the customer, whoever wrote them, at most `limit`.
pub fn audit_records(
    conn: &mut AnyConnection,
    customer_id: &str,
    limit: i64,
) -> QueryResult<Vec<AuditRecord>> {
    audit_log::table
        .filter(audit_log::customer_id.eq(customer_id))
        .order((audit_log::at.desc(), audit_log::id.desc()))
        .limit(limit)
        .select(AuditRecord::as_select())
        .load(conn)
}
