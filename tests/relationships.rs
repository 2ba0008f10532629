//! Relationship requests (invitation links) and delegated admin privileges.

mod common;

use common::world::*;
use common::*;
use diesel::prelude::*;
use partnerdesk::db::schema::{relationship_requests, relationships};
use partnerdesk::util::clock::now_ms;

/// Creates a request through the UI and returns the invitation link's path.
async fn invite<S, B>(app: &S, b: &mut Browser, dap: bool) -> String
where
    S: common::TestApp<B>,
    B: actix_web::body::MessageBody,
{
    let fields: &[(&str, &str)] = if dap { &[("delegated_admin", "on")] } else { &[] };
    post(app, b, "/relationship-requests", fields).await.assert_status(303);
    let page = get(app, b, "/relationship-requests").await;
    page.assert_status(200).assert_contains("the link is shown only once");
    let re = regex::Regex::new(
        r#"id="invitation-link" class="mono" href="https?://[^/"]+(/invitations/[0-9a-f]{64})""#,
    )
    .unwrap();
    let link = re.captures(&page.body).expect("the invitation link")[1].to_string();
    assert!(page.body.contains(&link), "the draft message carries the link");
    // Shown once: the next visit no longer has it.
    get(app, b, "/relationship-requests").await.assert_lacks(&link);
    link
}

/// Removes Alpha's reseller relationship with Fabrikam Ready, and returns the path of a new
/// invitation link (without delegated admin) that may bring it back.
async fn link_after_removing_ready<S, B>(app: &S, admin: &mut Browser, w: &World) -> String
where
    S: common::TestApp<B>,
    B: actix_web::body::MessageBody,
{
    remove_ready(app, admin, w).await;
    invite(app, admin, false).await
}

/// Removes Alpha's reseller relationship with Fabrikam Ready, for a link to bring it back.
async fn remove_ready<S, B>(app: &S, admin: &mut Browser, w: &World)
where
    S: common::TestApp<B>,
    B: actix_web::body::MessageBody,
{
    post(app, admin, &format!("/customers/{}/remove-relationship", w.ready.id), &[])
        .await
        .assert_status(303);
}

#[actix_web::test]
async fn removed_customer_comes_back_through_an_accepted_request() {
    let (env, w, app, mut admin) = Env::signed_in(GLOBAL_ADMIN).await;
    remove_ready(&app, &mut admin, &w).await;
    get(&app, &mut admin, "/customers")
        .await
        .assert_lacks(&format!("/customers/{}/subscriptions", w.ready.id));

    let mut sales = sign_in(&app, SALES_AGENT).await;
    let link = invite(&app, &mut sales, true).await;
    // Only the hash of the token is stored.
    let token = link.rsplit('/').next().unwrap().to_string();
    let stored: Vec<String> = relationship_requests::table
        .select(relationship_requests::token_hash)
        .load(&mut *env.conn())
        .unwrap();
    assert_eq!(stored.len(), 1);
    assert_ne!(stored[0], token);
    assert_eq!(stored[0], partnerdesk::services::requests::token_hash(&token));

    let mut customer_admin = Browser::default();
    get(&app, &mut customer_admin, &link)
        .await
        .assert_status(200)
        .assert_contains("Alpha Partners")
        .assert_contains("delegated admin privileges");
    post(&app, &mut customer_admin, &link, &[("primary_domain", "FabrikamReady.onmicrosoft.com")])
        .await
        .assert_status(200)
        .assert_contains("Done: Alpha Partners is now the reseller of Fabrikam Ready.");

    let list = get(&app, &mut admin, "/customers").await;
    list.assert_contains("Fabrikam Ready");
    let (rel, dap): (String, bool) = relationships::table
        .filter(relationships::customer_id.eq(&w.ready.id))
        .filter(relationships::partner_id.eq(&w.alpha.id))
        .select((relationships::relationship_to_partner, relationships::allow_delegated_access))
        .first(&mut *env.conn())
        .unwrap();
    assert_eq!((rel.as_str(), dap), ("reseller", true));
    // Purchases work again.
    post(
        &app,
        &mut admin,
        &format!("/customers/{}/subscriptions", w.ready.id),
        &[("offer_id", "m365-bp"), ("quantity", "1"), ("term", "P1M")],
    )
    .await
    .assert_status(303);
    // The link works once.
    let again = get(&app, &mut customer_admin, &link).await;
    again.assert_status(409).assert_contains("already been accepted");
    post(&app, &mut customer_admin, &link, &[("primary_domain", "fabrikamready.onmicrosoft.com")])
        .await
        .assert_status(409);
    let accepted = Audits::of("accept_relationship_request").customer(&w.ready.id);
    assert_eq!(env.audit_count(accepted), 1);
}

