//! What a signed-in session holds, and messages kept in it for the next page.

use actix_session::Session;

use crate::error::{AppError, AppResult};
use crate::services::signin::{Door, PasswordProof};
use crate::util::clock::now_ms;
use crate::util::tokens::random_token;
use crate::views::Toast;

/// Session-state keys: the signed-in user's id, when they signed in, the CSRF token.
pub const USER_ID_KEY: &str = "uid";
/// A signed-in customer admin's id. The key itself records the kind of principal: a session
/// holds one of `USER_ID_KEY` (partner user) and `ADMIN_ID_KEY`, never both.
pub const ADMIN_ID_KEY: &str = "tenant_admin";
pub const LOGIN_AT_KEY: &str = "login_at";
pub const CSRF_KEY: &str = "csrf";
/// Between the password and the last step of signing in: the password's proof, and where to go.
pub const PROOF_KEY: &str = "signin_proof";
/// The user id of that proof, as the key of the steps' rate limits.
pub const PENDING_USER_KEY: &str = "signin_uid";
const NEXT_KEY: &str = "signin_next";
const FLASH_KEY: &str = "flash";

/// The session key of a signed-in principal of `door`.
pub fn principal_key(door: Door) -> &'static str {
    match door {
        Door::Partner => USER_ID_KEY,
        Door::Tenant => ADMIN_ID_KEY,
    }
}

/// Whether the session is signed in, as either kind of principal.
pub fn is_signed_in(session: &Session) -> bool {
    session.contains_key(USER_ID_KEY) || session.contains_key(ADMIN_ID_KEY)
}

/// Starts a signed-in session for the user: a new session key (no fixation), a fresh CSRF token.
pub fn start_session(session: &Session, user_id: &str) -> AppResult<()> {
    start_session_at(session, Door::Partner, user_id)
}

/// Starts a signed-in session for a principal of `door` (the key names its kind).
pub fn start_session_at(session: &Session, door: Door, id: &str) -> AppResult<()> {
    session.renew();
    session.clear();
    let store = |k: &str, v: serde_json::Value| {
        session.insert(k, v).map_err(|e| AppError::internal(anyhow::anyhow!("session: {e}")))
    };
    store(principal_key(door), id.into())?;
    store(LOGIN_AT_KEY, now_ms().into())?;
    store(CSRF_KEY, random_token().into())?;
    Ok(())
}

/// Starts a session for someone who gave the right password and has steps left: a new session
/// key, the proof, where to go when done, and a CSRF token for the steps' forms. Not signed in.
pub fn start_pending(session: &Session, proof: &PasswordProof, next: &str) -> AppResult<()> {
    session.renew();
    session.clear();
    let store = |k: &str, v: serde_json::Value| {
        session.insert(k, v).map_err(|e| AppError::internal(anyhow::anyhow!("session: {e}")))
    };
    store(PROOF_KEY, serde_json::to_value(proof).map_err(AppError::internal)?)?;
    store(PENDING_USER_KEY, proof.user_id.clone().into())?;
    store(NEXT_KEY, next.into())?;
    store(CSRF_KEY, random_token().into())?;
    Ok(())
}

/// The proof of a session between the steps of signing in, and where to go when done.
pub fn pending(session: &Session) -> Option<(PasswordProof, String)> {
    let proof = session.get::<PasswordProof>(PROOF_KEY).ok().flatten()?;
    let next = session.get::<String>(NEXT_KEY).ok().flatten().unwrap_or_else(|| "/".into());
    Some((proof, next))
}

/// Replaces the proof (after the password changed at sign-in), keeping the rest.
pub fn renew_pending(session: &Session, proof: &PasswordProof) -> AppResult<()> {
    session
        .insert(PROOF_KEY, proof)
        .map_err(|e| AppError::internal(anyhow::anyhow!("session: {e}")))
}

/// The session's CSRF token (empty when the session has none, which no request can match).
pub fn csrf_token(session: &Session) -> String {
    session.get::<String>(CSRF_KEY).ok().flatten().unwrap_or_default()
}

/// Messages shown once, on the next page (after a redirect).
pub mod flash {
    use super::*;

    pub fn push(session: &Session, toast: Toast) {
        let mut all: Vec<Toast> = session.get(FLASH_KEY).ok().flatten().unwrap_or_default();
        all.push(toast);
        let _ = session.insert(FLASH_KEY, all);
    }

    pub fn take(session: &Session) -> Vec<Toast> {
        // Removing marks the session changed (a database write): only when there is something.
        if !session.contains_key(FLASH_KEY) {
            return Vec::new();
        }
        session.remove_as::<Vec<Toast>>(FLASH_KEY).and_then(Result::ok).unwrap_or_default()
    }
}
