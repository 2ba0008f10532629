//! Sign in and sign out.

use actix_session::Session;
use actix_web::cookie::{Cookie, SameSite};
use actix_web::http::Method;
use actix_web::http::StatusCode;
use actix_web::{HttpRequest, HttpResponse, web};
use askama::Template;
use serde::Deserialize;
use subtle::ConstantTimeEq;

use crate::auth::{self, CurrentUser};
use crate::error::{AppError, AppResult};
use crate::services::Ctx;
use crate::services::signin::{self, FAILED_MESSAGE, sign_in};
use crate::util::urls::local_path;
use crate::views::SignInPage;
use crate::web::state::AppState;

pub fn routes(cfg: &mut web::ServiceConfig) {
    use super::add;
    add(cfg, Method::GET, "/signin", form);
    add(cfg, Method::POST, "/signin", submit);
    add(cfg, Method::POST, "/signout", sign_out);
}

#[derive(Deserialize)]
pub struct NextQuery {
    next: Option<String>,
}

/// Only a local path may be returned to after sign-in.
fn safe_next(next: Option<&str>) -> String {
    next.and_then(local_path).unwrap_or("/").to_string()
}

/// The sign-in form with a fresh anti-forgery token: the same random value in a hidden field
/// and in a short-lived, HttpOnly, SameSite=Strict cookie (no server-side session is created for
/// anonymous visitors). The POST must bring both, equal.
fn form_response(
    state: &AppState,
    req: &HttpRequest,
    status: StatusCode,
    email: String,
    next: String,
    error: Option<&str>,
) -> AppResult<HttpResponse> {
    let token = crate::util::tokens::random_token();
    let l = crate::web::request::locale_of(req);
    let error = error.map(|key| l.t(key));
    let body = SignInPage { l, email, next, error, csrf_token: token.clone() }
        .render()
        .map_err(AppError::internal)?;
    let cookie = Cookie::build(state.config.signin_cookie_name(), token)
        .path("/")
        .http_only(true)
        .secure(state.config.cookie_secure)
        .same_site(SameSite::Strict)
        .max_age(actix_web::cookie::time::Duration::hours(1))
        .finish();
    Ok(HttpResponse::build(status)
        .cookie(cookie)
        .content_type("text/html; charset=utf-8")
        .body(body))
}

async fn form(
    req: HttpRequest,
    state: web::Data<AppState>,
    query: web::Query<NextQuery>,
    session: Session,
) -> AppResult<HttpResponse> {
    let next = safe_next(query.next.as_deref());
    if session.contains_key(crate::web::session::USER_ID_KEY) {
        return Ok(super::see_other(&next));
    }
    form_response(&state, &req, StatusCode::OK, String::new(), next, None)
}

#[derive(Deserialize)]
pub struct SignInForm {
    email: String,
    password: String,
    next: Option<String>,
    csrf_token: Option<String>,
}

async fn submit(
    req: HttpRequest,
    state: web::Data<AppState>,
    session: Session,
    form: web::Form<SignInForm>,
) -> AppResult<HttpResponse> {
    let SignInForm { email, password, next, csrf_token } = form.into_inner();
    let next = safe_next(next.as_deref());
    let cookie = req.cookie(state.config.signin_cookie_name());
    let token_ok = match (cookie, csrf_token) {
        (Some(c), Some(t)) if !t.is_empty() => c.value().as_bytes().ct_eq(t.as_bytes()).into(),
        _ => false,
    };
    if !token_ok {
        let msg = "signin-expired";
        return form_response(&state, &req, StatusCode::FORBIDDEN, email, next, Some(msg));
    }
    let too_long = email.len() > 254 || password.chars().count() > auth::password::MAX_LENGTH;
    if email.trim().is_empty() || password.is_empty() || too_long {
        let msg = if too_long { FAILED_MESSAGE } else { "signin-missing" };
        return form_response(
            &state,
            &req,
            StatusCode::UNPROCESSABLE_ENTITY,
            email,
            next,
            Some(msg),
        );
    }
    let request_id = super::request_id_of(&req);
    match sign_in(&state, &email, password, &request_id).await? {
        Some(user_id) => {
            crate::web::session::start_session(&session, &user_id)?;
            let gone = Cookie::build(state.config.signin_cookie_name(), "")
                .path("/")
                .secure(state.config.cookie_secure)
                .finish();
            let mut res = super::see_other(&next);
            res.add_removal_cookie(&gone).map_err(AppError::internal)?;
            Ok(res)
        }
        None => {
            form_response(&state, &req, StatusCode::UNAUTHORIZED, email, next, Some(FAILED_MESSAGE))
        }
    }
}

async fn sign_out(
    req: HttpRequest,
    state: web::Data<AppState>,
    session: Session,
    user: Option<CurrentUser>,
) -> AppResult<HttpResponse> {
    if let Some(user) = user {
        let ctx = Ctx { user, request_id: super::request_id_of(&req) };
        state.call(&ctx, signin::record_sign_out).await?;
    }
    session.purge();
    Ok(super::see_other("/signin"))
}
