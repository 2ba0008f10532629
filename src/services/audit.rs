//! Writing audit records. Callers pass the connection of their own transaction, so the record
//! commits or rolls back with the change it describes.

use diesel::QueryResult;

use crate::auth::CurrentUser;
use crate::db::AnyConnection;
use crate::i18n::Msg;
use crate::models::audit::{self as rows, AuditRecord};
use crate::models::user::{self, User};
use crate::services::Ctx;
use crate::util::{clock::now_ms, tokens::new_id};

pub mod op {
    pub const REMOVE_RELATIONSHIP: &str = "remove_partner_customer_relationship";
    pub const UPDATE_SUBSCRIPTION: &str = "update_subscription";
    pub const CREATE_SUBSCRIPTION: &str = "create_subscription";
    pub const CANCEL_RESERVATION: &str = "cancel_reservation";
    pub const CANCEL_SOFTWARE_PURCHASE: &str = "cancel_software_purchase";
    pub const CANCEL_SAVINGS_PLAN: &str = "cancel_savings_plan";
    pub const LOGIN_SUCCEEDED: &str = "login_succeeded";
    pub const LOGIN_FAILED: &str = "login_failed";
    pub const LOGOUT: &str = "logout";
    pub const AUTHZ_DENIED: &str = "authz_denied";
    pub const CSRF_REJECTED: &str = "csrf_rejected";
    pub const CREATE_RELATIONSHIP_REQUEST: &str = "create_relationship_request";
    pub const REVOKE_RELATIONSHIP_REQUEST: &str = "revoke_relationship_request";
    pub const EXTEND_RELATIONSHIP_REQUEST: &str = "extend_relationship_request";
    pub const RESEND_RELATIONSHIP_REQUEST: &str = "resend_relationship_request";
    pub const ACCEPT_RELATIONSHIP_REQUEST: &str = "accept_relationship_request";
    pub const REMOVE_DELEGATED_ADMIN: &str = "remove_delegated_admin";
    pub const UPDATE_SUPPORT_CONTACT: &str = "update_support_contact";
    pub const CHANGE_PASSWORD: &str = "change_password";
    pub const CREATE_USER: &str = "create_user";
    pub const UPDATE_USER_ROLES: &str = "update_user_roles";
    pub const DISABLE_USER: &str = "disable_user";
    pub const ENABLE_USER: &str = "enable_user";
    pub const RESET_PASSWORD: &str = "reset_password";
    pub const UPDATE_USER_LOCALE: &str = "update_user_locale";
    pub const ENROL_SECOND_STEP: &str = "enrol_second_step";
    pub const RESET_SECOND_STEP: &str = "reset_second_step";
    pub const RETENTION_CLEANUP: &str = "retention_cleanup";
    pub const PRUNE_AUDIT: &str = "prune_audit";
    pub const CREATE_API_KEY: &str = "create_api_key";
    pub const REVOKE_API_KEY: &str = "revoke_api_key";
    pub const REQUEST_REMOVAL: &str = "request_removal";
    pub const SCHEDULE_REMOVAL: &str = "schedule_removal";
    pub const CANCEL_REMOVAL_SCHEDULE: &str = "cancel_removal_schedule";
    pub const RUN_SCHEDULED_REMOVAL: &str = "run_scheduled_removal";
    pub const UPDATE_PARTNER_SETTINGS: &str = "update_partner_settings";
    pub const REQUEST_REMOVAL_APPROVAL: &str = "request_removal_approval";
    pub const APPROVE_REMOVAL: &str = "approve_removal";
    pub const REJECT_REMOVAL: &str = "reject_removal";
    pub const WITHDRAW_REMOVAL_APPROVAL: &str = "withdraw_removal_approval";
    pub const CREATE_GDAP_RELATIONSHIP: &str = "create_granular_admin_relationship";
    pub const REQUEST_GDAP_APPROVAL: &str = "request_granular_admin_relationship_approval";
    pub const APPROVE_GDAP: &str = "approve_granular_admin_relationship";
    pub const DECLINE_GDAP: &str = "decline_granular_admin_relationship";
    pub const TERMINATE_GDAP: &str = "terminate_granular_admin_relationship";
    pub const UPDATE_GDAP_AUTO_EXTEND: &str = "update_granular_admin_relationship_auto_extend";
    pub const GDAP_EXPIRING: &str = "granular_admin_relationship_expiring";
    pub const EXTEND_GDAP: &str = "extend_granular_admin_relationship";
    pub const EXPIRE_GDAP: &str = "expire_granular_admin_relationship";
    pub const CREATE_SECURITY_GROUP: &str = "create_security_group";
    pub const RENAME_SECURITY_GROUP: &str = "rename_security_group";
    pub const DELETE_SECURITY_GROUP: &str = "delete_security_group";
    pub const ADD_SECURITY_GROUP_MEMBER: &str = "add_security_group_member";
    pub const REMOVE_SECURITY_GROUP_MEMBER: &str = "remove_security_group_member";
    pub const CREATE_ACCESS_ASSIGNMENT: &str = "create_granular_admin_access_assignment";
    pub const UPDATE_ACCESS_ASSIGNMENT: &str = "update_granular_admin_access_assignment";
    pub const DELETE_ACCESS_ASSIGNMENT: &str = "delete_granular_admin_access_assignment";
    pub const CREATE_CUSTOMER_ADMIN: &str = "create_customer_admin";
    pub const RESET_CUSTOMER_ADMIN_PASSWORD: &str = "reset_customer_admin_password";
    pub const RESET_CUSTOMER_ADMIN_SECOND_STEP: &str = "reset_customer_admin_second_step";
    pub const DISABLE_CUSTOMER_ADMIN: &str = "disable_customer_admin";
    pub const ENABLE_CUSTOMER_ADMIN: &str = "enable_customer_admin";
}

