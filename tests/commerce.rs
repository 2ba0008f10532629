//! New commerce (NCE): the cancellation window of 168 hours after purchase or renewal, the
//! warning before a suspension that keeps billing, auto-renew, expiry at the commitment end,
//! renewal, and what each of them means for removing the reseller relationship.

mod common;

use common::world::*;
use common::*;
use partnerdesk::i18n::Locale;
use partnerdesk::models::subscription::{Action, RemovalStep, Subscription, add_months};
use partnerdesk::util::clock::{DAY_MS, now_ms};

const HOUR_MS: i64 = 60 * 60 * 1000;
const MINUTE_MS: i64 = 60 * 1000;

fn sub_page(customer: &str, sid: &str) -> String {
    format!("/customers/{customer}/subscriptions/{sid}")
}

fn account(customer: &str) -> String {
    format!("/customers/{customer}/account")
}

/// A new-commerce subscription of `ready` (whose only other subscription is a suspended legacy
/// one, so that the relationship is removable without it), bought `ago` ms before now.
fn nce_of_ready(env: &Env, status: &str, ago: i64) -> String {
    let w = &env.world;
    let id = add_subscription(&mut env.conn(), &w.alpha, &w.ready, BP, status, None);
    set_bought(&mut env.conn(), &id, now_ms() - ago);
    id
}

/// The stored subscription.
fn stored(env: &Env, id: &str) -> Subscription {
    use diesel::prelude::*;
    use partnerdesk::db::schema::subscriptions as s;
    s::table.find(id).select(Subscription::as_select()).first(&mut *env.conn()).unwrap()
}

#[test]
fn the_rules_at_the_windows_edge() {
    let bought = 1_800_000_000_000;
    let (end, window) = partnerdesk::models::subscription::first_term(
        bought,
        partnerdesk::models::subscription::Term::Annual,
    );
    let sub = Subscription {
        id: "s".into(),
        partner_id: "p".into(),
        customer_id: "c".into(),
        offer_id: BP.0.into(),
        offer_name: BP.1.into(),
        quantity: 1,
        term: "P1Y".into(),
        billing_cycle: "annual".into(),
        status: "active".into(),
        commerce_type: "new_commerce".into(),
        parent_id: None,
        created_at: bought,
        updated_at: bought,
        suspended_at: None,
        commitment_end_at: end,
        auto_renew: true,
        cancel_window_end_at: window,
    };
    assert_eq!(window - bought, 168 * HOUR_MS);
    assert_eq!(end, add_months(bought, 12));
    // 167 h 59 min after purchase: cancel (refunded); suspending warns first.
    let inside = bought + 167 * HOUR_MS + 59 * MINUTE_MS;
    assert_eq!(
        sub.actions(inside),
        vec![Action::Cancel, Action::SuspendWithWarning, Action::TurnOffAutoRenew]
    );
    assert_eq!(sub.removal_step(inside), Some(RemovalStep::Cancel { until: window }));
    // 168 h: the window has closed; auto-renew off is what is left, billed until the end.
    let outside = bought + 168 * HOUR_MS;
    assert_eq!(sub.actions(outside), vec![Action::SuspendWithWarning, Action::TurnOffAutoRenew]);
    assert_eq!(
        sub.removal_step(outside),
        Some(RemovalStep::TurnOffAutoRenew { billed_until: end })
    );
    // Suspended, it is still billed and still blocks.
    let suspended = Subscription { status: "suspended".into(), ..sub.clone() };
    assert_eq!(
        suspended.removal_step(outside),
        Some(RemovalStep::TurnOffAutoRenew { billed_until: end })
    );
    // Auto-renew off: it runs out, then has expired and no longer blocks.
    let off = Subscription { auto_renew: false, ..sub.clone() };
    assert_eq!(off.removal_step(outside), Some(RemovalStep::RunsOut { billed_until: end }));
    assert_eq!(off.actions(outside), vec![Action::SuspendWithWarning, Action::TurnOnAutoRenew]);
    let expired = off.clone().as_of(end);
    assert_eq!(expired.status, "expired");
    assert_eq!(expired.removal_step(end), None);
    assert!(expired.actions(end).is_empty());
    assert_eq!(off.clone().as_of(end - 1).status, "active");
    // Auto-renew on: at the end it renews, the window reopens for 168 hours from the renewal.
    let renewed = sub.clone().as_of(end);
    assert_eq!(renewed.status, "active");
    assert_eq!(renewed.commitment_end_at, add_months(bought, 24));
    assert_eq!(renewed.cancel_window_end_at, end + 168 * HOUR_MS);
    assert!(renewed.allows(Action::Cancel, end + 167 * HOUR_MS));
    assert!(!renewed.allows(Action::Cancel, end + 168 * HOUR_MS));
    // Legacy: suspending clears it as a blocker.
    let legacy = Subscription { commerce_type: "legacy".into(), ..sub.clone() };
    assert_eq!(legacy.actions(inside), vec![Action::Suspend]);
    assert_eq!(legacy.removal_step(inside), Some(RemovalStep::Suspend));
    let legacy_suspended = Subscription { status: "suspended".into(), ..legacy };
    assert_eq!(legacy_suspended.removal_step(inside), None);
}

