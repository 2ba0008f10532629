use diesel::prelude::*;

use crate::db::AnyConnection;
use crate::db::schema::recovery_codes as rc;

/// Replaces the user's recovery codes with new ones (by their hashes).
pub fn replace(
    conn: &mut AnyConnection,
    user_id: &str,
    hashes: &[String],
    now: i64,
) -> QueryResult<()> {
    delete_for_user(conn, user_id)?;
    for hash in hashes {
        diesel::insert_into(rc::table)
            .values((
                rc::id.eq(crate::util::tokens::new_id()),
                rc::user_id.eq(user_id),
                rc::code_hash.eq(hash),
                rc::created_at.eq(now),
            ))
            .execute(conn)?;
    }
    Ok(())
}

pub fn delete_for_user(conn: &mut AnyConnection, user_id: &str) -> QueryResult<usize> {
    diesel::delete(rc::table.filter(rc::user_id.eq(user_id))).execute(conn)
}

/// Uses one unused code of the user; 0 when there is none with that hash (or it was used,
/// perhaps by a request racing this one).
pub fn use_code(
    conn: &mut AnyConnection,
    user_id: &str,
    hash: &str,
    now: i64,
) -> QueryResult<usize> {
    diesel::update(
        rc::table
            .filter(rc::user_id.eq(user_id))
            .filter(rc::code_hash.eq(hash))
            .filter(rc::used_at.is_null()),
    )
    .set(rc::used_at.eq(Some(now)))
    .execute(conn)
}

/// How many unused codes the user has left.
pub fn count_unused(conn: &mut AnyConnection, user_id: &str) -> QueryResult<i64> {
    rc::table.filter(rc::user_id.eq(user_id)).filter(rc::used_at.is_null()).count().get_result(conn)
}
