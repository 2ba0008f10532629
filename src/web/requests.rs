//! Relationship requests: the partner's side (create, list, extend, resend, revoke) and the
//! customer admin's public invitation page.

use actix_session::Session;
use actix_web::http::{Method, StatusCode};
use actix_web::{HttpRequest, HttpResponse, web};
use serde::{Deserialize, Serialize};

use crate::auth::CurrentAdmin;
use crate::auth::permissions::Permission;
use crate::error::{AppError, AppResult};
use crate::i18n::{Locale, Msg};
use crate::services::Ctx;
use crate::services::requests::{
    self as svc, Acceptance, Acceptor, Created, Invitee, Recipient, VALIDITY_DAYS,
};
use crate::services::tenant::{self, FirstAdminForm};
use crate::util::clock::now_ms;
use crate::util::urls::urlencode;
use crate::views::{
    AcceptGate, InvitationPage, Layout, Nav, NewInvitation, RequestForm, RequestsPage, Toast,
};
use crate::web::state::AppState;

pub fn routes(cfg: &mut web::ServiceConfig) {
    use super::add;
    add(cfg, Method::GET, "/relationship-requests", list);
    add(cfg, Method::POST, "/relationship-requests", create);
    add(cfg, Method::POST, "/relationship-requests/{rqid}/revoke", revoke);
    add(cfg, Method::POST, "/relationship-requests/{rqid}/extend", extend);
    add(cfg, Method::POST, "/relationship-requests/{rqid}/resend", resend);
    add(cfg, Method::GET, "/invitations/{token}", invitation);
    add(cfg, Method::POST, "/invitations/{token}", accept);
}

/// The invitation text a partner sends to the customer's admin, in the partner user's language.
fn draft_message(l: Locale, partner: &str, link: &str, with_dap: bool, expires: i64) -> String {
    l.msg(
        Msg::new("invitation-draft")
            .text("partner", partner)
            .text("link", link)
            .date("expires", expires)
            .text("dap", if with_dap { "yes" } else { "no" }),
    )
}

#[derive(Deserialize)]
pub struct ListQuery {
    /// A former customer to choose in the form (the link of its Account page).
    customer: Option<String>,
}

async fn list(
    ctx: Ctx,
    session: Session,
    state: web::Data<AppState>,
    query: web::Query<ListQuery>,
) -> AppResult<RequestsPage> {
    ctx.user.require(Permission::RequestRelationship)?;
    let toasts = super::flash::take(&session);
    let chosen = query.into_inner().customer.filter(|c| !c.is_empty());
    page(&state, ctx, toasts, chosen, None, RequestForm::default()).await
}

/// The requests page: the form (with `chosen` preselected), the list, and the new invitation
/// just created, if any.
async fn page(
    state: &AppState,
    ctx: Ctx,
    toasts: Vec<Toast>,
    chosen: Option<String>,
    new_invitation: Option<NewInvitation>,
    form: RequestForm,
) -> AppResult<RequestsPage> {
    let wanted = chosen.clone();
    let (requests, former) = state
        .call(&ctx, move |c, ctx| {
            Ok((svc::list(c, ctx)?, svc::former_customers(c, ctx, wanted.as_deref())?))
        })
        .await?;
    let chosen = chosen.filter(|id| former.iter().any(|f| &f.id == id));
    Ok(RequestsPage {
        l: ctx.user.locale,
        layout: Layout::new(&ctx.user, Nav::Customers, toasts),
        requests,
        former,
        chosen,
        new_invitation,
        form,
        now_ms: now_ms(),
        validity_days: VALIDITY_DAYS,
    })
}

#[derive(Deserialize)]
pub struct CreateForm {
    delegated_admin: Option<String>,
    /// `new` (or nothing): a new customer; otherwise the id of a former customer.
    customer: Option<String>,
    /// The new customer's name (an invitation for a former customer names it already).
    recipient_name: Option<String>,
    /// The admin's address the invitation is sent to.
    recipient_email: Option<String>,
}

