//! Removing the reseller relationship with GDAP relationships in place: the confirmation lists
//! the active ones with "also terminate these GDAP relationships" checked, and the removal
//! terminates them in its own transaction, or keeps them when the box is unchecked.

mod common;

use common::world::*;
use common::*;
use diesel::prelude::*;
use partnerdesk::db::schema::gdap_relationships as g;
use partnerdesk::util::clock::DAY_MS;
use partnerdesk::util::{clock::now_ms, tokens::new_id};

/// A GDAP relationship of Alpha with `customer` in `status`; returns its id.
fn add_gdap(env: &Env, customer: &str, name: &str, status: &str) -> String {
    let (id, now) = (new_id(), now_ms());
    diesel::insert_into(g::table)
        .values((
            g::id.eq(&id),
            g::partner_id.eq(&env.world.alpha.id),
            g::customer_id.eq(customer),
            g::display_name.eq(name),
            g::duration_days.eq(730),
            g::auto_extend_days.eq(0),
            g::status.eq(status),
            g::created_at.eq(now),
            g::updated_at.eq(now),
            g::activated_at.eq(now),
            g::end_at.eq(now + 730 * DAY_MS),
        ))
        .execute(&mut *env.conn())
        .unwrap();
    id
}

fn status_of(env: &Env, id: &str) -> String {
    g::table.find(id).select(g::status).first(&mut *env.conn()).unwrap()
}

fn remove_path(env: &Env) -> String {
    format!("/customers/{}/remove-relationship", env.world.ready.id)
}

