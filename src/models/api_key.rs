//! API keys: a user's credentials for `/v1`, stored as the SHA-256 of their secret.

use diesel::prelude::*;

use crate::db::AnyConnection;
use crate::db::schema::{api_keys, partners, user_roles, users};
use crate::models::partner::Partner;
use crate::models::user::{self, ActiveUser, User};

#[derive(Debug, Clone, Queryable, Selectable, Insertable)]
#[diesel(table_name = api_keys)]
pub struct ApiKey {
    pub id: String,
    pub user_id: String,
    pub name: String,
    pub secret_hash: String,
    pub created_at: i64,
    pub expires_at: i64,
    pub revoked_at: Option<i64>,
    pub last_used_at: Option<i64>,
}

impl ApiKey {
    /// Whether the key may be used at `now`: not revoked, not expired.
    pub fn is_usable_at(&self, now: i64) -> bool {
        self.revoked_at.is_none() && now < self.expires_at
    }
}

pub fn insert(conn: &mut AnyConnection, k: &ApiKey) -> QueryResult<()> {
    diesel::insert_into(api_keys::table).values(k).execute(conn).map(|_| ())
}

/// The key whose secret has this hash, with its user (if active) as a signed-in request needs
/// it, in one statement: every API call runs this.
pub fn find_by_hash_with_user(
    conn: &mut AnyConnection,
    hash: &str,
) -> QueryResult<Option<(ApiKey, Option<ActiveUser>)>> {
    type Row = (ApiKey, Option<User>, Option<Partner>, Option<String>);
    let rows: Vec<Row> = crate::on_backend!(conn, |c| api_keys::table
        .left_join(users::table.on(users::id.eq(api_keys::user_id).and(users::active.eq(true))),)
        .left_join(partners::table.on(partners::id.eq(users::partner_id)))
        .left_join(user_roles::table.on(user_roles::user_id.eq(users::id)))
        .filter(api_keys::secret_hash.eq(hash))
        .select((
            ApiKey::as_select(),
            Option::<User>::as_select(),
            Option::<Partner>::as_select(),
            user_roles::role.nullable(),
        ))
        .load(c))?;
    let roles = user::sorted_roles(rows.iter().filter_map(|(.., role)| role.as_deref()));
    Ok(rows.into_iter().next().map(|(key, user, partner, _)| {
        (key, user.zip(partner).map(|(user, partner)| (user, partner, roles)))
    }))
}

/// The user's keys, newest first.
pub fn list_for_user(conn: &mut AnyConnection, user_id: &str) -> QueryResult<Vec<ApiKey>> {
    api_keys::table
        .filter(api_keys::user_id.eq(user_id))
        .order((api_keys::created_at.desc(), api_keys::id.desc()))
        .select(ApiKey::as_select())
        .load(conn)
}

pub fn find_for_user(
    conn: &mut AnyConnection,
    user_id: &str,
    id: &str,
) -> QueryResult<Option<ApiKey>> {
    api_keys::table
        .filter(api_keys::user_id.eq(user_id))
        .filter(api_keys::id.eq(id))
        .select(ApiKey::as_select())
        .first(conn)
        .optional()
}

/// Revokes one key; 0 when it was already revoked.
pub fn revoke(conn: &mut AnyConnection, id: &str, now: i64) -> QueryResult<usize> {
    diesel::update(
        api_keys::table.filter(api_keys::id.eq(id)).filter(api_keys::revoked_at.is_null()),
    )
    .set(api_keys::revoked_at.eq(now))
    .execute(conn)
}

/// Revokes every key of a user (when the user is disabled); how many were active.
pub fn revoke_all_for_user(
    conn: &mut AnyConnection,
    user_id: &str,
    now: i64,
) -> QueryResult<usize> {
    diesel::update(
        api_keys::table
            .filter(api_keys::user_id.eq(user_id))
            .filter(api_keys::revoked_at.is_null()),
    )
    .set(api_keys::revoked_at.eq(now))
    .execute(conn)
}

/// Records a use, at most once per `every` ms (a read-mostly API should not write on each call).
pub fn touch(conn: &mut AnyConnection, id: &str, now: i64, every: i64) -> QueryResult<usize> {
    diesel::update(
        api_keys::table
            .filter(api_keys::id.eq(id))
            .filter(api_keys::last_used_at.is_null().or(api_keys::last_used_at.lt(now - every))),
    )
    .set(api_keys::last_used_at.eq(now))
    .execute(conn)
}
