//! Two-step sign-in: the password alone signs nobody in; a code from the authenticator app (each
//! good once) or a recovery code (each good once) does the rest; wrong codes count toward the
//! account lock; one-time passwords are replaced first and expire; a Global admin can reset
//! someone's second step.

mod common;

use common::world::*;
use common::*;
use diesel::prelude::*;
use partnerdesk::db::schema::{sessions, users};
use partnerdesk::models::role::Role;
use partnerdesk::util::clock::{DAY_MS, now_ms};

const ONE_TIME: &str = "kT4wQ9mZ2xR7pL3nV8sB";
const CHOSEN: &str = "lighthouse keeper on a windy cape";

/// A user of Alpha an administrator just added: one-time password `ONE_TIME`, no app yet.
fn newcomer(env: &Env, w: &World, email: &str, role: Role) -> String {
    add_user_with_one_time_password(&mut env.conn(), &w.alpha, email, &[role], ONE_TIME)
}

/// A browser past the password of `email`, at the step it was sent to.
async fn past_password<S, B>(app: &S, email: &str, password: &str) -> (Resp, Browser)
where
    S: TestApp<B>,
    B: actix_web::body::MessageBody,
{
    let mut b = at_signin(app).await;
    let r = post(app, &mut b, "/signin", &[("email", email), ("password", password)]).await;
    (r, b)
}

fn failed_logins(env: &Env, email: &str) -> i32 {
    users::table
        .filter(users::email.eq(email))
        .select(users::failed_logins)
        .first(&mut *env.conn())
        .unwrap()
}

/// A six-digit code that is none of the secret's codes near now.
fn wrong_code() -> String {
    let near: Vec<String> = (-2..=2).map(|k| totp_code(TOTP_SECRET, k * 30)).collect();
    (0..).map(|n| format!("{:06}", 123_456 + n)).find(|c| !near.contains(c)).unwrap()
}

#[actix_web::test]
async fn the_password_alone_signs_nobody_in() {
    let (env, _, app) = Env::with_app().await;
    let (r, mut b) = past_password(&app, SALES_AGENT, PASSWORD).await;
    assert_eq!(r.location(), Some("/signin/code"));
    // Between the steps: no page of the app, no signed-in session, no sign-in on record.
    let r = get(&app, &mut b, "/customers").await;
    assert!(r.location().unwrap().starts_with("/signin"), "{:?}", r.location());
    let signed_in: i64 = sessions::table
        .filter(sessions::user_id.is_not_null())
        .count()
        .get_result(&mut *env.conn())
        .unwrap();
    assert_eq!(signed_in, 0);
    assert_eq!(env.audit_count(Audits::of("login_succeeded")), 0);
    // The code page asks for the code; a wrong one is refused and counted.
    get(&app, &mut b, "/signin/code").await.assert_status(200).assert_contains("Enter your code");
    post(&app, &mut b, "/signin/code", &[("code", &wrong_code())])
        .await
        .assert_status(401)
        .assert_contains("That code is not right");
    assert_eq!(failed_logins(&env, SALES_AGENT), 1);
    // The right code signs in, once on record, and clears the count.
    let r = enter_code(&app, &mut b, TOTP_SECRET).await;
    assert_eq!(r.location(), Some("/"));
    get(&app, &mut b, "/customers").await.assert_status(200);
    assert_eq!(env.audit_count(Audits::of("login_succeeded")), 1);
    assert_eq!(failed_logins(&env, SALES_AGENT), 0);
}

#[actix_web::test]
async fn a_code_is_good_once_even_between_racing_requests() {
    let (env, _, app) = Env::with_app().await;
    let code = totp_code(TOTP_SECRET, 0);
    let (_, mut first) = past_password(&app, ADMIN_AGENT, PASSWORD).await;
    let (_, mut second) = past_password(&app, ADMIN_AGENT, PASSWORD).await;
    get(&app, &mut first, "/signin/code").await;
    get(&app, &mut second, "/signin/code").await;
    let fields = [("code", code.as_str())];
    let (a, b) = tokio::join!(
        post(&app, &mut first, "/signin/code", &fields),
        post(&app, &mut second, "/signin/code", &fields),
    );
    let mut statuses = [a.status.as_u16(), b.status.as_u16()];
    statuses.sort();
    assert_eq!(statuses, [303, 401], "one code signed in twice");
    let refused = if a.status.as_u16() == 401 { a } else { b };
    refused.assert_contains("That code was used already");
    assert_eq!(env.audit_count(Audits::of("login_succeeded")), 1);
}

