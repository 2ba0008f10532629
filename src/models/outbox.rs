//! The e-mail outbox: messages written in the transaction of the change they tell about, sent
//! later by the deliverer (`services::notify`).

use diesel::prelude::*;

use crate::db::AnyConnection;
use crate::db::schema::outbox;

#[derive(Debug, Clone, Queryable, Selectable, Insertable)]
#[diesel(table_name = outbox)]
pub struct Message {
    pub id: String,
    pub recipient: String,
    pub subject: String,
    pub body: String,
    /// The recipient's language (`en-US`, `pl-PL`), in which subject and body are written.
    pub locale: String,
    pub created_at: i64,
    pub sent_at: Option<i64>,
    pub attempts: i32,
    pub last_error: Option<String>,
    /// Until when a deliverer holds the message (UTC ms); others leave it alone until then.
    pub claimed_until: Option<i64>,
}

pub fn insert(conn: &mut AnyConnection, m: &Message) -> QueryResult<usize> {
    diesel::insert_into(outbox::table).values(m).execute(conn)
}

/// Unsent messages free to claim now (never claimed, or their lease lapsed), oldest first.
pub fn due(
    conn: &mut AnyConnection,
    now: i64,
    max_attempts: i32,
    limit: i64,
) -> QueryResult<Vec<Message>> {
    outbox::table
        .filter(outbox::sent_at.is_null())
        .filter(outbox::attempts.lt(max_attempts))
        .filter(outbox::claimed_until.is_null().or(outbox::claimed_until.le(now)))
        .order((outbox::created_at.asc(), outbox::id.asc()))
        .limit(limit)
        .select(Message::as_select())
        .load(conn)
}

/// Takes the message for one attempt until `until`: true only for the one caller whose update
/// found it still unsent and unclaimed, so two deliverers never send the same message.
pub fn claim(conn: &mut AnyConnection, id: &str, now: i64, until: i64) -> QueryResult<bool> {
    let n = diesel::update(
        outbox::table
            .filter(outbox::id.eq(id))
            .filter(outbox::sent_at.is_null())
            .filter(outbox::claimed_until.is_null().or(outbox::claimed_until.le(now))),
    )
    .set((outbox::claimed_until.eq(until), outbox::attempts.eq(outbox::attempts + 1)))
    .execute(conn)?;
    Ok(n == 1)
}

pub fn mark_sent(conn: &mut AnyConnection, id: &str, now: i64) -> QueryResult<usize> {
    diesel::update(outbox::table.filter(outbox::id.eq(id)))
        .set((
            outbox::sent_at.eq(now),
            outbox::claimed_until.eq(None::<i64>),
            outbox::last_error.eq(None::<String>),
        ))
        .execute(conn)
}

/// Records a failed attempt; the message is tried again after `retry_at`.
pub fn mark_failed(
    conn: &mut AnyConnection,
    id: &str,
    error: &str,
    retry_at: i64,
) -> QueryResult<usize> {
    diesel::update(outbox::table.filter(outbox::id.eq(id)))
        .set((outbox::last_error.eq(error), outbox::claimed_until.eq(retry_at)))
        .execute(conn)
}

pub fn find(conn: &mut AnyConnection, id: &str) -> QueryResult<Option<Message>> {
    outbox::table.find(id).select(Message::as_select()).first(conn).optional()
}

/// Every message, oldest first (tests and operations).
pub fn all(conn: &mut AnyConnection) -> QueryResult<Vec<Message>> {
    outbox::table
        .order((outbox::created_at.asc(), outbox::id.asc()))
        .select(Message::as_select())
        .load(conn)
}
