//! The real binary, as operators run it: SIGTERM during traffic (it stops accepting, finishes
//! the requests it accepted within `SHUTDOWN_TIMEOUT_SECONDS`, and exits 0); the metrics
//! listener; the scheduled retention clean-up; the job runner; `prune-audit`.

mod common;

use std::io::{ErrorKind, Read, Write};
use std::net::{SocketAddr, TcpStream};
use std::process::{Child, Command, Stdio};
use std::sync::Arc;
use std::sync::atomic::{AtomicBool, Ordering};
use std::time::{Duration, Instant};

const SESSION_KEY: &str = "0123456789abcdef0123456789abcdef0123456789abcdef0123456789abcdef";

struct Server {
    child: Child,
    addr: SocketAddr,
    _dir: tempfile::TempDir,
}

impl Drop for Server {
    fn drop(&mut self) {
        let _ = self.child.kill();
        let _ = self.child.wait();
    }
}

fn free_port() -> u16 {
    let l = std::net::TcpListener::bind("127.0.0.1:0").expect("a free port");
    l.local_addr().expect("its address").port()
}

fn database_url(dir: &tempfile::TempDir) -> String {
    format!("sqlite://{}", dir.path().join("partnerdesk.db").display())
}

/// Starts `partnerdesk serve` on a fresh SQLite file and waits until it answers.
fn start(shutdown_timeout: u64) -> Server {
    let timeout = shutdown_timeout.to_string();
    start_in(
        tempfile::tempdir().expect("a temporary directory"),
        &[("SHUTDOWN_TIMEOUT_SECONDS", &timeout)],
    )
}

/// Starts `partnerdesk serve` on the database in `dir`, with these settings added.
fn start_in(dir: tempfile::TempDir, settings: &[(&str, &str)]) -> Server {
    let addr: SocketAddr = format!("127.0.0.1:{}", free_port()).parse().expect("an address");
    let child = Command::new(env!("CARGO_BIN_EXE_partnerdesk"))
        .arg("serve")
        .env("DATABASE_URL", database_url(&dir))
        .env("BIND", addr.to_string())
        .env("SESSION_KEY", SESSION_KEY)
        .env("WORKERS", "2")
        .env("RUST_LOG", "warn")
        .envs(settings.iter().copied())
        .stdout(Stdio::null())
        .stderr(Stdio::null())
        .spawn()
        .expect("start partnerdesk serve");
    let server = Server { child, addr, _dir: dir };
    let started = Instant::now();
    while !matches!(get(addr, "/healthz"), Outcome::Answered(200)) {
        assert!(started.elapsed() < Duration::from_secs(60), "the server did not start");
        std::thread::sleep(Duration::from_millis(50));
    }
    server
}

#[derive(Debug, PartialEq)]
enum Outcome {
    /// A whole answer with this status.
    Answered(u16),
    /// The connection was refused: the server no longer accepts.
    Refused,
    /// The connection was closed before the server read the request (no `100 Continue`): a
    /// connection still in the kernel's queue when the listener closed, never accepted.
    NotAccepted,
    /// The request was sent on an open connection but no whole answer came back.
    Broken(String),
}

/// The status of a complete HTTP/1.1 answer (`Connection: close`, so it ends at EOF), and the
/// answer.
fn read_answer(stream: &mut TcpStream) -> (Outcome, String) {
    let mut answer = Vec::new();
    if let Err(e) = stream.read_to_end(&mut answer) {
        return (Outcome::Broken(format!("{e} after {} bytes", answer.len())), String::new());
    }
    let text = String::from_utf8_lossy(&answer).to_string();
    let status = text.strip_prefix("HTTP/1.1 ").and_then(|r| r.get(..3)?.parse().ok());
    match status {
        Some(code) if text.contains("\r\n\r\n") => (Outcome::Answered(code), text),
        _ => (Outcome::Broken(format!("incomplete answer: {text:?}")), text),
    }
}

fn connect(addr: SocketAddr) -> Result<TcpStream, Outcome> {
    match TcpStream::connect_timeout(&addr, Duration::from_secs(5)) {
        Ok(s) => {
            s.set_read_timeout(Some(Duration::from_secs(30))).expect("a read timeout");
            Ok(s)
        }
        Err(e) if e.kind() == ErrorKind::ConnectionRefused => Err(Outcome::Refused),
        Err(e) => Err(Outcome::Broken(format!("connect: {e}"))),
    }
}

fn get(addr: SocketAddr, path: &str) -> Outcome {
    get_body(addr, path).0
}

