//! The customer admin's pages under `/tenant` (the sign-in steps are `web::signin`'s, at the
//! tenant door). Every handler takes `CurrentAdmin`, which only a tenant-door session has: a
//! partner user's session is sent to `/tenant/signin`.

use actix_session::Session;
use actix_web::http::{Method, StatusCode};
use actix_web::{HttpRequest, HttpResponse, web};

use crate::auth::CurrentAdmin;
use crate::error::AppResult;
use crate::i18n::Msg;
use crate::services::tenant::{self as svc, GdapDecision};
use crate::views::Toast;
use crate::views::activity::Entry;
use crate::views::tenant::{
    TenantActivityPage, TenantGdapPage, TenantHomePage, TenantLayout, TenantRemoveDapPage,
};
use crate::web::confirm::{Answer, ask_first};
use crate::web::state::AppState;

pub fn routes(cfg: &mut web::ServiceConfig) {
    use super::add;
    add(cfg, Method::GET, "/tenant", home);
    add(cfg, Method::GET, "/tenant/activity", activity);
    add(cfg, Method::GET, "/tenant/partners/{partner_id}/remove-dap", remove_dap_question);
    add(cfg, Method::POST, "/tenant/partners/{partner_id}/remove-dap", remove_dap);
    add(cfg, Method::POST, "/tenant/signout", sign_out);
    add(cfg, Method::GET, "/tenant/gdap/{gdap}", gdap);
    add(cfg, Method::POST, "/tenant/gdap/{gdap}/approve", approve_gdap);
    add(cfg, Method::POST, "/tenant/gdap/{gdap}/decline", decline_gdap);
    add(cfg, Method::GET, "/tenant/gdap/{gdap}/terminate", terminate_gdap_question);
    add(cfg, Method::POST, "/tenant/gdap/{gdap}/terminate", terminate_gdap);
}

async fn home(
    admin: CurrentAdmin,
    session: Session,
    state: web::Data<AppState>,
) -> AppResult<HttpResponse> {
    let a = admin.clone();
    let partners = state.db(move |c| svc::partners(c, &a)).await?;
    let layout = TenantLayout::new(&admin, "partners", super::flash::take(&session));
    super::render(StatusCode::OK, TenantHomePage { l: admin.locale, layout, partners })
}

async fn activity(admin: CurrentAdmin, state: web::Data<AppState>) -> AppResult<HttpResponse> {
    let a = admin.clone();
    let records = state.db(move |c| svc::activity(c, &a)).await?;
    let name = admin.customer.company_name.clone();
    let entries = records.into_iter().map(|r| Entry::new(r, Some(name.clone()))).collect();
    let layout = TenantLayout::new(&admin, "activity", Vec::new());
    super::render(StatusCode::OK, TenantActivityPage { l: admin.locale, layout, entries })
}

async fn remove_dap_question(
    req: HttpRequest,
    admin: CurrentAdmin,
    state: web::Data<AppState>,
    path: web::Path<String>,
) -> AppResult<HttpResponse> {
    let (a, id) = (admin.clone(), path.into_inner());
    let p = state.db(move |c| svc::remove_dap_question(c, &a, &id)).await?;
    let page = TenantRemoveDapPage {
        l: admin.locale,
        layout: TenantLayout::new(&admin, "partners", Vec::new()),
        partner_name: p.partner_name,
        action: req.path().to_owned(),
    };
    super::render(StatusCode::OK, page)
}

async fn remove_dap(
    req: HttpRequest,
    admin: CurrentAdmin,
    session: Session,
    state: web::Data<AppState>,
    path: web::Path<String>,
    form: web::Form<Answer>,
) -> AppResult<HttpResponse> {
    if !form.given() {
        return Ok(ask_first(&req, &form));
    }
    let (id, request_id) = (path.into_inner(), super::request_id_of(&req));
    let partner = state.db(move |c| svc::remove_dap(c, &admin, &id, &request_id)).await?;
    let msg = Msg::new("tenant-toast-dap-removed").text("partner", &partner);
    super::flash::push(&session, Toast::success(msg));
    Ok(super::see_other("/tenant"))
}

