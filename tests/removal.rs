//! The central flow: Customers → Subscriptions → Suspended → Account → Remove reseller relationship.

mod common;

use common::world::*;
use common::*;
use diesel::prelude::*;
use partnerdesk::db::schema::{relationships, subscriptions, support_contacts};
use partnerdesk::models::audit;
use partnerdesk::util::clock::DAY_MS;

fn account(c: &partnerdesk::models::customer::Customer) -> String {
    format!("/customers/{}/account", c.id)
}

#[actix_web::test]
async fn whole_removal_flow_as_global_admin() {
    let (env, w, app, mut b) = Env::signed_in(GLOBAL_ADMIN).await;

    // Customers lists Contoso with its relationship and its count of active subscriptions.
    let list = get(&app, &mut b, "/customers").await;
    list.assert_status(200).assert_contains("Contoso Ltd").assert_contains("Delegated admin");
    assert!(!list.body.contains("Beta Customer"), "another partner's customer is listed");

    // While anything is active the link is inactive, with every blocker linked.
    let acc = get(&app, &mut b, &account(&w.contoso)).await;
    acc.assert_status(200)
        .assert_contains(r#"aria-disabled="true""#)
        .assert_contains("5 items are still active")
        .assert_contains(&format!("/customers/{}/subscriptions/{}", w.contoso.id, w.contoso_base))
        .assert_contains(&format!("/customers/{}/subscriptions/{}", w.contoso.id, w.contoso_addon))
        .assert_contains(&format!("/customers/{}/subscriptions/{}", w.contoso.id, w.contoso_nce))
        .assert_contains(&format!("#reservation-{}", w.contoso_reservation))
        .assert_contains(&format!("#software-{}", w.contoso_software))
        .assert_lacks(&format!(r#"href="/customers/{}/remove-relationship""#, w.contoso.id));

    // Suspend the base (its add-on follows) and the new-commerce subscription.
    let path = format!("/customers/{}/subscriptions/{}/status", w.contoso.id, w.contoso_base);
    let r = post(&app, &mut b, &path, &[("status", "suspended")]).await;
    r.assert_status(303);
    let page = get(&app, &mut b, r.location().unwrap()).await;
    page.assert_contains("Subscription “Microsoft 365 E3” suspended. 1 add-on suspended with it.");
    let path = format!("/customers/{}/subscriptions/{}/status", w.contoso.id, w.contoso_nce);
    let form = [("status", "suspended"), ("confirmed", "yes")];
    post(&app, &mut b, &path, &form).await.assert_status(303);
    let nce =
        get(&app, &mut b, &format!("/customers/{}/subscriptions/{}", w.contoso.id, w.contoso_nce))
            .await;
    nce.assert_contains("still billed");

    // Cancel the reservation and the software purchase.
    let path = format!("/customers/{}/reservations/{}/cancel", w.contoso.id, w.contoso_reservation);
    post(&app, &mut b, &path, &[("confirmed", "yes")]).await.assert_status(303);
    let path = format!("/customers/{}/software/{}/cancel", w.contoso.id, w.contoso_software);
    post(&app, &mut b, &path, &[("confirmed", "yes")]).await.assert_status(303);

    // Suspended new commerce is still billed, so it still blocks: past its cancellation window,
    // auto-renew is turned off and the subscription runs to its commitment end.
    let acc = get(&app, &mut b, &account(&w.contoso)).await;
    acc.assert_contains(r#"aria-disabled="true""#)
        .assert_contains("1 item is still active")
        .assert_contains("Microsoft 365 Business Premium” can no longer be cancelled");
    let path = format!("/customers/{}/subscriptions/{}/auto-renew", w.contoso.id, w.contoso_nce);
    post(&app, &mut b, &path, &[("auto_renew", "off")]).await.assert_status(303);
    get(&app, &mut b, &account(&w.contoso))
        .await
        .assert_contains(r#"aria-disabled="true""#)
        .assert_contains("is billed until")
        .assert_contains(
            "when the last new-commerce subscription that can no longer be cancelled ends",
        );
    env.state.clock.advance(31 * DAY_MS);
    assert_eq!(env.subscription_status(&w.contoso_nce), "suspended", "expiry is worked out lazily");

    // Now the link is active and leads to a confirmation with the four consequences.
    let acc = get(&app, &mut b, &account(&w.contoso)).await;
    acc.assert_contains(&format!(r#"href="/customers/{}/remove-relationship""#, w.contoso.id))
        .assert_lacks(r#"aria-disabled="true""#);
    let confirm =
        get(&app, &mut b, &format!("/customers/{}/remove-relationship", w.contoso.id)).await;
    confirm
        .assert_status(200)
        .assert_contains("removes Contoso Ltd from your customer list")
        .assert_contains("support contacts (1 designation)")
        .assert_contains("removes delegated admin privileges")
        .assert_contains("prevents future purchases");

    let done =
        post(&app, &mut b, &format!("/customers/{}/remove-relationship", w.contoso.id), &[]).await;
    done.assert_status(303);
    // It leads to the removal's receipt, where the message is shown.
    let receipt = done.location().unwrap();
    assert!(receipt.starts_with(&format!("/customers/{}/receipts/", w.contoso.id)), "{receipt}");
    get(&app, &mut b, receipt)
        .await
        .assert_status(200)
        .assert_contains("Reseller relationship with Contoso Ltd removed")
        .assert_contains("Delegated admin privileges were revoked");
    let list = get(&app, &mut b, "/customers").await;
    list.assert_lacks(&format!("/customers/{}/subscriptions", w.contoso.id));

    // The database says the same: relationship none, DAP off, support contacts gone, audited.
    let mut c = env.conn();
    let (rel, dap, ended_by): (String, bool, Option<String>) = relationships::table
        .filter(relationships::customer_id.eq(&w.contoso.id))
        .filter(relationships::partner_id.eq(&w.alpha.id))
        .select((
            relationships::relationship_to_partner,
            relationships::allow_delegated_access,
            relationships::ended_by,
        ))
        .first(&mut *c)
        .unwrap();
    assert_eq!((rel.as_str(), dap), ("none", false));
    assert!(ended_by.is_some());
    let contacts: i64 = support_contacts::table
        .filter(support_contacts::customer_id.eq(&w.contoso.id))
        .count()
        .get_result(&mut *c)
        .unwrap();
    assert_eq!(contacts, 0);
    let records =
        audit::list_by_operation(&mut c, &w.alpha.id, "remove_partner_customer_relationship")
            .unwrap();
    assert_eq!(records.len(), 1);
    assert_eq!(records[0].status, "succeeded");
    assert_eq!(records[0].customer_id.as_deref(), Some(w.contoso.id.as_str()));
    assert_eq!(records[0].actor, GLOBAL_ADMIN);
    assert!(records[0].old_value.as_deref().unwrap().contains("delegated admin: on"));

    // Buying for it is refused with a clear message, and nothing is bought.
    let before: i64 = subscriptions::table.count().get_result(&mut *c).unwrap();
    let buy = post(
        &app,
        &mut b,
        &format!("/customers/{}/subscriptions", w.contoso.id),
        &[("offer_id", "m365-bp"), ("quantity", "5"), ("term", "P1Y")],
    )
    .await;
    buy.assert_status(409).assert_contains("Purchases for this customer are blocked");
    let after: i64 = subscriptions::table.count().get_result(&mut *c).unwrap();
    assert_eq!(before, after);

    // The new-commerce subscription expired at its commitment end.
    assert_eq!(env.subscription_status(&w.contoso_nce), "expired");
    // Reactivating a subscription is refused too.
    let path = format!("/customers/{}/subscriptions/{}/status", w.contoso.id, w.contoso_base);
    post(&app, &mut b, &path, &[("status", "active")])
        .await
        .assert_status(409)
        .assert_contains("no longer has a reseller relationship");

    // The customer's page still answers (for the record), saying there is no relationship.
    get(&app, &mut b, &account(&w.contoso))
        .await
        .assert_status(200)
        .assert_contains("No reseller relationship");
}

#[actix_web::test]
async fn link_inactive_for_each_kind_of_blocker() {
    let (_env, w, app, mut b) = Env::signed_in(GLOBAL_ADMIN).await;

    get(&app, &mut b, &account(&w.reservation_only))
        .await
        .assert_contains(r#"aria-disabled="true""#)
        .assert_contains("Azure reservation “Batch cluster” is active: cancel it.")
        .assert_contains(&format!("#reservation-{}", w.reservation_only_id));
    get(&app, &mut b, &account(&w.software_only))
        .await
        .assert_contains(r#"aria-disabled="true""#)
        .assert_contains("Software purchase “Windows Server 2022 Standard” is active: cancel it.")
        .assert_contains(&format!("#software-{}", w.software_only_id));
    get(&app, &mut b, &account(&w.contoso))
        .await
        .assert_contains("Subscription “Microsoft 365 E3” is active: suspend it.");
    get(&app, &mut b, &account(&w.ready))
        .await
        .assert_lacks(r#"aria-disabled="true""#)
        .assert_contains(&format!(r#"href="/customers/{}/remove-relationship""#, w.ready.id));

    // An indirect reseller cannot remove, even with nothing active.
    let mut r = sign_in(&app, RESELLER_ADMIN).await;
    get(&app, &mut r, &account(&w.reseller_customer))
        .await
        .assert_contains(r#"aria-disabled="true""#)
        .assert_contains("Indirect resellers cannot remove a reseller relationship");
}

#[actix_web::test]
async fn link_inactive_for_every_role_but_global_admin() {
    let (_env, w, app) = Env::with_app().await;
    for (role, email) in ALPHA_USERS {
        let mut b = sign_in(&app, email).await;
        let page = get(&app, &mut b, &account(&w.ready)).await;
        match role {
            partnerdesk::models::role::Role::GlobalAdmin => {
                page.assert_status(200).assert_lacks(r#"aria-disabled="true""#);
            }
            partnerdesk::models::role::Role::UserManagementAdmin => {
                page.assert_status(403);
            }
            _ => {
                page.assert_status(200)
                    .assert_contains(r#"aria-disabled="true""#)
                    .assert_contains("Requires the Global admin role.");
            }
        }
    }
}

#[actix_web::test]
async fn forged_removal_with_blockers_is_409_and_changes_nothing() {
    let (env, w, app, mut b) = Env::signed_in(GLOBAL_ADMIN).await;
    let before = snapshot(&mut env.conn());
    for customer in [&w.contoso, &w.reservation_only, &w.software_only] {
        let r = post(&app, &mut b, &format!("/customers/{}/remove-relationship", customer.id), &[])
            .await;
        r.assert_status(409).assert_contains("still active");
    }
    assert_eq!(before, snapshot(&mut env.conn()));
    // The refused attempts are on record as failed.
    let records = audit::list_by_operation(
        &mut env.conn(),
        &w.alpha.id,
        "remove_partner_customer_relationship",
    )
    .unwrap();
    assert_eq!(records.len(), 3);
    assert!(records.iter().all(|r| r.status == "failed"));

    // An indirect reseller's forged removal: 409 too.
    let mut r = sign_in(&app, RESELLER_ADMIN).await;
    let resp = post(
        &app,
        &mut r,
        &format!("/customers/{}/remove-relationship", w.reseller_customer.id),
        &[],
    )
    .await;
    resp.assert_status(409).assert_contains("Indirect resellers");
    assert_eq!(before, snapshot(&mut env.conn()));
}

#[actix_web::test]
async fn removal_by_a_role_without_the_right_is_refused() {
    let (env, w, app) = Env::with_app().await;
    let before = snapshot(&mut env.conn());
    for email in [ADMIN_AGENT, SALES_AGENT, HELPDESK_AGENT, BILLING_ADMIN, USER_MANAGEMENT_ADMIN] {
        let mut b = sign_in(&app, email).await;
        let r = post(&app, &mut b, &format!("/customers/{}/remove-relationship", w.ready.id), &[])
            .await;
        r.assert_status(403).assert_contains("Requires the Global admin role.");
    }
    assert_eq!(before, snapshot(&mut env.conn()));
    let denied = Audits::of("authz_denied").resource_like("POST %/remove-relationship");
    assert_eq!(env.audit_count(denied), 5);
}

#[actix_web::test]
async fn second_removal_of_the_same_customer_is_409() {
    let (env, w, app, mut b) = Env::signed_in(GLOBAL_ADMIN).await;
    let path = format!("/customers/{}/remove-relationship", w.ready.id);
    post(&app, &mut b, &path, &[]).await.assert_status(303);
    post(&app, &mut b, &path, &[])
        .await
        .assert_status(409)
        .assert_contains("no reseller relationship");
    let ok = Audits::of("remove_partner_customer_relationship").partner(&w.alpha.id).succeeded();
    assert_eq!(env.audit_count(ok), 1);
}

#[actix_web::test]
async fn another_partners_customer_is_404_and_unchanged() {
    let (env, w, app, mut b) = Env::signed_in(GLOBAL_ADMIN).await;
    let before = snapshot(&mut env.conn());
    let c = &w.beta_customer.id;
    for path in [
        format!("/customers/{c}/subscriptions"),
        format!("/customers/{c}/subscriptions/{}", w.beta_sub),
        format!("/customers/{c}/account"),
        format!("/customers/{c}/remove-relationship"),
    ] {
        get(&app, &mut b, &path).await.assert_status(404).assert_contains("does not exist");
    }
    post(&app, &mut b, &format!("/customers/{c}/remove-relationship"), &[])
        .await
        .assert_status(404);
    post(
        &app,
        &mut b,
        &format!("/customers/{c}/subscriptions/{}/status", w.beta_sub),
        &[("status", "suspended")],
    )
    .await
    .assert_status(404);
    post(
        &app,
        &mut b,
        &format!("/customers/{c}/subscriptions"),
        &[("offer_id", "m365-bp"), ("quantity", "1"), ("term", "P1M")],
    )
    .await
    .assert_status(404);
    // Alpha's own customer with Beta's subscription id: still 404.
    post(
        &app,
        &mut b,
        &format!("/customers/{}/subscriptions/{}/status", w.contoso.id, w.beta_sub),
        &[("status", "suspended")],
    )
    .await
    .assert_status(404);
    assert_eq!(before, snapshot(&mut env.conn()));
}

/// A user without the role is told, once, who has it (the partner's Global admins by name), is
/// offered no Prepare for removal they could not finish, and the confirmation page, typed in,
/// is a 403 naming them.
#[actix_web::test]
async fn a_user_without_the_role_is_told_who_has_it_and_offered_nothing_they_cannot_finish() {
    let (_env, w, app, mut b) = Env::signed_in(SALES_AGENT).await;
    let account = get(&app, &mut b, &format!("/customers/{}/account", w.contoso.id)).await;
    account.assert_status(200).assert_contains(&format!("Global admins: User {GLOBAL_ADMIN}."));
    account.assert_lacks("prepare-for-removal");
    assert_eq!(
        account.body.matches("Requires the Global admin role.").count(),
        1,
        "{}",
        account.body
    );
    let confirm =
        get(&app, &mut b, &format!("/customers/{}/remove-relationship", w.ready.id)).await;
    confirm
        .assert_status(403)
        .assert_contains(&format!("User {GLOBAL_ADMIN}"))
        .assert_lacks("type=\"submit\">Remove reseller relationship");
}

/// A removed customer's Subscriptions tab says purchases are blocked and offers no Buy form;
/// a customer without delegated admin privileges is not told they will be removed.
#[actix_web::test]
async fn a_removed_customer_offers_no_purchase_and_the_confirmation_states_only_what_happens() {
    let (_env, w, app, mut b) = Env::signed_in(GLOBAL_ADMIN).await;
    let path = format!("/customers/{}/remove-relationship", w.ready.id);
    let confirm = get(&app, &mut b, &path).await;
    confirm.assert_status(200).assert_contains("removes delegated admin privileges");
    let no_dap =
        get(&app, &mut b, &format!("/customers/{}/remove-relationship", w.reservation_only.id))
            .await;
    no_dap
        .assert_contains("has no delegated admin privileges to remove")
        .assert_lacks("removes delegated admin privileges");
    post(&app, &mut b, &path, &[]).await.assert_status(303);
    let tab = get(&app, &mut b, &format!("/customers/{}/subscriptions", w.ready.id)).await;
    tab.assert_status(200)
        .assert_contains("Purchases for this customer are blocked")
        .assert_lacks(&format!("action=\"/customers/{}/subscriptions\"", w.ready.id));
}
