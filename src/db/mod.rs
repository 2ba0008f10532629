//! Database access: one connection type over SQLite and PostgreSQL, the pool, migrations and the
//! small helpers every query module shares (ids, clock, transactions, the relationship lock).

pub mod schema;

use std::time::{Duration, Instant};

use diesel::connection::SimpleConnection;
use diesel::pg::PgConnection;
use diesel::prelude::*;
use diesel::r2d2::{self, ManageConnection, R2D2Connection};
use diesel::sqlite::SqliteConnection;
use diesel_migrations::{EmbeddedMigrations, MigrationHarness, embed_migrations};

/// The one connection type the application uses; the variant is the backend.
#[derive(diesel::MultiConnection)]
pub enum AnyConnection {
    Postgresql(PgConnection),
    Sqlite(SqliteConnection),
}

pub type Pool = r2d2::Pool<Manager>;
pub type PooledConn = r2d2::PooledConnection<Manager>;

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

/// A pooled connection and when it last went back to the pool, which is what the pool needs to
/// know to hand it out again without a round trip.
pub struct Conn {
    conn: AnyConnection,
    returned_at: Option<Instant>,
}

impl std::ops::Deref for Conn {
    type Target = AnyConnection;
    fn deref(&self) -> &AnyConnection {
        &self.conn
    }
}

impl std::ops::DerefMut for Conn {
    fn deref_mut(&mut self) -> &mut AnyConnection {
        &mut self.conn
    }
}

/// A connection that went back to the pool this recently is handed out again without asking the
/// server whether it is still there (a round trip per checkout otherwise). The figure and the
/// rule are HikariCP's `aliveBypassWindowMs`. A connection that died meanwhile fails the one
/// statement that meets it; diesel then reports it broken and the pool drops it on return.
pub const ALIVE_BYPASS: Duration = Duration::from_millis(500);

const SQLITE_MIGRATIONS: EmbeddedMigrations = embed_migrations!("migrations/sqlite");
const POSTGRES_MIGRATIONS: EmbeddedMigrations = embed_migrations!("migrations/postgres");
/// Key of the PostgreSQL advisory lock held while migrations run, so instances starting
/// together apply them once.
const MIGRATION_LOCK_KEY: i64 = 0x0050_4152_544e_4552; // "PARTNER"

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

/// r2d2 manager that opens the backend the URL names and prepares each new connection.
#[derive(Debug, Clone)]
pub struct Manager {
    url: DbUrl,
}

impl ManageConnection for Manager {
    type Connection = Conn;
    type Error = r2d2::Error;

    fn connect(&self) -> Result<Conn, r2d2::Error> {
        Ok(Conn { conn: self.open()?, returned_at: None })
    }

    fn is_valid(&self, conn: &mut Conn) -> Result<(), r2d2::Error> {
        if conn.returned_at.is_some_and(|at| at.elapsed() < ALIVE_BYPASS) {
            return Ok(());
        }
        conn.conn.ping().map_err(r2d2::Error::QueryError)
    }

    fn has_broken(&self, conn: &mut Conn) -> bool {
        conn.returned_at = Some(Instant::now());
        conn.conn.is_broken()
    }
}

