//! A customer's Subscriptions tab, a subscription's page, and the changes made from them.

use actix_session::Session;
use actix_web::http::Method;
use actix_web::http::StatusCode;
use actix_web::{HttpRequest, HttpResponse, web};
use askama::Template;
use serde::Deserialize;

use crate::auth::roles::Permission;
use crate::db::{self, AnyConnection};
use crate::error::{AppError, AppResult};
use crate::models::subscription::{self, SubscriptionStatus, Term};
use crate::models::{customer, offer, reservation, software};
use crate::services::Ctx;
use crate::services::subscriptions::{self as svc, MAX_QUANTITY, NewSubscription};
use crate::state::AppState;
use crate::views::{
    AddSubscriptionForm, CustomerHeader, CustomerSubscriptionsPage, Layout, Nav, ReservationRow,
    SoftwareRow, SubscriptionPage, Toast, can_manage,
};

pub fn routes(cfg: &mut web::ServiceConfig) {
    use super::add;
    add(cfg, Method::GET, "/customers/{id}/subscriptions", tab);
    add(cfg, Method::POST, "/customers/{id}/subscriptions", buy);
    add(cfg, Method::GET, "/customers/{id}/subscriptions/{sid}", show);
    add(cfg, Method::POST, "/customers/{id}/subscriptions/{sid}/status", set_status);
    add(cfg, Method::POST, "/customers/{id}/reservations/{rid}/cancel", cancel_reservation);
    add(cfg, Method::POST, "/customers/{id}/software/{pid}/cancel", cancel_software);
}

/// The customer as the acting partner sees it, with the header every customer page shows.
pub fn load_header(
    c: &mut AnyConnection,
    ctx: &Ctx,
    customer_id: &str,
    tab: &'static str,
) -> AppResult<CustomerHeader> {
    let (customer, relationship) =
        customer::find_for_partner(c, ctx.partner_id(), customer_id)?.ok_or(AppError::NotFound)?;
    Ok(CustomerHeader { customer, relationship, tab })
}

fn tab_page(
    c: &mut AnyConnection,
    ctx: &Ctx,
    customer_id: &str,
    toasts: Vec<Toast>,
    form: AddSubscriptionForm,
) -> AppResult<CustomerSubscriptionsPage> {
    ctx.user.require(Permission::ViewCustomers)?;
    let header = load_header(c, ctx, customer_id, "subscriptions")?;
    let p = ctx.partner_id();
    Ok(CustomerSubscriptionsPage {
        layout: Layout::new(&ctx.user, Nav::Customers, toasts),
        subscriptions: subscription::list_for_customer(c, p, customer_id)?,
        reservations: reservation::list_for_customer(c, p, customer_id)?,
        software: software::list_for_customer(c, p, customer_id)?,
        now_ms: db::now_ms(),
        can_manage: can_manage(&ctx.user),
        offers: offer::list_base(c)?,
        terms: Term::ALL,
        form,
        header,
    })
}

async fn tab(
    ctx: Ctx,
    session: Session,
    state: web::Data<AppState>,
    path: web::Path<String>,
) -> AppResult<CustomerSubscriptionsPage> {
    let toasts = super::flash::take(&session);
    let id = path.into_inner();
    state.db(move |c| tab_page(c, &ctx, &id, toasts, AddSubscriptionForm::default())).await
}

#[derive(Deserialize)]
pub struct AddForm {
    offer_id: String,
    quantity: String,
    term: String,
}

fn parse_purchase(form: &AddForm) -> Result<NewSubscription, String> {
    let quantity: i32 = form
        .quantity
        .trim()
        .parse()
        .ok()
        .filter(|q| (1..=MAX_QUANTITY).contains(q))
        .ok_or_else(|| format!("Quantity must be a whole number from 1 to {MAX_QUANTITY}."))?;
    let term = Term::parse(&form.term).ok_or("Choose a term from the list.")?;
    if form.offer_id.trim().is_empty() {
        return Err("Choose an offer from the list.".into());
    }
    Ok(NewSubscription { offer_id: form.offer_id.clone(), quantity, term })
}

async fn buy(
    ctx: Ctx,
    session: Session,
    state: web::Data<AppState>,
    path: web::Path<String>,
    form: web::Form<AddForm>,
) -> AppResult<HttpResponse> {
    let id = path.into_inner();
    let form = form.into_inner();
    let parsed = parse_purchase(&form).map_err(AppError::Unprocessable);
    let (ctx2, id2) = (ctx.clone(), id.clone());
    let outcome = match parsed {
        Ok(req) => state.db(move |c| svc::add_subscription(c, &ctx2, &id2, &req)).await,
        Err(e) => Err(e),
    };
    match outcome {
        Ok(sub) => {
            super::flash::push(
                &session,
                Toast::success(format!("Bought {} × {}.", sub.quantity, sub.offer_name)),
            );
            Ok(super::see_other(&format!("/customers/{}/subscriptions/{}", id, sub.id)))
        }
        Err(e @ (AppError::Conflict(_) | AppError::Unprocessable(_))) => {
            let status = actix_web::ResponseError::status_code(&e);
            let values = AddSubscriptionForm {
                offer_id: form.offer_id,
                quantity: form.quantity,
                term: form.term,
                error: Some(e.to_string()),
            };
            let page = state.db(move |c| tab_page(c, &ctx, &id, Vec::new(), values)).await?;
            Ok(super::html(status, page.render().map_err(AppError::internal)?))
        }
        Err(e) => Err(e),
    }
}