async fn create(
    ctx: Ctx,
    state: web::Data<AppState>,
    form: web::Form<CreateForm>,
) -> AppResult<HttpResponse> {
    let with_dap = match form.delegated_admin.as_deref() {
        None | Some("") | Some("off") => false,
        Some("on") | Some("yes") | Some("true") => true,
        Some(_) => {
            return Err(AppError::BadRequest(Msg::new("error-choose-dap")));
        }
    };
    let invitee = match form.customer.as_deref() {
        None | Some("") | Some("new") => Invitee::NewCustomer,
        Some(id) => Invitee::Existing(id.to_owned()),
    };
    let form = form.into_inner();
    let recipient = Recipient {
        name: form.recipient_name.unwrap_or_default(),
        email: form.recipient_email.unwrap_or_default(),
    };
    let chosen = match &invitee {
        Invitee::Existing(id) => Some(id.clone()),
        Invitee::NewCustomer => None,
    };
    let typed = recipient.clone();
    match state
        .call(&ctx, move |c, ctx| svc::create(c, ctx, with_dap, &invitee, Some(&recipient)))
        .await
    {
        Ok(created) => show_once(&state, ctx, created, false).await,
        // A recipient that is missing or malformed: the form again, as typed, with the sentence.
        Err(AppError::Unprocessable(msg)) => {
            let about_name = msg.key == "error-request-recipient-name";
            let form = RequestForm {
                recipient_name: typed.name,
                recipient_email: typed.email,
                with_dap,
                error: Some((ctx.user.locale.msg(&msg), about_name)),
            };
            let page = page(&state, ctx, Vec::new(), chosen, None, form).await?;
            super::render(StatusCode::UNPROCESSABLE_ENTITY, page)
        }
        Err(e) => Err(e),
    }
}

/// The requests page with a request's link and message, shown once, in this answer: the token
/// is stored nowhere, not even in the session.
async fn show_once(
    state: &AppState,
    ctx: Ctx,
    created: Created,
    resent: bool,
) -> AppResult<HttpResponse> {
    // On the public URL: the request's Host and forwarded headers are the client's to choose.
    let link = state.config.public_url.link(&format!("/invitations/{}", created.token));
    let with_dap = created.request.with_dap;
    let expires = created.request.expires_at;
    let invitation = NewInvitation {
        message: draft_message(ctx.user.locale, &ctx.user.partner.name, &link, with_dap, expires),
        link,
        with_dap,
        recipient_email: created.request.recipient_email,
        resent,
    };
    let page = page(state, ctx, Vec::new(), None, Some(invitation), RequestForm::default()).await?;
    super::render(StatusCode::OK, page)
}

/// Gives a pending request 30 more days from now; its link stays the same.
async fn extend(
    ctx: Ctx,
    session: Session,
    state: web::Data<AppState>,
    path: web::Path<String>,
) -> AppResult<HttpResponse> {
    let id = path.into_inner();
    let until = state.db(move |c| svc::extend(c, &ctx, &id)).await?;
    super::flash::push(
        &session,
        Toast::success(Msg::new("toast-request-extended").date("date", until)),
    );
    Ok(super::see_other("/relationship-requests"))
}

/// A new link for a pending request (the old one stops working), shown once like a new one.
async fn resend(
    ctx: Ctx,
    state: web::Data<AppState>,
    path: web::Path<String>,
) -> AppResult<HttpResponse> {
    let id = path.into_inner();
    let created = state.call(&ctx, move |c, ctx| svc::resend(c, ctx, &id)).await?;
    show_once(&state, ctx, created, true).await
}

async fn revoke(
    ctx: Ctx,
    session: Session,
    state: web::Data<AppState>,
    path: web::Path<String>,
) -> AppResult<HttpResponse> {
    let id = path.into_inner();
    state.db(move |c| svc::revoke(c, &ctx, &id)).await?;
    super::flash::push(&session, Toast::success(Msg::new("toast-request-revoked")));
    Ok(super::see_other("/relationship-requests"))
}

/// Who is on an invitation's page, for an invitation naming `customer_id` (`None`: a new
/// customer, whose first admin fills in the form).
fn gate(token: &str, customer_id: Option<&str>, admin: Option<&CurrentAdmin>) -> AcceptGate {
    match (customer_id, admin) {
        (None, _) => AcceptGate::Open,
        (Some(id), Some(a)) if a.customer_id() == id => AcceptGate::Open,
        (Some(_), Some(_)) => AcceptGate::OtherCustomer,
        (Some(_), None) => {
            let next = format!("/invitations/{token}");
            AcceptGate::SignIn(format!("/tenant/signin?next={}", urlencode(&next)))
        }
    }
}

/// The closed page for an invitation that cannot be used (unknown: 404; closed: 409 with why).
fn closed_page(l: Locale, e: AppError) -> AppResult<HttpResponse> {
    let text =
        if matches!(e, AppError::NotFound) { l.t("invitation-link-invalid") } else { e.text(l) };
    super::render(actix_web::ResponseError::status_code(&e), InvitationPage::closed(l, text))
}

