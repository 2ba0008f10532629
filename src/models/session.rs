use diesel::prelude::*;

use crate::db::AnyConnection;
use crate::db::schema::{partners, sessions, user_roles, users};
use crate::models::partner::Partner;
use crate::models::user::{self, ActiveUser, User};

/// A server-side session: `id` is the SHA-256 of the cookie's key, never the key itself.
#[derive(Debug, Clone, Queryable, Selectable, Insertable)]
#[diesel(table_name = sessions)]
pub struct SessionRow {
    pub id: String,
    pub user_id: Option<String>,
    pub state: String,
    pub created_at: i64,
    pub expires_at: i64,
}

pub fn load_live(conn: &mut AnyConnection, id: &str, now: i64) -> QueryResult<Option<SessionRow>> {
    sessions::table
        .find(id)
        .filter(sessions::expires_at.gt(now))
        .select(SessionRow::as_select())
        .first(conn)
        .optional()
}

/// A live session with its user, the user's partner and roles, in one statement (a row per
/// role). The user part is `None` when the session has no user or its user is no longer active.
pub fn load_live_with_user(
    conn: &mut AnyConnection,
    id: &str,
    now: i64,
) -> QueryResult<Option<(SessionRow, Option<ActiveUser>)>> {
    type Row = (SessionRow, Option<User>, Option<Partner>, Option<String>);
    // Every signed-in request runs this: on the backend's own connection (see `on_backend!`).
    let rows: Vec<Row> = crate::on_backend!(conn, |c| sessions::table
        .left_join(
            users::table.on(users::id.nullable().eq(sessions::user_id).and(users::active.eq(true))),
        )
        .left_join(partners::table.on(partners::id.eq(users::partner_id)))
        .left_join(user_roles::table.on(user_roles::user_id.eq(users::id)))
        .filter(sessions::id.eq(id))
        .filter(sessions::expires_at.gt(now))
        .select((
            SessionRow::as_select(),
            Option::<User>::as_select(),
            Option::<Partner>::as_select(),
            user_roles::role.nullable(),
        ))
        .load(c))?;
    let roles = user::sorted_roles(rows.iter().filter_map(|(.., role)| role.as_deref()));
    Ok(rows.into_iter().next().map(|(session, user, partner, _)| {
        (session, user.zip(partner).map(|(user, partner)| (user, partner, roles)))
    }))
}

pub fn insert(conn: &mut AnyConnection, row: &SessionRow) -> QueryResult<()> {
    diesel::insert_into(sessions::table).values(row).execute(conn).map(|_| ())
}

/// Replaces state and expiry of a live session; 0 when it no longer exists.
pub fn update(
    conn: &mut AnyConnection,
    id: &str,
    user_id: Option<&str>,
    state: &str,
    expires_at: i64,
) -> QueryResult<usize> {
    diesel::update(sessions::table.find(id))
        .set((
            sessions::user_id.eq(user_id),
            sessions::state.eq(state),
            sessions::expires_at.eq(expires_at),
        ))
        .execute(conn)
}

pub fn touch(conn: &mut AnyConnection, id: &str, expires_at: i64) -> QueryResult<usize> {
    diesel::update(sessions::table.find(id)).set(sessions::expires_at.eq(expires_at)).execute(conn)
}

pub fn delete(conn: &mut AnyConnection, id: &str) -> QueryResult<usize> {
    diesel::delete(sessions::table.find(id)).execute(conn)
}

/// Ends every session of a user (sign-out everywhere, disabled user, new password).
pub fn delete_for_user(conn: &mut AnyConnection, user_id: &str) -> QueryResult<usize> {
    diesel::delete(sessions::table.filter(sessions::user_id.eq(user_id))).execute(conn)
}

/// Removes the sessions that expired at or before `cutoff`.
pub fn delete_expired(conn: &mut AnyConnection, cutoff: i64) -> QueryResult<usize> {
    diesel::delete(sessions::table.filter(sessions::expires_at.le(cutoff))).execute(conn)
}
