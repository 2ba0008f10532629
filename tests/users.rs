//! Users and roles: the list, creating users with a one-time password, changing roles,
//! disabling and enabling, resetting passwords, the last Global admin, tenant isolation, roles.

mod common;

use common::world::*;
use common::*;
use diesel::prelude::*;
use partnerdesk::db::schema::{audit_log, sessions, user_roles, users};
use partnerdesk::models::role::Role;
use partnerdesk::util::clock::now_ms;

fn roles_of(env: &Env, email: &str) -> Vec<String> {
    let id = env.user_id(email);
    user_roles::table
        .filter(user_roles::user_id.eq(id))
        .order(user_roles::role)
        .select(user_roles::role)
        .load(&mut *env.conn())
        .unwrap()
}

/// The one-time password on a result page.
fn shown_password(r: &Resp) -> String {
    // With a Copy button for it, and a link that says where it goes.
    r.assert_contains(r#"data-copy="one-time-password""#).assert_contains("Open the user page of ");
    let re = regex::Regex::new(r#"id="one-time-password">([^<]+)</code>"#).unwrap();
    re.captures(&r.body).unwrap_or_else(|| panic!("no one-time password in:\n{}", r.body))[1]
        .to_string()
}

/// Audit rows of one operation: (status, old value, new value).
fn audits(env: &Env, operation: &str) -> Vec<(String, Option<String>, Option<String>)> {
    audit_log::table
        .filter(audit_log::operation.eq(operation))
        .order(audit_log::at)
        .select((audit_log::status, audit_log::old_value, audit_log::new_value))
        .load(&mut *env.conn())
        .unwrap()
}

/// Every text of the audit log and of the sessions' state, to look for a secret in.
fn stored_text(env: &Env) -> String {
    type Texts = (String, Option<String>, Option<String>, Option<String>);
    let audit: Vec<Texts> = audit_log::table
        .select((
            audit_log::actor,
            audit_log::resource_id,
            audit_log::old_value,
            audit_log::new_value,
        ))
        .load(&mut *env.conn())
        .unwrap();
    let states: Vec<String> =
        sessions::table.select(sessions::state).load(&mut *env.conn()).unwrap();
    let hashes: Vec<String> =
        users::table.select(users::password_hash).load(&mut *env.conn()).unwrap();
    format!("{audit:?}\n{states:?}\n{hashes:?}")
}

/// Creates a user with the New user form.
async fn create_user<S, B>(
    app: &S,
    b: &mut Browser,
    email: &str,
    name: &str,
    roles: &[&str],
) -> Resp
where
    S: common::TestApp<B>,
    B: actix_web::body::MessageBody,
{
    let mut form = vec![("email", email), ("display_name", name)];
    form.extend(roles.iter().map(|role| ("role", *role)));
    post(app, b, "/users", &form).await
}

/// Gives the user these roles, with the form of the user's page.
async fn set_roles<S, B>(app: &S, b: &mut Browser, user_id: &str, roles: &[&str]) -> Resp
where
    S: common::TestApp<B>,
    B: actix_web::body::MessageBody,
{
    let fields: Vec<(&str, &str)> = roles.iter().map(|role| ("role", *role)).collect();
    post(app, b, &format!("/users/{user_id}/roles"), &fields).await
}

/// An action on the user's own account (`path`) is refused (409) with `message`, and changes
/// nothing.
async fn refused_on_own_account<S, B>(
    env: &Env,
    app: &S,
    b: &mut Browser,
    path: &str,
    message: &str,
) where
    S: common::TestApp<B>,
    B: actix_web::body::MessageBody,
{
    let before = snapshot(&mut env.conn());
    post(app, b, path, &[]).await.assert_status(409).assert_contains(message);
    assert_eq!(before, snapshot(&mut env.conn()));
}

async fn try_sign_in<S, B>(app: &S, email: &str, password: &str) -> (Resp, Browser)
where
    S: common::TestApp<B>,
    B: actix_web::body::MessageBody,
{
    let mut b = at_signin(app).await;
    let r = post(app, &mut b, "/signin", &[("email", email), ("password", password)]).await;
    if r.location() == Some("/signin/code") {
        return (enter_code(app, &mut b, TOTP_SECRET).await, b);
    }
    (r, b)
}

/// A password a new user chooses at their first sign-in.
const CHOSEN: &str = "lighthouse keeper on a windy cape";

#[actix_web::test]
async fn the_list_shows_the_partners_own_users_with_roles_and_state() {
    let (env, _, app) = Env::with_app().await;
    {
        let mut c = env.conn();
        diesel::update(users::table.filter(users::email.eq(SALES_AGENT)))
            .set((users::failed_logins.eq(10), users::locked_until.eq(Some(now_ms() + 60_000))))
            .execute(&mut *c)
            .unwrap();
        diesel::update(users::table.filter(users::email.eq(BILLING_ADMIN)))
            .set(users::active.eq(false))
            .execute(&mut *c)
            .unwrap();
    }
    for who in [GLOBAL_ADMIN, USER_MANAGEMENT_ADMIN] {
        let mut b = sign_in(&app, who).await;
        let r = get(&app, &mut b, "/users").await;
        r.assert_status(200);
        for (role, email) in ALPHA_USERS {
            if *email == BILLING_ADMIN {
                continue; // disabled: cannot sign in, but listed
            }
            r.assert_contains(email).assert_contains(role.label());
        }
        r.assert_contains(BILLING_ADMIN)
            .assert_contains("Disabled")
            .assert_contains("Locked")
            .assert_contains("(you)")
            .assert_lacks(OTHER_ADMIN)
            .assert_lacks(RESELLER_ADMIN)
            .assert_contains(r#"href="/users" aria-current="page""#);
    }
    // The navigation offers Users only to those who may manage them.
    let mut sales = sign_in(&app, ADMIN_AGENT).await;
    get(&app, &mut sales, "/customers").await.assert_status(200).assert_lacks(r#"href="/users""#);
    let mut admin = sign_in(&app, GLOBAL_ADMIN).await;
    get(&app, &mut admin, "/customers").await.assert_contains(r#"href="/users""#);
    // Beta's Global admin sees Beta's users only.
    let mut beta = sign_in(&app, OTHER_ADMIN).await;
    get(&app, &mut beta, "/users")
        .await
        .assert_status(200)
        .assert_contains(OTHER_ADMIN)
        .assert_lacks(GLOBAL_ADMIN)
        .assert_lacks(SALES_AGENT);
}

#[actix_web::test]
async fn a_created_user_signs_in_with_the_password_shown_once() {
    let (env, _, app, mut b) = Env::signed_in(GLOBAL_ADMIN).await;
    get(&app, &mut b, "/users/new").await.assert_status(200).assert_contains("Global admin");
    let roles = ["sales_agent", "helpdesk_agent"];
    let r = create_user(&app, &mut b, "  New.Person@Alpha.TEST ", "New Person", &roles).await;
    r.assert_status(200)
        .assert_contains("shown only once")
        .assert_contains("new.person@alpha.test")
        .assert_contains("Sales agent, Helpdesk agent");
    assert_eq!(r.header("cache-control"), Some("no-store"));
    let password = shown_password(&r);
    assert!(password.len() >= 16, "{password}");
    assert_eq!(roles_of(&env, "new.person@alpha.test"), ["helpdesk_agent", "sales_agent"]);

    // The new user signs in with it (their email in any case), chooses a password, sets up
    // two-step sign-in, and works in their roles.
    let mut newbie = first_sign_in(&app, "NEW.person@alpha.test", &password, CHOSEN).await.browser;
    get(&app, &mut newbie, "/customers").await.assert_status(200);
    get(&app, &mut newbie, "/users").await.assert_status(403);

    // Only the hash is stored; the password is in no audit record or session.
    let hash: String = users::table
        .filter(users::email.eq("new.person@alpha.test"))
        .select(users::password_hash)
        .first(&mut *env.conn())
        .unwrap();
    assert!(hash.starts_with("$argon2id$"), "{hash}");
    assert!(!stored_text(&env).contains(&password), "the password was stored in clear");
    let created = audits(&env, "create_user");
    assert_eq!(created.len(), 1);
    let (status, _, new) = &created[0];
    assert_eq!(status, "succeeded");
    let new = new.as_deref().unwrap();
    assert!(new.contains("new.person@alpha.test") && new.contains("sales_agent, helpdesk_agent"));
    assert!(!new.contains(&password));

    // The list shows the new user.
    get(&app, &mut b, "/users").await.assert_contains("new.person@alpha.test");
}

#[actix_web::test]
async fn creating_refuses_taken_emails_and_bad_input_with_a_sentence_by_the_field() {
    let (env, _, app, mut b) = Env::signed_in(USER_MANAGEMENT_ADMIN).await;
    let before = snapshot(&mut env.conn());
    let uma = &["user_management_admin"][..];
    let not_ours = "Use an address in a verified domain of Alpha Partners: alpha.test.";
    for (email, name, roles, status, message) in [
        // Taken by one of the partner's users, whatever the case.
        (" Sales@Alpha.test", "Dup", uma, 422, "already used by another account"),
        // Another partner's address is outside the partner's domains.
        (OTHER_ADMIN, "Dup", uma, 422, not_ours),
        ("someone@alpha.test.evil.example", "X", uma, 422, not_ours),
        ("someone@sub.alpha.test", "X", uma, 422, not_ours),
        ("not-an-email", "X", uma, 422, "Enter a valid email address"),
        ("", "X", uma, 422, "Enter the user"),
        ("ok@alpha.test", "  ", uma, 422, "Enter the user’s name"),
        ("ok@alpha.test", "Ok", &[][..], 422, "Choose at least one role."),
        ("ok@alpha.test", "Ok", &["emperor"][..], 400, "Choose roles from the list."),
        // A right-to-left override would show another name than the one stored.
        ("ok@alpha.test", "Eve\u{202E}nimda", uma, 422, "text-direction"),
        ("ok@alpha.test", "Eve\u{2066}x", uma, 422, "text-direction"),
    ] {
        let r = create_user(&app, &mut b, email, name, roles).await;
        r.assert_status(status).assert_contains(message);
        if status == 422 {
            // The form again, with what was typed and the message next to its field.
            r.assert_contains(r#"class="field-error""#).assert_contains(r#"action="/users""#);
        }
    }
    assert_eq!(before, snapshot(&mut env.conn()), "a refused creation changed the database");
}

/// A User management admin grants no role that gives access to customers, not to themselves
/// (nobody changes their own roles) nor to anyone else.
#[actix_web::test]
async fn a_user_management_admin_cannot_grant_itself_or_others_customer_access() {
    let (env, _, app, mut uma) = Env::signed_in(USER_MANAGEMENT_ADMIN).await;
    let own = env.user_id(USER_MANAGEMENT_ADMIN);
    let billing = env.user_id(BILLING_ADMIN);
    let before = snapshot(&mut env.conn());
    set_roles(&app, &mut uma, &own, &["admin_agent", "user_management_admin"])
        .await
        .assert_status(403)
        .assert_contains("You cannot change your own roles");
    set_roles(&app, &mut uma, &billing, &["billing_admin", "admin_agent"])
        .await
        .assert_status(403)
        .assert_contains(
            "Only a Global admin can grant or remove roles that give access to customers",
        );
    create_user(&app, &mut uma, "agent2@alpha.test", "Agent Two", &["admin_agent"])
        .await
        .assert_status(403)
        .assert_contains(
            "Only a Global admin can grant or remove roles that give access to customers",
        );
    assert_eq!(before, snapshot(&mut env.conn()), "a refused grant changed the database");
    assert_eq!(roles_of(&env, USER_MANAGEMENT_ADMIN), ["user_management_admin"]);
    let denied = env.audit_count(Audits::of("authz_denied").resource_like("POST /users%"));
    assert_eq!(denied, 3, "every refusal is audited");
    // The customer pages stay closed to them.
    get(&app, &mut uma, "/customers").await.assert_status(403);
}

/// Adding a user with another partner's address says nothing about that address: the domain is
/// not the partner's.
#[actix_web::test]
async fn another_partners_address_is_refused_for_its_domain_not_as_taken() {
    let (env, _, app, mut beta) = Env::signed_in(OTHER_ADMIN).await;
    let before = snapshot(&mut env.conn());
    for email in [GLOBAL_ADMIN, "nobody@alpha.test"] {
        create_user(&app, &mut beta, email, "Someone", &["sales_agent"])
            .await
            .assert_status(422)
            .assert_contains("verified domain")
            .assert_contains("beta.test")
            .assert_lacks("already used");
    }
    assert_eq!(before, snapshot(&mut env.conn()));
}

#[actix_web::test]
async fn a_user_management_admin_cannot_create_or_promote_global_admins() {
    let (env, _, app, mut b) = Env::signed_in(USER_MANAGEMENT_ADMIN).await;
    let only_ga = "Only a Global admin can grant or remove roles that give access to customers";
    // The form offers only the role that gives no access to customers.
    let form = get(&app, &mut b, "/users/new").await;
    form.assert_contains(only_ga).assert_contains(r#"value="user_management_admin">"#);
    for role in ["global_admin", "admin_agent", "sales_agent", "helpdesk_agent", "billing_admin"] {
        form.assert_contains(&format!(r#"value="{role}" disabled"#));
    }
    let before = snapshot(&mut env.conn());
    create_user(&app, &mut b, "boss@alpha.test", "Boss", &["global_admin"])
        .await
        .assert_status(403)
        .assert_contains(only_ga);
    let sales = env.user_id(SALES_AGENT);
    set_roles(&app, &mut b, &sales, &["sales_agent", "global_admin"])
        .await
        .assert_status(403)
        .assert_contains(only_ga);
    // Nor change a Global admin's account: resetting its password would be a way in.
    let admin = env.user_id(GLOBAL_ADMIN);
    post(&app, &mut b, &format!("/users/{admin}/reset-password"), &[])
        .await
        .assert_status(403)
        .assert_contains("Only a Global admin can change the account of a Global admin.");
    set_roles(&app, &mut b, &admin, &["global_admin", "sales_agent"]).await.assert_status(403);
    assert_eq!(before, snapshot(&mut env.conn()));
    let denied = env.audit_count(Audits::of("authz_denied").resource_like("POST /users%"));
    assert_eq!(denied, 4, "every denial is audited");
    // Nor remove one.
    set_roles(&app, &mut b, &sales, &["user_management_admin"])
        .await
        .assert_status(403)
        .assert_contains(only_ga);
    assert_eq!(before, snapshot(&mut env.conn()));
    // The User management admin role is theirs to grant and remove, beside the roles they
    // may not change, which the form keeps as they are.
    let page = get(&app, &mut b, &format!("/users/{sales}")).await;
    page.assert_contains(r#"value="sales_agent" checked disabled"#)
        .assert_contains(r#"<input type="hidden" name="role" value="sales_agent">"#)
        .assert_contains(r#"value="user_management_admin">"#);
    set_roles(&app, &mut b, &sales, &["sales_agent", "user_management_admin"])
        .await
        .assert_status(303);
    assert_eq!(roles_of(&env, SALES_AGENT), ["sales_agent", "user_management_admin"]);
    set_roles(&app, &mut b, &sales, &["sales_agent"]).await.assert_status(303);
    assert_eq!(roles_of(&env, SALES_AGENT), ["sales_agent"]);
    // And they add users with it alone.
    create_user(&app, &mut b, "helper@alpha.test", "Helper", &["user_management_admin"])
        .await
        .assert_status(200);
}

#[actix_web::test]
async fn a_role_change_counts_on_the_targets_very_next_request() {
    let (env, w, app, mut sales) = Env::signed_in(SALES_AGENT).await;
    let account = format!("/customers/{}/account", w.ready.id);
    get(&app, &mut sales, &account)
        .await
        .assert_contains(r#"aria-disabled="true""#)
        .assert_contains("Requires the Global admin role.");

    let mut admin = sign_in(&app, GLOBAL_ADMIN).await;
    let id = env.user_id(SALES_AGENT);
    let page = get(&app, &mut admin, &format!("/users/{id}")).await;
    page.assert_status(200).assert_contains(r#"value="sales_agent" checked"#);
    let r = set_roles(&app, &mut admin, &id, &["global_admin", "sales_agent"]).await;
    r.assert_status(303);
    assert_eq!(r.location(), Some(format!("/users/{id}").as_str()));
    get(&app, &mut admin, &format!("/users/{id}"))
        .await
        .assert_contains("Global admin, Sales agent")
        .assert_contains("signed out everywhere");

    // The target's session ended with the change: the very next request signs in again, and
    // then the new role counts.
    get(&app, &mut sales, &account).await.assert_status(303);
    let mut sales = sign_in(&app, SALES_AGENT).await;
    get(&app, &mut sales, &account)
        .await
        .assert_status(200)
        .assert_lacks(r#"aria-disabled="true""#)
        .assert_contains(&format!(r#"href="/customers/{}/remove-relationship""#, w.ready.id));

    let rows = audits(&env, "update_user_roles");
    assert_eq!(rows.len(), 1);
    assert_eq!(rows[0].1.as_deref(), Some("roles: sales_agent"));
    assert_eq!(rows[0].2.as_deref(), Some("roles: global_admin, sales_agent; sessions ended: 1"));

    // At least one role; an unchanged set changes nothing.
    let before = snapshot(&mut env.conn());
    set_roles(&app, &mut admin, &id, &[])
        .await
        .assert_status(422)
        .assert_contains("Choose at least one role.");
    set_roles(&app, &mut admin, &id, &["sales_agent", "global_admin"]).await.assert_status(303);
    assert_eq!(before, snapshot(&mut env.conn()));
    get(&app, &mut sales, &account).await.assert_status(200);
}

#[actix_web::test]
async fn disabling_ends_the_session_at_once_and_enabling_restores_sign_in() {
    let (env, _, app, mut helpdesk) = Env::signed_in(HELPDESK_AGENT).await;
    let mut admin = sign_in(&app, USER_MANAGEMENT_ADMIN).await;
    let id = env.user_id(HELPDESK_AGENT);
    post(&app, &mut admin, &format!("/users/{id}/disable"), &[]).await.assert_status(303);
    get(&app, &mut admin, &format!("/users/{id}"))
        .await
        .assert_contains("Disabled")
        .assert_contains("is disabled and was signed out everywhere")
        .assert_contains("Enable user");
    // Out at once, and the password no longer signs in.
    get(&app, &mut helpdesk, "/customers").await.assert_status(303);
    try_sign_in(&app, HELPDESK_AGENT, PASSWORD).await.0.assert_status(401);
    let live: i64 = sessions::table
        .filter(sessions::user_id.eq(&id))
        .count()
        .get_result(&mut *env.conn())
        .unwrap();
    assert_eq!(live, 0);

    post(&app, &mut admin, &format!("/users/{id}/enable"), &[]).await.assert_status(303);
    let (r, mut helpdesk) = try_sign_in(&app, HELPDESK_AGENT, PASSWORD).await;
    r.assert_status(303);
    get(&app, &mut helpdesk, "/customers").await.assert_status(200);

    let disabled = audits(&env, "disable_user");
    assert_eq!(disabled.len(), 1);
    assert_eq!(disabled[0].1.as_deref(), Some("active"));
    assert_eq!(disabled[0].2.as_deref(), Some("disabled; sessions ended: 1; API keys revoked: 0"));
    let enabled = audits(&env, "enable_user");
    assert_eq!(enabled.len(), 1);
    assert_eq!(
        (enabled[0].1.as_deref(), enabled[0].2.as_deref()),
        (Some("disabled"), Some("active"))
    );

    // Nobody disables themselves.
    let own = env.user_id(USER_MANAGEMENT_ADMIN);
    let message = "You cannot disable your own account.";
    refused_on_own_account(&env, &app, &mut admin, &format!("/users/{own}/disable"), message).await;
    get(&app, &mut admin, "/users").await.assert_status(200);
}

#[actix_web::test]
async fn a_password_reset_replaces_the_password_and_ends_the_sessions() {
    let (env, _, app, mut target) = Env::signed_in(BILLING_ADMIN).await;
    let id = env.user_id(BILLING_ADMIN);
    // A sign-in lock is lifted with the reset.
    diesel::update(users::table.find(&id))
        .set((users::failed_logins.eq(12), users::locked_until.eq(Some(now_ms() + 3_600_000))))
        .execute(&mut *env.conn())
        .unwrap();
    let mut admin = sign_in(&app, GLOBAL_ADMIN).await;
    get(&app, &mut admin, &format!("/users/{id}")).await.assert_contains("Locked");
    let r = post(&app, &mut admin, &format!("/users/{id}/reset-password"), &[]).await;
    r.assert_status(200).assert_contains("Password reset").assert_contains("shown only once");
    assert_eq!(r.header("cache-control"), Some("no-store"));
    let password = shown_password(&r);

    get(&app, &mut target, "/customers").await.assert_status(303);
    try_sign_in(&app, BILLING_ADMIN, PASSWORD).await.0.assert_status(401);
    // The one-time password must be replaced; the authenticator app stays as it was.
    let (r, mut target) = try_sign_in(&app, BILLING_ADMIN, &password).await;
    assert_eq!(r.location(), Some("/signin/password"));
    get(&app, &mut target, "/signin/password").await.assert_status(200);
    let fields = [("new_password", CHOSEN), ("confirm_password", CHOSEN)];
    let r = post(&app, &mut target, "/signin/password", &fields).await;
    assert_eq!(r.location(), Some("/signin/code"));
    enter_code(&app, &mut target, TOTP_SECRET).await;
    get(&app, &mut target, "/customers").await.assert_status(200);

    assert!(!stored_text(&env).contains(&password), "the password was stored in clear");
    let rows = audits(&env, "reset_password");
    assert_eq!(rows.len(), 1);
    assert_eq!(rows[0].0, "succeeded");
    assert!(rows[0].2.as_deref().unwrap().contains("sessions ended: 1"));

    // Your own password is changed under Change password.
    let own = env.user_id(GLOBAL_ADMIN);
    let path = format!("/users/{own}/reset-password");
    let message = "Change your own password under Change password";
    refused_on_own_account(&env, &app, &mut admin, &path, message).await;
}

#[actix_web::test]
async fn the_last_active_global_admin_cannot_be_disabled_or_demoted() {
    let (env, _, app) = Env::with_app().await;
    let admin_id = env.user_id(GLOBAL_ADMIN);
    let message = format!(
        "User {GLOBAL_ADMIN} is the last active Global admin of Alpha Partners; make someone else Global admin first."
    );
    let before = snapshot(&mut env.conn());
    // Neither disabled nor demoted: the answer to each attempt, and the refused role form.
    let attempts_refused = async |b: &mut Browser| {
        post(&app, b, &format!("/users/{admin_id}/disable"), &[])
            .await
            .assert_status(409)
            .assert_contains(&message);
        let r = set_roles(&app, b, &admin_id, &["admin_agent"]).await;
        r.assert_status(409).assert_contains(&message);
        r
    };
    // Not by a User management admin (whose own role rules come second: this holds whoever
    // asks).
    let mut uma = sign_in(&app, USER_MANAGEMENT_ADMIN).await;
    attempts_refused(&mut uma).await;
    // The Global admin cannot disable themselves, nor change their own roles at all.
    let mut admin = sign_in(&app, GLOBAL_ADMIN).await;
    post(&app, &mut admin, &format!("/users/{admin_id}/disable"), &[])
        .await
        .assert_status(409)
        .assert_contains(&message);
    set_roles(&app, &mut admin, &admin_id, &["global_admin", "sales_agent"])
        .await
        .assert_status(403)
        .assert_contains("You cannot change your own roles: another Global admin can.");
    get(&app, &mut admin, &format!("/users/{admin_id}"))
        .await
        .assert_contains("You cannot change your own roles")
        .assert_lacks(&format!(r#"action="/users/{admin_id}/roles""#));
    assert_eq!(before, snapshot(&mut env.conn()), "a refusal changed the database");
    get(&app, &mut admin, "/users").await.assert_status(200);
    let refused = Audits::of_any(&["disable_user", "update_user_roles"]).failed();
    assert_eq!(env.audit_count(refused), 3, "each refusal is audited");
    let denied = Audits::of("authz_denied").resource_like("POST /users/%/roles");
    assert_eq!(env.audit_count(denied), 1, "the refused change of one's own roles too");

    // A disabled Global admin does not count.
    let spare =
        add_user(&mut env.conn(), &env.world.alpha, "spare@alpha.test", &[Role::GlobalAdmin]);
    diesel::update(users::table.find(&spare))
        .set(users::active.eq(false))
        .execute(&mut *env.conn())
        .unwrap();
    set_roles(&app, &mut uma, &admin_id, &["admin_agent"]).await.assert_status(409);

    // With another active Global admin, that one may demote the first.
    let sales = env.user_id(SALES_AGENT);
    set_roles(&app, &mut admin, &sales, &["global_admin"]).await.assert_status(303);
    let mut second = sign_in(&app, SALES_AGENT).await;
    set_roles(&app, &mut second, &admin_id, &["admin_agent"]).await.assert_status(303);
    get(&app, &mut admin, "/users").await.assert_status(303);
    assert_eq!(roles_of(&env, GLOBAL_ADMIN), ["admin_agent"]);
    // Now the last one, the second cannot be demoted by anyone.
    let mut uma = sign_in(&app, USER_MANAGEMENT_ADMIN).await;
    set_roles(&app, &mut uma, &sales, &["sales_agent"]).await.assert_status(409);
    assert_eq!(roles_of(&env, SALES_AGENT), ["global_admin"]);
}

/// Of two Global admins acting on each other at once, exactly one succeeded (the other was
/// refused, or found its own session already ended by the change), and Alpha has one left.
fn exactly_one_done_and_one_global_admin_left(env: &Env, ra: &Resp, rb: &Resp) {
    let done = |r: &Resp| {
        r.status.as_u16() == 303 && r.location().is_some_and(|l| l.starts_with("/users/"))
    };
    assert!(
        done(ra) ^ done(rb),
        "exactly one may succeed: {} {:?} / {} {:?}",
        ra.status,
        ra.location(),
        rb.status,
        rb.location()
    );
    let active_admins: i64 = users::table
        .inner_join(user_roles::table)
        .filter(users::partner_id.eq(&env.world.alpha.id))
        .filter(users::active.eq(true))
        .filter(user_roles::role.eq("global_admin"))
        .count()
        .get_result(&mut *env.conn())
        .unwrap();
    assert_eq!(active_admins, 1);
}

#[actix_web::test]
async fn two_global_admins_demoting_each_other_at_once_leave_one() {
    let (env, _, app) = Env::with_app().await;
    let second =
        add_user(&mut env.conn(), &env.world.alpha, "second@alpha.test", &[Role::GlobalAdmin]);
    let first = env.user_id(GLOBAL_ADMIN);
    let mut a = sign_in(&app, GLOBAL_ADMIN).await;
    let mut b = sign_in(&app, "second@alpha.test").await;
    let (ra, rb) = futures_util::future::join(
        set_roles(&app, &mut a, &second, &["admin_agent"]),
        set_roles(&app, &mut b, &first, &["admin_agent"]),
    )
    .await;
    exactly_one_done_and_one_global_admin_left(&env, &ra, &rb);
}

#[actix_web::test]
async fn two_global_admins_disabling_each_other_at_once_leave_one() {
    let (env, _, app) = Env::with_app().await;
    let second =
        add_user(&mut env.conn(), &env.world.alpha, "second@alpha.test", &[Role::GlobalAdmin]);
    let first = env.user_id(GLOBAL_ADMIN);
    let mut a = sign_in(&app, GLOBAL_ADMIN).await;
    let mut b = sign_in(&app, "second@alpha.test").await;
    let path_a = format!("/users/{second}/disable");
    let path_b = format!("/users/{first}/disable");
    let (ra, rb) = futures_util::future::join(
        post(&app, &mut a, &path_a, &[]),
        post(&app, &mut b, &path_b, &[]),
    )
    .await;
    exactly_one_done_and_one_global_admin_left(&env, &ra, &rb);
}

#[actix_web::test]
async fn another_partners_user_is_not_found_and_nothing_changes() {
    let (env, _, app) = Env::with_app().await;
    let beta_admin = env.user_id(OTHER_ADMIN);
    for who in [GLOBAL_ADMIN, USER_MANAGEMENT_ADMIN] {
        let mut b = sign_in(&app, who).await;
        let before = snapshot(&mut env.conn());
        get(&app, &mut b, &format!("/users/{beta_admin}")).await.assert_status(404);
        for (action, form) in [
            ("roles", &[("role", "sales_agent")][..]),
            ("disable", &[][..]),
            ("enable", &[][..]),
            ("reset-password", &[][..]),
        ] {
            post(&app, &mut b, &format!("/users/{beta_admin}/{action}"), form)
                .await
                .assert_status(404)
                .assert_contains("does not exist");
        }
        get(&app, &mut b, "/users/no-such-user").await.assert_status(404);
        assert_eq!(before, snapshot(&mut env.conn()), "{who} changed another partner's user");
    }
    // Beta's admin is still signed in and unchanged.
    let mut beta = sign_in(&app, OTHER_ADMIN).await;
    get(&app, &mut beta, "/users").await.assert_status(200);
}

#[actix_web::test]
async fn only_global_admins_and_user_management_admins_manage_users() {
    let (env, _, app) = Env::with_app().await;
    let target = env.user_id(SALES_AGENT);
    let before = snapshot(&mut env.conn());
    for who in [ADMIN_AGENT, SALES_AGENT, HELPDESK_AGENT, BILLING_ADMIN] {
        let mut b = sign_in(&app, who).await;
        for path in ["/users".to_string(), "/users/new".into(), format!("/users/{target}")] {
            get(&app, &mut b, &path)
                .await
                .assert_status(403)
                .assert_contains("Requires the Global admin or User management admin role.");
        }
        create_user(&app, &mut b, "x@alpha.test", "X", &["sales_agent"]).await.assert_status(403);
        for action in ["disable", "enable", "reset-password"] {
            post(&app, &mut b, &format!("/users/{target}/{action}"), &[]).await.assert_status(403);
        }
        set_roles(&app, &mut b, &target, &["global_admin"]).await.assert_status(403);
    }
    assert_eq!(before, snapshot(&mut env.conn()));
    let mut anon = Browser::default();
    for path in ["/users".to_string(), "/users/new".into(), format!("/users/{target}")] {
        let r = get(&app, &mut anon, &path).await;
        r.assert_status(303);
        assert!(r.location().unwrap().starts_with("/signin"), "{path}: {:?}", r.location());
    }
    let r = post(&app, &mut anon, &format!("/users/{target}/disable"), &[]).await;
    r.assert_status(303);
    assert!(r.location().unwrap().starts_with("/signin"), "{:?}", r.location());
    assert_eq!(before, snapshot(&mut env.conn()));
}

#[actix_web::test]
async fn a_user_management_admin_lands_on_users() {
    let (_env, _, app) = Env::with_app().await;
    let (r, mut b) = try_sign_in(&app, USER_MANAGEMENT_ADMIN, PASSWORD).await;
    assert_eq!(r.location(), Some("/"));
    let home = get(&app, &mut b, "/").await;
    assert_eq!(home.location(), Some("/users"));
    let mut admin = sign_in(&app, GLOBAL_ADMIN).await;
    assert_eq!(get(&app, &mut admin, "/").await.location(), Some("/customers"));
}

#[actix_web::test]
async fn the_users_pages_show_the_partners_verified_domains() {
    let (env, _, app, mut b) = Env::signed_in(USER_MANAGEMENT_ADMIN).await;
    let mut c = env.conn();
    partnerdesk::models::partner::add_domain(&mut c, &env.world.alpha.id, "alpha.example", 0)
        .unwrap();
    drop(c);
    get(&app, &mut b, "/users")
        .await
        .assert_contains("Verified domains")
        .assert_contains(r#"<li class="mono">alpha.example</li><li class="mono">alpha.test</li>"#)
        .assert_lacks("beta.test");
    get(&app, &mut b, "/users/new")
        .await
        .assert_contains("The address must be in: alpha.example, alpha.test.");
    // Either domain will do.
    create_user(&app, &mut b, "ada@alpha.example", "Ada", &["user_management_admin"])
        .await
        .assert_status(200);
}

#[actix_web::test]
async fn create_admin_verifies_the_admins_domain_for_the_partner_only() {
    use partnerdesk::models::partner::{self, PartnerKind};
    let (env, _, app) = Env::with_app().await;
    let mut c = env.conn();
    let hash = partnerdesk::auth::password::hash_now(PASSWORD).unwrap();
    let create =
        |c: &mut partnerdesk::db::AnyConnection, partner: &str, email: &str, extra: &[&str]| {
            let extra: Vec<String> = extra.iter().map(|d| d.to_string()).collect();
            partnerdesk::seed::create_admin(
                c,
                partner,
                PartnerKind::Direct,
                email,
                "Admin",
                &hash,
                &extra,
            )
        };
    // A new partner gets the admin's domain and the extra ones.
    create(&mut c, "Delta Partners", "Admin@Delta.test", &["Delta.Example"]).unwrap();
    let delta = partner::find_by_name(&mut c, "Delta Partners").unwrap().unwrap();
    assert_eq!(partner::domains_of(&mut c, &delta.id).unwrap(), ["delta.example", "delta.test"]);
    // Another partner's domain is refused, and nothing of the attempt stays.
    for (partner_name, email, extra) in [
        ("Epsilon Partners", "admin@alpha.test.example", &["alpha.test"][..]),
        ("Epsilon Partners", "boss@beta.test", &[][..]),
        ("Delta Partners", "second@alpha.test", &[][..]),
    ] {
        let e = create(&mut c, partner_name, email, extra).unwrap_err();
        assert!(e.to_string().contains("verified for another partner"), "{e}");
    }
    assert!(partner::find_by_name(&mut c, "Epsilon Partners").unwrap().is_none());
    assert!(create(&mut c, "Zeta", "admin@not a domain", &[]).is_err());
    let added =
        partnerdesk::seed::add_partner_domains(&mut c, "Delta Partners", &["delta.io".into()]);
    assert_eq!(added.unwrap(), ["delta.example", "delta.io", "delta.test"]);
    assert!(
        partnerdesk::seed::add_partner_domains(&mut c, "Delta Partners", &["beta.test".into()])
            .is_err()
    );
    assert!(
        partnerdesk::seed::add_partner_domains(&mut c, "Nobody", &["nobody.test".into()]).is_err()
    );
    drop(c);
    // Delta's admin (first sign-in: the password given is a one-time one) adds users in Delta's
    // domains only.
    let mut b = first_sign_in(&app, "admin@delta.test", PASSWORD, CHOSEN).await.browser;
    create_user(&app, &mut b, "sales@delta.io", "Sales", &["sales_agent"]).await.assert_status(200);
    create_user(&app, &mut b, "sales@alpha.test", "Sales", &["sales_agent"])
        .await
        .assert_status(422)
        .assert_contains("Use an address in a verified domain of Delta Partners: delta.example, delta.io, delta.test.");
}

#[actix_web::test]
async fn a_partner_without_a_verified_domain_adds_no_user_and_is_told_why() {
    use partnerdesk::db::schema::partner_domains;
    let (env, _, app, mut b) = Env::signed_in(GLOBAL_ADMIN).await;
    diesel::delete(
        partner_domains::table.filter(partner_domains::partner_id.eq(&env.world.alpha.id)),
    )
    .execute(&mut *env.conn())
    .unwrap();
    get(&app, &mut b, "/users").await.assert_contains("None yet, so no user can be added");
    let before = snapshot(&mut env.conn());
    create_user(&app, &mut b, "new@alpha.test", "New", &["sales_agent"])
        .await
        .assert_status(422)
        .assert_contains("Alpha Partners has no verified domain yet");
    assert_eq!(before, snapshot(&mut env.conn()));
}

/// The migration gives each partner the domains its users have, unless users of another
/// partner have the domain too.
#[actix_web::test]
async fn the_migration_verifies_the_domains_partners_use_alone() {
    use partnerdesk::db::schema::partner_domains as pd;
    let (env, w, _app) = Env::with_app().await;
    let mut c = env.conn();
    add_user(&mut c, &w.alpha, "one@shared.test", &[Role::SalesAgent]);
    add_user(&mut c, &w.beta, "two@shared.test", &[Role::SalesAgent]);
    add_user(&mut c, &w.beta, "three@beta.example", &[Role::SalesAgent]);
    diesel::delete(pd::table).execute(&mut *c).unwrap();
    let backend = env.state.config.database.backend_name();
    let path = format!(
        "{}/migrations/{backend}/2026-12-02-000010_invitation_customer_and_partner_domains/up.sql",
        env!("CARGO_MANIFEST_DIR")
    );
    let sql = std::fs::read_to_string(&path).unwrap();
    let insert = sql.split(';').find(|s| s.contains("INSERT INTO partner_domains")).unwrap();
    diesel::sql_query(insert).execute(&mut *c).unwrap();
    let rows: Vec<(String, String)> =
        pd::table.order(pd::domain).select((pd::domain, pd::partner_id)).load(&mut *c).unwrap();
    assert_eq!(
        rows,
        [
            ("alpha.test".to_string(), w.alpha.id.clone()),
            ("beta.example".to_string(), w.beta.id.clone()),
            ("beta.test".to_string(), w.beta.id.clone()),
            ("reseller.test".to_string(), w.reseller.id.clone()),
        ]
    );
}
