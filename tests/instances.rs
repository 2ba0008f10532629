//! Several instances over one PostgreSQL database, as a real deployment runs them: real HTTP
//! servers on ephemeral ports, each with its own pool, sharing sessions through the database.
//! PostgreSQL only (SQLite is one process's file); skipped loudly without it, and never
//! skipped under CI (see tests/common/skip.rs).

mod common;

use std::io::{Read, Write};
use std::net::TcpStream;
use std::time::{Duration, Instant};

use actix_web::cookie::Key;
use actix_web::dev::ServerHandle;
use actix_web::{HttpServer, web};
use common::world::{self, GLOBAL_ADMIN, PASSWORD};
use common::{TestDb, new_postgres_database};
use diesel::prelude::*;
use partnerdesk::config::Config;
use partnerdesk::db::{self, DbUrl};
use partnerdesk::web::state::AppState;

/// The PostgreSQL server these tests use: `TEST_DATABASE_URL` when the run is on PostgreSQL, else
/// `TEST_POSTGRES_URL` (which `.ci/run` sets for its SQLite pass too). Without either the test
/// is skipped (`common::skip`), which fails it under CI, where a skipped multi-instance test
/// would hide a missing database. To run them here:
/// `TEST_POSTGRES_URL=postgres://root@127.0.0.1:5432/test cargo test --test instances`.
fn postgres_or_skip(test: &str) -> Option<String> {
    let url = common::postgres_url()
        .or_else(|| std::env::var("TEST_POSTGRES_URL").ok().filter(|u| u.starts_with("postgres")));
    if url.is_none() {
        common::skip::skip(test, "needs PostgreSQL (TEST_POSTGRES_URL unset)");
    }
    url
}

/// A database of the test's own on that server (dropped with the handle), or None when skipped.
fn database_or_skip(test: &str) -> Option<(DbUrl, TestDb)> {
    postgres_or_skip(test).map(new_postgres_database)
}

/// The standard world, written into the database at `url`.
fn build_world(url: &DbUrl) -> world::World {
    let pool = db::connect(url, &Config::for_tests(url.clone()).pool).expect("open database");
    world::build(&mut pool.get().unwrap())
}

/// One running instance: its port and the handle that stops it.
struct Instance {
    port: u16,
    handle: ServerHandle,
}

impl Instance {
    /// Starts a real HTTP server on 127.0.0.1 (ephemeral port) with its own pool, its settings
    /// the tests' own after `tweak`.
    fn start(url: &DbUrl, key: &Key, tweak: impl FnOnce(&mut Config)) -> Instance {
        let mut config = Config::for_tests(url.clone());
        tweak(&mut config);
        let pool = db::connect(url, &config.pool).expect("open the instance's pool");
        let state = web::Data::new(AppState::new(pool, config, key.clone()));
        let server = HttpServer::new(move || partnerdesk::build_app(state.clone()))
            .workers(1)
            .disable_signals()
            .shutdown_timeout(1)
            .bind("127.0.0.1:0")
            .expect("bind an ephemeral port");
        let port = server.addrs()[0].port();
        let server = server.run();
        let handle = server.handle();
        actix_web::rt::spawn(server);
        Instance { port, handle }
    }

    async fn stop(self) {
        // actix-server 2.9's worker reads its connection counter as `raw - 1`, and the raw value
        // can be 0 for a moment after a connection ended before the accept thread counted it;
        // a stop in that moment panics the worker (debug builds). Let the counter settle first.
        actix_web::rt::time::sleep(Duration::from_millis(200)).await;
        self.handle.stop(false).await;
    }
}

/// An answer, read whole.
#[derive(Debug)]
struct Answer {
    status: u16,
    headers: Vec<(String, String)>,
    body: String,
}

impl Answer {
    fn header(&self, name: &str) -> Option<&str> {
        self.headers.iter().find(|(k, _)| k.eq_ignore_ascii_case(name)).map(|(_, v)| v.as_str())
    }

    fn csrf_token(&self) -> Option<String> {
        let re = regex::Regex::new(r#"name="csrf_token" value="([0-9a-f]+)""#).unwrap();
        re.captures(&self.body).map(|c| c[1].to_string())
    }

    #[track_caller]
    fn expect(&self, status: u16, what: &str) -> &Self {
        assert_eq!(self.status, status, "{what}: unexpected status; body:\n{}", self.body);
        self
    }
}

/// Cookies as a browser keeps them: name → value, as one `Cookie` header.
#[derive(Clone, Default, Debug)]
struct Jar(Vec<(String, String)>);

impl Jar {
    fn header(&self) -> Option<String> {
        (!self.0.is_empty())
            .then(|| self.0.iter().map(|(k, v)| format!("{k}={v}")).collect::<Vec<_>>().join("; "))
    }

