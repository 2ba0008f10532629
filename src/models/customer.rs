use diesel::prelude::*;

use crate::db::AnyConnection;
use crate::db::schema::{customers, relationships};
use crate::models::relationship::{LCP_CAP, RESELLER, Relationship};

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

impl Customer {
    /// A new reseller relationship of `partner_id` with this customer.
    pub fn reseller_relationship(
        &self,
        partner_id: &str,
        dap: bool,
        started_at: i64,
    ) -> Relationship {
        let customer = self;
        let sort_name = customer.company_name.to_lowercase();
        let search_domain = customer.primary_domain.to_lowercase();
        Relationship {
            name_domain_lcp: crate::models::relationship::name_domain_lcp(
                &sort_name,
                &search_domain,
            ),
            id: crate::util::tokens::new_id(),
            partner_id: partner_id.to_owned(),
            customer_id: customer.id.clone(),
            relationship_to_partner: RESELLER.into(),
            allow_delegated_access: dap,
            started_at,
            ended_at: None,
            ended_by: None,
            sort_name,
            search_domain,
            company_name: customer.company_name.clone(),
            primary_domain: customer.primary_domain.clone(),
            tenant_id: customer.tenant_id.clone(),
        }
    }
}

/// One row of the Customers page.
#[derive(Debug, Clone)]
pub struct CustomerListRow {
    pub id: String,
    pub company_name: String,
    pub primary_domain: String,
    pub delegated_admin: bool,
    pub active_subscriptions: i64,
    /// Subscriptions that block removal: active, or suspended new commerce (still billed).
    pub blocking_subscriptions: i64,
    pub active_reservations: i64,
    pub active_software: i64,
    pub active_savings_plans: i64,
    /// Active GDAP relationships (active or expiring).
    pub active_gdap: i64,
    /// The list's sort key, for the next page's cursor.
    pub sort_name: String,
    pub tenant_id: String,
}

impl CustomerListRow {
    /// Nothing active blocks removing the relationship.
    pub fn is_ready(&self) -> bool {
        self.blocking_subscriptions
            + self.active_reservations
            + self.active_software
            + self.active_savings_plans
            == 0
    }
}

/// Which customers a page of the list shows, by what blocks their removal.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub enum Readiness {
    #[default]
    All,
    /// Nothing active: the relationship can be removed now.
    Ready,
    /// Something active is left.
    Blocked,
}

/// Where a page of the customer list starts: after this (lowercased name, id).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Cursor {
    pub sort_name: String,
    pub id: String,
}

type ListRow = (String, String, String, bool, String, i64, String, i64, i64, i64, i64, i64);

/// Where a search looks for its prefix.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum SearchIn {
    NameOrDomain,
    Name,
    Domain,
}

