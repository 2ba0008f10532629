//! End-to-end tests in headless Chromium through chromedriver (WebDriver): the application served
//! for real, a person's flows clicked through, htmx's in-place updates, the same flows without
//! JavaScript, axe-core on every page of the JavaScript scenarios and no request leaving the
//! server's origin. See tests/common/browser.rs for the harness; without chromedriver these tests
//! are skipped (`SKIPPED: <test>: needs chromedriver …`, tests/common/skip.rs), except under CI.
//!
//! `PARTNERDESK_SCREENSHOTS=docs cargo test --test browser screenshots` refreshes the README's
//! screenshots in docs/; without that variable the same test writes them under target/.

mod common;

use std::path::{Path, PathBuf};

use diesel::prelude::*;
use serde_json::json;

use common::browser::{self, HEIGHT, Options, Tab, WIDTH};
use common::world;
use partnerdesk::db::schema::{partners, relationships, reservations, software_purchases};

fn subscription_status(t: &Tab, id: &str) -> String {
    world::subscription_status(&mut common::conn(&t.pool), id)
}

fn relationship_of(t: &Tab, customer_id: &str) -> String {
    relationships::table
        .filter(relationships::partner_id.eq(&t.world.alpha.id))
        .filter(relationships::customer_id.eq(customer_id))
        .select(relationships::relationship_to_partner)
        .first(&mut *common::conn(&t.pool))
        .unwrap()
}

/// The company names in the customer table.
async fn customer_names(t: &Tab) -> Vec<String> {
    // In one script: htmx may swap the table between two WebDriver commands.
    let v = t
        .execute(
            "return Array.from(document.querySelectorAll('#customer-results tbody tr td:first-child'), \
             (td) => td.textContent.trim());",
            vec![],
        )
        .await;
    serde_json::from_value(v).expect("company names")
}

/// From the customer list, opens `name` (its Subscriptions tab), by clicking.
async fn open_customer(t: &Tab, name: &str) {
    if t.path().await != "/customers" {
        t.click("nav.sidenav a[href='/customers']").await;
        t.wait_path("/customers", |p| p == "/customers").await;
        t.wait_for("#customer-results").await;
        t.check_page().await;
    }
    t.click_link(name).await;
    t.wait_text("h1.page-title", name).await;
    t.check_page().await;
}

/// On a customer's page, opens one of its tabs by clicking.
async fn open_tab(t: &Tab, tab: &str) {
    t.click_link(tab).await;
    t.wait_text("nav.tabs a[aria-current='page']", tab).await;
    t.check_page().await;
}

/// On the Subscriptions tab, opens a subscription's page and sets its status with the form.
async fn set_status_with_form(t: &Tab, offer: &str, status_label: &str) {
    t.click_link(offer).await;
    t.wait_text("#status-panel .card-title", offer).await;
    t.check_page().await;
    t.find("#status").await.select_by_label(status_label).await.expect("choose the status");
    t.click("#status-panel form button[type=submit]").await;
    t.wait_text("#subscription-status", status_label).await;
}

/// Suspends a new-commerce subscription with the Status form: the form first shows the warning
/// (suspending does not stop billing), and the step under it confirms.
async fn suspend_new_commerce_with_form(t: &Tab, offer: &str, status_label: &str) {
    t.click_link(offer).await;
    t.wait_text("#status-panel .card-title", offer).await;
    t.check_page().await;
    t.find("#status").await.select_by_label(status_label).await.expect("choose the status");
    t.click("#status-panel form button[type=submit]").await;
    t.wait_for("#suspend-warning").await;
    t.check_page().await;
    t.click("#suspend-warning button[type=submit]").await;
    t.wait_text("#subscription-status", status_label).await;
}

/// On the Account tab: new commerce past its window still blocks; its one-click fix turns
/// auto-renew off (the blocker then says `runs_out`), and once its term has ended (the clock
/// moved past it) nothing blocks.
async fn let_contosos_new_commerce_run_out(t: &Tab, account: &str, runs_out: &str) {
    open_tab(t, account).await;
    assert_eq!(t.attr("#remove-relationship", "aria-disabled").await.as_deref(), Some("true"));
    t.click("#removal-blocked form[action$='/auto-renew'] button[type=submit]").await;
    t.wait_text("#removal-blocked", runs_out).await;
    t.check_page().await;
    t.clock.advance(31 * partnerdesk::util::clock::DAY_MS);
}

/// Cancels the reservation or software purchase in `row` (`#reservation-…`, `#software-…`) with
/// its button, accepting the confirmation dialog, whose question must satisfy `asks`; then the
/// row says `cancelled`.
async fn cancel_confirmed(t: &Tab, row: &str, asks: impl Fn(&str) -> bool, cancelled: &str) {
    t.click(&format!("{row} button[type=submit]")).await;
    let question = t.accept_dialog().await;
    assert!(asks(&question), "dialog: {question:?}");
    t.wait_text(row, cancelled).await;
}

/// On Contoso's Subscriptions tab: suspends the base (its add-on follows) and the new-commerce
/// subscription with the Status form (`suspended` is the status's label; `flash`, when given,
/// what the first change says), going back to the list by the link `back`.
async fn suspend_contosos_subscriptions(t: &Tab, suspended: &str, flash: Option<&str>, back: &str) {
    set_status_with_form(t, "Microsoft 365 E3", suspended).await;
    if let Some(flash) = flash {
        t.wait_text("#flash", flash).await;
    }
    t.click_link(back).await;
    t.wait_for("#subscriptions").await;
    suspend_new_commerce_with_form(t, "Microsoft 365 Business Premium", suspended).await;
    t.check_page().await;
    let w = &t.world;
    for id in [&w.contoso_base, &w.contoso_addon, &w.contoso_nce] {
        assert_eq!(subscription_status(t, id), "suspended");
    }
}

