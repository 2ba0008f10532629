//! A customer's administrators manage one another at `/tenant/admins`: adding one with a
//! one-time password shown once, resetting another's password or two-step sign-in (their
//! sessions end), turning another off and on. Nobody changes themselves there, another
//! customer's admins are not found, and every refusal is a sentence that changes nothing.

mod common;

use common::world::*;
use common::*;
use diesel::prelude::*;
use partnerdesk::db::schema::customer_admins;
use partnerdesk::models::customer_admin::{self, CustomerAdmin};

const SECOND: &str = "second@contoso.example";

/// Contoso's two admins and Beta Customer's, all enrolled.
fn admins(env: &Env, w: &World) {
    add_customer_admin(&mut env.conn(), &w.contoso, CONTOSO_ADMIN);
    add_customer_admin(&mut env.conn(), &w.contoso, SECOND);
    add_customer_admin(&mut env.conn(), &w.beta_customer, BETA_CUSTOMER_ADMIN);
}

fn stored(env: &Env, email: &str) -> CustomerAdmin {
    customer_admin::find_by_email(&mut env.conn(), email).unwrap().unwrap()
}

fn all_admins(env: &Env) -> Vec<CustomerAdmin> {
    customer_admins::table
        .order(customer_admins::id)
        .select(CustomerAdmin::as_select())
        .load(&mut *env.conn())
        .unwrap()
}

