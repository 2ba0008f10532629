//! A customer's Account tab and the removal of the reseller relationship.

use actix_session::Session;
use actix_web::http::{Method, StatusCode};
use actix_web::{HttpRequest, HttpResponse, web};

use crate::auth::permissions::Permission;
use crate::error::{AppError, AppResult};
use crate::i18n::Msg;
use crate::services::Ctx;
use crate::services::removal_approvals::{self, Closed, Outcome};
use crate::services::{customers, offboarding, receipts, removal, requests, scheduled_removal};
use crate::util::clock::{iso_date, parse_iso_datetime};
use crate::views::{
    AccountPage, CustomerHeader, Layout, Nav, OffboardingPage, ReceiptPage, RemovalRequested,
    RemoveConfirmPage, Toast,
};
use crate::web::confirm::{self, Answer, Question};
use crate::web::state::AppState;

pub fn routes(cfg: &mut web::ServiceConfig) {
    use super::add;
    add(cfg, Method::GET, "/customers/{id}/account", account);
    add(cfg, Method::GET, "/customers/{id}/remove-relationship", confirm);
    add(cfg, Method::POST, "/customers/{id}/remove-relationship", remove);
    add(cfg, Method::GET, "/customers/{id}/delegated-admin/remove", remove_dap_question);
    add(cfg, Method::POST, "/customers/{id}/delegated-admin/remove", remove_dap);
    add(cfg, Method::POST, "/customers/{id}/removal-request", request_removal);
    add(cfg, Method::GET, "/customers/{id}/offboarding", offboarding);
    add(cfg, Method::POST, "/customers/{id}/offboarding", prepare);
    add(cfg, Method::GET, "/customers/{id}/receipts/{receipt}", receipt);
    add(cfg, Method::GET, "/customers/{id}/receipts/{receipt}/evidence", evidence);
    add(cfg, Method::POST, "/customers/{id}/removal-schedule", schedule);
    add(cfg, Method::GET, "/customers/{id}/removal-schedule/cancel", confirm_cancel_schedule);
    add(cfg, Method::POST, "/customers/{id}/removal-schedule/cancel", cancel_schedule);
    add(cfg, Method::GET, "/customers/{id}/removal-approval/approve", approve_question);
    add(cfg, Method::POST, "/customers/{id}/removal-approval/approve", approve);
    add(cfg, Method::POST, "/customers/{id}/removal-approval/reject", reject);
    add(cfg, Method::POST, "/partner-settings", partner_settings);
}

async fn account(
    ctx: Ctx,
    session: Session,
    state: web::Data<AppState>,
    path: web::Path<String>,
) -> AppResult<AccountPage> {
    let toasts = super::flash::take(&session);
    let id = path.into_inner();
    let (a, schedule, approval) = state
        .call(&ctx, move |c, ctx| {
            let a = customers::account(c, ctx, &id)?;
            let approval = removal_approvals::state(c, ctx, &id)?;
            Ok((a, scheduled_removal::state(c, ctx, &id)?, approval))
        })
        .await?;
    Ok(AccountPage {
        approval,
        user_id: ctx.user.id.clone(),
        can_schedule: scheduled_removal::may_schedule(&ctx, &a.relationship),
        schedule,
        l: ctx.user.locale,
        layout: Layout::new(&ctx.user, Nav::Customers, toasts),
        can_manage: ctx.user.can(Permission::ManageSubscriptions),
        now_ms: ctx.now,
        can_remove_dap: ctx.user.can(Permission::ManageDelegatedAdmin),
        can_request: ctx.user.can(Permission::RequestRelationship),
        can_manage_gdap: ctx.user.can(Permission::ManageGdap),
        gdap: a.gdap,
        eligibility: a.eligibility,
        who_can_remove: a.who_can_remove,
        support_contacts: a.support_contacts,
        activity: a.activity.into_iter().map(Into::into).collect(),
        receipts: a.receipts,
        header: CustomerHeader::new(a.customer, a.relationship, "account"),
    })
}