/// On Contoso's Account tab with the link active: the confirmation lists the four
/// `consequences`, confirming it leads to the receipt with the message `flash`, and Contoso is
/// neither listed nor the partner's customer any more; searching for it finds nothing either
/// (the list says `none_found`).
async fn remove_contoso(t: &Tab, consequences: [&str; 4], flash: &str, none_found: &str) {
    t.click("#remove-relationship").await;
    t.wait_for("#confirm-removal").await;
    t.check_page().await;
    let items = t.find_all("#confirm-removal ul.consequences li").await;
    assert_eq!(items.len(), 4, "the four consequences");
    let text = t.text("#confirm-removal ul.consequences").await;
    for needle in consequences {
        assert!(text.contains(needle), "{needle:?} missing from:\n{text}");
    }
    t.click("#confirm-removal form button[type=submit]").await;
    // The removal's receipt follows, with the message.
    let receipts = format!("/customers/{}/receipts/", t.world.contoso.id);
    t.wait_path("the removal's receipt", |p| p.starts_with(&receipts)).await;
    t.wait_for("#receipt").await;
    t.wait_text("#flash", flash).await;
    t.check_page().await;
    assert!(t.try_find("#receipt-download").await.is_some(), "a signed receipt to download");
    t.goto("/customers").await;
    t.wait_for("#customer-results").await;
    t.check_page().await;
    let names = customer_names(t).await;
    assert!(!names.contains(&"Contoso Ltd".to_string()), "still listed: {names:?}");
    assert_eq!(relationship_of(t, &t.world.contoso.id), "none");
    t.find("#q").await.send_keys("Contoso").await.unwrap();
    t.wait_text("#customer-results", none_found).await;
}

/// (1) Sign in with the form: the customer list follows.
#[actix_web::test]
async fn sign_in_with_the_form() {
    browser::run("sign_in_with_the_form", Options::default(), |t| async move {
        t.goto("/customers").await;
        t.wait_path("the sign-in page", |p| p.starts_with("/signin")).await;
        assert!(t.try_find("header.topbar").await.is_none(), "signed-out page shows the app");
        t.sign_in(world::GLOBAL_ADMIN).await;
        assert_eq!(t.path().await, "/customers");
        assert!(t.text("header.topbar").await.contains("Alpha Partners"));
        let names = customer_names(&t).await;
        assert!(names.contains(&"Contoso Ltd".to_string()), "customers: {names:?}");
        assert!(!names.iter().any(|n| n.contains("Beta")), "another partner's customer: {names:?}");
    })
    .await;
}

/// (1a) A newcomer's first sign-in with a one-time password: choose a password, set up the
/// authenticator app from the key the page shows, note the recovery codes, then the app.
#[actix_web::test]
async fn first_sign_in_replaces_the_password_then_enrols() {
    browser::run(
        "first_sign_in_replaces_the_password_then_enrols",
        Options::default(),
        |t| async move {
            let one_time = "kT4wQ9mZ2xR7pL3nV8sB";
            world::add_user_with_one_time_password(
                &mut common::conn(&t.pool),
                &t.world.alpha,
                "newcomer@alpha.test",
                &[partnerdesk::models::role::Role::SalesAgent],
                one_time,
            );
            t.goto("/signin").await;
            t.find("#email").await.send_keys("newcomer@alpha.test").await.unwrap();
            t.find("#password").await.send_keys(one_time).await.unwrap();
            t.click("form[action='/signin'] button[type=submit]").await;
            t.wait_path("the password step", |p| p == "/signin/password").await;
            t.check_page().await;
            let chosen = "lighthouse keeper on a windy cape";
            t.find("#new_password").await.send_keys(chosen).await.unwrap();
            t.find("#confirm_password").await.send_keys(chosen).await.unwrap();
            t.click("form[action='/signin/password'] button[type=submit]").await;
            t.wait_path("the enrolment step", |p| p == "/signin/enrol").await;
            t.check_page().await;
            assert!(t.try_find("figure.qr svg").await.is_some(), "no QR code");
            let secret = t.text("#totp-secret").await.replace(' ', "");
            t.find("#code").await.send_keys(&common::totp_code(&secret, 0)).await.unwrap();
            t.click("form[action='/signin/enrol'] button[type=submit]").await;
            t.wait_for("#recovery-codes").await;
            t.check_page().await;
            assert_eq!(t.find_all("#recovery-codes li").await.len(), 10);
            t.click("#recovery-continue").await;
            t.wait_for("header.topbar").await;
            assert_eq!(t.path().await, "/customers");
        },
    )
    .await;
}

/// (1a') Lost phone: a Global admin resets someone's two-step sign-in (confirmed first), and
/// that person's next sign-in sets up an authenticator app again.
#[actix_web::test]
async fn a_global_admin_resets_two_step_sign_in() {
    browser::run("a_global_admin_resets_two_step_sign_in", Options::default(), |t| async move {
        let id = world::user_id(&mut common::conn(&t.pool), world::SALES_AGENT);
        t.sign_in(world::GLOBAL_ADMIN).await;
        t.goto(&format!("/users/{id}")).await;
        t.wait_text("#user-second-step", "set up").await;
        t.check_page().await;
        t.click("#reset-second-step button[type=submit]").await;
        let question = t.accept_dialog().await;
        assert!(question.contains("Reset two-step sign-in of"), "dialog: {question:?}");
        t.wait_text("#flash .toast", "was reset").await;
        t.wait_text("#user-second-step", "not set up yet").await;
        // The sales agent's next sign-in goes to the enrolment page, after the password.
        t.click("form[action='/signout'] button[type=submit]").await;
        t.wait_path("the sign-in page", |p| p.starts_with("/signin")).await;
        t.goto("/signin").await;
        t.find("#email").await.send_keys(world::SALES_AGENT).await.unwrap();
        t.find("#password").await.send_keys(world::PASSWORD).await.unwrap();
        t.click("form[action='/signin'] button[type=submit]").await;
        t.wait_path("the enrolment step", |p| p == "/signin/enrol").await;
    })
    .await;
}

/// Runs `script` on the page, again while a navigation is replacing the document.
async fn settled(t: &Tab, script: &str) -> serde_json::Value {
    for _ in 0..100 {
        if let Ok(v) = t.client.execute(script, vec![]).await {
            return v;
        }
        tokio::time::sleep(std::time::Duration::from_millis(50)).await;
    }
    panic!("the page never settled for: {script}");
}

/// (1a'') Someone hammering one account's sign-in meets a page that says to wait, in the
/// browser as in the tests of the limits themselves.
#[actix_web::test]
async fn hammering_sign_in_meets_a_page_that_says_to_wait() {
    browser::run(
        "hammering_sign_in_meets_a_page_that_says_to_wait",
        Options::default(),
        |t| async move {
            t.goto("/signin").await;
            for attempt in 1..=25 {
                // The answer keeps the address typed: type it anew.
                t.find("#email").await.clear().await.unwrap();
                t.find("#email").await.send_keys(world::HELPDESK_AGENT).await.unwrap();
                t.find("#password").await.send_keys("not the password").await.unwrap();
                // A mark on this document: gone once the answer's page has replaced it.
                settled(&t, "window.__attempt = true;").await;
                t.click("form[action='/signin'] button[type=submit]").await;
                let gone =
                    "return document.readyState === 'complete' && window.__attempt === undefined;";
                t.wait_until("the answer's page", async || settled(&t, gone).await == json!(true))
                    .await;
                let text = settled(&t, "return document.body.innerText;").await;
                if text.as_str().unwrap_or_default().contains("Too many attempts") {
                    assert!(attempt > 20, "refused after {attempt} attempts");
                    t.check_page().await;
                    return;
                }
            }
            panic!("25 sign-ins of one account in a row were never refused");
        },
    )
    .await;
}