impl Manager {
    fn open(&self) -> Result<AnyConnection, r2d2::Error> {
        match &self.url {
            DbUrl::Postgres(url) => {
                let mut conn =
                    PgConnection::establish(url).map_err(r2d2::Error::ConnectionError)?;
                // Every query here reads a few index ranges and is done in well under a
                // millisecond; parallel workers only add start-up cost and compete with the other
                // requests for the cores (a 0.2 ms search took 5 ms with them). For the same
                // reason a prepared statement keeps one generic plan instead of being planned
                // anew for its values: that cut the database's CPU time for a first page by a
                // quarter (280 → 208 µs). Our plans are index ranges whatever the values;
                // `tests/query_plans.rs` checks the generic ones.
                conn.batch_execute(
                    "SET max_parallel_workers_per_gather = 0; SET plan_cache_mode = force_generic_plan",
                )
                .map_err(r2d2::Error::QueryError)?;
                Ok(AnyConnection::Postgresql(conn))
            }
            DbUrl::Sqlite(path) => {
                // Plans made once and the lock wait (`SQLITE_LOCK_WAIT`) are set as SQLite opens
                // the connection: see `sqlite_on_open`.
                let set_up = sqlite_on_open();
                let mut conn =
                    SqliteConnection::establish(path).map_err(r2d2::Error::ConnectionError)?;
                if !set_up {
                    let ms = SQLITE_LOCK_WAIT.as_millis();
                    conn.batch_execute(&format!("PRAGMA busy_timeout = {ms};"))
                        .map_err(r2d2::Error::QueryError)?;
                }
                conn.batch_execute("PRAGMA foreign_keys = ON; PRAGMA synchronous = NORMAL;")
                    .map_err(r2d2::Error::QueryError)?;
                Ok(AnyConnection::Sqlite(conn))
            }
        }
    }
}

/// How long a SQLite statement waits for another connection's write lock before it fails with
/// "database is locked" (SQLite's `busy_timeout`, kept by `sqlite_on_open`'s handler).
pub const SQLITE_LOCK_WAIT: Duration = Duration::from_secs(10);

/// Pause between two tries for a SQLite write lock held by another connection.
const SQLITE_LOCK_RETRY: Duration = Duration::from_micros(200);

/// Sets up every SQLite connection this process opens from now on, inside `sqlite3_open`:
///
/// - **Plans made once.** SQLite otherwise looks at some bound values while planning (a
///   `LIMIT ?`, which diesel's `first()` and every page of a list use) and then recompiles the
///   statement each time a value is bound again: diesel's statement cache kept the statement,
///   and every execution still parsed and planned it anew (a third of a list page's CPU time).
///   With the query planner stability guarantee (`SQLITE_DBCONFIG_ENABLE_QPSG`) the plan
///   depends on the schema and the statistics only. Our queries bind no values the planner
///   could use instead: no `LIKE` patterns and no partial indexes (`tests/query_plans.rs`
///   checks the plans).
/// - **A short lock wait.** A writer that finds the write lock taken tries again every
///   `SQLITE_LOCK_RETRY`, for up to `SQLITE_LOCK_WAIT`. SQLite's own `busy_timeout` sleeps
///   1, 2, 5, … then 100 ms between tries, made for disks; a write transaction here holds the
///   lock for well under a millisecond, and those sleeps were the p99 of contended writes (64
///   clients changing one customer's subscription: p99 155–435 ms before, 40–54 ms after, in
///   alternating runs).
///
/// Returns whether SQLite took the setup; if not, the caller sets `busy_timeout` itself.
pub fn sqlite_on_open() -> bool {
    use libsqlite3_sys as ffi;
    use std::os::raw::{c_char, c_int, c_void};

    /// SQLite's busy handler: non-zero to try again, 0 to give up ("database is locked").
    unsafe extern "C" fn wait_for_lock(_: *mut c_void, tries: c_int) -> c_int {
        let most = SQLITE_LOCK_WAIT.as_micros() / SQLITE_LOCK_RETRY.as_micros();
        if tries as u128 >= most {
            return 0;
        }
        std::thread::sleep(SQLITE_LOCK_RETRY);
        1
    }

    /// Runs inside `sqlite3_open` for each new connection.
    unsafe extern "C" fn on_open(
        db: *mut ffi::sqlite3,
        _error: *mut *mut c_char,
        _api: *const ffi::sqlite3_api_routines,
    ) -> c_int {
        // SAFETY: `db` is the connection being opened, valid for this call. The option takes
        // an int and an optional out-pointer, here none; the handler takes no argument and
        // lives as long as the program.
        unsafe {
            ffi::sqlite3_db_config(
                db,
                ffi::SQLITE_DBCONFIG_ENABLE_QPSG,
                1 as c_int,
                std::ptr::null_mut::<c_int>(),
            );
            ffi::sqlite3_busy_handler(db, Some(wait_for_lock), std::ptr::null_mut())
        }
    }
    static REGISTERED: std::sync::OnceLock<bool> = std::sync::OnceLock::new();
    *REGISTERED.get_or_init(|| {
        // SAFETY: registers a function with the signature SQLite calls it with; registering
        // the same function again would be a no-op.
        let rc = unsafe { ffi::sqlite3_auto_extension(Some(on_open)) };
        if rc != ffi::SQLITE_OK {
            log::warn!("could not set up SQLite connections (code {rc}): statements will be recompiled more often, and lock waits use SQLite's own busy_timeout");
        }
        rc == ffi::SQLITE_OK
    })
}

