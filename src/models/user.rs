use diesel::prelude::*;

use crate::db::AnyConnection;
use crate::db::schema::{user_roles, users};
use crate::models::role::Role;

#[derive(Debug, Clone, Queryable, Selectable, Insertable)]
#[diesel(table_name = users)]
pub struct User {
    pub id: String,
    pub partner_id: String,
    pub email: String,
    pub display_name: String,
    pub password_hash: String,
    pub active: bool,
    pub failed_logins: i32,
    pub locked_until: Option<i64>,
    pub created_at: i64,
    /// The chosen UI language (`en-US`, `pl-PL`); `None` follows the browser.
    pub locale: Option<String>,
    /// The password is a one-time password: the next sign-in must replace it.
    pub password_must_change: bool,
    /// When a one-time password stops working.
    pub password_expires_at: Option<i64>,
    /// The authenticator app's secret (base32), unconfirmed while `totp_confirmed_at` is `None`.
    pub totp_secret: Option<String>,
    pub totp_confirmed_at: Option<i64>,
    /// The last time step whose code was accepted (a code is good once).
    pub totp_last_step: Option<i64>,
}

/// How long a one-time password works if it is not used.
pub const ONE_TIME_PASSWORD_DAYS: i64 = 7;

impl User {
    /// A new active user whose password is a one-time password, to be replaced at the first
    /// sign-in, and who enrols an authenticator app then.
    pub fn with_one_time_password(
        partner_id: &str,
        email: &str,
        display_name: &str,
        password_hash: String,
        now: i64,
    ) -> User {
        User {
            id: crate::util::tokens::new_id(),
            partner_id: partner_id.to_owned(),
            email: normalize_email(email),
            display_name: display_name.to_owned(),
            password_hash,
            active: true,
            failed_logins: 0,
            locked_until: None,
            created_at: now,
            locale: None,
            password_must_change: true,
            password_expires_at: Some(now + ONE_TIME_PASSWORD_DAYS * crate::util::clock::DAY_MS),
            totp_secret: None,
            totp_confirmed_at: None,
            totp_last_step: None,
        }
    }

    /// The confirmed authenticator secret, if the user has enrolled one.
    pub fn confirmed_totp_secret(&self) -> Option<&str> {
        self.totp_confirmed_at.and(self.totp_secret.as_deref())
    }
}

/// Saves the user's UI language (`None`: follow the browser).
pub fn set_locale(
    conn: &mut AnyConnection,
    user_id: &str,
    locale: Option<&str>,
) -> QueryResult<usize> {
    diesel::update(users::table.find(user_id)).set(users::locale.eq(locale)).execute(conn)
}

/// Emails are compared case-insensitively: stored and looked up lowercased and trimmed.
pub fn normalize_email(email: &str) -> String {
    email.trim().to_lowercase()
}

pub fn find_by_email(conn: &mut AnyConnection, email: &str) -> QueryResult<Option<User>> {
    users::table
        .filter(users::email.eq(normalize_email(email)))
        .select(User::as_select())
        .first(conn)
        .optional()
}

pub fn find(conn: &mut AnyConnection, id: &str) -> QueryResult<Option<User>> {
    users::table.find(id).select(User::as_select()).first(conn).optional()
}

/// An active user with their partner and roles: what every signed-in request needs.
pub type ActiveUser = (User, crate::models::partner::Partner, Vec<Role>);

/// An active user with their partner and roles, in one statement (a row per role).
pub fn find_active_with_partner_and_roles(
    conn: &mut AnyConnection,
    id: &str,
) -> QueryResult<Option<ActiveUser>> {
    use crate::db::schema::partners;
    let rows: Vec<(User, crate::models::partner::Partner, Option<String>)> = users::table
        .inner_join(partners::table)
        .left_join(user_roles::table)
        .filter(users::id.eq(id))
        .filter(users::active.eq(true))
        .select((
            User::as_select(),
            crate::models::partner::Partner::as_select(),
            user_roles::role.nullable(),
        ))
        .load(conn)?;
    let roles = sorted_roles(rows.iter().filter_map(|(_, _, r)| r.as_deref()));
    Ok(rows.into_iter().next().map(|(user, partner, _)| (user, partner, roles)))
}

/// The names of the partner's active Global admins, by name.
pub fn global_admin_names(conn: &mut AnyConnection, partner_id: &str) -> QueryResult<Vec<String>> {
    users::table
        .inner_join(user_roles::table)
        .filter(users::partner_id.eq(partner_id))
        .filter(users::active.eq(true))
        .filter(user_roles::role.eq(Role::GlobalAdmin.as_str()))
        .order((users::display_name.asc(), users::id.asc()))
        .select(users::display_name)
        .load(conn)
}

/// Who an e-mail to a partner's active Global admins goes to: (e-mail, name, chosen locale).
pub fn global_admin_contacts(
    conn: &mut AnyConnection,
    partner_id: &str,
) -> QueryResult<Vec<(String, String, Option<String>)>> {
    users::table
        .inner_join(user_roles::table)
        .filter(users::partner_id.eq(partner_id))
        .filter(users::active.eq(true))
        .filter(user_roles::role.eq(Role::GlobalAdmin.as_str()))
        .order((users::display_name.asc(), users::id.asc()))
        .select((users::email, users::display_name, users::locale))
        .load(conn)
}

