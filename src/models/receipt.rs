//! Removal receipts (the signed evidence of a removed relationship) and the keys they are
//! signed with.

use diesel::prelude::*;

use crate::db::AnyConnection;
use crate::db::schema::{removal_receipts, signing_keys};

#[derive(Debug, Clone, Queryable, Selectable, Insertable)]
#[diesel(table_name = removal_receipts)]
pub struct RemovalReceipt {
    pub id: String,
    pub partner_id: String,
    pub customer_id: String,
    pub removed_by: String,
    pub removed_at: i64,
    /// The signed evidence file, byte for byte as it is downloaded.
    pub evidence: String,
}

pub fn insert(conn: &mut AnyConnection, r: &RemovalReceipt) -> QueryResult<()> {
    diesel::insert_into(removal_receipts::table).values(r).execute(conn).map(|_| ())
}

/// One of the partner's receipts about the customer.
pub fn find(
    conn: &mut AnyConnection,
    partner_id: &str,
    customer_id: &str,
    id: &str,
) -> QueryResult<Option<RemovalReceipt>> {
    removal_receipts::table
        .filter(removal_receipts::partner_id.eq(partner_id))
        .filter(removal_receipts::customer_id.eq(customer_id))
        .filter(removal_receipts::id.eq(id))
        .select(RemovalReceipt::as_select())
        .first(conn)
        .optional()
}

/// The partner's receipts about the customer, newest first: (id, removed at).
pub fn list_for_customer(
    conn: &mut AnyConnection,
    partner_id: &str,
    customer_id: &str,
) -> QueryResult<Vec<(String, i64)>> {
    removal_receipts::table
        .filter(removal_receipts::partner_id.eq(partner_id))
        .filter(removal_receipts::customer_id.eq(customer_id))
        .order((removal_receipts::removed_at.desc(), removal_receipts::id.desc()))
        .select((removal_receipts::id, removal_receipts::removed_at))
        .load(conn)
}

#[derive(Debug, Clone, Queryable, Selectable, Insertable)]
#[diesel(table_name = signing_keys)]
pub struct SigningKey {
    pub purpose: String,
    pub key_id: String,
    /// The Ed25519 secret seed, hex.
    pub private_key: String,
    /// The Ed25519 public key, hex.
    pub public_key: String,
    pub created_at: i64,
}

pub fn find_key(conn: &mut AnyConnection, purpose: &str) -> QueryResult<Option<SigningKey>> {
    signing_keys::table
        .filter(signing_keys::purpose.eq(purpose))
        .select(SigningKey::as_select())
        .first(conn)
        .optional()
}

/// Stores `key` unless a key for its purpose exists (another instance made one first).
pub fn insert_key_if_absent(conn: &mut AnyConnection, key: &SigningKey) -> QueryResult<()> {
    crate::on_backend!(conn, |c| {
        diesel::insert_into(signing_keys::table).values(key).on_conflict_do_nothing().execute(c)
    })
    .map(|_| ())
}
