//! Crash safety, as an operator would meet it: the real server is killed with SIGKILL at random
//! moments (at least `KILLS` times) while clients prepare offboardings, remove relationships, change
//! subscription statuses and buy. After every kill `partnerdesk check` passes and no half-done
//! change is visible: no removed relationship with anything active, no change without its audit
//! record and no record without its change, and every change a client was told of is there.
//!
//! The server is `target/…/partnerdesk` of this build, or the binary `PARTNERDESK_BIN` names
//! (CI points it at the release build). `CRASH_SEED` repeats a run's kill points.

mod common;

use std::collections::{BTreeMap, BTreeSet};
use std::io::{ErrorKind, Read, Write};
use std::net::{SocketAddr, TcpStream};
use std::process::{Child, Command, Output, Stdio};
use std::sync::atomic::{AtomicBool, AtomicUsize, Ordering};
use std::sync::{Arc, LazyLock, Mutex};
use std::time::{Duration, Instant};

use diesel::prelude::*;
use regex::Regex;

use common::world::{self, E1, E3, E5SEC};
use partnerdesk::db::schema::{
    audit_log, relationships, reservations, software_purchases, subscriptions, support_contacts,
};
use partnerdesk::db::{self, AnyConnection, DbUrl};
use partnerdesk::models::audit::SUCCEEDED;
use partnerdesk::services::audit::op;

const KILLS: usize = 50;
const CUSTOMERS: usize = 40;
const SESSION_KEY: &str = "0123456789abcdef0123456789abcdef0123456789abcdef0123456789abcdef";

/// A small deterministic generator, so that a failing run's kill points can be repeated.
struct Rng(u64);

impl Rng {
    fn new(seed: u64) -> Rng {
        Rng(seed.max(1))
    }
    fn next(&mut self) -> u64 {
        self.0 ^= self.0 << 13;
        self.0 ^= self.0 >> 7;
        self.0 ^= self.0 << 17;
        self.0
    }
    fn below(&mut self, n: usize) -> usize {
        (self.next() % n as u64) as usize
    }
}

fn seed() -> u64 {
    std::env::var("CRASH_SEED").ok().and_then(|s| s.parse().ok()).unwrap_or_else(|| {
        std::time::SystemTime::now().duration_since(std::time::UNIX_EPOCH).unwrap().as_nanos()
            as u64
    })
}

fn binary() -> String {
    std::env::var("PARTNERDESK_BIN").unwrap_or_else(|_| env!("CARGO_BIN_EXE_partnerdesk").into())
}

fn url_text(url: &DbUrl) -> String {
    match url {
        DbUrl::Sqlite(p) => format!("sqlite://{p}"),
        DbUrl::Postgres(u) => u.clone(),
    }
}

/// A customer the clients work on, with the subscriptions it started with.
#[derive(Clone)]
struct Target {
    id: String,
    subscriptions: Vec<String>,
    /// The customer's administrator, who accepts its invitations.
    admin: String,
}

/// What was there before the clients started: what a change must be recorded for.
struct Before {
    ended: BTreeSet<String>,
    active_reservations: BTreeSet<String>,
    active_software: BTreeSet<String>,
    subscriptions: usize,
    /// The partner whose customers the clients work on, and its subscriptions' statuses.
    partner: String,
    statuses: BTreeMap<String, String>,
}

/// Alpha gets `CUSTOMERS` more customers, each with subscriptions (one with an add-on), a
/// support contact, and for some a reservation or a software purchase still cancellable.
fn populate(c: &mut AnyConnection) -> (String, Vec<Target>) {
    let w = world::build(c);
    let targets = (0..CUSTOMERS)
        .map(|i| {
            let cust = world::add_customer(c, &w.alpha, &format!("Crash Test {i:02} Ltd"), true);
            let base = world::add_subscription(c, &w.alpha, &cust, E3, "active", None);
            let addon = world::add_subscription(c, &w.alpha, &cust, E5SEC, "active", Some(&base));
            let other = world::add_subscription(c, &w.alpha, &cust, E1, "active", None);
            world::add_support_contact(c, &w.alpha, &cust, &base);
            if i % 3 == 0 {
                world::add_reservation(c, &w.alpha, &cust, "Crash test VMs");
            }
            if i % 4 == 1 {
                world::add_software(c, &w.alpha, &cust, "SQL Server 2022 Standard", 3);
            }
            let admin = format!("it@crash{i:02}.example");
            world::add_customer_admin(c, &cust, &admin);
            Target { id: cust.id, subscriptions: vec![base, addon, other], admin }
        })
        .collect();
    (w.alpha.id, targets)
}