async fn confirm(
    ctx: Ctx,
    session: Session,
    state: web::Data<AppState>,
    path: web::Path<String>,
) -> AppResult<RemoveConfirmPage> {
    let toasts = super::flash::take(&session);
    let id = path.into_inner();
    let (a, needs_approval) = state
        .call(&ctx, move |c, ctx| {
            Ok((customers::account(c, ctx, &id)?, removal_approvals::required(c, ctx)?))
        })
        .await?;
    // Nobody is shown a confirmation they cannot confirm: say who can.
    if !ctx.user.can(Permission::RemoveRelationship) {
        let names = a.who_can_remove.join(", ");
        return Err(AppError::Forbidden(Msg::new("denied-remove-ask").text("names", names)));
    }
    Ok(RemoveConfirmPage {
        l: ctx.user.locale,
        layout: Layout::new(&ctx.user, Nav::Customers, toasts),
        live_gdap: a.live_gdap(),
        eligibility: a.eligibility,
        needs_approval,
        support_contact_count: a.support_contacts.len(),
        header: CustomerHeader::new(a.customer, a.relationship, "account"),
    })
}

/// The removal confirmation's form. Its box "also terminate these GDAP relationships" is
/// checked by default; a form that did not offer it (no active GDAP when the page was shown)
/// terminates any that became active since, as the checked box would.
#[derive(Debug, Default, serde::Deserialize)]
pub struct RemoveForm {
    #[serde(default)]
    terminate_gdap: String,
    #[serde(default)]
    gdap_offered: String,
}

impl RemoveForm {
    fn terminate_gdap(&self) -> bool {
        self.terminate_gdap == "yes" || self.gdap_offered != "yes"
    }
}

async fn remove(
    ctx: Ctx,
    session: Session,
    state: web::Data<AppState>,
    path: web::Path<String>,
    form: Option<web::Form<RemoveForm>>,
) -> AppResult<HttpResponse> {
    let terminate_gdap = form.map(|f| f.terminate_gdap()).unwrap_or(true);
    let id = path.into_inner();
    let customer_id = id.clone();
    let links = state.config.public_url.clone();
    let (name, outcome) = state
        .call(&ctx, move |c, ctx| {
            let (customer, _) = customers::find(c, ctx, &id)?;
            let outcome =
                removal_approvals::remove_or_request(c, ctx, &links, &id, terminate_gdap)?;
            Ok((customer.company_name, outcome))
        })
        .await?;
    let enc = crate::util::urls::urlencode;
    let removed = match outcome {
        Outcome::Removed(removed) => removed,
        Outcome::Requested(w) => {
            let msg =
                Msg::new("toast-approval-requested").text("name", name).date("date", w.expires_at);
            super::flash::push(&session, Toast::success(msg));
            return Ok(super::see_other(&format!("/customers/{}/account", enc(&customer_id))));
        }
    };
    let msg = Msg::new("toast-relationship-removed")
        .text("name", name)
        .num("dap", if removed.delegated_admin_revoked { 1.0 } else { 0.0 })
        .num("contacts", removed.support_contacts_removed as f64);
    super::flash::push(&session, Toast::success(msg));
    Ok(super::see_other(&format!(
        "/customers/{}/receipts/{}",
        enc(&customer_id),
        removed.receipt_id
    )))
}

async fn receipt(
    ctx: Ctx,
    session: Session,
    state: web::Data<AppState>,
    path: web::Path<(String, String)>,
) -> AppResult<ReceiptPage> {
    let toasts = super::flash::take(&session);
    let (id, rid) = path.into_inner();
    let (shown, customer, relationship) = state
        .call(&ctx, move |c, ctx| {
            let shown = receipts::find(c, ctx, &id, &rid)?;
            let (customer, relationship) = customers::find(c, ctx, &id)?;
            Ok((shown, customer, relationship))
        })
        .await?;
    let r = shown.receipt;
    let removed_at_ms = parse_iso_datetime(&r.removed_at).unwrap_or_default();
    let first = r.changes.first().and_then(|ch| parse_iso_datetime(&ch.at));
    Ok(ReceiptPage {
        l: ctx.user.locale,
        layout: Layout::new(&ctx.user, Nav::Customers, toasts),
        header: CustomerHeader::new(customer, relationship, "account"),
        key_id: shown.key_id,
        changes: shown.records.into_iter().map(Into::into).collect(),
        from_date: iso_date(first.unwrap_or(removed_at_ms)),
        to_date: iso_date(removed_at_ms),
        removed_at_ms,
        billing_ends: r
            .subscriptions
            .iter()
            .map(|s| s.billing_end.as_deref().and_then(parse_iso_datetime))
            .collect(),
        can_request: ctx.user.can(Permission::RequestRelationship),
        receipt: r,
    })
}

