//! A customer's Subscriptions tab, a subscription's page, and the changes made from them.

use actix_session::Session;
use actix_web::http::Method;
use actix_web::http::StatusCode;
use actix_web::{HttpRequest, HttpResponse, web};
use askama::Template;
use serde::Deserialize;

use crate::auth::permissions::Permission;
use crate::error::{AppError, AppResult};
use crate::i18n::Msg;
use crate::services::subscriptions::{self as svc, NewSubscription, SubscriptionStatus, Term};
use crate::services::{Ctx, purchases};
use crate::views::{
    AddSubscriptionForm, CustomerHeader, CustomerSubscriptionsPage, Layout, Nav, ReservationRow,
    SavingsPlanRow, SoftwareRow, SubscriptionPage, Toast, can_manage,
};
use crate::web::confirm::{self, Answer, Back, Question, back_to};
use crate::web::state::AppState;

pub fn routes(cfg: &mut web::ServiceConfig) {
    use super::add;
    add(cfg, Method::GET, "/customers/{id}/subscriptions", tab);
    add(cfg, Method::POST, "/customers/{id}/subscriptions", buy);
    add(cfg, Method::GET, "/customers/{id}/subscriptions/{sid}", show);
    add(cfg, Method::POST, "/customers/{id}/subscriptions/{sid}/status", set_status);
    add(
        cfg,
        Method::GET,
        "/customers/{id}/reservations/{rid}/cancel",
        cancel_purchase_question::<purchases::Reservation>,
    );
    add(
        cfg,
        Method::POST,
        "/customers/{id}/reservations/{rid}/cancel",
        cancel_purchase::<purchases::Reservation>,
    );
    add(
        cfg,
        Method::GET,
        "/customers/{id}/savings-plans/{spid}/cancel",
        cancel_purchase_question::<purchases::SavingsPlan>,
    );
    add(
        cfg,
        Method::POST,
        "/customers/{id}/savings-plans/{spid}/cancel",
        cancel_purchase::<purchases::SavingsPlan>,
    );
    add(
        cfg,
        Method::GET,
        "/customers/{id}/software/{pid}/cancel",
        cancel_purchase_question::<purchases::SoftwarePurchase>,
    );
    add(
        cfg,
        Method::POST,
        "/customers/{id}/software/{pid}/cancel",
        cancel_purchase::<purchases::SoftwarePurchase>,
    );
    add(cfg, Method::POST, "/customers/{id}/subscriptions/{sid}/addons", buy_addon);
    add(cfg, Method::GET, "/customers/{id}/subscriptions/{sid}/cancel", cancel_question);
    add(cfg, Method::POST, "/customers/{id}/subscriptions/{sid}/cancel", cancel_subscription);
    add(cfg, Method::POST, "/customers/{id}/subscriptions/{sid}/auto-renew", set_auto_renew);
    add(
        cfg,
        Method::POST,
        "/customers/{id}/subscriptions/{sid}/support-contact",
        set_support_contact,
    );
}

/// The tab's page, with the purchase form's values and message.
fn tab_page(
    ctx: &Ctx,
    tab: svc::Tab,
    toasts: Vec<Toast>,
    form: AddSubscriptionForm,
) -> CustomerSubscriptionsPage {
    CustomerSubscriptionsPage {
        l: ctx.user.locale,
        layout: Layout::new(&ctx.user, Nav::Customers, toasts),
        header: CustomerHeader::new(tab.customer, tab.relationship, "subscriptions"),
        subscriptions: tab.subscriptions,
        reservations: tab.reservations,
        savings_plans: tab.savings_plans,
        software: tab.software,
        now_ms: ctx.now,
        can_manage: can_manage(&ctx.user),
        offers: tab.offers,
        terms: Term::ALL,
        form,
    }
}

async fn tab(
    ctx: Ctx,
    session: Session,
    state: web::Data<AppState>,
    path: web::Path<String>,
) -> AppResult<CustomerSubscriptionsPage> {
    let toasts = super::flash::take(&session);
    let id = path.into_inner();
    let tab = state.call(&ctx, move |c, ctx| svc::tab(c, ctx, &id)).await?;
    Ok(tab_page(&ctx, tab, toasts, AddSubscriptionForm::default()))
}

