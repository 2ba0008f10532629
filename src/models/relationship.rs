use diesel::prelude::*;

use crate::db::AnyConnection;
use crate::db::schema::relationships;

#[derive(Debug, Clone, Queryable, Selectable, Insertable)]
#[diesel(table_name = relationships)]
pub struct Relationship {
    pub id: String,
    pub partner_id: String,
    pub customer_id: String,
    pub relationship_to_partner: String,
    pub allow_delegated_access: bool,
    pub started_at: i64,
    pub ended_at: Option<i64>,
    pub ended_by: Option<String>,
    /// The customer's company name and domain, lowercased: the list's order and search keys.
    pub sort_name: String,
    pub search_domain: String,
    /// How many leading characters the two keys share (see `name_domain_lcp`).
    pub name_domain_lcp: i32,
    /// The customer's company name and domain as shown, so that the list reads no customer row.
    pub company_name: String,
    pub primary_domain: String,
    /// The customer's tenant id, for the same reason (the API's list shows it).
    pub tenant_id: String,
}

pub const RESELLER: &str = "reseller";
pub const NONE: &str = "none";

impl Relationship {
    pub fn is_reseller(&self) -> bool {
        self.relationship_to_partner == RESELLER
    }
}

/// The most leading characters `name_domain_lcp` counts.
pub const LCP_CAP: usize = 16;

/// The largest k ≤ `LCP_CAP` for which the first k characters of the name and the domain are
/// equal (a string shorter than k counting whole), as the migration computes it in SQL. A prefix
/// of at most that many characters matches both keys or neither, so only rows where it is
/// shorter than the search text can match by domain alone.
pub fn name_domain_lcp(sort_name: &str, search_domain: &str) -> i32 {
    let (a, b) = (sort_name.chars().take(LCP_CAP), search_domain.chars().take(LCP_CAP));
    if a.clone().eq(b.clone()) {
        return LCP_CAP as i32;
    }
    a.zip(b).take_while(|(x, y)| x == y).count() as i32
}

pub fn find(
    conn: &mut AnyConnection,
    partner_id: &str,
    customer_id: &str,
) -> QueryResult<Option<Relationship>> {
    relationships::table
        .filter(relationships::partner_id.eq(partner_id))
        .filter(relationships::customer_id.eq(customer_id))
        .select(Relationship::as_select())
        .first(conn)
        .optional()
}

/// A customer as a relationship row shows it: id, company name, primary domain.
pub type CustomerName = (String, String, String);

/// Customers whose relationship with the partner has ended, in name order (the name index), at
/// most `limit`.
pub fn former_customers(
    conn: &mut AnyConnection,
    partner_id: &str,
    limit: i64,
) -> QueryResult<Vec<CustomerName>> {
    relationships::table
        .filter(relationships::partner_id.eq(partner_id))
        .filter(relationships::relationship_to_partner.eq(NONE))
        .order((relationships::sort_name.asc(), relationships::customer_id.asc()))
        .limit(limit)
        .select((
            relationships::customer_id,
            relationships::company_name,
            relationships::primary_domain,
        ))
        .load(conn)
}

/// The named customers of the partner's relationships (current or ended), by customer id.
pub fn customer_names(
    conn: &mut AnyConnection,
    partner_id: &str,
    customer_ids: &[&str],
) -> QueryResult<Vec<CustomerName>> {
    relationships::table
        .filter(relationships::partner_id.eq(partner_id))
        .filter(relationships::customer_id.eq_any(customer_ids))
        .select((
            relationships::customer_id,
            relationships::company_name,
            relationships::primary_domain,
        ))
        .load(conn)
}

pub fn insert(conn: &mut AnyConnection, r: &Relationship) -> QueryResult<()> {
    diesel::insert_into(relationships::table).values(r).execute(conn).map(|_| ())
}

/// Ends a reseller relationship: `none`, delegated admin privileges off, who and when.
pub fn end(conn: &mut AnyConnection, id: &str, ended_by: &str, at: i64) -> QueryResult<usize> {
    diesel::update(relationships::table.find(id))
        .set((
            relationships::relationship_to_partner.eq(NONE),
            relationships::allow_delegated_access.eq(false),
            relationships::ended_at.eq(Some(at)),
            relationships::ended_by.eq(Some(ended_by)),
        ))
        .execute(conn)
}

/// Makes the relationship a reseller relationship again (after an accepted request).
pub fn reestablish(conn: &mut AnyConnection, id: &str, dap: bool, at: i64) -> QueryResult<usize> {
    diesel::update(relationships::table.find(id))
        .set((
            relationships::relationship_to_partner.eq(RESELLER),
            relationships::allow_delegated_access.eq(dap),
            relationships::started_at.eq(at),
            relationships::ended_at.eq(None::<i64>),
            relationships::ended_by.eq(None::<String>),
        ))
        .execute(conn)
}

/// Turns delegated admin privileges off; the relationship stays.
pub fn revoke_dap(conn: &mut AnyConnection, id: &str) -> QueryResult<usize> {
    diesel::update(relationships::table.find(id))
        .set(relationships::allow_delegated_access.eq(false))
        .execute(conn)
}

/// Inserts many rows in statements of a few hundred rows each (bulk loading).
pub fn insert_many(conn: &mut AnyConnection, rows: &[Relationship]) -> QueryResult<()> {
    for chunk in rows.chunks(500) {
        match conn {
            AnyConnection::Sqlite(c) => {
                diesel::insert_into(relationships::table).values(chunk).execute(c)?
            }
            AnyConnection::Postgresql(c) => {
                diesel::insert_into(relationships::table).values(chunk).execute(c)?
            }
        };
    }
    Ok(())
}

/// Serialises every writer of one partner–customer relationship: the first statement of each
/// transaction that changes a subscription's status, adds a purchase or changes the relationship.
/// PostgreSQL: `SELECT … FOR UPDATE` on the relationship row. SQLite: nothing more to do, as a
/// writing transaction (`db::write`) holds the database's write lock from its `BEGIN IMMEDIATE`.
pub fn lock(
    conn: &mut AnyConnection,
    partner_id: &str,
    customer_id: &str,
) -> QueryResult<Option<Relationship>> {
    use relationships::dsl as r;
    let row = r::relationships
        .filter(r::partner_id.eq(partner_id))
        .filter(r::customer_id.eq(customer_id));
    match conn {
        AnyConnection::Postgresql(pg) => {
            row.select(Relationship::as_select()).for_update().first(pg).optional()
        }
        AnyConnection::Sqlite(sq) => row.select(Relationship::as_select()).first(sq).optional(),
    }
}
