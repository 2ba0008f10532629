//! GDAP admin relationships: the partner creates one, sends it for approval, the customer's
//! administrator approves or declines it, the partner terminates it (also in bulk) and turns
//! auto-extend on or off; the job runner makes it expiring, extends it or lets it expire on time.
//! Every refusal is a sentence and changes nothing.

mod common;

use common::world::*;
use common::*;
use diesel::prelude::*;
use partnerdesk::auth::CurrentUser;
use partnerdesk::db::schema::{gdap_relationships, jobs, relationships};
use partnerdesk::error::AppError;
use partnerdesk::models::entra_role::GLOBAL_ADMINISTRATOR;
use partnerdesk::models::gdap::{self as rows, GdapRelationship};
use partnerdesk::models::outbox;
use partnerdesk::models::partner::Partner;
use partnerdesk::models::role::Role;
use partnerdesk::services::Ctx;
use partnerdesk::services::audit::Actor;
use partnerdesk::services::gdap::{self as svc, NewRelationship, parse_duration};
use partnerdesk::services::jobs::{RunSummary, run_due};
use partnerdesk::util::clock::{DAY_MS, now_ms};
use partnerdesk::util::urls::PublicUrl;

const GLOBAL_READER: &str = "f2ef992c-3afb-46b9-b7cf-a126ee74c451";
const USER_ADMINISTRATOR: &str = "fe930be7-5e62-47db-91af-98c3a49a38b1";
const HOUR_MS: i64 = 60 * 60 * 1000;

fn links() -> PublicUrl {
    PublicUrl::parse(partnerdesk::config::TEST_PUBLIC_URL).unwrap()
}

/// The service context of `email`, a user of `p` with `roles`, at `now`.
fn ctx_of(env: &Env, p: &Partner, email: &str, roles: &[Role], now: i64) -> Ctx {
    Ctx {
        user: CurrentUser {
            id: env.user_id(email),
            email: email.into(),
            display_name: email.into(),
            partner: p.clone(),
            roles: roles.to_vec(),
            csrf_token: String::new(),
            locale: partnerdesk::i18n::Locale::En,
            path: "/".into(),
        },
        request_id: partnerdesk::util::tokens::new_id(),
        correlation_id: None,
        now,
    }
}

fn admin(env: &Env, now: i64) -> Ctx {
    ctx_of(env, &env.world.alpha, GLOBAL_ADMIN, &[Role::GlobalAdmin], now)
}

/// The customer's administrator, as the customer's side names them.
fn customer_admin() -> Actor {
    Actor {
        partner_id: None,
        user_id: None,
        label: "it@contoso.example".into(),
        request_id: partnerdesk::util::tokens::new_id(),
        correlation_id: None,
    }
}

fn new_rel(
    customer: &str,
    name: &str,
    days: &str,
    extend: bool,
    roles: &[&str],
) -> NewRelationship {
    NewRelationship {
        customer_id: customer.into(),
        display_name: name.into(),
        duration: days.into(),
        auto_extend: if extend { "P180D" } else { "PT0S" }.into(),
        role_ids: roles.iter().map(|r| r.to_string()).collect(),
    }
}

/// A relationship of Alpha with Contoso, created, sent and approved at `at`: active.
fn active(
    env: &Env,
    name: &str,
    days: i32,
    extend: bool,
    roles: &[&str],
    at: i64,
) -> GdapRelationship {
    let ctx = admin(env, at);
    let cust = env.world.contoso.id.clone();
    let rel = svc::create(
        &mut env.conn(),
        &ctx,
        &new_rel(&cust, name, &format!("P{days}D"), extend, roles),
    )
    .unwrap();
    svc::send_for_approval(&mut env.conn(), &ctx, &links(), &rel.id).unwrap();
    svc::approve(&mut env.conn(), &customer_admin(), &links(), &cust, &rel.id, at).unwrap()
}

fn stored(env: &Env, id: &str) -> GdapRelationship {
    gdap_relationships::table
        .find(id)
        .select(GdapRelationship::as_select())
        .first(&mut *env.conn())
        .unwrap()
}

/// Alpha's kept count of active GDAP relationships with Contoso.
fn kept_active(env: &Env) -> i64 {
    relationships::table
        .filter(relationships::partner_id.eq(&env.world.alpha.id))
        .filter(relationships::customer_id.eq(&env.world.contoso.id))
        .select(relationships::active_gdap)
        .first(&mut *env.conn())
        .unwrap()
}

/// The database's own check (kept counts against a recount among them) finds nothing.
fn assert_counts_hold(env: &Env) {
    let report = partnerdesk::db::maintenance::check(&mut env.conn()).unwrap();
    assert!(report.problems.is_empty(), "{:?}", report.problems);
}

fn mails_to(env: &Env, to: &str) -> Vec<String> {
    letters_to(env, to).into_iter().map(|(subject, _)| subject).collect()
}

fn run_at(env: &Env, at: i64) -> RunSummary {
    run_due(&mut env.conn(), &links(), at).unwrap()
}

fn conflict_text(e: AppError) -> String {
    match e {
        AppError::Conflict(m) => m.to_string(),
        other => panic!("expected 409, got {other:?}"),
    }
}