#[derive(Deserialize)]
pub struct AddForm {
    offer_id: String,
    quantity: String,
    term: String,
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
    let parsed = NewSubscription::parse(&form.offer_id, &form.quantity, &form.term)
        .map_err(AppError::Unprocessable);
    let id2 = id.clone();
    let outcome = match parsed {
        Ok(req) => state.call(&ctx, move |c, ctx| svc::add_subscription(c, ctx, &id2, &req)).await,
        Err(e) => Err(e),
    };
    match outcome {
        Ok(sub) => {
            super::flash::push(
                &session,
                Toast::success(
                    Msg::new("toast-bought")
                        .num("quantity", sub.quantity)
                        .text("offer", &sub.offer_name),
                ),
            );
            Ok(super::see_other(&format!("/customers/{}/subscriptions/{}", id, sub.id)))
        }
        Err(e @ (AppError::Conflict(_) | AppError::Unprocessable(_))) => {
            let status = actix_web::ResponseError::status_code(&e);
            let values = AddSubscriptionForm {
                offer_id: form.offer_id,
                quantity: form.quantity,
                term: form.term,
                error: Some(e.text(ctx.user.locale)),
            };
            let tab = state.call(&ctx, move |c, ctx| svc::tab(c, ctx, &id)).await?;
            super::render(status, tab_page(&ctx, tab, Vec::new(), values))
        }
        Err(e) => Err(e),
    }
}

/// Messages for a subscription page's forms.
#[derive(Default)]
struct PageErrors {
    status: Option<String>,
    addon: Option<String>,
    /// The warning of a suspension that keeps billing, shown with a step to confirm it.
    suspend_warning: Option<String>,
    /// Where the confirmation step returns (`account`).
    back: Option<String>,
}

fn subscription_page(
    ctx: &Ctx,
    d: svc::Detail,
    toasts: Vec<Toast>,
    errors: PageErrors,
) -> SubscriptionPage {
    SubscriptionPage {
        l: ctx.user.locale,
        layout: Layout::new(&ctx.user, Nav::Customers, toasts),
        header: CustomerHeader::new(d.customer, d.relationship, "subscriptions"),
        addons: d.addons,
        parent: d.parent,
        sub: d.sub,
        can_manage: can_manage(&ctx.user),
        statuses: &[SubscriptionStatus::Active, SubscriptionStatus::Suspended],
        form_error: errors.status,
        suspend_warning: errors.suspend_warning,
        back: errors.back,
        now_ms: ctx.now,
        addon_offers: d.addon_offers,
        addon_error: errors.addon,
        support_contact: d.support_contact,
        support_choices: d.support_choices,
        can_manage_contacts: ctx.user.can(Permission::ManageSupportContacts),
    }
}

/// A subscription's page after a change was refused or made.
async fn reload_page(
    state: &AppState,
    ctx: &Ctx,
    (id, sid): (String, String),
    errors: PageErrors,
) -> AppResult<SubscriptionPage> {
    let d = state.call(ctx, move |c, ctx| svc::detail(c, ctx, &id, &sid)).await?;
    Ok(subscription_page(ctx, d, Vec::new(), errors))
}

async fn show(
    ctx: Ctx,
    session: Session,
    state: web::Data<AppState>,
    path: web::Path<(String, String)>,
) -> AppResult<SubscriptionPage> {
    let toasts = super::flash::take(&session);
    let (id, sid) = path.into_inner();
    let d = state.call(&ctx, move |c, ctx| svc::detail(c, ctx, &id, &sid)).await?;
    Ok(subscription_page(&ctx, d, toasts, PageErrors::default()))
}

#[derive(Deserialize)]
pub struct StatusForm {
    status: String,
    /// `account` to return to the customer's Account page (its "Prepare for removal" panel).
    back: Option<String>,
    /// Present when the person confirmed a warning (suspending new commerce keeps billing).
    confirmed: Option<String>,
}

