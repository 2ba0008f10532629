//! Server-side sessions in the application database, so they are revocable (sign-out, disabled
//! user, new password) and shared by every instance. The cookie carries a random 256-bit key;
//! the table stores only its SHA-256.

use std::cell::{Cell, RefCell};
use std::collections::HashMap;
use std::future::Future;
use std::sync::{Arc, Mutex};

use actix_session::storage::{LoadError, SaveError, SessionKey, SessionStore, UpdateError};
use actix_web::cookie::time::Duration;

use crate::auth::SignedIn;
use crate::db::{self, Pool};
use crate::models::session::{self as rows, SessionRow};
use crate::util::clock::now_ms;
use crate::web::session::{ADMIN_ID_KEY, USER_ID_KEY};

/// How often a session's expiry is pushed forward at most: the idle timeout is kept to within
/// this much, without a database write on every request.
pub const TOUCH_EVERY_MS: i64 = 60_000;

tokio::task_local! {
    /// What the store learnt while serving the current request.
    static REQUEST: RequestScope;
}

/// What the session store learnt while serving one request, for the rest of that request.
#[derive(Default)]
struct RequestScope {
    /// The store found no free database connection, or lost the one it had.
    unavailable: Cell<bool>,
    /// The session's user, loaded with the session in the same trip to the database (the user
    /// id it was loaded for, and the user if still active).
    user: RefCell<Option<(String, Option<SignedIn>)>>,
}

/// Runs a request in a scope the store can leave word in, and says whether the store failed it
/// for want of a database connection (none free, or the one it had was lost). actix-session
/// turns every store error into an opaque 500; the caller turns this one into the "busy" answer
/// (503 with Retry-After) that the rest of the app gives. Inside the scope, the store also hands
/// the session's user to `take_signed_in`.
pub async fn with_request_scope<F: Future>(request: F) -> (F::Output, bool) {
    REQUEST
        .scope(RequestScope::default(), async move {
            let out = request.await;
            (out, REQUEST.with(|r| r.unavailable.get()))
        })
        .await
}

/// The signed-in user that was loaded with this request's session, if it was loaded for
/// `user_id`: `Some(None)` when that user is no longer active, `None` when nothing was loaded
/// (then the caller loads it). Taken once.
pub fn take_signed_in(user_id: &str) -> Option<Option<SignedIn>> {
    REQUEST
        .try_with(|r| r.user.borrow_mut().take())
        .ok()
        .flatten()
        .filter(|(id, _)| id == user_id)
        .map(|(_, user)| user)
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
        let done = db::run(&self.pool, f).await.and_then(|done| done);
        let unavailable = done.as_ref().is_err_and(|e| {
            e.is::<db::NoConnection>() || e.downcast_ref().is_some_and(db::is_connection_lost)
        });
        if unavailable {
            let _ = REQUEST.try_with(|r| r.unavailable.set(true));
        }
        done
    }
}

fn key_hash(key: &str) -> String {
    crate::util::tokens::sha256_hex(key)
}

fn user_id_of(state: &HashMap<String, String>) -> Option<String> {
    state.get(USER_ID_KEY).and_then(|v| serde_json::from_str::<String>(v).ok())
}

fn expiry(ttl: &Duration) -> i64 {
    now_ms() + ttl.whole_milliseconds() as i64
}

impl SessionStore for DbSessionStore {
    async fn load(&self, key: &SessionKey) -> Result<Option<HashMap<String, String>>, LoadError> {
        let id = key_hash(key.as_ref());
        // A signed-in session's user is needed by every page it asks for: it is loaded now, in
        // the same statement, and handed over through the request's scope.
        let prefetch = REQUEST.try_with(|_| ()).is_ok();
        let loaded = self
            .run(move |c| {
                if !prefetch {
                    return Ok(rows::load_live(c, &id, now_ms())?.map(|row| (row, None)));
                }
                let Some((row, user)) = rows::load_live_with_user(c, &id, now_ms())? else {
                    return Ok(None);
                };
                let user = row.user_id.clone().map(|uid| (uid, user.map(SignedIn::from)));
                Ok(Some((row, user)))
            })
            .await
            .map_err(LoadError::Other)?;
        let Some((row, user)) = loaded else { return Ok(None) };
        if let Some(user) = user {
            let _ = REQUEST.try_with(|r| *r.user.borrow_mut() = Some(user));
        }
        serde_json::from_str(&row.state).map(Some).map_err(|e| LoadError::Deserialization(e.into()))
    }

    async fn save(
        &self,
        state: HashMap<String, String>,
        ttl: &Duration,
    ) -> Result<SessionKey, SaveError> {
        let body = serde_json::to_string(&state).map_err(|e| SaveError::Serialization(e.into()))?;
        let key = crate::util::tokens::random_token();
        let row = SessionRow {
            id: key_hash(&key),
            user_id: user_id_of(&state),
            state: body,
            created_at: now_ms(),
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
        let signed_in = state.contains_key(USER_ID_KEY) || state.contains_key(ADMIN_ID_KEY);
        if updated == 0 && !signed_in {
            // An anonymous session that expired meanwhile: start a fresh one.
            return self.save(state, ttl).await.map_err(|e| UpdateError::Other(e.into()));
        }
        // A signed-in session that is gone was ended (sign-out, new password, changed roles,
        // expiry): it is never written back, and the cookie's key now finds nothing.
        Ok(key)
    }

    async fn update_ttl(&self, key: &SessionKey, ttl: &Duration) -> Result<(), anyhow::Error> {
        let id = key_hash(key.as_ref());
        if self.recently_touched(&id, now_ms(), true) {
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