pub fn roles_of(conn: &mut AnyConnection, user_id: &str) -> QueryResult<Vec<Role>> {
    let names: Vec<String> = user_roles::table
        .filter(user_roles::user_id.eq(user_id))
        .select(user_roles::role)
        .load(conn)?;
    Ok(sorted_roles(names.iter().map(String::as_str)))
}

/// Stored role names as roles, in the order roles are always shown.
pub(crate) fn sorted_roles<'a>(names: impl Iterator<Item = &'a str>) -> Vec<Role> {
    let mut roles: Vec<Role> = names.filter_map(Role::parse).collect();
    roles.sort_by_key(|r| Role::ALL.iter().position(|x| x == r));
    roles
}

pub fn insert(conn: &mut AnyConnection, u: &User, roles: &[Role]) -> QueryResult<()> {
    diesel::insert_into(users::table).values(u).execute(conn)?;
    for role in roles {
        diesel::insert_into(user_roles::table)
            .values((user_roles::user_id.eq(&u.id), user_roles::role.eq(role.as_str())))
            .execute(conn)?;
    }
    Ok(())
}

/// Sets a password the user chose (a one-time password no longer needs changing).
pub fn set_password_hash(
    conn: &mut AnyConnection,
    user_id: &str,
    hash: &str,
) -> QueryResult<usize> {
    set_password(conn, user_id, hash, None)
}

/// Sets a one-time password: it must be replaced at the next sign-in, within
/// `ONE_TIME_PASSWORD_DAYS`.
pub fn set_one_time_password(
    conn: &mut AnyConnection,
    user_id: &str,
    hash: &str,
    now: i64,
) -> QueryResult<usize> {
    let expires = now + ONE_TIME_PASSWORD_DAYS * crate::util::clock::DAY_MS;
    set_password(conn, user_id, hash, Some(expires))
}

/// A new password, one-time (expiring) or not; a sign-in lock is lifted with it.
fn set_password(
    conn: &mut AnyConnection,
    user_id: &str,
    hash: &str,
    one_time_until: Option<i64>,
) -> QueryResult<usize> {
    diesel::update(users::table.find(user_id))
        .set((
            users::password_hash.eq(hash),
            users::failed_logins.eq(0),
            users::locked_until.eq(None::<i64>),
            users::password_must_change.eq(one_time_until.is_some()),
            users::password_expires_at.eq(one_time_until),
        ))
        .execute(conn)
}

/// Replaces the hash of the same password (made under today's parameters).
pub fn set_rehashed(conn: &mut AnyConnection, user_id: &str, hash: &str) -> QueryResult<usize> {
    diesel::update(users::table.find(user_id)).set(users::password_hash.eq(hash)).execute(conn)
}

/// Keeps a new, not yet confirmed authenticator secret.
pub fn set_unconfirmed_totp(
    conn: &mut AnyConnection,
    user_id: &str,
    secret: &str,
) -> QueryResult<usize> {
    diesel::update(users::table.find(user_id).filter(users::totp_confirmed_at.is_null()))
        .set(users::totp_secret.eq(Some(secret)))
        .execute(conn)
}

/// Confirms the authenticator secret with the step of the code that proved it.
pub fn confirm_totp(
    conn: &mut AnyConnection,
    user_id: &str,
    step: i64,
    now: i64,
) -> QueryResult<usize> {
    diesel::update(users::table.find(user_id).filter(users::totp_secret.is_not_null()))
        .set((users::totp_confirmed_at.eq(Some(now)), users::totp_last_step.eq(Some(step))))
        .execute(conn)
}

/// Records that the code of `step` was used; 0 when that step (or a later one) was used
/// already, so that two requests racing with one code cannot both succeed.
pub fn use_totp_step(conn: &mut AnyConnection, user_id: &str, step: i64) -> QueryResult<usize> {
    diesel::update(
        users::table
            .find(user_id)
            .filter(users::totp_last_step.is_null().or(users::totp_last_step.lt(step))),
    )
    .set(users::totp_last_step.eq(Some(step)))
    .execute(conn)
}

/// Forgets the user's authenticator: the next sign-in enrols a new one.
pub fn clear_totp(conn: &mut AnyConnection, user_id: &str) -> QueryResult<usize> {
    diesel::update(users::table.find(user_id))
        .set((
            users::totp_secret.eq(None::<String>),
            users::totp_confirmed_at.eq(None::<i64>),
            users::totp_last_step.eq(None::<i64>),
        ))
        .execute(conn)
}

/// Counts one more failed sign-in (atomically, so a flood cannot lose counts); returns the new count.
pub fn increment_failed_logins(conn: &mut AnyConnection, user_id: &str) -> QueryResult<i32> {
    diesel::update(users::table.find(user_id))
        .set(users::failed_logins.eq(users::failed_logins + 1))
        .execute(conn)?;
    users::table.find(user_id).select(users::failed_logins).first(conn)
}