#[test]
fn durations_are_strict_iso_days_from_1_to_730() {
    assert_eq!(parse_duration("P1D"), Some(1));
    assert_eq!(parse_duration("P730D"), Some(730));
    for bad in ["P0D", "P731D", "P01D", "PT1D", "p1d", "P1.5D", "P D", "P-1D", "1", "P1W", ""] {
        assert_eq!(parse_duration(bad), None, "{bad}");
    }
}

#[actix_web::test]
async fn a_relationship_is_created_sent_approved_and_terminated() {
    let (env, w, app, mut b) = Env::signed_in(GLOBAL_ADMIN).await;
    let r = post(
        &app,
        &mut b,
        "/gdap",
        &[
            ("customer", &w.contoso.id),
            ("display_name", "Contoso helpdesk"),
            ("duration_days", "90"),
            ("role", GLOBAL_READER),
            ("role", USER_ADMINISTRATOR),
        ],
    )
    .await;
    r.assert_status(303);
    let page = r.location().unwrap().to_string();
    let id = page.trim_start_matches("/gdap/").to_string();
    get(&app, &mut b, &page)
        .await
        .assert_status(200)
        .assert_contains("Contoso helpdesk")
        .assert_contains("Created")
        .assert_contains("Global Reader")
        .assert_contains("User Administrator")
        .assert_contains("Create GDAP relationship");
    post(&app, &mut b, &format!("/gdap/{id}/send"), &[]).await.assert_status(303);
    get(&app, &mut b, &page)
        .await
        .assert_contains("Approval pending")
        .assert_contains(&format!("http://partnerdesk.test/tenant/gdap/{id}"));
    assert_eq!(kept_active(&env), 0);

    // The customer's administrator approves: active for the duration.
    let now = now_ms();
    let rel = svc::approve(&mut env.conn(), &customer_admin(), &links(), &w.contoso.id, &id, now)
        .unwrap();
    assert_eq!(rel.status, rows::ACTIVE);
    assert_eq!(rel.activated_at, Some(now));
    assert_eq!(rel.end_at, Some(now + 90 * DAY_MS));
    assert_eq!(kept_active(&env), 1);
    assert_counts_hold(&env);
    assert!(
        mails_to(&env, GLOBAL_ADMIN).iter().any(|s| s.contains("approved the GDAP relationship"))
    );
    // Approval is in the partner's log, by the customer's administrator.
    assert_eq!(env.audit_count(Audits::of("approve_granular_admin_relationship")), 1);

    // Terminate asks first.
    let r = post(&app, &mut b, &format!("/gdap/{id}/terminate"), &[]).await;
    r.assert_status(303);
    assert_eq!(r.location(), Some(format!("/gdap/{id}/terminate").as_str()));
    assert_eq!(stored(&env, &id).status, rows::ACTIVE);
    get(&app, &mut b, &format!("/gdap/{id}/terminate"))
        .await
        .assert_status(200)
        .assert_contains("Terminate the GDAP relationship “Contoso helpdesk” with");
    post(&app, &mut b, &format!("/gdap/{id}/terminate"), &[("confirmed", "yes")])
        .await
        .assert_status(303);
    let rel = stored(&env, &id);
    assert_eq!(rel.status, rows::TERMINATED);
    assert!(rel.ended_at.is_some());
    assert_eq!(kept_active(&env), 0);
    assert_counts_hold(&env);
    assert!(mails_to(&env, GLOBAL_ADMIN).iter().any(|s| s.contains("terminated")));
    get(&app, &mut b, &page)
        .await
        .assert_contains("Terminated")
        .assert_contains("Terminate GDAP relationship");
}

