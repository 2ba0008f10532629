//! A customer's Account tab and the removal of the reseller relationship.

use actix_session::Session;
use actix_web::http::Method;
use actix_web::{HttpResponse, web};

use crate::auth::roles::Permission;
use crate::error::AppResult;
use crate::models::support_contact;
use crate::services::Ctx;
use crate::services::removal;
use crate::state::AppState;
use crate::views::{AccountPage, Layout, Nav, RemoveConfirmPage, Toast};

use super::subscriptions::load_header;

pub fn routes(cfg: &mut web::ServiceConfig) {
    use super::add;
    add(cfg, Method::GET, "/customers/{id}/account", account);
    add(cfg, Method::GET, "/customers/{id}/remove-relationship", confirm);
    add(cfg, Method::POST, "/customers/{id}/remove-relationship", remove);
    add(cfg, Method::POST, "/customers/{id}/delegated-admin/remove", remove_dap);
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
                layout: Layout::new(&ctx.user, Nav::Customers, toasts),
                can_remove_dap: ctx.user.can(Permission::ManageDelegatedAdmin),
                eligibility: removal::check(c, &ctx.user, &header.relationship)?,
                support_contacts: support_contact::list_for_customer(c, ctx.partner_id(), &id)?,
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
    let mut msg = format!(
        "Reseller relationship with {name} removed. It is off your customer list and purchases for it are blocked."
    );
    if removed.delegated_admin_revoked {
        msg.push_str(" Delegated admin privileges were revoked.");
    }
    if removed.support_contacts_removed > 0 {
        msg.push_str(&format!(
            " {} support contact designation{} removed.",
            removed.support_contacts_removed,
            if removed.support_contacts_removed == 1 { " was" } else { "s were" }
        ));
    }
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
    super::flash::push(
        &session,
        Toast::success("Delegated admin privileges removed. The reseller relationship stays."),
    );
    Ok(super::see_other(&format!("/customers/{id}/account")))
}
