//! Rate limits on the routes where a client guesses or makes the server hash a secret: how many
//! requests one client address, and one account, may send. The limits are kept in this process's
//! memory (each instance of a deployment counts its own); `middleware::rate_limit` applies them.

use std::net::{IpAddr, Ipv4Addr};
use std::num::NonZeroU32;
use std::sync::atomic::{AtomicI64, Ordering};
use std::time::Duration;

use actix_web::http::Method;
use governor::clock::{Clock, DefaultClock};
use governor::{DefaultKeyedRateLimiter, NotUntil, Quota, RateLimiter};

use crate::util::clock::now_ms;
use crate::util::tokens::sha256_hex;
use crate::web::session::PENDING_USER_KEY;

/// What a limited route does; each has its own quotas (docs/security.md says why these).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Action {
    /// Email and password.
    SignIn,
    /// The second step of signing in: a one-time code or a recovery code.
    SecondStep,
    /// Accepting a relationship request through its link.
    Invitation,
    /// Changing one's own password, or an admin's reset of someone's.
    Password,
}

impl Action {
    const ALL: [Action; 4] =
        [Action::SignIn, Action::SecondStep, Action::Invitation, Action::Password];

    pub fn name(self) -> &'static str {
        match self {
            Action::SignIn => "signin",
            Action::SecondStep => "second_step",
            Action::Invitation => "invitation",
            Action::Password => "password",
        }
    }

    /// (per client address, per account): how many at once, then one more every so often.
    fn quotas(self) -> (Quota, Quota) {
        match self {
            Action::SignIn => (every(30, 2), every(20, 6)),
            Action::SecondStep => (every(30, 2), every(20, 6)),
            Action::Invitation => (every(30, 2), every(10, 6)),
            Action::Password => (every(30, 2), every(10, 6)),
        }
    }
}

/// `burst` requests at once, then one every `seconds`.
fn every(burst: u32, seconds: u64) -> Quota {
    let burst = NonZeroU32::new(burst).expect("a burst of at least one");
    Quota::with_period(Duration::from_secs(seconds)).expect("a period").allow_burst(burst)
}

/// `per_minute` requests a minute, after a first burst of as many, at most 120 (or a second's
/// worth, when the rate is higher than that: a smaller burst would refuse requests that merely
/// arrive together).
fn api_quota(per_minute: u32) -> Quota {
    let rate = NonZeroU32::new(per_minute.max(1)).expect("at least one");
    let burst = per_minute.clamp(1, 120).max(per_minute / 60);
    let burst = NonZeroU32::new(burst).expect("at least one");
    Quota::per_minute(rate).allow_burst(burst)
}