/// A GET's outcome and the whole answer as text.
fn get_body(addr: SocketAddr, path: &str) -> (Outcome, String) {
    let mut s = match connect(addr) {
        Ok(s) => s,
        Err(o) => return (o, String::new()),
    };
    let req = format!("GET {path} HTTP/1.1\r\nHost: {addr}\r\nConnection: close\r\n\r\n");
    if let Err(e) = s.write_all(req.as_bytes()) {
        return (Outcome::Broken(format!("write: {e}")), String::new());
    }
    read_answer(&mut s)
}

/// A form post sent with `Expect: 100-continue`: the server's `100 Continue` proves it read the
/// request, after which the request must get a whole answer.
fn post_expecting_continue(addr: SocketAddr) -> Outcome {
    let mut s = match connect(addr) {
        Ok(s) => s,
        Err(o) => return o,
    };
    let body = "email=someone%40example.com&password=not-it";
    let head = format!(
        "POST /signin HTTP/1.1\r\nHost: {addr}\r\nConnection: close\r\nExpect: 100-continue\r\n\
         Content-Type: application/x-www-form-urlencoded\r\nContent-Length: {}\r\n\r\n",
        body.len()
    );
    if s.write_all(head.as_bytes()).is_err() {
        return Outcome::NotAccepted;
    }
    let mut interim = Vec::new();
    let mut byte = [0u8; 1];
    while !interim.ends_with(b"\r\n\r\n") {
        match s.read(&mut byte) {
            Ok(1) => interim.push(byte[0]),
            _ if interim.is_empty() => return Outcome::NotAccepted,
            other => return Outcome::Broken(format!("in the interim answer: {other:?}")),
        }
    }
    if !interim.starts_with(b"HTTP/1.1 100") {
        let text = String::from_utf8_lossy(&interim).to_string();
        return Outcome::Broken(format!("answered before the body: {text}"));
    }
    if let Err(e) = s.write_all(body.as_bytes()) {
        return Outcome::Broken(format!("accepted, then the body could not be sent: {e}"));
    }
    read_answer(&mut s).0
}

/// A form post whose body is only half sent: the server has accepted the request and waits for
/// the rest. `finish` sends the rest and reads the answer.
struct HalfSent(TcpStream);

impl HalfSent {
    fn start(addr: SocketAddr) -> HalfSent {
        let mut s = connect(addr).expect("the server accepts before SIGTERM");
        let body = "email=someone%40example.com&password=not-it";
        let head = format!(
            "POST /signin HTTP/1.1\r\nHost: {addr}\r\nConnection: close\r\n\
             Content-Type: application/x-www-form-urlencoded\r\nContent-Length: {}\r\n\r\n",
            body.len()
        );
        s.write_all(head.as_bytes()).expect("send the head");
        s.write_all(&body.as_bytes()[..10]).expect("send half the body");
        HalfSent(s)
    }

    fn finish(mut self) -> Outcome {
        let body = "email=someone%40example.com&password=not-it";
        if let Err(e) = self.0.write_all(&body.as_bytes()[10..]) {
            return Outcome::Broken(format!("write: {e}"));
        }
        read_answer(&mut self.0).0
    }
}

fn sigterm(child: &Child) {
    // SAFETY: kill takes a process id and a signal number, no pointers.
    let sent = unsafe { libc::kill(child.id() as libc::pid_t, libc::SIGTERM) };
    assert_eq!(sent, 0, "SIGTERM could not be sent");
}

fn wait_exit(child: &mut Child, within: Duration) -> std::process::ExitStatus {
    let started = Instant::now();
    loop {
        if let Some(status) = child.try_wait().expect("the child's status") {
            return status;
        }
        assert!(started.elapsed() < within, "the server did not exit within {within:?}");
        std::thread::sleep(Duration::from_millis(20));
    }
}

#[test]
fn sigterm_during_a_burst_finishes_accepted_requests_and_exits_0() {
    let mut server = start(20);
    let addr = server.addr;

    // Clients sending requests on fresh connections, without pause, through the SIGTERM: each
    // request the server read (it answered `100 Continue`) must get its whole answer.
    let stop = Arc::new(AtomicBool::new(false));
    let clients: Vec<_> = (0..4)
        .map(|_| {
            let stop = stop.clone();
            std::thread::spawn(move || {
                let mut outcomes = Vec::new();
                while !stop.load(Ordering::Relaxed) {
                    let o = post_expecting_continue(addr);
                    let refused = o == Outcome::Refused;
                    outcomes.push(o);
                    if refused {
                        break;
                    }
                }
                outcomes
            })
        })
        .collect();
    std::thread::sleep(Duration::from_millis(300));
    // Requests certainly in flight at the signal: accepted, their bodies not all there yet.
    let in_flight: Vec<HalfSent> = (0..3).map(|_| HalfSent::start(addr)).collect();
    std::thread::sleep(Duration::from_millis(200));

    sigterm(&server.child);

    // The server stops accepting new connections while the accepted requests are still open.
    let started = Instant::now();
    while get(addr, "/healthz") != Outcome::Refused {
        assert!(started.elapsed() < Duration::from_secs(10), "still accepting after SIGTERM");
        std::thread::sleep(Duration::from_millis(20));
    }
    assert!(server.child.try_wait().expect("status").is_none(), "exited with requests open");
    stop.store(true, Ordering::Relaxed);

    for (i, req) in in_flight.into_iter().enumerate() {
        let outcome = req.finish();
        assert!(
            matches!(outcome, Outcome::Answered(_)),
            "request {i}, in flight at SIGTERM, got no whole answer: {outcome:?}"
        );
    }
    let mut answered = 0;
    for client in clients {
        for outcome in client.join().expect("a client thread") {
            match outcome {
                Outcome::Answered(_) => answered += 1,
                Outcome::Refused | Outcome::NotAccepted => {}
                other => panic!("a request of the burst failed: {other:?}"),
            }
        }
    }
    assert!(answered > 10, "the burst was too small to mean anything: {answered} answers");

    let status = wait_exit(&mut server.child, Duration::from_secs(20));
    assert!(status.success(), "the server exited with {status}");
}

