//! Responses handlers give: a redirect, HTML, a fragment with toasts.

use actix_web::HttpResponse;
use actix_web::http::{StatusCode, header};
use askama::Template;

use crate::error::AppError;
use crate::i18n::Locale;
use crate::views::{Toast, ToastFragment};

/// 303 to `location` (after a POST: the browser loads the result with GET).
pub fn see_other(location: &str) -> HttpResponse {
    HttpResponse::SeeOther().insert_header((header::LOCATION, location)).finish()
}

/// An HTML response with the given status.
pub fn html(status: StatusCode, body: String) -> HttpResponse {
    HttpResponse::build(status).content_type("text/html; charset=utf-8").body(body)
}

/// A rendered template with the given status (a page or fragment answering with its errors).
pub fn render(status: StatusCode, t: impl Template) -> Result<HttpResponse, AppError> {
    Ok(html(status, t.render().map_err(AppError::internal)?))
}

/// A fragment followed by toasts swapped out of band into the page's message area.
pub fn fragment_with_toasts(
    status: StatusCode,
    fragment: String,
    toasts: Vec<Toast>,
    l: Locale,
) -> Result<HttpResponse, AppError> {
    let oob = ToastFragment { l, toasts }.render().map_err(AppError::internal)?;
    Ok(html(status, fragment + &oob))
}
