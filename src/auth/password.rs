//! Password hashing with argon2id (m = 19456 KiB, t = 2, p = 1), run off the async executor
//! and behind a semaphore so that a burst of sign-ins cannot exhaust memory or threads.

use std::sync::Arc;

use argon2::password_hash::{
    PasswordHash, PasswordHasher, PasswordVerifier, SaltString, rand_core::OsRng,
};
use argon2::{Algorithm, Argon2, Params, Version};
use tokio::sync::Semaphore;

pub const MIN_LENGTH: usize = 8;
pub const MAX_LENGTH: usize = 128;

fn argon2() -> Argon2<'static> {
    let params = Params::new(19_456, 2, 1, None).expect("valid argon2 parameters");
    Argon2::new(Algorithm::Argon2id, Version::V0x13, params)
}

pub fn hash_now(password: &str) -> anyhow::Result<String> {
    let salt = SaltString::generate(&mut OsRng);
    argon2()
        .hash_password(password.as_bytes(), &salt)
        .map(|h| h.to_string())
        .map_err(|e| anyhow::anyhow!("password hashing failed: {e}"))
}

pub fn verify_now(hash: &str, password: &str) -> bool {
    match PasswordHash::new(hash) {
        Ok(parsed) => argon2().verify_password(password.as_bytes(), &parsed).is_ok(),
        Err(_) => false,
    }
}

/// A hash of a random password, verified against when the account does not exist so that an
/// unknown email costs the same time as a wrong password.
fn dummy_hash() -> &'static str {
    static DUMMY: std::sync::OnceLock<String> = std::sync::OnceLock::new();
    DUMMY.get_or_init(|| hash_now(&crate::auth::random_token()).expect("dummy hash"))
}

const COMMON: &str = include_str!("common_passwords.txt");

/// Whether the password is one of the most common (compared case-insensitively).
pub fn is_common(password: &str) -> bool {
    COMMON.lines().any(|c| c.eq_ignore_ascii_case(password))
}

/// Checks a new password against the policy; the message is shown to the user. The whole
/// password counts: nothing is truncated.
pub fn check_policy(password: &str) -> Result<(), String> {
    let chars = password.chars().count();
    if chars < MIN_LENGTH {
        return Err(format!("The password must have at least {MIN_LENGTH} characters."));
    }
    if chars > MAX_LENGTH {
        return Err(format!("The password must have at most {MAX_LENGTH} characters."));
    }
    if is_common(password) {
        return Err("This password is one of the most commonly used: choose another.".into());
    }
    Ok(())
}

/// Whether a stored hash is weaker than today's policy (another algorithm, or lower m or t),
/// so the password should be hashed again at the next successful sign-in.
pub fn needs_rehash(hash: &str) -> bool {
    let Ok(parsed) = PasswordHash::new(hash) else {
        return true;
    };
    let param = |name: &str| parsed.params.get_decimal(name).unwrap_or(0);
    parsed.algorithm.as_str() != "argon2id"
        || param("m") < 19_456
        || param("t") < 2
        || param("p") != 1
}

/// How long a sign-in waits for a hashing slot before the server answers "busy" (503 with
/// Retry-After) instead of letting requests, each holding 19 MiB while hashing, pile up.
pub const HASH_QUEUE_WAIT: std::time::Duration = std::time::Duration::from_secs(3);

/// All hashing slots stayed taken for `HASH_QUEUE_WAIT`.
#[derive(Debug, thiserror::Error)]
#[error("every password-hashing slot is busy")]
pub struct HasherBusy;

/// Runs hashing on the blocking pool, at most `permits` at a time.
#[derive(Clone)]
pub struct Hasher {
    permits: Arc<Semaphore>,
    wait: std::time::Duration,
}

impl Hasher {
    pub fn new(permits: usize) -> Self {
        Self::with_wait(permits, HASH_QUEUE_WAIT)
    }

    /// A hasher whose callers give up after `wait` in the queue.
    pub fn with_wait(permits: usize, wait: std::time::Duration) -> Self {
        Hasher { permits: Arc::new(Semaphore::new(permits.max(1))), wait }
    }

    async fn slot(&self) -> anyhow::Result<tokio::sync::SemaphorePermit<'_>> {
        match tokio::time::timeout(self.wait, self.permits.acquire()).await {
            Ok(permit) => Ok(permit?),
            Err(_) => Err(HasherBusy.into()),
        }
    }

    pub async fn hash(&self, password: String) -> anyhow::Result<String> {
        let _permit = self.slot().await?;
        actix_web::web::block(move || hash_now(&password)).await?
    }

    /// Verifies against `hash`, or against a dummy hash when there is none (unknown user).
    pub async fn verify(&self, hash: Option<String>, password: String) -> anyhow::Result<bool> {
        let _permit = self.slot().await?;
        Ok(actix_web::web::block(move || match hash {
            Some(h) => verify_now(&h, &password),
            None => {
                verify_now(dummy_hash(), &password);
                false
            }
        })
        .await?)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[actix_web::test]
    async fn a_full_queue_answers_busy_instead_of_waiting_forever() {
        let hasher = Hasher::with_wait(1, std::time::Duration::from_millis(50));
        let held = hasher.permits.clone().acquire_owned().await.unwrap();
        let err = hasher.verify(None, "whatever".into()).await.unwrap_err();
        assert!(err.is::<HasherBusy>());
        assert!(matches!(
            crate::error::AppError::internal(err),
            crate::error::AppError::Unavailable
        ));
        drop(held);
        assert!(!hasher.verify(None, "whatever".into()).await.unwrap());
    }

    #[test]
    fn policy_and_rehash() {
        assert!(check_policy("short").is_err());
        assert!(check_policy(&"x".repeat(129)).is_err());
        assert!(
            check_policy("Password123").is_err(),
            "common passwords are refused whatever their case"
        );
        assert!(check_policy("a long and uncommon phrase").is_ok());
        let h = hash_now("a long and uncommon phrase").unwrap();
        assert!(h.starts_with("$argon2id$v=19$m=19456,t=2,p=1$"));
        assert!(!needs_rehash(&h));
        assert!(verify_now(&h, "a long and uncommon phrase"));
        assert!(!verify_now(&h, "a long and uncommon phrasE"));
    }
}
