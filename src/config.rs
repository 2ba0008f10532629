//! Settings, from command-line flags or the environment, validated once at start-up.

use std::time::Duration;

use crate::db::{DbUrl, PoolOptions};
use crate::util::net::IpNet;
use crate::util::urls::PublicUrl;

#[derive(Debug, Clone, clap::Args)]
pub struct ConfigArgs {
    /// Database: `sqlite://PATH` (or a plain file path) or `postgres://USER@HOST/DB`.
    #[arg(long, env = "DATABASE_URL", default_value = "sqlite://partnerdesk.db")]
    pub database_url: String,
    /// Address and port to listen on.
    #[arg(long, env = "BIND", default_value = "127.0.0.1:8080")]
    pub bind: String,
    /// Secret for signing session cookies: at least 64 characters (e.g. `openssl rand -hex 32`).
    /// Required unless `--demo` is given (then a random one is made for this run).
    #[arg(long, env = "SESSION_KEY", hide_env_values = true)]
    pub session_key: Option<String>,
    /// The site's address as browsers reach it, e.g. `https://partnerdesk.example.com`: the
    /// only source of the scheme and host of links and of the same-origin check. Default:
    /// plain http at `BIND` (`localhost` for a loopback or unspecified address).
    #[arg(long, env = "PUBLIC_URL")]
    pub public_url: Option<String>,
    /// Send the session cookie only over HTTPS (`__Host-` cookie). Default: true when
    /// `PUBLIC_URL` is https, else false.
    #[arg(long, env = "COOKIE_SECURE", action = clap::ArgAction::Set)]
    pub cookie_secure: Option<bool>,
    /// Reverse proxies whose `X-Forwarded-For` / `Forwarded` headers name the client:
    /// comma-separated IP addresses or ranges (`10.0.0.0/8`). Default: none.
    #[arg(long, env = "TRUSTED_PROXIES", default_value = "")]
    pub trusted_proxies: String,
    /// Seconds a client has to send a request's whole body; a slower one is answered 408.
    #[arg(long, env = "BODY_TIMEOUT_SECONDS", default_value_t = 10)]
    pub body_timeout_seconds: u64,
    /// Minutes of inactivity after which a session ends.
    #[arg(long, env = "SESSION_IDLE_MINUTES", default_value_t = 30)]
    pub session_idle_minutes: u64,
    /// Hours after sign-in at which a session ends, active or not.
    #[arg(long, env = "SESSION_ABSOLUTE_HOURS", default_value_t = 8)]
    pub session_absolute_hours: u64,
    /// Database connections in the pool (default: 2 per core on SQLite, 8 on PostgreSQL).
    #[arg(long, env = "DB_POOL_SIZE")]
    pub db_pool_size: Option<u32>,
    /// Seconds to wait for a free connection before answering 503.
    #[arg(long, env = "DB_TIMEOUT_SECONDS", default_value_t = 5)]
    pub db_timeout_seconds: u64,
    /// HTTP worker threads (default: one per core).
    #[arg(long, env = "WORKERS")]
    pub workers: Option<usize>,
    /// Seconds the server gives requests in flight to finish after SIGTERM or Ctrl+C.
    #[arg(long, env = "SHUTDOWN_TIMEOUT_SECONDS", default_value_t = 30)]
    pub shutdown_timeout_seconds: u64,
    /// Address for `GET /metrics` (Prometheus text), e.g. `127.0.0.1:9100`. Unset: no metrics.
    #[arg(long, env = "METRICS_BIND")]
    pub metrics_bind: Option<String>,
    /// Days an ended or expired session's row is kept before the server removes it.
    #[arg(long, env = "SESSION_RETENTION_DAYS", default_value_t = 7)]
    pub session_retention_days: u64,
    /// Days an expired, unaccepted invitation is kept before the server removes it.
    #[arg(long, env = "INVITATION_RETENTION_DAYS", default_value_t = 90)]
    pub invitation_retention_days: u64,
    /// Minutes between two clean-ups of expired sessions and invitations.
    #[arg(long, env = "RETENTION_INTERVAL_MINUTES", default_value_t = 60)]
    pub retention_interval_minutes: u64,
    /// Requests an API key may send a minute (after a first burst of as many, up to 120).
    #[arg(long, env = "API_RATE_PER_MINUTE", default_value_t = 600)]
    pub api_rate_per_minute: u32,
    /// Where e-mail goes: `smtp://[USER:PASSWORD@]HOST[:PORT]` (plain SMTP, port 25 unless
    /// given). Unset: each e-mail is written to the log instead.
    #[arg(long, env = "SMTP_URL", hide_env_values = true)]
    pub smtp_url: Option<String>,
    /// The sender of the e-mails, e.g. `PartnerDesk <partnerdesk@example.com>`.
    #[arg(long, env = "MAIL_FROM", default_value = "PartnerDesk <partnerdesk@localhost>")]
    pub mail_from: String,
}