#[actix_web::test]
async fn wrong_codes_lock_the_account_like_wrong_passwords() {
    let (env, _, app) = Env::with_app().await;
    let (_, mut b) = past_password(&app, HELPDESK_AGENT, PASSWORD).await;
    get(&app, &mut b, "/signin/code").await;
    for _ in 0..9 {
        post(&app, &mut b, "/signin/code", &[("code", &wrong_code())]).await.assert_status(401);
    }
    // The tenth failure locks the account; the next attempt is sent back to sign in, told why.
    post(&app, &mut b, "/signin/code", &[("code", "not-a-recovery-code")]).await.assert_status(401);
    assert_eq!(failed_logins(&env, HELPDESK_AGENT), 10);
    let r = post(&app, &mut b, "/signin/code", &[("code", &totp_code(TOTP_SECRET, 0))]).await;
    r.assert_status(401)
        .assert_contains("locked for a while")
        .assert_contains("action=\"/signin\"");
    // Signing in again does not reset the count: the password is refused while locked.
    let (r, _) = past_password(&app, HELPDESK_AGENT, PASSWORD).await;
    r.assert_status(401);
    assert_eq!(env.audit_count(Audits::of("login_succeeded")), 0);
    assert_eq!(env.audit_count(Audits::of("login_failed").failed()), 11);
}

#[actix_web::test]
async fn one_time_passwords_are_replaced_first_and_expire() {
    let (env, w, app) = Env::with_app().await;
    let id = newcomer(&env, &w, "new@alpha.test", Role::SalesAgent);
    let (r, mut b) = past_password(&app, "new@alpha.test", ONE_TIME).await;
    assert_eq!(r.location(), Some("/signin/password"));
    // Nothing else before the password is replaced: not the app, not the later steps.
    assert!(get(&app, &mut b, "/customers").await.location().unwrap().starts_with("/signin"));
    assert_eq!(get(&app, &mut b, "/signin/enrol").await.location(), Some("/signin/password"));
    assert_eq!(get(&app, &mut b, "/signin/code").await.location(), Some("/signin/password"));
    get(&app, &mut b, "/signin/password")
        .await
        .assert_status(200)
        .assert_contains("Choose your password");
    for (new, says) in [
        ("aaaaaaaa", "easy to guess"),
        (ONE_TIME, "must differ from the one-time password"),
        ("new@alpha.test", "must not be your email address"),
    ] {
        post(&app, &mut b, "/signin/password", &[("new_password", new), ("confirm_password", new)])
            .await
            .assert_status(422)
            .assert_contains(says);
    }
    let fields = [("new_password", CHOSEN), ("confirm_password", CHOSEN)];
    let r = post(&app, &mut b, "/signin/password", &fields).await;
    assert_eq!(r.location(), Some("/signin/enrol"));
    // The one-time password no longer works; the chosen one does.
    past_password(&app, "new@alpha.test", ONE_TIME).await.0.assert_status(401);
    let (r, _) = past_password(&app, "new@alpha.test", CHOSEN).await;
    assert_eq!(r.location(), Some("/signin/enrol"));

    // Another user's one-time password, unused for 7 days, is refused with the reason.
    let late = newcomer(&env, &w, "late@alpha.test", Role::SalesAgent);
    diesel::update(users::table.find(&late))
        .set(users::password_expires_at.eq(Some(now_ms() - 1)))
        .execute(&mut *env.conn())
        .unwrap();
    let (r, _) = past_password(&app, "late@alpha.test", ONE_TIME).await;
    r.assert_status(401).assert_contains("This one-time password expired on");
    let expires: Option<i64> =
        users::table.find(&id).select(users::password_expires_at).first(&mut *env.conn()).unwrap();
    assert_eq!(expires, None, "a chosen password does not expire");
}

