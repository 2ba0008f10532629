use diesel::prelude::*;

use crate::db::AnyConnection;
use crate::db::schema::{partner_domains, partners};

super::text_enum! {
    /// How a partner sells: only direct partners and indirect providers may remove a reseller relationship.
    PartnerKind {
        Direct => "direct", "Direct partner";
        IndirectProvider => "indirect_provider", "Indirect provider";
        IndirectReseller => "indirect_reseller", "Indirect reseller";
    }
}

#[derive(Debug, Clone, Queryable, Selectable, Insertable)]
#[diesel(table_name = partners)]
pub struct Partner {
    pub id: String,
    pub name: String,
    pub kind: String,
    pub created_at: i64,
}

impl Partner {
    pub fn kind(&self) -> PartnerKind {
        PartnerKind::parse(&self.kind).unwrap_or(PartnerKind::IndirectReseller)
    }
}

pub fn find(conn: &mut AnyConnection, id: &str) -> QueryResult<Option<Partner>> {
    partners::table.find(id).select(Partner::as_select()).first(conn).optional()
}

pub fn find_by_name(conn: &mut AnyConnection, name: &str) -> QueryResult<Option<Partner>> {
    partners::table
        .filter(partners::name.eq(name))
        .select(Partner::as_select())
        .first(conn)
        .optional()
}

pub fn insert(conn: &mut AnyConnection, p: &Partner) -> QueryResult<()> {
    diesel::insert_into(partners::table).values(p).execute(conn).map(|_| ())
}

/// The indirect resellers that sell through an indirect provider.
pub fn resellers_of(conn: &mut AnyConnection, provider_id: &str) -> QueryResult<Vec<Partner>> {
    use crate::db::schema::reseller_links;
    partners::table
        .inner_join(reseller_links::table.on(reseller_links::reseller_id.eq(partners::id)))
        .filter(reseller_links::provider_id.eq(provider_id))
        .order(partners::name.asc())
        .select(Partner::as_select())
        .load(conn)
}

pub fn link_reseller(
    conn: &mut AnyConnection,
    provider_id: &str,
    reseller_id: &str,
) -> QueryResult<()> {
    use crate::db::schema::reseller_links;
    diesel::insert_into(reseller_links::table)
        .values((
            reseller_links::provider_id.eq(provider_id),
            reseller_links::reseller_id.eq(reseller_id),
        ))
        .execute(conn)
        .map(|_| ())
}

/// The email domains the partner's users may have, in order.
pub fn domains_of(conn: &mut AnyConnection, partner_id: &str) -> QueryResult<Vec<String>> {
    partner_domains::table
        .filter(partner_domains::partner_id.eq(partner_id))
        .order(partner_domains::domain.asc())
        .select(partner_domains::domain)
        .load(conn)
}

/// The partner a domain belongs to, if any.
pub fn domain_owner(conn: &mut AnyConnection, domain: &str) -> QueryResult<Option<String>> {
    partner_domains::table.find(domain).select(partner_domains::partner_id).first(conn).optional()
}

/// Gives the partner a domain (lowercase); the primary key refuses one another partner has.
pub fn add_domain(
    conn: &mut AnyConnection,
    partner_id: &str,
    domain: &str,
    at: i64,
) -> QueryResult<()> {
    diesel::insert_into(partner_domains::table)
        .values((
            partner_domains::domain.eq(domain),
            partner_domains::partner_id.eq(partner_id),
            partner_domains::created_at.eq(at),
        ))
        .execute(conn)
        .map(|_| ())
}