#[test]
fn a_request_that_outlasts_the_shutdown_deadline_does_not_keep_the_server_up() {
    let mut server = start(1);
    let stuck = HalfSent::start(server.addr);
    std::thread::sleep(Duration::from_millis(200));
    let signalled = Instant::now();
    sigterm(&server.child);
    let status = wait_exit(&mut server.child, Duration::from_secs(10));
    assert!(status.success(), "the server exited with {status}");
    assert!(
        signalled.elapsed() < Duration::from_secs(5),
        "SHUTDOWN_TIMEOUT_SECONDS=1 was not kept: {:?}",
        signalled.elapsed()
    );
    drop(stuck);
}

#[test]
fn metrics_are_served_on_their_own_address_only() {
    let metrics: SocketAddr = format!("127.0.0.1:{}", free_port()).parse().unwrap();
    let at = metrics.to_string();
    let server = start_in(tempfile::tempdir().unwrap(), &[("METRICS_BIND", &at)]);
    for _ in 0..3 {
        assert_eq!(get(server.addr, "/readyz"), Outcome::Answered(200));
    }
    assert_eq!(
        get(server.addr, "/metrics"),
        Outcome::Answered(404),
        "metrics on the public address"
    );
    let (outcome, text) = get_body(metrics, "/metrics");
    assert_eq!(outcome, Outcome::Answered(200), "{text}");
    let readyz = r#"partnerdesk_http_requests_total{route="/readyz",method="GET",status="200"} "#;
    let count =
        text.lines().find_map(|l| l.strip_prefix(readyz)).and_then(|n| n.parse::<f64>().ok());
    assert!(count.is_some_and(|n| n >= 3.0), "the requests were not counted:\n{text}");
    assert_eq!(get(metrics, "/readyz"), Outcome::Answered(404), "the metrics address serves pages");
}

#[test]
fn the_server_removes_expired_sessions_on_its_schedule() {
    use diesel::prelude::*;
    use partnerdesk::db::schema::sessions;
    let dir = tempfile::tempdir().unwrap();
    let url = partnerdesk::db::DbUrl::parse(&database_url(&dir)).unwrap();
    let pool = partnerdesk::db::connect(&url, &partnerdesk::db::PoolOptions::default()).unwrap();
    let now = partnerdesk::util::clock::now_ms();
    let day = 24 * 3600 * 1000;
    for (id, expires_at) in [("long-expired", now - 3 * day), ("live", now + day)] {
        diesel::insert_into(sessions::table)
            .values((
                sessions::id.eq(id),
                sessions::state.eq("{}"),
                sessions::created_at.eq(now - 4 * day),
                sessions::expires_at.eq(expires_at),
            ))
            .execute(&mut **pool.get().unwrap())
            .unwrap();
    }
    let server = start_in(dir, &[("SESSION_RETENTION_DAYS", "1")]);
    let started = Instant::now();
    let left = || -> Vec<String> {
        sessions::table.select(sessions::id).load(&mut **pool.get().unwrap()).unwrap()
    };
    while left().contains(&"long-expired".to_string()) {
        assert!(started.elapsed() < Duration::from_secs(20), "the expired session stayed");
        std::thread::sleep(Duration::from_millis(100));
    }
    assert_eq!(left(), vec!["live".to_string()]);
    drop(server);
}