/// Where a limited request names its account.
#[derive(Debug, Clone, Copy)]
pub enum Account {
    /// A field of the urlencoded form (the email address of a sign-in), without case or
    /// surrounding space.
    FormField(&'static str),
    /// A `{name}` segment of the route's path (an invitation's token).
    PathSegment(&'static str),
    /// A value in the session (the signed-in user, or the user half-way through signing in).
    Session(&'static str),
}

/// A limited route: its method and path pattern (as registered), what it does, whose it is.
#[derive(Debug)]
pub struct Limited {
    pub method: Method,
    pub path: &'static str,
    pub action: Action,
    pub account: Account,
}

const fn post(path: &'static str, action: Action, account: Account) -> Limited {
    Limited { method: Method::POST, path, action, account }
}

/// Every limited route. Limiting another is one line here.
pub const LIMITED: &[Limited] = &[
    post("/signin", Action::SignIn, Account::FormField("email")),
    post("/signin/code", Action::SecondStep, Account::Session(PENDING_USER_KEY)),
    post("/signin/enrol", Action::SecondStep, Account::Session(PENDING_USER_KEY)),
    post("/signin/password", Action::Password, Account::Session(PENDING_USER_KEY)),
    post("/tenant/signin", Action::SignIn, Account::FormField("email")),
    post("/tenant/signin/code", Action::SecondStep, Account::Session(PENDING_USER_KEY)),
    post("/tenant/signin/enrol", Action::SecondStep, Account::Session(PENDING_USER_KEY)),
    post("/tenant/signin/password", Action::Password, Account::Session(PENDING_USER_KEY)),
    post("/invitations/{token}", Action::Invitation, Account::PathSegment("token")),
    post("/password", Action::Password, Account::Session(crate::web::session::USER_ID_KEY)),
    post(
        "/users/{uid}/reset-password",
        Action::Password,
        Account::Session(crate::web::session::USER_ID_KEY),
    ),
];

/// The rule for a request, if its route is limited, and the path's `{name}` segments.
pub fn rule_for(
    method: &Method,
    path: &str,
) -> Option<(&'static Limited, Vec<(&'static str, String)>)> {
    LIMITED.iter().filter(|l| l.method == method).find_map(|l| Some((l, matches(l.path, path)?)))
}

/// The `{name}` segments of `path` when it has the pattern's shape.
fn matches(pattern: &'static str, path: &str) -> Option<Vec<(&'static str, String)>> {
    let (mut want, mut got) = (pattern.split('/'), path.split('/'));
    let mut captured = Vec::new();
    loop {
        match (want.next(), got.next()) {
            (None, None) => return Some(captured),
            (Some(w), Some(g)) if w.starts_with('{') && w.ends_with('}') && !g.is_empty() => {
                captured.push((&w[1..w.len() - 1], g.to_string()));
            }
            (Some(w), Some(g)) if w == g => {}
            _ => return None,
        }
    }
}

/// Who was refused, and for how long.
#[derive(Debug, Clone, Copy)]
pub struct Refusal {
    pub by_account: bool,
    pub retry_after: Duration,
}

impl Refusal {
    /// `Retry-After` in whole seconds, at least one.
    pub fn retry_after_secs(&self) -> u64 {
        (self.retry_after.as_secs_f64().ceil() as u64).max(1)
    }
}

struct Pair {
    by_address: DefaultKeyedRateLimiter<IpAddr>,
    by_account: DefaultKeyedRateLimiter<String>,
}

/// The limiters of one process: per action, one keyed by client address and one by account.
pub struct Limits {
    pairs: Vec<(Action, Pair)>,
    /// Requests per API key (`/v1`).
    by_api_key: DefaultKeyedRateLimiter<String>,
    last_sweep_ms: AtomicI64,
    clock: DefaultClock,
    enabled: bool,
}

/// How often keys whose limit has fully recovered are forgotten, so that the memory the
/// limiters hold follows the last minute's clients, not every client ever seen.
const SWEEP_EVERY_MS: i64 = 60_000;

impl Default for Limits {
    fn default() -> Self {
        Limits::with_quotas(Action::quotas)
    }
}

impl Limits {
    fn with_quotas(quotas: impl Fn(Action) -> (Quota, Quota)) -> Limits {
        let pairs = Action::ALL
            .iter()
            .map(|&action| {
                let (address, account) = quotas(action);
                let pair = Pair {
                    by_address: RateLimiter::keyed(address),
                    by_account: RateLimiter::keyed(account),
                };
                (action, pair)
            })
            .collect();
        let last_sweep_ms = AtomicI64::new(now_ms());
        let by_api_key = RateLimiter::keyed(api_quota(600));
        Limits { pairs, by_api_key, last_sweep_ms, clock: DefaultClock::default(), enabled: true }
    }

    /// These limits, with API keys allowed `per_minute` requests a minute.
    pub fn with_api_rate(mut self, per_minute: u32) -> Limits {
        self.by_api_key = RateLimiter::keyed(api_quota(per_minute));
        self
    }

    /// Counts a request made with an API key (by its id), or refuses it.
    pub fn check_api_key(&self, key_id: &str) -> Result<(), Refusal> {
        if !self.enabled {
            return Ok(());
        }
        self.sweep_now_and_then();
        self.by_api_key.check_key(&key_id.to_owned()).map_err(|n| Refusal {
            by_account: true,
            retry_after: n.wait_time_from(self.clock.now()),
        })
    }

    /// No limit at all, for test suites about something else (the property-based suite sends
    /// one form hundreds of times in a second).
    pub fn none() -> Limits {
        Limits { enabled: false, ..Limits::default() }
    }

    /// Counts a request of `client` (None: unknown, all such requests count as one client) for
    /// `account`, or refuses it. A request refused by its address does not count against the
    /// account.
    pub fn check(
        &self,
        action: Action,
        client: Option<IpAddr>,
        account: Option<&str>,
    ) -> Result<(), Refusal> {
        if !self.enabled {
            return Ok(());
        }
        self.sweep_now_and_then();
        let Some((_, pair)) = self.pairs.iter().find(|(a, _)| *a == action) else { return Ok(()) };
        let wait = |n: NotUntil<_>| n.wait_time_from(self.clock.now());
        let client = client.unwrap_or(IpAddr::V4(Ipv4Addr::UNSPECIFIED));
        pair.by_address
            .check_key(&client)
            .map_err(|n| Refusal { by_account: false, retry_after: wait(n) })?;
        if let Some(account) = account {
            // Digests, so that no secret (an invitation's token) is held, at one size for all.
            pair.by_account
                .check_key(&sha256_hex(account))
                .map_err(|n| Refusal { by_account: true, retry_after: wait(n) })?;
        }
        Ok(())
    }

    fn sweep_now_and_then(&self) {
        let now = now_ms();
        let last = self.last_sweep_ms.load(Ordering::Relaxed);
        if now - last < SWEEP_EVERY_MS
            || self
                .last_sweep_ms
                .compare_exchange(last, now, Ordering::Relaxed, Ordering::Relaxed)
                .is_err()
        {
            return;
        }
        self.by_api_key.retain_recent();
        self.by_api_key.shrink_to_fit();
        for (_, pair) in &self.pairs {
            pair.by_address.retain_recent();
            pair.by_address.shrink_to_fit();
            pair.by_account.retain_recent();
            pair.by_account.shrink_to_fit();
        }
    }

    /// Keys held, for the tests of the sweep.
    pub fn keys_held(&self) -> usize {
        self.pairs.iter().map(|(_, p)| p.by_address.len() + p.by_account.len()).sum()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn routes_match_their_patterns_only() {
        let (rule, seg) = rule_for(&Method::POST, "/invitations/abc").unwrap();
        assert_eq!(rule.action, Action::Invitation);
        assert_eq!(seg, vec![("token", "abc".to_string())]);
        assert_eq!(rule_for(&Method::POST, "/signin").unwrap().0.action, Action::SignIn);
        assert!(rule_for(&Method::GET, "/signin").is_none());
        assert!(rule_for(&Method::POST, "/invitations/").is_none());
        assert!(rule_for(&Method::POST, "/invitations/a/b").is_none());
        assert!(rule_for(&Method::POST, "/signin/x").is_none());
        assert_eq!(
            rule_for(&Method::POST, "/users/u1/reset-password").unwrap().0.action,
            Action::Password
        );
    }

    #[test]
    fn an_account_and_an_address_are_limited_apart() {
        let limits = Limits::default();
        let a = Some(IpAddr::V4(Ipv4Addr::new(192, 0, 2, 1)));
        let b = Some(IpAddr::V4(Ipv4Addr::new(192, 0, 2, 2)));
        for _ in 0..10 {
            limits.check(Action::Password, a, Some("u1")).unwrap();
        }
        let refused = limits.check(Action::Password, b, Some("u1")).unwrap_err();
        assert!(refused.by_account && (1..=6).contains(&refused.retry_after_secs()));
        limits.check(Action::Password, a, Some("u2")).unwrap();
        limits.check(Action::SignIn, a, Some("u1")).unwrap();
        for _ in 0..19 {
            limits.check(Action::Password, a, None).unwrap();
        }
        let refused = limits.check(Action::Password, a, Some("u3")).unwrap_err();
        assert!(!refused.by_account);
        // The address refused first: u3 was not counted.
        limits.check(Action::Password, b, Some("u3")).unwrap();
    }

    #[test]
    fn recovered_keys_are_forgotten_at_the_sweep() {
        let quick = Quota::with_period(Duration::from_millis(20)).unwrap();
        let limits = Limits::with_quotas(|_| (quick, quick));
        for i in 0..50u8 {
            let ip = Some(IpAddr::V4(Ipv4Addr::new(192, 0, 2, i)));
            limits.check(Action::SignIn, ip, Some(&format!("user{i}"))).unwrap();
        }
        assert_eq!(limits.keys_held(), 100);
        // Within the minute nothing is swept.
        std::thread::sleep(Duration::from_millis(100));
        limits.check(Action::Password, None, None).unwrap();
        assert_eq!(limits.keys_held(), 101);
        // A minute on, every key that has recovered is gone.
        limits.last_sweep_ms.fetch_sub(SWEEP_EVERY_MS, Ordering::Relaxed);
        std::thread::sleep(Duration::from_millis(100));
        limits.check(Action::Invitation, None, None).unwrap();
        assert_eq!(limits.keys_held(), 1);
    }
}
