//! The `partnerdesk` command: serve, migrate, create-admin, seed-demo, backup, restore, check.

/// A page's rows are decoded on a blocking thread and freed on the worker that rendered them,
/// glibc's allocator's slowest pattern and not mimalloc's (docs/performance.md).
#[global_allocator]
static GLOBAL: mimalloc::MiMalloc = mimalloc::MiMalloc;

use std::io::BufRead;

use actix_web::cookie::Key;
use actix_web::{HttpServer, web};
use clap::{Parser, Subcommand};

use partnerdesk::auth::password;
use partnerdesk::config::{Config, ConfigArgs, Retention};
use partnerdesk::db;
use partnerdesk::db::maintenance;
use partnerdesk::models::partner::PartnerKind;
use partnerdesk::seed::{self, DemoLogin};
use partnerdesk::services::{jobs, notify, retention};
use partnerdesk::util::clock::now_ms;
use partnerdesk::web::logging::{self, LogFormat};
use partnerdesk::web::state::AppState;

#[derive(Parser)]
#[command(name = "partnerdesk", version, about = "Partner dashboard for cloud resellers")]
struct Cli {
    #[command(subcommand)]
    command: Command,
}

#[derive(Subcommand)]
enum Command {
    /// Run the web server (migrations are applied first).
    Serve {
        #[command(flatten)]
        config: ConfigArgs,
        /// Fill the database with the demo world and print one-time passwords for its users.
        #[arg(long)]
        demo: bool,
    },
    /// Apply pending database migrations and exit.
    Migrate {
        #[arg(long, env = "DATABASE_URL", default_value = "sqlite://partnerdesk.db")]
        database_url: String,
    },
    /// Write a consistent copy of the SQLite database to a new file while the server serves
    /// (`VACUUM INTO`), then check the copy. On PostgreSQL use pg_dump (docs/operations.md).
    Backup {
        #[arg(long, env = "DATABASE_URL", default_value = "sqlite://partnerdesk.db")]
        database_url: String,
        /// The backup file to write (it must not exist).
        #[arg(long)]
        to: std::path::PathBuf,
    },
    /// Replace the SQLite database with a backup, once the backup passes `check`; refused while
    /// a server holds the database (its `<db>.lock`). The replaced file is kept as
    /// `<db>.before-restore`.
    Restore {
        #[arg(long, env = "DATABASE_URL", default_value = "sqlite://partnerdesk.db")]
        database_url: String,
        /// The backup file to restore.
        #[arg(long)]
        from: std::path::PathBuf,
    },
    /// Verify a database without changing it: integrity, migrations, kept counts, references.
    /// Exits non-zero with one sentence per problem.
    Check {
        #[arg(long, env = "DATABASE_URL", default_value = "sqlite://partnerdesk.db")]
        database_url: String,
    },
    /// Check a downloaded removal receipt: its signature over the receipt's exact bytes, by this
    /// server's key (read from the database), or by `--public-key` (hex) without a database.
    /// Exits non-zero with a sentence when it does not hold.
    VerifyReceipt {
        /// The receipt file (`removal-receipt-….json`).
        file: std::path::PathBuf,
        #[arg(long, env = "DATABASE_URL", default_value = "sqlite://partnerdesk.db")]
        database_url: String,
        /// The signing key to trust, hex (as the receipt page's server prints it).
        #[arg(long)]
        public_key: Option<String>,
    },
    /// Create the first Global admin of a partner and print a one-time password for them: the
    /// first sign-in replaces it and sets up an authenticator app. The admin's email domain
    /// becomes one of the partner's verified domains (the only domains its users' addresses may
    /// have).
    CreateAdmin {
        #[arg(long, env = "DATABASE_URL", default_value = "sqlite://partnerdesk.db")]
        database_url: String,
        #[arg(long)]
        email: String,
        #[arg(long)]
        name: String,
        /// The partner organisation (created if it does not exist).
        #[arg(long)]
        partner: String,
        /// direct, indirect_provider or indirect_reseller.
        #[arg(long, default_value = "direct")]
        partner_kind: String,
        /// Another email domain of the partner's users (repeatable).
        #[arg(long = "domain")]
        domains: Vec<String>,
    },
    /// Add verified email domains to a partner: its users' addresses may be in them. A domain
    /// belongs to one partner.
    AddDomain {
        #[arg(long, env = "DATABASE_URL", default_value = "sqlite://partnerdesk.db")]
        database_url: String,
        /// The partner organisation (it must exist).
        #[arg(long)]
        partner: String,
        /// The domain, such as fabrikam.com (repeatable).
        #[arg(long = "domain", required = true)]
        domains: Vec<String>,
    },
    /// Print the argon2id hash of a password read from PARTNERDESK_ADMIN_PASSWORD or, if unset,
    /// the first line of standard input (for scripted set-ups and benchmarks).
    HashPassword,
    /// Remove the audit records made before DATE (UTC midnight), after writing them to FILE as
    /// CSV: one transaction, itself audited. The audit log is never pruned otherwise.
    PruneAudit {
        #[arg(long, env = "DATABASE_URL", default_value = "sqlite://partnerdesk.db")]
        database_url: String,
        /// YYYY-MM-DD: records made before this day (UTC) are removed.
        #[arg(long)]
        before: String,
        /// The CSV file to write the removed records to (it must not exist yet).
        #[arg(long)]
        export: std::path::PathBuf,
    },
    /// Fill the database with the demo world and print one-time passwords for its users. With
    /// `--customers N`, add instead a load-test partner with N customers (deterministic per seed).
    SeedDemo {
        #[arg(long, env = "DATABASE_URL", default_value = "sqlite://partnerdesk.db")]
        database_url: String,
        /// Customers of the load-test partner.
        #[arg(long)]
        customers: Option<usize>,
        /// Subscriptions per load-test customer.
        #[arg(long, default_value_t = 3)]
        subscriptions_per_customer: usize,
        /// Seed of the load-test world.
        #[arg(long, default_value_t = 42)]
        seed: u64,
    },
}