#[actix_web::test]
async fn enrolment_shows_the_key_three_ways_and_gives_recovery_codes_good_once() {
    let (env, w, app) = Env::with_app().await;
    newcomer(&env, &w, "new@alpha.test", Role::HelpdeskAgent);
    let (_, mut b) = past_password(&app, "new@alpha.test", ONE_TIME).await;
    get(&app, &mut b, "/signin/password").await;
    let fields = [("new_password", CHOSEN), ("confirm_password", CHOSEN)];
    post(&app, &mut b, "/signin/password", &fields).await;
    let page = get(&app, &mut b, "/signin/enrol").await;
    page.assert_status(200).assert_contains("<svg").assert_contains("otpauth://totp/PartnerDesk:");
    let secret = enrolment_secret(&page);
    page.assert_contains(&format!("secret={secret}"));
    // A reload offers the same key (it may have been scanned already).
    assert_eq!(enrolment_secret(&get(&app, &mut b, "/signin/enrol").await), secret);
    post(&app, &mut b, "/signin/enrol", &[("code", &wrong_code())])
        .await
        .assert_status(422)
        .assert_contains("That code is not right");
    drop(b);

    let enrolled = first_sign_in_after_password(&app, "new@alpha.test", &secret).await;
    assert_eq!(enrolled.len(), 10);
    assert_eq!(env.audit_count(Audits::of("enrol_second_step").succeeded()), 1);
    // The codes are stored only as hashes.
    let stored: Vec<String> = partnerdesk::db::schema::recovery_codes::table
        .select(partnerdesk::db::schema::recovery_codes::code_hash)
        .load(&mut *env.conn())
        .unwrap();
    assert!(enrolled.iter().all(|c| !stored.iter().any(|s| s.contains(c.as_str()))));

    // A recovery code signs in once, typed in capitals and with spaces too.
    let typed = enrolled[3].to_uppercase().replace('-', " ");
    let (_, mut b) = past_password(&app, "new@alpha.test", CHOSEN).await;
    get(&app, &mut b, "/signin/code").await;
    let r = post(&app, &mut b, "/signin/code", &[("code", &typed)]).await;
    assert_eq!(r.location(), Some("/"));
    let (_, mut again) = past_password(&app, "new@alpha.test", CHOSEN).await;
    get(&app, &mut again, "/signin/code").await;
    post(&app, &mut again, "/signin/code", &[("code", &enrolled[3])]).await.assert_status(401);
    let how: Vec<Option<String>> = partnerdesk::db::schema::audit_log::table
        .filter(partnerdesk::db::schema::audit_log::operation.eq("login_succeeded"))
        .select(partnerdesk::db::schema::audit_log::new_value)
        .load(&mut *env.conn())
        .unwrap();
    assert!(how.iter().any(|h| h.as_deref() == Some("password and recovery code; codes left: 9")));
}

/// Signs in with the chosen password and enrols `secret` (which the enrolment page showed);
/// returns the recovery codes.
async fn first_sign_in_after_password<S, B>(app: &S, email: &str, secret: &str) -> Vec<String>
where
    S: TestApp<B>,
    B: actix_web::body::MessageBody,
{
    let (r, mut b) = past_password(app, email, CHOSEN).await;
    assert_eq!(r.location(), Some("/signin/enrol"));
    assert_eq!(enrolment_secret(&get(app, &mut b, "/signin/enrol").await), secret);
    let r = post(app, &mut b, "/signin/enrol", &[("code", &totp_code(secret, 0))]).await;
    r.assert_status(200).assert_contains("Save your recovery codes");
    let re = regex::Regex::new(r"<li><code>([a-z0-9]{5}-[a-z0-9]{5})</code></li>").unwrap();
    get(app, &mut b, "/customers").await.assert_status(200);
    re.captures_iter(&r.body).map(|c| c[1].to_string()).collect()
}

#[actix_web::test]
async fn a_password_reset_between_the_steps_sends_back_to_sign_in() {
    let (env, _, app) = Env::with_app().await;
    let (_, mut b) = past_password(&app, BILLING_ADMIN, PASSWORD).await;
    get(&app, &mut b, "/signin/code").await.assert_status(200);
    let mut admin = sign_in(&app, GLOBAL_ADMIN).await;
    let id = env.user_id(BILLING_ADMIN);
    post(&app, &mut admin, &format!("/users/{id}/reset-password"), &[]).await.assert_status(200);
    // The password that was given is no longer the user's: the code alone does not sign in.
    let r = post(&app, &mut b, "/signin/code", &[("code", &totp_code(TOTP_SECRET, 0))]).await;
    assert_eq!(r.location(), Some("/signin"));
    assert_eq!(env.audit_count(Audits::of("login_succeeded")), 1, "only the admin's");
}

