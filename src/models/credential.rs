//! The sign-in credential of either kind of account, behind one struct, so that one sign-in
//! service (password, back-off, one-time password, authenticator, recovery codes) serves both
//! doors. Each door reads only its own table: a partner user is unknown at the tenant door and
//! a customer admin at the partner door.

use diesel::QueryResult;
use serde::{Deserialize, Serialize};

use crate::db::AnyConnection;
use crate::models::customer_admin::{self as admins, CustomerAdmin};
use crate::models::recovery_code;
use crate::models::user::{self, User};

/// Which entry someone signs in at, and so which kind of account they are.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, Default)]
pub enum Door {
    /// Partner users, at `/signin`.
    #[default]
    Partner,
    /// Customer administrators, at `/tenant/signin`.
    Tenant,
}

impl Door {
    /// The prefix of the door's sign-in pages (`""` or `/tenant`).
    pub fn base(self) -> &'static str {
        match self {
            Door::Partner => "",
            Door::Tenant => "/tenant",
        }
    }

    pub fn signin_path(self) -> &'static str {
        match self {
            Door::Partner => "/signin",
            Door::Tenant => "/tenant/signin",
        }
    }

    /// Where a signed-in principal of this door lands by default.
    pub fn home(self) -> &'static str {
        match self {
            Door::Partner => "/",
            Door::Tenant => "/tenant",
        }
    }
}

/// An account's sign-in columns: `org_id` is the partner (partner user) or the customer
/// (customer admin) the account belongs to.
#[derive(Debug, Clone)]
pub struct Credential {
    pub door: Door,
    pub id: String,
    pub org_id: String,
    pub email: String,
    pub display_name: String,
    pub password_hash: String,
    pub active: bool,
    pub failed_logins: i32,
    pub locked_until: Option<i64>,
    pub password_must_change: bool,
    pub password_expires_at: Option<i64>,
    pub totp_secret: Option<String>,
    pub totp_confirmed_at: Option<i64>,
}

impl Credential {
    /// The confirmed authenticator secret, if the account has enrolled one.
    pub fn confirmed_totp_secret(&self) -> Option<&str> {
        self.totp_confirmed_at.and(self.totp_secret.as_deref())
    }
}

impl From<User> for Credential {
    fn from(u: User) -> Self {
        Credential {
            door: Door::Partner,
            id: u.id,
            org_id: u.partner_id,
            email: u.email,
            display_name: u.display_name,
            password_hash: u.password_hash,
            active: u.active,
            failed_logins: u.failed_logins,
            locked_until: u.locked_until,
            password_must_change: u.password_must_change,
            password_expires_at: u.password_expires_at,
            totp_secret: u.totp_secret,
            totp_confirmed_at: u.totp_confirmed_at,
        }
    }
}

impl From<CustomerAdmin> for Credential {
    fn from(a: CustomerAdmin) -> Self {
        Credential {
            door: Door::Tenant,
            id: a.id,
            org_id: a.customer_id,
            email: a.email,
            display_name: a.display_name,
            password_hash: a.password_hash,
            active: a.active,
            failed_logins: a.failed_logins,
            locked_until: a.locked_until,
            password_must_change: a.password_must_change,
            password_expires_at: a.password_expires_at,
            totp_secret: a.totp_secret,
            totp_confirmed_at: a.totp_confirmed_at,
        }
    }
}

/// Picks the partner-user or customer-admin query for the door.
macro_rules! by_door {
    ($door:expr, $user:expr, $admin:expr) => {
        match $door {
            Door::Partner => $user,
            Door::Tenant => $admin,
        }
    };
}

pub fn find_by_email(
    c: &mut AnyConnection,
    door: Door,
    email: &str,
) -> QueryResult<Option<Credential>> {
    Ok(by_door!(
        door,
        user::find_by_email(c, email)?.map(Credential::from),
        admins::find_by_email(c, email)?.map(Credential::from)
    ))
}

pub fn find(c: &mut AnyConnection, door: Door, id: &str) -> QueryResult<Option<Credential>> {
    Ok(by_door!(
        door,
        user::find(c, id)?.map(Credential::from),
        admins::find(c, id)?.map(Credential::from)
    ))
}

