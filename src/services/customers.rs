//! Reading a partner's customers: the list, one customer as the partner sees it, and its
//! Account tab.

use crate::auth::permissions::Permission;
use crate::db::AnyConnection;
use crate::error::{AppError, AppResult};
use crate::models::audit::{self, AuditRecord};
use crate::models::customer::{self, Cursor, Customer, CustomerListRow};
pub use crate::models::customer::{Readiness, SearchIn};
use crate::models::gdap::{self, GdapRelationship};
use crate::models::relationship::Relationship;
use crate::models::support_contact::{self, Named};
use crate::services::Ctx;
use crate::services::removal::{self, Eligibility};

/// How many of the latest records the Account tab shows.
pub const ACCOUNT_ACTIVITY: i64 = 20;

/// A page of the list (`limit` rows, one more when another page follows), by name, optionally
/// those whose name or domain starts with `query` and those ready to remove or blocked, after
/// the row `after` names.
pub fn list(
    c: &mut AnyConnection,
    ctx: &Ctx,
    query: &str,
    readiness: Readiness,
    after: Option<(String, String)>,
    limit: i64,
) -> AppResult<Vec<CustomerListRow>> {
    search(c, ctx, query, SearchIn::NameOrDomain, readiness, after, limit)
}

/// `list`, with the prefix looked for in the name, the domain or either.
pub fn search(
    c: &mut AnyConnection,
    ctx: &Ctx,
    query: &str,
    within: SearchIn,
    readiness: Readiness,
    after: Option<(String, String)>,
    limit: i64,
) -> AppResult<Vec<CustomerListRow>> {
    ctx.user.require(Permission::ViewCustomers)?;
    let after = after.map(|(sort_name, id)| Cursor { sort_name, id });
    let p = ctx.partner_id();
    Ok(customer::list_for_partner(c, p, Some(query), within, readiness, after.as_ref(), limit)?)
}

/// The customer and the partner's relationship with it; 404 for a customer the partner has
/// never had. The caller checks the user's rights for what it does with it.
pub fn find(c: &mut AnyConnection, ctx: &Ctx, id: &str) -> AppResult<(Customer, Relationship)> {
    customer::find_for_partner(c, ctx.partner_id(), id)?.ok_or(AppError::NotFound)
}

/// What the question before an irreversible change shows: the customer and the thing it ends.
/// Reading it changes nothing.
pub struct Confirmable<T> {
    pub customer: Customer,
    pub relationship: Relationship,
    pub item: T,
}

/// `find`, for a user who holds `needed` (403 first, then 404).
pub fn find_as(
    c: &mut AnyConnection,
    ctx: &Ctx,
    id: &str,
    needed: Permission,
) -> AppResult<(Customer, Relationship)> {
    ctx.user.require(needed)?;
    find(c, ctx, id)
}

/// `find`, for a user who may see customers (403 first, then 404).
pub fn view(c: &mut AnyConnection, ctx: &Ctx, id: &str) -> AppResult<(Customer, Relationship)> {
    ctx.user.require(Permission::ViewCustomers)?;
    find(c, ctx, id)
}

/// What the Account tab and the removal confirmation show.
pub struct Account {
    pub customer: Customer,
    pub relationship: Relationship,
    pub eligibility: Eligibility,
    pub support_contacts: Vec<Named>,
    pub activity: Vec<AuditRecord>,
    /// For a user who may not remove the relationship: the partner's Global admins, who may.
    pub who_can_remove: Vec<String>,
    /// The receipts of earlier removals, newest first: (id, removed at).
    pub receipts: Vec<(String, i64)>,
    /// The partner's GDAP relationships with the customer that have not ended, newest first.
    pub gdap: Vec<GdapRelationship>,
}

impl Account {
    /// The GDAP relationships a removal can terminate with it (active or expiring).
    pub fn live_gdap(&self) -> Vec<GdapRelationship> {
        self.gdap.iter().filter(|g| g.is_live()).cloned().collect()
    }
}

pub fn account(c: &mut AnyConnection, ctx: &Ctx, id: &str) -> AppResult<Account> {
    let (customer, relationship) = view(c, ctx, id)?;
    let mut activity = audit::list_for_customer(c, ctx.partner_id(), id, ACCOUNT_ACTIVITY)?;
    crate::services::activity::name_older_records(c, ctx.partner_id(), &mut activity, |r| r)?;
    Ok(Account {
        eligibility: removal::check(c, &ctx.user, &relationship, ctx.now)?,
        support_contacts: support_contact::list_for_customer(c, ctx.partner_id(), id)?,
        activity,
        receipts: crate::services::receipts::list(c, ctx, id)?,
        gdap: gdap::list_for_customer(c, ctx.partner_id(), id)?
            .into_iter()
            .filter(|g| ![gdap::TERMINATED, gdap::EXPIRED].contains(&g.status.as_str()))
            .collect(),
        who_can_remove: match ctx.user.can(Permission::RemoveRelationship) {
            true => Vec::new(),
            false => crate::models::user::global_admin_names(c, ctx.partner_id())?,
        },
        customer,
        relationship,
    })
}
