//! Subscription status changes, cancellations and purchases: rules, fragments, bad input.

mod common;

use common::world::*;
use common::*;
use diesel::prelude::*;

#[actix_web::test]
async fn suspending_a_base_suspends_its_addons_and_reactivation_brings_them_back() {
    let (env, w, app, mut b) = Env::signed_in(ADMIN_AGENT).await;
    let path = format!("/customers/{}/subscriptions/{}/status", w.contoso.id, w.contoso_base);
    post(&app, &mut b, &path, &[("status", "suspended")]).await.assert_status(303);
    assert_eq!(env.subscription_status(&w.contoso_base), "suspended");
    assert_eq!(env.subscription_status(&w.contoso_addon), "suspended");
    assert_eq!(env.subscription_status(&w.contoso_nce), "active");

    // An add-on cannot come back before its base.
    let addon = format!("/customers/{}/subscriptions/{}/status", w.contoso.id, w.contoso_addon);
    post(&app, &mut b, &addon, &[("status", "active")])
        .await
        .assert_status(409)
        .assert_contains("Reactivate the base subscription “Microsoft 365 E3” first.");

    post(&app, &mut b, &path, &[("status", "active")]).await.assert_status(303);
    assert_eq!(env.subscription_status(&w.contoso_base), "active");
    assert_eq!(env.subscription_status(&w.contoso_addon), "active");

    // One audit record per subscription changed: 2 suspensions + 2 reactivations.
    assert_eq!(env.audit_count(Audits::of("update_subscription").succeeded()), 4);
}