async fn set_status(
    req: HttpRequest,
    ctx: Ctx,
    session: Session,
    state: web::Data<AppState>,
    path: web::Path<(String, String)>,
    form: web::Form<StatusForm>,
) -> AppResult<HttpResponse> {
    let l = ctx.user.locale;
    let (id, sid) = path.into_inner();
    let target = svc::parse_settable_status(&form.status);
    let confirmed = form.confirmed.as_deref().is_some_and(|v| !v.is_empty());
    let fragment = super::is_htmx_fragment_request(&req);
    if matches!(target, Ok(SubscriptionStatus::Suspended)) && !confirmed {
        // First the warning, with a step to confirm it (the same with or without htmx).
        let (id2, sid2) = (id.clone(), sid.clone());
        let warning =
            state.call(&ctx, move |c, ctx| svc::suspend_warning_for(c, ctx, &id2, &sid2)).await?;
        if let Some(warning) = warning {
            let errors = PageErrors {
                suspend_warning: Some(l.msg(&warning)),
                back: form.back.clone(),
                ..Default::default()
            };
            let page = reload_page(&state, &ctx, (id, sid), errors).await?;
            return status_page(fragment, StatusCode::OK, page, Vec::new());
        }
    }
    let (id2, sid2) = (id.clone(), sid.clone());
    let outcome = match target {
        Ok(t) => state
            .call(&ctx, move |c, ctx| svc::change_status(c, ctx, &id2, &sid2, t, None, confirmed))
            .await
            .map(|ch| (t, ch)),
        Err(e) => Err(e),
    };
    let (status, toasts, form_error) = match outcome {
        Ok((t, changed)) => {
            let key = if t == SubscriptionStatus::Suspended {
                "toast-subscription-suspended"
            } else {
                "toast-subscription-reactivated"
            };
            let msg = Msg::new(key)
                .num("addons", (changed.changed.len() - 1) as f64)
                .text("name", changed.name.clone());
            if !fragment {
                super::flash::push(&session, Toast::success(msg));
                let default = format!("/customers/{id}/subscriptions/{sid}");
                return Ok(super::see_other(&back_to(form.back.as_deref(), &id, default)));
            }
            (StatusCode::OK, vec![Toast::success(msg)], None)
        }
        Err(e @ (AppError::Conflict(_) | AppError::Unprocessable(_))) => {
            (actix_web::ResponseError::status_code(&e), Vec::new(), Some(e.text(l)))
        }
        Err(e) => return Err(e),
    };
    let errors = PageErrors { status: form_error, ..Default::default() };
    let page = reload_page(&state, &ctx, (id, sid), errors).await?;
    status_page(fragment, status, page, toasts)
}

/// The subscription's page, or for htmx its status panel with the toasts.
fn status_page(
    fragment: bool,
    status: StatusCode,
    page: SubscriptionPage,
    toasts: Vec<Toast>,
) -> AppResult<HttpResponse> {
    if fragment {
        let l = page.l;
        let panel = page.as_status_panel().render().map_err(AppError::internal)?;
        super::fragment_with_toasts(status, panel, toasts, l)
    } else {
        super::render(status, page)
    }
}

/// A purchase kind as its row on the tab shows it, its question, and the message after its
/// cancellation.
trait PurchaseRow: purchases::Cancellable + Send + 'static {
    /// The keys of the question's title and button.
    const QUESTION: (&'static str, &'static str);
    fn cancelled_message(&self) -> Msg;
    fn row(self, ctx: &Ctx, customer_id: String) -> Result<String, askama::Error>;
}

impl PurchaseRow for purchases::Reservation {
    const QUESTION: (&'static str, &'static str) =
        ("confirm-cancel-reservation-title", "confirm-cancel-reservation-button");
    fn cancelled_message(&self) -> Msg {
        Msg::new("toast-reservation-cancelled").text("name", &self.name)
    }
    fn row(self, ctx: &Ctx, customer_id: String) -> Result<String, askama::Error> {
        let csrf_token = ctx.user.csrf_token.clone();
        ReservationRow { l: ctx.user.locale, customer_id, r: self, can_manage: true, csrf_token }
            .render()
    }
}

impl PurchaseRow for purchases::SavingsPlan {
    const QUESTION: (&'static str, &'static str) =
        ("confirm-cancel-savings-plan-title", "confirm-cancel-savings-plan-button");
    fn cancelled_message(&self) -> Msg {
        Msg::new("toast-savings-plan-cancelled").text("name", &self.name)
    }
    fn row(self, ctx: &Ctx, customer_id: String) -> Result<String, askama::Error> {
        let csrf_token = ctx.user.csrf_token.clone();
        SavingsPlanRow { l: ctx.user.locale, customer_id, p: self, can_manage: true, csrf_token }
            .render()
    }
}

impl PurchaseRow for purchases::SoftwarePurchase {
    const QUESTION: (&'static str, &'static str) =
        ("confirm-cancel-software-title", "confirm-cancel-software-button");
    fn cancelled_message(&self) -> Msg {
        Msg::new("toast-software-cancelled").text("name", &self.product)
    }
    fn row(self, ctx: &Ctx, customer_id: String) -> Result<String, askama::Error> {
        let csrf_token = ctx.user.csrf_token.clone();
        let (l, now_ms) = (ctx.user.locale, ctx.now);
        SoftwareRow { l, customer_id, p: self, can_manage: true, now_ms, csrf_token }.render()
    }
}

