//! Second-person approval of a removal (a partner setting, off by default): with it on, a
//! Global admin's removal is a request that a different Global admin approves or rejects within
//! 72 hours; approving re-checks the rules, and both people are in the audit record.

mod common;

use common::world::*;
use common::*;
use diesel::prelude::*;
use partnerdesk::db::schema::{
    audit_log, outbox, relationships, removal_approvals, removal_receipts,
};
use partnerdesk::i18n::Locale;
use partnerdesk::models::role::Role;

const SECOND_ADMIN: &str = "second@alpha.test";
const HOUR_MS: i64 = 60 * 60 * 1000;

fn account(customer: &str) -> String {
    format!("/customers/{customer}/account")
}

fn remove_path(customer: &str) -> String {
    format!("/customers/{customer}/remove-relationship")
}

fn approve_path(customer: &str) -> String {
    format!("/customers/{customer}/removal-approval/approve")
}

fn reject_path(customer: &str) -> String {
    format!("/customers/{customer}/removal-approval/reject")
}

fn relationship_of(env: &Env, customer: &str) -> String {
    relationships::table
        .filter(relationships::customer_id.eq(customer))
        .filter(relationships::partner_id.eq(&env.world.alpha.id))
        .select(relationships::relationship_to_partner)
        .first(&mut *env.conn())
        .unwrap()
}

fn receipts_of(env: &Env, customer: &str) -> i64 {
    removal_receipts::table
        .filter(removal_receipts::customer_id.eq(customer))
        .count()
        .get_result(&mut *env.conn())
        .unwrap()
}

/// The customer's requests as stored: (outcome, requested_at, expires_at).
fn approvals_of(env: &Env, customer: &str) -> Vec<(String, i64, i64)> {
    removal_approvals::table
        .filter(removal_approvals::customer_id.eq(customer))
        .order(removal_approvals::requested_at)
        .select((
            removal_approvals::outcome,
            removal_approvals::requested_at,
            removal_approvals::expires_at,
        ))
        .load(&mut *env.conn())
        .unwrap()
}

/// The succeeded audit records of `operation`: (user id, new value).
fn audits(env: &Env, operation: &str) -> Vec<(Option<String>, Option<String>)> {
    audit_log::table
        .filter(audit_log::operation.eq(operation))
        .filter(audit_log::status.eq("succeeded"))
        .select((audit_log::user_id, audit_log::new_value))
        .load(&mut *env.conn())
        .unwrap()
}

/// Turns the partner's setting on as its Global admin, on the Users page's form.
async fn turn_on<S: TestApp<B>, B: actix_web::body::MessageBody>(app: &S, b: &mut Browser) {
    post(app, b, "/partner-settings", &[("second_approval", "on")]).await.assert_status(303);
}

/// A second Global admin of partner Alpha, signed in.
async fn second_admin<S: TestApp<B>, B: actix_web::body::MessageBody>(
    env: &Env,
    app: &S,
) -> Browser {
    add_user(&mut env.conn(), &env.world.alpha, SECOND_ADMIN, &[Role::GlobalAdmin]);
    sign_in(app, SECOND_ADMIN).await
}

