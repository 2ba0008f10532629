//! One error type for the whole web layer. Each kind maps to a status and a sentence a person
//! can act on; `?` on diesel, pool and blocking errors yields the right kind. Full requests get
//! an error page; htmx requests get the sentence as a toast (see `htmx_errors`).

use actix_web::body::{BoxBody, MessageBody};
use actix_web::dev::{ServiceRequest, ServiceResponse};
use actix_web::http::{StatusCode, header};
use actix_web::middleware::Next;
use actix_web::{HttpResponse, ResponseError};
use askama::Template;

use actix_web::HttpMessage;

use crate::auth::CurrentUser;
use crate::i18n::{Locale, Msg};
use crate::views::{ErrorInLayoutPage, ErrorPage, Layout, Nav, Toast, ToastFragment};

/// The sentences are `Msg`s, translated where the response is made (`Display` is English, for
/// logs and audit records).
#[derive(Debug, thiserror::Error)]
pub enum AppError {
    #[error("{0}")]
    BadRequest(Msg),
    #[error("{0}")]
    Forbidden(Msg),
    #[error("{}", Locale::En.t("error-not-found"))]
    NotFound,
    #[error("{0}")]
    Conflict(Msg),
    #[error("{0}")]
    Unprocessable(Msg),
    #[error("{}", Locale::En.t("error-sign-in-required"))]
    SignInRequired { next: Option<String> },
    #[error("{}", Locale::En.t("error-unavailable"))]
    Unavailable,
    #[error("{}", Locale::En.t("error-internal"))]
    Internal(#[source] anyhow::Error),
}

pub type AppResult<T> = Result<T, AppError>;

impl AppError {
    /// An unexpected failure (500), except a full password-hashing queue, which is "busy" (503).
    pub fn internal(e: impl Into<anyhow::Error>) -> Self {
        let e = e.into();
        if e.is::<crate::auth::password::HasherBusy>() {
            log::warn!("sign-in refused: {e}");
            return AppError::Unavailable;
        }
        AppError::Internal(e)
    }

    /// The key of the error page's title.
    pub fn title(&self) -> &'static str {
        match self {
            AppError::BadRequest(_) => "error-title-bad-request",
            AppError::Forbidden(_) => "error-title-forbidden",
            AppError::NotFound => "error-title-not-found",
            AppError::Conflict(_) => "error-title-conflict",
            AppError::Unprocessable(_) => "error-title-unprocessable",
            AppError::SignInRequired { .. } => "error-title-sign-in",
            AppError::Unavailable => "error-title-unavailable",
            AppError::Internal(_) => "error-title-internal",
        }
    }

    /// The sentence, still to be translated.
    pub fn message(&self) -> Msg {
        match self {
            AppError::BadRequest(m)
            | AppError::Forbidden(m)
            | AppError::Conflict(m)
            | AppError::Unprocessable(m) => m.clone(),
            AppError::NotFound => Msg::new("error-not-found"),
            AppError::SignInRequired { .. } => Msg::new("error-sign-in-required"),
            AppError::Unavailable => Msg::new("error-unavailable"),
            AppError::Internal(_) => Msg::new("error-internal"),
        }
    }

    /// The sentence in a locale.
    pub fn text(&self, l: Locale) -> String {
        l.msg(self.message())
    }

    /// Where a sign-in should return to: only local paths.
    pub fn signin_location(next: Option<&str>) -> String {
        match next.filter(|n| n.starts_with('/') && !n.starts_with("//") && !n.starts_with("/\\")) {
            Some(n) => format!("/signin?next={}", crate::web::urlencode(n)),
            None => "/signin".to_string(),
        }
    }
}

impl From<diesel::result::Error> for AppError {
    fn from(e: diesel::result::Error) -> Self {
        if crate::db::is_connection_lost(&e) {
            log::warn!("database connection lost: {e}");
            return AppError::Unavailable;
        }
        AppError::Internal(e.into())
    }
}

