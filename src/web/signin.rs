//! Sign in and sign out.

use actix_session::Session;
use actix_web::http::Method;
use actix_web::http::StatusCode;
use actix_web::{HttpRequest, HttpResponse, web};
use askama::Template;
use serde::Deserialize;

use crate::auth::{self, CurrentUser};
use crate::error::{AppError, AppResult};
use crate::services::audit::{self, Actor, Event, op};
use crate::services::signin::{FAILED_MESSAGE, sign_in};
use crate::state::AppState;
use crate::views::SignInPage;

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
    match next {
        Some(n) if n.starts_with('/') && !n.starts_with("//") && !n.starts_with("/\\") => {
            n.to_string()
        }
        _ => "/customers".to_string(),
    }
}

fn page(email: String, next: String, error: Option<String>) -> SignInPage {
    SignInPage {
        email,
        next,
        error,
        asset_version: super::assets::version(),
    }
}

async fn form(query: web::Query<NextQuery>, session: Session) -> HttpResponse {
    let next = safe_next(query.next.as_deref());
    if session.contains_key(auth::session_store::USER_ID_KEY) {
        return super::see_other(&next);
    }
    let body = page(String::new(), next, None).render().unwrap_or_default();
    super::html(StatusCode::OK, body)
}

#[derive(Deserialize)]
pub struct SignInForm {
    email: String,
    password: String,
    next: Option<String>,
}

async fn submit(
    req: HttpRequest,
    state: web::Data<AppState>,
    session: Session,
    form: web::Form<SignInForm>,
) -> AppResult<HttpResponse> {
    let SignInForm {
        email,
        password,
        next,
    } = form.into_inner();
    let next = safe_next(next.as_deref());
    let too_long = email.len() > 254 || password.chars().count() > auth::password::MAX_LENGTH;
    if email.trim().is_empty() || password.is_empty() || too_long {
        let msg = if too_long {
            FAILED_MESSAGE
        } else {
            "Enter your email and password."
        };
        let body = page(email, next, Some(msg.into()))
            .render()
            .map_err(AppError::internal)?;
        return Ok(super::html(StatusCode::UNPROCESSABLE_ENTITY, body));
    }
    let request_id = super::request_id_of(&req);
    match sign_in(&state, &email, password, &request_id).await? {
        Some(user_id) => {
            auth::start_session(&session, &user_id)?;
            Ok(super::see_other(&next))
        }
        None => {
            let body = page(email, next, Some(FAILED_MESSAGE.into()))
                .render()
                .map_err(AppError::internal)?;
            Ok(super::html(StatusCode::UNAUTHORIZED, body))
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
        let actor = Actor {
            partner_id: Some(user.partner.id.clone()),
            user_id: Some(user.id.clone()),
            label: user.email.clone(),
            request_id: super::request_id_of(&req),
        };
        state
            .db(move |c| {
                Ok(audit::record(
                    c,
                    &actor,
                    Event {
                        operation: op::LOGOUT,
                        resource_type: "session",
                        ..Default::default()
                    },
                )?)
            })
            .await?;
    }
    session.purge();
    Ok(super::see_other("/signin"))
}
