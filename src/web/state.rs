//! What every request can reach: the services' backend (pool and hasher), the settings, the
//! session key and the rate limits.

use actix_web::cookie::Key;

use crate::config::Config;
/// The connection a service runs on, as handlers that pass services around name it.
pub use crate::db::AnyConnection;
use crate::db::Pool;
use crate::error::AppResult;
use crate::services::{Backend, Ctx};
use crate::web::limits::Limits;

pub struct AppState {
    pub backend: Backend,
    pub config: Config,
    pub session_key: Key,
    /// This process's rate limits (a fresh state starts with every allowance full).
    pub limits: Limits,
    /// What "now" is for the commerce rules (tests move it).
    pub clock: crate::util::clock::Clock,
}

impl AppState {
    pub fn new(pool: Pool, config: Config, session_key: Key) -> Self {
        let limits = Limits::default().with_api_rate(config.api_rate_per_minute);
        AppState {
            backend: Backend::new(pool),
            config,
            session_key,
            limits,
            clock: Default::default(),
        }
    }

    /// Runs a service with the request's context on a pooled connection (`Backend::db`).
    pub async fn call<T: Send + 'static>(
        &self,
        ctx: &Ctx,
        f: impl FnOnce(&mut AnyConnection, &Ctx) -> AppResult<T> + Send + 'static,
    ) -> AppResult<T> {
        let ctx = ctx.clone();
        self.db(move |c| f(c, &ctx)).await
    }
}

impl std::ops::Deref for AppState {
    type Target = Backend;
    fn deref(&self) -> &Backend {
        &self.backend
    }
}
