use diesel::prelude::*;

use crate::db::AnyConnection;
use crate::db::schema::sessions;

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

pub fn delete_expired(conn: &mut AnyConnection, now: i64) -> QueryResult<usize> {
    diesel::delete(sessions::table.filter(sessions::expires_at.le(now))).execute(conn)
}
