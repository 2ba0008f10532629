//! Tracking invitations: each request's recipient, the copy buttons, extending and resending a
//! pending request, the public page's list of countries and its wording.

mod common;

use common::world::*;
use common::*;
use diesel::prelude::*;
use partnerdesk::db::schema::{customers, partners, relationship_requests as rr};
use partnerdesk::util::clock::{DAY_MS, now_ms};

/// The path of the invitation link a page shows once.
fn link_of(r: &Resp) -> String {
    let re = regex::Regex::new(
        r#"id="invitation-link" class="mono" href="https?://[^/"]+(/invitations/[0-9a-f]{64})""#,
    )
    .unwrap();
    re.captures(&r.body).unwrap_or_else(|| panic!("no invitation link in:\n{}", r.body))[1]
        .to_string()
}

/// The id of the only request of `partner_id`.
fn only_request(env: &Env, partner_id: &str) -> String {
    let ids: Vec<String> = rr::table
        .filter(rr::partner_id.eq(partner_id))
        .select(rr::id)
        .load(&mut *env.conn())
        .unwrap();
    assert_eq!(ids.len(), 1, "{ids:?}");
    ids[0].clone()
}

fn expires_at(env: &Env, id: &str) -> i64 {
    rr::table.find(id).select(rr::expires_at).first(&mut *env.conn()).unwrap()
}

const NEW_CO: [(&str, &str); 3] = [
    ("customer", "new"),
    ("recipient_name", "NewCo Sp. z o.o."),
    ("recipient_email", "it.admin@newco.example"),
];