fn open(url: &str) -> anyhow::Result<db::Pool> {
    let url = db::DbUrl::parse(url).map_err(anyhow::Error::msg)?;
    db::connect(&url, &db::PoolOptions::default())
}

/// A password from PARTNERDESK_ADMIN_PASSWORD or the first line of standard input (never argv).
fn read_password() -> anyhow::Result<String> {
    if let Ok(pw) = std::env::var("PARTNERDESK_ADMIN_PASSWORD") {
        return Ok(pw);
    }
    let mut line = String::new();
    std::io::stdin().lock().read_line(&mut line)?;
    Ok(line.trim_end_matches(['\r', '\n']).to_string())
}

fn print_logins(logins: &[DemoLogin]) {
    println!("\nDemo sign-ins (one-time passwords, new on every start with --demo):");
    println!("  {:<26} {:<22} {:<28} password", "partner", "role", "email");
    for l in logins {
        println!("  {:<26} {:<22} {:<28} {}", l.partner, l.role.label(), l.email, l.password);
    }
    println!();
}

/// The demo customers' administrators, who sign in at /tenant/signin.
fn print_customer_admins(admins: &[seed::DemoCustomerAdmin]) {
    if admins.is_empty() {
        return;
    }
    println!("Demo customer administrators (sign in at /tenant/signin; one-time passwords):");
    println!("  {:<26} {:<28} password", "customer", "email");
    for a in admins {
        println!("  {:<26} {:<28} {}", a.customer, a.email, a.password);
    }
    println!();
}

