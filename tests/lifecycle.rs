//! Purchases (add-ons, new-commerce cancellation window), support contacts and the
//! "Prepare for removal" helper.

mod common;

use common::world::*;
use common::*;
use diesel::prelude::*;
use partnerdesk::db::schema::{audit_log, support_contacts};
use partnerdesk::util::clock::{DAY_MS, now_ms};

#[actix_web::test]
async fn add_ons_are_bought_for_active_bases_only() {
    let (_env, w, app, mut b) = Env::signed_in(SALES_AGENT).await;
    let page =
        get(&app, &mut b, &format!("/customers/{}/subscriptions/{}", w.contoso.id, w.contoso_base))
            .await;
    page.assert_contains("Add an add-on").assert_contains("Microsoft Teams Audio Conferencing");
    let path = format!("/customers/{}/subscriptions/{}/addons", w.contoso.id, w.contoso_base);
    post(&app, &mut b, &path, &[("offer_id", "audio-conf"), ("quantity", "0")])
        .await
        .assert_status(422)
        .assert_contains("Quantity must be a whole number");
    post(&app, &mut b, &path, &[("offer_id", "defender-o365-p2"), ("quantity", "2")])
        .await
        .assert_status(422)
        .assert_contains("Choose an add-on from the list.");
    let r = post(&app, &mut b, &path, &[("offer_id", "audio-conf"), ("quantity", "2")]).await;
    r.assert_status(303);
    get(&app, &mut b, r.location().unwrap())
        .await
        .assert_contains("Bought add-on 2 × Microsoft Teams Audio Conferencing.");
    // Not on an add-on, not on a suspended base.
    let on_addon = format!("/customers/{}/subscriptions/{}/addons", w.contoso.id, w.contoso_addon);
    post(&app, &mut b, &on_addon, &[("offer_id", "audio-conf"), ("quantity", "1")])
        .await
        .assert_status(409);
    let ready = format!("/customers/{}/subscriptions/{}/addons", w.ready.id, w.ready_sub);
    post(&app, &mut b, &ready, &[("offer_id", "audio-conf"), ("quantity", "1")])
        .await
        .assert_status(409)
        .assert_contains("only for an active subscription");
}

#[actix_web::test]
async fn new_commerce_cancels_within_seven_days_with_its_add_ons() {
    let (env, w, app, mut b) = Env::signed_in(ADMIN_AGENT).await;
    let (fresh, addon, old) = {
        let mut c = env.conn();
        let fresh = add_subscription(&mut c, &w.alpha, &w.ready, BP, "active", None);
        let addon = add_subscription(
            &mut c,
            &w.alpha,
            &w.ready,
            ("defender-o365-p2", "Microsoft Defender for Office 365 (Plan 2)", "new_commerce"),
            "active",
            Some(&fresh),
        );
        let old = add_subscription(&mut c, &w.alpha, &w.ready, BP, "active", None);
        set_bought(&mut c, &fresh, now_ms() - 2 * DAY_MS);
        set_bought(&mut c, &addon, now_ms() - 2 * DAY_MS);
        set_bought(&mut c, &old, now_ms() - 8 * DAY_MS);
        (fresh, addon, old)
    };
    let page = get(&app, &mut b, &format!("/customers/{}/subscriptions/{fresh}", w.ready.id)).await;
    page.assert_contains("Cancel subscription").assert_contains("(5 days left)");
    get(&app, &mut b, &format!("/customers/{}/subscriptions/{old}", w.ready.id))
        .await
        .assert_lacks("Cancel subscription");
    let yes = [("confirmed", "yes")];
    post(&app, &mut b, &format!("/customers/{}/subscriptions/{old}/cancel", w.ready.id), &yes)
        .await
        .assert_status(409)
        .assert_contains("only within 168 hours of purchase or renewal");
    post(
        &app,
        &mut b,
        &format!("/customers/{}/subscriptions/{}/cancel", w.contoso.id, w.contoso_base),
        &yes,
    )
    .await
    .assert_status(409)
    .assert_contains("Legacy subscriptions cannot be cancelled");
    let r = post(
        &app,
        &mut b,
        &format!("/customers/{}/subscriptions/{fresh}/cancel", w.ready.id),
        &yes,
    )
    .await;
    r.assert_status(303);
    get(&app, &mut b, r.location().unwrap())
        .await
        .assert_contains("” cancelled. 1 add-on cancelled with it.");
    assert_eq!(env.subscription_status(&fresh), "deleted");
    assert_eq!(env.subscription_status(&addon), "deleted");
    // Cancelled is final.
    let status = format!("/customers/{}/subscriptions/{fresh}/status", w.ready.id);
    post(&app, &mut b, &status, &[("status", "active")]).await.assert_status(409);
}