/// Operation codes and their labels, in the order the filter offers them. A code not listed here
/// still reads well (see `operation_label`).
pub const OPERATIONS: &[(&str, &str)] = &[
    ("remove_partner_customer_relationship", "Remove reseller relationship"),
    ("schedule_removal", "Schedule removal"),
    ("cancel_removal_schedule", "Cancel scheduled removal"),
    ("run_scheduled_removal", "Scheduled removal"),
    ("request_removal_approval", "Ask for removal approval"),
    ("approve_removal", "Approve removal"),
    ("reject_removal", "Reject removal"),
    ("withdraw_removal_approval", "Withdraw removal request"),
    ("create_granular_admin_relationship", "Create GDAP relationship"),
    ("request_granular_admin_relationship_approval", "Send GDAP relationship for approval"),
    ("approve_granular_admin_relationship", "Approve GDAP relationship"),
    ("decline_granular_admin_relationship", "Decline GDAP relationship"),
    ("terminate_granular_admin_relationship", "Terminate GDAP relationship"),
    ("update_granular_admin_relationship_auto_extend", "Change GDAP auto-extend"),
    ("granular_admin_relationship_expiring", "GDAP relationship expiring"),
    ("extend_granular_admin_relationship", "Extend GDAP relationship"),
    ("expire_granular_admin_relationship", "GDAP relationship expired"),
    ("update_subscription", "Change subscription status"),
    ("create_subscription", "Add subscription"),
    ("cancel_reservation", "Cancel Azure reservation"),
    ("cancel_savings_plan", "Cancel Azure savings plan"),
    ("cancel_software_purchase", "Cancel software purchase"),
    ("create_relationship_request", "Request reseller relationship"),
    ("revoke_relationship_request", "Revoke relationship request"),
    ("extend_relationship_request", "Extend relationship request"),
    ("resend_relationship_request", "Resend relationship request"),
    ("accept_relationship_request", "Accept relationship request"),
    ("request_removal", "Request removal"),
    ("remove_delegated_admin", "Remove delegated admin privileges"),
    ("update_support_contact", "Change support contact"),
    ("login_succeeded", "Sign-in"),
    ("login_failed", "Failed sign-in"),
    ("logout", "Sign-out"),
    ("change_password", "Change password"),
    ("create_user", "Add user"),
    ("update_user_roles", "Change user roles"),
    ("disable_user", "Disable user"),
    ("enable_user", "Enable user"),
    ("reset_password", "Reset password"),
    ("update_user_locale", "Change language"),
    ("enrol_second_step", "Set up two-step sign-in"),
    ("reset_second_step", "Reset two-step sign-in"),
    ("create_api_key", "Create API key"),
    ("revoke_api_key", "Revoke API key"),
    ("update_partner_settings", "Change partner settings"),
    ("authz_denied", "Access denied"),
    ("csrf_rejected", "Forged request refused"),
    ("create_security_group", "Create security group"),
    ("rename_security_group", "Rename security group"),
    ("delete_security_group", "Delete security group"),
    ("add_security_group_member", "Add security group member"),
    ("remove_security_group_member", "Remove security group member"),
    ("create_granular_admin_access_assignment", "Create GDAP access assignment"),
    ("update_granular_admin_access_assignment", "Change GDAP access assignment"),
    ("delete_granular_admin_access_assignment", "Delete GDAP access assignment"),
    ("create_customer_admin", "Add customer admin"),
    ("reset_customer_admin_password", "Reset customer admin's password"),
    ("reset_customer_admin_second_step", "Reset customer admin's two-step sign-in"),
    ("disable_customer_admin", "Disable customer admin"),
    ("enable_customer_admin", "Enable customer admin"),
];

