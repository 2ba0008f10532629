//! `/tenant/admins`: a customer's administrators manage one another (`services::tenant_admins`).
//! Plain forms, as every tenant page: an addition or a password reset answers with the page and
//! the one-time password (never a redirect, so it is shown once); the other changes redirect
//! with a message. A refusal is the page with its sentence (409, 422).

use actix_session::Session;
use actix_web::http::{Method, StatusCode};
use actix_web::{HttpRequest, HttpResponse, web};
use serde::Deserialize;

use crate::auth::CurrentAdmin;
use crate::error::{AppError, AppResult};
use crate::i18n::Msg;
use crate::services::tenant_admins::{self as svc, Issued, NewAdmin};
use crate::views::Toast;
use crate::views::tenant::{TenantAdminsPage, TenantLayout};
use crate::web::state::AppState;

pub fn routes(cfg: &mut web::ServiceConfig) {
    use super::add;
    add(cfg, Method::GET, "/tenant/admins", list);
    add(cfg, Method::POST, "/tenant/admins", add_admin);
    add(cfg, Method::POST, "/tenant/admins/{cadmin}/reset-password", reset_password);
    add(cfg, Method::POST, "/tenant/admins/{cadmin}/reset-second-step", reset_second_step);
    add(cfg, Method::POST, "/tenant/admins/{cadmin}/disable", disable);
    add(cfg, Method::POST, "/tenant/admins/{cadmin}/enable", enable);
}

const PAGE: &str = "/tenant/admins";

/// The page as it stands, with `change` applied (a password, an error, the form as typed).
async fn page(
    admin: &CurrentAdmin,
    state: &AppState,
    toasts: Vec<Toast>,
    change: impl FnOnce(&mut TenantAdminsPage),
) -> AppResult<TenantAdminsPage> {
    let a = admin.clone();
    let admins = state.db(move |c| svc::list(c, &a)).await?;
    let mut page = TenantAdminsPage {
        l: admin.locale,
        layout: TenantLayout::new(admin, "admins", toasts),
        admins,
        me: admin.id.clone(),
        issued: None,
        added: false,
        error: None,
        form: NewAdmin::default(),
        form_error: None,
    };
    change(&mut page);
    Ok(page)
}

/// A refusal the page explains (409, 422); anything else stays an error.
async fn refused(
    admin: &CurrentAdmin,
    state: &AppState,
    e: AppError,
    change: impl FnOnce(&mut TenantAdminsPage, String),
) -> AppResult<HttpResponse> {
    let (status, msg) = match e {
        AppError::Conflict(m) => (StatusCode::CONFLICT, m),
        AppError::Unprocessable(m) => (StatusCode::UNPROCESSABLE_ENTITY, m),
        other => return Err(other),
    };
    let text = admin.locale.msg(&msg);
    super::render(status, page(admin, state, Vec::new(), |p| change(p, text)).await?)
}

async fn list(
    admin: CurrentAdmin,
    session: Session,
    state: web::Data<AppState>,
) -> AppResult<HttpResponse> {
    let toasts = super::flash::take(&session);
    super::render(StatusCode::OK, page(&admin, &state, toasts, |_| {}).await?)
}

#[derive(Deserialize)]
struct AdminForm {
    #[serde(default)]
    display_name: String,
    #[serde(default)]
    email: String,
}

async fn add_admin(
    req: HttpRequest,
    admin: CurrentAdmin,
    state: web::Data<AppState>,
    form: web::Form<AdminForm>,
) -> AppResult<HttpResponse> {
    let AdminForm { display_name, email } = form.into_inner();
    let new = NewAdmin { display_name, email };
    match svc::add(&state, &admin, &new, &super::request_id_of(&req)).await {
        Ok(issued) => issued_page(&admin, &state, issued, true).await,
        Err(e) => {
            refused(&admin, &state, e, |p, text| {
                p.form = new;
                p.form_error = Some(text);
            })
            .await
        }
    }
}

/// The page with the one-time password just issued.
async fn issued_page(
    admin: &CurrentAdmin,
    state: &AppState,
    issued: Issued,
    added: bool,
) -> AppResult<HttpResponse> {
    let page = page(admin, state, Vec::new(), |p| {
        p.issued = Some(issued);
        p.added = added;
    })
    .await?;
    super::render(StatusCode::OK, page)
}

async fn reset_password(
    req: HttpRequest,
    admin: CurrentAdmin,
    state: web::Data<AppState>,
    path: web::Path<String>,
) -> AppResult<HttpResponse> {
    let id = path.into_inner();
    match svc::reset_password(&state, &admin, &id, &super::request_id_of(&req)).await {
        Ok(issued) => issued_page(&admin, &state, issued, false).await,
        Err(e) => refused(&admin, &state, e, |p, text| p.error = Some(text)).await,
    }
}

/// What a change other than a password did: a message on the list, or the refusal.
async fn changed(
    admin: CurrentAdmin,
    session: Session,
    state: web::Data<AppState>,
    result: AppResult<Msg>,
) -> AppResult<HttpResponse> {
    match result {
        Ok(msg) => {
            super::flash::push(&session, Toast::success(msg));
            Ok(super::see_other(PAGE))
        }
        Err(e) => refused(&admin, &state, e, |p, text| p.error = Some(text)).await,
    }
}

async fn reset_second_step(
    req: HttpRequest,
    admin: CurrentAdmin,
    session: Session,
    state: web::Data<AppState>,
    path: web::Path<String>,
) -> AppResult<HttpResponse> {
    let (a, id, request_id) = (admin.clone(), path.into_inner(), super::request_id_of(&req));
    let result = state.db(move |c| svc::reset_second_step(c, &a, &id, &request_id)).await;
    let result = result.map(|(target, reset)| {
        let key = match reset {
            true => "tenant-toast-admin-second-step-reset",
            false => "tenant-toast-admin-second-step-none",
        };
        Msg::new(key).text("name", target.display_name)
    });
    changed(admin, session, state, result).await
}

async fn set_active(
    req: HttpRequest,
    admin: CurrentAdmin,
    session: Session,
    state: web::Data<AppState>,
    id: String,
    active: bool,
) -> AppResult<HttpResponse> {
    let (a, request_id) = (admin.clone(), super::request_id_of(&req));
    let result = state.db(move |c| svc::set_active(c, &a, &id, active, &request_id)).await;
    let result = result.map(|(target, changed)| {
        let key = match (changed, active) {
            (false, _) => "tenant-toast-admin-unchanged",
            (true, true) => "tenant-toast-admin-enabled",
            (true, false) => "tenant-toast-admin-disabled",
        };
        Msg::new(key).text("name", target.display_name)
    });
    changed(admin, session, state, result).await
}

async fn disable(
    req: HttpRequest,
    admin: CurrentAdmin,
    session: Session,
    state: web::Data<AppState>,
    path: web::Path<String>,
) -> AppResult<HttpResponse> {
    set_active(req, admin, session, state, path.into_inner(), false).await
}

async fn enable(
    req: HttpRequest,
    admin: CurrentAdmin,
    session: Session,
    state: web::Data<AppState>,
    path: web::Path<String>,
) -> AppResult<HttpResponse> {
    set_active(req, admin, session, state, path.into_inner(), true).await
}
