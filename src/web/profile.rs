//! The signed-in user's own settings: changing the password.

use actix_session::Session;
use actix_web::http::{Method, StatusCode};
use actix_web::{HttpResponse, web};
use askama::Template;
use serde::Deserialize;

use crate::auth;
use crate::error::{AppError, AppResult};
use crate::services::Ctx;
use crate::services::signin::change_password;
use crate::state::AppState;
use crate::views::{Layout, Nav, PasswordPage, Toast};

pub fn routes(cfg: &mut web::ServiceConfig) {
    use super::add;
    add(cfg, Method::GET, "/password", form);
    add(cfg, Method::POST, "/password", submit);
}

async fn form(ctx: Ctx, session: Session) -> PasswordPage {
    PasswordPage {
        layout: Layout::new(&ctx.user, Nav::Password, super::flash::take(&session)),
        error: None,
    }
}

#[derive(Deserialize)]
pub struct PasswordForm {
    current_password: String,
    new_password: String,
    confirm_password: String,
}

async fn submit(
    ctx: Ctx,
    session: Session,
    state: web::Data<AppState>,
    form: web::Form<PasswordForm>,
) -> AppResult<HttpResponse> {
    let f = form.into_inner();
    let user_id = ctx.user.id.clone();
    match change_password(&state, &ctx, f.current_password, f.new_password, &f.confirm_password)
        .await
    {
        Ok(()) => {
            // Every session of the user ended with the change; this browser gets a new one.
            auth::start_session(&session, &user_id)?;
            super::flash::push(
                &session,
                Toast::success("Password changed. Your other sessions were signed out."),
            );
            Ok(super::see_other("/password"))
        }
        Err(AppError::Unprocessable(msg)) => {
            let page = PasswordPage {
                layout: Layout::new(&ctx.user, Nav::Password, Vec::new()),
                error: Some(msg),
            };
            Ok(super::html(
                StatusCode::UNPROCESSABLE_ENTITY,
                page.render().map_err(AppError::internal)?,
            ))
        }
        Err(e) => Err(e),
    }
}