/// The partner's customers with an active reseller relationship, in name order, optionally
/// narrowed to a company-name or domain prefix (case-insensitive), `limit + 1` rows after
/// `after` (the extra row tells whether a next page exists). Every part is an index range on
/// relationships (partner, state, name) or (partner, state, domain): no scan, OFFSET or COUNT.
pub fn list_for_partner(
    conn: &mut AnyConnection,
    partner_id: &str,
    query: Option<&str>,
    within: SearchIn,
    readiness: Readiness,
    after: Option<&Cursor>,
    limit: i64,
) -> QueryResult<Vec<CustomerListRow>> {
    // One page of rows in name order, all from the relationship: the customer's name and domain
    // as shown, and its count of active subscriptions (kept by triggers). `Order::ByIndex`
    // reads the name index in order; `Order::Sorted` sorts by an expression of the name instead,
    // so that the planner cannot choose the name index (which spares the sort but reads the
    // partner's whole list) over the narrower ranges of another index.
    enum Order {
        ByIndex,
        Sorted,
    }
    let search = query.map(str::trim).filter(|t| !t.is_empty());
    // Every Customers page runs this: on the backend's own connection (see `on_backend!`).
    let rows: Vec<ListRow> = crate::on_backend!(conn, |c| {
        let reseller_rows = || {
            relationships::table
                .filter(relationships::partner_id.eq(partner_id))
                .filter(relationships::relationship_to_partner.eq(RESELLER))
                .select((
                    relationships::customer_id,
                    relationships::company_name,
                    relationships::primary_domain,
                    relationships::allow_delegated_access,
                    relationships::sort_name,
                    relationships::active_subscriptions,
                    relationships::tenant_id,
                    relationships::blocking_subscriptions,
                    relationships::active_reservations,
                    relationships::active_software,
                    relationships::active_savings_plans,
                    relationships::active_gdap,
                ))
                .limit(limit + 1)
        };
        // Only the customers ready to remove, or only the blocked: a condition on the counts the
        // name index carries, so the page is still read from the index alone.
        macro_rules! readiness {
            ($q:expr) => {{
                let (s, r, w, p) = (
                    relationships::blocking_subscriptions,
                    relationships::active_reservations,
                    relationships::active_software,
                    relationships::active_savings_plans,
                );
                match readiness {
                    Readiness::All => $q,
                    Readiness::Ready => {
                        $q.filter(s.eq(0)).filter(r.eq(0)).filter(w.eq(0)).filter(p.eq(0))
                    }
                    Readiness::Blocked => $q.filter(s.gt(0).or(r.gt(0)).or(w.gt(0)).or(p.gt(0))),
                }
            }};
        }
        // (name, id) > cursor, written so that the name bound is a range.
        macro_rules! after {
            ($q:expr, $name:expr, $cursor:expr) => {
                $q.filter($name.ge(&$cursor.sort_name)).filter(
                    $name.gt(&$cursor.sort_name).or(relationships::customer_id.gt(&$cursor.id)),
                )
            };
        }
        let in_name_order = || {
            reseller_rows()
                .order((relationships::sort_name.asc(), relationships::customer_id.asc()))
        };
        let page = |order: Order| {
            let name_key =
                || diesel::dsl::sql::<diesel::sql_types::Text>("relationships.sort_name || ''");
            match (order, after) {
                (Order::ByIndex, None) => in_name_order().into_boxed(),
                (Order::ByIndex, Some(cur)) => {
                    after!(in_name_order(), relationships::sort_name, cur).into_boxed()
                }
                (Order::Sorted, cur) => {
                    let q = reseller_rows()
                        .order((name_key().asc(), relationships::customer_id.asc()))
                        .into_boxed();
                    match cur {
                        None => q,
                        Some(cur) => after!(q, name_key(), cur),
                    }
                }
            }
        };
        match (search, after) {
            // Unfiltered pages, the ones most asked for: queries of static type.
            (None, None) if readiness == Readiness::All => in_name_order().load(c)?,
            (None, Some(cur)) if readiness == Readiness::All => {
                after!(in_name_order(), relationships::sort_name, cur).load(c)?
            }
            (None, _) => readiness!(page(Order::ByIndex)).load(c)?,
            (Some(text), _) => {
                // Name matches and domain matches, each an index range, merged in name order.
                let prefix = text.to_lowercase();
                let upper = crate::util::text::prefix_range_end(&prefix);
                let by_name: Vec<ListRow> = match within {
                    SearchIn::Domain => Vec::new(),
                    _ => readiness!(page(Order::ByIndex))
                        .filter(relationships::sort_name.ge(prefix.clone()))
                        .filter(relationships::sort_name.lt(upper.clone()))
                        .load(c)?,
                };
                // Domain matches, read only where the name does not match too (usually few:
                // domains follow names). A row whose name and domain share at least as many
                // leading characters as the search text has matches by both or by neither, so
                // only rows sharing fewer are read: one index range per such length. Past
                // `LCP_CAP` characters every length is read, and a row matching both ways comes
                // back from each half: the merge keeps it once. (The first `limit + 1` of the
                // union are among the first `limit + 1` of each half.)
                // A domain-only search reads the whole domain range.
                let chars = prefix.chars().count().min(LCP_CAP + 1) as i32;
                let in_domain = || {
                    readiness!(page(Order::Sorted))
                        .filter(relationships::search_domain.ge(prefix.clone()))
                        .filter(relationships::search_domain.lt(upper.clone()))
                };
                let by_domain: Vec<ListRow> = match within {
                    SearchIn::Name => Vec::new(),
                    SearchIn::Domain => in_domain().load(c)?,
                    SearchIn::NameOrDomain => in_domain()
                        .filter(
                            relationships::name_domain_lcp.eq_any((0..chars).collect::<Vec<i32>>()),
                        )
                        .load(c)?,
                };
                let mut all = by_name;
                all.extend(by_domain);
                all.sort_by(|a, b| (&a.4, &a.0).cmp(&(&b.4, &b.0)));
                all.dedup_by(|a, b| a.0 == b.0);
                all.truncate((limit + 1) as usize);
                all
            }
        }
    });
    Ok(rows
        .into_iter()
        .map(
            |(
                id,
                company_name,
                primary_domain,
                delegated_admin,
                sort_name,
                active_subscriptions,
                tenant_id,
                blocking_subscriptions,
                active_reservations,
                active_software,
                active_savings_plans,
                active_gdap,
            )| {
                CustomerListRow {
                    id,
                    company_name,
                    primary_domain,
                    delegated_admin,
                    active_subscriptions,
                    blocking_subscriptions,
                    active_reservations,
                    active_software,
                    active_savings_plans,
                    active_gdap,
                    sort_name,
                    tenant_id,
                }
            },
        )
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

pub fn find(conn: &mut AnyConnection, id: &str) -> QueryResult<Option<Customer>> {
    customers::table.find(id).select(Customer::as_select()).first(conn).optional()
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

/// Inserts many rows in statements of a few hundred rows each (bulk loading).
pub fn insert_many(conn: &mut AnyConnection, rows: &[Customer]) -> QueryResult<()> {
    for chunk in rows.chunks(500) {
        match conn {
            AnyConnection::Sqlite(c) => {
                diesel::insert_into(customers::table).values(chunk).execute(c)?
            }
            AnyConnection::Postgresql(c) => {
                diesel::insert_into(customers::table).values(chunk).execute(c)?
            }
        };
    }
    Ok(())
}