fn main() -> anyhow::Result<()> {
    let format = LogFormat::from_env().map_err(anyhow::Error::msg)?;
    logging::init(format, "info", std::io::stderr)?;
    match Cli::parse().command {
        Command::Serve { config, demo } => serve(config, demo),
        Command::Migrate { database_url } => {
            let url = db::DbUrl::parse(&database_url).map_err(anyhow::Error::msg)?;
            let pool = db::connect(&url, &db::PoolOptions::default())?;
            println!("migrations applied ({}); schema is current", url.backend_name());
            drop(pool);
            Ok(())
        }
        Command::Backup { database_url, to } => {
            let url = db::DbUrl::parse(&database_url).map_err(anyhow::Error::msg)?;
            let report = maintenance::backup(&url, &to)?;
            println!("backup written to {} and checked: {}", to.display(), report.summary());
            Ok(())
        }
        Command::Restore { database_url, from } => {
            let url = db::DbUrl::parse(&database_url).map_err(anyhow::Error::msg)?;
            let report = maintenance::restore(&url, &from)?;
            println!("restored {} from {}: {}", database_url, from.display(), report.summary());
            Ok(())
        }
        Command::Check { database_url } => {
            let url = db::DbUrl::parse(&database_url).map_err(anyhow::Error::msg)?;
            let report = maintenance::check(&mut maintenance::open_as_is(&url)?)?;
            if report.problems.is_empty() {
                println!("{}", report.summary());
                return Ok(());
            }
            for p in &report.problems {
                eprintln!("{p}");
            }
            std::process::exit(1);
        }
        Command::VerifyReceipt { file, database_url, public_key } => {
            let text = std::fs::read_to_string(&file)
                .map_err(|e| anyhow::anyhow!("{}: {e}", file.display()))?;
            let trusted = match public_key {
                Some(k) => k,
                None => {
                    let url = db::DbUrl::parse(&database_url).map_err(anyhow::Error::msg)?;
                    let mut c = maintenance::open_as_is(&url)?;
                    partnerdesk::services::receipts::public_key(&mut c)?.ok_or_else(|| {
                        anyhow::anyhow!("{database_url} has issued no receipts: it has no key")
                    })?
                }
            };
            match partnerdesk::services::receipts::verify(&text, Some(&trusted)) {
                Ok(v) => {
                    let r = v.receipt;
                    println!(
                        "valid: receipt {} of the removal of {} ({}) by {} at {}, signed with key {}",
                        r.receipt_id,
                        r.customer.company_name,
                        r.customer.domain,
                        r.removed_by.email,
                        r.removed_at,
                        v.key_id
                    );
                    Ok(())
                }
                Err(why) => {
                    eprintln!("not valid: {why}");
                    std::process::exit(1);
                }
            }
        }
        Command::CreateAdmin { database_url, email, name, partner, partner_kind, domains } => {
            let kind = PartnerKind::parse(&partner_kind).ok_or_else(|| {
                anyhow::anyhow!(
                    "--partner-kind must be direct, indirect_provider or indirect_reseller"
                )
            })?;
            if !email.contains('@') {
                anyhow::bail!("--email must be an email address");
            }
            let pool = open(&database_url)?;
            let pw = partnerdesk::util::tokens::random_password();
            let hash = password::hash_now(&pw)?;
            let mut conn = pool.get()?;
            seed::create_admin(&mut conn, &partner, kind, &email, &name, &hash, &domains)?;
            println!("Global admin {email} created for {partner}.");
            let verified = seed::add_partner_domains(&mut conn, &partner, &[])?;
            println!("Verified domains of {partner}: {}.", verified.join(", "));
            println!(
                "One-time password: {pw}\nIt works once, for {} days: the first sign-in replaces it \
                 and sets up an authenticator app.",
                partnerdesk::models::user::ONE_TIME_PASSWORD_DAYS
            );
            Ok(())
        }
        Command::AddDomain { database_url, partner, domains } => {
            let pool = open(&database_url)?;
            let verified = seed::add_partner_domains(&mut *pool.get()?, &partner, &domains)?;
            println!("Verified domains of {partner}: {}.", verified.join(", "));
            Ok(())
        }
        Command::HashPassword => {
            let pw = read_password()?;
            password::check_policy(&pw, &[]).map_err(anyhow::Error::msg)?;
            println!("{}", password::hash_now(&pw)?);
            Ok(())
        }
        Command::PruneAudit { database_url, before, export } => {
            prune_audit(&database_url, &before, &export)
        }
        Command::SeedDemo { database_url, customers, subscriptions_per_customer, seed } => {
            let pool = open(&database_url)?;
            let mut conn = pool.get()?;
            match customers {
                None => {
                    print_logins(&seed::seed_demo(&mut conn)?);
                    print_customer_admins(&seed::seed_demo_customer_admins(&mut conn)?);
                }
                Some(n) => {
                    let started = std::time::Instant::now();
                    let login = seed::seed_load(&mut conn, n, subscriptions_per_customer, seed)?;
                    println!(
                        "seeded {n} customers and {} subscriptions in {:.1} s",
                        n * subscriptions_per_customer,
                        started.elapsed().as_secs_f64()
                    );
                    print_logins(&[login]);
                }
            }
            Ok(())
        }
    }
}

