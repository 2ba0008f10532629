//! Irreversible changes ask first, with or without JavaScript: a POST without the answer
//! changes nothing and leads to the question (a page for a plain form, a full navigation for
//! htmx), the question says what ends, and only its answer makes the change.

mod common;

use common::world::*;
use common::*;

const SEC_ADDON: (&str, &str, &str) = ("m365-e5-sec", "Microsoft 365 E5 Security", "new_commerce");

#[actix_web::test]
async fn a_cancel_without_its_answer_asks_first_and_changes_nothing() {
    let (env, w, app, mut b) = Env::signed_in(GLOBAL_ADMIN).await;
    let cust = &w.reservation_only;
    let path = format!("/customers/{}/reservations/{}/cancel", cust.id, w.reservation_only_id);
    let before = snapshot(&mut env.conn());

    // A plain form from the Account page: to the question, remembering where it came from.
    let r = post(&app, &mut b, &path, &[("back", "account")]).await;
    r.assert_status(303);
    assert_eq!(r.location(), Some(format!("{path}?back=account").as_str()));
    assert_eq!(before, snapshot(&mut env.conn()), "asking changed something");

    let q = get(&app, &mut b, r.location().unwrap()).await;
    q.assert_status(200)
        .assert_contains("Cancel the Azure reservation “Batch cluster”?")
        .assert_contains("This cannot be undone.")
        .assert_contains(&format!(r#"<form method="post" action="{path}">"#))
        .assert_contains(r#"name="confirmed" value="yes""#)
        .assert_contains(r#"name="back" value="account""#)
        .assert_contains(&format!(r#"href="/customers/{}/account">Keep it, go back"#, cust.id));
    assert_eq!(before, snapshot(&mut env.conn()), "the question changed something");

    // The answer makes the change, once.
    let done = post(&app, &mut b, &path, &[("back", "account"), ("confirmed", "yes")]).await;
    assert_eq!(done.location(), Some(format!("/customers/{}/account", cust.id).as_str()));
    assert_eq!(env.audit_count(Audits::of("cancel_reservation").succeeded()), 1);
    get(&app, &mut b, &path).await.assert_status(409).assert_contains("already cancelled");
}

#[actix_web::test]
async fn an_htmx_cancel_without_its_answer_navigates_to_the_question() {
    let (env, w, app, mut b) = Env::signed_in(SALES_AGENT).await;
    let cust = &w.software_only;
    let path = format!("/customers/{}/software/{}/cancel", cust.id, w.software_only_id);
    let before = snapshot(&mut env.conn());
    // An answer other than yes is no answer.
    for fields in [&[][..], &[("confirmed", "no")][..]] {
        let r = hx_post(&app, &mut b, &path, fields).await;
        r.assert_status(200);
        assert_eq!(r.header("HX-Redirect"), Some(path.as_str()));
        assert!(r.body.is_empty(), "no row is swapped in: {}", r.body);
    }
    assert_eq!(before, snapshot(&mut env.conn()));
    get(&app, &mut b, &path)
        .await
        .assert_status(200)
        .assert_contains("Cancel the software purchase “Windows Server 2022 Standard”?")
        .assert_contains(&format!(r#"href="/customers/{}/subscriptions">"#, cust.id));
}

#[actix_web::test]
async fn the_question_before_cancelling_new_commerce_names_the_refund_and_its_add_ons() {
    let (env, w, app, mut b) = Env::signed_in(ADMIN_AGENT).await;
    let sid = add_subscription(&mut env.conn(), &w.alpha, &w.ready, BP, "active", None);
    set_bought(&mut env.conn(), &sid, partnerdesk::util::clock::now_ms());
    for _ in 0..2 {
        add_subscription(&mut env.conn(), &w.alpha, &w.ready, SEC_ADDON, "active", Some(&sid));
    }
    let path = format!("/customers/{}/subscriptions/{sid}/cancel", w.ready.id);
    let q = get(&app, &mut b, &path).await;
    q.assert_status(200)
        .assert_contains("Cancel the subscription “Microsoft 365 Business Premium”?")
        .assert_contains("the rest of its term is refunded")
        .assert_contains("Its 2 add-ons end with it.")
        .assert_contains(&format!(r#"href="/customers/{}/subscriptions/{sid}">"#, w.ready.id));
    assert_eq!(env.subscription_status(&sid), "active");
    post(&app, &mut b, &path, &[("confirmed", "yes")]).await.assert_status(303);
    assert_eq!(env.subscription_status(&sid), "deleted");

    // A legacy subscription cannot be cancelled: the question is not asked, the reason is given.
    let legacy = format!("/customers/{}/subscriptions/{}/cancel", w.contoso.id, w.contoso_base);
    get(&app, &mut b, &legacy)
        .await
        .assert_status(409)
        .assert_contains("Legacy subscriptions cannot be cancelled here");
}

#[actix_web::test]
async fn removing_delegated_admin_asks_in_the_readers_language() {
    let (env, w, app, mut b) = Env::signed_in(ADMIN_AGENT).await;
    post(&app, &mut b, "/locale", &[("locale", "pl-PL")]).await;
    let path = format!("/customers/{}/delegated-admin/remove", w.contoso.id);
    post(&app, &mut b, &path, &[]).await.assert_status(303);
    get(&app, &mut b, &path)
        .await
        .assert_status(200)
        .assert_contains("Usunąć delegowane uprawnienia administratora w dzierżawie klienta")
        .assert_contains("Relacja odsprzedawcy pozostanie.")
        .assert_contains("Nie zmieniaj, wróć");
    assert_eq!(env.audit_count(Audits::of("remove_delegated_admin")), 0);
    post(&app, &mut b, &path, &[("confirmed", "yes")]).await.assert_status(303);
    get(&app, &mut b, &path).await.assert_status(409);
}