/// The question before cancelling a reservation, savings plan or software purchase.
async fn cancel_purchase_question<P: PurchaseRow>(
    req: HttpRequest,
    ctx: Ctx,
    session: Session,
    state: web::Data<AppState>,
    path: web::Path<(String, String)>,
    query: web::Query<Back>,
) -> AppResult<HttpResponse> {
    let toasts = super::flash::take(&session);
    let (id, pid) = path.into_inner();
    let asked =
        state.call(&ctx, move |c, ctx| purchases::cancel_question::<P>(c, ctx, &id, &pid)).await?;
    let l = ctx.user.locale;
    let (title, button) = P::QUESTION;
    let q = Question {
        title: l.t1(title, "name", asked.item.name()),
        consequences: vec![l.t("confirm-final")],
        button: l.t(button),
        default_back: format!("/customers/{}/subscriptions", asked.customer.id),
    };
    let page = confirm::page(&req, &ctx, toasts, asked, q, query.into_inner().back);
    super::render(StatusCode::OK, page)
}

/// Cancels a reservation, savings plan or software purchase once asked; answers with the updated row (htmx)
/// or goes back to the tab (or the Account page) with a message.
async fn cancel_purchase<P: PurchaseRow>(
    req: HttpRequest,
    ctx: Ctx,
    session: Session,
    state: web::Data<AppState>,
    path: web::Path<(String, String)>,
    form: Option<web::Form<Answer>>,
) -> AppResult<HttpResponse> {
    let answer = form.map(web::Form::into_inner).unwrap_or_default();
    if !answer.given() {
        return Ok(confirm::ask_first(&req, &answer));
    }
    let back = answer.back;
    let (id, pid) = path.into_inner();
    let id2 = id.clone();
    let p = state.call(&ctx, move |c, ctx| purchases::cancel::<P>(c, ctx, &id2, &pid)).await?;
    let message = p.cancelled_message();
    if super::is_htmx_fragment_request(&req) {
        let row = p.row(&ctx, id).map_err(AppError::internal)?;
        super::fragment_with_toasts(
            StatusCode::OK,
            row,
            vec![Toast::success(message)],
            ctx.user.locale,
        )
    } else {
        super::flash::push(&session, Toast::success(message));
        let default = format!("/customers/{id}/subscriptions");
        Ok(super::see_other(&back_to(back.as_deref(), &id, default)))
    }
}

#[derive(Deserialize)]
pub struct AddonForm {
    offer_id: String,
    quantity: String,
}

async fn buy_addon(
    ctx: Ctx,
    session: Session,
    state: web::Data<AppState>,
    path: web::Path<(String, String)>,
    form: web::Form<AddonForm>,
) -> AppResult<HttpResponse> {
    let (id, sid) = path.into_inner();
    let f = form.into_inner();
    let quantity = svc::parse_quantity(&f.quantity).map_err(AppError::Unprocessable);
    let (id2, sid2) = (id.clone(), sid.clone());
    let outcome = match quantity {
        Ok(q) => {
            state
                .call(&ctx, move |c, ctx| svc::add_addon(c, ctx, &id2, &sid2, &f.offer_id, q))
                .await
        }
        Err(e) => Err(e),
    };
    match outcome {
        Ok(addon) => {
            let msg = Msg::new("toast-bought-addon")
                .num("quantity", addon.quantity)
                .text("offer", &addon.offer_name);
            super::flash::push(&session, Toast::success(msg));
            Ok(super::see_other(&format!("/customers/{id}/subscriptions/{sid}")))
        }
        Err(e @ (AppError::Conflict(_) | AppError::Unprocessable(_))) => {
            let status = actix_web::ResponseError::status_code(&e);
            let errors = PageErrors { addon: Some(e.text(ctx.user.locale)), ..Default::default() };
            super::render(status, reload_page(&state, &ctx, (id, sid), errors).await?)
        }
        Err(e) => Err(e),
    }
}

