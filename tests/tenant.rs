//! Customer administrators: their own door (`/tenant/signin`) with the partner users' sign-in
//! rules, sessions that open only their own kind of pages, their own tenant and nothing else,
//! invitations only they accept, and DAP removed from their side, audited for both sides.

mod common;

use common::world::*;
use common::*;
use diesel::prelude::*;
use partnerdesk::db::schema::{customer_admins, customers, relationship_requests, relationships};
use partnerdesk::services::audit::op;

const FAILED: &str = "The email or password is not right, or the account is locked for a while.";

/// Contoso's admin and Beta Customer's admin, both enrolled.
fn admins(env: &Env, w: &World) {
    add_customer_admin(&mut env.conn(), &w.contoso, CONTOSO_ADMIN);
    add_customer_admin(&mut env.conn(), &w.beta_customer, BETA_CUSTOMER_ADMIN);
}

async fn try_door<S, B>(app: &S, door: &str, email: &str, password: &str) -> Resp
where
    S: TestApp<B>,
    B: actix_web::body::MessageBody,
{
    let mut b = Browser::default();
    get(app, &mut b, door).await.assert_status(200);
    post(app, &mut b, door, &[("email", email), ("password", password)]).await
}

fn dap_of(env: &Env, partner_id: &str, customer_id: &str) -> bool {
    relationships::table
        .filter(relationships::partner_id.eq(partner_id))
        .filter(relationships::customer_id.eq(customer_id))
        .select(relationships::allow_delegated_access)
        .first(&mut *env.conn())
        .unwrap()
}

