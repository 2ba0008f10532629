//! Relationship requests (invitation links) and delegated admin privileges.

mod common;

use common::world::*;
use common::*;
use diesel::prelude::*;
use partnerdesk::db::schema::{relationship_requests, relationships};
use partnerdesk::models::role::Role;
use partnerdesk::util::clock::now_ms;

/// Creates a request through the UI, for a new customer or for the customer with the id `to`,
/// and returns the invitation link's path.
async fn invite<S, B>(app: &S, b: &mut Browser, dap: bool, to: Option<&str>) -> String
where
    S: common::TestApp<B>,
    B: actix_web::body::MessageBody,
{
    let mut fields = vec![
        ("customer", to.unwrap_or("new")),
        ("recipient_name", "New Co"),
        ("recipient_email", "admin@newco.example"),
    ];
    if dap {
        fields.push(("delegated_admin", "on"));
    }
    let page = post(app, b, "/relationship-requests", &fields).await;
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
/// invitation link for it (without delegated admin) that may bring it back.
async fn link_after_removing_ready<S, B>(app: &S, admin: &mut Browser, w: &World) -> String
where
    S: common::TestApp<B>,
    B: actix_web::body::MessageBody,
{
    remove_ready(app, admin, w).await;
    invite(app, admin, false, Some(&w.ready.id)).await
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

/// The first admin a new customer's invitation asks for, with the customer's fields.
const FIRST_ADMIN: [(&str, &str); 4] = [
    ("admin_name", "Iga Nowak"),
    ("admin_email", "it@newcustomer.example"),
    ("admin_password", "a quiet harbour at dawn"),
    ("admin_password_confirm", "a quiet harbour at dawn"),
];

/// Fabrikam Ready's administrator, signed in at the tenant door (who accepts its invitations).
async fn ready_admin<S, B>(app: &S, env: &Env, w: &World) -> Browser
where
    S: common::TestApp<B>,
    B: actix_web::body::MessageBody,
{
    add_customer_admin(&mut env.conn(), &w.ready, "it@fabrikamready.example");
    tenant_sign_in(app, "it@fabrikamready.example").await
}

/// How many relationships (of any state) `partner_id` has with `customer_id`.
fn relationships_between(env: &Env, partner_id: &str, customer_id: &str) -> i64 {
    relationships::table
        .filter(relationships::partner_id.eq(partner_id))
        .filter(relationships::customer_id.eq(customer_id))
        .count()
        .get_result(&mut *env.conn())
        .unwrap()
}

/// An invitation cannot take over another partner's customer: a Sales agent of partner Beta
/// accepts Beta's own invitation with the domain of Alpha's customer Contoso.
#[actix_web::test]
async fn an_invitation_cannot_take_over_another_partners_customer() {
    let (env, w, app) = Env::with_app().await;
    add_user(&mut env.conn(), &w.beta, "sales@beta.test", &[Role::SalesAgent]);
    let mut beta_sales = sign_in(&app, "sales@beta.test").await;
    let link = invite(&app, &mut beta_sales, true, None).await;
    let before = snapshot(&mut env.conn());
    let mut them = Browser::default();
    let r = post(
        &app,
        &mut them,
        &link,
        &[
            ("primary_domain", "ContosoLtd.onmicrosoft.com"),
            ("company_name", "Contoso Ltd"),
            ("country", "PL"),
        ],
    )
    .await;
    assert!(matches!(r.status.as_u16(), 409 | 422), "{}: {}", r.status, r.body);
    r.assert_contains("already belongs to an organisation");
    assert_eq!(before, snapshot(&mut env.conn()), "the refused acceptance changed something");
    assert_eq!(relationships_between(&env, &w.beta.id, &w.contoso.id), 0);
    // Beta neither sees Contoso nor buys for it.
    get(&app, &mut beta_sales, "/customers").await.assert_lacks("Contoso Ltd");
    let contoso = format!("/customers/{}/subscriptions", w.contoso.id);
    get(&app, &mut beta_sales, &contoso).await.assert_status(404);
    post(
        &app,
        &mut beta_sales,
        &contoso,
        &[("offer_id", "m365-bp"), ("quantity", "1"), ("term", "P1M")],
    )
    .await
    .assert_status(404);
    // The link stays open for the organisation it was meant for.
    get(&app, &mut them, &link).await.assert_status(200);
}

#[actix_web::test]
async fn removed_customer_comes_back_through_an_accepted_request() {
    let (env, w, app, mut admin) = Env::signed_in(GLOBAL_ADMIN).await;
    remove_ready(&app, &mut admin, &w).await;
    get(&app, &mut admin, "/customers")
        .await
        .assert_lacks(&format!("/customers/{}/subscriptions", w.ready.id));

    // The Account page of the removed customer leads to an invitation for it.
    let mut sales = sign_in(&app, SALES_AGENT).await;
    let account = get(&app, &mut sales, &format!("/customers/{}/account", w.ready.id)).await;
    let again = format!("/relationship-requests?customer={}", w.ready.id);
    account.assert_contains(&format!(r#"id="invite-again" href="{again}""#));
    get(&app, &mut sales, &again)
        .await
        .assert_status(200)
        .assert_contains(&format!(r#"<option value="{}" selected>"#, w.ready.id));
    let link = invite(&app, &mut sales, true, Some(&w.ready.id)).await;
    // Only the hash of the token is stored.
    let token = link.rsplit('/').next().unwrap().to_string();
    let stored: Vec<String> = relationship_requests::table
        .select(relationship_requests::token_hash)
        .load(&mut *env.conn())
        .unwrap();
    assert_eq!(stored.len(), 1);
    assert_ne!(stored[0], token);
    assert_eq!(stored[0], partnerdesk::services::requests::token_hash(&token));

    let mut customer_admin = ready_admin(&app, &env, &w).await;
    // The page shows the customer it is for and asks for no domain.
    get(&app, &mut customer_admin, &link)
        .await
        .assert_status(200)
        .assert_contains("Alpha Partners")
        .assert_contains("delegated admin privileges")
        .assert_contains("Fabrikam Ready")
        .assert_contains("fabrikamready.onmicrosoft.com")
        .assert_lacks(r#"name="primary_domain""#);
    // Whatever the form says, it is accepted for Fabrikam Ready only.
    let other = [
        ("primary_domain", "contosoltd.onmicrosoft.com"),
        ("company_name", "Someone Else"),
        ("country", "DE"),
    ];
    post(&app, &mut customer_admin, &link, &other)
        .await
        .assert_status(200)
        // A title, with no full stop of its own after a name that may end in one ("Sp. z o.o.").
        .assert_contains("Done: Alpha Partners is now the reseller of Fabrikam Ready</p>")
        .assert_lacks("Your organisation was added.");
    let contoso_rels: i64 = relationships::table
        .filter(relationships::customer_id.eq(&w.contoso.id))
        .count()
        .get_result(&mut *env.conn())
        .unwrap();
    assert_eq!(contoso_rels, 1, "Contoso keeps its one relationship");

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
    let (env, w, app, mut admin) = Env::signed_in(ADMIN_AGENT).await;
    let link = invite(&app, &mut admin, false, None).await;
    let mut them = Browser::default();
    get(&app, &mut them, &link)
        .await
        .assert_contains("does <strong>not</strong> give")
        .assert_contains("not known here yet")
        .assert_contains(r#"name="primary_domain""#);
    // A domain any customer has is refused, whoever's customer it is, and the form stays.
    let before = snapshot(&mut env.conn());
    for (domain, partner_of_it) in [
        (w.contoso.primary_domain.as_str(), "Alpha's own"),
        (w.beta_customer.primary_domain.as_str(), "Beta's"),
        (w.reseller_customer.primary_domain.as_str(), "the reseller's"),
    ] {
        let r = post(
            &app,
            &mut them,
            &link,
            &[("primary_domain", domain), ("company_name", "Taken"), ("country", "PL")],
        )
        .await;
        r.assert_status(409)
            .assert_contains(&format!("The domain {domain} already belongs to an organisation"))
            .assert_contains(r#"name="primary_domain""#);
        assert_eq!(before, snapshot(&mut env.conn()), "{partner_of_it} customer's domain");
    }
    for (domain, name, country, msg) in [
        ("not a domain", "", "", "primary domain"),
        ("brandnew.onmicrosoft.com", "", "PL", "company’s name"),
        ("brandnew.onmicrosoft.com", "Brand New", "Poland", "Choose your country from the list."),
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
    let mut form = vec![
        ("primary_domain", "brandnew.onmicrosoft.com"),
        ("company_name", "Brand New Sp. z o.o."),
        ("country", "pl"),
    ];
    form.extend(FIRST_ADMIN);
    post(&app, &mut them, &link, &form)
        .await
        .assert_status(200)
        .assert_contains("Your organisation was added.");
    get(&app, &mut admin, "/customers?q=brand")
        .await
        .assert_contains("Brand New Sp. z o.o.")
        .assert_lacks("Delegated admin");
    // The requests list names the customer it brought, and whom it was sent to.
    get(&app, &mut admin, "/relationship-requests")
        .await
        .assert_contains(
            ">Brand New Sp. z o.o.</a> <span class=\"mono\">brandnew.onmicrosoft.com</span>",
        )
        .assert_contains("admin@newco.example")
        .assert_lacks("Accepted customer");
}

#[actix_web::test]
async fn revoked_expired_and_unknown_links_change_nothing() {
    let (env, w, app, mut admin) = Env::signed_in(GLOBAL_ADMIN).await;
    let revoked = link_after_removing_ready(&app, &mut admin, &w).await;
    let expired = invite(&app, &mut admin, false, Some(&w.ready.id)).await;
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
    let (env, w, app, mut admin) = Env::signed_in(GLOBAL_ADMIN).await;
    // Two invitations for the removed Fabrikam Ready: the first brings it back, the second
    // then finds Alpha its reseller already.
    let first = link_after_removing_ready(&app, &mut admin, &w).await;
    let second = invite(&app, &mut admin, true, Some(&w.ready.id)).await;
    let mut them = ready_admin(&app, &env, &w).await;
    post(&app, &mut them, &first, &[]).await.assert_status(200);
    let before = snapshot(&mut env.conn());
    post(&app, &mut them, &second, &[])
        .await
        .assert_status(409)
        .assert_contains("already your reseller");
    assert_eq!(before, snapshot(&mut env.conn()));
    get(&app, &mut them, &second).await.assert_status(200);
}

#[actix_web::test]
async fn the_same_link_accepted_twice_at_once_succeeds_once() {
    let (env, w, app, mut admin) = Env::signed_in(GLOBAL_ADMIN).await;
    let link = link_after_removing_ready(&app, &mut admin, &w).await;
    let form = [];
    // The customer's admin, in eight tabs at once.
    let signed_in = ready_admin(&app, &env, &w).await;
    let mut browsers: Vec<Browser> = (0..8).map(|_| signed_in.clone()).collect();
    let answers =
        futures_util::future::join_all(browsers.iter_mut().map(|b| post(&app, b, &link, &form)))
            .await;
    let ok = answers.iter().filter(|r| r.status.as_u16() == 200).count();
    let refused = answers.iter().filter(|r| r.status.as_u16() == 409).count();
    assert_eq!((ok, refused), (1, 7));
}

/// An invitation names a customer that had a relationship with the partner and has none now;
/// any other choice is refused with a sentence and changes nothing.
#[actix_web::test]
async fn an_invitation_names_only_a_former_customer_of_the_partner() {
    let (env, w, app, mut admin) = Env::signed_in(GLOBAL_ADMIN).await;
    remove_ready(&app, &mut admin, &w).await;
    // Beta's former customer is no former customer of Alpha's.
    let beta_former = add_customer(&mut env.conn(), &w.beta, "Beta Former", false);
    diesel::update(relationships::table.filter(relationships::customer_id.eq(&beta_former.id)))
        .set(relationships::relationship_to_partner.eq("none"))
        .execute(&mut *env.conn())
        .unwrap();
    // The form offers Alpha's former customers only.
    let page = get(&app, &mut admin, "/relationship-requests").await;
    page.assert_contains(&format!(r#"<option value="{}">Fabrikam Ready"#, w.ready.id))
        .assert_contains(r#"<option value="new" selected>A new customer</option>"#)
        .assert_lacks(&w.contoso.id)
        .assert_lacks(&beta_former.id)
        .assert_lacks(&w.beta_customer.id);
    let before = snapshot(&mut env.conn());
    for (customer, status, sentence) in [
        (w.beta_customer.id.as_str(), 404, "does not exist"),
        (beta_former.id.as_str(), 404, "does not exist"),
        ("no-such-customer", 404, "does not exist"),
        ("' OR 1=1 --", 404, "does not exist"),
        (w.contoso.id.as_str(), 409, "Contoso Ltd already has a reseller relationship with you"),
    ] {
        let form = [("customer", customer), ("recipient_email", "admin@newco.example")];
        post(&app, &mut admin, "/relationship-requests", &form)
            .await
            .assert_status(status)
            .assert_contains(sentence);
    }
    assert_eq!(before, snapshot(&mut env.conn()), "a refused request changed something");
    let refused = Audits::of("create_relationship_request").failed().customer(&w.contoso.id);
    assert_eq!(env.audit_count(refused), 1, "the conflict is on record");
    // A pending invitation is listed with the customer it is for.
    invite(&app, &mut admin, false, Some(&w.ready.id)).await;
    get(&app, &mut admin, "/relationship-requests").await.assert_contains(&format!(
        r#"<a href="/customers/{}/account">Fabrikam Ready</a> <span class="mono">fabrikamready.onmicrosoft.com</span>"#,
        w.ready.id
    ));
    let created = Audits::of("create_relationship_request").succeeded().customer(&w.ready.id);
    assert_eq!(env.audit_count(created), 1);
}

/// Two invitations for new customers accepted at once with one new domain: one customer.
#[actix_web::test]
async fn one_new_domain_accepted_through_two_links_at_once_makes_one_customer() {
    let (env, _, app, mut admin) = Env::signed_in(GLOBAL_ADMIN).await;
    let mut beta = sign_in(&app, OTHER_ADMIN).await;
    let links =
        [invite(&app, &mut admin, false, None).await, invite(&app, &mut beta, false, None).await];
    let mut form = vec![
        ("primary_domain", "twice.onmicrosoft.com"),
        ("company_name", "Twice"),
        ("country", "PL"),
    ];
    form.extend(FIRST_ADMIN);
    let mut browsers = [Browser::default(), Browser::default()];
    let [a, b] = &mut browsers;
    let (ra, rb) = futures_util::future::join(
        post(&app, a, &links[0], &form),
        post(&app, b, &links[1], &form),
    )
    .await;
    let mut statuses = [ra.status.as_u16(), rb.status.as_u16()];
    statuses.sort();
    assert_eq!(statuses, [200, 409], "{}\n{}", ra.body, rb.body);
    let with_domain: i64 = partnerdesk::db::schema::customers::table
        .filter(partnerdesk::db::schema::customers::primary_domain.eq("twice.onmicrosoft.com"))
        .count()
        .get_result(&mut *env.conn())
        .unwrap();
    assert_eq!(with_domain, 1);
}

#[actix_web::test]
async fn delegated_admin_privileges_can_be_removed_alone() {
    let (env, w, app, mut sales) = Env::signed_in(SALES_AGENT).await;
    let path = format!("/customers/{}/delegated-admin/remove", w.contoso.id);
    get(&app, &mut sales, &format!("/customers/{}/account", w.contoso.id))
        .await
        .assert_lacks("Remove delegated admin privileges");
    let yes = [("confirmed", "yes")];
    post(&app, &mut sales, &path, &yes).await.assert_status(403);
    let mut agent = sign_in(&app, ADMIN_AGENT).await;
    let account = format!("/customers/{}/account", w.contoso.id);
    get(&app, &mut agent, &account).await.assert_contains("Remove delegated admin privileges");
    post(&app, &mut agent, &path, &yes).await.assert_status(303);
    get(&app, &mut agent, &account)
        .await
        .assert_contains("Delegated admin privileges removed. The reseller relationship stays.")
        .assert_contains("Not granted")
        .assert_lacks("badge-none");
    post(&app, &mut agent, &path, &yes).await.assert_status(409).assert_contains("already off");
    assert_eq!(env.audit_count(Audits::of("remove_delegated_admin").succeeded()), 1);
}

/// The link of a new invitation is shown once, in the answer to its creation, and kept nowhere:
/// not in the session store (whose rows are readable by whoever reads the database).
#[actix_web::test]
async fn a_new_invitations_token_is_not_kept_in_the_session_store() {
    use partnerdesk::db::schema::sessions;
    let (env, _, app, mut b) = Env::signed_in(GLOBAL_ADMIN).await;
    let form = [
        ("customer", "new"),
        ("recipient_name", "New Co"),
        ("recipient_email", "admin@newco.example"),
    ];
    let r = post(&app, &mut b, "/relationship-requests", &form).await;
    let states: Vec<String> =
        sessions::table.select(sessions::state).load(&mut *env.conn()).unwrap();
    assert!(
        states.iter().all(|s| !s.contains("/invitations/")),
        "a session holds the invitation link: {states:?}"
    );
    r.assert_status(200).assert_contains("id=\"invitation-link\"");
}
