//! Database access: one connection type over SQLite and PostgreSQL, the pool, migrations and
//! the schema.

mod connection;
pub mod maintenance;
mod migrations;
mod pool;
pub mod schema;
mod sqlite;

pub use connection::{AnyConnection, DbUrl, is_connection_lost, is_unique_violation, ping, write};
pub use migrations::run_migrations;
pub use pool::{
    ALIVE_BYPASS, Conn, Manager, NoConnection, Pool, PoolOptions, PooledConn,
    blocking_threads_per_worker, connect, run,
};
pub use sqlite::{SQLITE_LOCK_WAIT, sqlite_on_open};
