//! What every request can reach: the pool, the password hasher and the settings.

use actix_web::cookie::Key;

use crate::auth::password::Hasher;
use crate::config::Config;
use crate::db::{self, AnyConnection, NoConnection, Pool};
use crate::error::{AppError, AppResult};

pub struct AppState {
    pub pool: Pool,
    pub hasher: Hasher,
    pub config: Config,
    pub session_key: Key,
}

impl AppState {
    pub fn new(pool: Pool, config: Config, session_key: Key) -> Self {
        let cores = std::thread::available_parallelism().map(|n| n.get()).unwrap_or(2);
        AppState { pool, hasher: Hasher::new(cores), config, session_key }
    }

    /// Runs database work on the blocking pool with a pooled connection (`db::run`).
    pub async fn db<T: Send + 'static>(
        &self,
        f: impl FnOnce(&mut AnyConnection) -> AppResult<T> + Send + 'static,
    ) -> AppResult<T> {
        match db::run(&self.pool, f).await {
            Ok(done) => done,
            Err(e) if e.is::<NoConnection>() => Err(AppError::Unavailable),
            Err(e) => Err(AppError::Internal(e.context("database work failed"))),
        }
    }

    /// Like `db`, inside one transaction.
    pub async fn db_tx<T: Send + 'static>(
        &self,
        f: impl FnOnce(&mut AnyConnection) -> AppResult<T> + Send + 'static,
    ) -> AppResult<T> {
        use diesel::Connection;
        self.db(move |c| c.transaction::<T, AppError, _>(f)).await
    }
}