fn before(c: &mut AnyConnection, partner: &str) -> Before {
    let ended = relationships::table
        .filter(relationships::ended_at.is_not_null())
        .select(relationships::id)
        .load::<String>(c)
        .unwrap();
    let active_reservations = reservations::table
        .filter(reservations::status.eq("active"))
        .select(reservations::id)
        .load::<String>(c)
        .unwrap();
    let active_software = software_purchases::table
        .filter(software_purchases::status.eq("active"))
        .select(software_purchases::id)
        .load::<String>(c)
        .unwrap();
    let statuses: BTreeMap<String, String> = subscriptions::table
        .select((subscriptions::id, subscriptions::status))
        .load::<(String, String)>(c)
        .unwrap()
        .into_iter()
        .collect();
    Before {
        subscriptions: statuses.len(),
        partner: partner.to_owned(),
        statuses,
        ended: ended.into_iter().collect(),
        active_reservations: active_reservations.into_iter().collect(),
        active_software: active_software.into_iter().collect(),
    }
}

// ---- the server ----

struct Server {
    child: Child,
    log: std::path::PathBuf,
}

fn free_addr() -> SocketAddr {
    let l = std::net::TcpListener::bind("127.0.0.1:0").expect("a free port");
    l.local_addr().expect("its address")
}

/// Starts the server on a new port, tells the clients, and waits until it is ready.
fn start(database_url: &str, dir: &std::path::Path, addr: &Mutex<SocketAddr>) -> Server {
    let at = free_addr();
    let log = dir.join("server.log");
    let stderr = std::fs::OpenOptions::new().create(true).append(true).open(&log).unwrap();
    let child = Command::new(binary())
        .arg("serve")
        .env("DATABASE_URL", database_url)
        .env("BIND", at.to_string())
        .env("PUBLIC_URL", format!("http://{at}"))
        .env("SESSION_KEY", SESSION_KEY)
        .env("WORKERS", "2")
        .env("RUST_LOG", "error")
        .stdout(Stdio::null())
        .stderr(stderr)
        .spawn()
        .expect("start partnerdesk serve");
    let mut server = Server { child, log };
    let started = Instant::now();
    loop {
        if let Some(status) = server.child.try_wait().unwrap() {
            panic!("the server exited at start ({status}):\n{}", server.log_tail());
        }
        if matches!(raw(at, "GET /readyz HTTP/1.1\r\n", "\r\n"), Ok(r) if r.status == 200) {
            break;
        }
        assert!(started.elapsed() < Duration::from_secs(60), "not ready:\n{}", server.log_tail());
        std::thread::sleep(Duration::from_millis(20));
    }
    *addr.lock().unwrap() = at;
    server
}

impl Server {
    fn kill(&mut self) {
        self.child.kill().expect("SIGKILL");
        self.child.wait().expect("reap the killed server");
    }

    fn log_tail(&self) -> String {
        let text = std::fs::read_to_string(&self.log).unwrap_or_default();
        let lines: Vec<&str> = text.lines().collect();
        lines[lines.len().saturating_sub(30)..].join("\n")
    }
}

impl Drop for Server {
    fn drop(&mut self) {
        let _ = self.child.kill();
        let _ = self.child.wait();
    }
}

fn partnerdesk_check(database_url: &str) -> Output {
    Command::new(binary())
        .arg("check")
        .env("DATABASE_URL", database_url)
        .env("RUST_LOG", "error")
        .output()
        .expect("run partnerdesk check")
}

// ---- the clients ----