fn prune_audit(database_url: &str, before: &str, export: &std::path::Path) -> anyhow::Result<()> {
    let day = time::Date::parse(before, time::macros::format_description!("[year]-[month]-[day]"))
        .map_err(|_| anyhow::anyhow!("--before must be a date such as 2026-01-31"))?;
    let before_ms = day.midnight().assume_utc().unix_timestamp() * 1000;
    // A new file only: an earlier export is never overwritten.
    let mut file =
        std::fs::OpenOptions::new().write(true).create_new(true).open(export).map_err(|e| {
            anyhow::anyhow!("cannot create {} (it must not exist yet): {e}", export.display())
        })?;
    let pool = open(database_url)?;
    let what = format!("made before {day}, exported to {}", export.display());
    let mut sync_then_delete = SyncedWriter(&mut file);
    match retention::prune_audit(&mut *pool.get()?, before_ms, &mut sync_then_delete, &what) {
        Ok(n) => {
            println!(
                "{n} audit records made before {day} exported to {} and removed.",
                export.display()
            );
            Ok(())
        }
        Err(e) => {
            let _ = std::fs::remove_file(export);
            Err(anyhow::anyhow!("nothing removed: {e}"))
        }
    }
}

/// A file whose `flush` also reaches the disk: the export is durable before the rows go.
struct SyncedWriter<'a>(&'a mut std::fs::File);

impl std::io::Write for SyncedWriter<'_> {
    fn write(&mut self, buf: &[u8]) -> std::io::Result<usize> {
        self.0.write(buf)
    }
    fn flush(&mut self) -> std::io::Result<()> {
        self.0.flush()?;
        self.0.sync_all()
    }
}

fn serve(args: ConfigArgs, demo: bool) -> anyhow::Result<()> {
    let (config, secret) = Config::from_args(&args, demo).map_err(anyhow::Error::msg)?;
    let key = secret.map_or_else(Key::generate, |s| Key::derive_from(s.as_bytes()));
    // Held until the process ends: `restore` refuses while any server holds the file.
    let _held = maintenance::hold_for_server(&config.database)?;
    let pool = db::connect(&config.database, &config.pool)?;
    {
        let mut conn = pool.get()?;
        seed::ensure_offers(&mut conn)?;
        if demo {
            print_logins(&seed::seed_demo(&mut conn)?);
            print_customer_admins(&seed::seed_demo_customer_admins(&mut conn)?);
        }
    }
    let bind = config.bind.clone();
    let workers = config.workers.unwrap_or_else(|| {
        std::thread::available_parallelism().map_or(1, std::num::NonZeroUsize::get)
    });
    let blocking = db::blocking_threads_per_worker(config.pool.max_size, workers);
    let public = config.public_url.clone();
    let shutdown_timeout = config.shutdown_timeout.as_secs();
    let metrics_bind = config.metrics_bind.clone();
    let retention = config.retention.clone();
    let mailer =
        std::sync::Arc::new(notify::Mailer::new(&config.mail).map_err(anyhow::Error::msg)?);
    log_transport_settings(&config);
    let state = web::Data::new(AppState::new(pool, config, key));
    actix_web::rt::System::new().block_on(async move {
        let app_state = state.clone();
        // On SIGTERM, SIGINT or SIGQUIT actix stops accepting, lets the requests in flight
        // finish for up to `shutdown_timeout` seconds, and `run` returns: the process exits 0.
        let server = HttpServer::new(move || partnerdesk::build_app(app_state.clone()))
            .workers(workers)
            .worker_max_blocking_threads(blocking)
            .shutdown_timeout(shutdown_timeout)
            .bind(&bind)?;
        actix_web::rt::spawn(clean_on_schedule(state.clone(), retention));
        actix_web::rt::spawn(deliver_on_schedule(state.clone(), mailer));
        actix_web::rt::spawn(run_jobs(state.clone()));
        // Its own listener, stopped with the public one (it handles no signals itself).
        let metrics = match &metrics_bind {
            Some(at) => {
                let (metrics_state, handle) = (state.clone(), partnerdesk::web::metrics::install());
                let server = HttpServer::new(move || {
                    partnerdesk::web::metrics::app(metrics_state.clone(), handle.clone())
                })
                .workers(1)
                .disable_signals()
                .bind(at)?
                .run();
                log::info!("metrics at http://{at}/metrics");
                let stop = server.handle();
                actix_web::rt::spawn(server);
                Some(stop)
            }
            None => None,
        };
        log::info!("PartnerDesk listening on {bind}");
        println!("PartnerDesk is running: open {public}/ (Ctrl+C stops it)");
        server.run().await?;
        if let Some(metrics) = metrics {
            metrics.stop(true).await;
        }
        log::info!("PartnerDesk stopped");
        Ok::<_, std::io::Error>(())
    })?;
    Ok(())
}

