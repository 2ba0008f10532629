//! Metrics: after some traffic the metrics listener's `GET /metrics` shows the counters moved,
//! labelled by route pattern (never a path with ids); the public application has no such page.

mod common;

use actix_web::test;
use common::world::*;
use common::*;

/// The value of the first sample whose line starts with `prefix` (name and labels).
fn sample(text: &str, prefix: &str) -> Option<f64> {
    text.lines()
        .find(|l| l.starts_with(prefix))
        .and_then(|l| l.rsplit(' ').next())
        .and_then(|v| v.parse().ok())
}

#[actix_web::test]
async fn metrics_count_requests_by_pattern_the_pool_the_hasher_and_sign_in_failures() {
    let handle = partnerdesk::web::metrics::install();
    let env = Env::without_rate_limits();
    let w = env.world.clone();
    let app = env.app().await;
    let mut admin = sign_in(&app, GLOBAL_ADMIN).await;
    for c in [&w.contoso, &w.ready, &w.reservation_only] {
        get(&app, &mut admin, &format!("/customers/{}/subscriptions", c.id))
            .await
            .assert_status(200);
    }
    get(&app, &mut admin, "/no/such/page/123456").await.assert_status(404);
    // Failed sign-ins, up to a lock.
    let mut guesser = Browser::default();
    get(&app, &mut guesser, "/signin").await;
    for _ in 0..partnerdesk::services::signin::LOCK_AFTER {
        post(&app, &mut guesser, "/signin", &[("email", SALES_AGENT), ("password", "wrong")]).await;
    }
    post(&app, &mut guesser, "/signin", &[("email", "nobody@alpha.test"), ("password", "x")]).await;

    // The public address has no metrics page.
    get(&app, &mut admin, "/metrics").await.assert_status(404);
    let mut anyone = Browser::default();
    get(&app, &mut anyone, "/metrics").await.assert_lacks("partnerdesk_http_requests_total");

    let metrics =
        test::init_service(partnerdesk::web::metrics::app(env.state.clone(), handle)).await;
    let res =
        test::call_service(&metrics, test::TestRequest::get().uri("/metrics").to_request()).await;
    assert_eq!(res.status().as_u16(), 200);
    let content_type = res.headers().get("content-type").unwrap().to_str().unwrap().to_string();
    assert!(content_type.starts_with("text/plain; version=0.0.4"), "{content_type}");
    let text = String::from_utf8(test::read_body(res).await.to_vec()).unwrap();

    let page = r#"partnerdesk_http_requests_total{route="/customers/{id}/subscriptions",method="GET",status="200"}"#;
    assert!(sample(&text, page).is_some_and(|n| n >= 3.0), "no count of the pages:\n{text}");
    let unmatched =
        r#"partnerdesk_http_requests_total{route="unmatched",method="GET",status="404"}"#;
    assert!(sample(&text, unmatched).is_some_and(|n| n >= 1.0), "{text}");
    let latency = r#"partnerdesk_http_request_duration_seconds_bucket{route="/customers/{id}/subscriptions",method="GET",le="+Inf"}"#;
    assert!(sample(&text, latency).is_some_and(|n| n >= 3.0), "no latency histogram:\n{text}");
    let wrong = r#"partnerdesk_signin_failures_total{reason="wrong password"}"#;
    assert!(sample(&text, wrong).is_some_and(|n| n >= 10.0), "{text}");
    let unknown = r#"partnerdesk_signin_failures_total{reason="unknown account"}"#;
    assert!(sample(&text, unknown).is_some_and(|n| n >= 1.0), "{text}");
    assert!(sample(&text, "partnerdesk_signin_locks_total").is_some_and(|n| n >= 1.0), "{text}");
    assert!(sample(&text, "partnerdesk_db_pool_max").is_some_and(|n| n >= 1.0), "{text}");
    assert!(sample(&text, "partnerdesk_db_pool_connections").is_some_and(|n| n >= 1.0), "{text}");
    assert!(sample(&text, "partnerdesk_db_pool_in_use").is_some(), "{text}");
    assert!(sample(&text, "partnerdesk_db_pool_wait_seconds_count").is_some_and(|n| n >= 1.0));
    assert!(sample(&text, "partnerdesk_hash_queue_waiting").is_some(), "{text}");
    assert!(sample(&text, "partnerdesk_hash_slots ").is_some_and(|n| n >= 1.0), "{text}");
    assert!(sample(&text, "partnerdesk_hash_queue_wait_seconds_count").is_some_and(|n| n >= 11.0));

    // Every route label is a registered pattern (or "unmatched"): no ids, bounded cardinality.
    let patterns: Vec<&str> =
        partnerdesk::web::registered_routes().into_iter().map(|(_, p)| p).collect();
    let label = regex::Regex::new(r#"route="([^"]*)""#).unwrap();
    for caps in label.captures_iter(&text) {
        let route = &caps[1];
        assert!(
            route == "unmatched" || patterns.contains(&route),
            "route label {route:?} is not a registered pattern"
        );
    }
    for id in [&w.contoso.id, &w.ready.id, &w.reservation_only.id] {
        assert!(!text.contains(id.as_str()), "an id ({id}) in the metrics");
    }
    assert!(!text.contains("123456") && !text.contains('@'), "a path or an address:\n{text}");
}