static CSRF: LazyLock<Regex> =
    LazyLock::new(|| Regex::new(r#"name="csrf_token" value="([0-9a-f]+)""#).unwrap());
static PREVIEWED: LazyLock<Regex> =
    LazyLock::new(|| Regex::new(r#"name="previewed" value="([^"]*)""#).unwrap());
static INVITATION: LazyLock<Regex> =
    LazyLock::new(|| Regex::new(r"/invitations/([A-Za-z0-9_-]+)").unwrap());

struct Reply {
    status: u16,
    location: Option<String>,
    set_cookies: Vec<(String, String)>,
    body: String,
}

/// Why a request got no whole answer.
#[derive(Debug)]
enum NoAnswer {
    /// Nobody listened: the server was down.
    Down,
    /// The request was sent, and the server died before it answered.
    Interrupted,
}

/// One HTTP/1.1 exchange on a new connection (`Connection: close`, so the answer ends at EOF).
fn raw(addr: SocketAddr, request_line: &str, rest: &str) -> Result<Reply, NoAnswer> {
    let mut s = match TcpStream::connect_timeout(&addr, Duration::from_secs(2)) {
        Ok(s) => s,
        Err(_) => return Err(NoAnswer::Down),
    };
    s.set_read_timeout(Some(Duration::from_secs(30))).unwrap();
    let req = format!("{request_line}Host: {addr}\r\nConnection: close\r\n{rest}");
    if s.write_all(req.as_bytes()).is_err() {
        return Err(NoAnswer::Down);
    }
    let mut answer = Vec::new();
    match s.read_to_end(&mut answer) {
        Ok(_) => {}
        Err(e) if e.kind() == ErrorKind::ConnectionReset && answer.is_empty() => {
            return Err(NoAnswer::Interrupted);
        }
        Err(_) => return Err(NoAnswer::Interrupted),
    }
    let text = String::from_utf8_lossy(&answer).to_string();
    let Some((head, body)) = text.split_once("\r\n\r\n") else {
        return Err(NoAnswer::Interrupted);
    };
    let status = head.get(9..12).and_then(|s| s.parse().ok()).ok_or(NoAnswer::Interrupted)?;
    let mut reply = Reply { status, location: None, set_cookies: Vec::new(), body: body.into() };
    for line in head.lines().skip(1) {
        let Some((name, value)) = line.split_once(": ") else { continue };
        if name.eq_ignore_ascii_case("location") {
            reply.location = Some(value.to_string());
        } else if name.eq_ignore_ascii_case("set-cookie") {
            let pair = value.split(';').next().unwrap_or_default();
            if let Some((k, v)) = pair.split_once('=') {
                reply.set_cookies.push((k.to_string(), v.to_string()));
            }
        }
    }
    Ok(reply)
}

/// What the clients saw, for the checks after each kill and at the end.
#[derive(Default)]
struct Seen {
    /// Customers whose removal was answered as done, and how often.
    removed: Mutex<BTreeMap<String, usize>>,
    /// Former customers whose invitation was answered as accepted, and how often.
    brought_back: Mutex<BTreeMap<String, usize>>,
    /// Subscriptions whose purchase was answered as done.
    bought: Mutex<BTreeSet<String>>,
    /// Answers with a 5xx status, with their bodies.
    server_errors: Mutex<Vec<String>>,
    answered: AtomicUsize,
    interrupted: AtomicUsize,
}

impl Seen {
    /// Removals, customers brought back and purchases answered as done.
    fn work(&self) -> (usize, usize, usize) {
        let removed = self.removed.lock().unwrap().values().sum();
        let back = self.brought_back.lock().unwrap().values().sum();
        (removed, back, self.bought.lock().unwrap().len())
    }

    /// Whether the clients did enough of each kind of work for the checks to mean something.
    fn enough(&self) -> bool {
        let (removed, back, bought) = self.work();
        removed >= 20 && back >= 10 && bought >= 20
    }
}

/// A browser over real connections: cookies and the last page's CSRF token. While the server
/// is down it waits and tries again, so each call returns an answer or an interruption.
struct Client {
    addr: Arc<Mutex<SocketAddr>>,
    cookies: BTreeMap<String, String>,
    csrf: String,
    seen: Arc<Seen>,
    stop: Arc<AtomicBool>,
}

impl Client {
    fn send(&mut self, method: &str, path: &str, form: &[(&str, &str)]) -> Option<Reply> {
        let cookie = self.cookies.iter().map(|(k, v)| format!("{k}={v}")).collect::<Vec<_>>();
        let mut rest = format!("Cookie: {}\r\n", cookie.join("; "));
        let body = if method == "POST" {
            let mut fields = form.to_vec();
            fields.push(("csrf_token", &self.csrf));
            let body = serde_urlencoded::to_string(&fields).unwrap();
            rest.push_str(&format!(
                "Content-Type: application/x-www-form-urlencoded\r\nContent-Length: {}\r\n",
                body.len()
            ));
            body
        } else {
            String::new()
        };
        rest.push_str("\r\n");
        rest.push_str(&body);
        loop {
            if self.stop.load(Ordering::Relaxed) {
                return None;
            }
            let addr = *self.addr.lock().unwrap();
            match raw(addr, &format!("{method} {path} HTTP/1.1\r\n"), &rest) {
                Ok(reply) => {
                    self.seen.answered.fetch_add(1, Ordering::Relaxed);
                    for (k, v) in &reply.set_cookies {
                        if v.is_empty() {
                            self.cookies.remove(k);
                        } else {
                            self.cookies.insert(k.clone(), v.clone());
                        }
                    }
                    if let Some(c) = CSRF.captures(&reply.body) {
                        self.csrf = c[1].to_string();
                    }
                    if reply.status >= 500 {
                        let what = format!("{method} {path}: {} {}", reply.status, reply.body);
                        self.seen.server_errors.lock().unwrap().push(what);
                    }
                    return Some(reply);
                }
                Err(NoAnswer::Interrupted) => {
                    self.seen.interrupted.fetch_add(1, Ordering::Relaxed);
                    return None;
                }
                Err(NoAnswer::Down) => std::thread::sleep(Duration::from_millis(10)),
            }
        }
    }

    /// Signs in with both steps; `code_offset` picks which of the three accepted authenticator
    /// codes this sign-in uses, so that one user can sign in more than once.
    fn sign_in(
        addr: Arc<Mutex<SocketAddr>>,
        seen: Arc<Seen>,
        stop: Arc<AtomicBool>,
        email: &str,
        code_offset: i64,
    ) -> Client {
        let mut c = Client { addr, cookies: BTreeMap::new(), csrf: String::new(), seen, stop };
        c.send("GET", "/signin", &[]).expect("the sign-in page");
        let r = c.send("POST", "/signin", &[("email", email), ("password", world::PASSWORD)]);
        assert_eq!(r.and_then(|r| r.location).as_deref(), Some("/signin/code"), "{email}");
        c.send("GET", "/signin/code", &[]).expect("the code page");
        let code = common::totp_code(world::TOTP_SECRET, code_offset);
        let r = c.send("POST", "/signin/code", &[("code", &code)]).expect("the code's answer");
        assert_eq!(r.status, 303, "{email}'s code was refused: {}", r.body);
        c.send("GET", "/customers", &[]).expect("the customer list");
        c
    }
}

/// Removes customers and brings removed ones back: prepares offboarding and removes the
/// relationship, or invites the former customer again and accepts the invitation as its admin.
fn remover(mut c: Client, targets: Vec<Target>, mut rng: Rng) {
    let no_relationship = "This customer has no reseller relationship with you.";
    let mut gone = vec![false; targets.len()];
    // Each customer's admin, signed in at the tenant door once (their session outlives crashes).
    let mut admins: Vec<Option<Client>> = targets.iter().map(|_| None).collect();
    while !c.stop.load(Ordering::Relaxed) {
        let i = rng.below(targets.len());
        let t = &targets[i];
        if gone[i] {
            if let Some(back) = bring_back(&mut c, &mut admins[i], t) {
                gone[i] = !back;
            }
            continue;
        }
        let page = c.send("GET", &format!("/customers/{}/offboarding", t.id), &[]);
        if let Some(previewed) =
            page.and_then(|p| Some(PREVIEWED.captures(&p.body)?[1].to_string()))
        {
            let path = format!("/customers/{}/offboarding", t.id);
            c.send("POST", &path, &[("previewed", &previewed)]);
        }
        let path = format!("/customers/{}/remove-relationship", t.id);
        match c.send("POST", &path, &[]) {
            Some(r) if r.status == 303 => {
                *c.seen.removed.lock().unwrap().entry(t.id.clone()).or_default() += 1;
                gone[i] = true;
            }
            Some(r) if r.body.contains(no_relationship) => gone[i] = true,
            _ => {}
        }
    }
}

/// Invites a former customer back and accepts as its admin would, from the link alone. Whether
/// the customer is back (`Some(false)` if it never left), or `None` if a request was cut short.
fn bring_back(c: &mut Client, admin: &mut Option<Client>, t: &Target) -> Option<bool> {
    let form = [
        ("customer", t.id.as_str()),
        ("delegated_admin", "on"),
        ("recipient_email", "admin@newco.example"),
    ];
    let r = c.send("POST", "/relationship-requests", &form)?;
    let Some(token) = INVITATION.captures(&r.body).map(|m| m[1].to_string()) else {
        return Some(false);
    };
    if admin.is_none() {
        *admin = Some(tenant_sign_in(c, &t.admin)?);
    }
    let admin = admin.as_mut()?;
    let r = admin.send("POST", &format!("/invitations/{token}"), &[])?;
    if r.status != 200 {
        return Some(false);
    }
    *c.seen.brought_back.lock().unwrap().entry(t.id.clone()).or_default() += 1;
    Some(true)
}

/// A customer admin's client, signed in at the tenant door with both steps (each of the three
/// accepted codes tried once); `None` if a request was cut short or no code was taken.
fn tenant_sign_in(c: &Client, email: &str) -> Option<Client> {
    let mut a = Client {
        addr: c.addr.clone(),
        cookies: BTreeMap::new(),
        csrf: String::new(),
        seen: c.seen.clone(),
        stop: c.stop.clone(),
    };
    a.send("GET", "/tenant/signin", &[])?;
    let r = a.send("POST", "/tenant/signin", &[("email", email), ("password", world::PASSWORD)])?;
    if r.location.as_deref() != Some("/tenant/signin/code") {
        return None;
    }
    a.send("GET", "/tenant/signin/code", &[])?;
    for offset in common::CODE_OFFSETS {
        let code = common::totp_code(world::TOTP_SECRET, offset);
        if a.send("POST", "/tenant/signin/code", &[("code", &code)])?.status == 303 {
            a.send("GET", "/tenant", &[])?;
            return Some(a);
        }
    }
    None
}

/// Suspends and reactivates subscriptions at random.
fn flipper(mut c: Client, targets: Vec<Target>, mut rng: Rng) {
    while !c.stop.load(Ordering::Relaxed) {
        let t = &targets[rng.below(targets.len())];
        let sub = &t.subscriptions[rng.below(t.subscriptions.len())];
        let status = if rng.below(3) == 0 { "suspended" } else { "active" };
        let path = format!("/customers/{}/subscriptions/{sub}/status", t.id);
        c.send("POST", &path, &[("status", status)]);
    }
}

/// Buys a subscription for a random customer.
fn buyer(mut c: Client, targets: Vec<Target>, mut rng: Rng) {
    while !c.stop.load(Ordering::Relaxed) {
        let t = &targets[rng.below(targets.len())];
        let path = format!("/customers/{}/subscriptions", t.id);
        let form = [("offer_id", E1.0), ("quantity", "1"), ("term", "P1M")];
        if let Some(r) = c.send("POST", &path, &form)
            && r.status == 303
        {
            let location = r.location.unwrap_or_default();
            let prefix = format!("/customers/{}/subscriptions/", t.id);
            let bought = location.strip_prefix(&prefix).expect("the bought subscription's page");
            c.seen.bought.lock().unwrap().insert(bought.to_string());
        }
    }
}

// ---- the checks ----

#[derive(Queryable, Debug)]
struct Record {
    operation: String,
    customer_id: Option<String>,
    resource_id: Option<String>,
    old_value: Option<String>,
    new_value: Option<String>,
    at: i64,
}

/// On PostgreSQL a killed server's sessions outlive it for a moment, and one whose COMMIT was
/// sent before the kill still commits: wait until they are gone, so that the checks see what the
/// next server will find (SQLite's writers die with the process).
fn wait_for_killed_sessions(url: &DbUrl) {
    let DbUrl::Postgres(u) = url else { return };
    let mut c = diesel::pg::PgConnection::establish(u).unwrap();
    let started = Instant::now();
    loop {
        let others: i64 = diesel::select(diesel::dsl::sql::<diesel::sql_types::BigInt>(
            "(SELECT count(*) FROM pg_stat_activity \
              WHERE datname = current_database() AND pid <> pg_backend_pid() \
                AND backend_type = 'client backend')",
        ))
        .get_result(&mut c)
        .unwrap();
        if others == 0 {
            return;
        }
        assert!(started.elapsed() < Duration::from_secs(30), "{others} sessions outlive the kill");
        std::thread::sleep(Duration::from_millis(10));
    }
}

/// Runs `f` in one read transaction, so that every table it reads is seen at the same moment
/// (tables read one by one could otherwise straddle a commit).
fn in_one_snapshot<T>(c: &mut AnyConnection, f: impl FnOnce(&mut AnyConnection) -> T) -> T {
    use diesel::connection::SimpleConnection;
    let begin = match c {
        AnyConnection::Postgresql(_) => "BEGIN ISOLATION LEVEL REPEATABLE READ READ ONLY",
        AnyConnection::Sqlite(_) => "BEGIN",
    };
    c.batch_execute(begin).unwrap();
    let out = f(c);
    c.batch_execute("COMMIT").unwrap();
    out
}

/// Every half-done or lost change visible in the database, as sentences.
fn half_done(c: &mut AnyConnection, before: &Before, seen: &Seen) -> Vec<String> {
    let mut problems = Vec::new();
    let records: Vec<Record> = audit_log::table
        .filter(audit_log::status.eq(SUCCEEDED))
        .order((audit_log::at, audit_log::id))
        .select((
            audit_log::operation,
            audit_log::customer_id,
            audit_log::resource_id,
            audit_log::old_value,
            audit_log::new_value,
            audit_log::at,
        ))
        .load(c)
        .unwrap();
    let of = |operation: &str| -> Vec<&Record> {
        records.iter().filter(|r| r.operation == operation).collect()
    };

    // Relationships: per customer, removals and acceptances alternate, the last one gives the
    // stored state, and a removed relationship has nothing active left behind it.
    let stored_relationships: Vec<(String, String, String)> = relationships::table
        .filter(relationships::partner_id.eq(&before.partner))
        .select((
            relationships::customer_id,
            relationships::relationship_to_partner,
            relationships::id,
        ))
        .load(c)
        .unwrap();
    let mut steps: BTreeMap<&str, Vec<Step>> = BTreeMap::new();
    for r in &records {
        let (from, to) = match r.operation.as_str() {
            op::REMOVE_RELATIONSHIP => ("reseller", "none"),
            op::ACCEPT_RELATIONSHIP_REQUEST => ("none", "reseller"),
            _ => continue,
        };
        let customer = r.customer_id.as_deref().unwrap_or_default();
        steps.entry(customer).or_default().push(Step::new(r, Some(from), to));
    }
    for (customer, state, id) in &stored_relationships {
        if before.ended.contains(id) {
            continue;
        }
        let what = format!("the relationship with customer {customer}");
        problems.extend(walk(&what, steps.remove(customer.as_str()), Some("reseller"), state));
        if state == "reseller" {
            continue;
        }
        let active: i64 = subscriptions::table
            .filter(subscriptions::partner_id.eq(&before.partner))
            .filter(subscriptions::customer_id.eq(customer))
            .filter(subscriptions::status.eq("active"))
            .count()
            .get_result(c)
            .unwrap();
        let reserved: i64 = reservations::table
            .filter(reservations::partner_id.eq(&before.partner))
            .filter(reservations::customer_id.eq(customer))
            .filter(reservations::status.eq("active"))
            .count()
            .get_result(c)
            .unwrap();
        let contacts: i64 = support_contacts::table
            .filter(support_contacts::partner_id.eq(&before.partner))
            .filter(support_contacts::customer_id.eq(customer))
            .count()
            .get_result(c)
            .unwrap();
        if active + reserved + contacts > 0 {
            problems.push(format!(
                "the removed relationship with customer {customer} still has {active} active \
                 subscriptions, {reserved} active reservations and {contacts} support contacts"
            ));
        }
    }
    for customer in steps.keys() {
        problems.push(format!("relationship records for customer {customer}, who has none"));
    }
    for (said, operation, what) in [
        (&seen.removed, op::REMOVE_RELATIONSHIP, "removal"),
        (&seen.brought_back, op::ACCEPT_RELATIONSHIP_REQUEST, "acceptance"),
    ] {
        for (customer, times) in said.lock().unwrap().iter() {
            let recorded = records
                .iter()
                .filter(|r| r.operation == operation)
                .filter(|r| r.customer_id.as_deref() == Some(customer.as_str()))
                .count();
            if recorded < *times {
                problems.push(format!(
                    "{times} {what}s of customer {customer} were answered, {recorded} are recorded"
                ));
            }
        }
    }

    // Subscriptions: their records, in order, chain from one status to the next and end at the
    // status stored (a change without its record breaks the chain or the end).
    let subs: Vec<(String, String)> =
        subscriptions::table.select((subscriptions::id, subscriptions::status)).load(c).unwrap();
    let stored: BTreeMap<String, String> = subs.into_iter().collect();
    let mut chains: BTreeMap<&str, Vec<Step>> = BTreeMap::new();
    for r in &records {
        let step = match r.operation.as_str() {
            op::CREATE_SUBSCRIPTION => Step::new(r, None, "active"),
            op::UPDATE_SUBSCRIPTION => {
                let status = |v: &Option<String>| {
                    v.as_deref().unwrap_or_default().trim_start_matches("status: ").to_owned()
                };
                Step::new(r, Some(&status(&r.old_value)), &status(&r.new_value))
            }
            _ => continue,
        };
        chains.entry(r.resource_id.as_deref().unwrap_or_default()).or_default().push(step);
    }
    for (id, status) in &stored {
        let what = format!("subscription {id}");
        let initial = before.statuses.get(id).map(String::as_str);
        problems.extend(walk(&what, chains.remove(id.as_str()), initial, status));
    }
    for id in chains.keys() {
        problems.push(format!("records of subscription {id}, which does not exist"));
    }
    let created: BTreeSet<&str> =
        of(op::CREATE_SUBSCRIPTION).iter().filter_map(|r| r.resource_id.as_deref()).collect();
    for id in seen.bought.lock().unwrap().iter() {
        if !created.contains(id.as_str()) || !stored.contains_key(id) {
            problems.push(format!("the purchase of subscription {id} was answered, then lost"));
        }
    }
    if stored.len() != before.subscriptions + created.len() {
        problems.push(format!(
            "{} subscriptions but {} purchase records over the {} seeded",
            stored.len(),
            created.len(),
            before.subscriptions
        ));
    }

    // Cancellations: an active reservation or software purchase became cancelled with exactly
    // one record, and every record's purchase is cancelled.
    let cancelled_reservations: BTreeSet<String> = reservations::table
        .filter(reservations::status.ne("active"))
        .select(reservations::id)
        .load::<String>(c)
        .unwrap()
        .into_iter()
        .collect();
    let cancelled_software: BTreeSet<String> = software_purchases::table
        .filter(software_purchases::status.ne("active"))
        .select(software_purchases::id)
        .load::<String>(c)
        .unwrap()
        .into_iter()
        .collect();
    for (what, operation, active, cancelled) in [
        (
            "reservation",
            op::CANCEL_RESERVATION,
            &before.active_reservations,
            &cancelled_reservations,
        ),
        (
            "software purchase",
            op::CANCEL_SOFTWARE_PURCHASE,
            &before.active_software,
            &cancelled_software,
        ),
    ] {
        let recorded = of(operation);
        for id in active {
            let n = recorded.iter().filter(|r| r.resource_id.as_deref() == Some(id)).count();
            let expected = usize::from(cancelled.contains(id));
            if n != expected {
                problems.push(format!("{what} {id}: cancelled {expected} times, {n} records"));
            }
        }
    }
    problems
}

/// One recorded change of an object's state.
#[derive(Debug)]
struct Step {
    from: Option<String>,
    to: String,
    at: i64,
}

impl Step {
    fn new(r: &Record, from: Option<&str>, to: &str) -> Step {
        Step { from: from.map(str::to_owned), to: to.to_owned(), at: r.at }
    }
}

/// Follows an object's records from `initial` (`None`: the first record creates it): each must
/// start where the one before ended, and the last must end at the `stored` state. Records of the
/// same millisecond may be listed in either order, so the next is, among the earliest left, one
/// that starts where the chain is. A problem, if any, as a sentence.
fn walk(
    what: &str,
    steps: Option<Vec<Step>>,
    initial: Option<&str>,
    stored: &str,
) -> Option<String> {
    let mut steps = steps.unwrap_or_default();
    steps.sort_by_key(|s| s.at);
    let mut at = initial.map(str::to_owned);
    while let Some(first) = steps.first().map(|s| s.at) {
        let Some(i) = steps.iter().take_while(|s| s.at == first).position(|s| s.from == at) else {
            return Some(format!("{what}: the records do not chain on from {at:?}: {steps:?}"));
        };
        at = Some(steps.remove(i).to);
    }
    (at.as_deref() != Some(stored))
        .then(|| format!("{what} is {stored}, but its records end at {at:?}"))
}

#[test]
fn killed_at_random_moments_the_database_stays_whole() {
    let seed = seed();
    println!("crash test seed: {seed} (CRASH_SEED={seed} repeats the kill points)");
    let mut rng = Rng::new(seed);
    let (url, _db) = common::new_database();
    let database_url = url_text(&url);
    let dir = tempfile::tempdir().unwrap();
    let (targets, before) = {
        let pool = db::connect(&url, &Default::default()).expect("open the database");
        let mut c = pool.get().unwrap();
        let (partner, targets) = populate(&mut c);
        (targets, before(&mut c, &partner))
    };

    let addr = Arc::new(Mutex::new(free_addr()));
    let seen = Arc::new(Seen::default());
    let stop = Arc::new(AtomicBool::new(false));
    let mut server = start(&database_url, dir.path(), &addr);
    let client = |email: &str, offset: i64| {
        Client::sign_in(addr.clone(), seen.clone(), stop.clone(), email, offset)
    };
    let workers = [
        (client(world::GLOBAL_ADMIN, 0), remover as fn(Client, Vec<Target>, Rng)),
        (client(world::ADMIN_AGENT, -30), flipper),
        (client(world::ADMIN_AGENT, 0), flipper),
        (client(world::ADMIN_AGENT, 30), buyer),
    ];
    let threads: Vec<_> = workers
        .into_iter()
        .map(|(c, work)| {
            let (targets, rng) = (targets.clone(), Rng::new(rng.next()));
            std::thread::spawn(move || work(c, targets, rng))
        })
        .collect();

    // At least `KILLS` kills, and more (up to four times as many) until the clients have done
    // enough work between them, however slow the machine is today.
    let mut kill = 0;
    while kill < KILLS || (!seen.enough() && kill < 4 * KILLS) {
        kill += 1;
        std::thread::sleep(Duration::from_millis(30 + rng.below(400) as u64));
        server.kill();
        wait_for_killed_sessions(&url);
        let out = partnerdesk_check(&database_url);
        let said = format!(
            "{}{}",
            String::from_utf8_lossy(&out.stdout),
            String::from_utf8_lossy(&out.stderr)
        );
        assert!(out.status.success(), "after kill {kill} (seed {seed}), check failed:\n{said}");
        let mut c = db::maintenance::open_as_is(&url).unwrap();
        let problems = in_one_snapshot(&mut c, |c| half_done(c, &before, &seen));
        assert!(problems.is_empty(), "after kill {kill} (seed {seed}):\n{}", problems.join("\n"));
        drop(c);
        server = start(&database_url, dir.path(), &addr);
    }
    std::thread::sleep(Duration::from_millis(300));
    stop.store(true, Ordering::Relaxed);
    for t in threads {
        t.join().expect("a client panicked");
    }
    server.kill();
    wait_for_killed_sessions(&url);
    let mut c = db::maintenance::open_as_is(&url).unwrap();
    let problems = in_one_snapshot(&mut c, |c| half_done(c, &before, &seen));
    assert!(problems.is_empty(), "at the end (seed {seed}):\n{}", problems.join("\n"));

    let errors = seen.server_errors.lock().unwrap();
    let log = server.log_tail();
    assert!(errors.is_empty(), "5xx answers (seed {seed}):\n{}\nlog:\n{log}", errors.join("\n"));
    // The kills must have cut requests short and the clients must have got work done, or the
    // checks above proved little.
    let interrupted = seen.interrupted.load(Ordering::Relaxed);
    let answered = seen.answered.load(Ordering::Relaxed);
    let (removed, back, bought) = seen.work();
    println!(
        "{kill} kills, {answered} answers, {interrupted} requests cut short, {removed} removals, \
         {back} customers brought back, {bought} purchases"
    );
    assert!(interrupted >= KILLS / 5, "only {interrupted} requests were in flight at a kill");
    assert!(seen.enough(), "too little work: {removed} removals, {back} back, {bought} purchases");
}