#[derive(Debug, Clone)]
pub struct PoolOptions {
    pub max_size: u32,
    pub connection_timeout: Duration,
}

impl Default for PoolOptions {
    fn default() -> Self {
        PoolOptions { max_size: 8, connection_timeout: Duration::from_secs(5) }
    }
}

/// No connection came free within the pool's connection timeout.
#[derive(Debug, thiserror::Error)]
#[error("no database connection came free in time")]
pub struct NoConnection;

/// Runs `f` on the blocking pool with one of the pool's connections: the one way a request
/// reaches the database. Fails with `NoConnection` when none came free within the pool's
/// connection timeout, counted from the call: time spent queued for a blocking thread counts
/// too (the server gives each worker no more blocking threads than its share of connections,
/// so work queues for a thread rather than for a connection: see `blocking_threads_per_worker`).
///
/// Work whose request is dropped while it waits (its client went away) does not run: under
/// overload, the connections go to requests someone still waits for.
pub async fn run<T: Send + 'static>(
    pool: &Pool,
    f: impl FnOnce(&mut AnyConnection) -> T + Send + 'static,
) -> anyhow::Result<T> {
    /// Set when the request's future is dropped before the work is done.
    struct Wanted(std::sync::Arc<std::sync::atomic::AtomicBool>);
    impl Drop for Wanted {
        fn drop(&mut self) {
            self.0.store(false, std::sync::atomic::Ordering::Relaxed);
        }
    }
    let wanted = Wanted(std::sync::Arc::new(true.into()));
    let still_wanted = wanted.0.clone();
    let pool = pool.clone();
    let asked = Instant::now();
    let done = actix_web::web::block(move || {
        let left = pool.connection_timeout().checked_sub(asked.elapsed());
        let mut conn = left.and_then(|left| pool.get_timeout(left).ok()).ok_or_else(|| {
            log::warn!("database pool: no connection came free in {:?}", pool.connection_timeout());
            anyhow::Error::from(NoConnection)
        })?;
        if !still_wanted.load(std::sync::atomic::Ordering::Relaxed) {
            // Nobody awaits this answer any more.
            anyhow::bail!("the request went away before its database work began");
        }
        Ok(f(&mut conn))
    })
    .await;
    drop(wanted);
    done?
}

/// Blocking threads for each server worker: its share of the pool's connections, so that no
/// thread ever waits for a connection. Work queued for a thread costs nothing until it runs;
/// a thread parked on the pool costs a wake-up per hand-over and CPU time to switch between.
/// (Measured on 2 cores, first Customers page at 64 connections: SQLite, 2 threads a worker
/// against the former 8, 10–36 % more requests per second and a lower p99; PostgreSQL, 4
/// against 12, 2–16 % more.)
pub fn blocking_threads_per_worker(pool_size: u32, workers: usize) -> usize {
    (pool_size as usize).div_ceil(workers.max(1)).max(1)
}