#[actix_web::test]
async fn a_global_admin_resets_someones_second_step() {
    let (env, _, app) = Env::with_app().await;
    let id = env.user_id(SALES_AGENT);
    let mut sales = sign_in(&app, SALES_AGENT).await;
    let mut admin = sign_in(&app, GLOBAL_ADMIN).await;
    let page = get(&app, &mut admin, &format!("/users/{id}")).await;
    page.assert_contains("id=\"reset-second-step\"");
    // A User management admin may not; nobody resets their own.
    let mut users_admin = sign_in(&app, USER_MANAGEMENT_ADMIN).await;
    get(&app, &mut users_admin, &format!("/users/{id}"))
        .await
        .assert_lacks("id=\"reset-second-step\"");
    post(&app, &mut users_admin, &format!("/users/{id}/reset-second-step"), &[])
        .await
        .assert_status(403)
        .assert_contains("Only a Global admin");
    let own = env.user_id(GLOBAL_ADMIN);
    post(&app, &mut admin, &format!("/users/{own}/reset-second-step"), &[])
        .await
        .assert_status(409)
        .assert_contains("ask another Global admin");

    let r = post(&app, &mut admin, &format!("/users/{id}/reset-second-step"), &[]).await;
    assert_eq!(r.location().map(String::from), Some(format!("/users/{id}")));
    get(&app, &mut admin, &format!("/users/{id}"))
        .await
        .assert_contains("Two-step sign-in of User sales@alpha.test was reset")
        .assert_contains("not set up yet");
    // Signed out everywhere; the next sign-in sets up a new authenticator app.
    assert!(get(&app, &mut sales, "/customers").await.location().unwrap().starts_with("/signin"));
    let (r, mut b) = past_password(&app, SALES_AGENT, PASSWORD).await;
    assert_eq!(r.location(), Some("/signin/enrol"));
    assert_ne!(enrolment_secret(&get(&app, &mut b, "/signin/enrol").await), TOTP_SECRET);
    assert_eq!(env.audit_count(Audits::of("reset_second_step").succeeded()), 1);
    assert_eq!(env.audit_count(Audits::of("reset_second_step").failed()), 1);
}

#[actix_web::test]
async fn weak_passwords_are_refused_when_changing_the_password() {
    let (env, _, app, mut b) = Env::signed_in(ADMIN_AGENT).await;
    let zero_width = format!("Ab1{}", "\u{200B}".repeat(5));
    let nbsp = "\u{a0}".repeat(8);
    for (new, says) in [
        ("        ", "cannot be only spaces"),
        (nbsp.as_str(), "cannot be only spaces"),
        (zero_width.as_str(), "characters that cannot be seen"),
        ("aaaaaaaa", "easy to guess"),
        ("qwertyui", "easy to guess"),
        ("Alpha Partners", "easy to guess"),
    ] {
        let fields =
            [("current_password", PASSWORD), ("new_password", new), ("confirm_password", new)];
        post(&app, &mut b, "/password", &fields)
            .await
            .assert_status(422)
            .assert_contains(&askama_escaped(says));
    }
    let hash: String = users::table
        .filter(users::email.eq(ADMIN_AGENT))
        .select(users::password_hash)
        .first(&mut *env.conn())
        .unwrap();
    assert!(partnerdesk::auth::password::verify_now(&hash, PASSWORD), "the password changed");
}

/// How a sentence shows in the page's HTML.
fn askama_escaped(s: &str) -> String {
    s.replace('&', "&amp;").replace('\'', "&#39;")
}

#[actix_web::test]
async fn one_time_passwords_expire_after_seven_days() {
    let (env, w, _app) = Env::with_app().await;
    let id = newcomer(&env, &w, "new@alpha.test", Role::SalesAgent);
    let (created, expires): (i64, Option<i64>) = users::table
        .find(&id)
        .select((users::created_at, users::password_expires_at))
        .first(&mut *env.conn())
        .unwrap();
    assert_eq!(expires, Some(created + 7 * DAY_MS));
}

#[actix_web::test]
async fn the_second_step_is_rate_limited_per_user() {
    let (env, _, app) = Env::with_app().await;
    let (_, mut b) = past_password(&app, SALES_AGENT, PASSWORD).await;
    get(&app, &mut b, "/signin/code").await;
    let mut answers = Vec::new();
    for _ in 0..25 {
        // Lift the lock each time, so that only the rate limit can refuse.
        diesel::update(users::table.filter(users::email.eq(SALES_AGENT)))
            .set((users::failed_logins.eq(0), users::locked_until.eq(None::<i64>)))
            .execute(&mut *env.conn())
            .unwrap();
        answers.push(post(&app, &mut b, "/signin/code", &[("code", &wrong_code())]).await);
    }
    let first_429 = answers.iter().position(|r| r.status.as_u16() == 429).expect("no 429");
    assert!((20..25).contains(&first_429), "the first 429 came after {first_429} attempts");
    let refused = &answers[first_429];
    let wait: u64 = refused.header("retry-after").expect("Retry-After").parse().unwrap();
    assert!((1..=6).contains(&wait), "Retry-After: {wait}");
    assert!(refused.body.contains("Too many"), "{}", refused.body);
    // Refused attempts are not counted as failed sign-ins.
    assert_eq!(failed_logins(&env, SALES_AGENT), 0);
}
