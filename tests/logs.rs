//! Structured logs: with `LOG_FORMAT=json` each line is one JSON object; a request's line names
//! it by its `X-Request-Id` and route pattern and its user and partner by id; and no secret the
//! world handles (passwords, one-time passwords, tokens, session keys, authenticator secrets,
//! recovery codes) appears in the logs.

mod common;

use std::io::Write;
use std::sync::{Arc, Mutex};

use common::world::*;
use common::*;
use diesel::prelude::*;
use partnerdesk::db::schema::sessions;
use partnerdesk::web::logging::{self, LogFormat};

#[derive(Clone, Default)]
struct Capture(Arc<Mutex<Vec<u8>>>);

impl Write for Capture {
    fn write(&mut self, buf: &[u8]) -> std::io::Result<usize> {
        self.0.lock().unwrap().extend_from_slice(buf);
        Ok(buf.len())
    }
    fn flush(&mut self) -> std::io::Result<()> {
        Ok(())
    }
}

const NEW_PASSWORD: &str = "Quiet meadow lantern 42 trombone";

fn one_time_password(r: &Resp) -> String {
    let re = regex::Regex::new(r#"id="one-time-password">([^<]+)</code>"#).unwrap();
    re.captures(&r.body).unwrap_or_else(|| panic!("no one-time password in:\n{}", r.body))[1]
        .to_string()
}

fn invitation_token(r: &Resp) -> String {
    let re =
        regex::Regex::new(r#"id="invitation-link"[^>]*href="[^"]*/invitations/([0-9a-f]{64})""#)
            .unwrap();
    re.captures(&r.body).unwrap_or_else(|| panic!("no invitation link in:\n{}", r.body))[1]
        .to_string()
}

/// The values of a browser's cookies.
fn cookie_values(b: &Browser) -> Vec<String> {
    let jar = b.cookie.clone().unwrap_or_default();
    jar.split("; ").filter_map(|c| c.split_once('=')).map(|(_, v)| v.to_string()).collect()
}

#[actix_web::test]
async fn json_logs_name_requests_by_id_and_pattern_and_hold_no_secret() {
    let capture = Capture::default();
    let writer = capture.clone();
    logging::init(LogFormat::Json, "debug", move || writer.clone()).expect("install the logger");

    let (env, w, app) = Env::with_app().await;
    let mut admin = sign_in(&app, GLOBAL_ADMIN).await;
    // A failed sign-in with a password that is someone's real one, typed for the wrong account.
    let mut stranger = Browser::default();
    get(&app, &mut stranger, "/signin").await;
    post(&app, &mut stranger, "/signin", &[("email", OTHER_ADMIN), ("password", "wrong horse")])
        .await;
    post(&app, &mut stranger, "/signin", &[("email", SALES_AGENT), ("password", NEW_PASSWORD)])
        .await;

    // A new user, their one-time password, first sign-in, authenticator and recovery codes.
    let fields = [
        ("email", "new.person@alpha.test"),
        ("display_name", "New Person"),
        ("role", "sales_agent"),
    ];
    let created = post(&app, &mut admin, "/users", &fields).await;
    let one_time = one_time_password(&created);
    let newbie = first_sign_in(&app, "new.person@alpha.test", &one_time, NEW_PASSWORD).await;

    // An invitation link, shown once.
    let form = [
        ("customer", "new"),
        ("recipient_name", "New Co"),
        ("recipient_email", "admin@newco.example"),
    ];
    let invited = post(&app, &mut admin, "/relationship-requests", &form).await;
    let token = invitation_token(&invited);
    let mut outsider = Browser::default();
    get(&app, &mut outsider, &format!("/invitations/{token}")).await;

    // A page whose path holds an id.
    let page = get(&app, &mut admin, &format!("/customers/{}/subscriptions", w.contoso.id)).await;
    page.assert_status(200);
    let request_id = page.header("x-request-id").expect("an X-Request-Id").to_string();
    post(&app, &mut admin, "/signout", &[]).await;

    let logs = String::from_utf8(capture.0.lock().unwrap().clone()).expect("UTF-8 logs");
    let lines: Vec<serde_json::Value> = logs
        .lines()
        .map(|l| serde_json::from_str(l).unwrap_or_else(|e| panic!("not JSON ({e}): {l}")))
        .collect();
    assert!(lines.iter().all(serde_json::Value::is_object), "a line is not one object");

    // The page's line: its request id, the pattern, the status, a latency and who, by id.
    let line = lines
        .iter()
        .find(|l| l["request_id"] == request_id.as_str())
        .unwrap_or_else(|| panic!("no line for request {request_id} in:\n{logs}"));
    assert_eq!(line["route"], "/customers/{id}/subscriptions", "{line}");
    assert_eq!(line["method"], "GET");
    assert_eq!(line["status"], 200);
    assert!(line["latency_ms"].as_f64().is_some_and(|ms| ms >= 0.0), "{line}");
    assert_eq!(line["user_id"], env.user_id(GLOBAL_ADMIN).as_str());
    assert_eq!(line["partner_id"], w.alpha.id.as_str());

    // Request lines never carry a path (with its ids) or an email address.
    let requests: Vec<&serde_json::Value> =
        lines.iter().filter(|l| l["target"] == "partnerdesk::request").collect();
    assert!(requests.len() >= 15, "too few request lines: {}", requests.len());
    for l in &requests {
        let text = l.to_string();
        assert!(!text.contains('@'), "an email address in a request line: {text}");
        assert!(!text.contains(&w.contoso.id), "an id from a path in a request line: {text}");
    }

    let mut secrets: Vec<(&str, String)> = vec![
        ("the world's password", PASSWORD.into()),
        ("a password typed for the wrong account", NEW_PASSWORD.into()),
        ("a wrong password", "wrong horse".into()),
        ("the authenticator secret", TOTP_SECRET.into()),
        ("the one-time password", one_time.clone()),
        ("the new user's authenticator secret", newbie.secret.clone()),
        ("the invitation token", token.clone()),
    ];
    assert!(!newbie.recovery_codes.is_empty(), "no recovery codes shown");
    secrets.extend(newbie.recovery_codes.iter().map(|c| ("a recovery code", c.clone())));
    for b in [&admin, &newbie.browser, &stranger, &outsider] {
        secrets.extend(cookie_values(b).into_iter().map(|v| ("a cookie's value", v)));
        secrets.extend(b.csrf.clone().map(|t| ("a CSRF token", t)));
    }
    let session_keys: Vec<String> =
        sessions::table.select(sessions::id).load(&mut *env.conn()).unwrap();
    secrets.extend(session_keys.into_iter().map(|k| ("a session key", k)));
    for (what, secret) in &secrets {
        assert!(!secret.is_empty(), "{what} is empty");
        assert!(!logs.contains(secret.as_str()), "{what} ({secret}) is in the logs:\n{logs}");
    }
}
