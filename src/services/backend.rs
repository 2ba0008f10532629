//! What a service needs beyond one connection: the pool, to run its work off the executor, and
//! the password hasher.

use crate::auth::password::Hasher;
use crate::db::{self, AnyConnection, NoConnection, Pool};
use crate::error::{AppError, AppResult};

pub struct Backend {
    pub pool: Pool,
    pub hasher: Hasher,
}

impl Backend {
    /// A backend with one hashing thread per core.
    pub fn new(pool: Pool) -> Self {
        let cores = std::thread::available_parallelism().map(|n| n.get()).unwrap_or(2);
        Backend { pool, hasher: Hasher::new(cores) }
    }

    /// Runs database work on the blocking pool with a pooled connection (`db::run`); no free
    /// connection in time is "busy" (503).
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

    /// Whether the database answers (a connection within the pool's timeout, and a ping).
    pub async fn ready(&self) -> bool {
        self.db(|c| Ok(db::ping(c))).await.unwrap_or(false)
    }

    /// Like `db`, inside one transaction.
    pub async fn db_tx<T: Send + 'static>(
        &self,
        f: impl FnOnce(&mut AnyConnection) -> AppResult<T> + Send + 'static,
    ) -> AppResult<T> {
        self.db(move |c| db::write::<T, AppError>(c, f)).await
    }
}