#[actix_web::test]
async fn illegal_transitions_are_409_with_the_status_named() {
    let (env, w, app, mut b) = Env::signed_in(GLOBAL_ADMIN).await;
    let now = now_ms();
    let ctx = admin(&env, now);
    let created = svc::create(
        &mut env.conn(),
        &ctx,
        &new_rel(&w.contoso.id, "Created one", "P30D", false, &[GLOBAL_READER]),
    )
    .unwrap();
    // Approving or declining what was never sent.
    let e =
        svc::approve(&mut env.conn(), &customer_admin(), &links(), &w.contoso.id, &created.id, now)
            .unwrap_err();
    assert_eq!(
        conflict_text(e),
        "The GDAP relationship “Created one” cannot be approved while its status is Created."
    );
    let e =
        svc::decline(&mut env.conn(), &customer_admin(), &links(), &w.contoso.id, &created.id, now)
            .unwrap_err();
    assert!(conflict_text(e).contains("cannot be declined while its status is Created"));
    let e = svc::terminate_by_customer(
        &mut env.conn(),
        &customer_admin(),
        &links(),
        &w.contoso.id,
        &created.id,
        now,
    )
    .unwrap_err();
    assert!(conflict_text(e).contains("cannot be terminated while its status is Created"));

    let live = active(&env, "Live one", 30, false, &[GLOBAL_READER], now);
    let before = snapshot(&mut env.conn());
    // Sending what is active, over the web: the page again with the sentence.
    post(&app, &mut b, &format!("/gdap/{}/send", live.id), &[])
        .await
        .assert_status(409)
        .assert_contains("cannot be sent for approval while its status is Active");
    let e =
        svc::approve(&mut env.conn(), &customer_admin(), &links(), &w.contoso.id, &live.id, now)
            .unwrap_err();
    assert!(conflict_text(e).contains("while its status is Active"));
    assert_eq!(before, snapshot(&mut env.conn()));

    // The customer declines a request: terminated (Graph has no "declined").
    let asked = svc::create(
        &mut env.conn(),
        &ctx,
        &new_rel(&w.contoso.id, "Asked", "P30D", false, &[GLOBAL_READER]),
    )
    .unwrap();
    svc::send_for_approval(&mut env.conn(), &ctx, &links(), &asked.id).unwrap();
    let declined =
        svc::decline(&mut env.conn(), &customer_admin(), &links(), &w.contoso.id, &asked.id, now)
            .unwrap();
    assert_eq!(declined.status, rows::TERMINATED);
    post(&app, &mut b, &format!("/gdap/{}/terminate", asked.id), &[("confirmed", "yes")])
        .await
        .assert_status(409)
        .assert_contains("cannot be terminated while its status is Terminated");
    get(&app, &mut b, &format!("/gdap/{}/terminate", asked.id)).await.assert_status(409);

    // The customer ends the partner's access.
    let ended = svc::terminate_by_customer(
        &mut env.conn(),
        &customer_admin(),
        &links(),
        &w.contoso.id,
        &live.id,
        now,
    )
    .unwrap();
    assert_eq!(ended.status, rows::TERMINATED);
    assert_eq!(kept_active(&env), 0);
    assert_counts_hold(&env);
}

#[actix_web::test]
async fn only_the_named_customer_approves() {
    let env = Env::new();
    let w = env.world.clone();
    let now = now_ms();
    let ctx = admin(&env, now);
    let rel = svc::create(
        &mut env.conn(),
        &ctx,
        &new_rel(&w.contoso.id, "Named", "P30D", false, &[GLOBAL_READER]),
    )
    .unwrap();
    svc::send_for_approval(&mut env.conn(), &ctx, &links(), &rel.id).unwrap();
    for other in [&w.ready.id, &w.beta_customer.id] {
        let e = svc::approve(&mut env.conn(), &customer_admin(), &links(), other, &rel.id, now)
            .unwrap_err();
        assert!(matches!(e, AppError::NotFound), "{e:?}");
        let e = svc::decline(&mut env.conn(), &customer_admin(), &links(), other, &rel.id, now)
            .unwrap_err();
        assert!(matches!(e, AppError::NotFound), "{e:?}");
    }
    assert_eq!(stored(&env, &rel.id).status, rows::APPROVAL_PENDING);
    // The customer's view across partners names the partner.
    let theirs = svc::list_for_customer(&mut env.conn(), &w.contoso.id).unwrap();
    assert_eq!(theirs.len(), 1);
    assert_eq!(theirs[0].partner_name, w.alpha.name);
    assert_eq!(theirs[0].roles[0].name, "Global Reader");
}

#[actix_web::test]
async fn the_form_refuses_bad_input_with_a_sentence_and_keeps_it() {
    let (env, w, app, mut b) = Env::signed_in(GLOBAL_ADMIN).await;
    let before = snapshot(&mut env.conn());
    let long = "x".repeat(51);
    type Case<'a> = (Vec<(&'a str, &'a str)>, u16, &'a str);
    let cases: Vec<Case> = vec![
        (
            vec![("duration_days", "0"), ("role", GLOBAL_READER)],
            422,
            "Enter a duration from 1 to 730 days.",
        ),
        (
            vec![("duration_days", "731"), ("role", GLOBAL_READER)],
            422,
            "Enter a duration from 1 to 730 days.",
        ),
        (
            vec![("duration_days", "1.5"), ("role", GLOBAL_READER)],
            422,
            "Enter a duration from 1 to 730 days.",
        ),
        (vec![("duration_days", "30")], 422, "Choose at least one Microsoft Entra role."),
        (
            vec![("duration_days", "30"), ("role", "00000000-0000-0000-0000-000000000000")],
            422,
            "Choose the roles from the list.",
        ),
        (
            vec![("duration_days", "30"), ("role", GLOBAL_ADMINISTRATOR), ("auto_extend", "on")],
            422,
            "A relationship with the Global Administrator role cannot extend automatically.",
        ),
    ];
    for (fields, status, sentence) in cases {
        let mut form = vec![("customer", w.contoso.id.as_str()), ("display_name", "Kept name")];
        form.extend(fields);
        post(&app, &mut b, "/gdap", &form)
            .await
            .assert_status(status)
            .assert_contains(sentence)
            .assert_contains(r#"value="Kept name""#);
    }
    post(
        &app,
        &mut b,
        "/gdap",
        &[
            ("customer", &w.contoso.id),
            ("display_name", &long),
            ("duration_days", "30"),
            ("role", GLOBAL_READER),
        ],
    )
    .await
    .assert_status(422)
    .assert_contains("Enter a name of 1 to 50 characters.");
    // Another partner's customer is not one of Alpha's.
    post(
        &app,
        &mut b,
        "/gdap",
        &[
            ("customer", &w.beta_customer.id),
            ("display_name", "Theirs"),
            ("duration_days", "30"),
            ("role", GLOBAL_READER),
        ],
    )
    .await
    .assert_status(404);
    assert_eq!(before, snapshot(&mut env.conn()));
    // A name the partner already uses.
    let form = [
        ("customer", w.contoso.id.as_str()),
        ("display_name", "Twice"),
        ("duration_days", "730"),
        ("role", GLOBAL_READER),
    ];
    post(&app, &mut b, "/gdap", &form).await.assert_status(303);
    post(&app, &mut b, "/gdap", &form)
        .await
        .assert_status(409)
        .assert_contains("already has a GDAP relationship named “Twice”");
    // Global Administrator without auto-extend is allowed.
    post(
        &app,
        &mut b,
        "/gdap",
        &[
            ("customer", &w.contoso.id),
            ("display_name", "Full"),
            ("duration_days", "730"),
            ("role", GLOBAL_ADMINISTRATOR),
        ],
    )
    .await
    .assert_status(303);
}

