//! The Customers page: only reseller relationships of the own partner, search, paging, htmx.

mod common;

use common::world::*;
use common::*;

#[actix_web::test]
async fn lists_own_reseller_customers_with_active_counts() {
    let env = Env::new();
    let app = env.app().await;
    let mut b = sign_in(&app, SALES_AGENT).await;
    let page = get(&app, &mut b, "/customers").await;
    page.assert_status(200)
        .assert_contains("Contoso Ltd")
        .assert_contains("contosoltd.onmicrosoft.com")
        .assert_contains("Fabrikam Ready")
        .assert_lacks("Beta Customer")
        .assert_lacks("Reseller Customer");
    // Contoso has 3 active subscriptions (base, add-on, new commerce).
    let row = page.body.split("Contoso Ltd").nth(1).unwrap();
    let count = row.split(r#"<td class="num">"#).nth(1).unwrap().split('<').next().unwrap();
    assert_eq!(count, "3");
}

#[actix_web::test]
async fn search_by_name_or_domain_prefix_case_insensitive() {
    let env = Env::new();
    let app = env.app().await;
    let mut b = sign_in(&app, GLOBAL_ADMIN).await;
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
    let env = Env::new();
    let app = env.app().await;
    let mut b = sign_in(&app, GLOBAL_ADMIN).await;
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
    let env = Env::new();
    {
        let mut c = env.conn();
        for i in 0..55 {
            add_customer(&mut c, &env.world.alpha, &format!("Bulk Customer {i:03}"), false);
        }
    }
    let app = env.app().await;
    let mut b = sign_in(&app, GLOBAL_ADMIN).await;
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
    let env = Env::new();
    let app = env.app().await;
    let mut b = sign_in(&app, GLOBAL_ADMIN).await;
    let q = "a".repeat(500);
    get(&app, &mut b, &format!("/customers?q={q}"))
        .await
        .assert_status(400)
        .assert_contains("at most 200 characters");
}

#[actix_web::test]
async fn customer_names_are_escaped() {
    let env = Env::new();
    add_customer(&mut env.conn(), &env.world.alpha, r#"<script>alert("x")</script> & 'Co'"#, false);
    let app = env.app().await;
    let mut b = sign_in(&app, GLOBAL_ADMIN).await;
    let page = get(&app, &mut b, "/customers").await;
    page.assert_lacks("<script>alert").assert_contains("&#60;script&#62;");
}