#[actix_web::test]
async fn with_the_setting_off_the_removal_is_as_before() {
    let (env, w, app, mut b) = Env::signed_in(GLOBAL_ADMIN).await;
    get(&app, &mut b, "/users")
        .await
        .assert_contains(r#"id="second-approval""#)
        .assert_lacks(r#"id="second-approval" checked"#);
    get(&app, &mut b, &remove_path(&w.ready.id)).await.assert_lacks(r#"id="needs-approval""#);
    let done = post(&app, &mut b, &remove_path(&w.ready.id), &[]).await;
    done.assert_status(303);
    assert!(done.location().unwrap().contains("/receipts/"));
    assert_eq!(relationship_of(&env, &w.ready.id), "none");
    assert!(approvals_of(&env, &w.ready.id).is_empty());
}

#[actix_web::test]
async fn with_the_setting_on_removing_asks_for_approval_and_removes_nothing() {
    let (env, w, app, mut b) = Env::signed_in(GLOBAL_ADMIN).await;
    turn_on(&app, &mut b).await;
    assert_eq!(env.audit_count(Audits::of("update_partner_settings").succeeded()), 1);
    get(&app, &mut b, "/users").await.assert_contains(r#"id="second-approval" checked"#);
    get(&app, &mut b, &remove_path(&w.ready.id))
        .await
        .assert_contains(r#"id="needs-approval""#)
        .assert_contains("Ask for approval");
    let asked = post(&app, &mut b, &remove_path(&w.ready.id), &[]).await;
    asked.assert_status(303);
    assert_eq!(asked.location(), Some(account(&w.ready.id).as_str()));
    assert_eq!(relationship_of(&env, &w.ready.id), "reseller", "nothing removed");
    assert_eq!(receipts_of(&env, &w.ready.id), 0);
    let stored = approvals_of(&env, &w.ready.id);
    assert_eq!(stored.len(), 1);
    let (outcome, at, expires) = stored[0].clone();
    assert_eq!(outcome, "pending");
    assert_eq!(expires - at, 72 * HOUR_MS);
    let l = Locale::En;
    get(&app, &mut b, &account(&w.ready.id))
        .await
        .assert_contains(&format!(
            "Removal requested by User {GLOBAL_ADMIN} on {}, waiting for a second Global admin (expires {}).",
            l.datetime(at),
            l.datetime(expires)
        ))
        // The requester may withdraw it, not approve it.
        .assert_contains(r#"id="withdraw-approval""#)
        .assert_lacks(r#"id="approve-removal""#);
    let requested = audits(&env, "request_removal_approval");
    assert_eq!(requested.len(), 1);
    // The Global admins are told by e-mail that a request waits.
    let mailed: Vec<(String, String)> = outbox::table
        .filter(outbox::subject.like("%asks you to approve removing%"))
        .select((outbox::recipient, outbox::body))
        .load(&mut *env.conn())
        .unwrap();
    assert_eq!(mailed.len(), 1, "{mailed:?}");
    assert!(mailed[0].1.contains(&format!("/customers/{}/account", w.ready.id)), "{mailed:?}");
    // A second request while one waits is refused.
    post(&app, &mut b, &remove_path(&w.ready.id), &[])
        .await
        .assert_status(409)
        .assert_contains("already waiting for a second Global admin");
    // The activity log reads it in words, in English and in Polish.
    let log = format!("/activity?customer_id={}&from=", w.ready.id);
    get(&app, &mut b, &log)
        .await
        .assert_contains("Ask for removal approval")
        .assert_contains("Removal approval: None → Waiting");
    get(&app, &mut b, "/activity?from=")
        .await
        .assert_contains("Change partner settings")
        .assert_contains("Second Global admin approves removals: Off → On");
    post(&app, &mut b, "/locale", &[("locale", "pl-PL"), ("back", "/")]).await;
    get(&app, &mut b, &log).await.assert_contains("Prośba o zatwierdzenie usunięcia");
}

#[actix_web::test]
async fn approval_by_the_same_person_is_refused_and_changes_nothing() {
    let (env, w, app, mut b) = Env::signed_in(GLOBAL_ADMIN).await;
    turn_on(&app, &mut b).await;
    post(&app, &mut b, &remove_path(&w.ready.id), &[]).await.assert_status(303);
    let before = snapshot(&mut env.conn());
    let sentence = "The person who asked cannot approve their own request";
    get(&app, &mut b, &approve_path(&w.ready.id))
        .await
        .assert_status(403)
        .assert_contains(sentence);
    post(&app, &mut b, &approve_path(&w.ready.id), &[("confirmed", "yes")])
        .await
        .assert_status(403)
        .assert_contains(sentence);
    assert_eq!(before, snapshot(&mut env.conn()));
    assert_eq!(relationship_of(&env, &w.ready.id), "reseller");
    assert_eq!(approvals_of(&env, &w.ready.id)[0].0, "pending");
}

#[actix_web::test]
async fn another_global_admin_approves_and_both_are_in_the_audit_record() {
    let (env, w, app, mut b) = Env::signed_in(GLOBAL_ADMIN).await;
    turn_on(&app, &mut b).await;
    post(&app, &mut b, &remove_path(&w.ready.id), &[]).await.assert_status(303);
    let mut other = second_admin(&env, &app).await;
    get(&app, &mut other, &account(&w.ready.id))
        .await
        .assert_contains(r#"id="approve-removal""#)
        .assert_contains(r#"id="reject-removal""#)
        .assert_lacks(r#"id="withdraw-approval""#);
    // Without the answer, the POST goes to the question, which names the requester and what ends.
    let unanswered = post(&app, &mut other, &approve_path(&w.ready.id), &[]).await;
    unanswered.assert_status(303);
    assert_eq!(unanswered.location(), Some(approve_path(&w.ready.id).as_str()));
    assert_eq!(relationship_of(&env, &w.ready.id), "reseller");
    get(&app, &mut other, &approve_path(&w.ready.id))
        .await
        .assert_status(200)
        .assert_contains(&format!("User {GLOBAL_ADMIN} asked for it on"))
        .assert_contains("from your customer list")
        .assert_contains("prevents future purchases");
    let done = post(&app, &mut other, &approve_path(&w.ready.id), &[("confirmed", "yes")]).await;
    done.assert_status(303);
    assert!(done.location().unwrap().contains("/receipts/"), "{:?}", done.location());
    assert_eq!(relationship_of(&env, &w.ready.id), "none");
    assert_eq!(receipts_of(&env, &w.ready.id), 1);
    assert_eq!(approvals_of(&env, &w.ready.id)[0].0, "approved");
    let second = env.user_id(SECOND_ADMIN);
    // The removal's record: the approver acts, the requester is named.
    let removal = audits(&env, "remove_partner_customer_relationship");
    assert_eq!(removal.len(), 1);
    assert_eq!(removal[0].0.as_deref(), Some(second.as_str()));
    let value = removal[0].1.clone().unwrap();
    assert!(
        value.contains(&format!("requested by: User {GLOBAL_ADMIN} ({GLOBAL_ADMIN})")),
        "{value}"
    );
    // The approval's record names both.
    let approved = audits(&env, "approve_removal");
    assert_eq!(approved.len(), 1);
    let value = approved[0].1.clone().unwrap();
    assert!(value.contains(&format!("requested by: User {GLOBAL_ADMIN}")), "{value}");
    assert!(value.contains(&format!("approved by: User {SECOND_ADMIN}")), "{value}");
    get(&app, &mut other, &format!("/activity?customer_id={}&from=", w.ready.id))
        .await
        .assert_contains("Approve removal")
        .assert_contains(&format!("Requested by: User {GLOBAL_ADMIN}"))
        .assert_contains(&format!("Approved by: User {SECOND_ADMIN}"));
}

#[actix_web::test]
async fn a_blocker_that_appeared_since_refuses_the_approval_with_its_reason() {
    let (env, w, app, mut b) = Env::signed_in(GLOBAL_ADMIN).await;
    turn_on(&app, &mut b).await;
    post(&app, &mut b, &remove_path(&w.ready.id), &[]).await.assert_status(303);
    add_subscription(&mut env.conn(), &w.alpha, &w.ready, E3, "active", None);
    let mut other = second_admin(&env, &app).await;
    get(&app, &mut other, &approve_path(&w.ready.id))
        .await
        .assert_status(409)
        .assert_contains("1 item is still active");
    post(&app, &mut other, &approve_path(&w.ready.id), &[("confirmed", "yes")])
        .await
        .assert_status(409)
        .assert_contains("1 item is still active");
    assert_eq!(relationship_of(&env, &w.ready.id), "reseller");
    assert_eq!(receipts_of(&env, &w.ready.id), 0);
    // The request still waits, to be approved once the blocker is cleared.
    assert_eq!(approvals_of(&env, &w.ready.id)[0].0, "pending");
    assert_eq!(env.audit_count(Audits::of("approve_removal").failed()), 1);
    assert_eq!(env.audit_count(Audits::of("approve_removal").succeeded()), 0);
}

#[actix_web::test]
async fn rejecting_or_withdrawing_removes_nothing_and_is_audited() {
    let (env, w, app, mut b) = Env::signed_in(GLOBAL_ADMIN).await;
    turn_on(&app, &mut b).await;
    post(&app, &mut b, &remove_path(&w.ready.id), &[]).await.assert_status(303);
    let mut other = second_admin(&env, &app).await;
    post(&app, &mut other, &reject_path(&w.ready.id), &[("reason", "Renewal talks; next week")])
        .await
        .assert_status(303);
    assert_eq!(relationship_of(&env, &w.ready.id), "reseller");
    assert_eq!(approvals_of(&env, &w.ready.id)[0].0, "rejected");
    let rejected = audits(&env, "reject_removal");
    assert_eq!(rejected.len(), 1);
    let value = rejected[0].1.clone().unwrap();
    assert!(value.contains(&format!("rejected by: User {SECOND_ADMIN}")), "{value}");
    assert!(value.contains("Renewal talks"), "{value}");
    get(&app, &mut b, &account(&w.ready.id)).await.assert_lacks(r#"id="removal-approval""#);
    // Nothing waits now: approving is refused.
    post(&app, &mut other, &approve_path(&w.ready.id), &[("confirmed", "yes")])
        .await
        .assert_status(409)
        .assert_contains("No removal request is waiting");
    // The requester withdraws a new request.
    post(&app, &mut b, &remove_path(&w.ready.id), &[]).await.assert_status(303);
    post(&app, &mut b, &reject_path(&w.ready.id), &[]).await.assert_status(303);
    let outcomes: Vec<String> =
        approvals_of(&env, &w.ready.id).into_iter().map(|(o, ..)| o).collect();
    assert_eq!(outcomes, ["rejected", "withdrawn"]);
    assert_eq!(audits(&env, "withdraw_removal_approval").len(), 1);
    assert_eq!(relationship_of(&env, &w.ready.id), "reseller");
}

#[actix_web::test]
async fn after_72_hours_the_request_has_expired_and_cannot_be_approved() {
    let (env, w, app, mut b) = Env::signed_in(GLOBAL_ADMIN).await;
    turn_on(&app, &mut b).await;
    post(&app, &mut b, &remove_path(&w.ready.id), &[]).await.assert_status(303);
    let mut other = second_admin(&env, &app).await;
    env.state.clock.advance(72 * HOUR_MS - 60_000);
    get(&app, &mut other, &account(&w.ready.id)).await.assert_contains(r#"id="approve-removal""#);
    env.state.clock.advance(60_000);
    get(&app, &mut other, &account(&w.ready.id)).await.assert_lacks(r#"id="removal-approval""#);
    post(&app, &mut other, &approve_path(&w.ready.id), &[("confirmed", "yes")])
        .await
        .assert_status(409)
        .assert_contains("expired");
    assert_eq!(relationship_of(&env, &w.ready.id), "reseller");
    assert_eq!(approvals_of(&env, &w.ready.id)[0].0, "expired");
    // A Global admin can ask again.
    post(&app, &mut b, &remove_path(&w.ready.id), &[]).await.assert_status(303);
    assert_eq!(approvals_of(&env, &w.ready.id).len(), 2);
}

#[actix_web::test]
async fn a_scheduled_removal_does_not_run_while_the_setting_is_on() {
    let (env, w, app, mut b) = Env::signed_in(GLOBAL_ADMIN).await;
    let today = partnerdesk::util::clock::iso_date(env.state.clock.now());
    post(&app, &mut b, &format!("/customers/{}/removal-schedule", w.ready.id), &[("date", &today)])
        .await
        .assert_status(303);
    turn_on(&app, &mut b).await;
    let ran = partnerdesk::services::jobs::run_due(
        &mut env.conn(),
        &env.state.config.public_url,
        env.state.clock.now() + 1,
    )
    .unwrap();
    assert_eq!(ran.refused, 1);
    assert_eq!(relationship_of(&env, &w.ready.id), "reseller");
    get(&app, &mut b, &account(&w.ready.id))
        .await
        .assert_contains("a scheduled removal has nobody to approve it");
}
