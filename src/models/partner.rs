use diesel::prelude::*;

use crate::db::AnyConnection;
use crate::db::schema::partners;

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
