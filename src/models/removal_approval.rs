//! Requests for a second Global admin's approval of a removal (a partner setting), and the
//! partner's setting itself.

use diesel::prelude::*;

use crate::db::AnyConnection;
use crate::db::schema::{partners, removal_approvals, users};

/// Where a request stands. A pending request past `expires_at` reads as expired.
pub const PENDING: &str = "pending";
pub const APPROVED: &str = "approved";
pub const REJECTED: &str = "rejected";
pub const WITHDRAWN: &str = "withdrawn";
pub const EXPIRED: &str = "expired";

#[derive(Debug, Clone, Queryable, Selectable, Insertable)]
#[diesel(table_name = removal_approvals)]
pub struct RemovalApproval {
    pub id: String,
    pub partner_id: String,
    pub customer_id: String,
    pub relationship_id: String,
    pub requested_by: String,
    pub requested_at: i64,
    pub expires_at: i64,
    pub decided_by: Option<String>,
    pub decided_at: Option<i64>,
    pub outcome: String,
    pub reason: Option<String>,
    /// The removal also terminates the customer's active GDAP relationships.
    pub terminate_gdap: bool,
}

/// Whether the partner's removals need a second Global admin's approval.
pub fn needs_second_approval(conn: &mut AnyConnection, partner_id: &str) -> QueryResult<bool> {
    partners::table
        .find(partner_id)
        .select(partners::removal_needs_second_approval)
        .first(conn)
        .optional()
        .map(|v| v.unwrap_or(false))
}

pub fn set_needs_second_approval(
    conn: &mut AnyConnection,
    partner_id: &str,
    on: bool,
) -> QueryResult<usize> {
    diesel::update(partners::table.find(partner_id))
        .set(partners::removal_needs_second_approval.eq(on))
        .execute(conn)
}

pub fn insert(conn: &mut AnyConnection, row: &RemovalApproval) -> QueryResult<()> {
    diesel::insert_into(removal_approvals::table).values(row).execute(conn).map(|_| ())
}

/// The request stored as pending for this customer (at most one: a unique index), with the
/// requester's display name; it may have expired by now.
pub fn stored_pending(
    conn: &mut AnyConnection,
    partner_id: &str,
    customer_id: &str,
) -> QueryResult<Option<(RemovalApproval, String)>> {
    removal_approvals::table
        .inner_join(users::table.on(users::id.eq(removal_approvals::requested_by)))
        .filter(removal_approvals::partner_id.eq(partner_id))
        .filter(removal_approvals::customer_id.eq(customer_id))
        .filter(removal_approvals::outcome.eq(PENDING))
        .select((RemovalApproval::as_select(), users::display_name))
        .first(conn)
        .optional()
}

/// Closes a pending request with `outcome`; false when it was no longer pending.
pub fn decide(
    conn: &mut AnyConnection,
    id: &str,
    outcome: &str,
    by: Option<&str>,
    at: i64,
    reason: Option<&str>,
) -> QueryResult<bool> {
    diesel::update(
        removal_approvals::table
            .filter(removal_approvals::id.eq(id))
            .filter(removal_approvals::outcome.eq(PENDING)),
    )
    .set((
        removal_approvals::outcome.eq(outcome),
        removal_approvals::decided_by.eq(by),
        removal_approvals::decided_at.eq(at),
        removal_approvals::reason.eq(reason),
    ))
    .execute(conn)
    .map(|n| n == 1)
}