impl ResponseError for AppError {
    fn status_code(&self) -> StatusCode {
        match self {
            AppError::BadRequest(_) => StatusCode::BAD_REQUEST,
            AppError::Forbidden(_) => StatusCode::FORBIDDEN,
            AppError::NotFound => StatusCode::NOT_FOUND,
            AppError::Conflict(_) => StatusCode::CONFLICT,
            AppError::Unprocessable(_) => StatusCode::UNPROCESSABLE_ENTITY,
            AppError::SignInRequired { .. } => StatusCode::SEE_OTHER,
            AppError::Unavailable => StatusCode::SERVICE_UNAVAILABLE,
            AppError::Internal(_) => StatusCode::INTERNAL_SERVER_ERROR,
        }
    }

    fn error_response(&self) -> HttpResponse<BoxBody> {
        if let AppError::Internal(e) = self {
            log::error!("internal error: {e:#}");
        }
        if let AppError::SignInRequired { next } = self {
            return HttpResponse::SeeOther()
                .insert_header((header::LOCATION, AppError::signin_location(next.as_deref())))
                .finish();
        }
        self.page(Locale::En)
    }
}

impl AppError {
    /// The error page without the navigation (nobody is signed in, or nobody is known yet), in
    /// the given language; "busy" says when to try again.
    fn page(&self, l: Locale) -> HttpResponse {
        let status = self.status_code();
        let page =
            ErrorPage { l, code: status.as_u16(), title: self.title(), message: self.text(l) };
        let mut resp = HttpResponse::build(status);
        if let AppError::Unavailable = self {
            resp.insert_header((header::RETRY_AFTER, "2"));
        }
        match page.render() {
            Ok(html) => resp.content_type("text/html; charset=utf-8").body(html),
            Err(_) => resp.content_type("text/plain; charset=utf-8").body(self.text(l)),
        }
    }
}

/// Shapes error responses for where they are shown. For htmx requests (not boosted page loads)
/// the sentence becomes a toast swapped out of band into the page's message area, leaving the
/// rest of the page as it was, and a sign-in redirect becomes `HX-Redirect` (htmx does not see
/// the headers of a 3xx). For a signed-in user's page load the error page keeps the navigation.
pub async fn error_pages(
    req: ServiceRequest,
    next: Next<impl MessageBody + 'static>,
) -> Result<ServiceResponse<BoxBody>, actix_web::Error> {
    let htmx = crate::web::is_htmx_fragment_request(req.request());
    let anonymous_locale = Locale::from_request(req.request());
    let res = match crate::auth::session_store::with_request_scope(next.call(req)).await {
        (Ok(res), _) => res.map_into_boxed_body(),
        // The session store found no free connection, or lost the one it had; actix-session
        // answers that with a bare 500 and no request left to answer with, so the answer travels
        // as the error itself.
        (Err(e), true) => {
            log::warn!("session store: no usable database connection: {e}");
            let busy = AppError::Unavailable;
            let answer = match htmx {
                true => toast_response(&busy, busy.status_code(), anonymous_locale),
                false => busy.page(anonymous_locale),
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
            toast_response(other, status, user.as_ref().map_or(anonymous_locale, |u| u.locale))
        }
        Some(other) => {
            let Some(user) = user else {
                let mut replaced = other.page(anonymous_locale);
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
                layout: Layout::new(&user, Nav::Customers, Vec::new()),
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

/// An error's sentence as a toast, swapped out of band into the page's message area.
fn toast_response(e: &AppError, status: StatusCode, l: Locale) -> HttpResponse {
    let fragment = ToastFragment { l, toasts: vec![Toast::error(e.message())] };
    let mut resp = HttpResponse::build(status);
    if let AppError::Unavailable = e {
        resp.insert_header((header::RETRY_AFTER, "2"));
    }
    resp.insert_header(("HX-Reswap", "none"))
        .content_type("text/html; charset=utf-8")
        .body(fragment.render().unwrap_or_default())
}

/// Records an authorization denial of a signed-in user (which route, and why).
async fn audit_denial(req: &actix_web::HttpRequest, user: &CurrentUser, reason: &str) {
    use crate::services::audit::{Actor, Requester, op, record_refused_request};
    let actor = Actor {
        partner_id: Some(user.partner.id.clone()),
        user_id: Some(user.id.clone()),
        label: user.email.clone(),
        request_id: crate::web::request_id_of(req),
    };
    record_refused_request(req, Requester::User(actor), op::AUTHZ_DENIED, reason.to_string()).await;
}
