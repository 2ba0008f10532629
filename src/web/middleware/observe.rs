//! One log line per request (and, when metrics are on, its counters): the request id, the route
//! pattern (`/customers/{id}`, never the path, which holds ids), method, status and latency, and
//! who asked by id only: never an email address, a password or a token.

use std::time::Instant;

use actix_web::HttpMessage;
use actix_web::body::MessageBody;
use actix_web::dev::{ServiceRequest, ServiceResponse};
use actix_web::middleware::Next;

use crate::auth::principal::CurrentUser;
use crate::web::request::request_id_of;

/// The route label of a request no route matched: one value for every unknown path.
pub const UNMATCHED: &str = "unmatched";

pub async fn observe(
    req: ServiceRequest,
    next: Next<impl MessageBody>,
) -> Result<ServiceResponse<impl MessageBody>, actix_web::Error> {
    let started = Instant::now();
    let method = req.method().clone();
    // Taken now too, for an error that leaves no response to read them from.
    let early_route = req.match_pattern();
    let early_id = request_id_of(req.request());
    let res = next.call(req).await;
    let latency = started.elapsed();
    let (status, route, request_id, user) = match &res {
        Ok(r) => (
            r.status().as_u16(),
            r.request().match_pattern(),
            request_id_of(r.request()),
            r.request()
                .extensions()
                .get::<CurrentUser>()
                .map(|u| (u.id.clone(), u.partner.id.clone())),
        ),
        Err(e) => (e.as_response_error().status_code().as_u16(), early_route, early_id, None),
    };
    let route = route.unwrap_or_else(|| UNMATCHED.to_string());
    crate::web::metrics::count_request(&route, method.as_str(), status, latency.as_secs_f64());
    let (user_id, partner_id) = user.unzip();
    tracing::info!(
        target: "partnerdesk::request",
        request_id = request_id.as_str(),
        method = method.as_str(),
        route = route.as_str(),
        status,
        latency_ms = latency.as_secs_f64() * 1000.0,
        user_id = user_id.as_deref(),
        partner_id = partner_id.as_deref(),
        "request"
    );
    res
}
