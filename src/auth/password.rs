//! Password hashing with argon2id (m = 19456 KiB, t = 2, p = 1), run off the async executor
//! and behind a semaphore so that a burst of sign-ins cannot exhaust memory or threads.

use std::sync::Arc;

use argon2::password_hash::{Output, PasswordHash, SaltString, rand_core::OsRng};
use argon2::{Algorithm, Argon2, Params, Version};
use tokio::sync::Semaphore;

use crate::error::{AppError, AppResult};
use crate::i18n::Msg;

pub const MIN_LENGTH: usize = 8;
pub const MAX_LENGTH: usize = 128;

/// The policy's memory cost in KiB (= argon2 blocks).
const M_COST: u32 = 19_456;

fn policy_params() -> Params {
    Params::new(M_COST, 2, 1, None).expect("valid argon2 parameters")
}

thread_local! {
    /// This thread's argon2 working memory, allocated once and reused by every hash, so that
    /// hashing never asks the allocator for (and never strands) 19 MiB per call.
    static MEMORY: std::cell::RefCell<Vec<argon2::Block>> = const { std::cell::RefCell::new(Vec::new()) };
}

/// Runs argon2 with `params` into `out`, in this thread's reusable memory.
fn argon2_into(
    algorithm: Algorithm,
    version: Version,
    params: Params,
    password: &[u8],
    salt: &[u8],
    out: &mut [u8],
) -> argon2::Result<()> {
    let blocks = params.block_count();
    let a = Argon2::new(algorithm, version, params);
    MEMORY.with(|m| {
        let mut m = m.borrow_mut();
        if m.len() < blocks {
            m.resize(blocks, argon2::Block::default());
        }
        a.hash_password_into_with_memory(password, salt, out, &mut m[..blocks])
    })
}

pub fn hash_now(password: &str) -> anyhow::Result<String> {
    let password = normalize(password);
    let salt = SaltString::generate(&mut OsRng);
    let mut salt_bytes = [0u8; 64];
    let salt_raw = salt.decode_b64(&mut salt_bytes).map_err(|e| anyhow::anyhow!("salt: {e}"))?;
    let params = policy_params();
    let mut out = [0u8; 32];
    argon2_into(
        Algorithm::Argon2id,
        Version::V0x13,
        params.clone(),
        password.as_bytes(),
        salt_raw,
        &mut out,
    )
    .map_err(|e| anyhow::anyhow!("password hashing failed: {e}"))?;
    let phc = PasswordHash {
        algorithm: Algorithm::Argon2id.ident(),
        version: Some(Version::V0x13.into()),
        params: (&params).try_into().map_err(|e| anyhow::anyhow!("params: {e}"))?,
        salt: Some(salt.as_salt()),
        hash: Some(Output::new(&out).map_err(|e| anyhow::anyhow!("output: {e}"))?),
    };
    Ok(phc.to_string())
}

/// Checks a password against a stored PHC string (any argon2 variant and parameters), in
/// constant time for the comparison. The password is normalised as `hash_now` does; a hash
/// made before normalisation still matches the password exactly as typed.
pub fn verify_now(hash: &str, password: &str) -> bool {
    let normalized = normalize(password);
    verify_exact(hash, &normalized) || (normalized != password && verify_exact(hash, password))
}

fn verify_exact(hash: &str, password: &str) -> bool {
    let Ok(parsed) = PasswordHash::new(hash) else { return false };
    let (Ok(algorithm), Some(salt), Some(expected)) =
        (Algorithm::try_from(parsed.algorithm), parsed.salt, parsed.hash)
    else {
        return false;
    };
    let version = parsed.version.map(Version::try_from).unwrap_or(Ok(Version::V0x13));
    let (Ok(version), Ok(params)) = (version, Params::try_from(&parsed)) else { return false };
    let mut salt_bytes = [0u8; 64];
    let Ok(salt_raw) = salt.decode_b64(&mut salt_bytes) else { return false };
    let mut out = vec![0u8; expected.len()];
    if argon2_into(algorithm, version, params, password.as_bytes(), salt_raw, &mut out).is_err() {
        return false;
    }
    Output::new(&out).is_ok_and(|o| o == expected)
}

