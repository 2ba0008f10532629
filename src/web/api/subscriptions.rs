//! `/v1/customers/{id}/subscriptions`: a customer's subscriptions, and their status changes
//! (suspend, reactivate, cancel within the new-commerce window) guarded by their etag.

use actix_web::http::header;
use actix_web::{HttpRequest, HttpResponse, web};

use super::{ApiCtx, ApiError, call, ok};
use crate::error::AppError;
use crate::i18n::Msg;
use crate::services::subscriptions::{self as svc, SubscriptionStatus};
use crate::views::api::{ApiErrorBody, Subscription, SubscriptionCollection, SubscriptionPatch};
use crate::web::state::AppState;

/// The customer's subscriptions, each base followed by its add-ons, in one page.
#[utoipa::path(get, path = "/v1/customers/{id}/subscriptions", tag = "subscriptions",
    params(("id" = String, Path, description = "The customer's id")),
    responses((status = 200, body = SubscriptionCollection), (status = 401, body = ApiErrorBody),
        (status = 403, body = ApiErrorBody), (status = 404, body = ApiErrorBody)),
    security(("bearer" = [])))]
pub async fn list(
    req: HttpRequest,
    api: ApiCtx,
    state: web::Data<AppState>,
    path: web::Path<String>,
) -> Result<HttpResponse, ApiError> {
    let id = path.into_inner();
    let subs = call(&req, &state, &api, move |c, ctx| svc::list(c, ctx, &id)).await?;
    let items = subs.iter().map(Subscription::from).collect();
    Ok(ok(&SubscriptionCollection::new(items, None)))
}

/// One subscription; its `attributes.etag` goes in `If-Match` when changing it.
#[utoipa::path(get, path = "/v1/customers/{id}/subscriptions/{sid}", tag = "subscriptions",
    params(("id" = String, Path, description = "The customer's id"),
        ("sid" = String, Path, description = "The subscription's id")),
    responses((status = 200, body = Subscription), (status = 401, body = ApiErrorBody),
        (status = 403, body = ApiErrorBody), (status = 404, body = ApiErrorBody)),
    security(("bearer" = [])))]
pub async fn get(
    req: HttpRequest,
    api: ApiCtx,
    state: web::Data<AppState>,
    path: web::Path<(String, String)>,
) -> Result<HttpResponse, ApiError> {
    let (id, sid) = path.into_inner();
    let sub = call(&req, &state, &api, move |c, ctx| svc::get(c, ctx, &id, &sid)).await?;
    Ok(ok(&Subscription::from(&sub)))
}

/// Changes the status: `suspended` or `active` (add-ons follow their base), or `deleted` to
/// cancel a new-commerce subscription within its cancellation window; and/or turns auto-renew
/// of a new-commerce subscription off or on (`autoRenewEnabled`, applied when it differs).
/// With `If-Match`, a subscription changed since it was read is refused with 412.
#[utoipa::path(patch, path = "/v1/customers/{id}/subscriptions/{sid}", tag = "subscriptions",
    params(("id" = String, Path, description = "The customer's id"),
        ("sid" = String, Path, description = "The subscription's id"),
        ("If-Match" = Option<String>, Header, description = "The etag read with the subscription")),
    request_body = SubscriptionPatch,
    responses((status = 200, body = Subscription), (status = 400, body = ApiErrorBody),
        (status = 401, body = ApiErrorBody), (status = 403, body = ApiErrorBody),
        (status = 404, body = ApiErrorBody), (status = 409, body = ApiErrorBody),
        (status = 412, body = ApiErrorBody), (status = 422, body = ApiErrorBody),
        (status = 429, body = ApiErrorBody)),
    security(("bearer" = [])))]
pub async fn patch(
    req: HttpRequest,
    api: ApiCtx,
    state: web::Data<AppState>,
    path: web::Path<(String, String)>,
    body: web::Json<SubscriptionPatch>,
) -> Result<HttpResponse, ApiError> {
    let (id, sid) = path.into_inner();
    let wrong = || api.err(AppError::Unprocessable(Msg::new("api-error-subscription-patch")));
    let target = match body.status.as_deref() {
        None => None,
        Some(s) => Some(SubscriptionStatus::parse(s).ok_or_else(wrong)?),
    };
    let auto_renew = body.auto_renew_enabled;
    if target.is_none() && auto_renew.is_none() {
        return Err(wrong());
    }
    let if_match = match req.headers().get(header::IF_MATCH) {
        None => None,
        Some(v) => Some(
            v.to_str()
                .map_err(|_| api.err(AppError::PreconditionFailed(Msg::new("error-etag-stale"))))?
                .trim()
                .to_owned(),
        ),
    };
    let sub = call(&req, &state, &api, move |c, ctx| {
        let mut tag = if_match;
        if let Some(on) = auto_renew
            && svc::get(c, ctx, &id, &sid)?.auto_renew != on
        {
            svc::set_auto_renew(c, ctx, &id, &sid, on, tag.as_deref())?;
            // The change made here is not the caller's stale read.
            tag = tag.map(|_| "*".to_owned());
        }
        let tag = tag.as_deref();
        match target {
            None => {}
            Some(SubscriptionStatus::Deleted) => {
                svc::cancel_subscription(c, ctx, &id, &sid, tag)?;
            }
            // A program has no confirmation step: the warning is the page's.
            Some(t @ (SubscriptionStatus::Active | SubscriptionStatus::Suspended)) => {
                svc::change_status(c, ctx, &id, &sid, t, tag, true)?;
            }
            Some(SubscriptionStatus::Expired) => {
                return Err(AppError::Unprocessable(Msg::new("api-error-subscription-patch")));
            }
        }
        svc::get(c, ctx, &id, &sid)
    })
    .await?;
    Ok(ok(&Subscription::from(&sub)))
}
