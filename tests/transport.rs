//! What the server believes of the connection and how much it gives any one client: the public
//! URL as the only source of the site's scheme and host (links, the same-origin check), the
//! client's address (forwarded headers only from a trusted proxy), a deadline for a request's
//! body, and rate limits on the routes that guess or hash secrets.

mod common;

use std::io::{Read, Write};
use std::net::{SocketAddr, TcpStream};
use std::time::{Duration, Instant};

use actix_web::body::MessageBody;
use actix_web::test::TestRequest;
use actix_web::{HttpServer, web};
use common::world::*;
use common::*;
use diesel::prelude::*;
use partnerdesk::db::schema::users;
use partnerdesk::util::net::IpNet;
use partnerdesk::util::urls::PublicUrl;

fn peer(ip: &str) -> SocketAddr {
    SocketAddr::new(ip.parse().unwrap(), 40_000)
}

/// A sign-in attempt from the client at `from`, with extra headers (forwarded ones).
async fn sign_in_from<S, B>(
    app: &S,
    b: &mut Browser,
    email: &str,
    password: &str,
    from: &str,
    headers: &[(&str, &str)],
) -> Resp
where
    S: TestApp<B>,
    B: MessageBody,
{
    let token = b.csrf.clone().unwrap_or_default();
    let mut req = TestRequest::post().uri("/signin").peer_addr(peer(from)).set_form([
        ("email", email),
        ("password", password),
        ("csrf_token", &token),
    ]);
    for (k, v) in headers {
        req = req.insert_header((*k, *v));
    }
    send(app, b, req).await
}

/// Sends requests until one is answered 429; returns it and how many came before it.
async fn until_refused<F, Fut>(most: usize, mut attempt: F) -> (Resp, usize)
where
    F: FnMut(usize) -> Fut,
    Fut: std::future::Future<Output = Resp>,
{
    for i in 0..most {
        let r = attempt(i).await;
        if r.status.as_u16() == 429 {
            return (r, i);
        }
        assert!(r.status.as_u16() < 500, "attempt {i}: {}\n{}", r.status, r.body);
    }
    panic!("{most} attempts and none was refused with 429");
}

#[track_caller]
fn assert_too_many(r: &Resp, sentence: &str) {
    r.assert_status(429).assert_contains(sentence);
    let wait: u64 = r
        .header("retry-after")
        .and_then(|v| v.parse().ok())
        .unwrap_or_else(|| panic!("no Retry-After in seconds: {:?}", r.headers));
    assert!((1..=120).contains(&wait), "Retry-After: {wait}");
}

fn failed_logins(env: &Env, email: &str) -> i32 {
    users::table
        .filter(users::email.eq(email))
        .select(users::failed_logins)
        .first(&mut *env.conn())
        .unwrap()
}

// ---- #11: the public URL ---------------------------------------------------------------------

