//! How an `AppError` is answered: a status, a page in the right language (with the navigation
//! for a signed-in user), a toast for htmx, a redirect to sign in.

use actix_web::body::BoxBody;
use actix_web::http::{StatusCode, header};
use actix_web::{HttpResponse, ResponseError};
use askama::Template;

use crate::error::AppError;
use crate::i18n::Locale;
use crate::util::urls::{local_path, urlencode};
use crate::views::{ErrorPage, Toast, ToastFragment};

impl ResponseError for AppError {
    fn status_code(&self) -> StatusCode {
        match self {
            AppError::BadRequest(_) => StatusCode::BAD_REQUEST,
            AppError::Forbidden(_) => StatusCode::FORBIDDEN,
            AppError::NotFound => StatusCode::NOT_FOUND,
            AppError::Conflict(_) => StatusCode::CONFLICT,
            AppError::Unprocessable(_) => StatusCode::UNPROCESSABLE_ENTITY,
            AppError::PreconditionFailed(_) => StatusCode::PRECONDITION_FAILED,
            AppError::SignInRequired { .. } => StatusCode::SEE_OTHER,
            AppError::Unavailable => StatusCode::SERVICE_UNAVAILABLE,
            AppError::TooManyRequests { .. } => StatusCode::TOO_MANY_REQUESTS,
            AppError::BodyTimeout => StatusCode::REQUEST_TIMEOUT,
            AppError::Internal(_) => StatusCode::INTERNAL_SERVER_ERROR,
        }
    }

    fn error_response(&self) -> HttpResponse<BoxBody> {
        if let AppError::Internal(e) = self {
            log::error!("internal error: {e:#}");
        }
        if let AppError::SignInRequired { next } = self {
            return HttpResponse::SeeOther()
                .insert_header((header::LOCATION, signin_location(next.as_deref())))
                .finish();
        }
        page(self, Locale::En)
    }
}

/// Where a sign-in should return to: only local paths. A `/tenant` page is signed in to at the
/// customer admins' door, every other one at the partner users'.
pub fn signin_location(next: Option<&str>) -> String {
    let next = next.and_then(local_path);
    let tenant = next
        .is_some_and(|n| n == "/tenant" || n.starts_with("/tenant/") || n.starts_with("/tenant?"));
    let door = if tenant { "/tenant/signin" } else { "/signin" };
    match next {
        Some(n) => format!("{door}?next={}", urlencode(n)),
        None => door.to_string(),
    }
}

/// The error page without the navigation (nobody is signed in, or nobody is known yet), in
/// the given language; "busy" and "too many" say when to try again.
pub fn page(e: &AppError, l: Locale) -> HttpResponse {
    let status = e.status_code();
    let page = ErrorPage { l, code: status.as_u16(), title: e.title(), message: e.text(l) };
    let mut resp = HttpResponse::build(status);
    if let Some(secs) = e.retry_after_secs() {
        resp.insert_header((header::RETRY_AFTER, secs.to_string()));
    }
    match page.render() {
        Ok(html) => resp.content_type("text/html; charset=utf-8").body(html),
        Err(_) => resp.content_type("text/plain; charset=utf-8").body(e.text(l)),
    }
}

/// An error's sentence as a toast, swapped out of band into the page's message area.
pub fn toast(e: &AppError, status: StatusCode, l: Locale) -> HttpResponse {
    let fragment = ToastFragment { l, toasts: vec![Toast::error(e.message())] };
    let mut resp = HttpResponse::build(status);
    if let Some(secs) = e.retry_after_secs() {
        resp.insert_header((header::RETRY_AFTER, secs.to_string()));
    }
    resp.insert_header(("HX-Reswap", "none"))
        .content_type("text/html; charset=utf-8")
        .body(fragment.render().unwrap_or_default())
}
