//! The customer's side of GDAP: a customer admin approves or declines a partner's request and
//! ends an active relationship, each recorded in both the customer's and the partner's logs.

mod common;

use common::world::*;
use common::*;
use diesel::prelude::*;
use partnerdesk::db::schema::{
    gdap_relationship_roles as gr, gdap_relationships as g, relationships,
};
use partnerdesk::models::customer::Customer;
use partnerdesk::services::audit::op;
use partnerdesk::util::{clock::now_ms, tokens::new_id};

const HELPDESK_ADMINISTRATOR: &str = "729827e3-9c14-49f7-bb1b-9608f156bbb8";

/// A GDAP relationship of Alpha with `customer`, in `status`, carrying Helpdesk Administrator.
fn add_gdap(env: &Env, customer: &Customer, status: &str) -> String {
    let (id, now) = (new_id(), now_ms());
    let mut c = env.conn();
    diesel::insert_into(g::table)
        .values((
            g::id.eq(&id),
            g::partner_id.eq(&env.world.alpha.id),
            g::customer_id.eq(&customer.id),
            g::display_name.eq(format!("Alpha helpdesk {}", &id[..6])),
            g::duration_days.eq(365),
            g::auto_extend_days.eq(0),
            g::status.eq(status),
            g::created_at.eq(now),
            g::updated_at.eq(now),
        ))
        .execute(&mut *c)
        .unwrap();
    diesel::insert_into(gr::table)
        .values((gr::relationship_id.eq(&id), gr::role_definition_id.eq(HELPDESK_ADMINISTRATOR)))
        .execute(&mut *c)
        .unwrap();
    id
}

fn status_of(env: &Env, id: &str) -> String {
    g::table.find(id).select(g::status).first(&mut *env.conn()).unwrap()
}

fn active_gdap(env: &Env, customer: &Customer) -> i64 {
    relationships::table
        .filter(relationships::partner_id.eq(&env.world.alpha.id))
        .filter(relationships::customer_id.eq(&customer.id))
        .select(relationships::active_gdap)
        .first(&mut *env.conn())
        .unwrap()
}

#[actix_web::test]
async fn the_named_customers_admin_approves_a_request_after_reading_what_it_grants() {
    let (env, w, app) = Env::with_app().await;
    add_customer_admin(&mut env.conn(), &w.contoso, CONTOSO_ADMIN);
    let id = add_gdap(&env, &w.contoso, "approvalPending");
    let page = format!("/tenant/gdap/{id}");
    let mut b = tenant_sign_in(&app, CONTOSO_ADMIN).await;
    get(&app, &mut b, "/tenant")
        .await
        .assert_status(200)
        .assert_contains("Alpha Partners asks for “Alpha helpdesk")
        .assert_contains(&page);
    get(&app, &mut b, &page)
        .await
        .assert_status(200)
        .assert_contains("Helpdesk Administrator")
        .assert_contains("Approving gives Alpha Partners the roles listed above");
    // Without the page's answer nothing changes: back to the page.
    let r = post(&app, &mut b, &format!("{page}/approve"), &[]).await;
    assert_eq!(r.location(), Some(page.as_str()));
    assert_eq!(status_of(&env, &id), "approvalPending");

    let r = post(&app, &mut b, &format!("{page}/approve"), &[("confirmed", "yes")]).await;
    assert_eq!(r.location(), Some(page.as_str()));
    assert_eq!(status_of(&env, &id), "active");
    assert_eq!(active_gdap(&env, &w.contoso), 1, "the Customers list's count follows");
    get(&app, &mut b, &page).await.assert_contains("You approved the GDAP relationship");
    // Recorded once, in the customer's records and the partner's, naming the admin.
    let approved = Audits::of(op::APPROVE_GDAP).customer(&w.contoso.id).partner(&w.alpha.id);
    assert_eq!(env.audit_count(approved), 1);
    get(&app, &mut b, "/tenant/activity").await.assert_contains(CONTOSO_ADMIN);
    let mut partner = sign_in(&app, GLOBAL_ADMIN).await;
    get(&app, &mut partner, "/activity").await.assert_contains(CONTOSO_ADMIN);
    // Approving twice is a conflict with a sentence, and changes nothing.
    let again = post(&app, &mut b, &format!("{page}/approve"), &[("confirmed", "yes")]).await;
    again.assert_status(409).assert_contains("Active");
    assert_eq!(env.audit_count(Audits::of(op::APPROVE_GDAP)), 1);
}

#[actix_web::test]
async fn another_customers_admin_and_partner_users_cannot_decide() {
    let (env, w, app) = Env::with_app().await;
    add_customer_admin(&mut env.conn(), &w.beta_customer, BETA_CUSTOMER_ADMIN);
    let id = add_gdap(&env, &w.contoso, "approvalPending");
    let page = format!("/tenant/gdap/{id}");
    let mut other = tenant_sign_in(&app, BETA_CUSTOMER_ADMIN).await;
    get(&app, &mut other, &page).await.assert_status(404);
    for action in ["approve", "decline", "terminate"] {
        let path = format!("{page}/{action}");
        post(&app, &mut other, &path, &[("confirmed", "yes")]).await.assert_status(404);
    }
    // A partner user's session is not signed in at the tenant door.
    let mut partner = sign_in(&app, GLOBAL_ADMIN).await;
    let r = post(&app, &mut partner, &format!("{page}/approve"), &[("confirmed", "yes")]).await;
    assert!(r.location().is_some_and(|l| l.starts_with("/tenant/signin")), "{:?}", r.location());
    assert_eq!(status_of(&env, &id), "approvalPending");
}

#[actix_web::test]
async fn the_customer_declines_a_request_and_ends_an_active_relationship_after_a_question() {
    let (env, w, app) = Env::with_app().await;
    add_customer_admin(&mut env.conn(), &w.contoso, CONTOSO_ADMIN);
    let asked = add_gdap(&env, &w.contoso, "approvalPending");
    let active = add_gdap(&env, &w.contoso, "active");
    assert_eq!(active_gdap(&env, &w.contoso), 1);
    let mut b = tenant_sign_in(&app, CONTOSO_ADMIN).await;

    let decline = format!("/tenant/gdap/{asked}/decline");
    post(&app, &mut b, &decline, &[("confirmed", "yes")]).await.assert_status(303);
    assert_eq!(status_of(&env, &asked), "terminated");
    let declined = Audits::of(op::DECLINE_GDAP).customer(&w.contoso.id).partner(&w.alpha.id);
    assert_eq!(env.audit_count(declined), 1);

    // Ending one asks first.
    let terminate = format!("/tenant/gdap/{active}/terminate");
    let r = post(&app, &mut b, &terminate, &[]).await;
    assert_eq!(r.location(), Some(terminate.as_str()));
    assert_eq!(status_of(&env, &active), "active");
    get(&app, &mut b, &terminate)
        .await
        .assert_status(200)
        .assert_contains("loses these roles in your tenant at once");
    post(&app, &mut b, &terminate, &[("confirmed", "yes")]).await.assert_status(303);
    assert_eq!(status_of(&env, &active), "terminated");
    assert_eq!(active_gdap(&env, &w.contoso), 0);
    let ended = Audits::of(op::TERMINATE_GDAP).customer(&w.contoso.id).partner(&w.alpha.id);
    assert_eq!(env.audit_count(ended), 1);
    // A declined request cannot be approved any more.
    let approve = format!("/tenant/gdap/{asked}/approve");
    post(&app, &mut b, &approve, &[("confirmed", "yes")]).await.assert_status(409);
}
