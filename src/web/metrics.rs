//! Prometheus metrics, served on their own listener (`METRICS_BIND`), never on the public one:
//! requests by route pattern, method and status with their latency; the pool; the hashing
//! queue; sign-in failures and locks. Labels are bounded: a route is its registered pattern.

use std::sync::OnceLock;

use actix_web::body::MessageBody;
use actix_web::dev::{ServiceFactory, ServiceRequest, ServiceResponse};
use actix_web::{App, HttpResponse, web};
use metrics_exporter_prometheus::{Matcher, PrometheusBuilder, PrometheusHandle};

use crate::web::state::AppState;

/// Latency buckets, in seconds: from a cached page to a sign-in waiting for a hashing slot.
const BUCKETS: &[f64] = &[0.001, 0.0025, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1.0, 2.5, 5.0];

static HANDLE: OnceLock<PrometheusHandle> = OnceLock::new();

/// Installs the process's metrics recorder, once: until then the counters cost nothing.
pub fn install() -> PrometheusHandle {
    HANDLE
        .get_or_init(|| {
            let recorder = PrometheusBuilder::new()
                .set_buckets_for_metric(Matcher::Suffix("_seconds".into()), BUCKETS)
                .expect("the buckets are not empty")
                .build_recorder();
            let handle = recorder.handle();
            if metrics::set_global_recorder(recorder).is_err() {
                log::warn!("another metrics recorder was installed first");
            }
            describe();
            handle
        })
        .clone()
}

fn describe() {
    use metrics::{Unit, describe_counter, describe_gauge, describe_histogram};
    describe_counter!("partnerdesk_http_requests_total", "Requests answered, by route pattern");
    describe_histogram!(
        "partnerdesk_http_request_duration_seconds",
        Unit::Seconds,
        "Time to answer a request, by route pattern"
    );
    describe_gauge!("partnerdesk_db_pool_connections", "Connections the pool holds");
    describe_gauge!("partnerdesk_db_pool_in_use", "Connections in use");
    describe_gauge!("partnerdesk_db_pool_max", "The pool's size limit");
    describe_histogram!(
        "partnerdesk_db_pool_wait_seconds",
        Unit::Seconds,
        "Wait for a connection, queueing for a thread included"
    );
    describe_counter!("partnerdesk_db_pool_timeouts_total", "Waits that ended in a 503");
    describe_gauge!("partnerdesk_hash_queue_waiting", "Sign-ins waiting for a hashing slot");
    describe_gauge!("partnerdesk_hash_slots_in_use", "Password-hashing slots in use");
    describe_gauge!("partnerdesk_hash_slots", "Password-hashing slots");
    describe_histogram!(
        "partnerdesk_hash_queue_wait_seconds",
        Unit::Seconds,
        "Wait for a hashing slot"
    );
    describe_counter!("partnerdesk_hash_queue_refused_total", "Sign-ins answered busy");
    describe_counter!("partnerdesk_signin_failures_total", "Failed sign-in steps, by reason");
    describe_counter!("partnerdesk_signin_locks_total", "Accounts locked after failures");
}

/// Records one answered request (called by `middleware::observe`).
pub fn count_request(route: &str, method: &str, status: u16, seconds: f64) {
    if HANDLE.get().is_none() {
        return; // no recorder: spare the labels' allocations
    }
    let (route, method) = (route.to_string(), method.to_string());
    metrics::histogram!(
        "partnerdesk_http_request_duration_seconds",
        "route" => route.clone(),
        "method" => method.clone()
    )
    .record(seconds);
    metrics::counter!(
        "partnerdesk_http_requests_total",
        "route" => route,
        "method" => method,
        "status" => status.to_string()
    )
    .increment(1);
}

/// The gauges that are read rather than counted: the pool and the hashing queue, now.
fn read_gauges(state: &AppState) {
    let pool = state.pool.state();
    metrics::gauge!("partnerdesk_db_pool_connections").set(pool.connections);
    metrics::gauge!("partnerdesk_db_pool_in_use").set(pool.connections - pool.idle_connections);
    metrics::gauge!("partnerdesk_db_pool_max").set(state.pool.max_size());
    let (in_use, slots) = state.hasher.slots();
    metrics::gauge!("partnerdesk_hash_queue_waiting").set(state.hasher.queued() as f64);
    metrics::gauge!("partnerdesk_hash_slots_in_use").set(in_use as f64);
    metrics::gauge!("partnerdesk_hash_slots").set(slots as f64);
}

async fn scrape(state: web::Data<AppState>, handle: web::Data<PrometheusHandle>) -> HttpResponse {
    read_gauges(&state);
    handle.run_upkeep();
    HttpResponse::Ok()
        .content_type("text/plain; version=0.0.4; charset=utf-8")
        .body(handle.render())
}

/// The metrics listener's application: `GET /metrics` and nothing else.
pub fn app(
    state: web::Data<AppState>,
    handle: PrometheusHandle,
) -> App<
    impl ServiceFactory<
        ServiceRequest,
        Config = (),
        Response = ServiceResponse<impl MessageBody>,
        Error = actix_web::Error,
        InitError = (),
    >,
> {
    App::new()
        .app_data(state)
        .app_data(web::Data::new(handle))
        .route("/metrics", web::get().to(scrape))
}
