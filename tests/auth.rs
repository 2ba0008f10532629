//! Sign-in, sessions, CSRF, security headers, health.

mod common;

use actix_web::test::TestRequest;
use common::world::*;
use common::*;
use diesel::prelude::*;
use partnerdesk::db::schema::{audit_log, sessions, users};
use partnerdesk::util::clock::now_ms;

#[actix_web::test]
async fn every_page_but_sign_in_requires_a_session() {
    let (_env, w, app) = Env::with_app().await;
    let mut anon = Browser::default();
    for path in ["/", "/customers", &format!("/customers/{}/account", w.contoso.id)] {
        let r = get(&app, &mut anon, path).await;
        if path == "/" {
            r.assert_status(303);
            continue;
        }
        r.assert_status(303);
        assert!(r.location().unwrap().starts_with("/signin?next="), "{path} → {:?}", r.location());
    }
    get(&app, &mut anon, "/signin").await.assert_status(200).assert_contains("Sign in");
    // htmx requests are told where to go with HX-Redirect.
    let r = hx_get(&app, &mut anon, "/customers").await;
    assert_eq!(r.header("HX-Redirect"), Some("/signin"));
}

#[actix_web::test]
async fn wrong_password_and_unknown_user_get_the_same_answer_and_are_audited() {
    let (env, _, app) = Env::with_app().await;
    let mut b = at_signin(&app).await;
    let wrong =
        post(&app, &mut b, "/signin", &[("email", GLOBAL_ADMIN), ("password", "not the password")])
            .await;
    let unknown = post(
        &app,
        &mut b,
        "/signin",
        &[("email", "nobody@alpha.test"), ("password", "not the password")],
    )
    .await;
    wrong.assert_status(401);
    unknown.assert_status(401);
    let msg = "The email or password is not right";
    wrong.assert_contains(msg).assert_contains(GLOBAL_ADMIN);
    unknown.assert_contains(msg);
    assert!(!b.has_session(), "a failed sign-in must not start a session");
    let failed: Vec<(String, Option<String>)> = audit_log::table
        .filter(audit_log::operation.eq("login_failed"))
        .select((audit_log::actor, audit_log::new_value))
        .load(&mut *env.conn())
        .unwrap();
    assert_eq!(failed.len(), 2);
    assert!(failed.iter().all(|(_, v)| !v.as_deref().unwrap_or("").contains("not the password")));
}

#[actix_web::test]
async fn account_locks_after_repeated_failures_and_the_right_password_waits() {
    let (env, _, app) = Env::with_app().await;
    let mut b = at_signin(&app).await;
    for _ in 0..10 {
        post(&app, &mut b, "/signin", &[("email", SALES_AGENT), ("password", "guess-guess")])
            .await
            .assert_status(401);
    }
    // Locked: even the right password is refused, with the same message.
    post(&app, &mut b, "/signin", &[("email", SALES_AGENT), ("password", PASSWORD)])
        .await
        .assert_status(401);
    let locked: Option<i64> = users::table
        .filter(users::email.eq(SALES_AGENT))
        .select(users::locked_until)
        .first(&mut *env.conn())
        .unwrap();
    assert!(locked.unwrap() > now_ms());
    // When the lock has passed, the right password works and resets the count.
    diesel::update(users::table.filter(users::email.eq(SALES_AGENT)))
        .set(users::locked_until.eq(Some(now_ms() - 1)))
        .execute(&mut *env.conn())
        .unwrap();
    post(&app, &mut b, "/signin", &[("email", SALES_AGENT), ("password", PASSWORD)])
        .await
        .assert_status(303);
    enter_code(&app, &mut b, TOTP_SECRET).await;
    let failures: i32 = users::table
        .filter(users::email.eq(SALES_AGENT))
        .select(users::failed_logins)
        .first(&mut *env.conn())
        .unwrap();
    assert_eq!(failures, 0);
}