#[actix_web::test]
async fn roles_without_manage_gdap_are_refused_and_other_partners_see_nothing() {
    let (env, w, app, mut sales) = Env::signed_in(SALES_AGENT).await;
    let rel = active(&env, "Alpha only", 60, false, &[GLOBAL_READER], now_ms());
    get(&app, &mut sales, "/gdap").await.assert_status(200).assert_contains("Alpha only");
    get(&app, &mut sales, &format!("/gdap/{}", rel.id)).await.assert_status(200);
    let before = snapshot(&mut env.conn());
    post(
        &app,
        &mut sales,
        "/gdap",
        &[
            ("customer", &w.contoso.id),
            ("display_name", "No"),
            ("duration_days", "30"),
            ("role", GLOBAL_READER),
        ],
    )
    .await
    .assert_status(403)
    .assert_contains("Requires the Global admin or Admin agent role.");
    post(&app, &mut sales, &format!("/gdap/{}/terminate", rel.id), &[("confirmed", "yes")])
        .await
        .assert_status(403);
    post(&app, &mut sales, "/gdap/bulk/auto-extend", &[("id", &rel.id)]).await.assert_status(403);

    let mut users_admin = sign_in(&app, USER_MANAGEMENT_ADMIN).await;
    get(&app, &mut users_admin, "/gdap").await.assert_status(403);

    let mut beta = sign_in(&app, OTHER_ADMIN).await;
    get(&app, &mut beta, "/gdap").await.assert_status(200).assert_lacks("Alpha only");
    get(&app, &mut beta, &format!("/gdap/{}", rel.id)).await.assert_status(404);
    post(&app, &mut beta, &format!("/gdap/{}/terminate", rel.id), &[("confirmed", "yes")])
        .await
        .assert_status(404);
    post(&app, &mut beta, &format!("/gdap/{}/auto-extend", rel.id), &[("auto_extend", "on")])
        .await
        .assert_status(404);
    post(&app, &mut beta, "/gdap/bulk/terminate", &[("id", &rel.id), ("confirmed", "yes")])
        .await
        .assert_status(404);
    assert_eq!(before, snapshot(&mut env.conn()));
}

#[actix_web::test]
async fn auto_extend_never_with_global_administrator_and_bulk_takes_25() {
    let (env, _w, app, mut b) = Env::signed_in(ADMIN_AGENT).await;
    let now = now_ms();
    let plain = active(&env, "Plain", 100, false, &[GLOBAL_READER], now);
    let full = active(&env, "Full", 100, false, &[GLOBAL_ADMINISTRATOR, GLOBAL_READER], now);
    let waiting = {
        let ctx = admin(&env, now);
        let r = svc::create(
            &mut env.conn(),
            &ctx,
            &new_rel(&env.world.contoso.id, "Waiting", "P30D", false, &[GLOBAL_READER]),
        )
        .unwrap();
        svc::send_for_approval(&mut env.conn(), &ctx, &links(), &r.id).unwrap();
        r
    };
    post(&app, &mut b, &format!("/gdap/{}/auto-extend", full.id), &[("auto_extend", "on")])
        .await
        .assert_status(422)
        .assert_contains("cannot extend automatically");
    assert_eq!(stored(&env, &full.id).auto_extend_days, 0);
    post(&app, &mut b, &format!("/gdap/{}/auto-extend", plain.id), &[("auto_extend", "on")])
        .await
        .assert_status(303);
    assert_eq!(stored(&env, &plain.id).auto_extend_days, 180);
    post(&app, &mut b, &format!("/gdap/{}/auto-extend", plain.id), &[("auto_extend", "off")])
        .await
        .assert_status(303);
    assert_eq!(stored(&env, &plain.id).auto_extend_days, 0);

    // Bulk: the eligible one changes, the others are named.
    let r = post(
        &app,
        &mut b,
        "/gdap/bulk/auto-extend",
        &[("id", &plain.id), ("id", &full.id), ("id", &waiting.id)],
    )
    .await;
    r.assert_status(303);
    get(&app, &mut b, "/gdap")
        .await
        .assert_contains("Auto-extend turned on for: Plain.")
        .assert_contains("are not active: Full, Waiting.");
    assert_eq!(stored(&env, &plain.id).auto_extend_days, 180);
    assert_eq!(stored(&env, &full.id).auto_extend_days, 0);
    assert_eq!(stored(&env, &waiting.id).auto_extend_days, 0);

    // Over 25: refused, nothing changes.
    let ids: Vec<String> = (0..26).map(|_| plain.id.clone() + "x").collect();
    let mut form: Vec<(&str, &str)> = ids.iter().map(|i| ("id", i.as_str())).collect();
    let before = snapshot(&mut env.conn());
    post(&app, &mut b, "/gdap/bulk/auto-extend", &form)
        .await
        .assert_status(422)
        .assert_contains("Select at most 25 GDAP relationships at once.");
    form.push(("confirmed", "yes"));
    post(&app, &mut b, "/gdap/bulk/terminate", &form).await.assert_status(422);
    assert_eq!(before, snapshot(&mut env.conn()));
}