/// The account, its row locked for the rest of the transaction.
pub fn lock(c: &mut AnyConnection, door: Door, id: &str) -> QueryResult<Option<Credential>> {
    Ok(by_door!(
        door,
        user::lock(c, id)?.map(Credential::from),
        admins::lock(c, id)?.map(Credential::from)
    ))
}

/// The name of the account's partner or customer (a password must not be it).
pub fn org_name(c: &mut AnyConnection, cred: &Credential) -> QueryResult<String> {
    Ok(by_door!(
        cred.door,
        crate::models::partner::find(c, &cred.org_id)?.map(|p| p.name),
        crate::models::customer::find(c, &cred.org_id)?.map(|p| p.company_name)
    )
    .unwrap_or_default())
}

pub fn increment_failed_logins(c: &mut AnyConnection, cred: &Credential) -> QueryResult<i32> {
    by_door!(
        cred.door,
        user::increment_failed_logins(c, &cred.id),
        admins::increment_failed_logins(c, &cred.id)
    )
}

pub fn lock_until(c: &mut AnyConnection, cred: &Credential, until: i64) -> QueryResult<usize> {
    by_door!(
        cred.door,
        user::lock_until(c, &cred.id, until),
        admins::lock_until(c, &cred.id, until)
    )
}

pub fn clear_failed_logins(c: &mut AnyConnection, cred: &Credential) -> QueryResult<usize> {
    by_door!(
        cred.door,
        user::clear_failed_logins(c, &cred.id),
        admins::clear_failed_logins(c, &cred.id)
    )
}

pub fn set_password_hash(
    c: &mut AnyConnection,
    cred: &Credential,
    hash: &str,
) -> QueryResult<usize> {
    by_door!(
        cred.door,
        user::set_password_hash(c, &cred.id, hash),
        admins::set_password_hash(c, &cred.id, hash)
    )
}

pub fn set_rehashed(c: &mut AnyConnection, cred: &Credential, hash: &str) -> QueryResult<usize> {
    by_door!(
        cred.door,
        user::set_rehashed(c, &cred.id, hash),
        admins::set_rehashed(c, &cred.id, hash)
    )
}

pub fn set_unconfirmed_totp(
    c: &mut AnyConnection,
    cred: &Credential,
    secret: &str,
) -> QueryResult<usize> {
    by_door!(
        cred.door,
        user::set_unconfirmed_totp(c, &cred.id, secret),
        admins::set_unconfirmed_totp(c, &cred.id, secret)
    )
}

pub fn confirm_totp(
    c: &mut AnyConnection,
    cred: &Credential,
    step: i64,
    now: i64,
) -> QueryResult<usize> {
    by_door!(
        cred.door,
        user::confirm_totp(c, &cred.id, step, now),
        admins::confirm_totp(c, &cred.id, step, now)
    )
}

/// Records that the code of `step` was used; 0 when it (or a later one) was used already.
pub fn use_totp_step(c: &mut AnyConnection, cred: &Credential, step: i64) -> QueryResult<usize> {
    by_door!(
        cred.door,
        user::use_totp_step(c, &cred.id, step),
        admins::use_totp_step(c, &cred.id, step)
    )
}

pub fn replace_recovery_codes(
    c: &mut AnyConnection,
    cred: &Credential,
    hashes: &[String],
    now: i64,
) -> QueryResult<()> {
    by_door!(
        cred.door,
        recovery_code::replace(c, &cred.id, hashes, now),
        admins::replace_recovery_codes(c, &cred.id, hashes, now)
    )
}

pub fn use_recovery_code(
    c: &mut AnyConnection,
    cred: &Credential,
    hash: &str,
    now: i64,
) -> QueryResult<usize> {
    by_door!(
        cred.door,
        recovery_code::use_code(c, &cred.id, hash, now),
        admins::use_recovery_code(c, &cred.id, hash, now)
    )
}

pub fn count_unused_recovery_codes(c: &mut AnyConnection, cred: &Credential) -> QueryResult<i64> {
    by_door!(
        cred.door,
        recovery_code::count_unused(c, &cred.id),
        admins::count_unused_recovery_codes(c, &cred.id)
    )
}
