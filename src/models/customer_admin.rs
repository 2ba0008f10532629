//! A customer tenant's own administrators: separate from partner users, with the same
//! credential columns (see `credential`, through which sign-in reads and writes them).

use diesel::prelude::*;

use crate::db::AnyConnection;
use crate::db::schema::{customer_admin_recovery_codes as rc, customer_admins as ca, customers};
use crate::models::customer::Customer;

#[derive(Debug, Clone, Queryable, Selectable, Insertable)]
#[diesel(table_name = ca)]
pub struct CustomerAdmin {
    pub id: String,
    pub customer_id: String,
    pub email: String,
    pub display_name: String,
    pub password_hash: String,
    pub active: bool,
    pub failed_logins: i32,
    pub locked_until: Option<i64>,
    pub created_at: i64,
    pub locale: Option<String>,
    pub password_must_change: bool,
    pub password_expires_at: Option<i64>,
    pub totp_secret: Option<String>,
    pub totp_confirmed_at: Option<i64>,
    pub totp_last_step: Option<i64>,
    /// Sessions begun before this (UTC ms) no longer count (another admin reset a credential).
    pub sessions_since: Option<i64>,
}

impl CustomerAdmin {
    /// A new active admin of `customer_id`. With `one_time`, the password must be replaced at
    /// the first sign-in (within `user::ONE_TIME_PASSWORD_DAYS`); either way the first sign-in
    /// enrols an authenticator app.
    pub fn new(
        customer_id: &str,
        email: &str,
        display_name: &str,
        password_hash: String,
        one_time: bool,
        now: i64,
    ) -> CustomerAdmin {
        let days = crate::models::user::ONE_TIME_PASSWORD_DAYS;
        CustomerAdmin {
            id: crate::util::tokens::new_id(),
            customer_id: customer_id.to_owned(),
            email: crate::models::user::normalize_email(email),
            display_name: display_name.trim().to_owned(),
            password_hash,
            active: true,
            failed_logins: 0,
            locked_until: None,
            created_at: now,
            locale: None,
            password_must_change: one_time,
            password_expires_at: one_time.then_some(now + days * crate::util::clock::DAY_MS),
            totp_secret: None,
            totp_confirmed_at: None,
            totp_last_step: None,
            sessions_since: None,
        }
    }
}

pub fn insert(conn: &mut AnyConnection, a: &CustomerAdmin) -> QueryResult<()> {
    diesel::insert_into(ca::table).values(a).execute(conn).map(|_| ())
}

pub fn find(conn: &mut AnyConnection, id: &str) -> QueryResult<Option<CustomerAdmin>> {
    ca::table.find(id).select(CustomerAdmin::as_select()).first(conn).optional()
}

pub fn find_by_email(conn: &mut AnyConnection, email: &str) -> QueryResult<Option<CustomerAdmin>> {
    ca::table
        .filter(ca::email.eq(crate::models::user::normalize_email(email)))
        .select(CustomerAdmin::as_select())
        .first(conn)
        .optional()
}

/// An active admin with their customer: what every signed-in tenant request needs.
pub fn find_active_with_customer(
    conn: &mut AnyConnection,
    id: &str,
) -> QueryResult<Option<(CustomerAdmin, Customer)>> {
    ca::table
        .inner_join(customers::table)
        .filter(ca::id.eq(id))
        .filter(ca::active.eq(true))
        .select((CustomerAdmin::as_select(), Customer::as_select()))
        .first(conn)
        .optional()
}

/// The customer's admins, by address.
pub fn list_for_customer(
    conn: &mut AnyConnection,
    customer_id: &str,
) -> QueryResult<Vec<CustomerAdmin>> {
    ca::table
        .filter(ca::customer_id.eq(customer_id))
        .order(ca::email.asc())
        .select(CustomerAdmin::as_select())
        .load(conn)
}

/// Locks one admin's row for the rest of the transaction (as `user::lock`).
pub fn lock(conn: &mut AnyConnection, id: &str) -> QueryResult<Option<CustomerAdmin>> {
    let row = ca::table.find(id);
    match conn {
        AnyConnection::Postgresql(pg) => {
            row.select(CustomerAdmin::as_select()).for_update().first(pg).optional()
        }
        AnyConnection::Sqlite(sq) => row.select(CustomerAdmin::as_select()).first(sq).optional(),
    }
}

pub fn increment_failed_logins(conn: &mut AnyConnection, id: &str) -> QueryResult<i32> {
    diesel::update(ca::table.find(id))
        .set(ca::failed_logins.eq(ca::failed_logins + 1))
        .execute(conn)?;
    ca::table.find(id).select(ca::failed_logins).first(conn)
}

pub fn lock_until(conn: &mut AnyConnection, id: &str, until: i64) -> QueryResult<usize> {
    diesel::update(ca::table.find(id)).set(ca::locked_until.eq(Some(until))).execute(conn)
}

pub fn clear_failed_logins(conn: &mut AnyConnection, id: &str) -> QueryResult<usize> {
    diesel::update(ca::table.find(id))
        .set((ca::failed_logins.eq(0), ca::locked_until.eq(None::<i64>)))
        .execute(conn)
}