#[actix_web::test]
async fn cancelling_is_possible_until_the_last_minute_of_168_hours_and_not_after() {
    let (env, w, app, mut b) = Env::signed_in(ADMIN_AGENT).await;
    let early = nce_of_ready(&env, "active", 0);
    let late = nce_of_ready(&env, "active", 0);
    env.state.clock.advance(167 * HOUR_MS + 59 * MINUTE_MS);
    get(&app, &mut b, &sub_page(&w.ready.id, &early))
        .await
        .assert_contains("Cancel subscription")
        .assert_contains("Open until");
    let yes = [("confirmed", "yes")];
    let r = post(&app, &mut b, &format!("{}/cancel", sub_page(&w.ready.id, &early)), &yes).await;
    r.assert_status(303);
    assert_eq!(env.subscription_status(&early), "deleted");
    let refunded = Audits::of("update_subscription").succeeded().resource_like(&early);
    assert_eq!(env.audit_count(refunded), 1);

    env.state.clock.advance(MINUTE_MS);
    let page = get(&app, &mut b, &sub_page(&w.ready.id, &late)).await;
    page.assert_lacks("Cancel subscription")
        .assert_contains("Closed on")
        .assert_contains("Turn off auto-renew");
    post(&app, &mut b, &format!("{}/cancel", sub_page(&w.ready.id, &late)), &yes)
        .await
        .assert_status(409)
        .assert_contains("only within 168 hours of purchase or renewal")
        .assert_contains("Turn off auto-renew instead");
    assert_eq!(env.subscription_status(&late), "active");
}

