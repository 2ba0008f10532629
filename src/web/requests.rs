//! Relationship requests: the partner's side (create, list, extend, resend, revoke) and the
//! customer admin's public invitation page.

use actix_session::Session;
use actix_web::http::{Method, StatusCode};
use actix_web::{HttpRequest, HttpResponse, web};
use serde::{Deserialize, Serialize};

use crate::auth::permissions::Permission;
use crate::error::{AppError, AppResult};
use crate::i18n::{Locale, Msg};
use crate::services::Ctx;
use crate::services::requests::{
    self as svc, Acceptance, Acceptor, Created, Invitee, Recipient, VALIDITY_DAYS,
};
use crate::util::clock::now_ms;
use crate::views::{InvitationPage, Layout, Nav, NewInvitation, RequestForm, RequestsPage, Toast};
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

/// The public page a customer's admin opens from the invitation.
async fn invitation(
    http: HttpRequest,
    state: web::Data<AppState>,
    path: web::Path<String>,
) -> AppResult<HttpResponse> {
    let l = crate::web::request::locale_of(&http);
    let token = path.into_inner();
    let t = token.clone();
    match state.db(move |c| svc::open_invitation(c, &t)).await {
        Ok(inv) => super::render(
            StatusCode::OK,
            InvitationPage::open(l, token, inv, Acceptance::default(), None),
        ),
        Err(e @ (AppError::Conflict(_) | AppError::NotFound)) => super::render(
            actix_web::ResponseError::status_code(&e),
            InvitationPage::closed(
                l,
                if matches!(e, AppError::NotFound) {
                    l.t("invitation-link-invalid")
                } else {
                    e.text(l)
                },
            ),
        ),
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
}

async fn accept(
    req: HttpRequest,
    state: web::Data<AppState>,
    path: web::Path<String>,
    form: web::Form<AcceptForm>,
) -> AppResult<HttpResponse> {
    let l = crate::web::request::locale_of(&req);
    let token = path.into_inner();
    let f = form.into_inner();
    let acceptance = Acceptance {
        primary_domain: f.primary_domain.unwrap_or_default(),
        company_name: f.company_name.unwrap_or_default(),
        country: f.country.unwrap_or_default(),
    };
    let request_id = super::request_id_of(&req);
    let (t, a) = (token.clone(), acceptance.clone());
    let result =
        state.db(move |c| svc::accept(c, &t, &Acceptor::LinkHolder, &a, &request_id)).await;
    match result {
        Ok(done) => super::render(StatusCode::OK, InvitationPage::accepted(l, done)),
        Err(e @ (AppError::Unprocessable(_) | AppError::Conflict(_))) => {
            // While the link is open, the form again, with what was typed and the message;
            // a link that closed meanwhile shows why.
            let status = actix_web::ResponseError::status_code(&e);
            let t = token.clone();
            match state.db(move |c| svc::open_invitation(c, &t)).await {
                Ok(inv) => super::render(
                    status,
                    InvitationPage::open(l, token, inv, acceptance, Some(e.text(l))),
                ),
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
