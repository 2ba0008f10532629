//! The Customers page: only reseller relationships of the own partner, search, paging, htmx.

mod common;

use common::world::*;
use common::*;
use partnerdesk::util::{clock::now_ms, tokens::new_id};

#[actix_web::test]
async fn lists_own_reseller_customers_with_active_counts() {
    let (_env, _, app, mut b) = Env::signed_in(SALES_AGENT).await;
    let page = get(&app, &mut b, "/customers").await;
    page.assert_status(200)
        .assert_contains("Contoso Ltd")
        .assert_contains("contosoltd.<wbr>onmicrosoft.<wbr>com")
        .assert_contains("Fabrikam Ready")
        .assert_lacks("Beta Customer")
        .assert_lacks("Reseller Customer");
    // Contoso has 3 active subscriptions (base, add-on, new commerce).
    assert_eq!(active_count(&page, "Contoso Ltd"), "3");
}

/// The Active subscriptions figure in a customer's row of the Customers page.
fn active_count(page: &Resp, customer: &str) -> String {
    let row = page.body.split(customer).nth(1).unwrap().split("</tr>").next().unwrap();
    row.split(r#"class="num">"#).nth(1).unwrap().split('<').next().unwrap().to_string()
}

/// The `UPDATE relationships` statement of a migration, as written for the test's backend.
fn migration_update(env: &Env, migration: &str) -> String {
    let backend = env.state.config.database.backend_name();
    let path = format!("{}/migrations/{backend}/{migration}/up.sql", env!("CARGO_MANIFEST_DIR"));
    let sql = std::fs::read_to_string(&path).unwrap_or_else(|e| panic!("{path}: {e}"));
    let update = sql.split(';').find(|s| s.contains("UPDATE relationships"));
    update.unwrap_or_else(|| panic!("no UPDATE relationships in {path}")).to_string()
}

#[actix_web::test]
async fn names_and_domains_shown_are_the_customers_own_also_for_rows_from_before_the_copy() {
    use diesel::prelude::*;
    use partnerdesk::db::schema::relationships as r;
    let (env, _, app, mut b) = Env::signed_in(GLOBAL_ADMIN).await;
    let shown = |c: &mut partnerdesk::db::AnyConnection| -> Vec<(String, String, String)> {
        r::table
            .select((r::customer_id, r::company_name, r::primary_domain))
            .order(r::id)
            .load(c)
            .unwrap()
    };
    let mut c = env.conn();
    let copied = shown(&mut c);
    assert!(copied.iter().all(|(_, name, domain)| !name.is_empty() && !domain.is_empty()));
    // Rows that existed before the migration get the same values from its UPDATE.
    let update = migration_update(&env, "2026-11-25-000008_list_from_index");
    diesel::update(r::table)
        .set((r::company_name.eq(""), r::primary_domain.eq("")))
        .execute(&mut *c)
        .unwrap();
    diesel::RunQueryDsl::execute(diesel::sql_query(update), &mut *c).unwrap();
    assert_eq!(shown(&mut c), copied, "the migration's copy differs from the application's");
    drop(c);
    get(&app, &mut b, "/customers")
        .await
        .assert_contains("Contoso Ltd")
        .assert_contains("contosoltd.<wbr>onmicrosoft.<wbr>com");
}

#[actix_web::test]
async fn active_counts_follow_every_subscription_change() {
    let (env, w, app, mut b) = Env::signed_in(GLOBAL_ADMIN).await;
    let count =
        async |b: &mut Browser| active_count(&get(&app, b, "/customers").await, "Contoso Ltd");
    let subs = format!("/customers/{}/subscriptions", w.contoso.id);
    let status = |id: &str| format!("{subs}/{id}/status");
    assert_eq!(count(&mut b).await, "3");

    let suspend = [("status", "suspended"), ("confirmed", "yes")];
    post(&app, &mut b, &status(&w.contoso_nce), &suspend).await.assert_status(303);
    assert_eq!(count(&mut b).await, "2", "after suspending one");
    // Asking for the status it already has changes nothing.
    post(&app, &mut b, &status(&w.contoso_nce), &suspend).await;
    assert_eq!(count(&mut b).await, "2", "after asking again");
    post(&app, &mut b, &status(&w.contoso_nce), &[("status", "active")]).await.assert_status(303);
    assert_eq!(count(&mut b).await, "3", "after reactivating it");
    post(&app, &mut b, &subs, &[("offer_id", "m365-bp"), ("quantity", "2"), ("term", "P1M")])
        .await
        .assert_status(303);
    assert_eq!(count(&mut b).await, "4", "after buying one");
    // A refused purchase (its transaction rolled back) leaves the count as it was.
    post(&app, &mut b, &subs, &[("offer_id", "m365-bp"), ("quantity", "0"), ("term", "P1M")])
        .await
        .assert_status(422);
    assert_eq!(count(&mut b).await, "4", "after a refused purchase");

    // The count stored with the relationship agrees with the subscriptions themselves.
    use diesel::prelude::*;
    use partnerdesk::db::schema::{relationships, subscriptions};
    let mut c = env.conn();
    let kept: i64 = relationships::table
        .filter(relationships::customer_id.eq(&w.contoso.id))
        .filter(relationships::partner_id.eq(&w.alpha.id))
        .select(relationships::active_subscriptions)
        .first(&mut *c)
        .unwrap();
    let counted: i64 = subscriptions::table
        .filter(subscriptions::customer_id.eq(&w.contoso.id))
        .filter(subscriptions::partner_id.eq(&w.alpha.id))
        .filter(subscriptions::status.eq("active"))
        .count()
        .get_result(&mut *c)
        .unwrap();
    assert_eq!((kept, counted), (4, 4));
}

#[actix_web::test]
async fn search_by_name_or_domain_prefix_case_insensitive() {
    let (_env, _, app, mut b) = Env::signed_in(GLOBAL_ADMIN).await;
    get(&app, &mut b, "/customers?q=cont")
        .await
        .assert_contains("Contoso Ltd")
        .assert_lacks("Fabrikam Ready");
    get(&app, &mut b, "/customers?q=FABRIKAMREADY.onmicrosoft")
        .await
        .assert_contains("Fabrikam Ready")
        .assert_lacks("Contoso Ltd");
    // A prefix, not a substring; wildcards are literal.
    get(&app, &mut b, "/customers?q=ltd")
        .await
        .assert_lacks("Contoso Ltd")
        .assert_contains("No customer’s name or domain starts with");
    get(&app, &mut b, "/customers?q=%25").await.assert_lacks("Contoso Ltd");
    get(&app, &mut b, "/customers?q=_").await.assert_lacks("Contoso Ltd");
    // Another partner's customer is never found.
    get(&app, &mut b, "/customers?q=beta").await.assert_lacks("Beta Customer");
}

#[actix_web::test]
async fn htmx_search_answers_only_the_results_fragment() {
    let (_env, _, app, mut b) = Env::signed_in(GLOBAL_ADMIN).await;
    let r = hx_get(&app, &mut b, "/customers?q=soft").await;
    r.assert_status(200)
        .assert_contains(r#"id="customer-results""#)
        .assert_contains("Software Only Inc")
        .assert_lacks("<html")
        .assert_lacks("Contoso");
    assert!(r.header("vary").unwrap_or_default().contains("HX-Request"));
}

#[actix_web::test]
async fn pages_of_fifty_with_keyset_next_link() {
    let (env, _, app, mut b) = Env::signed_in(GLOBAL_ADMIN).await;
    {
        let mut c = env.conn();
        for i in 0..55 {
            add_customer(&mut c, &env.world.alpha, &format!("Bulk Customer {i:03}"), false);
        }
    }
    let first = get(&app, &mut b, "/customers?q=bulk").await;
    assert_eq!(first.body.matches("Bulk Customer ").count(), 50);
    assert!(first.body.contains("Bulk Customer 049") && !first.body.contains("Bulk Customer 050"));
    let re = regex::Regex::new(r#"href="/customers\?([^"]+)">Next page"#).unwrap();
    let qs = re.captures(&first.body).expect("a Next page link")[1].replace("&#38;", "&");
    let second = get(&app, &mut b, &format!("/customers?{qs}")).await;
    assert_eq!(second.body.matches("Bulk Customer ").count(), 5);
    second
        .assert_contains("Bulk Customer 050")
        .assert_contains("Bulk Customer 054")
        .assert_contains("First page")
        .assert_lacks("Next page");
}

#[actix_web::test]
async fn overlong_search_is_a_clear_400() {
    let (_env, _, app, mut b) = Env::signed_in(GLOBAL_ADMIN).await;
    let q = "a".repeat(500);
    get(&app, &mut b, &format!("/customers?q={q}"))
        .await
        .assert_status(400)
        .assert_contains("at most 200 characters");
}

#[actix_web::test]
async fn customer_names_are_escaped() {
    let (env, _, app, mut b) = Env::signed_in(GLOBAL_ADMIN).await;
    add_customer(&mut env.conn(), &env.world.alpha, r#"<script>alert("x")</script> & 'Co'"#, false);
    let page = get(&app, &mut b, "/customers").await;
    page.assert_lacks("<script>alert").assert_contains("&#60;script&#62;");
}

/// A customer of Alpha with a domain of its own (not derived from the name).
fn add_with_domain(env: &Env, name: &str, domain: &str) {
    use partnerdesk::models::customer::{self, Customer};
    use partnerdesk::models::relationship::{self};
    let mut c = env.conn();
    let cust = Customer {
        id: new_id(),
        company_name: name.into(),
        primary_domain: domain.into(),
        tenant_id: new_id(),
        country: "PL".into(),
        created_at: now_ms(),
    };
    customer::insert(&mut c, &cust).unwrap();
    let rel = cust.reseller_relationship(&env.world.alpha.id, false, cust.created_at);
    relationship::insert(&mut c, &rel).unwrap();
}

#[actix_web::test]
async fn domain_only_matches_are_found_at_every_shared_length() {
    let (env, _, app, mut b) = Env::signed_in(GLOBAL_ADMIN).await;
    // Name and domain share 3, 9, 16+ and 0 leading characters.
    add_with_domain(&env, "Sum Mit Co", "summitco.onmicrosoft.com");
    add_with_domain(&env, "Northwind Traders", "northwindtraders.onmicrosoft.com");
    add_with_domain(&env, "Abcdefghijklmnopqrs X", "abcdefghijklmnopqrsx.example");
    add_with_domain(&env, "Żabka Polska", "zabka.pl");
    let finds = |page: &Resp, name: &str| page.body.matches(&format!(">{name}<")).count();
    for (q, name) in [
        ("summ", "Sum Mit Co"), // domain only: the name has a space after "sum"
        ("sum", "Sum Mit Co"),  // both
        ("northwindt", "Northwind Traders"), // domain only, one past the shared "northwind"
        ("northwind", "Northwind Traders"),
        ("abcdefghijklmnopqrsx", "Abcdefghijklmnopqrs X"), // domain only, past the 16 counted
        ("abcdefghijklmnopq", "Abcdefghijklmnopqrs X"),
        ("zab", "Żabka Polska"), // domain only
        ("ŻAB", "Żabka Polska"), // name only
        ("contoso", "Contoso Ltd"),
    ] {
        let page =
            get(&app, &mut b, &format!("/customers?q={}", partnerdesk::util::urls::urlencode(q)))
                .await;
        page.assert_status(200);
        assert_eq!(finds(&page, name), 1, "search {q:?} should list {name} once:\n{}", page.body);
    }
    get(&app, &mut b, "/customers?q=summx").await.assert_lacks("Sum Mit Co");

    // The migration computes the shared length in SQL for rows that existed before it: the same
    // statement, run again over these rows, must agree with the application's value.
    let update = migration_update(&env, "2026-11-25-000006_domain_search_pruning");
    let lcps = |c: &mut partnerdesk::db::AnyConnection| -> Vec<(String, i32)> {
        use diesel::prelude::*;
        use partnerdesk::db::schema::relationships as r;
        r::table.select((r::sort_name, r::name_domain_lcp)).order(r::sort_name).load(c).unwrap()
    };
    let mut c = env.conn();
    let before = lcps(&mut c);
    assert!(before.iter().any(|(n, l)| n == "abcdefghijklmnopqrs x" && *l == 16), "{before:?}");
    assert!(before.iter().any(|(n, l)| n == "sum mit co" && *l == 3), "{before:?}");
    diesel::RunQueryDsl::execute(diesel::sql_query(update), &mut *c).unwrap();
    assert_eq!(lcps(&mut c), before, "SQL and application disagree on name_domain_lcp");
}

/// The tenant id a relationship carries for the API's list is the customer's, for rows the
/// application wrote and for rows from before the migration that added it.
#[actix_web::test]
async fn the_tenant_id_a_relationship_carries_is_the_customers_also_from_before_the_copy() {
    use diesel::prelude::*;
    use partnerdesk::db::schema::{customers as cu, relationships as r};
    let env = Env::new();
    let truth = |c: &mut partnerdesk::db::AnyConnection| -> Vec<(String, String, String)> {
        r::table
            .inner_join(cu::table)
            .select((r::id, r::tenant_id, cu::tenant_id))
            .order(r::id)
            .load(c)
            .unwrap()
    };
    let mut c = env.conn();
    let rows = truth(&mut c);
    assert!(rows.len() > 5 && rows.iter().all(|(_, kept, own)| kept == own && !own.is_empty()));
    let update = migration_update(&env, "2026-12-03-000014_tenant_on_relationship");
    diesel::update(r::table).set(r::tenant_id.eq("")).execute(&mut *c).unwrap();
    diesel::RunQueryDsl::execute(diesel::sql_query(update), &mut *c).unwrap();
    assert_eq!(truth(&mut c), rows, "the migration's copy differs from the application's");
}

/// The Removal cell of a customer's row on the Customers page.
fn readiness(page: &Resp, customer: &str) -> String {
    let row = page.body.split(customer).nth(1).unwrap().split("</tr>").next().unwrap();
    let cell = row.rsplit("<td").next().unwrap();
    let text = cell.split_once('>').unwrap().1.split("</td>").next().unwrap();
    text.split('<').filter_map(|s| s.split_once('>').map(|(_, t)| t).or(Some(s))).collect()
}

#[actix_web::test]
async fn each_row_says_whether_the_customer_is_ready_to_remove_or_what_blocks_it() {
    let (env, w, app, mut b) = Env::signed_in(GLOBAL_ADMIN).await;
    let page = get(&app, &mut b, "/customers").await;
    assert_eq!(
        readiness(&page, "Contoso Ltd"),
        "Blocked: 3 subscriptions, 1 reservation, 1 software purchase"
    );
    assert_eq!(readiness(&page, "Fabrikam Ready"), "Ready to remove");
    // No active subscription, yet blocked: the list no longer hides it.
    assert_eq!(active_count(&page, &w.reservation_only.company_name), "0");
    assert_eq!(readiness(&page, &w.reservation_only.company_name), "Blocked: 1 reservation");
    assert_eq!(readiness(&page, &w.software_only.company_name), "Blocked: 1 software purchase");

    // A suspended new-commerce subscription is still billed: it blocks, though not active.
    {
        let mut c = env.conn();
        let cust = add_customer(&mut c, &w.alpha, "Suspended Commerce", false);
        add_subscription(&mut c, &w.alpha, &cust, BP, "suspended", None);
        let legacy = add_customer(&mut c, &w.alpha, "Suspended Legacy", false);
        add_subscription(&mut c, &w.alpha, &legacy, E3, "suspended", None);
    }
    let page = get(&app, &mut b, "/customers").await;
    assert_eq!(active_count(&page, "Suspended Commerce"), "0");
    assert_eq!(readiness(&page, "Suspended Commerce"), "Blocked: 1 subscription");
    assert_eq!(readiness(&page, "Suspended Legacy"), "Ready to remove");

    // Cancelling the reservation makes the customer ready, on the next look at the list.
    let cancel = format!(
        "/customers/{}/reservations/{}/cancel",
        w.reservation_only.id, w.reservation_only_id
    );
    post(&app, &mut b, &cancel, &[("confirmed", "yes")]).await.assert_status(303);
    let page = get(&app, &mut b, "/customers").await;
    assert_eq!(readiness(&page, &w.reservation_only.company_name), "Ready to remove");
}

#[actix_web::test]
async fn the_list_filters_ready_and_blocked_customers_and_keeps_the_filter_across_pages() {
    let (env, w, app, mut b) = Env::signed_in(SALES_AGENT).await;
    let ready = get(&app, &mut b, "/customers?readiness=ready").await;
    ready.assert_status(200).assert_contains("Fabrikam Ready").assert_lacks("Contoso Ltd");
    ready.assert_contains(r#"<option value="ready" selected>"#);
    let blocked = get(&app, &mut b, "/customers?readiness=blocked").await;
    blocked
        .assert_status(200)
        .assert_contains("Contoso Ltd")
        .assert_contains(&w.reservation_only.company_name)
        .assert_lacks("Fabrikam Ready");
    // Search and filter together.
    get(&app, &mut b, "/customers?q=fab&readiness=blocked")
        .await
        .assert_status(200)
        .assert_lacks("Fabrikam Ready")
        .assert_contains("No customers match");

    // Past one page, the next page's link keeps the filter, and so does the page it leads to.
    {
        let mut c = env.conn();
        for i in 0..55 {
            let cust = add_customer(&mut c, &w.alpha, &format!("Zeta Blocked {i:02}"), false);
            add_reservation(&mut c, &w.alpha, &cust, "Reserved VM");
        }
        // Ready customers that sort among the second page's rows.
        for i in 0..3 {
            add_customer(&mut c, &w.alpha, &format!("Zeta Blocked 52 Clear {i}"), false);
        }
    }
    let first = get(&app, &mut b, "/customers?readiness=blocked").await;
    let next = first.body.split(r#"href="/customers?readiness=blocked&#38;after_name="#).nth(1);
    let next = next.expect("a next-page link that keeps the filter").split('"').next().unwrap();
    let next = format!("/customers?readiness=blocked&after_name={}", next.replace("&#38;", "&"));
    let second = get(&app, &mut b, &next).await;
    second.assert_status(200).assert_contains("Zeta Blocked 53").assert_lacks("Clear");
    get(&app, &mut b, "/customers?q=zeta%20blocked%2052").await.assert_contains("Clear 2");
}

#[actix_web::test]
async fn an_unknown_readiness_filter_is_a_clear_400() {
    let (_env, _, app, mut b) = Env::signed_in(SALES_AGENT).await;
    get(&app, &mut b, "/customers?readiness=maybe")
        .await
        .assert_status(400)
        .assert_contains("Choose which customers to show");
}

#[actix_web::test]
async fn readiness_reads_in_polish() {
    let (_env, _, app, mut b) = Env::signed_in(GLOBAL_ADMIN).await;
    post(&app, &mut b, "/locale", &[("locale", "pl-PL"), ("back", "/customers")]).await;
    let page = get(&app, &mut b, "/customers").await;
    assert_eq!(
        readiness(&page, "Contoso Ltd"),
        "Blokady: 3 subskrypcje, 1 rezerwacja, 1 zakup oprogramowania"
    );
    assert_eq!(readiness(&page, "Fabrikam Ready"), "Gotowy do usunięcia");
}

#[actix_web::test]
async fn the_readiness_counts_of_rows_from_before_the_migration_are_recounted() {
    use diesel::prelude::*;
    use partnerdesk::db::schema::relationships as r;
    let (env, _, _app, _b) = Env::signed_in(GLOBAL_ADMIN).await;
    let backend = env.state.config.database.backend_name();
    let path = format!(
        "{}/migrations/{backend}/2026-12-03-000016_readiness_counts/up.sql",
        env!("CARGO_MANIFEST_DIR")
    );
    let sql = std::fs::read_to_string(&path).unwrap();
    // The backfills: the statements that update relationships outside a trigger's body.
    let updates: Vec<&str> = sql
        .split(';')
        .filter(|s| s.contains("UPDATE relationships"))
        .filter(|s| !s.contains("NEW.") && !s.contains("OLD."))
        .collect();
    assert_eq!(updates.len(), 3, "one backfill per count in {path}");
    let mut c = env.conn();
    let kept = |c: &mut partnerdesk::db::AnyConnection| -> Vec<(i64, i64, i64)> {
        r::table
            .select((r::blocking_subscriptions, r::active_reservations, r::active_software))
            .order(r::id)
            .load(c)
            .unwrap()
    };
    let before = kept(&mut c);
    assert!(before.iter().any(|&(subs, res, sw)| subs > 0 && res > 0 && sw > 0));
    diesel::update(r::table)
        .set((
            r::blocking_subscriptions.eq(0),
            r::active_reservations.eq(0),
            r::active_software.eq(0),
        ))
        .execute(&mut *c)
        .unwrap();
    for u in updates {
        diesel::RunQueryDsl::execute(diesel::sql_query(u), &mut *c).unwrap();
    }
    assert_eq!(kept(&mut c), before, "the migration's recount differs from the kept counts");
    let report = partnerdesk::db::maintenance::check(&mut c).unwrap();
    assert!(report.problems.is_empty(), "{:?}", report.problems);
}

/// A customer's row of the Customers page (its `<tr>` up to the end).
fn row_of<'a>(page: &'a Resp, customer: &str) -> &'a str {
    page.body.split(customer).nth(1).unwrap().split("</tr>").next().unwrap()
}

#[actix_web::test]
async fn the_relationship_badges_count_active_gdap_relationships() {
    use diesel::prelude::*;
    use partnerdesk::db::schema::gdap_relationships as g;
    let (env, _, app, mut b) = Env::signed_in(SALES_AGENT).await;
    let (alpha, contoso) = (env.world.alpha.id.clone(), env.world.contoso.id.clone());
    let add = |name: &str, status: &str| {
        let now = now_ms();
        diesel::insert_into(g::table)
            .values((
                g::id.eq(new_id()),
                g::partner_id.eq(&alpha),
                g::customer_id.eq(&contoso),
                g::display_name.eq(name),
                g::duration_days.eq(730),
                g::auto_extend_days.eq(0),
                g::status.eq(status),
                g::created_at.eq(now),
                g::updated_at.eq(now),
            ))
            .execute(&mut *env.conn())
            .unwrap();
    };
    let page = get(&app, &mut b, "/customers").await;
    assert!(!row_of(&page, "Contoso Ltd").contains("GDAP"), "no GDAP yet");
    // Only active and expiring relationships count; one waiting for approval does not.
    add("Contoso helpdesk", "active");
    add("Contoso security", "expiring");
    add("Contoso licences", "approvalPending");
    let page = get(&app, &mut b, "/customers").await;
    assert!(row_of(&page, "Contoso Ltd").contains("GDAP (2)"), "{}", row_of(&page, "Contoso Ltd"));
    assert!(!row_of(&page, "Fabrikam Ready").contains("GDAP"));
    diesel::update(g::table.filter(g::display_name.eq("Contoso security")))
        .set(g::status.eq("terminated"))
        .execute(&mut *env.conn())
        .unwrap();
    let page = get(&app, &mut b, "/customers").await;
    assert!(row_of(&page, "Contoso Ltd").contains("GDAP (1)"), "{}", row_of(&page, "Contoso Ltd"));
}