/// A password the admin chose (no longer one-time); a sign-in lock is lifted with it.
pub fn set_password_hash(conn: &mut AnyConnection, id: &str, hash: &str) -> QueryResult<usize> {
    diesel::update(ca::table.find(id))
        .set((
            ca::password_hash.eq(hash),
            ca::failed_logins.eq(0),
            ca::locked_until.eq(None::<i64>),
            ca::password_must_change.eq(false),
            ca::password_expires_at.eq(None::<i64>),
        ))
        .execute(conn)
}

pub fn set_rehashed(conn: &mut AnyConnection, id: &str, hash: &str) -> QueryResult<usize> {
    diesel::update(ca::table.find(id)).set(ca::password_hash.eq(hash)).execute(conn)
}

pub fn set_unconfirmed_totp(
    conn: &mut AnyConnection,
    id: &str,
    secret: &str,
) -> QueryResult<usize> {
    diesel::update(ca::table.find(id).filter(ca::totp_confirmed_at.is_null()))
        .set(ca::totp_secret.eq(Some(secret)))
        .execute(conn)
}

pub fn confirm_totp(conn: &mut AnyConnection, id: &str, step: i64, now: i64) -> QueryResult<usize> {
    diesel::update(ca::table.find(id).filter(ca::totp_secret.is_not_null()))
        .set((ca::totp_confirmed_at.eq(Some(now)), ca::totp_last_step.eq(Some(step))))
        .execute(conn)
}

pub fn use_totp_step(conn: &mut AnyConnection, id: &str, step: i64) -> QueryResult<usize> {
    diesel::update(
        ca::table.find(id).filter(ca::totp_last_step.is_null().or(ca::totp_last_step.lt(step))),
    )
    .set(ca::totp_last_step.eq(Some(step)))
    .execute(conn)
}

/// Replaces the admin's recovery codes with new ones (by their hashes).
pub fn replace_recovery_codes(
    conn: &mut AnyConnection,
    id: &str,
    hashes: &[String],
    now: i64,
) -> QueryResult<()> {
    diesel::delete(rc::table.filter(rc::admin_id.eq(id))).execute(conn)?;
    for hash in hashes {
        diesel::insert_into(rc::table)
            .values((
                rc::id.eq(crate::util::tokens::new_id()),
                rc::admin_id.eq(id),
                rc::code_hash.eq(hash),
                rc::created_at.eq(now),
            ))
            .execute(conn)?;
    }
    Ok(())
}

/// Uses one unused recovery code; 0 when there is none with that hash.
pub fn use_recovery_code(
    conn: &mut AnyConnection,
    id: &str,
    hash: &str,
    now: i64,
) -> QueryResult<usize> {
    diesel::update(
        rc::table
            .filter(rc::admin_id.eq(id))
            .filter(rc::code_hash.eq(hash))
            .filter(rc::used_at.is_null()),
    )
    .set(rc::used_at.eq(Some(now)))
    .execute(conn)
}

pub fn count_unused_recovery_codes(conn: &mut AnyConnection, id: &str) -> QueryResult<i64> {
    rc::table.filter(rc::admin_id.eq(id)).filter(rc::used_at.is_null()).count().get_result(conn)
}

/// A new one-time password (replaced at the next sign-in, within
/// `user::ONE_TIME_PASSWORD_DAYS`); a sign-in lock is lifted with it.
pub fn set_one_time_password(
    conn: &mut AnyConnection,
    id: &str,
    hash: &str,
    now: i64,
) -> QueryResult<usize> {
    let days = crate::models::user::ONE_TIME_PASSWORD_DAYS;
    diesel::update(ca::table.find(id))
        .set((
            ca::password_hash.eq(hash),
            ca::failed_logins.eq(0),
            ca::locked_until.eq(None::<i64>),
            ca::password_must_change.eq(true),
            ca::password_expires_at.eq(Some(now + days * crate::util::clock::DAY_MS)),
        ))
        .execute(conn)
}

/// Turns the admin on or off; an admin turned off is signed out at their next request.
pub fn set_active(conn: &mut AnyConnection, id: &str, active: bool) -> QueryResult<usize> {
    diesel::update(ca::table.find(id)).set(ca::active.eq(active)).execute(conn)
}

/// Ends every session the admin began before `now`: each is refused at its next request.
pub fn end_sessions(conn: &mut AnyConnection, id: &str, now: i64) -> QueryResult<usize> {
    diesel::update(ca::table.find(id)).set(ca::sessions_since.eq(Some(now))).execute(conn)
}

/// Forgets the admin's authenticator and recovery codes: the next sign-in enrols again.
/// Returns how many recovery codes there were.
pub fn clear_second_step(conn: &mut AnyConnection, id: &str) -> QueryResult<usize> {
    diesel::update(ca::table.find(id))
        .set((
            ca::totp_secret.eq(None::<String>),
            ca::totp_confirmed_at.eq(None::<i64>),
            ca::totp_last_step.eq(None::<i64>),
        ))
        .execute(conn)?;
    diesel::delete(rc::table.filter(rc::admin_id.eq(id))).execute(conn)
}