/// Creates a relationship request with the given headers and returns the link shown once.
async fn invitation_link<S, B>(app: &S, b: &mut Browser, headers: &[(&str, &str)]) -> String
where
    S: TestApp<B>,
    B: MessageBody,
{
    let token = b.csrf.clone().unwrap();
    let mut req = TestRequest::post().uri("/relationship-requests").set_form([
        ("delegated_admin", "off"),
        ("recipient_name", "New Co"),
        ("recipient_email", "admin@newco.example"),
        ("csrf_token", &token),
    ]);
    for (k, v) in headers {
        req = req.insert_header((*k, *v));
    }
    let page = send(app, b, req).await;
    page.assert_status(200);
    let re = regex::Regex::new(r#"id="invitation-link" class="mono" href="([^"]+)""#).unwrap();
    re.captures(&page.body).expect("the invitation link")[1].to_string()
}

#[actix_web::test]
async fn an_invitation_link_is_built_on_the_public_url_whatever_the_request_says() {
    let env = Env::with_config(|c| {
        c.public_url = PublicUrl::parse("https://partnerdesk.example.com").unwrap();
    });
    let app = env.app().await;
    let mut b = sign_in(&app, GLOBAL_ADMIN).await;
    for headers in [
        &[][..],
        &[("Host", "evil.example")][..],
        &[("X-Forwarded-Host", "evil.example"), ("X-Forwarded-Proto", "http")][..],
        &[("Forwarded", "host=evil.example;proto=http")][..],
        &[("Host", "evil.example:8443"), ("X-Forwarded-Host", "evil.example")][..],
    ] {
        let link = invitation_link(&app, &mut b, headers).await;
        assert!(
            link.starts_with("https://partnerdesk.example.com/invitations/"),
            "{headers:?} gave the link {link}"
        );
    }
}

#[actix_web::test]
async fn an_origin_that_is_not_the_public_urls_scheme_host_and_port_is_refused() {
    let env = Env::with_config(|c| {
        c.public_url = PublicUrl::parse("https://partnerdesk.test").unwrap();
    });
    let app = env.app().await;
    let mut b = sign_in(&app, GLOBAL_ADMIN).await;
    let token = b.csrf.clone().unwrap();
    let locale = |origin: &'static str, host: &'static str| {
        TestRequest::post()
            .uri("/locale")
            .insert_header(("Host", host))
            .insert_header(("Origin", origin))
            .set_form([("locale", "en-US"), ("back", "/customers"), ("csrf_token", &token)])
    };
    for (origin, host) in [
        ("http://partnerdesk.test", "partnerdesk.test"),
        ("https://partnerdesk.test:8443", "partnerdesk.test:8443"),
        ("https://evil.example", "evil.example"),
        ("null", "partnerdesk.test"),
    ] {
        let r = send(&app, &mut b, locale(origin, host)).await;
        r.assert_status(403).assert_contains("sent from another site");
    }
    for origin in ["https://partnerdesk.test", "https://PARTNERDESK.test:443"] {
        let r = send(&app, &mut b, locale(origin, "partnerdesk.test")).await;
        r.assert_status(303);
    }
}

// ---- #11: the client's address ---------------------------------------------------------------

#[actix_web::test]
async fn forwarded_headers_name_the_client_only_from_a_trusted_proxy() {
    let env = Env::with_config(|c| c.trusted_proxies = vec![IpNet::parse("10.0.0.1").unwrap()]);
    let app = env.app().await;
    let mut b = at_signin(&app).await;

    // Not a proxy of ours: whatever it forwards, it is one client, limited as one.
    let (r, before) = until_refused(40, |i| {
        let forwarded = format!("198.51.100.{i}");
        let mut b = b.clone();
        let app = &app;
        async move {
            let email = format!("nobody{i}@nowhere.test");
            let headers = [("X-Forwarded-For", forwarded.as_str()), ("Forwarded", "for=192.0.2.1")];
            sign_in_from(app, &mut b, &email, "guess-guess", "203.0.113.5", &headers).await
        }
    })
    .await;
    assert_too_many(&r, "Too many attempts");
    assert!(before >= 30, "refused after {before} attempts");

    // Through the trusted proxy the forwarded address is the client: one of them is limited
    // (its own claims to the left of the proxy's entry count for nothing)...
    let (r, _) = until_refused(40, |i| {
        let forwarded = format!("203.0.113.{i}, 198.51.100.7");
        let mut b = b.clone();
        let app = &app;
        async move {
            let email = format!("somebody{i}@nowhere.test");
            let headers = [("X-Forwarded-For", forwarded.as_str())];
            sign_in_from(app, &mut b, &email, "guess-guess", "10.0.0.1", &headers).await
        }
    })
    .await;
    assert_too_many(&r, "Too many attempts");
    // ...while another client behind the same proxy still gets an answer, by either header.
    for headers in
        [[("X-Forwarded-For", "198.51.100.8")], [("Forwarded", "for=\"198.51.100.9:5000\"")]]
    {
        sign_in_from(&app, &mut b, "x@nowhere.test", "guess-guess", "10.0.0.1", &headers)
            .await
            .assert_status(401);
    }
    sign_in_from(
        &app,
        &mut b,
        GLOBAL_ADMIN,
        PASSWORD,
        "10.0.0.1",
        &[("X-Forwarded-For", "198.51.100.10")],
    )
    .await
    .assert_status(303);
}

/// Only `web::client` reads forwarded headers or `connection_info()` (which believes them):
/// nothing else can take a client's word for the site's host or the client's address.
#[test]
fn only_web_client_reads_forwarded_headers() {
    let mut offenders = Vec::new();
    let mut stack = vec![std::path::PathBuf::from("src")];
    while let Some(dir) = stack.pop() {
        for entry in std::fs::read_dir(&dir).unwrap() {
            let path = entry.unwrap().path();
            if path.is_dir() {
                stack.push(path);
                continue;
            }
            if path.extension().is_none_or(|e| e != "rs") || path.ends_with("web/client.rs") {
                continue;
            }
            let text = std::fs::read_to_string(&path).unwrap().to_ascii_lowercase();
            // Code, not prose: the calls and header names as code writes them.
            for needle in [
                "connection_info(",
                "realip_remote_addr",
                "peer_addr(",
                "\"x-forwarded",
                "\"forwarded\"",
                "header::forwarded",
                "header::x_forwarded",
                "\"x-real-ip\"",
            ] {
                if text.contains(needle) {
                    offenders.push(format!("{} mentions {needle}", path.display()));
                }
            }
        }
    }
    assert!(offenders.is_empty(), "{}", offenders.join("\n"));
}

// ---- #10: rate limits ------------------------------------------------------------------------

#[actix_web::test]
async fn hammering_one_account_is_refused_while_another_account_signs_in() {
    let (env, _, app) = Env::with_app().await;
    let mut b = at_signin(&app).await;
    let (r, before) =
        until_refused(40, |_| {
            let mut b = b.clone();
            let app = &app;
            async move {
                sign_in_from(app, &mut b, SALES_AGENT, "guess-guess", "203.0.113.9", &[]).await
            }
        })
        .await;
    assert_too_many(&r, "Too many attempts");
    // More than the lockout's ten: a person who mistypes meets the lock's message first.
    assert!(before >= 12, "refused after {before} attempts");
    assert!(r.body.contains("<html"), "a page: {}", r.body);

    // A refused attempt changes nothing: no failure counted, no audit row, no lock moved.
    let (failures, audits) = (failed_logins(&env, SALES_AGENT), env.audit_count(Audits::all()));
    let before_db = snapshot(&mut env.conn());
    let again = sign_in_from(
        &app,
        &mut b,
        SALES_AGENT,
        PASSWORD,
        "203.0.113.9",
        &[("Accept-Language", "pl")],
    )
    .await;
    assert_too_many(&again, "Zbyt wiele prób");
    assert_eq!(failed_logins(&env, SALES_AGENT), failures);
    assert_eq!(env.audit_count(Audits::all()), audits);
    assert_eq!(snapshot(&mut env.conn()), before_db);

    // Another account, from the same address, still signs in.
    sign_in_from(&app, &mut b, GLOBAL_ADMIN, PASSWORD, "203.0.113.9", &[]).await.assert_status(303);
}

#[actix_web::test]
async fn one_address_is_limited_across_accounts_and_others_are_not() {
    let (_env, _, app) = Env::with_app().await;
    let b = at_signin(&app).await;
    let (r, before) = until_refused(40, |i| {
        let mut b = b.clone();
        let app = &app;
        async move {
            let email = format!("nobody{i}@nowhere.test");
            sign_in_from(app, &mut b, &email, "guess-guess", "203.0.113.20", &[]).await
        }
    })
    .await;
    assert_too_many(&r, "Too many attempts");
    assert!(before >= 30, "refused after {before} attempts");
    let mut other = b.clone();
    sign_in_from(&app, &mut other, SALES_AGENT, PASSWORD, "203.0.113.21", &[])
        .await
        .assert_status(303);
}

#[actix_web::test]
async fn password_changes_resets_and_invitation_acceptance_are_limited() {
    let (env, _, app, mut admin) = Env::signed_in(GLOBAL_ADMIN).await;

    // Guessing one's own current password.
    let (r, _) = until_refused(25, |_| {
        let mut b = admin.clone();
        let app = &app;
        async move {
            let fields = [
                ("current_password", "not my password"),
                ("new_password", "a new long password 1"),
                ("confirm_password", "a new long password 1"),
            ];
            post(app, &mut b, "/password", &fields).await
        }
    })
    .await;
    assert_too_many(&r, "Too many attempts");
    assert!(r.body.contains(r#"action="/signout""#), "the page keeps the navigation: {}", r.body);
    // htmx gets the sentence as a toast, with the same status and Retry-After.
    let toast = hx_post(&app, &mut admin, "/password", &[("current_password", "x")]).await;
    assert_too_many(&toast, "Too many attempts");
    assert!(!toast.body.contains("<html"), "a fragment: {}", toast.body);

    // An admin resetting passwords in a loop (the same admin: the password limit is theirs).
    let reset = format!("/users/{}/reset-password", env.user_id(SALES_AGENT));
    let (r, _) = until_refused(25, |_| {
        let mut b = admin.clone();
        let (app, reset) = (&app, reset.clone());
        async move { post(app, &mut b, &reset, &[]).await }
    })
    .await;
    assert_too_many(&r, "Too many attempts");
    let before = snapshot(&mut env.conn());
    post(&app, &mut admin, &reset, &[]).await.assert_status(429);
    assert_eq!(before, snapshot(&mut env.conn()), "a refused reset changed something");

    // An invitation's public page, guessed at by someone with the link.
    let link = invitation_link(&app, &mut admin, &[]).await;
    let path = link[link.find("/invitations/").expect("an invitation link")..].to_string();
    let (r, before) = until_refused(25, |_| {
        let app = &app;
        let path = path.clone();
        async move {
            let mut anyone = Browser::default();
            post(app, &mut anyone, &path, &[("primary_domain", "not a domain")]).await
        }
    })
    .await;
    assert_too_many(&r, "Too many attempts");
    assert!(before >= 8, "refused after {before} attempts");
}

// ---- #10: the request body's deadline --------------------------------------------------------

/// The application on a real HTTP server on 127.0.0.1: its port.
fn serve(env: &Env) -> u16 {
    let state = env.state.clone();
    let server = HttpServer::new(move || partnerdesk::build_app(state.clone()))
        .workers(1)
        .disable_signals()
        .shutdown_timeout(1)
        .bind(("127.0.0.1", 0))
        .expect("bind 127.0.0.1:0");
    let port = server.addrs()[0].port();
    actix_web::rt::spawn(server.run());
    port
}

/// Sends `head` and then `body` (each part after `pause`) on a new connection, and reads the
/// answer: its status line and the seconds it took from the head, or None when nothing came
/// within `wait` (or the connection closed without an answer).
async fn slow_exchange(
    port: u16,
    head: String,
    body: Vec<&'static str>,
    pause: Duration,
    wait: Duration,
) -> Option<(String, f64)> {
    web::block(move || {
        let mut s = TcpStream::connect(("127.0.0.1", port)).unwrap();
        s.set_read_timeout(Some(wait)).unwrap();
        s.write_all(head.as_bytes()).unwrap();
        let started = Instant::now();
        let writer = s.try_clone().unwrap();
        std::thread::spawn(move || {
            let mut w = writer;
            for part in body {
                std::thread::sleep(pause);
                if w.write_all(part.as_bytes()).is_err() {
                    return;
                }
            }
        });
        let mut answer = Vec::new();
        let mut buf = [0u8; 4096];
        while !answer.windows(4).any(|w| w == b"\r\n\r\n") {
            match s.read(&mut buf) {
                Ok(0) | Err(_) => break,
                Ok(n) => answer.extend_from_slice(&buf[..n]),
            }
        }
        let text = String::from_utf8_lossy(&answer).to_string();
        let status = text.lines().next().unwrap_or_default().to_string();
        (!status.is_empty()).then(|| (status, started.elapsed().as_secs_f64()))
    })
    .await
    .unwrap()
}

fn head(path: &str, content_type: &str, length: usize) -> String {
    format!(
        "POST {path} HTTP/1.1\r\nHost: partnerdesk.test\r\nContent-Type: {content_type}\r\n\
         Content-Length: {length}\r\n\r\n"
    )
}

#[actix_web::test]
async fn a_body_that_does_not_arrive_in_time_is_answered_408_and_no_handler_runs() {
    let env = Env::with_config(|c| c.body_timeout = Duration::from_secs(1));
    let port = serve(&env);
    let form = "application/x-www-form-urlencoded";
    let audits = env.audit_count(Audits::all());
    let wait = Duration::from_secs(6);

    // Seven bytes of a thousand promised, then nothing.
    let (status, took) =
        slow_exchange(port, head("/signin", form, 1000), vec!["email=a"], Duration::ZERO, wait)
            .await
            .expect("an answer before the client gave up");
    assert!(status.contains(" 408 "), "{status}");
    assert!(took < 3.0, "answered after {took:.1} s");

    // A body that keeps trickling in: the deadline is for the whole body, not between bytes.
    let trickle = vec!["e", "m", "a", "i", "l", "=", "a", "@", "b", "&", "p", "=", "x"];
    let (status, took) =
        slow_exchange(port, head("/signin", form, 500), trickle, Duration::from_millis(250), wait)
            .await
            .expect("an answer before the client gave up");
    assert!(status.contains(" 408 "), "{status}");
    assert!(took < 3.0, "answered after {took:.1} s");

    // Not a form, to a handler that reads no body: it waits all the same.
    let (status, _) =
        slow_exchange(port, head("/signout", "text/plain", 1000), vec!["x"], Duration::ZERO, wait)
            .await
            .expect("an answer before the client gave up");
    assert!(status.contains(" 408 "), "{status}");

    // A promised body larger than any form is refused at once, without reading it.
    let (status, took) =
        slow_exchange(port, head("/signin", form, 1 << 20), vec!["email=a"], Duration::ZERO, wait)
            .await
            .expect("an answer before the client gave up");
    assert!(status.contains(" 400 ") || status.contains(" 413 "), "{status}");
    assert!(took < 1.0, "answered after {took:.1} s");

    // No sign-in was attempted: no handler ran.
    assert_eq!(env.audit_count(Audits::all()), audits);
}