#[actix_web::test]
async fn suspending_new_commerce_within_its_window_asks_first_and_needs_the_confirmation() {
    let (env, w, app, mut b) = Env::signed_in(ADMIN_AGENT).await;
    let id = nce_of_ready(&env, "active", 2 * DAY_MS);
    let s = stored(&env, &id);
    let l = Locale::default();
    let status = format!("{}/status", sub_page(&w.ready.id, &id));

    // Without JavaScript: the page comes back with the warning and a step that confirms it.
    let before = snapshot(&mut env.conn());
    let warned = post(&app, &mut b, &status, &[("status", "suspended")]).await;
    warned.assert_status(200).assert_contains(&format!(
        "Suspending does not stop billing: this subscription is billed until {} and can no \
         longer be cancelled after {}.",
        l.date(s.commitment_end_at),
        l.date(s.cancel_window_end_at)
    ));
    warned
        .assert_contains(r#"<input type="hidden" name="confirmed" value="yes">"#)
        .assert_contains("Suspend anyway")
        .assert_contains("<html");
    assert_eq!(before, snapshot(&mut env.conn()), "the warning changes nothing");

    // Confirmed: suspended, and still billed.
    let r = post(&app, &mut b, &status, &[("status", "suspended"), ("confirmed", "yes")]).await;
    r.assert_status(303);
    assert_eq!(env.subscription_status(&id), "suspended");
    get(&app, &mut b, r.location().unwrap())
        .await
        .assert_contains("still billed")
        .assert_contains(&format!("billed until {}", l.date(s.commitment_end_at)));

    // A legacy subscription is suspended at once, as before.
    let path = format!("{}/status", sub_page(&w.contoso.id, &w.contoso_base));
    post(&app, &mut b, &path, &[("status", "suspended")]).await.assert_status(303);
}

#[actix_web::test]
async fn auto_renew_is_turned_off_past_the_window_audited_and_on_again() {
    let (env, w, app, mut b) = Env::signed_in(ADMIN_AGENT).await;
    let page = sub_page(&w.contoso.id, &w.contoso_nce);
    let s = stored(&env, &w.contoso_nce);
    let l = Locale::default();
    get(&app, &mut b, &page)
        .await
        .assert_contains(&format!(
            r#"<dd id="commitment-end">{}</dd>"#,
            l.date(s.commitment_end_at)
        ))
        .assert_contains(r#"<dd id="auto-renew">On</dd>"#)
        .assert_lacks("Cancel subscription");
    let r = post(&app, &mut b, &format!("{page}/auto-renew"), &[("auto_renew", "off")]).await;
    r.assert_status(303);
    get(&app, &mut b, r.location().unwrap())
        .await
        .assert_contains(&format!(
            "Auto-renew of “Microsoft 365 Business Premium” turned off: it is billed until {}, \
             then expires.",
            l.date(s.commitment_end_at)
        ))
        .assert_contains(&format!(
            r#"<dd id="auto-renew">Off: expires on {}</dd>"#,
            l.date(s.commitment_end_at)
        ))
        .assert_contains("Turn on auto-renew");
    assert!(!stored(&env, &w.contoso_nce).auto_renew);
    post(&app, &mut b, &format!("{page}/auto-renew"), &[("auto_renew", "off")])
        .await
        .assert_status(409)
        .assert_contains("Auto-renew is already off.");
    post(&app, &mut b, &format!("{page}/auto-renew"), &[("auto_renew", "on")])
        .await
        .assert_status(303);
    assert!(stored(&env, &w.contoso_nce).auto_renew);
    let changes = Audits::of("update_subscription").succeeded().resource_like(&w.contoso_nce);
    assert_eq!(env.audit_count(changes), 2);

    // Not for legacy; nothing but on or off.
    let legacy = sub_page(&w.contoso.id, &w.contoso_base);
    post(&app, &mut b, &format!("{legacy}/auto-renew"), &[("auto_renew", "off")])
        .await
        .assert_status(409)
        .assert_contains("only for new-commerce subscriptions");
    post(&app, &mut b, &format!("{page}/auto-renew"), &[("auto_renew", "maybe")])
        .await
        .assert_status(422);
    // The tab shows the same.
    get(&app, &mut b, &format!("/customers/{}/subscriptions", w.contoso.id))
        .await
        .assert_contains("Commitment end")
        .assert_contains(&format!("Closed on {}", l.date(s.cancel_window_end_at)))
        .assert_contains("Turn off auto-renew");
}

#[actix_web::test]
async fn suspended_new_commerce_still_blocks_removal_and_says_what_to_do() {
    let (env, w, app, mut b) = Env::signed_in(GLOBAL_ADMIN).await;
    get(&app, &mut b, &account(&w.ready.id))
        .await
        .assert_lacks(r#"aria-disabled="true""#)
        .assert_contains(r#"<dd id="earliest-removal">Today</dd>"#);
    let id = nce_of_ready(&env, "suspended", 20 * DAY_MS);
    let s = stored(&env, &id);
    let l = Locale::default();
    let page = get(&app, &mut b, &account(&w.ready.id)).await;
    page.assert_contains(r#"aria-disabled="true""#)
        .assert_contains(&format!(
            "New-commerce subscription “Microsoft 365 Business Premium” can no longer be \
             cancelled and is billed until {}: turn off auto-renew so that it expires then.",
            l.date(s.commitment_end_at)
        ))
        .assert_contains(&format!("/customers/{}/subscriptions/{id}/auto-renew", w.ready.id))
        .assert_contains(&format!(
            "{}, when the last new-commerce subscription that can no longer be cancelled ends",
            l.date(s.commitment_end_at)
        ));
    let before = snapshot(&mut env.conn());
    post(&app, &mut b, &format!("/customers/{}/remove-relationship", w.ready.id), &[])
        .await
        .assert_status(409);
    assert_eq!(before, snapshot(&mut env.conn()));

    // Within its window, the line says to cancel it.
    let fresh = nce_of_ready(&env, "suspended", HOUR_MS);
    let f = stored(&env, &fresh);
    get(&app, &mut b, &account(&w.ready.id)).await.assert_contains(&format!(
        "cancel it (refunded) before {}",
        l.date(f.cancel_window_end_at)
    ));
}

#[actix_web::test]
async fn after_its_commitment_end_with_auto_renew_off_it_has_expired_and_no_longer_blocks() {
    let (env, w, app, mut b) = Env::signed_in(GLOBAL_ADMIN).await;
    let id = nce_of_ready(&env, "active", 20 * DAY_MS);
    let end = stored(&env, &id).commitment_end_at;
    let turn_off = format!("{}/auto-renew", sub_page(&w.ready.id, &id));
    post(&app, &mut b, &turn_off, &[("auto_renew", "off"), ("back", "account")])
        .await
        .assert_status(303);
    get(&app, &mut b, &account(&w.ready.id))
        .await
        .assert_contains(r#"aria-disabled="true""#)
        .assert_contains("when it expires (auto-renew is off)");

    // One minute before the end it still blocks; at the end it has expired.
    env.state.clock.advance(end - now_ms() - MINUTE_MS);
    get(&app, &mut b, &account(&w.ready.id)).await.assert_contains(r#"aria-disabled="true""#);
    env.state.clock.advance(2 * MINUTE_MS);
    get(&app, &mut b, &sub_page(&w.ready.id, &id))
        .await
        .assert_contains(r#"id="subscription-status">Expired"#);
    get(&app, &mut b, &account(&w.ready.id))
        .await
        .assert_lacks(r#"aria-disabled="true""#)
        .assert_contains(r#"<dd id="earliest-removal">Today</dd>"#);
    post(&app, &mut b, &format!("/customers/{}/remove-relationship", w.ready.id), &[])
        .await
        .assert_status(303);
    assert_eq!(env.subscription_status(&id), "expired");
}

#[actix_web::test]
async fn a_renewal_moves_the_commitment_end_and_reopens_the_window() {
    let (env, w, app, mut b) = Env::signed_in(ADMIN_AGENT).await;
    let id = nce_of_ready(&env, "active", 20 * DAY_MS);
    let s = stored(&env, &id);
    let page = sub_page(&w.ready.id, &id);
    get(&app, &mut b, &page).await.assert_lacks("Cancel subscription");
    // An hour after the term's end it has renewed: a new term, and 167 hours left to cancel.
    env.state.clock.advance(s.commitment_end_at - now_ms() + HOUR_MS);
    let l = Locale::default();
    let next = add_months(s.created_at, 2);
    get(&app, &mut b, &page)
        .await
        .assert_contains(r#"id="subscription-status">Active"#)
        .assert_contains(&format!(r#"<dd id="commitment-end">{}</dd>"#, l.date(next)))
        .assert_contains("Cancel subscription");
    let r = post(&app, &mut b, &format!("{page}/cancel"), &[("confirmed", "yes")]).await;
    r.assert_status(303);
    assert_eq!(env.subscription_status(&id), "deleted");
    assert_eq!(stored(&env, &id).commitment_end_at, next, "the renewal is stored with the change");
}

#[actix_web::test]
async fn prepare_for_removal_shows_and_does_what_each_line_costs() {
    let (env, w, app, mut b) = Env::signed_in(GLOBAL_ADMIN).await;
    let fresh = nce_of_ready(&env, "active", HOUR_MS);
    let old = nce_of_ready(&env, "active", 20 * DAY_MS);
    let legacy = add_subscription(&mut env.conn(), &w.alpha, &w.ready, E1, "active", None);
    let billed = stored(&env, &old).commitment_end_at;
    let l = Locale::default();
    let path = format!("/customers/{}/offboarding", w.ready.id);
    let preview = get(&app, &mut b, &path).await;
    preview
        .assert_status(200)
        .assert_contains(
            "Cancel the new-commerce subscription Microsoft 365 Business Premium (10 licences), \
             refunded",
        )
        .assert_contains(&format!(
            "Turn off auto-renew of Microsoft 365 Business Premium: billed until {}, then it \
             expires",
            l.date(billed)
        ))
        .assert_contains("Suspend <a")
        .assert_contains("Do all of this");
    let re = regex::Regex::new(r#"name="previewed" value="([^"]*)""#).unwrap();
    let fingerprint = re.captures(&preview.body).unwrap()[1].to_string();
    post(&app, &mut b, &path, &[("previewed", &fingerprint)]).await.assert_status(303);
    assert_eq!(env.subscription_status(&fresh), "deleted");
    assert_eq!(env.subscription_status(&legacy), "suspended");
    assert_eq!(env.subscription_status(&old), "active");
    assert!(!stored(&env, &old).auto_renew);
    get(&app, &mut b, &account(&w.ready.id))
        .await
        .assert_contains(
            "1 subscription cancelled (refunded), auto-renew turned off on 1 subscription",
        )
        .assert_contains(&format!("{}, when the last new-commerce", l.date(billed)));
}

#[actix_web::test]
async fn the_commerce_terms_read_in_polish() {
    let (env, w, app, mut b) = Env::signed_in(GLOBAL_ADMIN).await;
    let id = nce_of_ready(&env, "active", 2 * DAY_MS);
    let page = sub_page(&w.ready.id, &id);
    post(&app, &mut b, "/locale", &[("locale", "pl-PL"), ("back", &page)]).await.assert_status(303);
    let s = stored(&env, &id);
    let pl = Locale::parse("pl-PL").unwrap();
    get(&app, &mut b, &page)
        .await
        .assert_contains("Koniec zobowiązania")
        .assert_contains(r#"<dd id="auto-renew">Włączone</dd>"#)
        .assert_contains("Wyłącz automatyczne odnawianie");
    post(&app, &mut b, &format!("{page}/status"), &[("status", "suspended")])
        .await
        .assert_status(200)
        .assert_contains(&format!(
            "Wstrzymanie nie wstrzymuje rozliczeń: ta subskrypcja jest rozliczana do {}, a po {} \
             nie będzie można jej już anulować.",
            pl.date(s.commitment_end_at),
            pl.date(s.cancel_window_end_at)
        ))
        .assert_contains("Mimo to wstrzymaj");
    get(&app, &mut b, &account(&w.ready.id))
        .await
        .assert_contains("Najwcześniejsze usunięcie")
        .assert_contains("należy ją anulować (ze zwrotem środków) przed");
}

/// Rows from before the new-commerce columns: the migration gives each its first term from the
/// purchase (a day past the target month's end is that month's last day), auto-renew on, and
/// the window from the purchase, as a purchase today would.
macro_rules! backfill_check {
    ($conn:expr, $migrations:expr) => {{
        use diesel::prelude::*;
        use diesel_migrations::MigrationHarness;
        let c = $conn;
        c.run_pending_migrations($migrations).unwrap();
        // Back to before the commerce terms: revert it and every migration after it.
        let dir = format!("{}/migrations/sqlite", env!("CARGO_MANIFEST_DIR"));
        let after = std::fs::read_dir(dir)
            .unwrap()
            .filter(|e| e.as_ref().unwrap().file_name().to_string_lossy().as_ref() >= COMMERCE)
            .count();
        for _ in 0..after {
            c.revert_last_migration($migrations).unwrap();
        }
        // 31 Jan 2026 10:00:00.123 for a month, 29 Feb 2024 for a year, 3 Dec 2025 for three.
        let bought = [
            ("P1M", 1_769_853_600_123_i64),
            ("P1Y", 1_709_208_000_000),
            ("P3Y", 1_764_770_400_000),
        ];
        for (i, (term, at)) in bought.iter().enumerate() {
            diesel::sql_query(format!(
                "INSERT INTO subscriptions (id, partner_id, customer_id, offer_id, offer_name, \
                 quantity, term, billing_cycle, status, commerce_type, created_at, updated_at) \
                 VALUES ('s{i}', 'p', 'c', 'm365-bp', 'BP', 1, '{term}', 'monthly', 'active', \
                 'new_commerce', {at}, {at})"
            ))
            .execute(c)
            .unwrap();
        }
        c.run_pending_migrations($migrations).unwrap();
        use partnerdesk::db::schema::subscriptions as s;
        let rows: Vec<(String, i64, i64, bool, i64)> = s::table
            .order(s::id)
            .select((
                s::term,
                s::created_at,
                s::commitment_end_at,
                s::auto_renew,
                s::cancel_window_end_at,
            ))
            .load(c)
            .unwrap();
        for (term, at, end, auto_renew, window) in rows {
            let months = partnerdesk::models::subscription::Term::parse(&term).unwrap().months();
            assert_eq!(end, add_months(at, months), "{term}");
            assert_eq!(window, at + 168 * HOUR_MS, "{term}");
            assert!(auto_renew);
        }
        assert_eq!(
            add_months(1_769_853_600_123, 1),
            1_772_272_800_123,
            "28 Feb 2026, 10:00:00.123"
        );
    }};
}

/// The migration that gave subscriptions their commitment terms.
const COMMERCE: &str = "2026-12-03-000015_commerce_terms";

#[test]
fn the_migration_backfills_existing_subscriptions() {
    use diesel::Connection;
    const SQLITE: diesel_migrations::EmbeddedMigrations =
        diesel_migrations::embed_migrations!("migrations/sqlite");
    const POSTGRES: diesel_migrations::EmbeddedMigrations =
        diesel_migrations::embed_migrations!("migrations/postgres");
    let (url, _db) = new_database();
    match url {
        partnerdesk::db::DbUrl::Sqlite(path) => {
            let mut c = diesel::SqliteConnection::establish(&path).unwrap();
            // The rows name no partner, customer or offer: references are not what is tested.
            diesel::RunQueryDsl::execute(diesel::sql_query("PRAGMA foreign_keys = OFF"), &mut c)
                .unwrap();
            backfill_check!(&mut c, SQLITE);
        }
        partnerdesk::db::DbUrl::Postgres(url) => {
            let mut c = diesel::PgConnection::establish(&url).unwrap();
            // The rows name no partner, customer or offer: references are not what is tested.
            diesel::RunQueryDsl::execute(
                diesel::sql_query("SET session_replication_role = replica"),
                &mut c,
            )
            .unwrap();
            backfill_check!(&mut c, POSTGRES);
        }
    }
}
