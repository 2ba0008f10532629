//! Settings, from command-line flags or the environment, validated once at start-up.

use std::time::Duration;

use crate::db::{DbUrl, PoolOptions};

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
    /// Send the session cookie only over HTTPS (`__Host-` cookie). Default: true, except with
    /// `--demo`, which serves plain http on this machine. Set false only for plain http.
    #[arg(long, env = "COOKIE_SECURE", action = clap::ArgAction::Set)]
    pub cookie_secure: Option<bool>,
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
    pub cookie_secure: bool,
    pub session_idle_timeout: Duration,
    pub session_absolute_timeout: Duration,
    pub pool: PoolOptions,
    pub workers: Option<usize>,
}

pub const MIN_SESSION_KEY_LEN: usize = 64;

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
        let config = Config {
            database,
            bind: args.bind.clone(),
            cookie_secure: args.cookie_secure.unwrap_or(!demo),
            session_idle_timeout: Duration::from_secs(args.session_idle_minutes * 60),
            session_absolute_timeout: Duration::from_secs(args.session_absolute_hours * 3600),
            pool: PoolOptions {
                max_size: db_pool_size,
                connection_timeout: Duration::from_secs(args.db_timeout_seconds.max(1)),
            },
            workers: args.workers,
        };
        Ok((config, key))
    }

    /// Settings for tests: the given database, plain-http cookies, default timeouts.
    pub fn for_tests(database: DbUrl) -> Config {
        Config {
            database,
            bind: "127.0.0.1:0".into(),
            cookie_secure: false,
            session_idle_timeout: Duration::from_secs(30 * 60),
            session_absolute_timeout: Duration::from_secs(8 * 3600),
            pool: PoolOptions { max_size: 4, connection_timeout: Duration::from_secs(10) },
            workers: Some(1),
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
            cookie_secure: None,
            session_idle_minutes: 30,
            session_absolute_hours: 8,
            db_pool_size,
            db_timeout_seconds: 5,
            workers: None,
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
}