#[actix_web::test]
async fn sign_in_returns_only_to_local_paths() {
    let (_env, _, app) = Env::with_app().await;
    let cases = [
        ("//evil.example/x", "/"),
        ("/customers?q=con", "/customers?q=con"),
        // A browser drops the tab and follows `//evil.example`.
        ("/\t/evil.example", "/"),
        // Control characters cannot go into a Location header: not a 500, the start page.
        ("/\r\nSet-Cookie: x=y", "/"),
        ("/a\x0bb", "/"),
        ("/a\x7fb", "/"),
    ];
    // Each case signs in another user (a code is good once).
    for ((next, location), (_, email)) in cases.into_iter().zip(ALPHA_USERS) {
        let mut b = at_signin(&app).await;
        let fields = [("email", *email), ("password", PASSWORD), ("next", next)];
        let r = post(&app, &mut b, "/signin", &fields).await;
        assert_eq!(r.location(), Some("/signin/code"), "next={next:?}");
        let r = enter_code(&app, &mut b, TOTP_SECRET).await;
        assert_eq!(r.location(), Some(location), "next={next:?}");
    }
    // A signed-in visitor of the sign-in page is sent on at once, by the same rule.
    let mut b = sign_in(&app, GLOBAL_ADMIN).await;
    for (next, location) in [
        ("/%09/evil.example", "/"),
        ("%2F%5Cevil.example", "/"),
        ("%5C%5Cevil.example", "/"),
        ("https%3A%2F%2Fevil.example", "/"),
        ("%2F%E2%88%95evil.example", "/"),
        ("%EF%BC%8F%EF%BC%8Fevil.example", "/"),
        ("/%252F%252Fevil.example", "/%2F%2Fevil.example"),
        ("/%0D%0ASet-Cookie:%20x=y", "/"),
        ("%2F%2Fevil.example", "/"),
        ("/customers", "/customers"),
    ] {
        let r = get(&app, &mut b, &format!("/signin?next={next}")).await;
        r.assert_status(303);
        assert_eq!(r.location(), Some(location), "GET next={next}");
    }
}

#[actix_web::test]
async fn sign_out_ends_the_session_on_the_server() {
    let (env, _, app, mut b) = Env::signed_in(GLOBAL_ADMIN).await;
    let stolen = b.clone();
    post(&app, &mut b, "/signout", &[]).await.assert_status(303);
    let live: i64 = sessions::table
        .filter(sessions::user_id.is_not_null())
        .count()
        .get_result(&mut *env.conn())
        .unwrap();
    assert_eq!(live, 0);
    // The old cookie, replayed, is not signed in.
    let mut replay = stolen;
    let r = get(&app, &mut replay, "/customers").await;
    r.assert_status(303);
}

#[actix_web::test]
async fn a_disabled_user_is_out_on_the_next_request() {
    let (env, _, app, mut b) = Env::signed_in(GLOBAL_ADMIN).await;
    diesel::update(users::table.filter(users::email.eq(GLOBAL_ADMIN)))
        .set(users::active.eq(false))
        .execute(&mut *env.conn())
        .unwrap();
    get(&app, &mut b, "/customers").await.assert_status(303);
}

#[actix_web::test]
async fn unsafe_requests_need_the_sessions_csrf_token() {
    let (env, w, app, mut b) = Env::signed_in(GLOBAL_ADMIN).await;
    let other = sign_in(&app, ADMIN_AGENT).await;
    let before = snapshot(&mut env.conn());
    let path = format!("/customers/{}/remove-relationship", w.ready.id);

    for token in [None, Some("0".repeat(64)), other.csrf.clone()] {
        let mut form = vec![];
        if let Some(t) = &token {
            form.push(("csrf_token", t.as_str()));
        }
        let req = TestRequest::post().uri(&path).set_form(form);
        send(&app, &mut b, req).await.assert_status(403).assert_contains("Reload the page");
    }
    // A wrong header token is refused even when the form field is right.
    let req = TestRequest::post()
        .uri(&path)
        .insert_header(("X-CSRF-Token", "nope"))
        .set_form([("csrf_token", b.csrf.clone().unwrap())]);
    send(&app, &mut b, req).await.assert_status(403);
    // A cross-site request is refused even with the right token.
    let req = TestRequest::post()
        .uri(&path)
        .insert_header(("Sec-Fetch-Site", "cross-site"))
        .set_form([("csrf_token", b.csrf.clone().unwrap())]);
    send(&app, &mut b, req).await.assert_status(403);
    let req = TestRequest::post()
        .uri(&path)
        .insert_header(("Origin", "https://evil.example"))
        .set_form([("csrf_token", b.csrf.clone().unwrap())]);
    send(&app, &mut b, req).await.assert_status(403);
    assert_eq!(before, snapshot(&mut env.conn()));
    // GET never changes state.
    get(&app, &mut b, &path).await.assert_status(200);
    assert_eq!(before, snapshot(&mut env.conn()));
}