#[actix_web::test]
async fn the_recipient_is_stored_listed_and_checked() {
    let (env, w, app, mut admin) = Env::signed_in(GLOBAL_ADMIN).await;
    // A missing or malformed address, or a new customer without a name: refused, nothing made.
    let before = snapshot(&mut env.conn());
    for (form, sentence) in [
        (vec![("customer", "new"), ("recipient_name", "NewCo")], "Enter the email address"),
        (
            vec![
                ("customer", "new"),
                ("recipient_name", "NewCo"),
                ("recipient_email", "not-an-address"),
            ],
            "Enter the email address",
        ),
        (
            vec![
                ("customer", "new"),
                ("recipient_name", "NewCo"),
                ("recipient_email", "a@b@c.example"),
            ],
            "Enter the email address",
        ),
        (
            vec![
                ("customer", "new"),
                ("recipient_name", "  "),
                ("recipient_email", "it@newco.example"),
            ],
            "Enter the new customer’s name",
        ),
    ] {
        post(&app, &mut admin, "/relationship-requests", &form)
            .await
            .assert_status(422)
            .assert_contains(sentence);
    }
    assert_eq!(before, snapshot(&mut env.conn()), "a refused request changed something");
    // The refused form comes back as typed, the field in question marked.
    let form = [
        ("customer", "new"),
        ("recipient_name", "NewCo"),
        ("recipient_email", "it@newco"),
        ("delegated_admin", "on"),
    ];
    post(&app, &mut admin, "/relationship-requests", &form)
        .await
        .assert_status(422)
        .assert_contains(r#"value="NewCo" maxlength="200" autocomplete="off" aria-describedby="recipient-name-hint">"#)
        .assert_contains(r#"value="it@newco" maxlength="254" required autocomplete="off" aria-invalid="true" aria-describedby="request-error">"#)
        .assert_contains(r#"name="delegated_admin" value="on" checked>"#);

    let page = post(&app, &mut admin, "/relationship-requests", &NEW_CO).await;
    page.assert_status(200).assert_contains(r#"<span class="mono">it.admin@newco.example</span>"#);
    let id = only_request(&env, &w.alpha.id);
    let (name, email): (Option<String>, Option<String>) = rr::table
        .find(&id)
        .select((rr::recipient_name, rr::recipient_email))
        .first(&mut *env.conn())
        .unwrap();
    assert_eq!(name.as_deref(), Some("NewCo Sp. z o.o."));
    assert_eq!(email.as_deref(), Some("it.admin@newco.example"));
    let list = get(&app, &mut admin, "/relationship-requests").await;
    list.assert_contains(&format!(r#"<tr id="request-{id}">"#))
        .assert_contains("NewCo Sp. z o.o. <span class=\"hint\">(A new customer)</span>")
        .assert_contains(r#"<span class="mono recipient-email">it.admin@newco.example</span>"#)
        .assert_contains("<th scope=\"col\">Recipient</th>");
    let created = Audits::of("create_relationship_request").succeeded();
    assert_eq!(env.audit_count(created), 1);
}

#[actix_web::test]
async fn extending_moves_the_expiry_to_thirty_days_from_now_and_is_audited() {
    let (env, w, app, mut admin) = Env::signed_in(GLOBAL_ADMIN).await;
    let token = partnerdesk::util::tokens::random_token();
    let id = add_request(&mut env.conn(), &w.alpha, GLOBAL_ADMIN, &token, false);
    diesel::update(rr::table.find(&id))
        .set(rr::expires_at.eq(now_ms() + DAY_MS))
        .execute(&mut *env.conn())
        .unwrap();
    let start = now_ms();
    let r = post(&app, &mut admin, &format!("/relationship-requests/{id}/extend"), &[]).await;
    r.assert_status(303);
    let until = expires_at(&env, &id);
    assert!(until >= start + 30 * DAY_MS && until <= now_ms() + 30 * DAY_MS, "{until}");
    get(&app, &mut admin, "/relationship-requests")
        .await
        .assert_contains("Relationship request extended: its link now works until");
    assert_eq!(env.audit_count(Audits::of("extend_relationship_request").succeeded()), 1);
    // The link is the same one, and works.
    get(&app, &mut Browser::default(), &format!("/invitations/{token}")).await.assert_status(200);
}

#[actix_web::test]
async fn resending_replaces_the_link_and_resets_the_expiry() {
    let (env, w, app, mut admin) = Env::signed_in(GLOBAL_ADMIN).await;
    let first = post(&app, &mut admin, "/relationship-requests", &NEW_CO).await;
    let old = link_of(&first);
    let id = only_request(&env, &w.alpha.id);
    diesel::update(rr::table.find(&id))
        .set(rr::expires_at.eq(now_ms() + DAY_MS))
        .execute(&mut *env.conn())
        .unwrap();
    let start = now_ms();
    let again = post(&app, &mut admin, &format!("/relationship-requests/{id}/resend"), &[]).await;
    again
        .assert_status(200)
        .assert_contains("the earlier link no longer works")
        .assert_contains("it.admin@newco.example");
    let new = link_of(&again);
    assert_ne!(old, new);
    assert!(again.body.contains(&new), "the message carries the new link");
    assert!(expires_at(&env, &id) >= start + 30 * DAY_MS);
    // Shown once: the list no longer has it.
    get(&app, &mut admin, "/relationship-requests").await.assert_lacks(&new);
    let mut them = Browser::default();
    get(&app, &mut them, &old).await.assert_status(404).assert_contains("not valid");
    get(&app, &mut them, &new).await.assert_status(200).assert_contains("Alpha Partners");
    assert_eq!(env.audit_count(Audits::of("resend_relationship_request").succeeded()), 1);
    // Still one request.
    assert_eq!(only_request(&env, &w.alpha.id), id);
}

#[actix_web::test]
async fn extending_or_resending_what_is_not_pending_changes_nothing() {
    let (env, w, app, mut admin) = Env::signed_in(GLOBAL_ADMIN).await;
    let mut c = env.conn();
    let token = |_| partnerdesk::util::tokens::random_token();
    let accepted = add_request(&mut c, &w.alpha, GLOBAL_ADMIN, &token(0), false);
    let revoked = add_request(&mut c, &w.alpha, GLOBAL_ADMIN, &token(1), false);
    let expired = add_request(&mut c, &w.alpha, GLOBAL_ADMIN, &token(2), false);
    let others = add_request(&mut c, &w.beta, OTHER_ADMIN, &token(3), false);
    diesel::update(rr::table.find(&accepted))
        .set((rr::status.eq("accepted"), rr::customer_id.eq(Some(&w.ready.id))))
        .execute(&mut *c)
        .unwrap();
    diesel::update(rr::table.find(&revoked))
        .set(rr::status.eq("revoked"))
        .execute(&mut *c)
        .unwrap();
    diesel::update(rr::table.find(&expired))
        .set(rr::expires_at.eq(now_ms() - 1))
        .execute(&mut *c)
        .unwrap();
    drop(c);
    let before = snapshot(&mut env.conn());
    for action in ["extend", "resend"] {
        for (id, status, sentence) in [
            (&accepted, 409, "This request is accepted"),
            (&revoked, 409, "This request is revoked"),
            (&expired, 409, "This request is expired"),
            (&others, 404, "does not exist"),
            (&"no-such-request".to_string(), 404, "does not exist"),
        ] {
            post(&app, &mut admin, &format!("/relationship-requests/{id}/{action}"), &[])
                .await
                .assert_status(status)
                .assert_contains(sentence)
                .assert_lacks("/invitations/");
        }
    }
    assert_eq!(before, snapshot(&mut env.conn()), "a refusal changed something");
    // The list offers the actions on pending requests only.
    let list = get(&app, &mut admin, "/relationship-requests").await;
    for id in [&accepted, &revoked, &expired] {
        list.assert_lacks(&format!("/relationship-requests/{id}/extend"))
            .assert_lacks(&format!("/relationship-requests/{id}/resend"));
    }
    // A Helpdesk agent may not request relationships at all.
    let mut helpdesk = sign_in(&app, HELPDESK_AGENT).await;
    let pending = add_request(&mut env.conn(), &w.alpha, GLOBAL_ADMIN, &token(4), false);
    let before = snapshot(&mut env.conn());
    post(&app, &mut helpdesk, &format!("/relationship-requests/{pending}/resend"), &[])
        .await
        .assert_status(403);
    assert_eq!(before, snapshot(&mut env.conn()));
}

#[actix_web::test]
async fn the_country_comes_from_the_list_and_is_shown_by_name() {
    let (env, w, app, mut admin) = Env::signed_in(GLOBAL_ADMIN).await;
    let link = link_of(&post(&app, &mut admin, "/relationship-requests", &NEW_CO).await);
    let mut them = Browser::default();
    let page = get(&app, &mut them, &link).await;
    page.assert_status(200)
        .assert_contains(r#"<select id="country" name="country" autocomplete="country">"#)
        .assert_contains(r#"<option value="PL">Poland</option>"#)
        .assert_contains(r#"<option value="DE">Germany</option>"#);
    let options = page.body.matches("<option value=\"").count();
    assert_eq!(options, 250, "249 countries and the empty choice");
    let before = snapshot(&mut env.conn());
    for country in ["Polska", "PO", "XX", "", "P L"] {
        let form = [
            ("primary_domain", "newco.onmicrosoft.com"),
            ("company_name", "NewCo Sp. z o.o."),
            ("country", country),
        ];
        post(&app, &mut them, &link, &form)
            .await
            .assert_status(422)
            .assert_contains("Choose your country from the list.")
            .assert_contains(r#"value="newco.onmicrosoft.com""#);
    }
    assert_eq!(before, snapshot(&mut env.conn()), "a country not on the list made something");
    let form = [
        ("primary_domain", "newco.onmicrosoft.com"),
        ("company_name", "NewCo Sp. z o.o."),
        ("country", "PL"),
        ("admin_name", "Iga Nowak"),
        ("admin_email", "it@newco.example"),
        ("admin_password", "a quiet harbour at dawn"),
        ("admin_password_confirm", "a quiet harbour at dawn"),
    ];
    post(&app, &mut them, &link, &form).await.assert_status(200);
    let (id, country): (String, String) = customers::table
        .filter(customers::primary_domain.eq("newco.onmicrosoft.com"))
        .select((customers::id, customers::country))
        .first(&mut *env.conn())
        .unwrap();
    assert_eq!(country, "PL");
    let account = format!("/customers/{id}/account");
    get(&app, &mut admin, &account)
        .await
        .assert_contains("<dd>Poland</dd>")
        .assert_lacks("<dd>PL</dd>");
    post(&app, &mut admin, "/locale", &[("locale", "pl-PL"), ("back", "/customers")]).await;
    get(&app, &mut admin, &account).await.assert_contains("<dd>Polska</dd>");
    // The list names the customer the request brought, with the address it went to.
    let list = get(&app, &mut admin, "/relationship-requests").await;
    list.assert_contains(&format!(r#"<a href="/customers/{id}/account">NewCo Sp. z o.o.</a>"#))
        .assert_contains("it.admin@newco.example");
    let _ = w;
}

#[actix_web::test]
async fn the_public_page_reads_well_in_both_languages() {
    let (env, w, app, mut admin) = Env::signed_in(GLOBAL_ADMIN).await;
    // A partner whose name ends with a dot and would take a possessive.
    diesel::update(partners::table.find(&w.alpha.id))
        .set(partners::name.eq("Fabrikam Cloud Solutions Sp. z o.o."))
        .execute(&mut *env.conn())
        .unwrap();
    let link = link_of(&post(&app, &mut admin, "/relationship-requests", &NEW_CO).await);
    let pl = |path: &str| {
        actix_web::test::TestRequest::get().uri(path).insert_header(("Accept-Language", "pl"))
    };
    let mut them = Browser::default();
    let en = get(&app, &mut them, &link).await;
    en.assert_status(200)
        .assert_lacks("o.o.’s")
        .assert_lacks("o.o..")
        .assert_contains(r#"class="btn btn-primary btn-wrap""#);
    let polish = send(&app, &mut them, pl(&link)).await;
    polish.assert_status(200).assert_contains("Państwa organizacji").assert_contains("Polska");
    for informal in ["Twoj", "Twoją", "Twojej", " Ci ", " Cię ", "poproś", "Wpisz"] {
        polish.assert_lacks(informal);
    }
    // Accepted: the names stand apart from the sentence's full stop.
    let form = [
        ("primary_domain", "newco.onmicrosoft.com"),
        ("company_name", "NewCo Sp. z o.o."),
        ("country", "PL"),
        ("admin_name", "Iga Nowak"),
        ("admin_email", "it@newco.example"),
        ("admin_password", "a quiet harbour at dawn"),
        ("admin_password_confirm", "a quiet harbour at dawn"),
    ];
    let done = post(&app, &mut them, &link, &form).await;
    done.assert_status(200)
        .assert_contains(
            "Done: Fabrikam Cloud Solutions Sp. z o.o. is now the reseller of NewCo Sp. z o.o.</p>",
        )
        .assert_lacks("o.o..")
        .assert_lacks("o.o.’s");
}

#[actix_web::test]
async fn the_copy_buttons_come_from_a_served_script_and_the_text_stays_selectable() {
    let (_env, _w, app, mut admin) = Env::signed_in(GLOBAL_ADMIN).await;
    let page = post(&app, &mut admin, "/relationship-requests", &NEW_CO).await;
    let version = partnerdesk::views::assets::version();
    page.assert_status(200)
        .assert_contains(&format!(
            r#"<script src="/static/js/copy.js?v={version}" defer></script>"#
        ))
        .assert_contains(r#"<textarea id="invitation-message" rows="14" readonly>"#)
        .assert_contains(r#"readonly>"#)
        .assert_contains(r#"data-copy="invitation-message" hidden>Copy message</button>"#)
        .assert_contains(r#"data-copy="invitation-link-text" hidden>Copy link</button>"#)
        .assert_contains(
            r#"role="status" aria-live="polite" data-copy-status data-copied="Copied.""#,
        )
        .assert_lacks(" onclick=");
    assert!(
        regex::Regex::new(r#"<input id="invitation-link-text" class="mono" type="text" value="https?://[^"]+/invitations/[0-9a-f]{64}" readonly>"#)
            .unwrap()
            .is_match(&page.body),
        "the link in a readonly field"
    );
    // Every script on the page is a file: the CSP allows no inline code.
    assert_eq!(
        page.body.matches("<script").count(),
        page.body.matches("<script src=\"/static/").count()
    );
    let csp = page.header("content-security-policy").unwrap();
    assert!(csp.contains("script-src 'self';") && !csp.contains("unsafe-inline"), "{csp}");

    let js = get(&app, &mut admin, &format!("/static/js/copy.js?v={version}")).await;
    js.assert_status(200).assert_contains("navigator.clipboard.writeText");
    assert_eq!(js.header("content-type"), Some("text/javascript; charset=utf-8"));
}