/// (1b) A wrong password keeps you on the form with the one generic message.
#[actix_web::test]
async fn wrong_password_stays_on_the_form() {
    browser::run("wrong_password_stays_on_the_form", Options::default(), |t| async move {
        t.goto("/signin").await;
        t.find("#email").await.send_keys(world::GLOBAL_ADMIN).await.unwrap();
        t.find("#password").await.send_keys("not the password").await.unwrap();
        t.click("form[action='/signin'] button[type=submit]").await;
        t.wait_for("#signin-error").await;
        t.check_page().await;
        assert!(t.path().await.starts_with("/signin"));
        assert!(t.try_find("header.topbar").await.is_none());
    })
    .await;
}

/// The accessibility check itself: axe-core, injected as the tests do, reports a broken page.
#[actix_web::test]
async fn axe_catches_violations() {
    browser::run("axe_catches_violations", Options::default(), |t| async move {
        t.goto("/signin").await;
        let Some(clean) = t.axe_scan().await else { return };
        assert!(!clean.iter().any(|v| v.is_serious()), "sign-in page: {clean:#?}");
        t.execute(
            "const i = document.createElement('input'); i.id = 'unlabelled'; \
             document.querySelector('main').append(i);",
            vec![],
        )
        .await;
        let broken = t.axe_scan().await.unwrap();
        let label = broken.iter().find(|v| v.id == "label").expect("axe-core's `label` rule");
        assert!(label.is_serious(), "{label}");
        assert_eq!(label.targets, ["#unlabelled"]);
    })
    .await;
}

/// (2) Typing into the search box narrows the table in place, without a page load.
#[actix_web::test]
async fn customer_search_narrows_in_place() {
    browser::run("customer_search_narrows_in_place", Options::default(), |t| async move {
        t.sign_in(world::GLOBAL_ADMIN).await;
        let all = customer_names(&t).await;
        assert!(all.len() >= 5, "the world's customers: {all:?}");
        t.set_marker().await;
        t.find("#q").await.send_keys("Cont").await.unwrap();
        t.wait_until("the table shows only Contoso", async || {
            customer_names(&t).await == ["Contoso Ltd"]
        })
        .await;
        assert!(t.marker_survived().await, "the search reloaded the page");
        t.wait_path("?q=Cont (pushed by htmx)", |p| p.contains("q=Cont")).await;
        t.check_page().await;

        // A prefix that matches nothing says so; clearing it brings everyone back.
        t.find("#q").await.send_keys("zzz").await.unwrap();
        t.wait_text("#customer-results", "No customer").await;
        t.find("#q").await.clear().await.unwrap();
        // `clear` fires no input event: type and delete a character instead.
        t.find("#q").await.send_keys("x\u{E003}").await.unwrap();
        t.wait_until("the full list is back", async || customer_names(&t).await.len() == all.len())
            .await;
        assert!(t.marker_survived().await, "the search reloaded the page");
        t.check_page().await;
    })
    .await;
}

/// (3) Customer → Subscriptions → subscription → Status: Suspended → Submit, updated in place.
#[actix_web::test]
async fn subscription_status_changes_in_place() {
    browser::run("subscription_status_changes_in_place", Options::default(), |t| async move {
        t.sign_in(world::GLOBAL_ADMIN).await;
        open_customer(&t, "Contoso Ltd").await;
        open_tab(&t, "Subscriptions").await;
        t.click_link("Microsoft 365 E3").await;
        t.wait_text("#status-panel .card-title", "Microsoft 365 E3").await;
        t.check_page().await;
        assert_eq!(t.text("#subscription-status").await, "Active");
        t.set_marker().await;
        t.find("#status").await.select_by_label("Suspended").await.unwrap();
        t.click("#status-panel form button[type=submit]").await;
        t.wait_text("#subscription-status", "Suspended").await;
        t.wait_text("#flash", "Subscription “Microsoft 365 E3” suspended.").await;
        assert!(t.marker_survived().await, "the status change reloaded the page");
        let toast = t.text("#flash .toast").await;
        assert!(toast.contains("1 add-on suspended with it"), "toast: {toast:?}");
        assert_eq!(t.attr("#flash .toast", "role").await.as_deref(), Some("status"));
        t.check_page().await;
        assert_eq!(subscription_status(&t, &t.world.contoso_base), "suspended");
        assert_eq!(subscription_status(&t, &t.world.contoso_addon), "suspended");
        assert_eq!(subscription_status(&t, &t.world.contoso_nce), "active");
    })
    .await;
}