/// Removes expired sessions and invitations now and every `retention.interval`.
async fn clean_on_schedule(state: web::Data<AppState>, retention: Retention) {
    let mut every = tokio::time::interval(retention.interval);
    every.set_missed_tick_behavior(tokio::time::MissedTickBehavior::Delay);
    loop {
        every.tick().await;
        let r = retention.clone();
        match state.db(move |c| retention::clean(c, &r, now_ms())).await {
            Ok(done) if done != retention::Cleaned::default() => log::info!(
                "retention: removed {} expired sessions and {} expired invitations",
                done.sessions,
                done.invitations
            ),
            Ok(_) => {}
            Err(e) => log::warn!("retention clean-up failed (tried again later): {e}"),
        }
    }
}

/// Sends the e-mail waiting in the outbox every few seconds.
async fn deliver_on_schedule(state: web::Data<AppState>, mailer: std::sync::Arc<notify::Mailer>) {
    let mut every = tokio::time::interval(std::time::Duration::from_secs(5));
    every.set_missed_tick_behavior(tokio::time::MissedTickBehavior::Delay);
    loop {
        every.tick().await;
        let m = mailer.clone();
        match state.db(move |c| notify::deliver_due(c, &m, now_ms())).await {
            Ok(done) if done != notify::Delivered::default() => {
                log::info!("e-mail: {} sent, {} failed (tried again later)", done.sent, done.failed)
            }
            Ok(_) => {}
            Err(e) => log::warn!("e-mail delivery failed (tried again later): {e}"),
        }
    }
}

/// How often the job runner looks for due jobs (scheduled removals).
const JOBS_EVERY: std::time::Duration = std::time::Duration::from_secs(30);

/// Runs the jobs that are due, now and every `JOBS_EVERY`. Every instance runs it; a job is
/// done once (`services::jobs`).
async fn run_jobs(state: web::Data<AppState>) {
    let mut every = tokio::time::interval(JOBS_EVERY);
    every.set_missed_tick_behavior(tokio::time::MissedTickBehavior::Delay);
    loop {
        every.tick().await;
        let links = state.config.public_url.clone();
        match state.db(move |c| jobs::run_due(c, &links, now_ms())).await {
            Ok(run) if run != jobs::RunSummary::default() => log::info!(
                "jobs: {} done, {} refused, {} to be tried again, {} failed",
                run.done,
                run.refused,
                run.retried,
                run.failed
            ),
            Ok(_) => {}
            Err(e) => log::warn!("job runner failed (tried again later): {e}"),
        }
    }
}

/// Says where the links point and which proxies are believed: settings whose mistakes show only
/// as refused forms or one rate limit shared by every client.
fn log_transport_settings(config: &Config) {
    let public = &config.public_url;
    if config.public_url_given {
        log::info!("public URL (PUBLIC_URL): {public}");
    } else {
        log::warn!(
            "public URL derived from BIND: {public}; links use it and forms are accepted only from \
             pages at it: set PUBLIC_URL to the address browsers use"
        );
    }
    log::info!(
        "session cookie: {}",
        if config.cookie_secure { "Secure, __Host-partnerdesk" } else { "not Secure (plain http)" }
    );
    if config.trusted_proxies.is_empty() {
        log::info!(
            "forwarded headers are ignored (TRUSTED_PROXIES is empty): behind a reverse proxy, \
             every client counts as the proxy's address for the rate limits"
        );
    } else {
        let list: Vec<String> = config.trusted_proxies.iter().map(ToString::to_string).collect();
        log::info!("client addresses forwarded by {} are believed", list.join(", "));
    }
}
