//! Whatever a client sends, the answer is a 4xx or a redirect, never a 5xx, and a refused
//! request changes nothing. Inputs come from proptest strategies: random bytes, NUL, invalid
//! UTF-8, unknown enum values, huge values, duplicate and injected fields. Cases per endpoint:
//! `PROPTEST_CASES`, else 1000 under CI and 150 elsewhere.

mod common;

use actix_web::test::TestRequest;
use common::world::*;
use common::*;
use proptest::prelude::*;
use proptest::strategy::ValueTree;
use proptest::test_runner::{Config, TestRunner};

fn cases() -> u32 {
    std::env::var("PROPTEST_CASES")
        .ok()
        .and_then(|v| v.parse().ok())
        .unwrap_or(if common::skip::ci() { 1000 } else { 150 })
}

/// Draws `cases()` values of a strategy (deterministic per test name, so a failure repeats).
fn draw<T: std::fmt::Debug>(strategy: impl Strategy<Value = T>, seed: &str) -> Vec<T> {
    let mut seed_bytes = [0u8; 32];
    for (i, b) in seed.bytes().enumerate() {
        seed_bytes[i % 32] ^= b;
    }
    let mut runner = TestRunner::new_with_rng(
        Config::default(),
        proptest::test_runner::TestRng::from_seed(
            proptest::test_runner::RngAlgorithm::ChaCha,
            &seed_bytes,
        ),
    );
    (0..cases()).map(|_| strategy.new_tree(&mut runner).unwrap().current()).collect()
}

/// Text a form field might carry: plausible values, junk, NUL, very long, non-ASCII.
fn field_value() -> impl Strategy<Value = String> {
    prop_oneof![
        Just("active".to_string()),
        Just("suspended".to_string()),
        Just("deleted".to_string()),
        Just("m365-bp".to_string()),
        Just("P1M".to_string()),
        Just("pl-PL".to_string()),
        Just("new".to_string()),
        Just("user_management_admin".to_string()),
        Just("sales_agent".to_string()),
        Just("someone@alpha.test".to_string()),
        Just("//evil.example/".to_string()),
        Just("-1".to_string()),
        Just("99999999999999999999".to_string()),
        Just("\0".to_string()),
        Just("<script>alert(1)</script>".to_string()),
        "[0-9]{1,12}",
        ".{0,40}",
        "\\PC{0,200}",
        proptest::collection::vec(any::<char>(), 0..50).prop_map(|v| v.into_iter().collect()),
        (1usize..5000).prop_map(|n| "x".repeat(n)),
    ]
}

fn field_name() -> impl Strategy<Value = String> {
    prop_oneof![
        Just("status".to_string()),
        Just("offer_id".to_string()),
        Just("quantity".to_string()),
        Just("term".to_string()),
        Just("partner_id".to_string()),
        Just("role".to_string()),
        Just("user_id".to_string()),
        Just("current_password".to_string()),
        Just("new_password".to_string()),
        Just("confirm_password".to_string()),
        Just("locale".to_string()),
        Just("back".to_string()),
        Just("customer".to_string()),
        Just("primary_domain".to_string()),
        Just("email".to_string()),
        "[a-z_]{1,12}",
    ]
}

/// A form body: the endpoint's own fields with random values plus injected or duplicate ones,
/// random fields, or raw random bytes (sometimes larger than the form limit).
fn body(required: &'static [&'static str]) -> impl Strategy<Value = Vec<u8>> {
    let own = proptest::collection::vec(field_value(), required.len()..=required.len()).prop_map(
        move |values| required.iter().map(|n| n.to_string()).zip(values).collect::<Vec<_>>(),
    );
    let extra = proptest::collection::vec((field_name(), field_value()), 0..4);
    prop_oneof![
        4 => (own, extra).prop_map(|(mut own, extra)| {
            own.extend(extra);
            serde_urlencoded::to_string(own).unwrap().into_bytes()
        }),
        2 => proptest::collection::vec((field_name(), field_value()), 0..8)
            .prop_map(|fields| serde_urlencoded::to_string(fields).unwrap().into_bytes()),
        1 => proptest::collection::vec(any::<u8>(), 0..512),
        1 => (0usize..3).prop_map(|_| vec![b'a'; 70 * 1024]),
    ]
}

