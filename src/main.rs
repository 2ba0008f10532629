//! The `partnerdesk` command: serve, migrate, create-admin, seed-demo.

/// A page's rows are decoded on a blocking thread and freed on the worker that rendered them,
/// glibc's allocator's slowest pattern and not mimalloc's (docs/performance.md).
#[global_allocator]
static GLOBAL: mimalloc::MiMalloc = mimalloc::MiMalloc;

use std::io::BufRead;

use actix_web::cookie::Key;
use actix_web::{HttpServer, web};
use clap::{Parser, Subcommand};

use partnerdesk::auth::password;
use partnerdesk::config::{Config, ConfigArgs};
use partnerdesk::db;
use partnerdesk::models::partner::PartnerKind;
use partnerdesk::seed::{self, DemoLogin};
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

fn main() -> anyhow::Result<()> {
    env_logger::Builder::from_env(env_logger::Env::default().default_filter_or("info")).init();
    match Cli::parse().command {
        Command::Serve { config, demo } => serve(config, demo),
        Command::Migrate { database_url } => {
            let url = db::DbUrl::parse(&database_url).map_err(anyhow::Error::msg)?;
            let pool = db::connect(&url, &db::PoolOptions::default())?;
            println!("migrations applied ({}); schema is current", url.backend_name());
            drop(pool);
            Ok(())
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
        Command::SeedDemo { database_url, customers, subscriptions_per_customer, seed } => {
            let pool = open(&database_url)?;
            let mut conn = pool.get()?;
            match customers {
                None => print_logins(&seed::seed_demo(&mut conn)?),
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

fn serve(args: ConfigArgs, demo: bool) -> anyhow::Result<()> {
    let (config, secret) = Config::from_args(&args, demo).map_err(anyhow::Error::msg)?;
    let key = secret.map_or_else(Key::generate, |s| Key::derive_from(s.as_bytes()));
    let pool = db::connect(&config.database, &config.pool)?;
    {
        let mut conn = pool.get()?;
        seed::ensure_offers(&mut conn)?;
        if demo {
            print_logins(&seed::seed_demo(&mut conn)?);
        }
    }
    let bind = config.bind.clone();
    let workers = config.workers.unwrap_or_else(|| {
        std::thread::available_parallelism().map_or(1, std::num::NonZeroUsize::get)
    });
    let blocking = db::blocking_threads_per_worker(config.pool.max_size, workers);
    let public = config.public_url.clone();
    log_transport_settings(&config);
    let state = web::Data::new(AppState::new(pool, config, key));
    actix_web::rt::System::new().block_on(async move {
        let server = HttpServer::new(move || partnerdesk::build_app(state.clone()))
            .workers(workers)
            .worker_max_blocking_threads(blocking)
            .bind(&bind)?;
        log::info!("PartnerDesk listening on {bind}");
        println!("PartnerDesk is running: open {public}/ (Ctrl+C stops it)");
        server.run().await
    })?;
    Ok(())
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
