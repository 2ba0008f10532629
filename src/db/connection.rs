//! The one connection type over SQLite and PostgreSQL, and how a `DATABASE_URL` picks it.

use diesel::pg::PgConnection;
use diesel::prelude::*;
use diesel::r2d2::R2D2Connection;
use diesel::sqlite::SqliteConnection;

/// The one connection type the application uses; the variant is the backend.
#[derive(diesel::MultiConnection)]
pub enum AnyConnection {
    Postgresql(PgConnection),
    Sqlite(SqliteConnection),
}

/// Runs `$body` with `$c` bound to the backend's own connection (`SqliteConnection` or
/// `PgConnection`), the body written once and compiled for each. For the statements every page
/// runs: through `AnyConnection` a query is turned into SQL text on every execution, several
/// times (statement-cache key, cacheability, binds); on the backend's own connection a query of
/// static type is found in the statement cache by its type, and a boxed one is written once.
/// The body must build its query itself, so that each backend's copy is typed for it.
#[macro_export]
macro_rules! on_backend {
    ($conn:expr, |$c:ident| $body:expr) => {
        match $conn {
            $crate::db::AnyConnection::Sqlite($c) => $body,
            $crate::db::AnyConnection::Postgresql($c) => $body,
        }
    };
}

/// Which backend a `DATABASE_URL` names. SQLite would accept any string as a file name, so the
/// choice is made here, from the scheme, and never by trial connection.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum DbUrl {
    Sqlite(String),
    Postgres(String),
}

impl DbUrl {
    pub fn parse(url: &str) -> Result<Self, String> {
        let url = url.trim();
        if url.is_empty() {
            return Err("DATABASE_URL is empty".into());
        }
        if url.starts_with("postgres://") || url.starts_with("postgresql://") {
            return Ok(DbUrl::Postgres(url.to_string()));
        }
        if let Some(path) = url.strip_prefix("sqlite://") {
            return Ok(DbUrl::Sqlite(path.to_string()));
        }
        if let Some(path) = url.strip_prefix("sqlite:") {
            return Ok(DbUrl::Sqlite(path.to_string()));
        }
        if let Some((scheme, _)) = url.split_once("://") {
            return Err(format!(
                "DATABASE_URL scheme '{scheme}://' is not supported: use sqlite://PATH (or a plain file path) or postgres://…"
            ));
        }
        Ok(DbUrl::Sqlite(url.to_string()))
    }

    pub fn backend_name(&self) -> &'static str {
        match self {
            DbUrl::Sqlite(_) => "sqlite",
            DbUrl::Postgres(_) => "postgres",
        }
    }
}

/// Whether an error says the connection itself is gone (its server restarted or ended it, the
/// network dropped it), rather than anything about the statement: the pool replaces such a
/// connection, and the same request succeeds when tried again.
pub fn is_connection_lost(e: &diesel::result::Error) -> bool {
    use diesel::result::{DatabaseErrorKind as Kind, Error};
    matches!(e, Error::DatabaseError(Kind::ClosedConnection | Kind::UnableToSendCommand, _))
}

/// Whether an insert was refused by a unique index: someone else took the value first.
pub fn is_unique_violation(e: &diesel::result::Error) -> bool {
    use diesel::result::{DatabaseErrorKind as Kind, Error};
    matches!(e, Error::DatabaseError(Kind::UniqueViolation, _))
}

/// Whether the database answers (for `/readyz`).
pub fn ping(conn: &mut AnyConnection) -> bool {
    conn.ping().is_ok()
}

/// Runs `f` in a transaction that writes. On SQLite the transaction takes the write lock as it
/// begins (`BEGIN IMMEDIATE`, waiting for it like any writer): a transaction begun plainly that
/// reads before it writes fails at once with "database is locked" when another writer has
/// committed since its read. On PostgreSQL, and nested in a transaction, it is `transaction`.
pub fn write<T, E>(
    conn: &mut AnyConnection,
    f: impl FnOnce(&mut AnyConnection) -> Result<T, E>,
) -> Result<T, E>
where
    E: From<diesel::result::Error>,
{
    use diesel::connection::{AnsiTransactionManager, TransactionManager};
    use diesel::result::Error;

    let AnyConnection::Sqlite(sq) = conn else { return conn.transaction(f) };
    if AnsiTransactionManager::transaction_manager_status_mut(sq).transaction_depth()?.is_some() {
        return conn.transaction(f);
    }
    AnsiTransactionManager::begin_transaction_sql(sq, "BEGIN IMMEDIATE")?;
    let result = f(conn);
    let AnyConnection::Sqlite(sq) = conn else { unreachable!("the variant does not change") };
    // As diesel's own `transaction`: commit, or roll back and return the caller's error.
    match result {
        Ok(value) => {
            AnsiTransactionManager::commit_transaction(sq)?;
            Ok(value)
        }
        Err(e) => match AnsiTransactionManager::rollback_transaction(sq) {
            Ok(()) | Err(Error::BrokenTransactionManager) => Err(e),
            Err(rollback) => Err(rollback.into()),
        },
    }
}