/// The receipt's signed evidence file, byte for byte as it was written.
async fn evidence(
    ctx: Ctx,
    state: web::Data<AppState>,
    path: web::Path<(String, String)>,
) -> AppResult<HttpResponse> {
    let (id, rid) = path.into_inner();
    let shown = state.call(&ctx, move |c, ctx| receipts::find(c, ctx, &id, &rid)).await?;
    let name = format!("removal-receipt-{}.json", shown.receipt.receipt_id);
    Ok(HttpResponse::Ok()
        .content_type("application/json")
        .insert_header((
            actix_web::http::header::CONTENT_DISPOSITION,
            format!("attachment; filename=\"{name}\""),
        ))
        .body(shown.evidence))
}

/// The question before removing delegated admin privileges.
async fn remove_dap_question(
    req: HttpRequest,
    ctx: Ctx,
    session: Session,
    state: web::Data<AppState>,
    path: web::Path<String>,
) -> AppResult<HttpResponse> {
    let toasts = super::flash::take(&session);
    let id = path.into_inner();
    let asked = state.call(&ctx, move |c, ctx| requests::remove_dap_question(c, ctx, &id)).await?;
    let l = ctx.user.locale;
    let q = Question {
        title: l.t1("confirm-remove-dap-title", "name", &asked.customer.company_name),
        consequences: vec![
            l.t("confirm-remove-dap-access"),
            l.t("confirm-remove-dap-stays"),
            l.t("confirm-remove-dap-again"),
        ],
        button: l.t("account-dap-remove"),
        default_back: format!("/customers/{}/account", asked.customer.id),
    };
    super::render(StatusCode::OK, confirm::page(&req, &ctx, toasts, asked, q, None))
}

async fn remove_dap(
    req: HttpRequest,
    ctx: Ctx,
    session: Session,
    state: web::Data<AppState>,
    path: web::Path<String>,
    form: Option<web::Form<Answer>>,
) -> AppResult<HttpResponse> {
    let answer = form.map(web::Form::into_inner).unwrap_or_default();
    if !answer.given() {
        return Ok(confirm::ask_first(&req, &answer));
    }
    let id = path.into_inner();
    let id2 = id.clone();
    state.call(&ctx, move |c, ctx| requests::remove_dap(c, ctx, &id2)).await?;
    super::flash::push(&session, Toast::success(Msg::new("toast-dap-removed")));
    Ok(super::see_other(&format!("/customers/{id}/account")))
}

/// Asks the partner's Global admins by e-mail to remove the relationship. With htmx the form
/// gives way to a sentence naming them; without, the Account page says it in a toast.
async fn request_removal(
    req: HttpRequest,
    ctx: Ctx,
    session: Session,
    state: web::Data<AppState>,
    path: web::Path<String>,
) -> AppResult<HttpResponse> {
    let id = path.into_inner();
    let id2 = id.clone();
    let links = state.config.public_url.clone();
    let names = state.call(&ctx, move |c, ctx| removal::request(c, ctx, &links, &id2)).await?;
    if super::is_htmx_fragment_request(&req) {
        let fragment = RemovalRequested { l: ctx.user.locale, names };
        return super::render(StatusCode::OK, fragment);
    }
    let msg = Msg::new("toast-removal-requested").text("names", names.join(", "));
    super::flash::push(&session, Toast::success(msg));
    Ok(super::see_other(&format!("/customers/{}/account", crate::util::urls::urlencode(&id))))
}

fn offboarding_page(
    ctx: &Ctx,
    o: offboarding::Preview,
    toasts: Vec<Toast>,
    error: Option<String>,
) -> OffboardingPage {
    OffboardingPage {
        l: ctx.user.locale,
        layout: Layout::new(&ctx.user, Nav::Customers, toasts),
        can_manage: ctx.user.can(Permission::ManageSubscriptions) && o.relationship.is_reseller(),
        plan: o.plan,
        error,
        header: CustomerHeader::new(o.customer, o.relationship, "account"),
    }
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
    let preview = state.call(&ctx, move |c, ctx| offboarding::preview(c, ctx, &id)).await?;
    Ok(offboarding_page(&ctx, preview, toasts, None))
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
    let id2 = id.clone();
    match state.call(&ctx, move |c, ctx| offboarding::execute(c, ctx, &id2, &previewed)).await {
        Ok(done) => {
            let msg = Msg::new("toast-offboarding-done")
                .num("subscriptions", done.suspend.len() as f64)
                .num("reservations", done.cancel_reservations.len() as f64)
                .num("savings_plans", done.cancel_savings_plans.len() as f64)
                .num("software", done.cancel_software.len() as f64)
                .num("stuck", done.stuck_software.len() as f64);
            super::flash::push(&session, Toast::success(msg));
            let (cancelled, renewals) =
                (done.cancel_subscriptions.len(), done.turn_off_auto_renew.len());
            if cancelled + renewals > 0 {
                let msg = Msg::new("toast-offboarding-commerce")
                    .num("cancelled", cancelled as f64)
                    .num("renewals", renewals as f64);
                super::flash::push(&session, Toast::success(msg));
            }
            Ok(super::see_other(&format!("/customers/{id}/account")))
        }
        Err(AppError::Conflict(msg)) => {
            let preview = state.call(&ctx, move |c, ctx| offboarding::preview(c, ctx, &id)).await?;
            let error = Some(ctx.user.locale.msg(&msg));
            super::render(StatusCode::CONFLICT, offboarding_page(&ctx, preview, Vec::new(), error))
        }
        Err(e) => Err(e),
    }
}