#[actix_web::test]
async fn security_headers_on_pages_errors_and_static_files() {
    let (_env, _, app, mut b) = Env::signed_in(GLOBAL_ADMIN).await;
    let version = partnerdesk::views::assets::version();
    for (path, status) in [
        ("/customers".to_string(), 200),
        ("/customers/nope/account".to_string(), 404),
        ("/no/such/page".to_string(), 404),
        (format!("/static/css/app.css?v={version}"), 200),
        ("/signin".to_string(), 303),
    ] {
        let r = get(&app, &mut b, &path).await;
        r.assert_status(status);
        let csp = r.header("content-security-policy").unwrap_or_default();
        assert!(
            csp.contains("default-src 'self'") && csp.contains("frame-ancestors 'none'"),
            "{path}: {csp}"
        );
        assert!(!csp.contains("unsafe-inline") && !csp.contains("unsafe-eval"));
        assert_eq!(r.header("x-content-type-options"), Some("nosniff"), "{path}");
        assert!(r.header("referrer-policy").is_some(), "{path}");
        assert!(r.header("vary").unwrap_or_default().contains("HX-Request"), "{path}");
        if !path.starts_with("/static") {
            assert_eq!(r.header("cache-control"), Some("no-store"), "{path}");
        }
    }
    // A signed-in user's 404 keeps the navigation.
    get(&app, &mut b, "/customers/nope/account")
        .await
        .assert_contains("Sign out")
        .assert_contains("does not exist");
}

#[actix_web::test]
async fn session_cookie_is_http_only_and_same_site() {
    let (_env, _, app) = Env::with_app().await;
    let mut b = at_signin(&app).await;
    let req = TestRequest::post()
        .uri("/signin")
        .insert_header(("Cookie", b.cookie.clone().unwrap()))
        .set_form([
            ("email", GLOBAL_ADMIN),
            ("password", PASSWORD),
            ("csrf_token", &b.csrf.clone().unwrap()),
        ]);
    let res = actix_web::test::call_service(&app, req.to_request()).await;
    assert_eq!(res.status().as_u16(), 303);
    let cookie = res
        .headers()
        .get_all("set-cookie")
        .map(|v| v.to_str().unwrap().to_string())
        .find(|c| c.starts_with("partnerdesk="))
        .expect("a session cookie");
    assert!(
        cookie.contains("HttpOnly") && cookie.contains("SameSite=Lax") && cookie.contains("Path=/"),
        "{cookie}"
    );
    b.cookie = None;
}

#[actix_web::test]
async fn the_sign_in_form_needs_its_own_token() {
    let (_env, _, app) = Env::with_app().await;
    // No token at all, a token without its cookie, and a cookie with another token: 403.
    let mut fresh = Browser::default();
    let r =
        post(&app, &mut fresh, "/signin", &[("email", GLOBAL_ADMIN), ("password", PASSWORD)]).await;
    r.assert_status(403).assert_contains("The sign-in form has expired");
    let mut b = at_signin(&app).await;
    let mut no_cookie = Browser { cookie: None, csrf: b.csrf.clone() };
    post(&app, &mut no_cookie, "/signin", &[("email", GLOBAL_ADMIN), ("password", PASSWORD)])
        .await
        .assert_status(403);
    let other = at_signin(&app).await;
    b.csrf = other.csrf.clone();
    let mut mixed = Browser { cookie: at_signin(&app).await.cookie, csrf: other.csrf };
    post(&app, &mut mixed, "/signin", &[("email", GLOBAL_ADMIN), ("password", PASSWORD)])
        .await
        .assert_status(403);
    assert!(!mixed.has_session() && !no_cookie.has_session() && !fresh.has_session());
    // A cross-site sign-in POST is refused even with a matching pair.
    let b = at_signin(&app).await;
    let req = TestRequest::post()
        .uri("/signin")
        .insert_header(("Cookie", b.cookie.clone().unwrap()))
        .insert_header(("Sec-Fetch-Site", "cross-site"))
        .set_form([
            ("email", GLOBAL_ADMIN),
            ("password", PASSWORD),
            ("csrf_token", &b.csrf.clone().unwrap()),
        ]);
    let res = actix_web::test::call_service(&app, req.to_request()).await;
    assert_eq!(res.status().as_u16(), 403);
}