#[actix_web::test]
async fn bulk_terminate_asks_first_then_ends_those_it_can() {
    let (env, _w, app, mut b) = Env::signed_in(GLOBAL_ADMIN).await;
    let now = now_ms();
    let one = active(&env, "One", 100, false, &[GLOBAL_READER], now);
    let two = active(&env, "Two", 100, false, &[GLOBAL_READER], now);
    let gone = active(&env, "Gone", 100, false, &[GLOBAL_READER], now);
    svc::terminate_by_customer(
        &mut env.conn(),
        &customer_admin(),
        &links(),
        &env.world.contoso.id,
        &gone.id,
        now,
    )
    .unwrap();
    assert_eq!(kept_active(&env), 2);
    let form = [("id", one.id.as_str()), ("id", two.id.as_str()), ("id", gone.id.as_str())];
    let r = post(&app, &mut b, "/gdap/bulk/terminate", &form).await;
    r.assert_status(303);
    let question = r.location().unwrap().to_string();
    assert!(question.starts_with("/gdap/bulk/terminate?id="), "{question}");
    assert_eq!(kept_active(&env), 2);
    get(&app, &mut b, &question)
        .await
        .assert_status(200)
        .assert_contains("Terminate these GDAP relationships?")
        .assert_contains("Selected: One, Two, Gone.");
    let mut yes = form.to_vec();
    yes.push(("confirmed", "yes"));
    post(&app, &mut b, "/gdap/bulk/terminate", &yes).await.assert_status(303);
    get(&app, &mut b, "/gdap")
        .await
        .assert_contains("Terminated: One, Two.")
        .assert_contains("have already ended: Gone.");
    assert_eq!(stored(&env, &one.id).status, rows::TERMINATED);
    assert_eq!(stored(&env, &two.id).status, rows::TERMINATED);
    assert_eq!(kept_active(&env), 0);
    assert_counts_hold(&env);
}

#[actix_web::test]
async fn the_list_filters_by_status_and_by_end() {
    let (env, _w, app, mut b) = Env::signed_in(HELPDESK_AGENT).await;
    let now = now_ms();
    active(&env, "Ends soon", 5, false, &[GLOBAL_READER], now);
    active(&env, "Ends later", 60, false, &[GLOBAL_READER], now);
    let ctx = admin(&env, now);
    svc::create(
        &mut env.conn(),
        &ctx,
        &new_rel(&env.world.contoso.id, "Draft", "P30D", false, &[GLOBAL_READER]),
    )
    .unwrap();
    let all = get(&app, &mut b, "/gdap").await;
    all.assert_status(200)
        .assert_contains("Ends soon")
        .assert_contains("Ends later")
        .assert_contains("Draft");
    // Ordered by end: the sooner first, those without an end last.
    let body = &all.body;
    assert!(body.find("Ends soon").unwrap() < body.find("Ends later").unwrap());
    assert!(body.find("Ends later").unwrap() < body.find("Draft").unwrap());
    get(&app, &mut b, "/gdap?within=7")
        .await
        .assert_contains("Ends soon")
        .assert_lacks("Ends later")
        .assert_lacks(">Draft<");
    get(&app, &mut b, "/gdap?status=created")
        .await
        .assert_contains("Draft")
        .assert_lacks("Ends soon");
    get(&app, &mut b, "/gdap?within=5").await.assert_status(400);
    get(&app, &mut b, "/gdap?status=declined").await.assert_status(400);
    // Without ManageGdap: no checkboxes, no bulk buttons.
    all.assert_lacks("bulk-terminate");
}

