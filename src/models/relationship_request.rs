use diesel::prelude::*;

use crate::db::AnyConnection;
use crate::db::schema::relationship_requests as rr;

pub const PENDING: &str = "pending";
pub const ACCEPTED: &str = "accepted";
pub const REVOKED: &str = "revoked";

/// An invitation to (re-)establish a reseller relationship. Only the SHA-256 of its token is kept.
#[derive(Debug, Clone, Queryable, Selectable, Insertable)]
#[diesel(table_name = rr)]
pub struct RelationshipRequest {
    pub id: String,
    pub partner_id: String,
    pub token_hash: String,
    pub with_dap: bool,
    pub status: String,
    pub created_by: String,
    pub created_at: i64,
    pub expires_at: i64,
    /// The customer the accepted request related (for a new customer, the one it created).
    pub customer_id: Option<String>,
    pub accepted_at: Option<i64>,
    pub revoked_at: Option<i64>,
    /// The one existing customer the invitation is for; `None`: a new customer.
    pub invited_customer_id: Option<String>,
    /// For a new customer: its name as the partner entered it.
    pub recipient_name: Option<String>,
    /// The admin's address the partner sends the invitation to (`None`: made before addresses
    /// were kept, or through the API, whose caller sends the link itself).
    pub recipient_email: Option<String>,
}

impl RelationshipRequest {
    pub fn is_open_at(&self, now: &i64) -> bool {
        self.status == PENDING && self.expires_at > *now
    }
}

pub fn insert(conn: &mut AnyConnection, r: &RelationshipRequest) -> QueryResult<()> {
    diesel::insert_into(rr::table).values(r).execute(conn).map(|_| ())
}

/// The partner's requests, newest first (pending and recent ones).
pub fn list_for_partner(
    conn: &mut AnyConnection,
    partner_id: &str,
    limit: i64,
) -> QueryResult<Vec<RelationshipRequest>> {
    rr::table
        .filter(rr::partner_id.eq(partner_id))
        .order((rr::created_at.desc(), rr::id.desc()))
        .limit(limit)
        .select(RelationshipRequest::as_select())
        .load(conn)
}

pub fn find_for_partner(
    conn: &mut AnyConnection,
    partner_id: &str,
    id: &str,
) -> QueryResult<Option<RelationshipRequest>> {
    rr::table
        .filter(rr::partner_id.eq(partner_id))
        .filter(rr::id.eq(id))
        .select(RelationshipRequest::as_select())
        .first(conn)
        .optional()
}

pub fn find_by_token_hash(
    conn: &mut AnyConnection,
    token_hash: &str,
) -> QueryResult<Option<RelationshipRequest>> {
    rr::table
        .filter(rr::token_hash.eq(token_hash))
        .select(RelationshipRequest::as_select())
        .first(conn)
        .optional()
}

/// Locks the request for the rest of the transaction (see `relationship::lock` for the
/// SQLite side of the same idea) and returns it.
pub fn lock_by_token_hash(
    conn: &mut AnyConnection,
    token_hash: &str,
) -> QueryResult<Option<RelationshipRequest>> {
    let row = rr::table.filter(rr::token_hash.eq(token_hash));
    match conn {
        AnyConnection::Postgresql(pg) => {
            row.select(RelationshipRequest::as_select()).for_update().first(pg).optional()
        }
        AnyConnection::Sqlite(sq) => {
            row.select(RelationshipRequest::as_select()).first(sq).optional()
        }
    }
}

pub fn mark_accepted(
    conn: &mut AnyConnection,
    id: &str,
    customer_id: &str,
    at: i64,
) -> QueryResult<usize> {
    diesel::update(rr::table.find(id))
        .set((
            rr::status.eq(ACCEPTED),
            rr::customer_id.eq(Some(customer_id)),
            rr::accepted_at.eq(Some(at)),
        ))
        .execute(conn)
}

/// Revokes a pending request; 0 when it was not pending.
pub fn revoke(conn: &mut AnyConnection, id: &str, at: i64) -> QueryResult<usize> {
    diesel::update(rr::table.find(id).filter(rr::status.eq(PENDING)))
        .set((rr::status.eq(REVOKED), rr::revoked_at.eq(Some(at))))
        .execute(conn)
}

/// Moves a request's expiry to `expires_at` if it is still open at `now`; 0 when it is not.
pub fn extend(conn: &mut AnyConnection, id: &str, now: i64, expires_at: i64) -> QueryResult<usize> {
    diesel::update(rr::table.find(id).filter(rr::status.eq(PENDING)).filter(rr::expires_at.gt(now)))
        .set(rr::expires_at.eq(expires_at))
        .execute(conn)
}

/// Gives a request still open at `now` a new token (the old one stops working) and expiry; 0
/// when it is not open.
pub fn reissue(
    conn: &mut AnyConnection,
    id: &str,
    now: i64,
    token_hash: &str,
    expires_at: i64,
) -> QueryResult<usize> {
    diesel::update(rr::table.find(id).filter(rr::status.eq(PENDING)).filter(rr::expires_at.gt(now)))
        .set((rr::token_hash.eq(token_hash), rr::expires_at.eq(expires_at)))
        .execute(conn)
}

/// Removes the invitations still pending that expired at or before `cutoff` (accepted and
/// revoked ones are the record of what happened, and stay).
pub fn delete_expired_pending(conn: &mut AnyConnection, cutoff: i64) -> QueryResult<usize> {
    diesel::delete(rr::table.filter(rr::status.eq(PENDING)).filter(rr::expires_at.le(cutoff)))
        .execute(conn)
}
