//! The removal receipt: written with the removal, shown at a permanent address, downloaded as a
//! signed evidence file that `partnerdesk verify-receipt` checks.

mod common;

use std::process::Command;

use common::world::*;
use common::*;
use partnerdesk::db::DbUrl;

/// Cancels the reservation-only customer's reservation and removes the relationship; the
/// receipt's address.
async fn offboard_and_remove<S, B>(app: &S, b: &mut Browser, w: &World) -> String
where
    S: actix_web::dev::Service<
            actix_http::Request,
            Response = actix_web::dev::ServiceResponse<B>,
            Error = actix_web::Error,
        >,
    B: actix_web::body::MessageBody,
{
    let cust = &w.reservation_only;
    let cancel = format!("/customers/{}/reservations/{}/cancel", cust.id, w.reservation_only_id);
    post(app, b, &cancel, &[("confirmed", "yes")]).await.assert_status(303);
    let removed = post(app, b, &format!("/customers/{}/remove-relationship", cust.id), &[]).await;
    removed.assert_status(303);
    let at = removed.location().expect("a redirect to the receipt").to_string();
    assert!(at.starts_with(&format!("/customers/{}/receipts/", cust.id)), "{at}");
    at
}

fn database_url(env: &Env) -> String {
    match &env.state.config.database {
        DbUrl::Sqlite(p) => format!("sqlite://{p}"),
        DbUrl::Postgres(u) => u.clone(),
    }
}

fn verify(env: &Env, file: &std::path::Path, extra: &[&str]) -> (bool, String) {
    let out = Command::new(env!("CARGO_BIN_EXE_partnerdesk"))
        .arg("verify-receipt")
        .arg(file)
        .args(extra)
        .env("DATABASE_URL", database_url(env))
        .env("RUST_LOG", "error")
        .output()
        .unwrap();
    let said =
        format!("{}{}", String::from_utf8_lossy(&out.stdout), String::from_utf8_lossy(&out.stderr));
    (out.status.success(), said)
}

#[actix_web::test]
async fn a_removal_leads_to_its_receipt_with_what_changed_who_when_and_billing() {
    let (env, w, app, mut b) = Env::signed_in(GLOBAL_ADMIN).await;
    let at = offboard_and_remove(&app, &mut b, &w).await;
    let page = get(&app, &mut b, &at).await;
    page.assert_status(200)
        .assert_contains("Removal receipt")
        .assert_contains("removed by admin@alpha.test")
        .assert_contains(&w.reservation_only.company_name)
        // What changed, from the audit log: the cancellation and the removal, with who.
        .assert_contains("Cancel Azure reservation")
        .assert_contains("Remove reseller relationship")
        .assert_contains("User admin@alpha.test")
        // The billing part lists the cancelled reservation.
        .assert_contains("Batch cluster")
        .assert_contains("Cancelled")
        // A re-invite button and the signed file.
        .assert_contains(r#"id="invite-again""#)
        .assert_contains("/evidence");
    // The toast of the removal is shown there.
    page.assert_contains("was removed");
    // The Account page keeps a link to it.
    let account = get(&app, &mut b, &format!("/customers/{}/account", w.reservation_only.id)).await;
    account.assert_contains(&format!(r#"href="{at}""#));
    drop(env);
}

#[actix_web::test]
async fn only_the_partners_users_who_see_customers_read_a_receipt() {
    let (_env, w, app, mut admin) = Env::signed_in(GLOBAL_ADMIN).await;
    let at = offboard_and_remove(&app, &mut admin, &w).await;
    let mut sales = sign_in(&app, SALES_AGENT).await;
    get(&app, &mut sales, &at).await.assert_status(200);
    let mut other = sign_in(&app, OTHER_ADMIN).await;
    get(&app, &mut other, &at).await.assert_status(404);
    get(&app, &mut other, &format!("{at}/evidence")).await.assert_status(404);
    // An unknown receipt of a real customer is a 404 too.
    let unknown = format!("/customers/{}/receipts/nope", w.reservation_only.id);
    get(&app, &mut admin, &unknown).await.assert_status(404);
}

#[actix_web::test]
async fn a_refused_removal_writes_no_receipt() {
    use diesel::prelude::*;
    use partnerdesk::db::schema::removal_receipts;
    let (env, w, app, mut b) = Env::signed_in(GLOBAL_ADMIN).await;
    post(&app, &mut b, &format!("/customers/{}/remove-relationship", w.contoso.id), &[])
        .await
        .assert_status(409);
    let n: i64 = removal_receipts::table.count().get_result(&mut *env.conn()).unwrap();
    assert_eq!(n, 0);
}

#[actix_web::test]
async fn the_downloaded_receipt_verifies_and_fails_after_a_one_byte_change() {
    let (env, w, app, mut b) = Env::signed_in(GLOBAL_ADMIN).await;
    let at = offboard_and_remove(&app, &mut b, &w).await;
    let file = get(&app, &mut b, &format!("{at}/evidence")).await;
    file.assert_status(200);
    assert!(file.header("content-type").unwrap().starts_with("application/json"));
    assert!(file.header("content-disposition").unwrap().starts_with("attachment;"));
    let json: serde_json::Value = serde_json::from_str(&file.body).unwrap();
    assert_eq!(json["receipt"]["customer"]["id"], w.reservation_only.id.as_str());
    assert_eq!(json["signature"]["algorithm"], "Ed25519");

    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("receipt.json");
    std::fs::write(&path, &file.body).unwrap();
    let (ok, said) = verify(&env, &path, &[]);
    assert!(ok, "{said}");
    assert!(said.starts_with("valid: receipt"), "{said}");

    // One byte of the receipt changed: a cancelled reservation made to read active.
    let changed = file.body.replacen("\"cancelled\"", "\"cancelleD\"", 1);
    assert_ne!(changed, file.body);
    std::fs::write(&path, &changed).unwrap();
    let (ok, said) = verify(&env, &path, &[]);
    assert!(!ok, "a changed receipt verified: {said}");
    assert!(said.contains("does not match"), "{said}");

    // The original, checked against a key that is not the server's, fails too.
    std::fs::write(&path, &file.body).unwrap();
    let other = "11".repeat(32);
    let (ok, said) = verify(&env, &path, &["--public-key", &other]);
    assert!(!ok, "{said}");
}