pub fn lock_until(conn: &mut AnyConnection, user_id: &str, until: i64) -> QueryResult<usize> {
    diesel::update(users::table.find(user_id))
        .set(users::locked_until.eq(Some(until)))
        .execute(conn)
}

pub fn clear_failed_logins(conn: &mut AnyConnection, user_id: &str) -> QueryResult<usize> {
    diesel::update(users::table.find(user_id))
        .set((users::failed_logins.eq(0), users::locked_until.eq(None::<i64>)))
        .execute(conn)
}

pub fn list_for_partner(conn: &mut AnyConnection, partner_id: &str) -> QueryResult<Vec<User>> {
    users::table
        .filter(users::partner_id.eq(partner_id))
        .order(users::email.asc())
        .select(User::as_select())
        .load(conn)
}

/// The users of a partner with their roles, two queries for the whole list.
pub fn list_with_roles(
    conn: &mut AnyConnection,
    partner_id: &str,
) -> QueryResult<Vec<(User, Vec<Role>)>> {
    let users = list_for_partner(conn, partner_id)?;
    let pairs: Vec<(String, String)> = user_roles::table
        .inner_join(users::table)
        .filter(users::partner_id.eq(partner_id))
        .select((user_roles::user_id, user_roles::role))
        .load(conn)?;
    Ok(users
        .into_iter()
        .map(|u| {
            let mut roles: Vec<Role> = pairs
                .iter()
                .filter(|(id, _)| *id == u.id)
                .filter_map(|(_, r)| Role::parse(r))
                .collect();
            roles.sort_by_key(|r| Role::ALL.iter().position(|x| x == r));
            (u, roles)
        })
        .collect())
}

/// One user of one partner: another partner's user is `None`, as an unknown id is.
pub fn find_for_partner(
    conn: &mut AnyConnection,
    partner_id: &str,
    id: &str,
) -> QueryResult<Option<User>> {
    users::table
        .find(id)
        .filter(users::partner_id.eq(partner_id))
        .select(User::as_select())
        .first(conn)
        .optional()
}

/// Serialises every change to a partner's users (and so the count of its Global admins): the
/// first statement of each such transaction. PostgreSQL: `SELECT … FOR NO KEY UPDATE` on the
/// partner row (which, unlike `FOR UPDATE`, does not wait for transactions that merely insert
/// rows referencing the partner). SQLite: the writing transaction's lock, as in
/// `relationship::lock`. `false` when the partner does not exist.
pub fn lock_partner(conn: &mut AnyConnection, partner_id: &str) -> QueryResult<bool> {
    use crate::db::schema::partners;
    let row = partners::table.filter(partners::id.eq(partner_id));
    match conn {
        AnyConnection::Postgresql(pg) => row
            .select(partners::id)
            .for_no_key_update()
            .first::<String>(pg)
            .optional()
            .map(|r| r.is_some()),
        AnyConnection::Sqlite(sq) => {
            row.select(partners::id).first::<String>(sq).optional().map(|r| r.is_some())
        }
    }
}

/// Locks one user's row for the rest of the transaction, before anything is read, and returns
/// the user (as `lock_partner` does: `FOR UPDATE` on PostgreSQL, on SQLite the writing
/// transaction's lock), so that two sign-in steps of the same user run one after the other.
pub fn lock(conn: &mut AnyConnection, id: &str) -> QueryResult<Option<User>> {
    let row = users::table.find(id);
    match conn {
        AnyConnection::Postgresql(pg) => {
            row.select(User::as_select()).for_update().first(pg).optional()
        }
        AnyConnection::Sqlite(sq) => row.select(User::as_select()).first(sq).optional(),
    }
}

/// How many active users of the partner hold `role`, not counting `except`.
pub fn count_active_with_role(
    conn: &mut AnyConnection,
    partner_id: &str,
    role: Role,
    except: &str,
) -> QueryResult<i64> {
    users::table
        .inner_join(user_roles::table)
        .filter(users::partner_id.eq(partner_id))
        .filter(users::active.eq(true))
        .filter(users::id.ne(except))
        .filter(user_roles::role.eq(role.as_str()))
        .count()
        .get_result(conn)
}

/// Replaces the user's roles.
pub fn set_roles(conn: &mut AnyConnection, user_id: &str, roles: &[Role]) -> QueryResult<()> {
    diesel::delete(user_roles::table.filter(user_roles::user_id.eq(user_id))).execute(conn)?;
    for role in roles {
        diesel::insert_into(user_roles::table)
            .values((user_roles::user_id.eq(user_id), user_roles::role.eq(role.as_str())))
            .execute(conn)?;
    }
    Ok(())
}

pub fn set_active(conn: &mut AnyConnection, user_id: &str, active: bool) -> QueryResult<usize> {
    diesel::update(users::table.find(user_id)).set(users::active.eq(active)).execute(conn)
}