#[test]
fn prune_audit_exports_then_removes_and_never_overwrites_an_export() {
    let dir = tempfile::tempdir().unwrap();
    let url = database_url(&dir);
    let pool = partnerdesk::db::connect(
        &partnerdesk::db::DbUrl::parse(&url).unwrap(),
        &partnerdesk::db::PoolOptions::default(),
    )
    .unwrap();
    {
        use diesel::prelude::*;
        use partnerdesk::db::schema::audit_log;
        for (id, at) in [("in-2020", 1_590_000_000_000_i64), ("in-2025", 1_750_000_000_000)] {
            diesel::insert_into(audit_log::table)
                .values((
                    audit_log::id.eq(id),
                    audit_log::actor.eq("someone@alpha.test"),
                    audit_log::operation.eq("logout"),
                    audit_log::resource_type.eq("session"),
                    audit_log::status.eq("succeeded"),
                    audit_log::at.eq(at),
                    audit_log::request_id.eq("r"),
                ))
                .execute(&mut **pool.get().unwrap())
                .unwrap();
        }
    }
    let count = |op: Option<&str>| -> i64 {
        use diesel::prelude::*;
        use partnerdesk::db::schema::audit_log;
        let mut q = audit_log::table.into_boxed();
        if let Some(op) = op {
            q = q.filter(audit_log::operation.eq(op.to_string()));
        }
        q.count().get_result(&mut **pool.get().unwrap()).unwrap()
    };
    let prune = |export: &std::path::Path, before: &str| {
        Command::new(env!("CARGO_BIN_EXE_partnerdesk"))
            .args(["prune-audit", "--before", before, "--export"])
            .arg(export)
            .env("DATABASE_URL", &url)
            .env("RUST_LOG", "warn")
            .output()
            .expect("run prune-audit")
    };
    let export = dir.path().join("audit-before-2021.csv");
    std::fs::write(&export, "an earlier export").unwrap();
    let refused = prune(&export, "2021-01-01");
    assert!(!refused.status.success(), "an existing export was overwritten");
    assert_eq!(std::fs::read_to_string(&export).unwrap(), "an earlier export");
    assert_eq!(count(None), 2);
    let bad_date = prune(&dir.path().join("x.csv"), "01/01/2021");
    assert!(!bad_date.status.success());
    assert!(String::from_utf8_lossy(&bad_date.stderr).contains("--before must be a date"));

    std::fs::remove_file(&export).unwrap();
    let done = prune(&export, "2021-01-01");
    assert!(done.status.success(), "{}", String::from_utf8_lossy(&done.stderr));
    let csv = std::fs::read_to_string(&export).unwrap();
    assert!(csv.starts_with("id,at,"), "{csv}");
    assert!(csv.contains("in-2020") && !csv.contains("in-2025"), "{csv}");
    assert_eq!(count(Some("logout")), 1, "the 2025 record stays");
    assert_eq!(count(Some("prune_audit")), 1, "the prune is on record");
}

#[test]
fn the_server_runs_a_due_scheduled_removal() {
    use diesel::prelude::*;
    use partnerdesk::db::schema::relationships as r;
    let dir = tempfile::tempdir().unwrap();
    let url = partnerdesk::db::DbUrl::parse(&database_url(&dir)).unwrap();
    let pool = partnerdesk::db::connect(&url, &partnerdesk::db::PoolOptions::default()).unwrap();
    let w = common::world::build(&mut pool.get().unwrap());
    // Scheduled for today: a relationship that nothing blocks is due at once.
    let mut c = pool.get().unwrap();
    let admin = common::world::user_id(&mut c, common::world::GLOBAL_ADMIN);
    let now = partnerdesk::util::clock::now_ms();
    let ctx = partnerdesk::services::Ctx {
        user: partnerdesk::auth::CurrentUser {
            id: admin,
            email: common::world::GLOBAL_ADMIN.into(),
            display_name: "Admin".into(),
            partner: w.alpha.clone(),
            roles: vec![partnerdesk::auth::Role::GlobalAdmin],
            csrf_token: String::new(),
            locale: partnerdesk::i18n::Locale::En,
            path: "/".into(),
        },
        request_id: "serve-test".into(),
        correlation_id: None,
        now,
    };
    let today = partnerdesk::util::clock::iso_date(now);
    let links =
        partnerdesk::util::urls::PublicUrl::parse(partnerdesk::config::TEST_PUBLIC_URL).unwrap();
    partnerdesk::services::scheduled_removal::schedule(&mut c, &ctx, &links, &w.ready.id, &today)
        .unwrap();
    drop(c);
    let server = start_in(dir, &[]);
    let started = Instant::now();
    let state = || -> String {
        r::table
            .filter(r::customer_id.eq(&w.ready.id))
            .select(r::relationship_to_partner)
            .first(&mut **pool.get().unwrap())
            .unwrap()
    };
    while state() == "reseller" {
        assert!(started.elapsed() < Duration::from_secs(20), "the scheduled removal did not run");
        std::thread::sleep(Duration::from_millis(100));
    }
    assert_eq!(state(), "none");
    drop(server);
}