/// Connections a pool opens unless told otherwise: two per core (at least 2 on SQLite, 4 on
/// PostgreSQL, at most 16). Each connection has a blocking thread to run on, and more of them
/// than a couple per core only switch between each other (docs/performance.md). A PostgreSQL
/// server on another machine adds a network round trip to each statement, which more
/// connections overlap: raise `DB_POOL_SIZE` there.
pub fn default_pool_size(database: &DbUrl) -> u32 {
    let two_per_core = 2 * std::thread::available_parallelism().map_or(2, |n| n.get()) as u32;
    match database {
        DbUrl::Sqlite(_) => two_per_core.clamp(2, 16),
        DbUrl::Postgres(_) => two_per_core.clamp(4, 16),
    }
}

#[derive(Debug, Clone)]
pub struct Config {
    pub database: DbUrl,
    pub bind: String,
    pub public_url: PublicUrl,
    /// Whether `public_url` was given (`PUBLIC_URL`) rather than derived from `bind`.
    pub public_url_given: bool,
    pub cookie_secure: bool,
    pub trusted_proxies: Vec<IpNet>,
    pub body_timeout: Duration,
    pub session_idle_timeout: Duration,
    pub session_absolute_timeout: Duration,
    pub pool: PoolOptions,
    pub workers: Option<usize>,
    pub shutdown_timeout: Duration,
    pub metrics_bind: Option<String>,
    pub retention: Retention,
    /// Requests an API key may send a minute.
    pub api_rate_per_minute: u32,
    pub mail: Mail,
}

/// How e-mail leaves: through an SMTP server, or into the log when none is set.
#[derive(Clone)]
pub struct Mail {
    pub smtp: Option<SmtpServer>,
    pub from: String,
}

#[derive(Clone)]
pub struct SmtpServer {
    pub host: String,
    pub port: u16,
    pub user: Option<(String, String)>,
}

// By hand, so that the SMTP password never reaches a log line.
impl std::fmt::Debug for Mail {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("Mail")
            .field("smtp", &self.smtp.as_ref().map(|s| format!("smtp://{}:{}", s.host, s.port)))
            .field("from", &self.from)
            .finish()
    }
}