#[actix_web::test]
async fn a_customer_admin_signs_in_with_both_steps_and_sees_only_their_tenant() {
    let (env, w, app) = Env::with_app().await;
    admins(&env, &w);
    // The password alone signs nobody in: the code step follows, at the tenant door.
    let mut b = Browser::default();
    get(&app, &mut b, "/tenant/signin")
        .await
        .assert_status(200)
        .assert_contains("tenant-signin-intro");
    let r =
        post(&app, &mut b, "/tenant/signin", &[("email", CONTOSO_ADMIN), ("password", PASSWORD)])
            .await;
    assert_eq!(r.location(), Some("/tenant/signin/code"));
    get(&app, &mut b, "/tenant").await.assert_status(303);
    let mut b = tenant_sign_in(&app, CONTOSO_ADMIN).await;
    let home = get(&app, &mut b, "/tenant").await;
    home.assert_status(200)
        .assert_contains("Contoso Ltd")
        .assert_contains("Alpha Partners")
        .assert_contains(r#"id="pending-gdap""#)
        .assert_lacks("Beta Partners")
        .assert_lacks("Beta Customer GmbH");
    let signed_in = Audits::of(op::LOGIN_SUCCEEDED).customer(&w.contoso.id);
    assert_eq!(env.audit_count(signed_in), 1, "the sign-in is in the customer's records");
    // Polish, as the browser asks.
    let pl =
        actix_web::test::TestRequest::get().uri("/tenant").insert_header(("Accept-Language", "pl"));
    send(&app, &mut b, pl).await.assert_status(200).assert_contains("Państwa partnerzy");
    // Signing out ends it.
    post(&app, &mut b, "/tenant/signout", &[]).await.assert_status(303);
    let r = get(&app, &mut b, "/tenant").await;
    assert_eq!(r.location(), Some("/tenant/signin?next=%2Ftenant"));
}

#[actix_web::test]
async fn each_door_refuses_the_other_kind_of_account_with_the_generic_sentence() {
    let (env, w, app) = Env::with_app().await;
    admins(&env, &w);
    let unknown = try_door(&app, "/tenant/signin", "nobody@nowhere.example", PASSWORD).await;
    unknown.assert_status(401).assert_contains(FAILED);
    // A partner user's right password at the tenant door, a customer admin's at the partner door.
    let partner_there = try_door(&app, "/tenant/signin", GLOBAL_ADMIN, PASSWORD).await;
    partner_there.assert_status(401).assert_contains(FAILED);
    assert!(partner_there.location().is_none());
    let admin_there = try_door(&app, "/signin", CONTOSO_ADMIN, PASSWORD).await;
    admin_there.assert_status(401).assert_contains(FAILED);
    // Each still signs in at its own door.
    let _ = tenant_sign_in(&app, CONTOSO_ADMIN).await;
    let _ = sign_in(&app, GLOBAL_ADMIN).await;
}

#[actix_web::test]
async fn a_partner_session_cannot_open_tenant_pages_and_a_tenant_session_no_partner_page() {
    let (env, w, app) = Env::with_app().await;
    admins(&env, &w);
    let mut partner = sign_in(&app, GLOBAL_ADMIN).await;
    for path in
        ["/tenant", "/tenant/activity", &format!("/tenant/partners/{}/remove-dap", w.alpha.id)]
    {
        let r = get(&app, &mut partner, path).await;
        r.assert_status(303);
        let to = r.location().unwrap();
        assert!(to.starts_with("/tenant/signin?next="), "{path} sent a partner user to {to}");
    }
    let r = post(
        &app,
        &mut partner,
        &format!("/tenant/partners/{}/remove-dap", w.alpha.id),
        &[("confirmed", "yes")],
    )
    .await;
    assert_eq!(r.location(), Some("/tenant/signin?next=%2Ftenant"));
    assert!(
        dap_of(&env, &w.alpha.id, &w.contoso.id),
        "a partner session removed DAP as the customer"
    );
    let mut admin = tenant_sign_in(&app, CONTOSO_ADMIN).await;
    for path in
        ["/customers", "/activity", "/users", &format!("/customers/{}/account", w.contoso.id)]
    {
        let r = get(&app, &mut admin, path).await;
        r.assert_status(303);
        let to = r.location().unwrap();
        assert!(to.starts_with("/signin?next="), "{path} sent a customer admin to {to}");
    }
    // A partner page's POST with the admin's session and token changes nothing.
    let r = post(
        &app,
        &mut admin,
        &format!("/customers/{}/remove-dap", w.contoso.id),
        &[("confirmed", "yes")],
    )
    .await;
    assert_ne!(r.status.as_u16(), 200);
    assert!(dap_of(&env, &w.alpha.id, &w.contoso.id));
}

#[actix_web::test]
async fn wrong_passwords_lock_a_customer_admin_as_they_lock_a_partner_user() {
    let (env, w, app) = Env::with_app().await;
    admins(&env, &w);
    for _ in 0..10 {
        try_door(&app, "/tenant/signin", CONTOSO_ADMIN, "not the password at all")
            .await
            .assert_status(401);
    }
    let failures: (i32, Option<i64>) = customer_admins::table
        .filter(customer_admins::email.eq(CONTOSO_ADMIN))
        .select((customer_admins::failed_logins, customer_admins::locked_until))
        .first(&mut *env.conn())
        .unwrap();
    assert_eq!(failures.0, 10);
    assert!(failures.1.is_some(), "ten failures lock the account");
    // Locked: the right password fails too, with the same sentence.
    try_door(&app, "/tenant/signin", CONTOSO_ADMIN, PASSWORD)
        .await
        .assert_status(401)
        .assert_contains(FAILED);
    let failed = Audits::of(op::LOGIN_FAILED).customer(&w.contoso.id);
    assert_eq!(env.audit_count(failed), 11, "every refusal is in the customer's records");
    // The other customer's admin is not affected.
    let _ = tenant_sign_in(&app, BETA_CUSTOMER_ADMIN).await;
}

#[actix_web::test]
async fn a_new_admin_replaces_a_one_time_password_enrols_and_can_use_a_recovery_code() {
    use partnerdesk::models::customer_admin::{self, CustomerAdmin};
    let (env, w, app) = Env::with_app().await;
    let one_time = "kT4wQ9mZ2xR7pL3nV8sB";
    let hash = partnerdesk::auth::password::hash_now(one_time).unwrap();
    let a = CustomerAdmin::new(
        &w.contoso.id,
        "new@contoso.example",
        "New Admin",
        hash,
        true,
        partnerdesk::util::clock::now_ms(),
    );
    customer_admin::insert(&mut env.conn(), &a).unwrap();
    let mut b = Browser::default();
    get(&app, &mut b, "/tenant/signin").await;
    let r = post(
        &app,
        &mut b,
        "/tenant/signin",
        &[("email", "new@contoso.example"), ("password", one_time)],
    )
    .await;
    assert_eq!(r.location(), Some("/tenant/signin/password"));
    // A partner door's step page does not take a tenant door's proof.
    assert_eq!(get(&app, &mut b, "/signin/password").await.location(), Some("/signin"));
    get(&app, &mut b, "/tenant/signin/password").await.assert_status(200);
    let chosen = "lighthouse keeper on a windy cape";
    let fields = [("new_password", chosen), ("confirm_password", chosen)];
    let r = post(&app, &mut b, "/tenant/signin/password", &fields).await;
    assert_eq!(r.location(), Some("/tenant/signin/enrol"), "{}", r.body);
    let secret = enrolment_secret(&get(&app, &mut b, "/tenant/signin/enrol").await);
    let r = post(&app, &mut b, "/tenant/signin/enrol", &[("code", &totp_code(&secret, 0))]).await;
    r.assert_status(200)
        .assert_contains(r#"id="recovery-codes""#)
        .assert_contains(r#"href="/tenant""#);
    let re = regex::Regex::new(r"<li><code>([a-z0-9]{5}-[a-z0-9]{5})</code></li>").unwrap();
    let codes: Vec<String> = re.captures_iter(&r.body).map(|c| c[1].to_string()).collect();
    assert_eq!(codes.len(), 10);
    get(&app, &mut b, "/tenant").await.assert_status(200).assert_contains("Contoso Ltd");
    // Next time: the chosen password and a recovery code (good once).
    for (code, status) in [(&codes[0], 303), (&codes[0], 401)] {
        let mut b = Browser::default();
        get(&app, &mut b, "/tenant/signin").await;
        let r = post(
            &app,
            &mut b,
            "/tenant/signin",
            &[("email", "new@contoso.example"), ("password", chosen)],
        )
        .await;
        assert_eq!(r.location(), Some("/tenant/signin/code"));
        get(&app, &mut b, "/tenant/signin/code").await.assert_status(200);
        post(&app, &mut b, "/tenant/signin/code", &[("code", code)]).await.assert_status(status);
    }
}

#[actix_web::test]
async fn an_admin_sees_and_changes_nothing_of_another_customer() {
    let (env, w, app) = Env::with_app().await;
    admins(&env, &w);
    let mut contoso = tenant_sign_in(&app, CONTOSO_ADMIN).await;
    // Beta Partners has DAP over Beta Customer, not over Contoso: Contoso's admin finds nothing.
    let path = format!("/tenant/partners/{}/remove-dap", w.beta.id);
    get(&app, &mut contoso, &path).await.assert_status(404);
    post(&app, &mut contoso, &path, &[("confirmed", "yes")]).await.assert_status(404);
    assert!(dap_of(&env, &w.beta.id, &w.beta_customer.id));
    // Beta Customer's admin signs in: Contoso's records are not in their activity.
    let mut beta = tenant_sign_in(&app, BETA_CUSTOMER_ADMIN).await;
    let activity = get(&app, &mut beta, "/tenant/activity").await;
    activity.assert_status(200).assert_contains(BETA_CUSTOMER_ADMIN).assert_lacks(CONTOSO_ADMIN);
    get(&app, &mut beta, "/tenant")
        .await
        .assert_lacks("Alpha Partners")
        .assert_contains("Beta Partners");
}

#[actix_web::test]
async fn removing_dap_from_the_customer_side_asks_first_and_is_audited_for_both() {
    let (env, w, app) = Env::with_app().await;
    admins(&env, &w);
    let mut admin = tenant_sign_in(&app, CONTOSO_ADMIN).await;
    let path = format!("/tenant/partners/{}/remove-dap", w.alpha.id);
    get(&app, &mut admin, "/tenant").await.assert_contains(&format!(r#"href="{path}""#));
    get(&app, &mut admin, &path).await.assert_status(200).assert_contains("Alpha Partners");
    // Without the answer: sent to the question, nothing changed.
    let r = post(&app, &mut admin, &path, &[]).await;
    assert_eq!(r.location(), Some(path.as_str()));
    assert!(dap_of(&env, &w.alpha.id, &w.contoso.id));
    let r = post(&app, &mut admin, &path, &[("confirmed", "yes")]).await;
    assert_eq!(r.location(), Some("/tenant"));
    assert!(!dap_of(&env, &w.alpha.id, &w.contoso.id));
    let both = Audits::of(op::REMOVE_DELEGATED_ADMIN).customer(&w.contoso.id).partner(&w.alpha.id);
    assert_eq!(env.audit_count(both), 1);
    get(&app, &mut admin, "/tenant")
        .await
        .assert_contains("no longer has delegated admin privileges");
    // Again: 409 with the sentence, nothing more recorded.
    post(&app, &mut admin, &path, &[("confirmed", "yes")]).await.assert_status(409);
    assert_eq!(env.audit_count(Audits::of(op::REMOVE_DELEGATED_ADMIN)), 1);
    get(&app, &mut admin, "/tenant/activity")
        .await
        .assert_contains("Remove delegated admin privileges")
        .assert_contains(CONTOSO_ADMIN);
    // The partner's activity log shows it, naming the admin.
    let mut partner = sign_in(&app, GLOBAL_ADMIN).await;
    get(&app, &mut partner, "/activity").await.assert_contains(CONTOSO_ADMIN);
}

/// A pending invitation from Beta naming Contoso (Beta has no relationship with it yet).
fn invitation_for_contoso(env: &Env, w: &World, token: &str) -> String {
    let id = add_request(&mut env.conn(), &w.beta, OTHER_ADMIN, token, true);
    diesel::update(relationship_requests::table.find(&id))
        .set(relationship_requests::invited_customer_id.eq(Some(&w.contoso.id)))
        .execute(&mut *env.conn())
        .unwrap();
    id
}

fn beta_relationship_with_contoso(env: &Env, w: &World) -> Option<String> {
    relationships::table
        .filter(relationships::partner_id.eq(&w.beta.id))
        .filter(relationships::customer_id.eq(&w.contoso.id))
        .select(relationships::relationship_to_partner)
        .first(&mut *env.conn())
        .optional()
        .unwrap()
}

#[actix_web::test]
async fn only_an_admin_of_the_named_customer_accepts_its_invitation() {
    let (env, w, app) = Env::with_app().await;
    admins(&env, &w);
    let token = "named-invitation-token-0123456789abcdef";
    invitation_for_contoso(&env, &w, token);
    let link = format!("/invitations/{token}");
    // Signed out: the page asks for the tenant door, with the way back.
    let mut nobody = Browser::default();
    let next = "/tenant/signin?next=%2Finvitations%2Fnamed-invitation-token-0123456789abcdef";
    get(&app, &mut nobody, &link)
        .await
        .assert_status(200)
        .assert_contains(next)
        .assert_lacks("<form class=\"form-stack\" method=\"post\"");
    assert_eq!(post(&app, &mut nobody, &link, &[]).await.location(), Some(next));
    // Another customer's admin: 403 with the sentence, nothing changes.
    let mut other = tenant_sign_in(&app, BETA_CUSTOMER_ADMIN).await;
    get(&app, &mut other, &link).await.assert_status(403).assert_contains("another organisation");
    post(&app, &mut other, &link, &[])
        .await
        .assert_status(403)
        .assert_contains("another organisation");
    assert_eq!(beta_relationship_with_contoso(&env, &w), None);
    // A partner user's session is no customer admin.
    let mut partner = sign_in(&app, GLOBAL_ADMIN).await;
    assert_eq!(post(&app, &mut partner, &link, &[]).await.location(), Some(next));
    assert_eq!(beta_relationship_with_contoso(&env, &w), None);
    // Contoso's admin, after signing in with next= back to the page, accepts it.
    let mut b = Browser::default();
    get(&app, &mut b, next).await.assert_status(200);
    let r = post(
        &app,
        &mut b,
        "/tenant/signin",
        &[("email", CONTOSO_ADMIN), ("password", PASSWORD), ("next", &link)],
    )
    .await;
    assert_eq!(r.location(), Some("/tenant/signin/code"));
    let r = enter_tenant_code(&app, &mut b).await;
    assert_eq!(r.location(), Some(link.as_str()));
    get(&app, &mut b, &link).await.assert_status(200).assert_contains(r#"method="post""#);
    post(&app, &mut b, &link, &[]).await.assert_status(200).assert_contains("Beta Partners");
    assert_eq!(beta_relationship_with_contoso(&env, &w).as_deref(), Some("reseller"));
    let accepted =
        Audits::of(op::ACCEPT_RELATIONSHIP_REQUEST).customer(&w.contoso.id).partner(&w.beta.id);
    assert_eq!(env.audit_count(accepted), 1);
    get(&app, &mut b, "/tenant/activity")
        .await
        .assert_contains(CONTOSO_ADMIN)
        .assert_contains("Accept relationship request");
}

async fn enter_tenant_code<S, B>(app: &S, b: &mut Browser) -> Resp
where
    S: TestApp<B>,
    B: actix_web::body::MessageBody,
{
    get(app, b, "/tenant/signin/code").await.assert_status(200);
    for offset in CODE_OFFSETS {
        let r =
            post(app, b, "/tenant/signin/code", &[("code", &totp_code(TOTP_SECRET, offset))]).await;
        if r.status.as_u16() == 303 {
            return r;
        }
    }
    panic!("no code accepted");
}

#[actix_web::test]
async fn a_new_customers_invitation_creates_the_tenant_and_its_first_admin_together() {
    let (env, w, app) = Env::with_app().await;
    let token = "new-customer-invitation-token-0123456789";
    add_request(&mut env.conn(), &w.alpha, GLOBAL_ADMIN, token, false);
    let link = format!("/invitations/{token}");
    let mut them = Browser::default();
    get(&app, &mut them, &link).await.assert_status(200).assert_contains(r#"id="first-admin""#);
    let chosen = "a quiet harbour at dawn";
    let form = |name: &'static str, email: &'static str, pw: &'static str, again: &'static str| {
        vec![
            ("primary_domain", "newco.onmicrosoft.com"),
            ("company_name", "NewCo Sp. z o.o."),
            ("country", "PL"),
            ("admin_name", name),
            ("admin_email", email),
            ("admin_password", pw),
            ("admin_password_confirm", again),
        ]
    };
    let before = snapshot(&mut env.conn());
    let admins_before: i64 = customer_admins::table.count().get_result(&mut *env.conn()).unwrap();
    for (bad, status) in [
        (form("", "it@newco.example", chosen, chosen), 422),
        (form("Iga Nowak", "not an address", chosen, chosen), 422),
        (form("Iga Nowak", "it@newco.example", "short", "short"), 422),
        (form("Iga Nowak", "it@newco.example", chosen, "something else entirely"), 422),
    ] {
        let r = post(&app, &mut them, &link, &bad).await;
        r.assert_status(status).assert_contains(r#"value="NewCo Sp. z o.o.""#).assert_lacks(chosen);
    }
    // A valid admin but an invalid customer: the admin is not created either.
    let mut bad_domain = form("Iga Nowak", "it@newco.example", chosen, chosen);
    bad_domain[0] = ("primary_domain", "not a domain");
    post(&app, &mut them, &link, &bad_domain).await.assert_status(422);
    assert_eq!(before, snapshot(&mut env.conn()));
    let admins_now: i64 = customer_admins::table.count().get_result(&mut *env.conn()).unwrap();
    assert_eq!(admins_now, admins_before, "an invalid acceptance created an admin");
    let n: i64 = customers::table
        .filter(customers::primary_domain.eq("newco.onmicrosoft.com"))
        .count()
        .get_result(&mut *env.conn())
        .unwrap();
    assert_eq!(n, 0);
    // Valid: the customer, the relationship and the admin, and the admin signs in to enrol.
    let done =
        post(&app, &mut them, &link, &form("Iga Nowak", "IT@newco.example", chosen, chosen)).await;
    done.assert_status(200).assert_contains(r#"id="first-admin-next""#);
    let customer_id: String = customers::table
        .filter(customers::primary_domain.eq("newco.onmicrosoft.com"))
        .select(customers::id)
        .first(&mut *env.conn())
        .unwrap();
    let admin_customer: String = customer_admins::table
        .filter(customer_admins::email.eq("it@newco.example"))
        .select(customer_admins::customer_id)
        .first(&mut *env.conn())
        .unwrap();
    assert_eq!(admin_customer, customer_id);
    let created = Audits::of(op::CREATE_CUSTOMER_ADMIN).customer(&customer_id).partner(&w.alpha.id);
    assert_eq!(env.audit_count(created), 1);
    let mut b = Browser::default();
    get(&app, &mut b, "/tenant/signin").await;
    let r = post(
        &app,
        &mut b,
        "/tenant/signin",
        &[("email", "it@newco.example"), ("password", chosen)],
    )
    .await;
    assert_eq!(r.location(), Some("/tenant/signin/enrol"), "the first admin enrols two-step first");
    // The same address again for another new customer: 409, nothing created.
    let token2 = "second-new-customer-token-0123456789ab";
    add_request(&mut env.conn(), &w.alpha, GLOBAL_ADMIN, token2, false);
    let mut again = form("Iga Nowak", "it@newco.example", chosen, chosen);
    again[0] = ("primary_domain", "other.onmicrosoft.com");
    post(&app, &mut them, &format!("/invitations/{token2}"), &again).await.assert_status(409);
    let n: i64 = customers::table
        .filter(customers::primary_domain.eq("other.onmicrosoft.com"))
        .count()
        .get_result(&mut *env.conn())
        .unwrap();
    assert_eq!(n, 0);
}

#[actix_web::test]
async fn the_demo_gives_several_customers_an_admin_with_a_one_time_password() {
    // A database of its own: the demo's customers share names with the test world's.
    let (url, _db) = new_database();
    let config = partnerdesk::config::Config::for_tests(url.clone());
    let pool = partnerdesk::db::connect(&url, &config.pool).unwrap();
    let state = partnerdesk::web::state::AppState::new(
        pool.clone(),
        config,
        actix_web::cookie::Key::generate(),
    );
    let app = app_of(actix_web::web::Data::new(state)).await;
    let mut c = common::conn(&pool);
    partnerdesk::seed::seed_demo(&mut c).unwrap();
    let first = partnerdesk::seed::seed_demo_customer_admins(&mut c).unwrap();
    assert!(first.len() >= 3, "{first:?}");
    let customers: std::collections::HashSet<_> = first.iter().map(|a| &a.customer).collect();
    assert_eq!(customers.len(), first.len(), "one admin per customer");
    // Run again (every start with --demo): new passwords, the same admins.
    let again = partnerdesk::seed::seed_demo_customer_admins(&mut c).unwrap();
    assert_eq!(again.len(), first.len());
    assert_ne!(again[0].password, first[0].password);
    let n: i64 = customer_admins::table.count().get_result(&mut *c).unwrap();
    assert_eq!(n, first.len() as i64);
    drop(c);
    // The printed one-time password works at the tenant door, and only the new one.
    let old = try_door(&app, "/tenant/signin", &first[0].email, &first[0].password).await;
    old.assert_status(401);
    let r = try_door(&app, "/tenant/signin", &again[0].email, &again[0].password).await;
    assert_eq!(r.location(), Some("/tenant/signin/password"));
}