/// A path segment: real ids, junk, encoded NUL and invalid UTF-8, traversal.
fn segment(real: Vec<String>) -> impl Strategy<Value = String> {
    prop_oneof![
        8 => proptest::sample::select(real),
        1 => Just("%00".to_string()),
        1 => Just("%FF%FE".to_string()),
        1 => Just("..%2F..%2Fetc".to_string()),
        1 => Just("00000000-0000-0000-0000-000000000000".to_string()),
        1 => "[a-zA-Z0-9-]{1,40}",
        1 => proptest::collection::vec(any::<u8>(), 1..30)
            .prop_map(|b| b.iter().map(|x| format!("%{x:02X}")).collect()),
    ]
}

#[actix_web::test]
async fn forms_never_fail_and_refusals_change_nothing() {
    // Each form is sent hundreds of times: the rate limits (tests/transport.rs) would answer
    // most of them 429 before the form is read.
    let env = Env::without_rate_limits();
    let w = env.world.clone();
    let app = env.app().await;
    let mut b = sign_in(&app, GLOBAL_ADMIN).await;
    let token = b.csrf.clone().unwrap();
    let customers = vec![w.contoso.id.clone(), w.ready.id.clone(), w.beta_customer.id.clone()];
    let subs = vec![
        w.contoso_base.clone(),
        w.contoso_addon.clone(),
        w.ready_sub.clone(),
        w.beta_sub.clone(),
    ];
    let plan = add_savings_plan(&mut env.conn(), &w.alpha, &w.contoso, "Contoso compute");
    let items =
        vec![w.contoso_reservation.clone(), plan, w.contoso_software.clone(), w.beta_sub.clone()];
    // Invitation links: for a new customer and for a named one (Fabrikam Ready, no longer a
    // customer), and another partner's.
    let tokens: Vec<String> = (0..3).map(|_| partnerdesk::util::tokens::random_token()).collect();
    let users = vec![env.user_id(SALES_AGENT), env.user_id(GLOBAL_ADMIN), env.user_id(OTHER_ADMIN)];
    let requests = {
        use diesel::prelude::*;
        use partnerdesk::db::schema::{relationship_requests as rr, relationships as r};
        let mut c = env.conn();
        let new = add_request(&mut c, &w.alpha, GLOBAL_ADMIN, &tokens[0], false);
        let named = add_request(&mut c, &w.alpha, GLOBAL_ADMIN, &tokens[1], true);
        diesel::update(rr::table.find(&named))
            .set(rr::invited_customer_id.eq(Some(&w.ready.id)))
            .execute(&mut *c)
            .unwrap();
        diesel::update(r::table.filter(r::customer_id.eq(&w.ready.id)))
            .set(r::relationship_to_partner.eq("none"))
            .execute(&mut *c)
            .unwrap();
        let other = add_request(&mut c, &w.beta, OTHER_ADMIN, &tokens[2], false);
        vec![new, named, other]
    };
    let templates: [(&str, &'static [&'static str]); 16] = [
        ("/customers/{c}/subscriptions/{s}/status", &["status"]),
        ("/customers/{c}/subscriptions", &["offer_id", "quantity", "term"]),
        ("/customers/{c}/remove-relationship", &[]),
        ("/customers/{c}/removal-approval/reject", &["reason"]),
        ("/customers/{c}/reservations/{s}/cancel", &[]),
        ("/customers/{c}/savings-plans/{s}/cancel", &[]),
        ("/customers/{c}/software/{s}/cancel", &[]),
        ("/password", &["current_password", "new_password", "confirm_password"]),
        ("/locale", &["locale", "back"]),
        ("/signout-not-a-route", &[]),
        (
            "/relationship-requests",
            &["customer", "delegated_admin", "recipient_name", "recipient_email"],
        ),
        ("/invitations/{c}", &["primary_domain", "company_name", "country"]),
        ("/users", &["email", "display_name", "role"]),
        ("/users/{c}/roles", &["role"]),
        // Last: a new link replaces the tokens the invitation page's bodies use.
        ("/relationship-requests/{c}/extend", &[]),
        ("/relationship-requests/{c}/resend", &[]),
    ];
    for (template, required) in templates {
        let ids =
            if ["reservations", "savings-plans", "software"].iter().any(|k| template.contains(k)) {
                items.clone()
            } else {
                subs.clone()
            };
        let firsts = if template.starts_with("/invitations") {
            tokens.clone()
        } else if template.starts_with("/relationship-requests/") {
            requests.clone()
        } else if template.starts_with("/users") {
            users.clone()
        } else {
            customers.clone()
        };
        let strategy = (segment(firsts), segment(ids), body(required), any::<bool>());
        let mut seen = std::collections::BTreeMap::<u16, u32>::new();
        for (c, s, body, header_token) in draw(strategy, template) {
            let path = template.replace("{c}", &c).replace("{s}", &s);
            let mut req = TestRequest::post()
                .uri(&path)
                .insert_header(("Content-Type", "application/x-www-form-urlencoded"));
            // The token in the header (htmx) or prepended as a field (plain form).
            let body = if header_token {
                req = req.insert_header(("X-CSRF-Token", token.clone()));
                body
            } else {
                let mut with = format!("csrf_token={token}&").into_bytes();
                with.extend(body);
                with
            };
            // Cancels change something only once asked: answer, so that the change is tried.
            let body = if template.ends_with("/cancel") {
                [b"confirmed=yes&".as_slice(), &body].concat()
            } else {
                body
            };
            let before = snapshot(&mut env.conn());
            let r = send(&app, &mut b, req.set_payload(body.clone())).await;
            let status = r.status.as_u16();
            *seen.entry(status).or_default() += 1;
            assert_security_headers(&r, &path);
            assert!(
                status < 500,
                "POST {path} with {:?} → {status}\n{}",
                String::from_utf8_lossy(&body),
                r.body
            );
            assert!(status != 200 || r.body.contains("<"), "POST {path}: empty 200");
            if status >= 400 {
                assert_eq!(
                    before,
                    snapshot(&mut env.conn()),
                    "POST {path} was refused ({status}) but changed the database"
                );
                assert!(!r.body.trim().is_empty(), "POST {path}: {status} without a sentence");
            }
            if !b.has_session() {
                // A random request may not sign the browser out; if it did, sign in again.
                b = sign_in(&app, GLOBAL_ADMIN).await;
            }
        }
        eprintln!("POST {template}: answers {seen:?}");
    }
}

