//! The signed-in user's own settings: the password, the UI language and API keys.

use actix_session::Session;
use actix_web::http::{Method, StatusCode};
use actix_web::{HttpResponse, web};
use serde::Deserialize;

use crate::error::{AppError, AppResult};
use crate::i18n::{Locale, Msg};
use crate::services::Ctx;
use crate::services::signin::change_password;
use crate::services::{api_keys, users};
use crate::views::api_keys::ApiKeysPage;
use crate::views::{Layout, Nav, PasswordPage, Toast};
use crate::web::state::AppState;

pub fn routes(cfg: &mut web::ServiceConfig) {
    use super::add;
    add(cfg, Method::GET, "/password", form);
    add(cfg, Method::POST, "/password", submit);
    add(cfg, Method::POST, "/locale", set_locale);
    add(cfg, Method::GET, "/api-keys", api_keys);
    add(cfg, Method::POST, "/api-keys", create_api_key);
    add(cfg, Method::POST, "/api-keys/{kid}/revoke", revoke_api_key);
}

/// The API keys page, with a new key's secret or the form's error when there is one.
async fn api_keys_page(
    state: &AppState,
    ctx: &Ctx,
    toasts: Vec<Toast>,
    new_key: Option<(String, String)>,
    form: (String, String, Option<String>),
) -> AppResult<ApiKeysPage> {
    let keys = state.call(ctx, api_keys::list).await?;
    let (name, days, error) = form;
    Ok(ApiKeysPage {
        l: ctx.user.locale,
        layout: Layout::new(&ctx.user, Nav::ApiKeys, toasts),
        keys,
        now: crate::util::clock::now_ms(),
        new_key,
        error,
        name,
        days,
    })
}

const DEFAULT_KEY_DAYS: &str = "90";

async fn api_keys(
    ctx: Ctx,
    session: Session,
    state: web::Data<AppState>,
) -> AppResult<ApiKeysPage> {
    let form = (String::new(), DEFAULT_KEY_DAYS.to_owned(), None);
    api_keys_page(&state, &ctx, super::flash::take(&session), None, form).await
}

#[derive(Deserialize)]
pub struct NewKeyForm {
    name: String,
    days: String,
}

/// Makes a key and shows its secret once, on the page that answers the POST (never in a
/// redirect's flash, which is stored).
async fn create_api_key(
    ctx: Ctx,
    state: web::Data<AppState>,
    form: web::Form<NewKeyForm>,
) -> AppResult<HttpResponse> {
    let NewKeyForm { name, days } = form.into_inner();
    match api_keys::parse_new(&name, &days) {
        Ok((name, days)) => {
            let issued =
                state.call(&ctx, move |c, ctx| api_keys::create(c, ctx, name, days)).await?;
            let new_key = Some((issued.key.name.clone(), issued.secret));
            let form = (String::new(), DEFAULT_KEY_DAYS.to_owned(), None);
            let page = api_keys_page(&state, &ctx, Vec::new(), new_key, form).await?;
            super::render(StatusCode::OK, page)
        }
        Err(msg) => {
            let form = (name, days, Some(ctx.user.locale.msg(&msg)));
            let page = api_keys_page(&state, &ctx, Vec::new(), None, form).await?;
            super::render(StatusCode::UNPROCESSABLE_ENTITY, page)
        }
    }
}

async fn revoke_api_key(
    ctx: Ctx,
    session: Session,
    state: web::Data<AppState>,
    path: web::Path<String>,
) -> AppResult<HttpResponse> {
    let id = path.into_inner();
    let key = state.call(&ctx, move |c, ctx| api_keys::revoke(c, ctx, &id)).await?;
    let toast = Toast::success(Msg::new("toast-api-key-revoked").text("name", key.name));
    super::flash::push(&session, toast);
    Ok(super::see_other("/api-keys"))
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