#[actix_web::test]
async fn a_new_customer_accepts_and_appears_on_the_list() {
    let (_env, _, app, mut admin) = Env::signed_in(ADMIN_AGENT).await;
    let link = invite(&app, &mut admin, false).await;
    let mut them = Browser::default();
    get(&app, &mut them, &link).await.assert_contains("does <strong>not</strong> give");
    for (domain, name, country, msg) in [
        ("not a domain", "", "", "primary domain"),
        ("brandnew.onmicrosoft.com", "", "PL", "company’s name"),
        ("brandnew.onmicrosoft.com", "Brand New", "Poland", "two-letter code"),
    ] {
        post(
            &app,
            &mut them,
            &link,
            &[("primary_domain", domain), ("company_name", name), ("country", country)],
        )
        .await
        .assert_status(422)
        .assert_contains(msg)
        .assert_contains(r#"aria-invalid="true""#);
    }
    post(
        &app,
        &mut them,
        &link,
        &[
            ("primary_domain", "brandnew.onmicrosoft.com"),
            ("company_name", "Brand New Sp. z o.o."),
            ("country", "pl"),
        ],
    )
    .await
    .assert_status(200)
    .assert_contains("Your organisation was added.");
    get(&app, &mut admin, "/customers?q=brand")
        .await
        .assert_contains("Brand New Sp. z o.o.")
        .assert_lacks("Delegated admin");
}

#[actix_web::test]
async fn revoked_expired_and_unknown_links_change_nothing() {
    let (env, w, app, mut admin) = Env::signed_in(GLOBAL_ADMIN).await;
    let revoked = link_after_removing_ready(&app, &mut admin, &w).await;
    let expired = invite(&app, &mut admin, false).await;
    let ids: Vec<String> = relationship_requests::table
        .order(relationship_requests::created_at.asc())
        .select(relationship_requests::id)
        .load(&mut *env.conn())
        .unwrap();
    post(&app, &mut admin, &format!("/relationship-requests/{}/revoke", ids[0]), &[])
        .await
        .assert_status(303);
    post(&app, &mut admin, &format!("/relationship-requests/{}/revoke", ids[0]), &[])
        .await
        .assert_status(409);
    diesel::update(relationship_requests::table.find(&ids[1]))
        .set(relationship_requests::expires_at.eq(now_ms() - 1))
        .execute(&mut *env.conn())
        .unwrap();
    let before = snapshot(&mut env.conn());
    let mut them = Browser::default();
    let form = [("primary_domain", "fabrikamready.onmicrosoft.com")];
    get(&app, &mut them, &revoked).await.assert_status(409).assert_contains("withdrawn");
    post(&app, &mut them, &revoked, &form).await.assert_status(409).assert_contains("withdrawn");
    get(&app, &mut them, &expired).await.assert_status(409).assert_contains("expired");
    post(&app, &mut them, &expired, &form).await.assert_status(409);
    let unknown = format!("/invitations/{}", "ab".repeat(32));
    get(&app, &mut them, &unknown).await.assert_status(404).assert_contains("not valid");
    post(&app, &mut them, &unknown, &form).await.assert_status(404);
    assert_eq!(before, snapshot(&mut env.conn()));
    get(&app, &mut admin, "/customers")
        .await
        .assert_lacks(&format!("/customers/{}/subscriptions", w.ready.id));
}

#[actix_web::test]
async fn accepting_while_already_reseller_is_409_and_the_link_stays_open() {
    let (_env, _, app, mut admin) = Env::signed_in(GLOBAL_ADMIN).await;
    let link = invite(&app, &mut admin, true).await;
    let mut them = Browser::default();
    post(&app, &mut them, &link, &[("primary_domain", "contosoltd.onmicrosoft.com")])
        .await
        .assert_status(409)
        .assert_contains("already your reseller");
    get(&app, &mut them, &link).await.assert_status(200);
}

#[actix_web::test]
async fn the_same_link_accepted_twice_at_once_succeeds_once() {
    let (_env, w, app, mut admin) = Env::signed_in(GLOBAL_ADMIN).await;
    let link = link_after_removing_ready(&app, &mut admin, &w).await;
    let form = [("primary_domain", "fabrikamready.onmicrosoft.com")];
    let mut browsers: Vec<Browser> = (0..8).map(|_| Browser::default()).collect();
    let answers =
        futures_util::future::join_all(browsers.iter_mut().map(|b| post(&app, b, &link, &form)))
            .await;
    let ok = answers.iter().filter(|r| r.status.as_u16() == 200).count();
    let refused = answers.iter().filter(|r| r.status.as_u16() == 409).count();
    assert_eq!((ok, refused), (1, 7));
}

#[actix_web::test]
async fn delegated_admin_privileges_can_be_removed_alone() {
    let (env, w, app, mut sales) = Env::signed_in(SALES_AGENT).await;
    let path = format!("/customers/{}/delegated-admin/remove", w.contoso.id);
    get(&app, &mut sales, &format!("/customers/{}/account", w.contoso.id))
        .await
        .assert_lacks("Remove delegated admin privileges");
    post(&app, &mut sales, &path, &[]).await.assert_status(403);
    let mut agent = sign_in(&app, ADMIN_AGENT).await;
    let account = format!("/customers/{}/account", w.contoso.id);
    get(&app, &mut agent, &account).await.assert_contains("Remove delegated admin privileges");
    post(&app, &mut agent, &path, &[]).await.assert_status(303);
    get(&app, &mut agent, &account)
        .await
        .assert_contains("Delegated admin privileges removed. The reseller relationship stays.")
        .assert_contains("Not granted")
        .assert_lacks("badge-none");
    post(&app, &mut agent, &path, &[]).await.assert_status(409).assert_contains("already off");
    assert_eq!(env.audit_count(Audits::of("remove_delegated_admin").succeeded()), 1);
}