/// (4) The removal flow: inactive link with blockers, everything suspended and cancelled through
/// the UI (confirm dialogs accepted), then the link works and the customer is gone.
#[actix_web::test]
async fn removal_flow_end_to_end() {
    browser::run("removal_flow_end_to_end", Options::default(), |t| async move {
        let w = t.world.clone();
        t.sign_in(world::GLOBAL_ADMIN).await;
        open_customer(&t, "Contoso Ltd").await;
        open_tab(&t, "Account").await;
        assert_eq!(t.attr("#remove-relationship", "aria-disabled").await.as_deref(), Some("true"));
        assert_eq!(t.attr("#remove-relationship", "href").await, None);
        let blocked = t.text("#removal-blocked").await;
        for needle in [
            "Microsoft 365 E3",
            "Microsoft 365 E5 Security",
            "Microsoft 365 Business Premium",
            "Contoso production VMs",
            "SQL Server 2022 Standard",
        ] {
            assert!(blocked.contains(needle), "blocker {needle:?} not listed:\n{blocked}");
        }
        let fixes = t.find_all("#removal-blocked ul.blockers li a").await;
        assert!(fixes.len() >= 5, "every blocker links to its fix");

        // The reservation and the software purchase: Cancel, confirm in the dialog.
        open_tab(&t, "Subscriptions").await;
        t.set_marker().await;
        let reservation = format!("#reservation-{}", w.contoso_reservation);
        cancel_confirmed(&t, &reservation, |q| q.contains("Contoso production VMs"), "Cancelled")
            .await;
        let software = format!("#software-{}", w.contoso_software);
        cancel_confirmed(&t, &software, |q| q.contains("SQL Server 2022 Standard"), "Cancelled")
            .await;
        assert!(t.marker_survived().await, "cancelling reloaded the page");
        t.check_page().await;

        // The subscriptions: the base (its add-on follows) and the new-commerce one.
        suspend_contosos_subscriptions(&t, "Suspended", None, "← All subscriptions").await;
        // Suspended new commerce is still billed: it blocks until its term ends.
        let_contosos_new_commerce_run_out(&t, "Account", "auto-renew is off").await;

        // Now the link is active.
        open_tab(&t, "Account").await;
        assert_eq!(t.attr("#remove-relationship", "aria-disabled").await, None);
        assert!(t.try_find("#removal-blocked").await.is_none(), "blockers still listed");
        let consequences =
            ["customer list", "support contacts", "delegated admin", "future purchases"];
        remove_contoso(&t, consequences, "Contoso Ltd", "No customer").await;
        let (res, sw): (String, String) = (
            reservations::table
                .find(&w.contoso_reservation)
                .select(reservations::status)
                .first(&mut *common::conn(&t.pool))
                .unwrap(),
            software_purchases::table
                .find(&w.contoso_software)
                .select(software_purchases::status)
                .first(&mut *common::conn(&t.pool))
                .unwrap(),
        );
        assert_eq!((res.as_str(), sw.as_str()), ("cancelled", "cancelled"));
    })
    .await;
}

/// (4b) The removal flow once in Polish: the language chosen in the header, then Klienci →
/// Konto → suspend and cancel → Usuń relację odsprzedawcy → confirm → the customer is gone.
#[actix_web::test]
async fn removal_flow_in_polish() {
    browser::run("removal_flow_in_polish", Options::default(), |t| async move {
        let w = t.world.clone();
        t.sign_in(world::GLOBAL_ADMIN).await;
        // With JavaScript, choosing the language is the whole action.
        t.find("#locale-select").await.select_by_label("Polski").await.expect("choose Polski");
        t.wait_for("html[lang='pl']").await;
        assert_eq!(t.path().await, "/customers");
        t.wait_text("h1.page-title", "Klienci").await;
        t.check_page().await;
        assert!(t.text("header.topbar").await.contains("Administrator globalny"));

        open_customer(&t, "Contoso Ltd").await;
        open_tab(&t, "Konto").await;
        assert_eq!(t.attr("#remove-relationship", "aria-disabled").await.as_deref(), Some("true"));
        let blocked = t.text("#removal-blocked").await;
        assert!(blocked.contains("jest aktywna: należy ją wstrzymać"), "blockers:\n{blocked}");
        let account = t.page_text().await;
        assert!(account.contains("Delegowane uprawnienia administratora"), "{account}");
        assert!(account.contains("Kontakty pomocy technicznej"), "{account}");

        // Cancel the reservation and the software purchase, confirming in the dialog.
        open_tab(&t, "Subskrypcje").await;
        let reservation = format!("#reservation-{}", w.contoso_reservation);
        cancel_confirmed(&t, &reservation, |q| q.starts_with("Anulować rezerwację"), "Anulowana")
            .await;
        let software = format!("#software-{}", w.contoso_software);
        cancel_confirmed(&t, &software, |q| q.starts_with("Anulować zakup"), "Anulowana").await;
        t.check_page().await;

        // Suspend the subscriptions with the Status form: "Wstrzymana".
        let flash = Some("Wstrzymano subskrypcję „");
        suspend_contosos_subscriptions(&t, "Wstrzymana", flash, "← Wszystkie subskrypcje").await;
        let_contosos_new_commerce_run_out(&t, "Konto", "automatyczne odnawianie jest wyłączone")
            .await;

        // Usuń relację odsprzedawcy → the confirmation → the customer is gone.
        open_tab(&t, "Konto").await;
        // The timeline's times, rewritten to local time in the Polish form.
        let polish_time = regex::Regex::new(r"^\d\d\.\d\d\.\d{4}, \d\d:\d\d \S+$").unwrap();
        t.wait_until("the timeline's times are local and Polish", async || {
            let v = t
                .execute(
                    "return Array.from(document.querySelectorAll('time[data-localized]'))\
                     .map((e) => e.textContent);",
                    vec![],
                )
                .await;
            let texts: Vec<String> = serde_json::from_value(v).unwrap_or_default();
            !texts.is_empty() && texts.iter().all(|s| polish_time.is_match(s))
        })
        .await;
        assert_eq!(t.attr("#remove-relationship", "aria-disabled").await, None);
        assert_eq!(t.text("#remove-relationship").await, "Usuń relację odsprzedawcy");
        let consequences = [
            "listy klientów",
            "kontaktów pomocy technicznej",
            "delegowane uprawnienia administratora",
            "przyszłe zakupy",
        ];
        let removed = "Usunięto relację odsprzedawcy z klientem Contoso Ltd";
        remove_contoso(&t, consequences, removed, "Nazwa ani domena żadnego klienta").await;
    })
    .await;
}

/// (5) A Sales agent sees the link inactive, with the role it needs.
#[actix_web::test]
async fn sales_agent_sees_the_link_inactive() {
    browser::run("sales_agent_sees_the_link_inactive", Options::default(), |t| async move {
        t.sign_in(world::SALES_AGENT).await;
        open_customer(&t, "Fabrikam Ready").await;
        open_tab(&t, "Account").await;
        assert_eq!(t.attr("#remove-relationship", "aria-disabled").await.as_deref(), Some("true"));
        assert_eq!(t.attr("#remove-relationship", "href").await, None);
        let blocked = t.text("#removal-blocked").await;
        assert_eq!(blocked.matches("Requires the Global admin role.").count(), 1, "{blocked}");
        let admin = format!("User {}", world::GLOBAL_ADMIN);
        assert!(t.text("#who-can-remove").await.contains(&admin), "says who can remove it");
        // Clicking the inactive link goes nowhere.
        let before = t.path().await;
        t.click("#remove-relationship").await;
        actix_web::rt::time::sleep(std::time::Duration::from_millis(300)).await;
        assert_eq!(t.path().await, before);
        assert_eq!(relationship_of(&t, &t.world.ready.id), "reseller");
    })
    .await;
}