fn subscription_page(
    c: &mut AnyConnection,
    ctx: &Ctx,
    customer_id: &str,
    sid: &str,
    toasts: Vec<Toast>,
    form_error: Option<String>,
) -> AppResult<SubscriptionPage> {
    ctx.user.require(Permission::ViewCustomers)?;
    let header = load_header(c, ctx, customer_id, "subscriptions")?;
    let sub =
        subscription::find(c, ctx.partner_id(), customer_id, sid)?.ok_or(AppError::NotFound)?;
    let parent = match &sub.parent_id {
        Some(pid) => subscription::find(c, ctx.partner_id(), customer_id, pid)?,
        None => None,
    };
    Ok(SubscriptionPage {
        layout: Layout::new(&ctx.user, Nav::Customers, toasts),
        addons: subscription::addons_of(c, &sub.id)?,
        parent,
        sub,
        can_manage: can_manage(&ctx.user),
        statuses: &[SubscriptionStatus::Active, SubscriptionStatus::Suspended],
        form_error,
        header,
    })
}

async fn show(
    ctx: Ctx,
    session: Session,
    state: web::Data<AppState>,
    path: web::Path<(String, String)>,
) -> AppResult<SubscriptionPage> {
    let toasts = super::flash::take(&session);
    let (id, sid) = path.into_inner();
    state.db(move |c| subscription_page(c, &ctx, &id, &sid, toasts, None)).await
}

#[derive(Deserialize)]
pub struct StatusForm {
    status: String,
}

async fn set_status(
    req: HttpRequest,
    ctx: Ctx,
    session: Session,
    state: web::Data<AppState>,
    path: web::Path<(String, String)>,
    form: web::Form<StatusForm>,
) -> AppResult<HttpResponse> {
    let (id, sid) = path.into_inner();
    let target = match SubscriptionStatus::parse(&form.status) {
        Some(t @ (SubscriptionStatus::Active | SubscriptionStatus::Suspended)) => Ok(t),
        _ => Err(AppError::Unprocessable("Choose a status: Active or Suspended.".into())),
    };
    let (ctx2, id2, sid2) = (ctx.clone(), id.clone(), sid.clone());
    let outcome = match target {
        Ok(t) => {
            state.db(move |c| svc::change_status(c, &ctx2, &id2, &sid2, t)).await.map(|ch| (t, ch))
        }
        Err(e) => Err(e),
    };
    let fragment = super::is_htmx_fragment_request(&req);
    let (status, toasts, form_error) = match outcome {
        Ok((t, changed)) => {
            let verb = if t == SubscriptionStatus::Suspended { "suspended" } else { "reactivated" };
            let mut msg = format!("Subscription {verb}.");
            let addons = changed.changed.len() - 1;
            if addons > 0 {
                msg.push_str(&format!(
                    " {addons} add-on{} {verb} with it.",
                    if addons == 1 { "" } else { "s" }
                ));
            }
            if !fragment {
                super::flash::push(&session, Toast::success(msg));
                return Ok(super::see_other(&format!("/customers/{id}/subscriptions/{sid}")));
            }
            (StatusCode::OK, vec![Toast::success(msg)], None)
        }
        Err(e @ (AppError::Conflict(_) | AppError::Unprocessable(_))) => {
            (actix_web::ResponseError::status_code(&e), Vec::new(), Some(e.to_string()))
        }
        Err(e) => return Err(e),
    };
    let page =
        state.db(move |c| subscription_page(c, &ctx, &id, &sid, Vec::new(), form_error)).await?;
    if fragment {
        super::fragment_with_toasts(
            status,
            page.as_status_panel().render().map_err(AppError::internal)?,
            toasts,
        )
    } else {
        Ok(super::html(status, page.render().map_err(AppError::internal)?))
    }
}

/// After a cancellation: the updated row (htmx) or back to the tab with a message.
fn after_cancel(
    req: &HttpRequest,
    session: &Session,
    customer_id: &str,
    message: String,
    row: impl FnOnce() -> Result<String, askama::Error>,
) -> AppResult<HttpResponse> {
    if super::is_htmx_fragment_request(req) {
        super::fragment_with_toasts(
            StatusCode::OK,
            row().map_err(AppError::internal)?,
            vec![Toast::success(message)],
        )
    } else {
        super::flash::push(session, Toast::success(message));
        Ok(super::see_other(&format!("/customers/{customer_id}/subscriptions")))
    }
}

async fn cancel_reservation(
    req: HttpRequest,
    ctx: Ctx,
    session: Session,
    state: web::Data<AppState>,
    path: web::Path<(String, String)>,
) -> AppResult<HttpResponse> {
    let (id, rid) = path.into_inner();
    let (ctx2, id2) = (ctx.clone(), id.clone());
    let r = state.db(move |c| svc::cancel_reservation(c, &ctx2, &id2, &rid)).await?;
    let message = format!("Azure reservation “{}” cancelled.", r.name);
    let row = ReservationRow {
        customer_id: id.clone(),
        r,
        can_manage: true,
        csrf_token: ctx.user.csrf_token.clone(),
    };
    after_cancel(&req, &session, &id, message, || row.render())
}

async fn cancel_software(
    req: HttpRequest,
    ctx: Ctx,
    session: Session,
    state: web::Data<AppState>,
    path: web::Path<(String, String)>,
) -> AppResult<HttpResponse> {
    let (id, pid) = path.into_inner();
    let (ctx2, id2) = (ctx.clone(), id.clone());
    let p = state.db(move |c| svc::cancel_software(c, &ctx2, &id2, &pid)).await?;
    let message = format!("Software purchase “{}” cancelled.", p.product);
    let row = SoftwareRow {
        customer_id: id.clone(),
        p,
        can_manage: true,
        now_ms: db::now_ms(),
        csrf_token: ctx.user.csrf_token.clone(),
    };
    after_cancel(&req, &session, &id, message, || row.render())
}