/// What happened, to what. `failed` marks an attempt that was refused.
#[derive(Debug, Default)]
pub struct Event<'a> {
    pub customer_id: Option<&'a str>,
    pub operation: &'a str,
    pub resource_type: &'a str,
    pub resource_id: Option<&'a str>,
    pub old_value: Option<String>,
    pub new_value: Option<String>,
    pub failed: bool,
    /// The item's name now, kept with the record so the log names it as it was (a rename or
    /// deletion later changes nothing).
    pub resource_name: Option<String>,
    /// Why an attempt was refused: kept as its key and arguments, so the log shows it in the
    /// reader's language (`new_value` gets the English text when it has none).
    pub reason: Option<Msg>,
}

impl<'a> Event<'a> {
    /// A successful change of one item of a customer, from `old` to `new`.
    pub fn change(
        customer_id: &'a str,
        operation: &'a str,
        resource_type: &'a str,
        resource_id: &'a str,
        old: impl Into<String>,
        new: impl Into<String>,
    ) -> Self {
        Event {
            customer_id: Some(customer_id),
            operation,
            resource_type,
            resource_id: Some(resource_id),
            old_value: Some(old.into()),
            new_value: Some(new.into()),
            failed: false,
            resource_name: None,
            reason: None,
        }
    }

    /// The same event, naming its item as it is now.
    pub fn named(self, name: impl Into<String>) -> Self {
        Event { resource_name: Some(name.into()), ..self }
    }
}

/// Who did it: a signed-in user, or, for records written outside a signed-in context (sign-in
/// attempts, refused requests), whoever the request names.
#[derive(Debug, Clone)]
pub struct Actor {
    pub partner_id: Option<String>,
    pub user_id: Option<String>,
    pub label: String,
    pub request_id: String,
    pub correlation_id: Option<String>,
}

impl Actor {
    pub fn for_user(user: &CurrentUser, request_id: &str) -> Self {
        Actor {
            partner_id: Some(user.partner.id.clone()),
            user_id: Some(user.id.clone()),
            label: user.email.clone(),
            request_id: request_id.to_owned(),
            correlation_id: None,
        }
    }