impl Mail {
    /// Validates `SMTP_URL` and `MAIL_FROM`.
    pub fn parse(smtp_url: Option<&str>, from: &str) -> Result<Mail, String> {
        if from.parse::<lettre::message::Mailbox>().is_err() {
            return Err(format!("MAIL_FROM {from:?} is not an e-mail address."));
        }
        let smtp = match smtp_url.filter(|u| !u.is_empty()) {
            None => None,
            Some(given) => {
                let bad =
                    || "SMTP_URL must look like smtp://[USER:PASSWORD@]HOST[:PORT].".to_string();
                let u = url::Url::parse(given).map_err(|_| bad())?;
                if u.scheme() != "smtp" {
                    return Err(bad());
                }
                let host = u.host_str().filter(|h| !h.is_empty()).ok_or_else(bad)?;
                let decode = |s: &str| {
                    percent_encoding::percent_decode_str(s).decode_utf8_lossy().into_owned()
                };
                let user = match u.username() {
                    "" => None,
                    name => Some((decode(name), decode(u.password().unwrap_or("")))),
                };
                let host = host.trim_start_matches('[').trim_end_matches(']').to_string();
                Some(SmtpServer { host, port: u.port().unwrap_or(25), user })
            }
        };
        Ok(Mail { smtp, from: from.to_string() })
    }
}

/// How long rows that no longer do anything are kept, and how often they are looked for.
#[derive(Debug, Clone)]
pub struct Retention {
    pub sessions: Duration,
    pub invitations: Duration,
    pub interval: Duration,
}

impl Default for Retention {
    fn default() -> Self {
        Retention {
            sessions: Duration::from_secs(7 * DAY),
            invitations: Duration::from_secs(90 * DAY),
            interval: Duration::from_secs(3600),
        }
    }
}

const DAY: u64 = 24 * 3600;

pub const MIN_SESSION_KEY_LEN: usize = 64;

/// The site the tests' requests address (`Config::for_tests`).
pub const TEST_PUBLIC_URL: &str = "http://partnerdesk.test";

/// The public URL when `PUBLIC_URL` is not given: plain http on this machine, at `BIND`'s port
/// (`localhost`, the name `serve` prints, for a loopback or unspecified address, so that the
/// address it tells people to open passes the same-origin check).
fn derived_public_url(bind: &str) -> Result<PublicUrl, String> {
    let unusable = || format!("BIND {bind:?} gives no address for links: set PUBLIC_URL.");
    let (host, port) = bind.rsplit_once(':').ok_or_else(unusable)?;
    let bare = host.trim_start_matches('[').trim_end_matches(']');
    let host = match bare.parse::<std::net::IpAddr>() {
        Ok(ip) if ip.is_loopback() || ip.is_unspecified() => "localhost",
        _ if bare.is_empty() => "localhost",
        _ => host,
    };
    PublicUrl::parse(&format!("http://{host}:{port}")).map_err(|_| unusable())
}