/// (6) After signing out, Back shows no customer data.
#[actix_web::test]
async fn back_after_sign_out_shows_no_data() {
    browser::run("back_after_sign_out_shows_no_data", Options::default(), |t| async move {
        t.sign_in(world::GLOBAL_ADMIN).await;
        open_customer(&t, "Contoso Ltd").await;
        open_tab(&t, "Account").await;
        let secret = t.world.contoso.tenant_id.clone();
        assert!(t.page_text().await.contains(&secret));
        t.click("form.signout button[type=submit]").await;
        t.wait_path("/signin", |p| p.starts_with("/signin")).await;
        t.wait_for("#email").await;
        t.check_page().await;

        t.client.back().await.expect("browser Back");
        // Wait for whatever Back leads to (a refetch that redirects to the sign-in page).
        t.wait_until("Back settled on the sign-in page", async || {
            t.path().await.starts_with("/signin") && t.try_find("#email").await.is_some()
        })
        .await;
        let source = t.client.source().await.unwrap();
        for leak in ["Contoso", "contoso.onmicrosoft.com", secret.as_str(), "Alpha Partners"] {
            assert!(!source.contains(leak), "{leak:?} shown after sign-out and Back");
        }
        t.check_page().await;

        // Back once more (the customer list): still nothing.
        t.client.back().await.expect("browser Back");
        actix_web::rt::time::sleep(std::time::Duration::from_millis(300)).await;
        t.wait_for("#email").await;
        let source = t.client.source().await.unwrap();
        assert!(!source.contains("Contoso"), "customer data shown after sign-out and Back");
    })
    .await;
}

/// (7) Without JavaScript everything works through links, forms and 303 redirects.
#[actix_web::test]
async fn without_javascript() {
    browser::run("without_javascript", Options { javascript: false }, |t| async move {
        t.sign_in(world::GLOBAL_ADMIN).await;
        assert_eq!(
            t.execute("return typeof window.htmx;", vec![]).await,
            serde_json::json!("undefined"),
            "JavaScript is on in the no-JavaScript session"
        );
        assert_eq!(t.path().await, "/customers");

        // Search is a plain GET form.
        t.find("#q").await.send_keys("Fab").await.unwrap();
        t.click("form[role=search] button[type=submit]").await;
        t.wait_path("?q=Fab", |p| p.contains("q=Fab")).await;
        t.check_page().await;
        assert_eq!(customer_names(&t).await, ["Fabrikam Ready"]);

        // Suspend a subscription through the form: a 303 back to its page with the toast.
        open_customer(&t, "Contoso Ltd").await;
        suspend_new_commerce_with_form(&t, "Microsoft 365 Business Premium", "Suspended").await;
        t.wait_text("#flash", "Subscription “Microsoft 365 Business Premium” suspended.").await;
        t.check_page().await;
        assert_eq!(subscription_status(&t, &t.world.contoso_nce), "suspended");

        // Cancel a reservation: with no dialog, the question is a page, and nothing changes
        // before its button.
        open_tab(&t, "Subscriptions").await;
        let row = format!("#reservation-{}", t.world.contoso_reservation);
        t.click(&format!("{row} button[type=submit]")).await;
        t.wait_for("#confirm-action").await;
        t.check_page().await;
        t.wait_text("#confirm-action h2", "Cancel the Azure reservation").await;
        t.click("#confirm-button").await;
        t.wait_text("#flash", "cancelled").await;
        t.wait_text(&row, "Cancelled").await;

        // Remove the `ready` customer: Account → Remove reseller relationship → confirm.
        open_customer(&t, "Fabrikam Ready").await;
        open_tab(&t, "Account").await;
        assert_eq!(t.attr("#remove-relationship", "aria-disabled").await, None);
        t.click("#remove-relationship").await;
        t.wait_for("#confirm-removal").await;
        t.check_page().await;
        assert_eq!(t.find_all("#confirm-removal ul.consequences li").await.len(), 4);
        t.click("#confirm-removal form button[type=submit]").await;
        let receipts = format!("/customers/{}/receipts/", t.world.ready.id);
        t.wait_path("the removal's receipt", |p| p.starts_with(&receipts)).await;
        t.wait_text("#flash", "Fabrikam Ready").await;
        t.check_page().await;
        t.goto("/customers").await;
        let names = customer_names(&t).await;
        assert!(!names.contains(&"Fabrikam Ready".to_string()), "still listed: {names:?}");
        assert!(names.contains(&"Contoso Ltd".to_string()), "{names:?}");
        assert_eq!(relationship_of(&t, &t.world.ready.id), "none");
    })
    .await;
}