#[actix_web::test]
async fn htmx_status_change_swaps_the_panel_and_shows_a_toast() {
    let (_env, w, app, mut b) = Env::signed_in(GLOBAL_ADMIN).await;
    let path = format!("/customers/{}/subscriptions/{}/status", w.contoso.id, w.contoso_nce);
    // New commerce: first the warning in the panel, with a step that confirms it.
    let warned = hx_post(&app, &mut b, &path, &[("status", "suspended")]).await;
    warned
        .assert_status(200)
        .assert_contains(r#"id="status-panel""#)
        .assert_contains(r#"id="subscription-status">Active"#)
        .assert_contains("Suspending does not stop billing: this subscription is billed until")
        .assert_contains(r#"<input type="hidden" name="confirmed" value="yes">"#)
        .assert_lacks("<html");
    let r = hx_post(&app, &mut b, &path, &[("status", "suspended"), ("confirmed", "yes")]).await;
    r.assert_status(200)
        .assert_contains(r#"id="status-panel""#)
        .assert_contains(r#"id="subscription-status">Suspended"#)
        .assert_contains(r#"hx-swap-oob="true""#)
        .assert_contains("Subscription “Microsoft 365 Business Premium” suspended.")
        .assert_contains("still billed")
        .assert_lacks("<html");
    // Repeating it: a 409 fragment with the reason in the form, nothing changed.
    let again =
        hx_post(&app, &mut b, &path, &[("status", "suspended"), ("confirmed", "yes")]).await;
    again
        .assert_status(409)
        .assert_contains("This subscription is already suspended.")
        .assert_contains(r#"id="status-panel""#);
}

#[actix_web::test]
async fn bad_status_values_are_422_in_the_form_and_change_nothing() {
    let (env, w, app, mut b) = Env::signed_in(GLOBAL_ADMIN).await;
    let before = snapshot(&mut env.conn());
    let path = format!("/customers/{}/subscriptions/{}/status", w.contoso.id, w.contoso_base);
    for bad in ["deleted", "expired", "ACTIVE", ""] {
        let r = post(&app, &mut b, &path, &[("status", bad)]).await;
        r.assert_status(422)
            .assert_contains("Choose a status: Active or Suspended.")
            .assert_contains(r#"aria-invalid="true""#);
    }
    // A NUL character never reaches the database: 400.
    post(&app, &mut b, &path, &[("status", "suspended\0")])
        .await
        .assert_status(400)
        .assert_contains("characters that are not allowed");
    // A missing field is a 400 with a sentence, not a 500.
    post(&app, &mut b, &path, &[("state", "active")])
        .await
        .assert_status(400)
        .assert_contains("incomplete or malformed");
    // Unknown subscription: 404.
    let unknown = format!("/customers/{}/subscriptions/nope/status", w.contoso.id);
    post(&app, &mut b, &unknown, &[("status", "suspended")]).await.assert_status(404);
    assert_eq!(before, snapshot(&mut env.conn()));
}

#[actix_web::test]
async fn roles_without_subscription_rights_cannot_change_anything() {
    let (env, w, app) = Env::with_app().await;
    let before = snapshot(&mut env.conn());
    for email in [HELPDESK_AGENT, BILLING_ADMIN] {
        let mut b = sign_in(&app, email).await;
        let page = get(
            &app,
            &mut b,
            &format!("/customers/{}/subscriptions/{}", w.contoso.id, w.contoso_base),
        )
        .await;
        page.assert_status(200)
            .assert_contains("Changing the status requires")
            .assert_lacks(">Submit<");
        let path = format!("/customers/{}/subscriptions/{}/status", w.contoso.id, w.contoso_base);
        post(&app, &mut b, &path, &[("status", "suspended")]).await.assert_status(403);
        let path =
            format!("/customers/{}/reservations/{}/cancel", w.contoso.id, w.contoso_reservation);
        post(&app, &mut b, &path, &[("confirmed", "yes")]).await.assert_status(403);
        let path = format!("/customers/{}/subscriptions", w.contoso.id);
        post(&app, &mut b, &path, &[("offer_id", "m365-bp"), ("quantity", "1"), ("term", "P1M")])
            .await
            .assert_status(403);
    }
    assert_eq!(before, snapshot(&mut env.conn()));
}

#[actix_web::test]
async fn reservations_and_software_cancel_once_and_software_only_within_30_days() {
    let (_env, w, app, mut b) = Env::signed_in(SALES_AGENT).await;

    let path = format!(
        "/customers/{}/reservations/{}/cancel",
        w.reservation_only.id, w.reservation_only_id
    );
    let r = hx_post(&app, &mut b, &path, &[("confirmed", "yes")]).await;
    r.assert_status(200)
        .assert_contains(&format!(r#"<tr id="reservation-{}""#, w.reservation_only_id))
        .assert_contains("Cancelled")
        .assert_contains("Azure reservation “Batch cluster” cancelled.");
    hx_post(&app, &mut b, &path, &[("confirmed", "yes")])
        .await
        .assert_status(409)
        .assert_contains("already cancelled");

    let path = format!("/customers/{}/software/{}/cancel", w.software_only.id, w.software_only_id);
    post(&app, &mut b, &path, &[("confirmed", "yes")]).await.assert_status(303);
    let tab = get(&app, &mut b, &format!("/customers/{}/subscriptions", w.software_only.id)).await;
    tab.assert_contains("Software purchase “Windows Server 2022 Standard” cancelled.");

    // Bought 40 days ago: the window has closed; the page says so and the server refuses.
    let tab = get(&app, &mut b, &format!("/customers/{}/subscriptions", w.old_software.id)).await;
    tab.assert_contains("Cancellation window (30 days) has ended");
    let path = format!("/customers/{}/software/{}/cancel", w.old_software.id, w.old_software_id);
    post(&app, &mut b, &path, &[("confirmed", "yes")])
        .await
        .assert_status(409)
        .assert_contains("only within 30 days");
}

#[actix_web::test]
async fn buying_a_subscription_validates_and_audits() {
    let (env, w, app, mut b) = Env::signed_in(SALES_AGENT).await;
    let path = format!("/customers/{}/subscriptions", w.ready.id);
    for (qty, term, offer) in
        [("0", "P1M", "m365-bp"), ("abc", "P1M", "m365-bp"), ("100001", "P1M", "m365-bp")]
    {
        post(&app, &mut b, &path, &[("offer_id", offer), ("quantity", qty), ("term", term)])
            .await
            .assert_status(422)
            .assert_contains("Quantity must be a whole number from 1 to 100000.");
    }
    post(&app, &mut b, &path, &[("offer_id", "m365-bp"), ("quantity", "3"), ("term", "P5Y")])
        .await
        .assert_status(422)
        .assert_contains("Choose a term");
    // Add-ons are not bought on their own; unknown offers are refused.
    post(&app, &mut b, &path, &[("offer_id", "m365-e5-sec"), ("quantity", "3"), ("term", "P1M")])
        .await
        .assert_status(422)
        .assert_contains("Choose an offer");
    post(&app, &mut b, &path, &[("offer_id", "nope"), ("quantity", "3"), ("term", "P1M")])
        .await
        .assert_status(422);

    let r =
        post(&app, &mut b, &path, &[("offer_id", "m365-bp"), ("quantity", "12"), ("term", "P1Y")])
            .await;
    r.assert_status(303);
    let page = get(&app, &mut b, r.location().unwrap()).await;
    page.assert_contains("Bought 12 × Microsoft 365 Business Premium.")
        .assert_contains("New commerce")
        .assert_contains("billed annually");
    assert_eq!(env.audit_count(Audits::of("create_subscription")), 1);
    // With an active subscription the customer is no longer removable.
    get(&app, &mut b, &format!("/customers/{}/account", w.ready.id))
        .await
        .assert_contains(r#"aria-disabled="true""#);
}

/// The `<tr>` of one reservation in a page or fragment.
fn reservation_row<'a>(body: &'a str, id: &str) -> &'a str {
    let start = body
        .find(&format!(r#"<tr id="reservation-{id}""#))
        .unwrap_or_else(|| panic!("no row of reservation {id} in:\n{body}"));
    let end = body[start..].find("</tr>").map_or(body.len(), |e| start + e);
    &body[start..end]
}

#[actix_web::test]
async fn reservation_terms_are_words_in_the_users_language() {
    let (env, w, app, mut b) = Env::signed_in(SALES_AGENT).await;
    let three_years = {
        use partnerdesk::db::schema::reservations;
        let mut c = env.conn();
        let id = add_reservation(&mut c, &w.alpha, &w.contoso, "Contoso analytics VMs");
        diesel::update(reservations::table.find(&id))
            .set(reservations::term.eq("P3Y"))
            .execute(&mut *c)
            .unwrap();
        id
    };
    let tab_path = format!("/customers/{}/subscriptions", w.contoso.id);

    let tab = get(&app, &mut b, &tab_path).await;
    tab.assert_status(200);
    let one = reservation_row(&tab.body, &w.contoso_reservation);
    assert!(one.contains("<td>1 year</td>"), "{one}");
    assert!(!one.contains("P1Y"), "{one}");
    let three = reservation_row(&tab.body, &three_years);
    assert!(three.contains("<td>3 years</td>"), "{three}");
    assert!(!three.contains("P3Y"), "{three}");

    // In Polish, with Polish plural forms.
    post(&app, &mut b, "/locale", &[("locale", "pl-PL"), ("back", &tab_path)])
        .await
        .assert_status(303);
    let tab = get(&app, &mut b, &tab_path).await;
    let one = reservation_row(&tab.body, &w.contoso_reservation);
    assert!(one.contains("<td>1 rok</td>"), "{one}");
    let three = reservation_row(&tab.body, &three_years);
    assert!(three.contains("<td>3 lata</td>"), "{three}");

    // The row htmx swaps in after a cancellation says it the same way.
    let cancel = format!("/customers/{}/reservations/{three_years}/cancel", w.contoso.id);
    let r = hx_post(&app, &mut b, &cancel, &[("confirmed", "yes")]).await;
    r.assert_status(200);
    let row = reservation_row(&r.body, &three_years);
    assert!(row.contains("<td>3 lata</td>"), "{row}");
    assert!(!row.contains("P3Y"), "{row}");
}

/// A boosted form answered with a page (a refusal, its errors) tells htmx to keep the address
/// bar as it was: the form's action may answer only POST, and a reload there find no page. A
/// redirect after success, and a boosted GET, keep htmx's own behaviour.
#[actix_web::test]
async fn a_boosted_form_answered_with_a_page_keeps_the_address() {
    let (_env, w, app, mut b) = Env::signed_in(GLOBAL_ADMIN).await;
    let sub_page = format!("/customers/{}/subscriptions/{}", w.ready.id, w.ready_sub);
    let status = format!("{sub_page}/status");
    let current = format!("http://{HOST}{sub_page}");
    let boosted = [("HX-Request", "true"), ("HX-Boosted", "true"), ("HX-Current-URL", &current)];

    // Refused: the subscription is already suspended (the refusal is an error answer).
    let r = post_with(&app, &mut b, &status, &[("status", "suspended")], &boosted).await;
    r.assert_status(409).assert_contains("already suspended");
    assert_eq!(r.header("HX-Push-Url"), Some("false"), "{:?}", r.headers);

    // A form answered with its own page and its errors (the password form's 422).
    let fields = [
        ("current_password", "x"),
        ("new_password", "long enough 1"),
        ("confirm_password", "long enough 2"),
    ];
    let r = post_with(&app, &mut b, "/password", &fields, &boosted).await;
    r.assert_status(422);
    assert_eq!(r.header("HX-Push-Url"), Some("false"), "{:?}", r.headers);

    // Done: the redirect's target is the page to show and to reload.
    let r = post_with(&app, &mut b, &status, &[("status", "active")], &boosted).await;
    r.assert_status(303);
    assert_eq!(r.header("HX-Push-Url"), None, "{:?}", r.headers);
    // A boosted link: its own address.
    let get = actix_web::test::TestRequest::get()
        .uri(&sub_page)
        .insert_header(("HX-Request", "true"))
        .insert_header(("HX-Boosted", "true"));
    let r = send(&app, &mut b, get).await;
    r.assert_status(200);
    assert_eq!(r.header("HX-Push-Url"), None, "{:?}", r.headers);
}
