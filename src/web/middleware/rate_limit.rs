//! Applies the rate limits of `web::limits` to the routes listed there, after the CSRF guard (a
//! forged request spends nobody's allowance) and before the handler: a refused request runs
//! nothing, changes nothing and is not audited; refusals go to the log, a line a second at most.

use std::sync::atomic::AtomicI64;

use actix_session::SessionExt;
use actix_web::body::{BoxBody, MessageBody};
use actix_web::dev::{Payload, ServiceRequest, ServiceResponse};
use actix_web::middleware::Next;
use actix_web::web::Data;
use actix_web::{FromRequest, HttpMessage};

use super::input_guard::FormBody;
use crate::auth::{CurrentUser, csrf};
use crate::error::AppError;
use crate::util::clock::once_a_second;
use crate::web::client::{client_addr, client_label};
use crate::web::limits::{Account, rule_for};
use crate::web::session::USER_ID_KEY;
use crate::web::state::AppState;

pub async fn rate_limit(
    req: ServiceRequest,
    next: Next<impl MessageBody + 'static>,
) -> Result<ServiceResponse<BoxBody>, actix_web::Error> {
    let (Some((rule, segments)), Some(state)) =
        (rule_for(req.method(), req.path()), req.app_data::<Data<AppState>>().cloned())
    else {
        return Ok(next.call(req).await?.map_into_boxed_body());
    };
    let account = match rule.account {
        Account::FormField(name) => req
            .extensions()
            .get::<FormBody>()
            .and_then(|b| csrf::form_field(&b.0, name))
            .map(|v| v.trim().to_lowercase()),
        Account::PathSegment(name) => {
            segments.into_iter().find(|(n, _)| *n == name).map(|(_, v)| v)
        }
        Account::Session(key) => req.get_session().get::<String>(key).ok().flatten(),
    };
    let client = client_addr(req.request());
    let Err(refusal) = state.limits.check(rule.action, client, account.as_deref()) else {
        return Ok(next.call(req).await?.map_into_boxed_body());
    };
    static LAST_LOGGED: AtomicI64 = AtomicI64::new(0);
    if once_a_second(&LAST_LOGGED) {
        log::warn!(
            "rate limit: {} refused for {} by {} (again in {} s)",
            rule.action.name(),
            client_label(req.request()),
            if refusal.by_account { "account" } else { "address" },
            refusal.retry_after_secs()
        );
    }
    // A signed-in user's refusal is shown in the page with the navigation, as other errors are.
    if req.get_session().contains_key(USER_ID_KEY) {
        let _ = CurrentUser::from_request(req.request(), &mut Payload::None).await;
    }
    let refused = AppError::TooManyRequests { retry_after_secs: refusal.retry_after_secs() };
    Ok(req.error_response(refused))
}
