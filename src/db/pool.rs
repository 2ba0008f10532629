//! The connection pool and the one way a request reaches the database (`run`).

use std::time::{Duration, Instant};

use diesel::connection::SimpleConnection;
use diesel::pg::PgConnection;
use diesel::prelude::*;
use diesel::r2d2::{self, ManageConnection, R2D2Connection};
use diesel::sqlite::SqliteConnection;

use super::connection::{AnyConnection, DbUrl};
use super::migrations::run_migrations;
use super::sqlite::{SQLITE_LOCK_WAIT, sqlite_on_open};

pub type Pool = r2d2::Pool<Manager>;
pub type PooledConn = r2d2::PooledConnection<Manager>;

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
                // Our queries are short index-range reads: parallel workers only add start-up
                // cost, and a generic plan serves every value (docs/performance.md).
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
    let done = tokio::task::spawn_blocking(move || {
        let left = pool.connection_timeout().checked_sub(asked.elapsed());
        let got = left.and_then(|left| pool.get_timeout(left).ok());
        metrics::histogram!("partnerdesk_db_pool_wait_seconds")
            .record(asked.elapsed().as_secs_f64());
        let mut conn = got.ok_or_else(|| {
            metrics::counter!("partnerdesk_db_pool_timeouts_total").increment(1);
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
/// thread ever waits for a connection (a parked thread costs a wake-up per hand-over).
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
