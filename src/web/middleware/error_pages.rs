//! Shapes error answers for where they are shown, and records authorization denials.

use std::sync::atomic::AtomicI64;

use actix_web::body::{BoxBody, MessageBody};
use actix_web::dev::{ServiceRequest, ServiceResponse};
use actix_web::http::header;
use actix_web::middleware::Next;
use actix_web::web::Data;
use actix_web::{HttpMessage, HttpRequest, HttpResponse, ResponseError};
use askama::Template;

use crate::auth::CurrentUser;
use crate::error::AppError;
use crate::services::audit::{self, Actor, Requester};
use crate::util::clock::once_a_second;
use crate::views::{ErrorInLayoutPage, Layout, Nav};
use crate::web::client::client_label;
use crate::web::errors;
use crate::web::request::{is_htmx_fragment_request, locale_of, request_id_of};
use crate::web::session_store::with_request_scope;
use crate::web::state::AppState;

/// Shapes error responses for where they are shown. For htmx requests (not boosted page loads)
/// the sentence becomes a toast swapped out of band into the page's message area, leaving the
/// rest of the page as it was, and a sign-in redirect becomes `HX-Redirect` (htmx does not see
/// the headers of a 3xx). For a signed-in user's page load the error page keeps the navigation.
pub async fn error_pages(
    req: ServiceRequest,
    next: Next<impl MessageBody + 'static>,
) -> Result<ServiceResponse<BoxBody>, actix_web::Error> {
    let htmx = is_htmx_fragment_request(req.request());
    let anonymous_locale = locale_of(req.request());
    let res = match with_request_scope(next.call(req)).await {
        (Ok(res), _) => res.map_into_boxed_body(),
        // The session store found no free connection, or lost the one it had; actix-session
        // answers that with a bare 500 and no request left to answer with, so the answer travels
        // as the error itself.
        (Err(e), true) => {
            log::warn!("session store: no usable database connection: {e}");
            let busy = AppError::Unavailable;
            let answer = match htmx {
                true => errors::toast(&busy, busy.status_code(), anonymous_locale),
                false => errors::page(&busy, anonymous_locale),
            };
            return Err(actix_web::error::InternalError::from_response(busy, answer).into());
        }
        (Err(e), false) => return Err(e),
    };
    let status = res.status();
    let user = res.request().extensions().get::<CurrentUser>().cloned();
    if let (Some(AppError::Forbidden(reason)), Some(user)) =
        (res.response().error().and_then(|e| e.as_error::<AppError>()), &user)
    {
        audit_denial(res.request(), user, &reason.to_string()).await;
    }
    let replacement = match res.response().error().and_then(|e| e.as_error::<AppError>()) {
        None => return Ok(res),
        Some(AppError::SignInRequired { .. }) if htmx => {
            HttpResponse::Ok().insert_header(("HX-Redirect", "/signin")).finish()
        }
        Some(AppError::SignInRequired { .. }) => return Ok(res),
        Some(other) if htmx => {
            errors::toast(other, status, user.as_ref().map_or(anonymous_locale, |u| u.locale))
        }
        Some(other) => {
            let Some(user) = user else {
                let mut replaced = errors::page(other, anonymous_locale);
                let h = replaced.headers_mut();
                h.remove(header::RETRY_AFTER);
                for name in [header::RETRY_AFTER, header::SET_COOKIE] {
                    for v in res.headers().get_all(&name) {
                        h.append(name.clone(), v.clone());
                    }
                }
                let (req, _) = res.into_parts();
                return Ok(ServiceResponse::new(req, replaced));
            };
            let page = ErrorInLayoutPage {
                l: user.locale,
                layout: Layout::new(&user, Nav::Nowhere, Vec::new()),
                code: status.as_u16(),
                title: other.title(),
                message: other.text(user.locale),
            };
            let mut resp = HttpResponse::build(status);
            if let Some(v) = res.headers().get(header::RETRY_AFTER) {
                resp.insert_header((header::RETRY_AFTER, v.clone()));
            }
            resp.content_type("text/html; charset=utf-8").body(page.render().unwrap_or_default())
        }
    };
    let (req, _) = res.into_parts();
    Ok(ServiceResponse::new(req, replacement))
}

/// Records an authorization denial of a signed-in user (which route, and why).
async fn audit_denial(req: &HttpRequest, user: &CurrentUser, reason: &str) {
    let actor = Actor::for_user(user, &request_id_of(req));
    record_refused(req, Requester::User(actor), audit::op::AUTHZ_DENIED, reason.to_string()).await;
}

/// Records a refused request in a transaction of its own; a failure to write is logged, not
/// raised (the refusal stands either way). A request that names no user goes to the log, at most
/// one line a second, not to the audit table, which anyone could otherwise fill.
pub async fn record_refused(
    req: &HttpRequest,
    requester: Requester,
    operation: &'static str,
    reason: String,
) {
    let route = format!("{} {}", req.method(), redacted_path(req.path()));
    if let Requester::Session { user_id: None, .. } = requester {
        log_anonymous_refusal(operation, &route, &client_label(req));
        return;
    }
    let Some(state) = req.app_data::<Data<AppState>>() else { return };
    let written = state
        .db(move |c| Ok(audit::record_refused_request(c, requester, operation, &route, reason)?))
        .await;
    if let Err(e) = written {
        log::error!("could not audit a refused request ({operation}): {e}");
    }
}

/// A path as records may show it: an invitation's address carries its secret token.
fn redacted_path(path: &str) -> &str {
    match path.strip_prefix("/invitations/") {
        Some(_) => "/invitations/…",
        None => path,
    }
}

fn log_anonymous_refusal(operation: &str, route: &str, client: &str) {
    static LAST_LOGGED: AtomicI64 = AtomicI64::new(0);
    if once_a_second(&LAST_LOGGED) {
        let route: String = route.chars().take(200).collect();
        log::info!("refused ({operation}) for nobody signed in, from {client}: {route}");
    }
}