/// A hash of a random password, verified against when the account does not exist so that an
/// unknown email costs the same time as a wrong password.
fn dummy_hash() -> &'static str {
    static DUMMY: std::sync::OnceLock<String> = std::sync::OnceLock::new();
    DUMMY.get_or_init(|| hash_now(&crate::util::tokens::random_token()).expect("dummy hash"))
}

/// The password as it is hashed: NFKC-normalised, so that the same characters typed on another
/// keyboard or system (composed or decomposed accents, full-width forms) are the same password.
pub fn normalize(password: &str) -> String {
    use unicode_normalization::UnicodeNormalization;
    password.nfkc().collect()
}

/// The strength estimate a new password must reach (zxcvbn: 3 = about 10^10 guesses).
const MIN_SCORE: zxcvbn::Score = zxcvbn::Score::Three;

/// Checks a new password against the policy; the message is shown to the user. The whole
/// password counts: nothing is truncated. `known` are words an attacker would try first for
/// this user (their email address, name, partner's name).
pub fn check_policy(password: &str, known: &[&str]) -> Result<(), Msg> {
    let password = normalize(password);
    if password.trim().is_empty() {
        return Err(Msg::new("password-error-blank"));
    }
    if crate::util::text::has_invisible_characters(&password) {
        return Err(Msg::new("password-error-invisible"));
    }
    let chars = password.chars().count();
    if chars < MIN_LENGTH {
        return Err(Msg::new("password-error-short").num("min", MIN_LENGTH as f64));
    }
    if chars > MAX_LENGTH {
        return Err(Msg::new("password-error-long").num("max", MAX_LENGTH as f64));
    }
    // Each word of the known names counts too ("fabrikam" from "Fabrikam Cloud Solutions"), and
    // the words run together ("adalovelace").
    let mut words: Vec<String> = Vec::new();
    for k in known {
        let parts: Vec<&str> = k.split(|c: char| !c.is_alphanumeric()).collect();
        words.push(k.to_string());
        words.push(parts.concat());
        words.extend(parts.iter().map(|p| p.to_string()));
    }
    words.retain(|w| w.chars().count() >= 3);
    let words: Vec<&str> = words.iter().map(String::as_str).collect();
    if zxcvbn::zxcvbn(&password, &words).score() < MIN_SCORE {
        return Err(Msg::new("password-error-weak"));
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

type Job = Box<dyn FnOnce() + Send>;

/// Counts a caller in the hashing queue for as long as it is held, however the wait ends.
struct Queued<'a>(&'a std::sync::atomic::AtomicUsize);

impl<'a> Queued<'a> {
    fn join(count: &'a std::sync::atomic::AtomicUsize) -> Self {
        count.fetch_add(1, std::sync::atomic::Ordering::Relaxed);
        Queued(count)
    }
}

impl Drop for Queued<'_> {
    fn drop(&mut self) {
        self.0.fetch_sub(1, std::sync::atomic::Ordering::Relaxed);
    }
}

/// Runs hashing on threads of its own, `permits` of them, so that the 19 MiB each hash needs
/// lives in those few threads' memory only (not in every thread of the blocking pool) and a
/// burst of sign-ins queues, briefly, instead of piling up.
#[derive(Clone)]
pub struct Hasher {
    permits: Arc<Semaphore>,
    slots: usize,
    /// Callers waiting for a slot (for the metrics).
    queued: Arc<std::sync::atomic::AtomicUsize>,
    wait: std::time::Duration,
    jobs: std::sync::mpsc::SyncSender<Job>,
}

/// How much lower than the request threads a hashing thread runs (Linux nice value, 0–19).
/// Under CFS a thread at nice 10 gets about a tenth of a contended core's time against one at 0:
/// hashing still takes every idle cycle, but a burst of sign-ins no longer slows the pages of
/// people already signed in (a sign-in waits a little longer instead).
pub const HASHING_NICE: i32 = 10;