async fn sign_out(
    req: HttpRequest,
    state: web::Data<AppState>,
    session: Session,
    admin: Option<CurrentAdmin>,
) -> AppResult<HttpResponse> {
    if let Some(admin) = admin {
        let request_id = super::request_id_of(&req);
        state.db(move |c| svc::record_sign_out(c, &admin, &request_id)).await?;
    }
    session.purge();
    Ok(super::see_other("/tenant/signin"))
}

/// A GDAP relationship of the admin's customer; with `terminate`, the question before ending it.
async fn gdap_page(
    admin: CurrentAdmin,
    session: &Session,
    state: &AppState,
    id: String,
    terminate: bool,
) -> AppResult<HttpResponse> {
    let a = admin.clone();
    let gdap = state.db(move |c| svc::gdap(c, &a, &id)).await?;
    let layout = TenantLayout::new(&admin, "partners", super::flash::take(session));
    super::render(StatusCode::OK, TenantGdapPage { l: admin.locale, layout, gdap, terminate })
}

async fn gdap(
    admin: CurrentAdmin,
    session: Session,
    state: web::Data<AppState>,
    path: web::Path<String>,
) -> AppResult<HttpResponse> {
    gdap_page(admin, &session, &state, path.into_inner(), false).await
}

async fn terminate_gdap_question(
    admin: CurrentAdmin,
    session: Session,
    state: web::Data<AppState>,
    path: web::Path<String>,
) -> AppResult<HttpResponse> {
    gdap_page(admin, &session, &state, path.into_inner(), true).await
}

/// Carries out the admin's decision; a form without its answer goes to the relationship's page
/// (approve, decline: the page is the question) or to the question (terminate).
async fn decide_gdap(
    req: HttpRequest,
    admin: CurrentAdmin,
    session: Session,
    state: web::Data<AppState>,
    id: String,
    form: Option<web::Form<Answer>>,
    decision: GdapDecision,
) -> AppResult<HttpResponse> {
    let answer = form.map(|f| f.into_inner()).unwrap_or_default();
    let page = format!("/tenant/gdap/{}", crate::util::urls::urlencode(&id));
    if !answer.given() {
        return Ok(match decision {
            GdapDecision::Terminate => ask_first(&req, &answer),
            _ => super::see_other(&page),
        });
    }
    let (request_id, now) = (super::request_id_of(&req), super::extract::clock_of(&req));
    let links = state.config.public_url.clone();
    let partner = state
        .db(move |c| svc::decide_gdap(c, &admin, &links, &id, decision, &request_id, now))
        .await?;
    let key = match decision {
        GdapDecision::Approve => "tenant-toast-gdap-approved",
        GdapDecision::Decline => "tenant-toast-gdap-declined",
        GdapDecision::Terminate => "tenant-toast-gdap-terminated",
    };
    super::flash::push(&session, Toast::success(Msg::new(key).text("partner", &partner)));
    Ok(super::see_other(&page))
}

async fn approve_gdap(
    req: HttpRequest,
    admin: CurrentAdmin,
    session: Session,
    state: web::Data<AppState>,
    path: web::Path<String>,
    form: Option<web::Form<Answer>>,
) -> AppResult<HttpResponse> {
    decide_gdap(req, admin, session, state, path.into_inner(), form, GdapDecision::Approve).await
}

async fn decline_gdap(
    req: HttpRequest,
    admin: CurrentAdmin,
    session: Session,
    state: web::Data<AppState>,
    path: web::Path<String>,
    form: Option<web::Form<Answer>>,
) -> AppResult<HttpResponse> {
    decide_gdap(req, admin, session, state, path.into_inner(), form, GdapDecision::Decline).await
}

async fn terminate_gdap(
    req: HttpRequest,
    admin: CurrentAdmin,
    session: Session,
    state: web::Data<AppState>,
    path: web::Path<String>,
    form: Option<web::Form<Answer>>,
) -> AppResult<HttpResponse> {
    decide_gdap(req, admin, session, state, path.into_inner(), form, GdapDecision::Terminate).await
}