#[derive(serde::Deserialize)]
pub struct ScheduleForm {
    #[serde(default)]
    date: String,
}

/// Schedules the removal for the chosen date; a date too early or in the past is a 422, a
/// second schedule a 409, each with its sentence.
async fn schedule(
    ctx: Ctx,
    session: Session,
    state: web::Data<AppState>,
    path: web::Path<String>,
    form: web::Form<ScheduleForm>,
) -> AppResult<HttpResponse> {
    let id = path.into_inner();
    let date = form.into_inner().date;
    let id2 = id.clone();
    let links = state.config.public_url.clone();
    let run_at = state
        .call(&ctx, move |c, ctx| {
            customers::find(c, ctx, &id2)?;
            scheduled_removal::schedule(c, ctx, &links, &id2, &date)
        })
        .await?;
    let msg = Msg::new("toast-removal-scheduled").date("date", run_at);
    super::flash::push(&session, Toast::success(msg));
    Ok(super::see_other(&format!("/customers/{}/account", crate::util::urls::urlencode(&id))))
}

/// The question before a scheduled removal is cancelled.
async fn confirm_cancel_schedule(
    req: HttpRequest,
    ctx: Ctx,
    session: Session,
    state: web::Data<AppState>,
    path: web::Path<String>,
) -> AppResult<HttpResponse> {
    let toasts = super::flash::take(&session);
    let id = path.into_inner();
    let asked = state
        .call(&ctx, move |c, ctx| {
            let (customer, relationship) = customers::find(c, ctx, &id)?;
            let item = scheduled_removal::pending(c, ctx, &id)?;
            Ok(customers::Confirmable { customer, relationship, item })
        })
        .await?;
    let l = ctx.user.locale;
    let (date, by) = (l.date(asked.item.run_at), asked.item.by.as_str());
    let q = Question {
        title: l.t1("schedule-cancel-title", "name", &asked.customer.company_name),
        consequences: vec![
            l.t2("schedule-pending", "date", date, "name", by),
            l.t("schedule-cancel-hint"),
        ],
        button: l.t("schedule-cancel"),
        default_back: format!("/customers/{}/account", asked.customer.id),
    };
    super::render(StatusCode::OK, confirm::page(&req, &ctx, toasts, asked, q, None))
}

async fn cancel_schedule(
    req: HttpRequest,
    ctx: Ctx,
    session: Session,
    state: web::Data<AppState>,
    path: web::Path<String>,
    form: Option<web::Form<Answer>>,
) -> AppResult<HttpResponse> {
    let answer = form.map(web::Form::into_inner).unwrap_or_default();
    if !answer.given() {
        return Ok(confirm::ask_first(&req, &answer));
    }
    let id = path.into_inner();
    let id2 = id.clone();
    let links = state.config.public_url.clone();
    state
        .call(&ctx, move |c, ctx| {
            customers::find(c, ctx, &id2)?;
            scheduled_removal::cancel(c, ctx, &links, &id2)
        })
        .await?;
    super::flash::push(&session, Toast::success(Msg::new("toast-removal-schedule-cancelled")));
    Ok(super::see_other(&format!("/customers/{}/account", crate::util::urls::urlencode(&id))))
}