/// Lowers the calling thread's CPU priority to `HASHING_NICE`. Linux only (elsewhere a no-op);
/// a failure (a sandbox forbidding it) leaves the thread at normal priority, which is correct,
/// only less kind to the pages.
fn lower_this_threads_priority() {
    #[cfg(target_os = "linux")]
    // SAFETY: gettid and setpriority take no pointers; PRIO_PROCESS with a thread id changes
    // only that thread's nice value.
    unsafe {
        let tid = libc::gettid();
        if libc::setpriority(libc::PRIO_PROCESS, tid as libc::id_t, HASHING_NICE) != 0 {
            log::warn!("could not lower the password-hashing thread's priority");
        }
    }
}

/// The calling thread's nice value (Linux; elsewhere 0).
pub fn this_threads_nice() -> i32 {
    #[cfg(target_os = "linux")]
    // SAFETY: as above; getpriority reads one thread's nice value.
    unsafe {
        libc::getpriority(libc::PRIO_PROCESS, libc::gettid() as libc::id_t)
    }
    #[cfg(not(target_os = "linux"))]
    0
}

impl Hasher {
    pub fn new(permits: usize) -> Self {
        Self::with_wait(permits, HASH_QUEUE_WAIT)
    }

    /// A hasher whose callers give up after `wait` in the queue.
    pub fn with_wait(permits: usize, wait: std::time::Duration) -> Self {
        let permits = permits.max(1);
        let (jobs, queue) = std::sync::mpsc::sync_channel::<Job>(permits);
        let queue = Arc::new(std::sync::Mutex::new(queue));
        for i in 0..permits {
            let queue = queue.clone();
            std::thread::Builder::new()
                .name(format!("argon2-{i}"))
                .spawn(move || {
                    lower_this_threads_priority();
                    loop {
                        let job = match queue.lock() {
                            Ok(q) => q.recv(),
                            Err(_) => return,
                        };
                        match job {
                            Ok(job) => job(),
                            Err(_) => return, // every Hasher is gone
                        }
                    }
                })
                .expect("start a password-hashing thread");
        }
        Hasher {
            permits: Arc::new(Semaphore::new(permits)),
            slots: permits,
            queued: Arc::default(),
            wait,
            jobs,
        }
    }

    /// Callers waiting for a hashing slot now.
    pub fn queued(&self) -> usize {
        self.queued.load(std::sync::atomic::Ordering::Relaxed)
    }

    /// Hashing slots in use now, and how many there are.
    pub fn slots(&self) -> (usize, usize) {
        (self.slots - self.permits.available_permits(), self.slots)
    }