#[actix_web::test]
async fn the_list_pages_through_more_than_a_page() {
    let (env, _w, app, mut b) = Env::signed_in(GLOBAL_ADMIN).await;
    let ctx = admin(&env, now_ms());
    for i in 0..55 {
        svc::create(
            &mut env.conn(),
            &ctx,
            &new_rel(
                &env.world.contoso.id,
                &format!("Rel {i:02}"),
                "P30D",
                false,
                &[GLOBAL_READER],
            ),
        )
        .unwrap();
    }
    let first = get(&app, &mut b, "/gdap").await;
    first.assert_contains("Rel 00").assert_contains("Rel 49").assert_lacks("Rel 50");
    let next =
        first.body.split("href=\"/gdap?after_end=").nth(1).unwrap().split('"').next().unwrap();
    let next = format!("/gdap?after_end={}", next.replace("&#38;", "&"));
    get(&app, &mut b, &next)
        .await
        .assert_contains("Rel 50")
        .assert_contains("Rel 54")
        .assert_lacks("Rel 49");
}

#[actix_web::test]
async fn the_runner_makes_relationships_expiring_extends_or_expires_them_once() {
    let env = Env::new();
    let start = now_ms();
    let extends = active(&env, "Extends", 60, true, &[GLOBAL_READER], start);
    let lapses = active(&env, "Lapses", 60, false, &[GLOBAL_READER], start);
    let full = active(&env, "Full", 60, false, &[GLOBAL_ADMINISTRATOR], start);
    let end = start + 60 * DAY_MS;
    assert_eq!(kept_active(&env), 3);

    // Nothing is due yet.
    assert_eq!(run_at(&env, start + HOUR_MS).done, 0);
    // 30 days before the end: expiring, and the Global admins are told.
    let mails = mails_to(&env, GLOBAL_ADMIN).len();
    assert_eq!(run_at(&env, end - 30 * DAY_MS + HOUR_MS).done, 3);
    for r in [&extends, &lapses, &full] {
        assert_eq!(stored(&env, &r.id).status, rows::EXPIRING);
    }
    assert_eq!(kept_active(&env), 3);
    let ending = |env: &Env| {
        mails_to(env, GLOBAL_ADMIN)
            .iter()
            .filter(|s| s.contains("“Lapses”") && s.contains("ends on"))
            .count()
    };
    assert_eq!(mails_to(&env, GLOBAL_ADMIN).len(), mails + 3);
    assert_eq!(ending(&env), 1);
    // 7 and 1 days before: notices; running again at the same time sends nothing more.
    assert_eq!(run_at(&env, end - 7 * DAY_MS + HOUR_MS).done, 3);
    assert_eq!(run_at(&env, end - 7 * DAY_MS + HOUR_MS).done, 0);
    assert_eq!(ending(&env), 2);
    assert_eq!(run_at(&env, end - DAY_MS + HOUR_MS).done, 3);
    assert_eq!(ending(&env), 3);
    // Not to the other roles.
    assert!(mails_to(&env, ADMIN_AGENT).is_empty());

    // The end: extended by 180 days (not with Global Administrator), or expired.
    let audits = env.audit_count(Audits::all());
    assert_eq!(run_at(&env, end + HOUR_MS).done, 3);
    let e = stored(&env, &extends.id);
    assert_eq!(e.status, rows::ACTIVE);
    assert_eq!(e.end_at, Some(end + 180 * DAY_MS));
    assert_eq!(stored(&env, &lapses.id).status, rows::EXPIRED);
    assert_eq!(stored(&env, &full.id).status, rows::EXPIRED);
    assert_eq!(kept_active(&env), 1);
    assert_counts_hold(&env);
    assert_eq!(env.audit_count(Audits::all()), audits + 3);
    assert_eq!(env.audit_count(Audits::of("extend_granular_admin_relationship")), 1);

    // Running again, or a stale duplicate job, changes nothing.
    let rows_of = |env: &Env| -> Vec<GdapRelationship> {
        gdap_relationships::table
            .order(gdap_relationships::id)
            .select(GdapRelationship::as_select())
            .load(&mut *env.conn())
            .unwrap()
    };
    let before = rows_of(&env);
    let mails = outbox::all(&mut env.conn()).unwrap().len();
    assert_eq!(run_at(&env, end + 2 * HOUR_MS), RunSummary::default());
    {
        use partnerdesk::models::job::{self, Job};
        let stale = Job::new(
            partnerdesk::util::tokens::new_id(),
            "gdap_end",
            &env.world.alpha.id,
            &lapses.id,
            end,
            None,
            end,
        );
        job::insert(&mut env.conn(), &stale).unwrap();
    }
    assert_eq!(run_at(&env, end + 3 * HOUR_MS).done, 1);
    assert_eq!(stored(&env, &lapses.id).status, rows::EXPIRED);
    assert_eq!(env.audit_count(Audits::all()), audits + 3);
    assert_eq!(before, rows_of(&env));
    assert_eq!(outbox::all(&mut env.conn()).unwrap().len(), mails);

    // The extended one goes round again: expiring 30 days before its new end.
    let new_end = end + 180 * DAY_MS;
    assert_eq!(run_at(&env, new_end - 30 * DAY_MS + HOUR_MS).done, 1);
    assert_eq!(stored(&env, &extends.id).status, rows::EXPIRING);
}