#[actix_web::test]
async fn pages_and_queries_never_fail() {
    let (env, w, app, mut b) = Env::signed_in(SALES_AGENT).await;
    let customers = vec![w.contoso.id.clone(), w.beta_customer.id.clone()];
    let subs = vec![w.contoso_base.clone(), w.beta_sub.clone()];
    let query = proptest::collection::vec(
        (
            prop_oneof![
                Just("q"),
                Just("after_name"),
                Just("after_id"),
                Just("next"),
                Just("q[]"),
                Just("customer")
            ],
            field_value(),
        ),
        0..4,
    )
    .prop_map(|pairs| serde_urlencoded::to_string(pairs).unwrap());
    let strategy = (segment(customers), segment(subs), query, 0usize..11);
    for (c, s, q, which) in draw(strategy, "pages") {
        let path = [
            format!("/customers?{q}"),
            format!("/customers/{c}/subscriptions?{q}"),
            format!("/customers/{c}/subscriptions/{s}"),
            format!("/customers/{c}/account"),
            format!("/customers/{c}/remove-relationship"),
            format!("/signin?{q}"),
            format!("/customers/{c}"),
            format!("/relationship-requests?{q}"),
            format!("/invitations/{c}"),
            format!("/customers/{c}/subscriptions/{s}/cancel?{q}"),
            format!("/customers/{c}/delegated-admin/remove"),
        ][which]
            .clone();
        let before = snapshot(&mut env.conn());
        let r = get(&app, &mut b, &path).await;
        assert!(r.status.as_u16() < 500, "GET {path} → {}\n{}", r.status, r.body);
        assert_eq!(before, snapshot(&mut env.conn()), "GET {path} changed the database");
    }
}

#[actix_web::test]
async fn hostile_names_render_inert_on_every_page() {
    let (env, _, app, mut b) = Env::signed_in(GLOBAL_ADMIN).await;
    let evil = r#"<script>alert("x")</script><img src=x onerror=alert(1)> & 'quoted'"#;
    let (cust, sub, res, plan, sw) = {
        let mut c = env.conn();
        let cust = add_customer(&mut c, &env.world.alpha, evil, true);
        let sub = add_subscription(
            &mut c,
            &env.world.alpha,
            &cust,
            ("m365-bp", evil, "new_commerce"),
            "active",
            None,
        );
        // Bought now: inside its cancellation window, so that its Cancel question is asked.
        set_bought(&mut c, &sub, partnerdesk::util::clock::now_ms());
        let res = add_reservation(&mut c, &env.world.alpha, &cust, evil);
        let plan = add_savings_plan(&mut c, &env.world.alpha, &cust, evil);
        let sw = add_software(&mut c, &env.world.alpha, &cust, evil, 2);
        (cust, sub, res, plan, sw)
    };
    for path in [
        "/customers".to_string(),
        format!("/customers?q={}", "%3Cscript"),
        format!("/customers/{}/subscriptions", cust.id),
        format!("/customers/{}/subscriptions/{sub}", cust.id),
        format!("/customers/{}/account", cust.id),
        format!("/customers/{}/remove-relationship", cust.id),
        format!("/customers/{}/subscriptions/{sub}/cancel", cust.id),
        format!("/customers/{}/reservations/{res}/cancel", cust.id),
        format!("/customers/{}/savings-plans/{plan}/cancel", cust.id),
        format!("/customers/{}/software/{sw}/cancel", cust.id),
        format!("/customers/{}/delegated-admin/remove", cust.id),
    ] {
        let r = get(&app, &mut b, &path).await;
        r.assert_status(200);
        assert!(
            !r.body.contains("<script>alert") && !r.body.contains("<img src=x"),
            "{path} renders markup from data"
        );
    }
}

