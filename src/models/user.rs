use diesel::prelude::*;

use crate::auth::roles::Role;
use crate::db::AnyConnection;
use crate::db::schema::{user_roles, users};

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

pub fn roles_of(conn: &mut AnyConnection, user_id: &str) -> QueryResult<Vec<Role>> {
    let names: Vec<String> = user_roles::table
        .filter(user_roles::user_id.eq(user_id))
        .select(user_roles::role)
        .load(conn)?;
    let mut roles: Vec<Role> = names.iter().filter_map(|n| Role::parse(n)).collect();
    roles.sort_by_key(|r| Role::ALL.iter().position(|x| x == r));
    Ok(roles)
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

pub fn set_password_hash(
    conn: &mut AnyConnection,
    user_id: &str,
    hash: &str,
) -> QueryResult<usize> {
    diesel::update(users::table.find(user_id))
        .set((
            users::password_hash.eq(hash),
            users::failed_logins.eq(0),
            users::locked_until.eq(None::<i64>),
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