#[actix_web::test]
async fn a_request_nobody_approves_expires_after_90_days() {
    let env = Env::new();
    let start = now_ms();
    let ctx = admin(&env, start);
    let rel = svc::create(
        &mut env.conn(),
        &ctx,
        &new_rel(&env.world.contoso.id, "Ignored", "P30D", false, &[GLOBAL_READER]),
    )
    .unwrap();
    svc::send_for_approval(&mut env.conn(), &ctx, &links(), &rel.id).unwrap();
    assert_eq!(run_at(&env, start + 89 * DAY_MS).done, 0);
    assert_eq!(stored(&env, &rel.id).status, rows::APPROVAL_PENDING);
    assert_eq!(run_at(&env, start + 90 * DAY_MS + HOUR_MS).done, 1);
    assert_eq!(stored(&env, &rel.id).status, rows::EXPIRED);
    // Approved in time, the clean-up changes nothing.
    let kept = svc::create(
        &mut env.conn(),
        &ctx,
        &new_rel(&env.world.contoso.id, "Approved", "P365D", false, &[GLOBAL_READER]),
    )
    .unwrap();
    svc::send_for_approval(&mut env.conn(), &ctx, &links(), &kept.id).unwrap();
    svc::approve(
        &mut env.conn(),
        &customer_admin(),
        &links(),
        &env.world.contoso.id,
        &kept.id,
        start + DAY_MS,
    )
    .unwrap();
    run_at(&env, start + 91 * DAY_MS);
    assert_eq!(stored(&env, &kept.id).status, rows::ACTIVE);
}

#[actix_web::test]
async fn the_removal_terminates_the_customers_active_relationships_in_its_transaction() {
    let env = Env::new();
    let now = now_ms();
    let a = active(&env, "A", 60, false, &[GLOBAL_READER], now);
    let b = active(&env, "B", 60, false, &[GLOBAL_READER], now);
    let ctx = admin(&env, now);
    let draft = svc::create(
        &mut env.conn(),
        &ctx,
        &new_rel(&env.world.contoso.id, "Draft", "P30D", false, &[GLOBAL_READER]),
    )
    .unwrap();
    let actor = partnerdesk::services::audit::Actor::from(&ctx);
    let names = partnerdesk::db::write::<_, AppError>(&mut env.conn(), |c| {
        svc::terminate_active_for_customer_in_tx(
            c,
            &actor,
            &env.world.alpha.id,
            &env.world.contoso.id,
            now,
        )
    })
    .unwrap();
    assert_eq!(names, vec!["A".to_string(), "B".to_string()]);
    assert_eq!(stored(&env, &a.id).status, rows::TERMINATED);
    assert_eq!(stored(&env, &b.id).status, rows::TERMINATED);
    assert_eq!(stored(&env, &draft.id).status, rows::CREATED);
    assert_eq!(kept_active(&env), 0);
    assert_counts_hold(&env);
    // Rolled back with the caller's transaction.
    let c2 = active(&env, "C", 60, false, &[GLOBAL_READER], now);
    let _ = partnerdesk::db::write::<(), AppError>(&mut env.conn(), |c| {
        svc::terminate_active_for_customer_in_tx(
            c,
            &actor,
            &env.world.alpha.id,
            &env.world.contoso.id,
            now,
        )?;
        Err(AppError::Conflict(partnerdesk::i18n::Msg::new("gdap-error-bulk-none")))
    });
    assert_eq!(stored(&env, &c2.id).status, rows::ACTIVE);
}

/// PostgreSQL: two runners at once make each change once.
#[test]
fn two_runners_at_once_change_each_relationship_once_on_postgresql() {
    let url = common::postgres_url()
        .or_else(|| std::env::var("TEST_POSTGRES_URL").ok().filter(|u| u.starts_with("postgres")));
    let Some(admin_url) = url else {
        common::skip::skip(
            "two_runners_at_once_change_each_relationship_once_on_postgresql",
            "needs PostgreSQL (TEST_POSTGRES_URL unset)",
        );
        return;
    };
    let env = Env::postgres(admin_url);
    let pool = env.pool.clone();
    let start = now_ms();
    let ids: Vec<String> = (0..6)
        .map(|i| active(&env, &format!("Rel {i}"), 40, i % 2 == 0, &[GLOBAL_READER], start).id)
        .collect();
    let end = start + 40 * DAY_MS;
    // At the end the 7- and 1-day notices are due too (and, past the end, send nothing).
    for (at, due) in [(end - 30 * DAY_MS + HOUR_MS, 6), (end + HOUR_MS, 18)] {
        let barrier = std::sync::Arc::new(std::sync::Barrier::new(2));
        let runners: Vec<_> = (0..2)
            .map(|_| {
                let (pool, barrier) = (pool.clone(), barrier.clone());
                std::thread::spawn(move || {
                    let mut c = conn(&pool);
                    barrier.wait();
                    run_due(&mut c, &links(), at).unwrap()
                })
            })
            .collect();
        let done: usize = runners.into_iter().map(|r| r.join().unwrap().done).sum();
        assert_eq!(done, due, "at {at}");
    }
    for (i, id) in ids.iter().enumerate() {
        let r = stored(&env, id);
        if i % 2 == 0 {
            assert_eq!((r.status.as_str(), r.end_at), (rows::ACTIVE, Some(end + 180 * DAY_MS)));
        } else {
            assert_eq!(r.status, rows::EXPIRED);
        }
    }
    assert_eq!(env.audit_count(Audits::of("granular_admin_relationship_expiring")), 6);
    assert_eq!(env.audit_count(Audits::of("extend_granular_admin_relationship")), 3);
    assert_eq!(env.audit_count(Audits::of("expire_granular_admin_relationship")), 3);
    let pending: i64 = jobs::table
        .filter(jobs::finished_at.is_null())
        .filter(jobs::kind.eq("gdap_end"))
        .count()
        .get_result(&mut *env.conn())
        .unwrap();
    assert_eq!(pending, 3);
    assert_counts_hold(&env);
}