/// A browser between the steps of signing in as `email`, on the page of `step` (which gives it
/// the session's token).
async fn between_steps<S, B>(app: &S, email: &str, password: &str, step: &str) -> Browser
where
    S: TestApp<B>,
    B: actix_web::body::MessageBody,
{
    let mut b = at_signin(app).await;
    let r = post(app, &mut b, "/signin", &[("email", email), ("password", password)]).await;
    assert_eq!(r.location(), Some(step), "{email}: {}", r.body);
    get(app, &mut b, step).await.assert_status(200);
    b
}

#[actix_web::test]
async fn the_sign_in_steps_never_fail_and_refusals_change_nothing() {
    use diesel::prelude::*;
    use partnerdesk::db::schema::users;
    const ONE_TIME: &str = "kT4wQ9mZ2xR7pL3nV8sB";
    let (env, w, app) = Env::with_app().await;
    let otp = add_user_with_one_time_password(
        &mut env.conn(),
        &w.alpha,
        "otp@alpha.test",
        &[partnerdesk::models::role::Role::SalesAgent],
        ONE_TIME,
    );
    let enrolling = add_user(&mut env.conn(), &w.alpha, "enrol@alpha.test", &[]);
    diesel::update(users::table.find(&enrolling))
        .set(users::totp_confirmed_at.eq(None::<i64>))
        .execute(&mut *env.conn())
        .unwrap();
    let steps: [(&str, &str, &str, &'static [&'static str]); 3] = [
        ("/signin/password", "otp@alpha.test", ONE_TIME, &["new_password", "confirm_password"]),
        ("/signin/enrol", "enrol@alpha.test", PASSWORD, &["code"]),
        ("/signin/code", SALES_AGENT, PASSWORD, &["code"]),
    ];
    for (step, email, password, required) in steps {
        let mut b = between_steps(&app, email, password, step).await;
        let mut seen = std::collections::BTreeMap::<u16, u32>::new();
        for body in draw(body(required), step) {
            // Wrong codes lock the account after ten: lift the lock so every case reaches the step.
            diesel::update(users::table.filter(users::email.eq(email)))
                .set((users::failed_logins.eq(0), users::locked_until.eq(None::<i64>)))
                .execute(&mut *env.conn())
                .unwrap();
            let mut with = format!("csrf_token={}&", b.csrf.clone().unwrap()).into_bytes();
            with.extend(&body);
            let req = TestRequest::post()
                .uri(step)
                .insert_header(("Content-Type", "application/x-www-form-urlencoded"))
                .set_payload(with);
            let before = snapshot(&mut env.conn());
            let r = send(&app, &mut b, req).await;
            let status = r.status.as_u16();
            *seen.entry(status).or_default() += 1;
            assert_security_headers(&r, step);
            let shown = String::from_utf8_lossy(&body);
            assert!(status < 500, "POST {step} with {shown:?} → {status}\n{}", r.body);
            if status >= 400 {
                assert_eq!(before, snapshot(&mut env.conn()), "POST {step} {status} changed data");
                assert!(!r.body.trim().is_empty(), "POST {step}: {status} without a sentence");
            }
            if r.location().is_some() {
                // A random body that got through (a password that meets the policy): start over.
                if step == "/signin/password" {
                    let hash = partnerdesk::auth::password::hash_now(ONE_TIME).unwrap();
                    partnerdesk::models::user::set_one_time_password(
                        &mut env.conn(),
                        &otp,
                        &hash,
                        partnerdesk::util::clock::now_ms(),
                    )
                    .unwrap();
                }
                b = between_steps(&app, email, password, step).await;
            }
        }
        eprintln!("POST {step}: answers {seen:?}");
    }
}