/// A removed customer invited again from its Account page and accepted on the public page,
/// which names the customer and asks for nothing; then the Users pages as a User management
/// admin sees them (roles that give access to customers disabled). axe-core checks each page.
#[actix_web::test]
async fn a_former_customer_is_invited_again_and_users_pages_for_a_user_manager() {
    let test = "a_former_customer_is_invited_again_and_users_pages_for_a_user_manager";
    browser::run(test, Options::default(), |t| async move {
        let ready = t.world.ready.id.clone();
        diesel::update(
            relationships::table
                .filter(relationships::partner_id.eq(&t.world.alpha.id))
                .filter(relationships::customer_id.eq(&ready)),
        )
        .set(relationships::relationship_to_partner.eq("none"))
        .execute(&mut *common::conn(&t.pool))
        .unwrap();
        t.sign_in(world::SALES_AGENT).await;
        t.goto(&format!("/customers/{ready}/account")).await;
        t.click("#invite-again").await;
        t.wait_for("#invitee").await;
        t.check_page().await;
        let chosen = t.execute("return document.querySelector('#invitee').value;", vec![]).await;
        assert_eq!(chosen, serde_json::json!(ready));
        t.find("#recipient_email").await.send_keys("admin@fabrikamready.example").await.unwrap();
        t.click("#new-request form button[type=submit]").await;
        t.wait_for("#new-invitation").await;
        t.check_page().await;
        // The copy script shows its buttons (they stay hidden without JavaScript).
        assert_eq!(t.attr("button[data-copy='invitation-link-text']", "hidden").await, None);
        t.click("button[data-copy='invitation-link-text']").await;
        t.wait_text("[data-copy-status]", "Copied.").await;
        assert!(t.text("#requests tbody td.invitee").await.contains("Fabrikam Ready"));
        let link = t.attr("#invitation-link", "href").await.expect("the invitation link");
        let path = &link[link.find("/invitations/").expect("an invitation path")..];
        // Signed out of the tenant door, the page asks for it; Fabrikam Ready's admin accepts.
        t.goto(path).await;
        t.wait_for("#invitation-sign-in").await;
        let admin = "it@fabrikamready.example";
        world::add_customer_admin(&mut common::conn(&t.pool), &t.world.ready, admin);
        t.tenant_sign_in(admin, path).await;

        // A long partner name, at 390 px and on a wide screen: the accept button wraps inside
        // its card (the card is narrow at every width).
        let rename = |name: &str| {
            diesel::update(partners::table.find(&t.world.alpha.id))
                .set(partners::name.eq(name))
                .execute(&mut *common::conn(&t.pool))
                .unwrap();
        };
        rename("Fabrikam Cloud Solutions International Sp. z o.o.");
        let frame = t
            .execute(
                "return [window.outerWidth - window.innerWidth, window.outerHeight - window.innerHeight];",
                vec![],
            )
            .await;
        let frame: (u32, u32) = serde_json::from_value(frame).unwrap();
        for (width, height) in [(390, 844), (WIDTH, HEIGHT)] {
            t.client.set_window_size(width + frame.0, height + frame.1).await.unwrap();
            t.goto(path).await;
            t.wait_text("#invited-customer", "fabrikamready.onmicrosoft.com").await;
            let fits = t
                .execute(
                    "const b = document.querySelector(\"form[action^='/invitations/'] button[type=submit]\").getBoundingClientRect();\
                     const c = document.querySelector('main.auth-card').getBoundingClientRect();\
                     return [window.innerWidth, b.left >= c.left && b.right <= c.right && document.documentElement.scrollWidth <= window.innerWidth];",
                    vec![],
                )
                .await;
            assert_eq!(fits, json!([width, true]), "the accept button overflows its card");
        }
        rename(&t.world.alpha.name);
        t.goto(path).await;
        t.wait_text("#invited-customer", "fabrikamready.onmicrosoft.com").await;
        assert!(t.try_find("#primary_domain").await.is_none(), "a named customer's page asks");
        t.click("form[action^='/invitations/'] button[type=submit]").await;
        t.wait_text(".callout-success", "Alpha Partners is now the reseller of Fabrikam Ready")
            .await;
        t.check_page().await;
        assert_eq!(relationship_of(&t, &ready), "reseller");

        t.goto("/tenant").await;
        t.click("form.signout button[type=submit]").await;
        t.wait_path("/tenant/signin", |p| p.starts_with("/tenant/signin")).await;
        t.sign_in(world::USER_MANAGEMENT_ADMIN).await;
        t.goto("/users").await;
        t.wait_text("#verified-domains", "alpha.test").await;
        let sales = world::user_id(&mut common::conn(&t.pool), world::SALES_AGENT);
        t.goto(&format!("/users/{sales}")).await;
        assert_eq!(t.attr("input[value='sales_agent']", "disabled").await.as_deref(), Some("true"));
        assert_eq!(t.attr("input[value='user_management_admin']", "disabled").await, None);
        t.goto("/users/new").await;
        t.wait_text("#email-domains", "alpha.test").await;
    })
    .await;
}

/// The README's screenshots: the customer list, and Contoso's Account page with the inactive
/// link and its blockers, at 1280×900. Into docs/ with `PARTNERDESK_SCREENSHOTS=docs`, else
/// into target/browser-screenshots/docs/.
#[actix_web::test]
async fn screenshots() {
    browser::run("screenshots", Options::default(), |t| async move {
        let dir: PathBuf = if std::env::var("PARTNERDESK_SCREENSHOTS").as_deref() == Ok("docs") {
            Path::new(env!("CARGO_MANIFEST_DIR")).join("docs")
        } else {
            browser::target_dir().join("browser-screenshots/docs")
        };
        t.sign_in(world::GLOBAL_ADMIN).await;
        let shoot = async |name: &str| {
            // No caret or hover state in the picture.
            t.execute("document.activeElement && document.activeElement.blur();", vec![]).await;
            let path = dir.join(name);
            let png = t.save_screenshot(&path).await;
            assert_eq!(browser::png_size(&png), (WIDTH, HEIGHT), "{name}'s size");
            eprintln!("saved {}", path.display());
        };
        t.wait_for("#customer-results").await;
        shoot("customers.png").await;
        open_customer(&t, "Contoso Ltd").await;
        open_tab(&t, "Account").await;
        assert_eq!(t.attr("#remove-relationship", "aria-disabled").await.as_deref(), Some("true"));
        // The page is taller than the window: scroll just enough to show the blockers whole.
        t.execute(
            "const r = document.getElementById('removal-blocked').getBoundingClientRect(); \
             window.scrollTo(0, Math.max(0, window.scrollY + r.bottom + 24 - window.innerHeight));",
            vec![],
        )
        .await;
        shoot("account.png").await;
    })
    .await;
}

/// Feedback on actions: while a request waits (here on a database lock the test holds) the bar
/// shows and the form's button is disabled; after the swap the focus is on what changed and the
/// toast names the subscription; the language switches as soon as it is chosen.
#[actix_web::test]
async fn feedback_while_waiting_focus_after_swap_and_one_step_language() {
    browser::run(
        "feedback_while_waiting_focus_after_swap_and_one_step_language",
        Options::default(),
        |t| async move {
            t.sign_in(world::GLOBAL_ADMIN).await;
            let w = t.world.clone();
            t.goto(&format!("/customers/{}/account", w.contoso.id)).await;
            t.check_page().await;
            assert!(t.try_find("#locale-submit").await.is_some());
            assert!(
                !t.find("#locale-submit").await.is_displayed().await.unwrap(),
                "with JavaScript the language needs no button"
            );

            // Hold the customer's relationship lock from another connection: the Suspend quick action
            // waits for it.
            let (locked_tx, locked_rx) = std::sync::mpsc::channel();
            let (release_tx, release_rx) = std::sync::mpsc::channel::<()>();
            let pool = t.pool.clone();
            let (partner, customer) = (w.alpha.id.clone(), w.contoso.id.clone());
            let holder = std::thread::spawn(move || {
                let mut c = pool.get().unwrap();
                partnerdesk::db::write::<_, diesel::result::Error>(&mut c, |c| {
                    partnerdesk::models::relationship::lock(c, &partner, &customer)?;
                    locked_tx.send(()).unwrap();
                    release_rx.recv_timeout(std::time::Duration::from_secs(20)).ok();
                    Ok(())
                })
                .unwrap();
            });
            locked_rx.recv().unwrap();
            let button = format!("#relationship form[action$='{}/status'] button", w.contoso_base);
            t.click(&button).await;
            t.wait_until("the busy bar shows", async || {
                t.execute("return !document.getElementById('busy').hidden", vec![]).await
                    == json!(true)
            })
            .await;
            assert_eq!(
                t.execute(&format!("return document.querySelector(\"{button}\").disabled"), vec![])
                    .await,
                json!(true),
                "the button is disabled while waiting"
            );
            release_tx.send(()).unwrap();
            holder.join().unwrap();
            t.wait_text("#flash", "Subscription “Microsoft 365 E3” suspended.").await;
            t.wait_until("the busy bar hides", async || {
                t.execute("return document.getElementById('busy').hidden", vec![]).await
                    == json!(true)
            })
            .await;
            assert_eq!(
                t.execute("return document.activeElement && document.activeElement.id", vec![])
                    .await,
                json!("relationship"),
                "focus on the changed card"
            );
            assert_eq!(t.path().await, format!("/customers/{}/account", w.contoso.id));
            assert_eq!(subscription_status(&t, &w.contoso_base), "suspended");
            t.check_page().await;

            // One action: choosing Polski switches the page.
            t.find("#locale-select").await.select_by_label("Polski").await.unwrap();
            t.wait_until("the page is in Polish", async || {
                t.execute("return document.documentElement.lang", vec![]).await == json!("pl")
            })
            .await;
            t.check_page().await;
        },
    )
    .await;
}