impl Config {
    /// Validates the arguments; also returns the session key's secret. `demo` allows a missing
    /// one (`None`: the server makes a random key, so sessions end with the process).
    pub fn from_args(args: &ConfigArgs, demo: bool) -> Result<(Config, Option<String>), String> {
        let database = DbUrl::parse(&args.database_url)?;
        let key = match &args.session_key {
            Some(k) if k.len() >= MIN_SESSION_KEY_LEN => Some(k.clone()),
            Some(_) => {
                return Err(format!(
                    "SESSION_KEY must have at least {MIN_SESSION_KEY_LEN} characters (e.g. `openssl rand -hex 32`)."
                ));
            }
            None if demo => None,
            None => {
                return Err(
                    "SESSION_KEY is not set: give one of at least 64 characters (e.g. `openssl rand -hex 32`), or run with --demo."
                        .into(),
                );
            }
        };
        if args.session_idle_minutes == 0 || args.session_absolute_hours == 0 {
            return Err("Session timeouts must be at least one minute / one hour.".into());
        }
        if args.db_pool_size == Some(0) {
            return Err("DB_POOL_SIZE must be at least 1.".into());
        }
        let db_pool_size = args.db_pool_size.unwrap_or_else(|| default_pool_size(&database));
        let public_url = match &args.public_url {
            Some(given) => PublicUrl::parse(given)?,
            None => derived_public_url(&args.bind)?,
        };
        let cookie_secure = match args.cookie_secure {
            None => public_url.is_https(),
            Some(false) if public_url.is_https() => {
                return Err(
                    "COOKIE_SECURE=false with an https PUBLIC_URL would send the session cookie without its Secure flag: leave COOKIE_SECURE unset."
                        .into(),
                );
            }
            Some(true) if !public_url.is_secure_context() => {
                return Err(format!(
                    "COOKIE_SECURE=true needs an https PUBLIC_URL (browsers drop Secure cookies sent over http to {public_url}): set PUBLIC_URL to the https address."
                ));
            }
            Some(secure) => secure,
        };
        let trusted_proxies = IpNet::parse_list(&args.trusted_proxies)
            .map_err(|e| format!("TRUSTED_PROXIES: {e}."))?;
        if args.body_timeout_seconds == 0 {
            return Err("BODY_TIMEOUT_SECONDS must be at least 1.".into());
        }
        let mail = Mail::parse(args.smtp_url.as_deref(), &args.mail_from)?;
        let config = Config {
            mail,
            database,
            bind: args.bind.clone(),
            public_url,
            public_url_given: args.public_url.is_some(),
            cookie_secure,
            trusted_proxies,
            body_timeout: Duration::from_secs(args.body_timeout_seconds),
            session_idle_timeout: Duration::from_secs(args.session_idle_minutes * 60),
            session_absolute_timeout: Duration::from_secs(args.session_absolute_hours * 3600),
            pool: PoolOptions {
                max_size: db_pool_size,
                connection_timeout: Duration::from_secs(args.db_timeout_seconds.max(1)),
            },
            workers: args.workers,
            shutdown_timeout: Duration::from_secs(args.shutdown_timeout_seconds),
            metrics_bind: args.metrics_bind.clone().filter(|b| !b.is_empty()),
            retention: Retention {
                sessions: Duration::from_secs(args.session_retention_days * DAY),
                invitations: Duration::from_secs(args.invitation_retention_days * DAY),
                interval: Duration::from_secs(args.retention_interval_minutes.max(1) * 60),
            },
            api_rate_per_minute: args.api_rate_per_minute.max(1),
        };
        Ok((config, key))
    }

    /// Settings for tests: the given database, the tests' site on plain http, default timeouts.
    pub fn for_tests(database: DbUrl) -> Config {
        Config {
            database,
            bind: "127.0.0.1:0".into(),
            public_url: PublicUrl::parse(TEST_PUBLIC_URL).expect("the tests' site"),
            public_url_given: true,
            cookie_secure: false,
            trusted_proxies: Vec::new(),
            body_timeout: Duration::from_secs(10),
            session_idle_timeout: Duration::from_secs(30 * 60),
            session_absolute_timeout: Duration::from_secs(8 * 3600),
            pool: PoolOptions { max_size: 4, connection_timeout: Duration::from_secs(10) },
            workers: Some(1),
            shutdown_timeout: Duration::from_secs(30),
            metrics_bind: None,
            retention: Retention::default(),
            api_rate_per_minute: 600,
            mail: Mail { smtp: None, from: "PartnerDesk <partnerdesk@localhost>".into() },
        }
    }