#[actix_web::test]
async fn the_confirmation_lists_active_gdap_with_the_box_checked_and_the_removal_ends_them() {
    let (env, w, app, mut b) = Env::signed_in(GLOBAL_ADMIN).await;
    let helpdesk = add_gdap(&env, &w.ready.id, "Fabrikam helpdesk", "active");
    let pending = add_gdap(&env, &w.ready.id, "Fabrikam licences", "approvalPending");
    let other = add_gdap(&env, &w.contoso.id, "Contoso helpdesk", "active");

    let account = get(&app, &mut b, &format!("/customers/{}/account", w.ready.id)).await;
    account
        .assert_status(200)
        .assert_contains("Fabrikam helpdesk")
        .assert_contains("Fabrikam licences");
    let page = get(&app, &mut b, &remove_path(&env)).await;
    page.assert_status(200)
        .assert_contains("This customer has an active GDAP relationship:")
        .assert_contains("Fabrikam helpdesk")
        .assert_contains(r#"name="terminate_gdap" value="yes" checked"#)
        // Only active ones: a request still waiting for approval is not listed.
        .assert_lacks("Fabrikam licences");

    let form = [("gdap_offered", "yes"), ("terminate_gdap", "yes")];
    let r = post(&app, &mut b, &remove_path(&env), &form).await;
    r.assert_status(303);
    assert_eq!(status_of(&env, &helpdesk), "terminated");
    assert_eq!(
        status_of(&env, &pending),
        "approvalPending",
        "a request is not a live relationship"
    );
    assert_eq!(status_of(&env, &other), "active", "another customer's relationship ended");
    let terminations = env.audit_count(
        Audits::of("terminate_granular_admin_relationship").customer(&w.ready.id).succeeded(),
    );
    assert_eq!(terminations, 1);
    // The receipt names it, on the page and in the signed evidence.
    let receipt = get(&app, &mut b, r.location().unwrap()).await;
    receipt.assert_status(200).assert_contains("GDAP relationships terminated");
    let gdap_line = receipt.body.split(r#"id="receipt-gdap">"#).nth(1).unwrap();
    assert!(gdap_line.starts_with("Fabrikam helpdesk<"), "{gdap_line:.80}");
    let evidence = get(&app, &mut b, &format!("{}/evidence", r.location().unwrap())).await;
    let evidence: serde_json::Value = serde_json::from_str(&evidence.body).unwrap();
    let terminated = &evidence["receipt"]["gdapRelationshipsTerminated"];
    assert_eq!(terminated, &serde_json::json!(["Fabrikam helpdesk"]));
}

#[actix_web::test]
async fn with_the_box_unchecked_the_gdap_relationships_stay() {
    let (env, w, app, mut b) = Env::signed_in(GLOBAL_ADMIN).await;
    let helpdesk = add_gdap(&env, &w.ready.id, "Fabrikam helpdesk", "expiring");
    let r = post(&app, &mut b, &remove_path(&env), &[("gdap_offered", "yes")]).await;
    r.assert_status(303);
    assert_eq!(status_of(&env, &helpdesk), "expiring");
    let receipt = get(&app, &mut b, r.location().unwrap()).await;
    let gdap_line = receipt.body.split(r#"id="receipt-gdap">"#).nth(1).unwrap();
    assert!(gdap_line.starts_with("None<"), "{gdap_line:.80}");
}

#[actix_web::test]
async fn a_refused_removal_terminates_nothing() {
    let (env, w, app, mut b) = Env::signed_in(GLOBAL_ADMIN).await;
    // Contoso still has active subscriptions: the removal is refused as a whole.
    let helpdesk = add_gdap(&env, &w.contoso.id, "Contoso helpdesk", "active");
    let path = format!("/customers/{}/remove-relationship", w.contoso.id);
    let form = [("gdap_offered", "yes"), ("terminate_gdap", "yes")];
    post(&app, &mut b, &path, &form).await.assert_status(409);
    assert_eq!(status_of(&env, &helpdesk), "active");
}

#[actix_web::test]
async fn a_removal_waiting_for_approval_keeps_the_requesters_choice() {
    let (env, w, app, mut b) = Env::signed_in(GLOBAL_ADMIN).await;
    let helpdesk = add_gdap(&env, &w.ready.id, "Fabrikam helpdesk", "active");
    post(&app, &mut b, "/partner-settings", &[("second_approval", "on")]).await.assert_status(303);
    // Asked for with the box unchecked.
    post(&app, &mut b, &remove_path(&env), &[("gdap_offered", "yes")]).await.assert_status(303);
    assert_eq!(status_of(&env, &helpdesk), "active", "nothing happens before the approval");

    const SECOND: &str = "second@alpha.test";
    add_user(&mut env.conn(), &w.alpha, SECOND, &[partnerdesk::models::role::Role::GlobalAdmin]);
    let mut second = sign_in(&app, SECOND).await;
    let approve = format!("/customers/{}/removal-approval/approve", w.ready.id);
    post(&app, &mut second, &approve, &[("confirmed", "yes")]).await.assert_status(303);
    let ended: String = partnerdesk::db::schema::relationships::table
        .filter(partnerdesk::db::schema::relationships::customer_id.eq(&w.ready.id))
        .filter(partnerdesk::db::schema::relationships::partner_id.eq(&w.alpha.id))
        .select(partnerdesk::db::schema::relationships::relationship_to_partner)
        .first(&mut *env.conn())
        .unwrap();
    assert_eq!(ended, "none");
    assert_eq!(status_of(&env, &helpdesk), "active", "the requester chose to keep it");
}

/// (recipient, subject, body) of every e-mail written so far.
fn outbox(env: &Env) -> Vec<(String, String, String)> {
    use partnerdesk::db::schema::outbox as o;
    o::table.select((o::recipient, o::subject, o::body)).load(&mut *env.conn()).unwrap()
}

#[actix_web::test]
async fn the_customers_admins_are_told_of_the_removal_and_asked_to_approve_gdap() {
    let (env, w, app, mut b) = Env::signed_in(GLOBAL_ADMIN).await;
    add_customer_admin(&mut env.conn(), &w.ready, "it@fabrikamready.example");
    add_gdap(&env, &w.ready.id, "Fabrikam helpdesk", "active");
    post(&app, &mut b, &remove_path(&env), &[]).await.assert_status(303);
    let told: Vec<_> =
        outbox(&env).into_iter().filter(|(to, _, _)| to == "it@fabrikamready.example").collect();
    assert_eq!(told.len(), 1, "{told:?}");
    let (_, subject, body) = &told[0];
    assert_eq!(subject, "Alpha Partners is no longer your reseller");
    assert!(body.contains("It also ended its GDAP relationship with you."), "{body}");
    assert!(body.contains("/tenant"), "{body}");

    // A request sent for approval reaches the named customer's admins with the page to decide.
    add_customer_admin(&mut env.conn(), &w.contoso, CONTOSO_ADMIN);
    let form = [
        ("customer", w.contoso.id.as_str()),
        ("display_name", "Contoso security"),
        ("duration_days", "90"),
        ("role", "194ae4cb-b126-40b2-bd5b-6091b380977d"),
    ];
    let created = post(&app, &mut b, "/gdap", &form).await;
    created.assert_status(303);
    let page = created.location().unwrap().to_string();
    post(&app, &mut b, &format!("{page}/send"), &[]).await.assert_status(303);
    let id = page.rsplit('/').next().unwrap();
    let asked: Vec<_> = outbox(&env).into_iter().filter(|(to, _, _)| to == CONTOSO_ADMIN).collect();
    assert_eq!(asked.len(), 1, "{asked:?}");
    assert!(asked[0].1.starts_with("Alpha Partners asks for admin access"), "{}", asked[0].1);
    assert!(asked[0].2.contains(&format!("/tenant/gdap/{id}")), "{}", asked[0].2);
}
