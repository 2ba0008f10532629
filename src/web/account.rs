//! A customer's Account tab and the removal of the reseller relationship.

use actix_session::Session;
use actix_web::http::{Method, StatusCode};
use actix_web::{HttpResponse, web};
use askama::Template;

use crate::auth::permissions::Permission;
use crate::error::{AppError, AppResult};
use crate::i18n::Msg;
use crate::models::support_contact;
use crate::services::Ctx;
use crate::services::{offboarding, removal};
use crate::views::{AccountPage, Layout, Nav, OffboardingPage, RemoveConfirmPage, Toast};
use crate::web::state::AppState;

use super::subscriptions::load_header;
use crate::util::clock::now_ms;

pub fn routes(cfg: &mut web::ServiceConfig) {
    use super::add;
    add(cfg, Method::GET, "/customers/{id}/account", account);
    add(cfg, Method::GET, "/customers/{id}/remove-relationship", confirm);
    add(cfg, Method::POST, "/customers/{id}/remove-relationship", remove);
    add(cfg, Method::POST, "/customers/{id}/delegated-admin/remove", remove_dap);
    add(cfg, Method::GET, "/customers/{id}/offboarding", offboarding);
    add(cfg, Method::POST, "/customers/{id}/offboarding", prepare);
}

async fn account(
    ctx: Ctx,
    session: Session,
    state: web::Data<AppState>,
    path: web::Path<String>,
) -> AppResult<AccountPage> {
    ctx.user.require(Permission::ViewCustomers)?;
    let toasts = super::flash::take(&session);
    let id = path.into_inner();
    state
        .db(move |c| {
            let header = load_header(c, &ctx, &id, "account")?;
            Ok(AccountPage {
                l: ctx.user.locale,
                layout: Layout::new(&ctx.user, Nav::Customers, toasts),
                can_manage: ctx.user.can(Permission::ManageSubscriptions),
                now_ms: now_ms(),
                can_remove_dap: ctx.user.can(Permission::ManageDelegatedAdmin),
                eligibility: removal::check(c, &ctx.user, &header.relationship)?,
                support_contacts: support_contact::list_for_customer(c, ctx.partner_id(), &id)?,
                activity: crate::models::audit::list_for_customer(c, ctx.partner_id(), &id, 20)?
                    .into_iter()
                    .map(Into::into)
                    .collect(),
                header,
            })
        })
        .await
}

async fn confirm(
    ctx: Ctx,
    session: Session,
    state: web::Data<AppState>,
    path: web::Path<String>,
) -> AppResult<RemoveConfirmPage> {
    ctx.user.require(Permission::ViewCustomers)?;
    let toasts = super::flash::take(&session);
    let id = path.into_inner();
    state
        .db(move |c| {
            let header = load_header(c, &ctx, &id, "account")?;
            Ok(RemoveConfirmPage {
                l: ctx.user.locale,
                layout: Layout::new(&ctx.user, Nav::Customers, toasts),
                eligibility: removal::check(c, &ctx.user, &header.relationship)?,
                support_contact_count: support_contact::list_for_customer(
                    c,
                    ctx.partner_id(),
                    &id,
                )?
                .len(),
                header,
            })
        })
        .await
}

async fn remove(
    ctx: Ctx,
    session: Session,
    state: web::Data<AppState>,
    path: web::Path<String>,
) -> AppResult<HttpResponse> {
    let id = path.into_inner();
    let (ctx2, id2) = (ctx.clone(), id.clone());
    let (name, removed) = state
        .db(move |c| {
            let header = load_header(c, &ctx2, &id2, "account")?;
            let removed = removal::remove(c, &ctx2, &id2)?;
            Ok((header.customer.company_name, removed))
        })
        .await?;
    let msg = Msg::new("toast-relationship-removed")
        .text("name", name)
        .num("dap", if removed.delegated_admin_revoked { 1.0 } else { 0.0 })
        .num("contacts", removed.support_contacts_removed as f64);
    super::flash::push(&session, Toast::success(msg));
    Ok(super::see_other("/customers"))
}

async fn remove_dap(
    ctx: Ctx,
    session: Session,
    state: web::Data<AppState>,
    path: web::Path<String>,
) -> AppResult<HttpResponse> {
    let id = path.into_inner();
    let (ctx2, id2) = (ctx.clone(), id.clone());
    state.db(move |c| crate::services::requests::remove_dap(c, &ctx2, &id2)).await?;
    super::flash::push(&session, Toast::success(Msg::new("toast-dap-removed")));
    Ok(super::see_other(&format!("/customers/{id}/account")))
}

fn offboarding_page(
    c: &mut crate::db::AnyConnection,
    ctx: &Ctx,
    id: &str,
    toasts: Vec<Toast>,
    error: Option<String>,
) -> AppResult<OffboardingPage> {
    ctx.user.require(Permission::ViewCustomers)?;
    let header = load_header(c, ctx, id, "account")?;
    Ok(OffboardingPage {
        l: ctx.user.locale,
        layout: Layout::new(&ctx.user, Nav::Customers, toasts),
        plan: offboarding::plan(c, ctx.partner_id(), id)?,
        can_manage: ctx.user.can(Permission::ManageSubscriptions)
            && header.relationship.is_reseller(),
        error,
        header,
    })
}

/// The preview: exactly what preparing for removal would suspend and cancel.
async fn offboarding(
    ctx: Ctx,
    session: Session,
    state: web::Data<AppState>,
    path: web::Path<String>,
) -> AppResult<OffboardingPage> {
    let toasts = super::flash::take(&session);
    let id = path.into_inner();
    state.db(move |c| offboarding_page(c, &ctx, &id, toasts, None)).await
}

#[derive(serde::Deserialize)]
pub struct PrepareForm {
    previewed: String,
}

async fn prepare(
    ctx: Ctx,
    session: Session,
    state: web::Data<AppState>,
    path: web::Path<String>,
    form: web::Form<PrepareForm>,
) -> AppResult<HttpResponse> {
    let id = path.into_inner();
    let previewed = form.into_inner().previewed;
    let (ctx2, id2) = (ctx.clone(), id.clone());
    match state.db(move |c| offboarding::execute(c, &ctx2, &id2, &previewed)).await {
        Ok(done) => {
            let msg = Msg::new("toast-offboarding-done")
                .num("subscriptions", done.suspend.len() as f64)
                .num("reservations", done.cancel_reservations.len() as f64)
                .num("software", done.cancel_software.len() as f64)
                .num("stuck", done.stuck_software.len() as f64);
            super::flash::push(&session, Toast::success(msg));
            Ok(super::see_other(&format!("/customers/{id}/account")))
        }
        Err(AppError::Conflict(msg)) => {
            let page = state
                .db(move |c| {
                    offboarding_page(c, &ctx, &id, Vec::new(), Some(ctx.user.locale.msg(&msg)))
                })
                .await?;
            Ok(super::html(StatusCode::CONFLICT, page.render().map_err(AppError::internal)?))
        }
        Err(e) => Err(e),
    }
}
