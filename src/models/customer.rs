use diesel::prelude::*;

use crate::db::AnyConnection;
use crate::db::schema::{customers, relationships, subscriptions};
use crate::models::relationship::{RESELLER, Relationship};

#[derive(Debug, Clone, Queryable, Selectable, Insertable)]
#[diesel(table_name = customers)]
pub struct Customer {
    pub id: String,
    pub company_name: String,
    pub primary_domain: String,
    pub tenant_id: String,
    pub country: String,
    pub created_at: i64,
}

/// One row of the Customers page.
#[derive(Debug, Clone)]
pub struct CustomerListRow {
    pub id: String,
    pub company_name: String,
    pub primary_domain: String,
    pub delegated_admin: bool,
    pub active_subscriptions: i64,
}

/// Where a page of the customer list starts: after this (company name, id).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Cursor {
    pub company_name: String,
    pub id: String,
}

diesel::define_sql_function!(fn lower(x: diesel::sql_types::Text) -> diesel::sql_types::Text);

/// Escapes LIKE wildcards so a search for `50%` means the text "50%".
fn like_prefix(q: &str) -> String {
    let mut out = String::with_capacity(q.len() + 1);
    for ch in q.to_lowercase().chars() {
        if matches!(ch, '%' | '_' | '\\') {
            out.push('\\');
        }
        out.push(ch);
    }
    out.push('%');
    out
}

/// The partner's customers with an active reseller relationship, ordered by company name,
/// optionally narrowed to a company-name or domain prefix, `limit + 1` rows after `after`
/// (the extra row tells whether a next page exists).
pub fn list_for_partner(
    conn: &mut AnyConnection,
    partner_id: &str,
    query: Option<&str>,
    after: Option<&Cursor>,
    limit: i64,
) -> QueryResult<Vec<CustomerListRow>> {
    let mut q = customers::table
        .inner_join(relationships::table)
        .filter(relationships::partner_id.eq(partner_id))
        .filter(relationships::relationship_to_partner.eq(RESELLER))
        .select((
            customers::id,
            customers::company_name,
            customers::primary_domain,
            relationships::allow_delegated_access,
        ))
        .order((customers::company_name.asc(), customers::id.asc()))
        .limit(limit + 1)
        .into_boxed();
    if let Some(text) = query.map(str::trim).filter(|t| !t.is_empty()) {
        let pattern = like_prefix(text);
        q = q.filter(
            lower(customers::company_name).like(pattern.clone()).escape('\\').or(lower(
                customers::primary_domain,
            )
            .like(pattern)
            .escape('\\')),
        );
    }
    if let Some(c) = after {
        q = q.filter(customers::company_name.gt(c.company_name.clone()).or(
            customers::company_name.eq(c.company_name.clone()).and(customers::id.gt(c.id.clone())),
        ));
    }
    let rows: Vec<(String, String, String, bool)> = q.load(conn)?;
    let ids: Vec<&str> = rows.iter().map(|r| r.0.as_str()).collect();
    let counts: Vec<(String, i64)> = subscriptions::table
        .filter(subscriptions::partner_id.eq(partner_id))
        .filter(subscriptions::customer_id.eq_any(&ids))
        .filter(subscriptions::status.eq("active"))
        .group_by(subscriptions::customer_id)
        .select((subscriptions::customer_id, diesel::dsl::count_star()))
        .load(conn)?;
    Ok(rows
        .into_iter()
        .map(|(id, company_name, primary_domain, delegated_admin)| {
            let active_subscriptions =
                counts.iter().find(|(cid, _)| *cid == id).map(|c| c.1).unwrap_or(0);
            CustomerListRow {
                id,
                company_name,
                primary_domain,
                delegated_admin,
                active_subscriptions,
            }
        })
        .collect())
}

/// A customer as this partner may see it: only with a relationship row of this partner
/// (current or ended). Anything else is "not found".
pub fn find_for_partner(
    conn: &mut AnyConnection,
    partner_id: &str,
    customer_id: &str,
) -> QueryResult<Option<(Customer, Relationship)>> {
    customers::table
        .inner_join(relationships::table)
        .filter(relationships::partner_id.eq(partner_id))
        .filter(customers::id.eq(customer_id))
        .select((Customer::as_select(), Relationship::as_select()))
        .first(conn)
        .optional()
}

pub fn insert(conn: &mut AnyConnection, c: &Customer) -> QueryResult<()> {
    diesel::insert_into(customers::table).values(c).execute(conn).map(|_| ())
}

pub fn find_by_domain(conn: &mut AnyConnection, domain: &str) -> QueryResult<Option<Customer>> {
    customers::table
        .filter(customers::primary_domain.eq(domain))
        .select(Customer::as_select())
        .first(conn)
        .optional()
}