/// The question before cancelling a new-commerce subscription: the refund, its add-ons.
async fn cancel_question(
    req: HttpRequest,
    ctx: Ctx,
    session: Session,
    state: web::Data<AppState>,
    path: web::Path<(String, String)>,
    query: web::Query<Back>,
) -> AppResult<HttpResponse> {
    let toasts = super::flash::take(&session);
    let (id, sid) = path.into_inner();
    let (id2, sid2) = (id.clone(), sid.clone());
    let asked = state.call(&ctx, move |c, ctx| svc::cancel_question(c, ctx, &id2, &sid2)).await?;
    let l = ctx.user.locale;
    let mut consequences = vec![l.t("confirm-cancel-subscription-refund")];
    if asked.item.live_addons > 0 {
        let count = asked.item.live_addons;
        consequences.push(l.t1("confirm-cancel-subscription-addons", "count", count));
    }
    consequences.push(l.t("confirm-cancel-subscription-again"));
    let q = Question {
        title: l.t1("confirm-cancel-subscription-title", "name", &asked.item.sub.offer_name),
        consequences,
        button: l.t("subscription-cancel"),
        default_back: format!("/customers/{id}/subscriptions/{sid}"),
    };
    super::render(
        StatusCode::OK,
        confirm::page(&req, &ctx, toasts, asked, q, query.into_inner().back),
    )
}

async fn cancel_subscription(
    req: HttpRequest,
    ctx: Ctx,
    session: Session,
    state: web::Data<AppState>,
    path: web::Path<(String, String)>,
    form: Option<web::Form<Answer>>,
) -> AppResult<HttpResponse> {
    let answer = form.map(web::Form::into_inner).unwrap_or_default();
    if !answer.given() {
        return Ok(confirm::ask_first(&req, &answer));
    }
    let back = answer.back;
    let (id, sid) = path.into_inner();
    let (id2, sid2) = (id.clone(), sid.clone());
    let done = state.db(move |c| svc::cancel_subscription(c, &ctx, &id2, &sid2, None)).await?;
    let msg = Msg::new("toast-subscription-cancelled")
        .num("addons", (done.changed.len() - 1) as f64)
        .text("name", done.name.clone());
    super::flash::push(&session, Toast::success(msg));
    let default = format!("/customers/{id}/subscriptions/{sid}");
    Ok(super::see_other(&back_to(back.as_deref(), &id, default)))
}

#[derive(Deserialize)]
pub struct AutoRenewForm {
    /// `on` or `off`.
    auto_renew: String,
    back: Option<String>,
}

async fn set_auto_renew(
    ctx: Ctx,
    session: Session,
    state: web::Data<AppState>,
    path: web::Path<(String, String)>,
    form: web::Form<AutoRenewForm>,
) -> AppResult<HttpResponse> {
    let form = form.into_inner();
    let on = match form.auto_renew.as_str() {
        "on" => true,
        "off" => false,
        _ => return Err(AppError::Unprocessable(Msg::new("error-choose-auto-renew"))),
    };
    let (id, sid) = path.into_inner();
    let (id2, sid2) = (id.clone(), sid.clone());
    let sub =
        state.call(&ctx, move |c, ctx| svc::set_auto_renew(c, ctx, &id2, &sid2, on, None)).await?;
    let key = if on { "toast-auto-renew-on" } else { "toast-auto-renew-off" };
    let msg = Msg::new(key).text("name", &sub.offer_name).date("date", sub.commitment_end());
    super::flash::push(&session, Toast::success(msg));
    let default = format!("/customers/{id}/subscriptions/{sid}");
    Ok(super::see_other(&back_to(form.back.as_deref(), &id, default)))
}

#[derive(Deserialize)]
pub struct SupportContactForm {
    /// A partner id from the choices, or empty for none.
    contact: String,
}

async fn set_support_contact(
    ctx: Ctx,
    session: Session,
    state: web::Data<AppState>,
    path: web::Path<(String, String)>,
    form: web::Form<SupportContactForm>,
) -> AppResult<HttpResponse> {
    let (id, sid) = path.into_inner();
    let contact = form.into_inner().contact;
    let (id2, sid2) = (id.clone(), sid.clone());
    let name = state
        .db(move |c| {
            let choice = Some(contact.as_str()).filter(|c| !c.is_empty());
            svc::set_support_contact(c, &ctx, &id2, &sid2, choice)
        })
        .await?;
    let msg = match name {
        Some(n) => Msg::new("toast-support-contact-set").text("name", n),
        None => Msg::new("toast-support-contact-none"),
    };
    super::flash::push(&session, Toast::success(msg));
    Ok(super::see_other(&format!("/customers/{id}/subscriptions/{sid}")))
}