    /// The sign-in form's anti-forgery cookie.
    pub fn signin_cookie_name(&self) -> &'static str {
        if self.cookie_secure { "__Host-partnerdesk-signin" } else { "partnerdesk-signin" }
    }

    /// `__Host-` cookies must be Secure; plain-http mode uses an unprefixed name.
    pub fn cookie_name(&self) -> &'static str {
        if self.cookie_secure { "__Host-partnerdesk" } else { "partnerdesk" }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn args(database_url: &str, db_pool_size: Option<u32>) -> ConfigArgs {
        ConfigArgs {
            database_url: database_url.into(),
            bind: "127.0.0.1:0".into(),
            session_key: None,
            public_url: None,
            cookie_secure: None,
            trusted_proxies: String::new(),
            body_timeout_seconds: 10,
            session_idle_minutes: 30,
            session_absolute_hours: 8,
            db_pool_size,
            db_timeout_seconds: 5,
            workers: None,
            shutdown_timeout_seconds: 30,
            metrics_bind: None,
            session_retention_days: 7,
            invitation_retention_days: 90,
            retention_interval_minutes: 60,
            api_rate_per_minute: 600,
            smtp_url: None,
            mail_from: "PartnerDesk <partnerdesk@localhost>".into(),
        }
    }

    #[test]
    fn the_pool_size_follows_the_backend_unless_given() {
        let cores = std::thread::available_parallelism().map_or(2, |n| n.get()) as u32;
        let size = |url: &str, given| Config::from_args(&args(url, given), true).map(|c| c.0.pool);
        assert_eq!(size("sqlite://x.db", None).unwrap().max_size, (2 * cores).clamp(2, 16));
        assert_eq!(size("postgres://u@h/db", None).unwrap().max_size, (2 * cores).clamp(4, 16));
        assert_eq!(size("sqlite://x.db", Some(3)).unwrap().max_size, 3);
        assert_eq!(size("postgres://u@h/db", Some(20)).unwrap().max_size, 20);
        assert_eq!(size("sqlite://x.db", Some(0)).unwrap_err(), "DB_POOL_SIZE must be at least 1.");
    }

    #[test]
    fn the_public_url_is_given_or_derived_and_decides_the_cookie() {
        let with = |public: Option<&str>, bind: &str, secure: Option<bool>| {
            let mut a = args("sqlite://x.db", None);
            a.public_url = public.map(str::to_string);
            a.bind = bind.into();
            a.cookie_secure = secure;
            Config::from_args(&a, true)
                .map(|(c, _)| (c.public_url.origin().to_string(), c.cookie_secure))
        };
        let https = Some("https://partnerdesk.example.com");
        assert_eq!(
            with(https, "0.0.0.0:8080", None).unwrap(),
            ("https://partnerdesk.example.com".into(), true)
        );
        assert_eq!(
            with(None, "127.0.0.1:8080", None).unwrap(),
            ("http://localhost:8080".into(), false)
        );
        assert_eq!(
            with(None, "0.0.0.0:9000", None).unwrap(),
            ("http://localhost:9000".into(), false)
        );
        assert_eq!(
            with(None, "[::1]:8080", None).unwrap(),
            ("http://localhost:8080".into(), false)
        );
        assert_eq!(
            with(None, "10.1.2.3:8080", None).unwrap(),
            ("http://10.1.2.3:8080".into(), false)
        );
        assert!(with(None, "127.0.0.1:8080", Some(true)).unwrap().1);
        assert!(
            with(https, "127.0.0.1:8080", Some(false)).unwrap_err().contains("COOKIE_SECURE=false")
        );
        assert!(with(Some("http://10.1.2.3"), "127.0.0.1:8080", Some(true)).is_err());
        assert!(
            with(Some("https://x.example/app"), "127.0.0.1:8080", None)
                .unwrap_err()
                .contains("without a path")
        );
        assert!(
            with(Some("x.example"), "127.0.0.1:8080", None).unwrap_err().contains("PUBLIC_URL")
        );
    }

    #[test]
    fn trusted_proxies_and_the_body_timeout_are_checked() {
        let mut a = args("sqlite://x.db", None);
        a.trusted_proxies = "10.0.0.0/8, 192.168.0.1".into();
        assert_eq!(Config::from_args(&a, true).unwrap().0.trusted_proxies.len(), 2);
        a.trusted_proxies = "10.0.0.0/40".into();
        assert!(Config::from_args(&a, true).unwrap_err().starts_with("TRUSTED_PROXIES"));
        a.trusted_proxies = String::new();
        a.body_timeout_seconds = 0;
        assert!(Config::from_args(&a, true).unwrap_err().contains("BODY_TIMEOUT_SECONDS"));
    }
}