/// At 390 × 844 (a phone): no page scrolls sideways, the customers table is stacked cards whose
/// cells name their column, controls are at least 44 px tall, and domains break only at dots.
#[actix_web::test]
async fn the_phone_layout_has_no_sideways_scroll() {
    browser::run("the_phone_layout_has_no_sideways_scroll", Options::default(), |t| async move {
        t.sign_in(world::GLOBAL_ADMIN).await;
        t.client.set_window_size(390, 844).await.unwrap();
        let w = t.world.clone();
        for path in ["/customers".to_string(), format!("/customers/{}/account", w.contoso.id), format!("/customers/{}/subscriptions", w.contoso.id), "/activity".into()] {
            t.goto(&path).await;
            t.check_page().await;
            let (scroll, client) = (
                t.execute("return document.documentElement.scrollWidth", vec![]).await,
                t.execute("return document.documentElement.clientWidth", vec![]).await,
            );
            assert!(scroll.as_i64().unwrap() <= client.as_i64().unwrap(), "{path} scrolls sideways: {scroll} > {client}");
            let small = t.execute("return [...document.querySelectorAll('main .btn, main button, .sidenav a')].filter(e => e.offsetParent && e.getBoundingClientRect().height < 44).map(e => e.textContent.trim())", vec![]).await;
            assert_eq!(small, json!([]), "{path}: controls under 44 px");
            // The header and the navigation take a line each: the page starts within 150 px.
            let top = t.execute("return Math.round(document.querySelector('main').getBoundingClientRect().top + window.scrollY)", vec![]).await;
            assert!(top.as_i64().unwrap() <= 150, "{path}: the page starts {top} px down");
        }
        t.goto("/customers").await;
        let label = t.execute("return getComputedStyle(document.querySelector('#customer-results td'), '::before').content", vec![]).await;
        assert_eq!(label, json!("\"Company name\""), "a stacked cell names its column");
        let breaks = t.execute("return document.querySelectorAll('#customer-results td.mono wbr').length", vec![]).await;
        assert!(breaks.as_i64().unwrap() > 0, "domains may break at dots");
    })
    .await;
}

/// Scheduling a removal and cancelling the schedule, with JavaScript, in English: the form on
/// the Account tab, the schedule shown in its place, and the question before cancelling it.
#[actix_web::test]
async fn a_removal_is_scheduled_then_the_schedule_cancelled() {
    let test = "a_removal_is_scheduled_then_the_schedule_cancelled";
    browser::run(test, Options::default(), |t| async move {
        t.sign_in(world::GLOBAL_ADMIN).await;
        open_customer(&t, "Fabrikam Ready").await;
        open_tab(&t, "Account").await;
        // A week ahead, so that the job runner leaves it alone while the test runs.
        let day = time::OffsetDateTime::now_utc().date() + time::Duration::days(7);
        let script = format!("document.getElementById('removal-date').value = '{day}';");
        t.execute(&script, vec![]).await;
        t.click("#schedule-removal button[type=submit]").await;
        t.wait_for("#removal-scheduled").await;
        t.check_page().await;
        let scheduled = t.text("#removal-scheduled").await;
        assert!(scheduled.starts_with("Removal scheduled for"), "{scheduled}");
        assert!(scheduled.contains(world::GLOBAL_ADMIN), "who scheduled it: {scheduled}");
        assert_eq!(relationship_of(&t, &t.world.ready.id), "reseller");

        t.click("#cancel-schedule").await;
        t.wait_for("#confirm-action").await;
        t.check_page().await;
        assert!(t.text("#confirm-action h2").await.contains("Fabrikam Ready"));
        t.click("#confirm-button").await;
        t.wait_text("#flash", "The scheduled removal was cancelled.").await;
        t.wait_for("#schedule-removal").await;
        t.check_page().await;
        assert!(t.try_find("#removal-scheduled").await.is_none(), "the schedule is still shown");
        assert_eq!(relationship_of(&t, &t.world.ready.id), "reseller");
    })
    .await;
}