#[actix_web::test]
async fn support_contacts_list_the_partner_and_an_indirect_providers_resellers() {
    let (env, w, app, mut beta) = Env::signed_in(OTHER_ADMIN).await;
    // Make Beta an indirect provider with Gamma (the indirect reseller) selling through it.
    {
        use partnerdesk::db::schema::partners;
        let mut c = env.conn();
        diesel::update(partners::table.find(&w.beta.id))
            .set(partners::kind.eq("indirect_provider"))
            .execute(&mut *c)
            .unwrap();
        partnerdesk::models::partner::link_reseller(&mut c, &w.beta.id, &w.reseller.id).unwrap();
    }
    let page_path = format!("/customers/{}/subscriptions/{}", w.beta_customer.id, w.beta_sub);
    let page = get(&app, &mut beta, &page_path).await;
    page.assert_contains("Designated support contact")
        .assert_contains("None designated")
        .assert_contains("Gamma Resellers");
    let path = format!("{page_path}/support-contact");
    post(&app, &mut beta, &path, &[("contact", &w.alpha.id)])
        .await
        .assert_status(422)
        .assert_contains("Choose a support contact");
    post(&app, &mut beta, &path, &[("contact", &w.reseller.id)]).await.assert_status(303);
    get(&app, &mut beta, &page_path)
        .await
        .assert_contains("Gamma Resellers is now the designated support contact.");
    get(&app, &mut beta, &format!("/customers/{}/account", w.beta_customer.id))
        .await
        .assert_contains("Gamma Resellers for");
    post(&app, &mut beta, &path, &[("contact", &w.beta.id)]).await.assert_status(303);
    post(&app, &mut beta, &path, &[("contact", "")]).await.assert_status(303);
    let n: i64 = support_contacts::table
        .filter(support_contacts::subscription_id.eq(&w.beta_sub))
        .count()
        .get_result(&mut *env.conn())
        .unwrap();
    assert_eq!(n, 0);
    let changes: Vec<(Option<String>, Option<String>)> = audit_log::table
        .filter(audit_log::operation.eq("update_support_contact"))
        .order(audit_log::at.asc())
        .select((audit_log::old_value, audit_log::new_value))
        .load(&mut *env.conn())
        .unwrap();
    let changes: Vec<(String, String)> =
        changes.into_iter().map(|(a, b)| (a.unwrap(), b.unwrap())).collect();
    assert_eq!(
        changes,
        vec![
            ("none".to_string(), "Gamma Resellers".to_string()),
            ("Gamma Resellers".to_string(), "Beta Partners".to_string()),
            ("Beta Partners".to_string(), "none".to_string()),
        ]
    );
    // A direct partner offers only itself; a sales agent may not change it.
    let mut sales = sign_in(&app, SALES_AGENT).await;
    let alpha_sub = format!("/customers/{}/subscriptions/{}", w.contoso.id, w.contoso_base);
    get(&app, &mut sales, &alpha_sub).await.assert_lacks(r#"name="contact""#);
    post(&app, &mut sales, &format!("{alpha_sub}/support-contact"), &[("contact", "")])
        .await
        .assert_status(403);
}

#[actix_web::test]
async fn prepare_for_removal_previews_then_does_exactly_that() {
    let (env, w, app, mut b) = Env::signed_in(GLOBAL_ADMIN).await;
    let stuck = add_software(&mut env.conn(), &w.alpha, &w.contoso, "Old licence pack", 45);
    let account = format!("/customers/{}/account", w.contoso.id);
    get(&app, &mut b, &account)
        .await
        .assert_contains("Prepare for removal")
        .assert_contains(r#"name="back" value="account""#);
    let preview_path = format!("/customers/{}/offboarding", w.contoso.id);
    let preview = get(&app, &mut b, &preview_path).await;
    preview
        .assert_status(200)
        .assert_contains("Suspend <a")
        .assert_contains("Cancel the Azure reservation Contoso production VMs")
        .assert_contains("Cancel the software purchase SQL Server 2022 Standard")
        .assert_contains("Turn off auto-renew of Microsoft 365 Business Premium: billed until")
        .assert_contains("Old licence pack");
    let re = regex::Regex::new(r#"name="previewed" value="([^"]*)""#).unwrap();
    let fingerprint = re.captures(&preview.body).unwrap()[1].to_string();

    // Something changes after the preview: the confirmation is refused, nothing else changes.
    let extra = add_subscription(&mut env.conn(), &w.alpha, &w.contoso, E1, "active", None);
    let before = snapshot(&mut env.conn());
    post(&app, &mut b, &preview_path, &[("previewed", &fingerprint)])
        .await
        .assert_status(409)
        .assert_contains("Something changed since the preview");
    assert_eq!(before, snapshot(&mut env.conn()));

    let preview = get(&app, &mut b, &preview_path).await;
    let fingerprint = re.captures(&preview.body).unwrap()[1].to_string();
    let r = post(&app, &mut b, &preview_path, &[("previewed", &fingerprint)]).await;
    r.assert_status(303);
    get(&app, &mut b, &account)
        .await
        .assert_contains(
            "Suspended 3 subscriptions, cancelled 1 Azure reservation and 1 software purchase.",
        )
        .assert_contains("auto-renew turned off on 1 subscription")
        .assert_contains("cannot be cancelled and still block removal")
        .assert_contains("Software purchase “Old licence pack” is active")
        // New commerce past its window is billed, and blocks, until its term ends.
        .assert_contains("Microsoft 365 Business Premium” is billed until");
    for id in [&w.contoso_base, &w.contoso_addon, &extra] {
        assert_eq!(env.subscription_status(id), "suspended");
    }
    assert_eq!(env.subscription_status(&w.contoso_nce), "active");
    let audited = env.audit_count(Audits::all().customer(&w.contoso.id).succeeded());
    assert_eq!(audited, 6, "one audit record per item");
    let _ = stuck;
}

/// The confirming button names only what it does: with nothing to cancel it says nothing of
/// cancelling, and the other way round.
#[actix_web::test]
async fn the_offboarding_button_names_only_what_it_does() {
    let (env, w, app, mut b) = Env::signed_in(GLOBAL_ADMIN).await;
    add_subscription(&mut env.conn(), &w.alpha, &w.ready, E1, "active", None);
    let button =
        regex::Regex::new(r#"<button class="btn btn-danger" type="submit">([^<]*)</button>"#)
            .unwrap();
    for (customer, label) in [
        (&w.contoso, "Do all of this"),
        (&w.reservation_only, "Cancel all of this"),
        (&w.ready, "Suspend this subscription"),
    ] {
        let page = get(&app, &mut b, &format!("/customers/{}/offboarding", customer.id)).await;
        page.assert_status(200);
        let found = button.captures(&page.body).expect("a confirming button");
        assert_eq!(&found[1], label, "{}", customer.company_name);
    }
}

#[actix_web::test]
async fn quick_actions_on_the_account_page_return_there() {
    let (_env, w, app, mut b) = Env::signed_in(GLOBAL_ADMIN).await;
    let path = format!(
        "/customers/{}/reservations/{}/cancel",
        w.reservation_only.id, w.reservation_only_id
    );
    let r = post(&app, &mut b, &path, &[("back", "account"), ("confirmed", "yes")]).await;
    assert_eq!(
        r.location(),
        Some(format!("/customers/{}/account", w.reservation_only.id).as_str())
    );
    get(&app, &mut b, r.location().unwrap())
        .await
        .assert_lacks(r#"aria-disabled="true""#)
        .assert_contains("Remove reseller relationship");
}