/// The public page a customer's admin opens from the invitation. One naming its customer is
/// accepted by a signed-in admin of that customer: signed out, the page links to the tenant
/// door; another customer's admin gets a 403 with the sentence.
async fn invitation(
    http: HttpRequest,
    state: web::Data<AppState>,
    path: web::Path<String>,
    admin: Option<CurrentAdmin>,
) -> AppResult<HttpResponse> {
    let l = crate::web::request::locale_of(&http);
    let token = path.into_inner();
    let t = token.clone();
    match state.db(move |c| svc::open_invitation(c, &t)).await {
        Ok(inv) => {
            let gate = gate(&token, inv.request.invited_customer_id.as_deref(), admin.as_ref());
            let status = if gate == AcceptGate::OtherCustomer {
                StatusCode::FORBIDDEN
            } else {
                StatusCode::OK
            };
            let page = InvitationPage::open(l, token, inv, Acceptance::default(), None);
            super::render(status, page.gated(gate, Default::default()))
        }
        Err(e @ (AppError::Conflict(_) | AppError::NotFound)) => closed_page(l, e),
        Err(e) => Err(e),
    }
}

/// The invitation form as posted. Every field is optional: the page of an invitation that names
/// its customer has none.
#[derive(Deserialize, Serialize)]
pub struct AcceptForm {
    primary_domain: Option<String>,
    company_name: Option<String>,
    country: Option<String>,
    admin_name: Option<String>,
    admin_email: Option<String>,
    admin_password: Option<String>,
    admin_password_confirm: Option<String>,
}

async fn accept(
    req: HttpRequest,
    state: web::Data<AppState>,
    path: web::Path<String>,
    form: web::Form<AcceptForm>,
    admin: Option<CurrentAdmin>,
) -> AppResult<HttpResponse> {
    let l = crate::web::request::locale_of(&req);
    let token = path.into_inner();
    let f = form.into_inner();
    let acceptance = Acceptance {
        primary_domain: f.primary_domain.unwrap_or_default(),
        company_name: f.company_name.unwrap_or_default(),
        country: f.country.unwrap_or_default(),
    };
    let first = FirstAdminForm {
        display_name: f.admin_name.unwrap_or_default(),
        email: f.admin_email.unwrap_or_default(),
        password: f.admin_password.unwrap_or_default(),
        confirm_password: f.admin_password_confirm.unwrap_or_default(),
    };
    let typed = (first.display_name.clone(), first.email.clone());
    let t = token.clone();
    let inv = match state.db(move |c| svc::open_invitation(c, &t)).await {
        Ok(inv) => inv,
        Err(e @ (AppError::Conflict(_) | AppError::NotFound)) => return closed_page(l, e),
        Err(e) => return Err(e),
    };
    let named = inv.request.invited_customer_id.clone();
    let who = match (named.as_deref(), admin) {
        (Some(_), None) => {
            let AcceptGate::SignIn(href) = gate(&token, named.as_deref(), None) else {
                return Err(AppError::NotFound);
            };
            return Ok(super::see_other(&href));
        }
        (Some(_), Some(a)) => Acceptor::Admin(Box::new(a)),
        (None, _) => {
            let (f2, a2) = (first.clone(), acceptance.clone());
            let checked = state
                .db(move |c| {
                    svc::check_new_customer(c, &a2)?;
                    tenant::check_first_admin(c, &f2, a2.company_name.trim())
                })
                .await;
            match checked {
                Ok(()) => Acceptor::FirstAdmin {
                    password_hash: state.hasher.hash(first.password).await?,
                    display_name: first.display_name,
                    email: first.email,
                },
                Err(e @ (AppError::Unprocessable(_) | AppError::Conflict(_))) => {
                    let status = actix_web::ResponseError::status_code(&e);
                    let page = InvitationPage::open(l, token, inv, acceptance, Some(e.text(l)));
                    return super::render(status, page.gated(AcceptGate::Open, typed));
                }
                Err(e) => return Err(e),
            }
        }
    };
    let request_id = super::request_id_of(&req);
    let (t, a) = (token.clone(), acceptance.clone());
    let result = state.db(move |c| svc::accept(c, &t, &who, &a, &request_id)).await;
    match result {
        Ok(done) => super::render(StatusCode::OK, InvitationPage::accepted(l, done)),
        Err(e @ (AppError::Unprocessable(_) | AppError::Conflict(_) | AppError::Forbidden(_))) => {
            // While the link is open, the form again, with what was typed and the message;
            // a link that closed meanwhile shows why.
            let status = actix_web::ResponseError::status_code(&e);
            let t = token.clone();
            match state.db(move |c| svc::open_invitation(c, &t)).await {
                Ok(inv) => {
                    let gate = if matches!(e, AppError::Forbidden(_)) {
                        AcceptGate::OtherCustomer
                    } else {
                        AcceptGate::Open
                    };
                    let page = InvitationPage::open(l, token, inv, acceptance, Some(e.text(l)));
                    super::render(status, page.gated(gate, typed))
                }
                Err(_) => super::render(status, InvitationPage::closed(l, e.text(l))),
            }
        }
        Err(e @ AppError::NotFound) => super::render(
            actix_web::ResponseError::status_code(&e),
            InvitationPage::closed(l, e.text(l)),
        ),
        Err(e) => Err(e),
    }
}
