//! The removal rule (DESIGN.md §1): who may remove a reseller relationship, what blocks it, and
//! the removal itself.

use crate::auth::CurrentUser;
use crate::auth::permissions::Permission;
use crate::db::AnyConnection;
use crate::error::{AppError, AppResult};
use crate::i18n::Msg;
use crate::models::partner::PartnerKind;
use crate::models::relationship::{self, Relationship};
use crate::models::{reservation, software, subscription, support_contact};
use crate::services::Ctx;
use crate::services::audit::{self, Event, op};
use crate::util::clock::now_ms;

/// One reason the relationship cannot be removed now.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Blocker {
    RoleRequired,
    IndirectReseller,
    NoRelationship,
    ActiveSubscription { id: String, name: String },
    ActiveReservation { id: String, name: String },
    ActiveSoftwarePurchase { id: String, product: String },
}

impl Blocker {
    /// The sentence shown for this blocker.
    pub fn message(&self) -> Msg {
        match self {
            Blocker::RoleRequired => Permission::RemoveRelationship.denied_message(),
            Blocker::IndirectReseller => Msg::new("blocker-indirect-reseller"),
            Blocker::NoRelationship => Msg::new("blocker-no-relationship"),
            Blocker::ActiveSubscription { name, .. } => {
                Msg::new("blocker-active-subscription").text("name", name)
            }
            Blocker::ActiveReservation { name, .. } => {
                Msg::new("blocker-active-reservation").text("name", name)
            }
            Blocker::ActiveSoftwarePurchase { product, .. } => {
                Msg::new("blocker-active-software").text("name", product)
            }
        }
    }

    /// Where the blocker is fixed, with the key of the link's text.
    pub fn fix(&self, customer_id: &str) -> Option<(String, &'static str)> {
        match self {
            Blocker::ActiveSubscription { id, .. } => Some((
                format!("/customers/{customer_id}/subscriptions/{id}"),
                "blocker-open-subscription",
            )),
            Blocker::ActiveReservation { id, .. } => Some((
                format!("/customers/{customer_id}/subscriptions#reservation-{id}"),
                "blocker-go-to-reservation",
            )),
            Blocker::ActiveSoftwarePurchase { id, .. } => Some((
                format!("/customers/{customer_id}/subscriptions#software-{id}"),
                "blocker-go-to-purchase",
            )),
            _ => None,
        }
    }

    /// The one-click fix on the Account page: where to POST, and the key of the button's verb
    /// (`action-suspend` or `action-cancel`).
    pub fn quick_action(&self, customer_id: &str) -> Option<(String, &'static str)> {
        match self {
            Blocker::ActiveSubscription { id, .. } => Some((
                format!("/customers/{customer_id}/subscriptions/{id}/status"),
                "action-suspend",
            )),
            Blocker::ActiveReservation { id, .. } => Some((
                format!("/customers/{customer_id}/reservations/{id}/cancel"),
                "action-cancel",
            )),
            Blocker::ActiveSoftwarePurchase { id, .. } => {
                Some((format!("/customers/{customer_id}/software/{id}/cancel"), "action-cancel"))
            }
            _ => None,
        }
    }

    /// An active subscription, reservation or software purchase (not a rule).
    pub fn is_active_item(&self) -> bool {
        matches!(
            self,
            Blocker::ActiveSubscription { .. }
                | Blocker::ActiveReservation { .. }
                | Blocker::ActiveSoftwarePurchase { .. }
        )
    }
}

/// Whether the signed-in user may remove the relationship now, and if not, why.
#[derive(Debug, Clone, Default)]
pub struct Eligibility {
    pub blockers: Vec<Blocker>,
}

impl Eligibility {
    pub fn allowed(&self) -> bool {
        self.blockers.is_empty()
    }

    /// The headline reason: the first that applies of role, partner kind, relationship, active items.
    pub fn reason(&self) -> Option<Msg> {
        let first = self.blockers.first()?;
        if first.is_active_item() {
            let n = self.blockers.iter().filter(|b| b.is_active_item()).count();
            return Some(Msg::new("blocker-items-active").num("count", n as f64));
        }
        Some(first.message())
    }