#[actix_web::test]
async fn health_and_readiness() {
    let (_env, _, app) = Env::with_app().await;
    let mut b = Browser::default();
    get(&app, &mut b, "/healthz").await.assert_status(200);
    get(&app, &mut b, "/readyz").await.assert_status(200).assert_contains("ready");
}

#[actix_web::test]
async fn changing_the_password_checks_policy_and_ends_other_sessions() {
    let (env, _, app, mut b) = Env::signed_in(ADMIN_AGENT).await;
    let mut elsewhere = sign_in(&app, ADMIN_AGENT).await;
    get(&app, &mut b, "/password").await.assert_status(200);
    let new = "a much better passphrase";
    for (current, new_pw, confirm, msg) in [
        ("wrong current", new, new, "Your current password is not right."),
        (PASSWORD, "short", "short", "at least 8 characters"),
        (PASSWORD, "password123", "password123", "easy to guess"),
        (PASSWORD, "alpha partners 1", "alpha partners 1", "easy to guess"),
        (PASSWORD, new, "something else", "not the same"),
    ] {
        post(
            &app,
            &mut b,
            "/password",
            &[
                ("current_password", current),
                ("new_password", new_pw),
                ("confirm_password", confirm),
            ],
        )
        .await
        .assert_status(422)
        .assert_contains(msg);
    }
    let long = "x".repeat(129);
    post(
        &app,
        &mut b,
        "/password",
        &[("current_password", PASSWORD), ("new_password", &long), ("confirm_password", &long)],
    )
    .await
    .assert_status(422)
    .assert_contains("at most 128");
    let r = post(
        &app,
        &mut b,
        "/password",
        &[("current_password", PASSWORD), ("new_password", new), ("confirm_password", new)],
    )
    .await;
    r.assert_status(303);
    // This browser stays signed in with a new session; the other one is out.
    get(&app, &mut b, "/password").await.assert_status(200).assert_contains("Password changed.");
    get(&app, &mut elsewhere, "/customers").await.assert_status(303);
    // The new password works, the old one does not.
    let mut fresh = at_signin(&app).await;
    post(&app, &mut fresh, "/signin", &[("email", ADMIN_AGENT), ("password", PASSWORD)])
        .await
        .assert_status(401);
    let mut fresh = at_signin(&app).await;
    post(&app, &mut fresh, "/signin", &[("email", ADMIN_AGENT), ("password", new)])
        .await
        .assert_status(303);
    assert_eq!(env.audit_count(Audits::of("change_password")), 1);
}

#[actix_web::test]
async fn stored_hashes_meet_the_policy_and_weak_ones_are_replaced_at_sign_in() {
    use argon2::password_hash::{PasswordHasher, SaltString, rand_core::OsRng};
    let (env, _, app) = Env::with_app().await;
    // A hash with weaker parameters than the policy (m = 4096, t = 1).
    let weak = argon2::Argon2::new(
        argon2::Algorithm::Argon2id,
        argon2::Version::V0x13,
        argon2::Params::new(4096, 1, 1, None).unwrap(),
    )
    .hash_password(PASSWORD.as_bytes(), &SaltString::generate(&mut OsRng))
    .unwrap()
    .to_string();
    assert!(partnerdesk::auth::password::needs_rehash(&weak));
    diesel::update(users::table.filter(users::email.eq(HELPDESK_AGENT)))
        .set(users::password_hash.eq(&weak))
        .execute(&mut *env.conn())
        .unwrap();
    sign_in(&app, HELPDESK_AGENT).await;
    let stored: String = users::table
        .filter(users::email.eq(HELPDESK_AGENT))
        .select(users::password_hash)
        .first(&mut *env.conn())
        .unwrap();
    assert!(stored.starts_with("$argon2id$v=19$m=19456,t=2,p=1$"), "{stored}");
    assert!(!partnerdesk::auth::password::needs_rehash(&stored));
}

fn session_rows(env: &Env) -> Vec<(String, String)> {
    sessions::table
        .filter(sessions::user_id.is_not_null())
        .select((sessions::id, sessions::state))
        .load(&mut *env.conn())
        .unwrap()
}