/// Opens the pool, switches SQLite to WAL and applies pending migrations.
pub fn connect(url: &DbUrl, opts: &PoolOptions) -> anyhow::Result<Pool> {
    let manager = Manager { url: url.clone() };
    if let DbUrl::Sqlite(_) = url {
        // WAL is a property of the database file: set it once, before the pool opens.
        let mut conn = manager.connect()?;
        conn.batch_execute("PRAGMA journal_mode = WAL;")?;
    }
    // A PostgreSQL connection can die with its server or the network, so it is checked when
    // taken from the pool (unless it was in use a moment ago: `ALIVE_BYPASS`); a SQLite
    // connection is a handle on a local file and cannot, so the check (a statement and a lock
    // of the file per checkout) is skipped there.
    let check_on_checkout = matches!(url, DbUrl::Postgres(_));
    let pool = r2d2::Pool::builder()
        .max_size(opts.max_size)
        .connection_timeout(opts.connection_timeout)
        .test_on_check_out(check_on_checkout)
        .build(manager)?;
    let mut conn = pool.get()?;
    run_migrations(&mut conn)?;
    Ok(pool)
}

/// Applies pending migrations of the connection's backend; returns their names.
pub fn run_migrations(conn: &mut AnyConnection) -> anyhow::Result<Vec<String>> {
    let applied = match conn {
        AnyConnection::Sqlite(c) => c
            .run_pending_migrations(SQLITE_MIGRATIONS)
            .map_err(|e| anyhow::anyhow!("migration failed: {e}"))?
            .iter()
            .map(|v| v.to_string())
            .collect(),
        AnyConnection::Postgresql(c) => {
            diesel::sql_query(format!("SELECT pg_advisory_lock({MIGRATION_LOCK_KEY})"))
                .execute(c)?;
            let result = c
                .run_pending_migrations(POSTGRES_MIGRATIONS)
                .map(|v| v.iter().map(|v| v.to_string()).collect())
                .map_err(|e| anyhow::anyhow!("migration failed: {e}"));
            diesel::sql_query(format!("SELECT pg_advisory_unlock({MIGRATION_LOCK_KEY})"))
                .execute(c)?;
            result?
        }
    };
    Ok(applied)
}

/// A new application-generated id (UUID v4 text).
pub fn new_id() -> String {
    uuid::Uuid::new_v4().to_string()
}

/// Now, in UTC milliseconds since the Unix epoch (the unit of every `*_at` column).
pub fn now_ms() -> i64 {
    let d = std::time::SystemTime::now().duration_since(std::time::UNIX_EPOCH).unwrap_or_default();
    d.as_millis() as i64
}

pub const DAY_MS: i64 = 24 * 60 * 60 * 1000;

/// Serialises every writer of one partner–customer relationship: the first statement of each
/// transaction that changes a subscription's status, adds a purchase or changes the relationship.
/// PostgreSQL: `SELECT … FOR UPDATE` on the relationship row. SQLite: a no-op write as the
/// transaction's first statement takes the database's write lock before anything is read, which
/// is what `BEGIN IMMEDIATE` would do (and waits for the lock, up to `SQLITE_LOCK_WAIT`, instead
/// of failing).
pub fn lock_relationship(
    conn: &mut AnyConnection,
    partner_id: &str,
    customer_id: &str,
) -> QueryResult<Option<crate::models::relationship::Relationship>> {
    use crate::models::relationship::Relationship;
    use schema::relationships::dsl as r;
    let row = r::relationships
        .filter(r::partner_id.eq(partner_id))
        .filter(r::customer_id.eq(customer_id));
    match conn {
        AnyConnection::Postgresql(pg) => {
            row.select(Relationship::as_select()).for_update().first(pg).optional()
        }
        AnyConnection::Sqlite(sq) => {
            diesel::update(row).set(r::id.eq(r::id)).execute(sq)?;
            row.select(Relationship::as_select()).first(sq).optional()
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

/// Whether the database answers (for `/readyz`).
pub fn ping(conn: &mut AnyConnection) -> bool {
    conn.ping().is_ok()
}