/// The question before approving another Global admin's request to remove: who asked, when,
/// and the four consequences of the removal.
async fn approve_question(
    req: HttpRequest,
    ctx: Ctx,
    session: Session,
    state: web::Data<AppState>,
    path: web::Path<String>,
) -> AppResult<HttpResponse> {
    let toasts = super::flash::take(&session);
    let id = path.into_inner();
    let (asked, contacts) = state
        .call(&ctx, move |c, ctx| {
            let asked = removal_approvals::approve_question(c, ctx, &id)?;
            Ok((asked, customers::account(c, ctx, &id)?.support_contacts.len()))
        })
        .await?;
    let l = ctx.user.locale;
    let name = asked.customer.company_name.as_str();
    let w = &asked.item;
    let mut contacts_line = l.t1("remove-consequence-contacts", "partner", &ctx.user.partner.name);
    if contacts > 0 {
        contacts_line = format!(
            "{contacts_line} {}",
            l.t1("remove-consequence-designations", "count", contacts)
        );
    }
    let dap = if asked.relationship.allow_delegated_access {
        l.t("remove-consequence-dap")
    } else {
        l.t("remove-consequence-dap-not-granted")
    };
    let q = Question {
        title: l.t1("approval-question-title", "name", name),
        consequences: vec![
            l.t2(
                "approval-question-asked",
                "name",
                &w.requested_by,
                "date",
                l.datetime(w.requested_at),
            ),
            l.t1("remove-consequence-list", "name", name),
            contacts_line,
            dap,
            l.t("remove-consequence-purchases"),
        ],
        button: l.t("approval-approve"),
        default_back: format!("/customers/{}/account", asked.customer.id),
    };
    super::render(StatusCode::OK, confirm::page(&req, &ctx, toasts, asked, q, None))
}

/// Approves the waiting request: the removal, as the approver, with the requester named.
async fn approve(
    req: HttpRequest,
    ctx: Ctx,
    session: Session,
    state: web::Data<AppState>,
    path: web::Path<String>,
    form: Option<web::Form<Answer>>,
) -> AppResult<HttpResponse> {
    let answer = form.map(web::Form::into_inner).unwrap_or_default();
    if !answer.given() {
        return Ok(confirm::ask_first(&req, &answer));
    }
    let id = path.into_inner();
    let id2 = id.clone();
    let links = state.config.public_url.clone();
    let (name, removed) = state
        .call(&ctx, move |c, ctx| {
            let (customer, _) = customers::find_as(c, ctx, &id2, Permission::RemoveRelationship)?;
            Ok((customer.company_name, removal_approvals::approve(c, ctx, &links, &id2)?))
        })
        .await?;
    let msg = Msg::new("toast-relationship-removed")
        .text("name", name)
        .num("dap", if removed.delegated_admin_revoked { 1.0 } else { 0.0 })
        .num("contacts", removed.support_contacts_removed as f64);
    super::flash::push(&session, Toast::success(msg));
    let enc = crate::util::urls::urlencode;
    Ok(super::see_other(&format!("/customers/{}/receipts/{}", enc(&id), removed.receipt_id)))
}

#[derive(serde::Deserialize)]
pub struct RejectForm {
    #[serde(default)]
    reason: String,
}

/// Rejects the waiting request (another Global admin) or withdraws it (the requester).
async fn reject(
    ctx: Ctx,
    session: Session,
    state: web::Data<AppState>,
    path: web::Path<String>,
    form: web::Form<RejectForm>,
) -> AppResult<HttpResponse> {
    let id = path.into_inner();
    let id2 = id.clone();
    let reason = form.into_inner().reason;
    let closed = state
        .call(&ctx, move |c, ctx| {
            customers::find_as(c, ctx, &id2, Permission::RemoveRelationship)?;
            removal_approvals::reject(c, ctx, &id2, Some(&reason))
        })
        .await?;
    let key = match closed {
        Closed::Rejected => "toast-approval-rejected",
        Closed::Withdrawn => "toast-approval-withdrawn",
    };
    super::flash::push(&session, Toast::success(Msg::new(key)));
    Ok(super::see_other(&format!("/customers/{}/account", crate::util::urls::urlencode(&id))))
}

#[derive(serde::Deserialize)]
pub struct SettingsForm {
    /// `on` to ask a second Global admin before a removal; anything else turns it off.
    #[serde(default)]
    second_approval: String,
}

/// The partner's settings (Global admins): today, whether a removal needs a second Global admin.
async fn partner_settings(
    ctx: Ctx,
    session: Session,
    state: web::Data<AppState>,
    form: web::Form<SettingsForm>,
) -> AppResult<HttpResponse> {
    let on = match form.into_inner().second_approval.as_str() {
        "on" => true,
        "off" | "" => false,
        _ => return Err(AppError::BadRequest(Msg::new("error-form-malformed"))),
    };
    state.call(&ctx, move |c, ctx| removal_approvals::set_required(c, ctx, on)).await?;
    super::flash::push(&session, Toast::success(Msg::new("toast-partner-settings-saved")));
    Ok(super::see_other("/users"))
}