/// (subject, body) of every e-mail written to `to`.
fn letters_to(env: &Env, to: &str) -> Vec<(String, String)> {
    outbox::all(&mut env.conn())
        .unwrap()
        .into_iter()
        .filter(|m| m.recipient == to)
        .map(|m| (m.subject, m.body))
        .collect()
}

#[actix_web::test]
async fn the_customers_administrators_hear_of_each_change_with_a_link_to_their_page() {
    let env = Env::new();
    add_customer_admin(&mut env.conn(), &env.world.contoso, CONTOSO_ADMIN);
    add_customer_admin(&mut env.conn(), &env.world.beta_customer, BETA_CUSTOMER_ADMIN);
    let partner = env.world.alpha.name.clone();
    let start = now_ms();
    let extends = active(&env, "Extends", 60, true, &[GLOBAL_READER], start);
    let lapses = active(&env, "Lapses", 60, false, &[GLOBAL_READER], start);
    let count = |env: &Env, needle: &str| {
        letters_to(env, CONTOSO_ADMIN).iter().filter(|(s, _)| s.contains(needle)).count()
    };

    // Asked, then told of the approval, each with the customer's page of the relationship.
    let letters = letters_to(&env, CONTOSO_ADMIN);
    let approved = letters
        .iter()
        .find(|(s, _)| s == &format!("GDAP relationship “Lapses” with {partner} approved"))
        .unwrap_or_else(|| panic!("{letters:?}"));
    assert!(approved.1.contains("it@contoso.example approved"), "{}", approved.1);
    assert!(
        approved.1.contains(&format!("http://partnerdesk.test/tenant/gdap/{}", lapses.id)),
        "{}",
        approved.1
    );

    // 30, 7 and 1 days before the end.
    let end = start + 60 * DAY_MS;
    for days in [30, 7, 1] {
        run_at(&env, end - days * DAY_MS + HOUR_MS);
    }
    assert_eq!(
        count(&env, &format!("“Lapses” with {partner}")),
        4,
        "{:?}",
        letters_to(&env, CONTOSO_ADMIN)
    );
    assert_eq!(count(&env, "ends on"), 6);

    // The end: one extends itself, the other has ended; the partner's Global admins hear too.
    run_at(&env, end + HOUR_MS);
    assert_eq!(count(&env, &format!("“Extends” with {partner}")), 5);
    let new_end = partnerdesk::i18n::Locale::En.date(end + 180 * DAY_MS);
    assert_eq!(count(&env, &format!("“Extends” with {partner} extended to {new_end}")), 1);
    assert_eq!(count(&env, &format!("“Lapses” with {partner} has ended")), 1);
    let to_partner = mails_to(&env, GLOBAL_ADMIN);
    assert!(
        to_partner.iter().any(|s| s.contains("“Extends” with Contoso") && s.contains("extended"))
    );
    assert!(
        to_partner.iter().any(|s| s.contains("“Lapses” with Contoso") && s.ends_with("expired"))
    );

    // The partner terminates: the customer hears who did it.
    svc::terminate(&mut env.conn(), &admin(&env, end + 2 * HOUR_MS), &links(), &extends.id)
        .unwrap();
    let letters = letters_to(&env, CONTOSO_ADMIN);
    let (_, body) = letters
        .iter()
        .find(|(s, _)| s == &format!("GDAP relationship “Extends” with {partner} terminated"))
        .unwrap_or_else(|| panic!("{letters:?}"));
    assert!(body.starts_with(&format!("{GLOBAL_ADMIN} terminated")), "{body}");

    // A draft the partner withdraws before sending it was never the customer's business.
    let ctx = admin(&env, end + 3 * HOUR_MS);
    let draft = svc::create(
        &mut env.conn(),
        &ctx,
        &new_rel(&env.world.contoso.id, "Draft", "P30D", false, &[GLOBAL_READER]),
    )
    .unwrap();
    svc::terminate(&mut env.conn(), &ctx, &links(), &draft.id).unwrap();
    assert_eq!(count(&env, "“Draft”"), 0);
    assert!(mails_to(&env, GLOBAL_ADMIN).iter().any(|s| s.contains("“Draft”")));

    // Another customer's administrator hears nothing of it.
    assert!(letters_to(&env, BETA_CUSTOMER_ADMIN).is_empty());
}