fn one_time_password(page: &Resp) -> String {
    let after = page.body.split(r#"id="one-time-password">"#).nth(1).expect("a password shown");
    after.split('<').next().unwrap().to_owned()
}

fn path(admin: &CustomerAdmin, action: &str) -> String {
    format!("/tenant/admins/{}/{action}", admin.id)
}

#[actix_web::test]
async fn an_admin_adds_another_who_gets_a_one_time_password_shown_once() {
    let (env, w, app) = Env::with_app().await;
    admins(&env, &w);
    let mut b = tenant_sign_in(&app, CONTOSO_ADMIN).await;
    get(&app, &mut b, "/tenant/admins")
        .await
        .assert_status(200)
        .assert_contains(SECOND)
        .assert_contains("You")
        // Each row's buttons name the admin for a screen reader.
        .assert_contains(&format!(
            "Turn off<span class=\"visually-hidden\"> – Admin {SECOND}</span>"
        ))
        .assert_lacks(BETA_CUSTOMER_ADMIN);

    let r = post(
        &app,
        &mut b,
        "/tenant/admins",
        &[("display_name", "Nina Newcomer"), ("email", "Nina@Contoso.example")],
    )
    .await;
    r.assert_status(200).assert_contains("Nina Newcomer was added.");
    let password = one_time_password(&r);
    let nina = stored(&env, "nina@contoso.example");
    assert_eq!(nina.customer_id, w.contoso.id);
    assert!(nina.active && nina.password_must_change && nina.totp_secret.is_none());
    assert!(partnerdesk::auth::password::verify_now(&nina.password_hash, &password));
    // Shown once: the list does not show it again.
    get(&app, &mut b, "/tenant/admins")
        .await
        .assert_contains("Nina Newcomer")
        .assert_lacks(&password);
    // In the customer's activity, by the admin who added her.
    get(&app, &mut b, "/tenant/activity")
        .await
        .assert_contains("Add customer admin")
        .assert_contains("nina@contoso.example");
    // The new admin's door takes the one-time password (and asks for a new one next).
    let mut nb = Browser::default();
    get(&app, &mut nb, "/tenant/signin").await.assert_status(200);
    let r = post(
        &app,
        &mut nb,
        "/tenant/signin",
        &[("email", "nina@contoso.example"), ("password", &password)],
    )
    .await;
    r.assert_status(303);
    assert_ne!(r.location(), Some("/tenant/signin"), "{}", r.body);
}

#[actix_web::test]
async fn bad_input_is_a_sentence_on_the_page_and_changes_nothing() {
    let (env, w, app) = Env::with_app().await;
    admins(&env, &w);
    let mut b = tenant_sign_in(&app, CONTOSO_ADMIN).await;
    let before = all_admins(&env).len();
    for (name, email, status, sentence) in [
        ("", "a@contoso.example", 422, "Enter the administrator&#39;s name"),
        ("Ann\u{202e}", "a@contoso.example", 422, "Enter the administrator&#39;s name"),
        ("Ann", "not an address", 422, "Enter the administrator&#39;s e-mail address"),
        ("Ann", SECOND, 409, "already belongs to a customer administrator"),
        ("Ann", BETA_CUSTOMER_ADMIN, 409, "already belongs to a customer administrator"),
    ] {
        post(&app, &mut b, "/tenant/admins", &[("display_name", name), ("email", email)])
            .await
            .assert_status(status)
            .assert_contains(sentence)
            // The form keeps what was typed.
            .assert_contains(&format!(r#"value="{email}""#));
    }
    assert_eq!(all_admins(&env).len(), before);
}

#[actix_web::test]
async fn resetting_anothers_password_ends_their_sessions_but_not_ones_own() {
    let (env, w, app) = Env::with_app().await;
    admins(&env, &w);
    let mut a = tenant_sign_in(&app, CONTOSO_ADMIN).await;
    let mut second = tenant_sign_in(&app, SECOND).await;
    let target = stored(&env, SECOND);

    let r = post(&app, &mut a, &path(&target, "reset-password"), &[]).await;
    r.assert_status(200).assert_contains("and their sessions ended");
    let password = one_time_password(&r);
    let after = stored(&env, SECOND);
    assert!(after.password_must_change);
    assert!(partnerdesk::auth::password::verify_now(&after.password_hash, &password));
    // Their open session is over; the acting admin's goes on.
    let r = get(&app, &mut second, "/tenant").await;
    assert!(r.location().is_some_and(|l| l.starts_with("/tenant/signin")), "{:?}", r.location());
    get(&app, &mut a, "/tenant/admins").await.assert_status(200);
    get(&app, &mut a, "/tenant/activity")
        .await
        .assert_contains("Reset customer admin&#39;s password");

    // Not one's own, not another customer's.
    let me = stored(&env, CONTOSO_ADMIN);
    let before = all_admins(&env);
    post(&app, &mut a, &path(&me, "reset-password"), &[])
        .await
        .assert_status(409)
        .assert_contains("You cannot reset your own password here");
    let theirs = stored(&env, BETA_CUSTOMER_ADMIN);
    post(&app, &mut a, &path(&theirs, "reset-password"), &[]).await.assert_status(404);
    assert_eq!(format!("{:?}", all_admins(&env)), format!("{before:?}"));
}

#[actix_web::test]
async fn a_two_step_reset_makes_them_enrol_again_and_ends_their_sessions() {
    let (env, w, app) = Env::with_app().await;
    admins(&env, &w);
    let mut a = tenant_sign_in(&app, CONTOSO_ADMIN).await;
    let mut second = tenant_sign_in(&app, SECOND).await;
    let target = stored(&env, SECOND);
    let r = post(&app, &mut a, &path(&target, "reset-second-step"), &[]).await;
    assert_eq!(r.location(), Some("/tenant/admins"));
    get(&app, &mut a, "/tenant/admins").await.assert_contains("was reset and their sessions ended");
    let after = stored(&env, SECOND);
    assert!(after.totp_secret.is_none() && after.totp_confirmed_at.is_none());
    assert!(get(&app, &mut second, "/tenant").await.location().is_some());
    // Again: nothing left to reset, nothing written.
    let records = env.audit_count(Audits::of("reset_customer_admin_second_step"));
    assert_eq!(records, 1);
    post(&app, &mut a, &path(&target, "reset-second-step"), &[]).await.assert_status(303);
    get(&app, &mut a, "/tenant/admins").await.assert_contains("nothing was reset");
    assert_eq!(env.audit_count(Audits::of("reset_customer_admin_second_step")), 1);
    // Not one's own.
    let me = stored(&env, CONTOSO_ADMIN);
    post(&app, &mut a, &path(&me, "reset-second-step"), &[])
        .await
        .assert_status(409)
        .assert_contains("You cannot reset your own two-step sign-in");
    assert!(stored(&env, CONTOSO_ADMIN).totp_secret.is_some());
}

#[actix_web::test]
async fn an_admin_turned_off_is_signed_out_and_can_be_turned_on_again() {
    let (env, w, app) = Env::with_app().await;
    admins(&env, &w);
    let mut a = tenant_sign_in(&app, CONTOSO_ADMIN).await;
    let mut second = tenant_sign_in(&app, SECOND).await;
    let target = stored(&env, SECOND);
    post(&app, &mut a, &path(&target, "disable"), &[]).await.assert_status(303);
    get(&app, &mut a, "/tenant/admins")
        .await
        .assert_contains("was turned off and can no longer sign in")
        .assert_contains("Turned off");
    assert!(!stored(&env, SECOND).active);
    assert!(get(&app, &mut second, "/tenant").await.location().is_some());
    // Turning off again changes nothing and says so.
    post(&app, &mut a, &path(&target, "disable"), &[]).await.assert_status(303);
    get(&app, &mut a, "/tenant/admins").await.assert_contains("already was as asked");
    assert_eq!(env.audit_count(Audits::of("disable_customer_admin")), 1);
    post(&app, &mut a, &path(&target, "enable"), &[]).await.assert_status(303);
    assert!(stored(&env, SECOND).active);
    tenant_sign_in(&app, SECOND).await;
    // Not oneself.
    let me = stored(&env, CONTOSO_ADMIN);
    post(&app, &mut a, &path(&me, "disable"), &[])
        .await
        .assert_status(409)
        .assert_contains("You cannot turn yourself off");
    assert!(stored(&env, CONTOSO_ADMIN).active);
}

#[actix_web::test]
async fn a_partner_session_does_not_open_the_admins_page() {
    let (env, w, app, mut b) = Env::signed_in(GLOBAL_ADMIN).await;
    admins(&env, &w);
    let r = get(&app, &mut b, "/tenant/admins").await;
    assert!(r.location().is_some_and(|l| l.starts_with("/tenant/signin")), "{:?}", r.location());
    let target = stored(&env, SECOND);
    let r = post(&app, &mut b, &path(&target, "disable"), &[]).await;
    assert!(r.status.as_u16() >= 300 && r.status.as_u16() < 500);
    assert!(stored(&env, SECOND).active);
}

#[actix_web::test]
async fn the_admins_page_speaks_polish() {
    let (env, w, app) = Env::with_app().await;
    admins(&env, &w);
    diesel::update(customer_admins::table.filter(customer_admins::email.eq(CONTOSO_ADMIN)))
        .set(customer_admins::locale.eq(Some("pl-PL")))
        .execute(&mut *env.conn())
        .unwrap();
    let mut b = tenant_sign_in(&app, CONTOSO_ADMIN).await;
    get(&app, &mut b, "/tenant/admins")
        .await
        .assert_contains("Administratorzy")
        .assert_contains("Dodaj administratora")
        .assert_contains("Państwa konto");
    post(&app, &mut b, &path(&stored(&env, SECOND), "disable"), &[]).await.assert_status(303);
    get(&app, &mut b, "/tenant/admins").await.assert_contains("Wyłączono administratora");
}