#[actix_web::test]
async fn idle_and_absolute_session_timeouts() {
    let (env, _, app, mut b) = Env::signed_in(GLOBAL_ADMIN).await;
    // Idle: the server-side expiry has passed.
    diesel::update(sessions::table)
        .set(sessions::expires_at.eq(now_ms() - 1))
        .execute(&mut *env.conn())
        .unwrap();
    get(&app, &mut b, "/customers").await.assert_status(303);
    // Absolute: signed in longer ago than the absolute timeout, though active.
    let mut b = sign_in(&app, GLOBAL_ADMIN).await;
    for (id, state) in session_rows(&env) {
        let mut map: std::collections::HashMap<String, String> =
            serde_json::from_str(&state).unwrap();
        let nine_hours_ago = now_ms() - 9 * 3600 * 1000;
        map.insert("login_at".into(), nine_hours_ago.to_string());
        diesel::update(sessions::table.find(id))
            .set(sessions::state.eq(serde_json::to_string(&map).unwrap()))
            .execute(&mut *env.conn())
            .unwrap();
    }
    get(&app, &mut b, "/customers").await.assert_status(303);
}

#[actix_web::test]
async fn refused_forgeries_are_audited_without_the_token() {
    let (env, w, app, mut b) = Env::signed_in(GLOBAL_ADMIN).await;
    let token = b.csrf.clone().unwrap();
    let path = format!("/customers/{}/remove-relationship", w.ready.id);
    send(&app, &mut b, TestRequest::post().uri(&path).set_form([("csrf_token", "bad")]))
        .await
        .assert_status(403);
    let rows: Vec<(String, Option<String>, Option<String>)> = audit_log::table
        .filter(audit_log::operation.eq("csrf_rejected"))
        .select((audit_log::actor, audit_log::resource_id, audit_log::new_value))
        .load(&mut *env.conn())
        .unwrap();
    assert_eq!(rows.len(), 1);
    assert_eq!(rows[0].0, GLOBAL_ADMIN);
    assert_eq!(rows[0].1.as_deref(), Some(format!("POST {path}").as_str()));
    let all: Vec<String> = audit_log::table
        .select(audit_log::new_value.assume_not_null())
        .filter(audit_log::new_value.is_not_null())
        .load(&mut *env.conn())
        .unwrap();
    assert!(all.iter().all(|v| !v.contains(&token)), "a token leaked into the audit log");
}