    /// A user found by id (or nobody: "anonymous").
    pub fn for_user_row(user: Option<User>, request_id: String) -> Self {
        Actor {
            partner_id: user.as_ref().map(|u| u.partner_id.clone()),
            user_id: user.as_ref().map(|u| u.id.clone()),
            label: user.map(|u| u.email).unwrap_or_else(|| "anonymous".into()),
            request_id,
            correlation_id: None,
        }
    }
}

impl crate::auth::CurrentAdmin {
    /// The signed-in customer admin as the audit names them: by address, with their customer's
    /// records (`Event::customer_id`). No partner: for an action that concerns a partner, add
    /// it with `Actor::for_partner` so the record shows in that partner's activity log too.
    pub fn actor(&self, request_id: &str) -> Actor {
        Actor {
            partner_id: None,
            user_id: None,
            label: self.email.clone(),
            request_id: request_id.to_owned(),
            correlation_id: None,
        }
    }
}

impl Actor {
    /// The same actor, in the records of `partner_id` too.
    pub fn for_partner(self, partner_id: &str) -> Actor {
        Actor { partner_id: Some(partner_id.to_owned()), ..self }
    }
}

impl From<&Ctx> for Actor {
    fn from(ctx: &Ctx) -> Self {
        Actor {
            correlation_id: ctx.correlation_id.clone(),
            ..Actor::for_user(&ctx.user, &ctx.request_id)
        }
    }
}

pub fn record(conn: &mut AnyConnection, actor: &Actor, ev: Event<'_>) -> QueryResult<()> {
    rows::insert(
        conn,
        &AuditRecord {
            id: new_id(),
            partner_id: actor.partner_id.clone(),
            user_id: actor.user_id.clone(),
            actor: actor.label.chars().take(254).collect(),
            customer_id: ev.customer_id.map(str::to_owned),
            operation: ev.operation.to_owned(),
            resource_type: ev.resource_type.to_owned(),
            resource_id: ev.resource_id.map(str::to_owned),
            old_value: ev.old_value,
            new_value: ev.new_value.or_else(|| ev.reason.as_ref().map(Msg::to_string)),
            status: if ev.failed { rows::FAILED } else { rows::SUCCEEDED }.to_owned(),
            at: now_ms(),
            request_id: actor.request_id.clone(),
            correlation_id: actor.correlation_id.clone(),
            resource_name: ev.resource_name.map(|n| n.chars().take(254).collect()),
            reason: ev.reason.and_then(|m| serde_json::to_string(&m).ok()),
        },
    )
}

/// Records a refused attempt in a transaction of its own (the attempt's own rolled back).
pub fn record_refusal(conn: &mut AnyConnection, ctx: &Ctx, ev: Event<'_>) {
    let actor = Actor::from(ctx);
    if let Err(e) = record(conn, &actor, Event { failed: true, ..ev }) {
        log::error!("could not audit a refused {}: {e}", actor.request_id);
    }
}

/// Who a refused request came from: a signed-in user, or (by id, looked up) a session's user.
pub enum Requester {
    User(Actor),
    Session { user_id: Option<String>, request_id: String },
}

/// Records a refused request (CSRF, authorization) in a transaction of its own: the route and
/// the reason, never the request's body or tokens.
pub fn record_refused_request(
    c: &mut AnyConnection,
    requester: Requester,
    operation: &'static str,
    route: &str,
    reason: String,
) -> QueryResult<()> {
    let actor = match requester {
        Requester::User(actor) => actor,
        Requester::Session { user_id, request_id } => {
            let who = match &user_id {
                Some(id) => user::find(c, id)?,
                None => None,
            };
            Actor::for_user_row(who, request_id)
        }
    };
    let ev = Event {
        operation,
        resource_type: "route",
        resource_id: Some(route),
        new_value: Some(reason),
        failed: true,
        ..Default::default()
    };
    record(c, &actor, ev)
}