    /// Runs `f` on a hashing thread once a slot is free; "busy" (503) when every slot stayed
    /// taken for the queue's wait.
    async fn run<T: Send + 'static>(&self, f: impl FnOnce() -> T + Send + 'static) -> AppResult<T> {
        let asked = std::time::Instant::now();
        let waited = {
            let _queued = Queued::join(&self.queued);
            tokio::time::timeout(self.wait, self.permits.acquire()).await
        };
        metrics::histogram!("partnerdesk_hash_queue_wait_seconds")
            .record(asked.elapsed().as_secs_f64());
        let _permit = match waited {
            Ok(permit) => permit.map_err(AppError::internal)?,
            Err(_) => {
                metrics::counter!("partnerdesk_hash_queue_refused_total").increment(1);
                log::warn!("sign-in refused: every password-hashing slot is busy");
                return Err(AppError::Unavailable);
            }
        };
        let (tx, rx) = tokio::sync::oneshot::channel();
        self.jobs
            .send(Box::new(move || {
                let _ = tx.send(f());
            }))
            .map_err(|_| AppError::internal(anyhow::anyhow!("the hashing threads have stopped")))?;
        rx.await.map_err(AppError::internal)
    }

    pub async fn hash(&self, password: String) -> AppResult<String> {
        self.run(move || hash_now(&password)).await?.map_err(AppError::internal)
    }

    /// Verifies against `hash`, or against a dummy hash when there is none (unknown user).
    pub async fn verify(&self, hash: Option<String>, password: String) -> AppResult<bool> {
        self.run(move || match hash {
            Some(h) => verify_now(&h, &password),
            None => {
                verify_now(dummy_hash(), &password);
                false
            }
        })
        .await
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[tokio::test]
    async fn a_full_queue_answers_busy_instead_of_waiting_forever() {
        let hasher = Hasher::with_wait(1, std::time::Duration::from_millis(50));
        let held = hasher.permits.clone().acquire_owned().await.unwrap();
        let err = hasher.verify(None, "whatever".into()).await.unwrap_err();
        assert!(matches!(err, AppError::Unavailable));
        drop(held);
        assert!(!hasher.verify(None, "whatever".into()).await.unwrap());
    }

    #[cfg(target_os = "linux")]
    #[tokio::test]
    async fn hashing_runs_below_the_request_threads_priority() {
        let hasher = Hasher::new(1);
        let here = this_threads_nice();
        let there = hasher.run(this_threads_nice).await.unwrap();
        assert_eq!(there, HASHING_NICE.max(here), "hashing thread nice {there}, caller {here}");
    }

    fn refusal(password: &str) -> Option<String> {
        let known = ["ada@fabrikam.example", "Ada Lovelace", "Fabrikam Cloud Solutions"];
        check_policy(password, &known).err().map(|m| m.key.into_owned())
    }

    #[test]
    fn weak_blank_and_invisible_passwords_are_refused() {
        let cases = [
            ("        ", "password-error-blank"),
            ("\u{a0}\u{a0}\u{a0}\u{a0}\u{a0}\u{a0}\u{a0}\u{a0}", "password-error-blank"),
            ("Ab1\u{200B}\u{200B}\u{200B}\u{200B}\u{200B}", "password-error-invisible"),
            ("short", "password-error-short"),
            ("aaaaaaaa", "password-error-weak"),
            ("qwertyui", "password-error-weak"),
            ("Password123", "password-error-weak"),
            ("Fabrikam Cloud Solutions", "password-error-weak"),
            ("fabrikam2026!", "password-error-weak"),
            ("adalovelace1", "password-error-weak"),
        ];
        for (password, key) in cases {
            assert_eq!(refusal(password).as_deref(), Some(key), "{password:?}");
        }
        assert_eq!(refusal(&"x".repeat(129)).as_deref(), Some("password-error-long"));
        assert_eq!(refusal("a long and uncommon phrase"), None);
        assert_eq!(refusal(&crate::util::tokens::random_password()), None);
    }

    #[test]
    fn the_same_characters_are_the_same_password() {
        // "é" composed (U+00E9) and decomposed (e + U+0301); full-width "Ａ" and "A".
        let h = hash_now("caf\u{e9} \u{ff21}nd a long tail").unwrap();
        assert!(verify_now(&h, "cafe\u{301} And a long tail"));
        // A hash made from the exact bytes before normalisation still matches them.
        let legacy = {
            let salt = SaltString::generate(&mut OsRng);
            argon2::PasswordHasher::hash_password(&Argon2::default(), "\u{ff21}".as_bytes(), &salt)
                .unwrap()
                .to_string()
        };
        assert!(verify_now(&legacy, "\u{ff21}"));
    }

    #[test]
    fn policy_and_rehash() {
        assert!(check_policy("a long and uncommon phrase", &[]).is_ok());
        let h = hash_now("a long and uncommon phrase").unwrap();
        assert!(h.starts_with("$argon2id$v=19$m=19456,t=2,p=1$"));
        assert!(!needs_rehash(&h));
        assert!(verify_now(&h, "a long and uncommon phrase"));
        assert!(!verify_now(&h, "a long and uncommon phrasE"));
    }
}