#[actix_web::test]
async fn a_removed_role_counts_on_the_next_request() {
    use partnerdesk::db::schema::user_roles;
    let (env, w, app, mut b) = Env::signed_in(GLOBAL_ADMIN).await;
    let path = format!("/customers/{}/account", w.ready.id);
    get(&app, &mut b, &path).await.assert_lacks(r#"aria-disabled="true""#);
    let uid = env.user_id(GLOBAL_ADMIN);
    diesel::update(user_roles::table.filter(user_roles::user_id.eq(&uid)))
        .set(user_roles::role.eq("sales_agent"))
        .execute(&mut *env.conn())
        .unwrap();
    get(&app, &mut b, &path)
        .await
        .assert_contains(r#"aria-disabled="true""#)
        .assert_contains("Requires the Global admin role.");
    let remove = format!("/customers/{}/remove-relationship", w.ready.id);
    post(&app, &mut b, &remove, &[]).await.assert_status(403);
}

#[actix_web::test]
async fn signing_in_again_replaces_the_session_key() {
    let (_env, _, app, first) = Env::signed_in(GLOBAL_ADMIN).await;
    let mut again = first.clone();
    get(&app, &mut again, "/signin").await; // signed in: redirected, the form is not shown
    let mut b = at_signin(&app).await;
    b.cookie = Some(format!("{}; {}", first.cookie.clone().unwrap(), b.cookie.clone().unwrap()));
    let r = post(&app, &mut b, "/signin", &[("email", SALES_AGENT), ("password", PASSWORD)]).await;
    r.assert_status(303);
    assert_ne!(first.cookie, b.cookie, "the session key must change at sign-in");
    // The first key is dead: a browser that kept it is not signed in.
    let mut old = first.clone();
    get(&app, &mut old, "/customers").await.assert_status(303);
}

#[actix_web::test]
async fn a_database_failure_is_a_500_page_with_a_sentence_and_headers() {
    let (env, w, app, mut b) = Env::signed_in(GLOBAL_ADMIN).await;
    diesel::sql_query("DROP TABLE reservations").execute(&mut *env.conn()).unwrap();
    let r = get(&app, &mut b, &format!("/customers/{}/subscriptions", w.contoso.id)).await;
    r.assert_status(500).assert_contains("Something went wrong on our side");
    assert_security_headers(&r, "500 page");
    assert_eq!(r.header("cache-control"), Some("no-store"));
}

/// A request still in flight when the user's sessions are ended (password reset, role change,
/// own password change) must not write its session back: the store never recreates a signed-in
/// session it did not find.
#[actix_web::test]
async fn an_ended_session_is_not_written_back_by_a_request_in_flight() {
    use actix_session::storage::SessionStore;
    use partnerdesk::web::session::USER_ID_KEY;
    use partnerdesk::web::session_store::DbSessionStore;

    let env = Env::new();
    let store = DbSessionStore::new(env.pool.clone());
    let user_id = env.user_id(GLOBAL_ADMIN);
    let ttl = actix_web::cookie::time::Duration::minutes(30);
    let state: std::collections::HashMap<String, String> =
        [(USER_ID_KEY.to_string(), serde_json::to_string(&user_id).unwrap())].into();
    let live = |env: &Env| -> i64 {
        sessions::table
            .filter(sessions::user_id.eq(&user_id))
            .count()
            .get_result(&mut *env.conn())
            .unwrap()
    };
    let key = store.save(state.clone(), &ttl).await.unwrap();
    assert_eq!(live(&env), 1);
    // The sessions end while the request is being served...
    diesel::delete(sessions::table.filter(sessions::user_id.eq(&user_id)))
        .execute(&mut *env.conn())
        .unwrap();
    // ... and the request then saves the state it changed.
    let _ = store.update(key, state, &ttl).await;
    assert_eq!(live(&env), 0, "the ended session came back");
}

/// A refused request's route is recorded without the secret an invitation's address carries,
/// and a refused request from nobody signed in writes no audit row (anyone could fill the table).
#[actix_web::test]
async fn refused_requests_record_no_invitation_token_and_anonymous_ones_no_row() {
    let (env, _, app, mut b) = Env::signed_in(GLOBAL_ADMIN).await;
    let token = "5".repeat(64);
    let path = format!("/invitations/{token}");
    let cross_site = || {
        TestRequest::post()
            .uri(&path)
            .insert_header(("Sec-Fetch-Site", "cross-site"))
            .set_form([("country", "PL")])
    };
    send(&app, &mut b, cross_site()).await.assert_status(403);
    let routes: Vec<Option<String>> = audit_log::table
        .filter(audit_log::operation.eq("csrf_rejected"))
        .select(audit_log::resource_id)
        .load(&mut *env.conn())
        .unwrap();
    assert_eq!(routes, [Some("POST /invitations/…".to_string())]);

    let mut nobody = Browser::default();
    send(&app, &mut nobody, cross_site()).await.assert_status(403);
    let rows = env.audit_count(Audits::of("csrf_rejected"));
    assert_eq!(rows, 1, "a refused anonymous request wrote an audit row");
}

/// With secure cookies (HTTPS), every answer asks browsers to stay on HTTPS for a year; on plain
/// http (the demo) it does not.
#[actix_web::test]
async fn secure_mode_sends_hsts() {
    let env = Env::new();
    let mut config = partnerdesk::config::Config::for_tests(env.state.config.database.clone());
    config.cookie_secure = true;
    let secure = actix_web::web::Data::new(partnerdesk::web::state::AppState::new(
        env.pool.clone(),
        config,
        actix_web::cookie::Key::generate(),
    ));
    let app = app_of(secure).await;
    let r = get(&app, &mut Browser::default(), "/signin").await;
    let hsts = r.header("strict-transport-security").unwrap_or_default();
    let max_age: u64 =
        hsts.strip_prefix("max-age=").and_then(|v| v.split(';').next()?.parse().ok()).unwrap_or(0);
    assert!(max_age >= 31_536_000, "HSTS: {hsts:?}");
    // The sign-in form's cookie, removed after sign-in, is removed as a Secure cookie too (a
    // `__Host-` cookie without Secure is refused by browsers).
    let mut b = at_signin(&app).await;
    let r = post(&app, &mut b, "/signin", &[("email", GLOBAL_ADMIN), ("password", PASSWORD)]).await;
    let removal = r
        .headers
        .get_all("set-cookie")
        .filter_map(|v| v.to_str().ok())
        .find(|c| c.starts_with("__Host-partnerdesk-signin="))
        .expect("the sign-in cookie is removed");
    assert!(removal.contains("Secure"), "{removal}");
    let plain = env.app().await;
    let r = get(&plain, &mut Browser::default(), "/signin").await;
    assert_eq!(r.header("strict-transport-security"), None);
}
