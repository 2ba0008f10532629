//! Server-side sessions in the application database, so they are revocable (sign-out, disabled
//! user, new password) and shared by every instance. The cookie carries a random 256-bit key;
//! the table stores only its SHA-256.

use std::cell::Cell;
use std::collections::HashMap;
use std::future::Future;
use std::sync::{Arc, Mutex};

use actix_session::storage::{LoadError, SaveError, SessionKey, SessionStore, UpdateError};
use actix_web::cookie::time::Duration;
use actix_web::web;
use sha2::{Digest, Sha256};

use crate::db::{self, Pool};
use crate::models::session::{self as rows, SessionRow};

/// Session-state key holding the signed-in user's id (JSON-encoded, as actix-session stores values).
pub const USER_ID_KEY: &str = "uid";

/// How often a session's expiry is pushed forward at most: the idle timeout is kept to within
/// this much, without a database write on every request.
pub const TOUCH_EVERY_MS: i64 = 60_000;

tokio::task_local! {
    /// Set when the store found no free database connection during the request it serves.
    static POOL_BUSY: Cell<bool>;
}

/// Runs a request and says whether the session store failed it for want of a database
/// connection. actix-session turns every store error into an opaque 500; the caller turns
/// this one into the "busy" answer (503 with Retry-After) that the rest of the app gives.
pub async fn noting_pool_busy<F: Future>(request: F) -> (F::Output, bool) {
    POOL_BUSY
        .scope(Cell::new(false), async move {
            let out = request.await;
            (out, POOL_BUSY.with(Cell::get))
        })
        .await
}

#[derive(Clone)]
pub struct DbSessionStore {
    pool: Pool,
    /// When this instance last pushed each session's expiry forward (by the key's hash).
    touched: Arc<Mutex<HashMap<String, i64>>>,
}

impl DbSessionStore {
    pub fn new(pool: Pool) -> Self {
        DbSessionStore { pool, touched: Arc::default() }
    }

    /// Notes that the session's expiry was just written; says whether it was written recently
    /// enough to skip this time.
    fn recently_touched(&self, id: &str, now: i64, record: bool) -> bool {
        let Ok(mut map) = self.touched.lock() else { return false };
        let fresh = map.get(id).is_some_and(|t| now - t < TOUCH_EVERY_MS);
        if record && !fresh {
            if map.len() > 50_000 {
                map.retain(|_, t| now - *t < TOUCH_EVERY_MS);
            }
            map.insert(id.to_owned(), now);
        }
        fresh
    }

    async fn run<T: Send + 'static>(
        &self,
        f: impl FnOnce(&mut db::AnyConnection) -> anyhow::Result<T> + Send + 'static,
    ) -> anyhow::Result<T> {
        let pool = self.pool.clone();
        let done = web::block(move || pool.get().map(|mut conn| f(&mut conn))).await?;
        done.inspect_err(|_| {
            let _ = POOL_BUSY.try_with(|busy| busy.set(true));
        })?
    }
}

fn key_hash(key: &str) -> String {
    hex::encode(Sha256::digest(key.as_bytes()))
}

fn user_id_of(state: &HashMap<String, String>) -> Option<String> {
    state.get(USER_ID_KEY).and_then(|v| serde_json::from_str::<String>(v).ok())
}

fn expiry(ttl: &Duration) -> i64 {
    db::now_ms() + ttl.whole_milliseconds() as i64
}

impl SessionStore for DbSessionStore {
    async fn load(&self, key: &SessionKey) -> Result<Option<HashMap<String, String>>, LoadError> {
        let id = key_hash(key.as_ref());
        let row = self
            .run(move |c| Ok(rows::load_live(c, &id, db::now_ms())?))
            .await
            .map_err(LoadError::Other)?;
        match row {
            None => Ok(None),
            Some(r) => serde_json::from_str(&r.state)
                .map(Some)
                .map_err(|e| LoadError::Deserialization(e.into())),
        }
    }

    async fn save(
        &self,
        state: HashMap<String, String>,
        ttl: &Duration,
    ) -> Result<SessionKey, SaveError> {
        let body = serde_json::to_string(&state).map_err(|e| SaveError::Serialization(e.into()))?;
        let key = crate::auth::random_token();
        let row = SessionRow {
            id: key_hash(&key),
            user_id: user_id_of(&state),
            state: body,
            created_at: db::now_ms(),
            expires_at: expiry(ttl),
        };
        self.run(move |c| Ok(rows::insert(c, &row)?)).await.map_err(SaveError::Other)?;
        SessionKey::try_from(key).map_err(|e| SaveError::Other(e.into()))
    }

    async fn update(
        &self,
        key: SessionKey,
        state: HashMap<String, String>,
        ttl: &Duration,
    ) -> Result<SessionKey, UpdateError> {
        let body =
            serde_json::to_string(&state).map_err(|e| UpdateError::Serialization(e.into()))?;
        let id = key_hash(key.as_ref());
        let user_id = user_id_of(&state);
        let expires_at = expiry(ttl);
        let updated = self
            .run(move |c| Ok(rows::update(c, &id, user_id.as_deref(), &body, expires_at)?))
            .await
            .map_err(UpdateError::Other)?;
        if updated == 0 {
            // The session ended meanwhile (expired, revoked): start a fresh one.
            return self.save(state, ttl).await.map_err(|e| UpdateError::Other(e.into()));
        }
        Ok(key)
    }

    async fn update_ttl(&self, key: &SessionKey, ttl: &Duration) -> Result<(), anyhow::Error> {
        let id = key_hash(key.as_ref());
        if self.recently_touched(&id, db::now_ms(), true) {
            return Ok(());
        }
        let expires_at = expiry(ttl);
        self.run(move |c| Ok(rows::touch(c, &id, expires_at)?)).await.map(|_| ())
    }

    async fn delete(&self, key: &SessionKey) -> Result<(), anyhow::Error> {
        let id = key_hash(key.as_ref());
        self.run(move |c| Ok(rows::delete(c, &id)?)).await.map(|_| ())
    }
}
