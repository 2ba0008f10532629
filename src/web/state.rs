//! What every request can reach: the services' backend (pool and hasher), the settings and the
//! session key.

use actix_web::cookie::Key;

use crate::config::Config;
use crate::db::Pool;
use crate::services::Backend;

pub struct AppState {
    pub backend: Backend,
    pub config: Config,
    pub session_key: Key,
}

impl AppState {
    pub fn new(pool: Pool, config: Config, session_key: Key) -> Self {
        AppState { backend: Backend::new(pool), config, session_key }
    }
}

impl std::ops::Deref for AppState {
    type Target = Backend;
    fn deref(&self) -> &Backend {
        &self.backend
    }
}