    fn take(&mut self, answer: &Answer) {
        for (name, value) in &answer.headers {
            if !name.eq_ignore_ascii_case("set-cookie") {
                continue;
            }
            let Some((k, v)) = value.split(';').next().and_then(|kv| kv.split_once('=')) else {
                continue;
            };
            let (k, v) = (k.trim().to_string(), v.trim().to_string());
            self.0.retain(|(n, _)| *n != k);
            let expired = value.to_ascii_lowercase().contains("max-age=0");
            if !expired && !v.is_empty() {
                self.0.push((k, v));
            }
        }
    }
}

/// One HTTP/1.1 exchange over a plain `TcpStream` (`Connection: close`, read to the end).
fn exchange(
    port: u16,
    method: &str,
    path: &str,
    cookie: Option<&str>,
    form: Option<&[(&str, &str)]>,
) -> std::io::Result<Answer> {
    let mut stream = TcpStream::connect(("127.0.0.1", port))?;
    stream.set_read_timeout(Some(Duration::from_secs(30)))?;
    let mut req = format!(
        "{method} {path} HTTP/1.1\r\nHost: 127.0.0.1:{port}\r\nConnection: close\r\nUser-Agent: partnerdesk-tests\r\n"
    );
    if let Some(c) = cookie {
        req.push_str(&format!("Cookie: {c}\r\n"));
    }
    let body = form.map(|f| serde_urlencoded::to_string(f).expect("urlencode the form"));
    match &body {
        Some(b) => req.push_str(&format!(
            "Content-Type: application/x-www-form-urlencoded\r\nContent-Length: {}\r\n\r\n{b}",
            b.len()
        )),
        None => req.push_str("\r\n"),
    }
    stream.write_all(req.as_bytes())?;
    let mut raw = Vec::new();
    stream.read_to_end(&mut raw)?;
    parse(&raw)
}

fn parse(raw: &[u8]) -> std::io::Result<Answer> {
    let bad = |what: &str| std::io::Error::new(std::io::ErrorKind::InvalidData, what.to_string());
    let split =
        raw.windows(4).position(|w| w == b"\r\n\r\n").ok_or_else(|| bad("no header end"))?;
    let head = String::from_utf8_lossy(&raw[..split]).to_string();
    let mut body = raw[split + 4..].to_vec();
    let mut lines = head.split("\r\n");
    let status_line = lines.next().ok_or_else(|| bad("no status line"))?;
    let status = status_line
        .split(' ')
        .nth(1)
        .and_then(|s| s.parse::<u16>().ok())
        .ok_or_else(|| bad("bad status line"))?;
    let headers: Vec<(String, String)> = lines
        .filter_map(|l| l.split_once(':'))
        .map(|(k, v)| (k.trim().to_string(), v.trim().to_string()))
        .collect();
    let chunked = headers.iter().any(|(k, v)| {
        k.eq_ignore_ascii_case("transfer-encoding") && v.eq_ignore_ascii_case("chunked")
    });
    if chunked {
        body = dechunk(&body).ok_or_else(|| bad("bad chunked body"))?;
    }
    Ok(Answer { status, headers, body: String::from_utf8_lossy(&body).to_string() })
}

fn dechunk(mut data: &[u8]) -> Option<Vec<u8>> {
    let mut out = Vec::new();
    loop {
        let line_end = data.windows(2).position(|w| w == b"\r\n")?;
        let size_text = std::str::from_utf8(&data[..line_end]).ok()?;
        let size = usize::from_str_radix(size_text.split(';').next()?.trim(), 16).ok()?;
        data = &data[line_end + 2..];
        if size == 0 {
            return Some(out);
        }
        out.extend_from_slice(data.get(..size)?);
        data = data.get(size + 2..)?;
    }
}

/// A request from the test, run on the blocking pool so the servers' runtime keeps going.
async fn http(
    port: u16,
    method: &'static str,
    path: &str,
    jar: &Jar,
    form: Option<Vec<(String, String)>>,
) -> Answer {
    let (path, cookie) = (path.to_string(), jar.header());
    let what = format!("{method} {path} on port {port}");
    web::block(move || {
        let form: Option<Vec<(&str, &str)>> =
            form.as_ref().map(|f| f.iter().map(|(k, v)| (k.as_str(), v.as_str())).collect());
        exchange(port, method, &path, cookie.as_deref(), form.as_deref())
    })
    .await
    .expect("the blocking pool")
    .unwrap_or_else(|e| panic!("{what}: {e}"))
}

fn fields(pairs: &[(&str, &str)]) -> Option<Vec<(String, String)>> {
    Some(pairs.iter().map(|(k, v)| (k.to_string(), v.to_string())).collect())
}

/// Signs the Global Administrator in on the instance at `port`: the sign-in form's own token and
/// cookie, then the session cookie.
async fn sign_in(port: u16) -> Jar {
    let mut jar = Jar::default();
    let form = http(port, "GET", "/signin", &jar, None).await;
    form.expect(200, "sign-in form");
    jar.take(&form);
    let token = form.csrf_token().expect("a token on the sign-in form");
    let signed_in = http(
        port,
        "POST",
        "/signin",
        &jar,
        fields(&[("email", GLOBAL_ADMIN), ("password", PASSWORD), ("csrf_token", &token)]),
    )
    .await;
    signed_in.expect(303, "sign-in");
    jar.take(&signed_in);
    // The second step: the first authenticator code not used by an earlier sign-in.
    let page = http(port, "GET", "/signin/code", &jar, None).await;
    page.expect(200, "the code page");
    let token = page.csrf_token().expect("a token on the code page");
    for offset in common::CODE_OFFSETS {
        let code = common::totp_code(world::TOTP_SECRET, offset);
        let fields = fields(&[("code", &code), ("csrf_token", &token)]);
        let answer = http(port, "POST", "/signin/code", &jar, fields).await;
        jar.take(&answer);
        if answer.status == 303 {
            break;
        }
    }
    assert!(
        jar.0.iter().any(|(k, _)| k == "partnerdesk"),
        "no session cookie after signing in: {jar:?}"
    );
    jar
}

#[actix_web::test]
async fn two_instances_share_sessions_and_state() {
    let started = Instant::now();
    let Some((url, _db)) = database_or_skip("two_instances_share_sessions_and_state") else {
        return;
    };
    let w = build_world(&url);
    let key = Key::generate();
    let a = Instance::start(&url, &key, |_| ());
    let b = Instance::start(&url, &key, |_| ());
    assert_ne!(a.port, b.port);

    // Sign in on A.
    let mut jar = sign_in(a.port).await;
    let signed_in_cookie = jar.clone();

    // The same cookie is a session on B.
    let list_b = http(b.port, "GET", "/customers", &jar, None).await;
    list_b.expect(200, "customers on B with A's cookie");
    assert!(list_b.body.contains("Fabrikam Ready"), "B does not list Fabrikam Ready");
    jar.take(&list_b);
    let token = list_b.csrf_token().expect("a CSRF token on B's page");

    // Remove the relationship on B.
    let removal = format!("/customers/{}/remove-relationship", w.ready.id);
    let removed = http(b.port, "POST", &removal, &jar, fields(&[("csrf_token", &token)])).await;
    removed.expect(303, "removal on B");
    let receipt = removed.header("location").unwrap_or_default().to_string();
    assert!(receipt.starts_with(&format!("/customers/{}/receipts/", w.ready.id)), "{receipt}");
    jar.take(&removed);

    // A sees it: the receipt B wrote, with B's message (stored in the shared session), and the
    // customer off the list.
    let receipt_a = http(a.port, "GET", &receipt, &jar, None).await;
    receipt_a.expect(200, "the receipt on A");
    assert!(
        receipt_a.body.contains("Reseller relationship with Fabrikam Ready removed"),
        "A does not show the message B left in the session:\n{}",
        receipt_a.body
    );
    jar.take(&receipt_a);
    let list_a = http(a.port, "GET", "/customers", &jar, None).await;
    list_a.expect(200, "customers on A");
    assert!(
        !list_a.body.contains(&format!("/customers/{}/", w.ready.id)),
        "A still links to the removed customer:\n{}",
        list_a.body
    );
    assert!(list_a.body.contains("Contoso Ltd"), "A lost its other customers");
    jar.take(&list_a);
    let again = http(a.port, "GET", "/customers", &jar, None).await;
    again.expect(200, "customers on A, again");
    assert!(!again.body.contains("Fabrikam Ready"), "A still lists Fabrikam Ready");
    jar.take(&again);

    // Sign out on A; B no longer accepts the old cookie.
    let token = again.csrf_token().expect("a CSRF token on A's page");
    let out = http(a.port, "POST", "/signout", &jar, fields(&[("csrf_token", &token)])).await;
    out.expect(303, "sign-out on A");
    let after = http(b.port, "GET", "/customers", &signed_in_cookie, None).await;
    after.expect(303, "customers on B with the signed-out cookie");
    let location = after.header("location").unwrap_or_default();
    assert!(location.starts_with("/signin"), "B redirects to {location:?}, not to /signin");

    a.stop().await;
    b.stop().await;
    eprintln!("two_instances_share_sessions_and_state: {:.1} s", started.elapsed().as_secs_f64());
}

#[actix_web::test]
async fn readyz_reports_503_when_the_database_goes_away() {
    let started = Instant::now();
    let Some((url, handle)) = database_or_skip("readyz_reports_503_when_the_database_goes_away")
    else {
        return;
    };
    let TestDb::Postgres { admin_url, name } = &handle else {
        unreachable!("database_or_skip made a PostgreSQL database")
    };
    let timeout = Duration::from_secs(2);
    let instance = Instance::start(&url, &Key::generate(), |c| c.pool.connection_timeout = timeout);
    let none = Jar::default();

    let ready = http(instance.port, "GET", "/readyz", &none, None).await;
    ready.expect(200, "/readyz with the database");

    // FORCE ends the pool's connections; the pool opens no new ones until it is asked for one,
    // but retry in case a connection slipped in between.
    let mut admin = diesel::pg::PgConnection::establish(admin_url).expect("admin connection");
    let drop_it = format!("DROP DATABASE {name} WITH (FORCE)");
    let mut attempt = 0;
    while let Err(e) = diesel::sql_query(&drop_it).execute(&mut admin) {
        attempt += 1;
        assert!(attempt < 5, "could not drop the instance's database: {e}");
        std::thread::sleep(Duration::from_millis(200));
    }

    let asked = Instant::now();
    let gone = http(instance.port, "GET", "/readyz", &none, None).await;
    let waited = asked.elapsed();
    gone.expect(503, "/readyz without the database");
    assert!(gone.header("retry-after").is_some(), "503 without Retry-After: {:?}", gone.headers);
    assert!(
        waited < timeout + Duration::from_secs(5),
        "/readyz took {waited:?} to notice (pool timeout {timeout:?})"
    );
    // The process itself is still up.
    http(instance.port, "GET", "/healthz", &none, None).await.expect(200, "/healthz");

    instance.stop().await;
    eprintln!(
        "readyz_reports_503_when_the_database_goes_away: 503 after {:.1} s; {:.1} s in all",
        waited.as_secs_f64(),
        started.elapsed().as_secs_f64()
    );
}

/// The server ends the pool's only connection (a restart, an administrator, a network drop).
/// Taken straight back, the connection is not checked (`ALIVE_BYPASS`), so one request may meet
/// it dead: that one is told to try again (503), never given a 500, and the connection is
/// replaced. Left idle past the bypass window, it is checked when taken, and no request fails.
#[actix_web::test]
async fn a_connection_the_server_ended_is_replaced_after_at_most_one_failed_request() {
    let test = "a_connection_the_server_ended_is_replaced_after_at_most_one_failed_request";
    let started = Instant::now();
    let Some((url, handle)) = database_or_skip(test) else {
        return;
    };
    let TestDb::Postgres { admin_url, name } = &handle else {
        unreachable!("database_or_skip made a PostgreSQL database")
    };
    build_world(&url);
    let instance = Instance::start(&url, &Key::generate(), |c| c.pool.max_size = 1);
    let jar = sign_in(instance.port).await;
    let mut admin = diesel::pg::PgConnection::establish(admin_url).expect("admin connection");
    let backends = |admin: &mut diesel::pg::PgConnection| -> Vec<i32> {
        #[derive(QueryableByName)]
        struct Pid {
            #[diesel(sql_type = diesel::sql_types::Integer)]
            pid: i32,
        }
        diesel::sql_query("SELECT pid FROM pg_stat_activity WHERE datname = $1")
            .bind::<diesel::sql_types::Text, _>(name)
            .load::<Pid>(admin)
            .expect("the database's connections")
            .into_iter()
            .map(|p| p.pid)
            .collect()
    };

    for idle in [Duration::ZERO, db::ALIVE_BYPASS + Duration::from_millis(300)] {
        http(instance.port, "GET", "/customers", &jar, None).await.expect(200, "customers");
        let before = backends(&mut admin);
        assert_eq!(before.len(), 1, "a pool of one holds one connection: {before:?}");
        actix_web::rt::time::sleep(idle).await;
        diesel::sql_query(format!("SELECT pg_terminate_backend({})", before[0]))
            .execute(&mut admin)
            .expect("end the pool's connection");

        let mut statuses = Vec::new();
        for _ in 0..3 {
            let page = http(instance.port, "GET", "/customers", &jar, None).await;
            if page.status == 503 {
                assert!(page.header("retry-after").is_some(), "503 without Retry-After");
                assert!(
                    page.body.contains("try again in a moment"),
                    "503 without a sentence:\n{}",
                    page.body
                );
            }
            statuses.push(page.status);
        }
        match idle.is_zero() {
            true => assert!(
                matches!(statuses[..], [200 | 503, 200, 200]),
                "in use when it ended: {statuses:?} (one 503 at most, then served)"
            ),
            false => assert_eq!(statuses, [200, 200, 200], "idle when it ended"),
        }
        let after = backends(&mut admin);
        assert_eq!(after.len(), 1, "{after:?}");
        assert_ne!(after, before, "the ended connection is still in the pool");
    }
    instance.stop().await;
    eprintln!("{test}: {:.1} s", started.elapsed().as_secs_f64());
}