    pub fn active_items(&self) -> impl Iterator<Item = &Blocker> {
        self.blockers.iter().filter(|b| b.is_active_item())
    }
}

/// Computes the rule for one relationship. Read-only; the removal re-runs it under the lock.
pub fn check(
    conn: &mut AnyConnection,
    user: &CurrentUser,
    rel: &Relationship,
) -> diesel::QueryResult<Eligibility> {
    let mut blockers = Vec::new();
    if !user.can(Permission::RemoveRelationship) {
        blockers.push(Blocker::RoleRequired);
    }
    if user.partner.kind() == PartnerKind::IndirectReseller {
        blockers.push(Blocker::IndirectReseller);
    }
    if !rel.is_reseller() {
        blockers.push(Blocker::NoRelationship);
        return Ok(Eligibility { blockers });
    }
    let (p, c) = (rel.partner_id.as_str(), rel.customer_id.as_str());
    for s in subscription::list_active(conn, p, c)? {
        blockers.push(Blocker::ActiveSubscription { id: s.id, name: s.offer_name });
    }
    for r in reservation::list_for_customer(conn, p, c)?.into_iter().filter(|r| r.is_active()) {
        blockers.push(Blocker::ActiveReservation { id: r.id, name: r.name });
    }
    for s in software::list_for_customer(conn, p, c)?.into_iter().filter(|s| s.is_active()) {
        blockers.push(Blocker::ActiveSoftwarePurchase { id: s.id, product: s.product });
    }
    Ok(Eligibility { blockers })
}

/// What a removal did, for the confirmation message.
#[derive(Debug, Clone)]
pub struct Removed {
    pub support_contacts_removed: usize,
    pub delegated_admin_revoked: bool,
}

/// Removes the reseller relationship, atomically, after re-checking the whole rule under the
/// relationship lock. A refusal changes nothing but is itself audited as a failed attempt.
pub fn remove(conn: &mut AnyConnection, ctx: &Ctx, customer_id: &str) -> AppResult<Removed> {
    let partner_id = ctx.partner_id().to_owned();
    let result = crate::db::write::<_, AppError>(conn, |c| {
        let rel = relationship::lock(c, &partner_id, customer_id)?.ok_or(AppError::NotFound)?;
        let eligibility = check(c, &ctx.user, &rel)?;
        if eligibility.blockers.contains(&Blocker::RoleRequired) {
            return Err(AppError::Forbidden(Blocker::RoleRequired.message()));
        }
        if let Some(reason) = eligibility.reason() {
            return Err(AppError::Conflict(reason));
        }
        let now = now_ms();
        relationship::end(c, &rel.id, &ctx.user.id, now)?;
        let support_contacts_removed =
            support_contact::delete_for_customer(c, &partner_id, customer_id)?;
        audit::record(
            c,
            &ctx.into(),
            Event::change(
                customer_id,
                op::REMOVE_RELATIONSHIP,
                "relationship",
                &rel.id,
                describe(true, rel.allow_delegated_access),
                format!(
                    "{}; support contacts removed: {support_contacts_removed}",
                    describe(false, false)
                ),
            )
            .named(&rel.company_name),
        )?;
        Ok(Removed {
            support_contacts_removed,
            delegated_admin_revoked: rel.allow_delegated_access,
        })
    });
    // A refusal for the customer's state is recorded here; a missing role is recorded with
    // every other authorization denial (error::error_pages).
    if let Err(e @ AppError::Conflict(_)) = &result {
        audit::record_refusal(
            conn,
            ctx,
            Event {
                customer_id: Some(customer_id),
                operation: op::REMOVE_RELATIONSHIP,
                resource_type: "relationship",
                reason: Some(e.message()),
                ..Default::default()
            },
        );
    }
    result
}

fn describe(reseller: bool, dap: bool) -> String {
    format!(
        "relationship: {}; delegated admin: {}",
        if reseller { "reseller" } else { "none" },
        if dap { "on" } else { "off" }
    )
}
