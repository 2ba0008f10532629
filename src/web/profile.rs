//! The signed-in user's own settings: the password and the UI language.

use actix_session::Session;
use actix_web::http::{Method, StatusCode};
use actix_web::{HttpResponse, web};
use serde::Deserialize;

use crate::error::{AppError, AppResult};
use crate::i18n::{Locale, Msg};
use crate::services::Ctx;
use crate::services::signin::change_password;
use crate::services::users;
use crate::views::{Layout, Nav, PasswordPage, Toast};
use crate::web::state::AppState;

pub fn routes(cfg: &mut web::ServiceConfig) {
    use super::add;
    add(cfg, Method::GET, "/password", form);
    add(cfg, Method::POST, "/password", submit);
    add(cfg, Method::POST, "/locale", set_locale);
}

#[derive(Deserialize)]
pub struct LocaleForm {
    locale: String,
    back: Option<String>,
}

/// Where the language switcher returns: a local path of this site, else the start page.
pub fn safe_back(back: Option<&str>) -> &str {
    back.and_then(crate::util::urls::local_path).unwrap_or("/")
}

/// The header's language switcher: saves the choice on the user (audited) and returns to the
/// page it was sent from.
async fn set_locale(
    ctx: Ctx,
    state: web::Data<AppState>,
    form: web::Form<LocaleForm>,
) -> AppResult<HttpResponse> {
    let Some(locale) = Locale::parse(form.locale.trim()) else {
        return Err(AppError::Unprocessable(Msg::new("error-unknown-locale")));
    };
    let back = safe_back(form.back.as_deref()).to_string();
    state.call(&ctx, move |c, ctx| users::set_own_locale(c, ctx, locale)).await?;
    Ok(super::see_other(&back))
}

async fn form(ctx: Ctx, session: Session) -> PasswordPage {
    PasswordPage {
        l: ctx.user.locale,
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
            crate::web::session::start_session(&session, &user_id)?;
            super::flash::push(&session, Toast::success(Msg::new("toast-password-changed")));
            Ok(super::see_other("/password"))
        }
        Err(AppError::Unprocessable(msg)) => {
            let page = PasswordPage {
                l: ctx.user.locale,
                layout: Layout::new(&ctx.user, Nav::Password, Vec::new()),
                error: Some(ctx.user.locale.msg(&msg)),
            };
            super::render(StatusCode::UNPROCESSABLE_ENTITY, page)
        }
        Err(e) => Err(e),
    }
}