/// With second-person approval on, without JavaScript and in Polish: one Global admin asks for
/// the removal, nothing is removed, and another Global admin approves it after a question page.
#[actix_web::test]
async fn a_second_global_admin_approves_a_removal_without_javascript_in_polish() {
    let test = "a_second_global_admin_approves_a_removal_without_javascript_in_polish";
    browser::run(test, Options { javascript: false }, |t| async move {
        const SECOND: &str = "second@alpha.test";
        {
            use partnerdesk::db::schema::users;
            let mut c = common::conn(&t.pool);
            world::add_user(
                &mut c,
                &t.world.alpha,
                SECOND,
                &[partnerdesk::models::role::Role::GlobalAdmin],
            );
            diesel::update(partners::table.find(&t.world.alpha.id))
                .set(partners::removal_needs_second_approval.eq(true))
                .execute(&mut *c)
                .unwrap();
            diesel::update(users::table.filter(users::email.eq_any([world::GLOBAL_ADMIN, SECOND])))
                .set(users::locale.eq("pl-PL"))
                .execute(&mut *c)
                .unwrap();
        }
        t.sign_in(world::GLOBAL_ADMIN).await;
        open_customer(&t, "Fabrikam Ready").await;
        open_tab(&t, "Konto").await;
        t.click("#remove-relationship").await;
        t.wait_for("#confirm-removal").await;
        t.check_page().await;
        assert!(t.text("#needs-approval").await.contains("drugiego administratora globalnego"));
        assert_eq!(
            t.text("#confirm-removal form button[type=submit]").await,
            "Poproś o zatwierdzenie"
        );
        t.click("#confirm-removal form button[type=submit]").await;
        t.wait_text("#flash", "Poproszono o usunięcie klienta Fabrikam Ready").await;
        t.check_page().await;
        assert!(t.text("#removal-approval").await.contains("czeka na drugiego administratora"));
        assert!(t.try_find("#approve-removal").await.is_none(), "the requester may not approve");
        assert_eq!(relationship_of(&t, &t.world.ready.id), "reseller");

        t.click("form.signout button[type=submit]").await;
        t.wait_path("/signin", |p| p.starts_with("/signin")).await;
        t.sign_in(SECOND).await;
        open_customer(&t, "Fabrikam Ready").await;
        open_tab(&t, "Konto").await;
        t.click("#approve-removal").await;
        t.wait_for("#confirm-action").await;
        t.check_page().await;
        assert!(t.text("#confirm-action").await.contains(world::GLOBAL_ADMIN), "who asked");
        t.click("#confirm-button").await;
        let receipts = format!("/customers/{}/receipts/", t.world.ready.id);
        t.wait_path("the removal's receipt", |p| p.starts_with(&receipts)).await;
        t.check_page().await;
        assert_eq!(relationship_of(&t, &t.world.ready.id), "none");
    })
    .await;
}

/// The GDAP round: the partner's Global admin requests a GDAP relationship from the customer's
/// Account page and sends it for approval; the customer's admin signs in at the tenant door and
/// approves it; the partner removes the reseller relationship, terminating it from the
/// confirmation. `polish`: both people read Polish.
async fn gdap_round(t: &Tab, polish: bool) {
    const CUSTOMER_ADMIN: &str = "it@fabrikamready.example";
    let ready = t.world.ready.clone();
    {
        use partnerdesk::db::schema::{customer_admins, users};
        let mut c = common::conn(&t.pool);
        world::add_customer_admin(&mut c, &ready, CUSTOMER_ADMIN);
        if polish {
            diesel::update(users::table.filter(users::email.eq(world::GLOBAL_ADMIN)))
                .set(users::locale.eq("pl-PL"))
                .execute(&mut *c)
                .unwrap();
            diesel::update(
                customer_admins::table.filter(customer_admins::email.eq(CUSTOMER_ADMIN)),
            )
            .set(customer_admins::locale.eq("pl-PL"))
            .execute(&mut *c)
            .unwrap();
        }
    }
    let account = if polish { "Konto" } else { "Account" };
    t.sign_in(world::GLOBAL_ADMIN).await;
    open_customer(t, "Fabrikam Ready").await;
    open_tab(t, account).await;
    t.click("#request-gdap").await;
    t.wait_for("#new-gdap-form").await;
    t.check_page().await;
    t.find("#display_name").await.send_keys("Fabrikam Ready helpdesk").await.unwrap();
    let duration = t.find("#duration_days").await;
    duration.clear().await.unwrap();
    duration.send_keys("90").await.unwrap();
    t.click("#roles input[value='729827e3-9c14-49f7-bb1b-9608f156bbb8']").await;
    t.click("#new-gdap-form form button[type=submit]").await;
    t.wait_for("#send-for-approval").await;
    t.check_page().await;
    t.click("#send-for-approval").await;
    t.wait_for("#approval-link").await;
    t.check_page().await;
    let link = t.attr("#approval-link", "value").await.expect("the approval link");
    let approval = link.split_once("/tenant/").map(|(_, p)| format!("/tenant/{p}")).unwrap();
    t.click("form.signout button[type=submit]").await;
    t.wait_path("/signin", |p| p.starts_with("/signin")).await;

    // The customer's admin opens the link, signs in at the tenant door and approves.
    t.tenant_sign_in(CUSTOMER_ADMIN, &approval).await;
    t.wait_path("the approval page", |p| p == approval).await;
    t.check_page().await;
    assert!(t.text("#gdap-roles").await.contains("Helpdesk Administrator"));
    t.click("#approve-gdap").await;
    t.wait_text("#gdap-status", if polish { "Aktywna" } else { "Active" }).await;
    t.check_page().await;
    t.click("form.signout button[type=submit]").await;
    t.wait_path("/tenant/signin", |p| p.starts_with("/tenant/signin")).await;

    // The partner removes the relationship; the confirmation terminates the GDAP relationship.
    t.sign_in(world::GLOBAL_ADMIN).await;
    open_customer(t, "Fabrikam Ready").await;
    open_tab(t, account).await;
    assert!(t.text("#account-gdap").await.contains("Fabrikam Ready helpdesk"));
    t.click("#remove-relationship").await;
    t.wait_for("#gdap-terminate").await;
    t.check_page().await;
    assert!(t.text("#gdap-terminate").await.contains("Fabrikam Ready helpdesk"));
    assert!(t.find("#terminate-gdap").await.is_selected().await.unwrap(), "checked by default");
    t.click("#confirm-removal form button[type=submit]").await;
    let receipts = format!("/customers/{}/receipts/", ready.id);
    t.wait_path("the removal's receipt", |p| p.starts_with(&receipts)).await;
    t.check_page().await;
    assert_eq!(t.text("#receipt-gdap").await, "Fabrikam Ready helpdesk");
    let status: String = {
        use partnerdesk::db::schema::gdap_relationships as g;
        g::table
            .filter(g::display_name.eq("Fabrikam Ready helpdesk"))
            .select(g::status)
            .first(&mut *common::conn(&t.pool))
            .unwrap()
    };
    assert_eq!(status, "terminated");
    assert_eq!(relationship_of(t, &ready.id), "none");
}

#[actix_web::test]
async fn gdap_requested_approved_by_the_customer_and_terminated_with_the_removal() {
    let test = "gdap_requested_approved_by_the_customer_and_terminated_with_the_removal";
    browser::run(test, Options::default(), |t| async move { gdap_round(&t, false).await }).await;
}

#[actix_web::test]
async fn gdap_round_without_javascript_in_polish() {
    let test = "gdap_round_without_javascript_in_polish";
    browser::run(
        test,
        Options { javascript: false },
        |t| async move { gdap_round(&t, true).await },
    )
    .await;
}
