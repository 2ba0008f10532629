//! The removal rule (DESIGN.md §1): who may remove a reseller relationship, what blocks it, and
//! the removal itself.

use crate::auth::CurrentUser;
use crate::auth::permissions::Permission;
use crate::db::AnyConnection;
use crate::error::{AppError, AppResult};
use crate::i18n::Msg;
use crate::models::partner::PartnerKind;
use crate::models::relationship::{self, Relationship};
use crate::models::subscription::RemovalStep;
use crate::models::{reservation, savings_plan, software, subscription, support_contact};
use crate::services::audit::{self, Event, op};
use crate::services::{Ctx, gdap, notify};
use crate::util::urls::{PublicUrl, urlencode};

/// One reason the relationship cannot be removed now.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Blocker {
    RoleRequired,
    IndirectReseller,
    NoRelationship,
    /// A subscription that still blocks, with what clears it (`Subscription::removal_step`).
    ActiveSubscription {
        id: String,
        name: String,
        step: RemovalStep,
    },
    ActiveReservation {
        id: String,
        name: String,
    },
    ActiveSavingsPlan {
        id: String,
        name: String,
    },
    ActiveSoftwarePurchase {
        id: String,
        product: String,
    },
}

impl Blocker {
    /// The sentence shown for this blocker.
    pub fn message(&self) -> Msg {
        match self {
            Blocker::RoleRequired => Permission::RemoveRelationship.denied_message(),
            Blocker::IndirectReseller => Msg::new("blocker-indirect-reseller"),
            Blocker::NoRelationship => Msg::new("blocker-no-relationship"),
            Blocker::ActiveSubscription { name, step, .. } => match *step {
                RemovalStep::Suspend => Msg::new("blocker-active-subscription").text("name", name),
                RemovalStep::Cancel { until } => {
                    Msg::new("blocker-nce-cancel").text("name", name).date("until", until)
                }
                RemovalStep::TurnOffAutoRenew { billed_until } => {
                    Msg::new("blocker-nce-auto-renew")
                        .text("name", name)
                        .date("billed", billed_until)
                }
                RemovalStep::RunsOut { billed_until } => {
                    Msg::new("blocker-nce-runs-out").text("name", name).date("billed", billed_until)
                }
            },
            Blocker::ActiveReservation { name, .. } => {
                Msg::new("blocker-active-reservation").text("name", name)
            }
            Blocker::ActiveSavingsPlan { name, .. } => {
                Msg::new("blocker-active-savings-plan").text("name", name)
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
            Blocker::ActiveSavingsPlan { id, .. } => Some((
                format!("/customers/{customer_id}/subscriptions#savings-plan-{id}"),
                "blocker-go-to-savings-plan",
            )),
            Blocker::ActiveSoftwarePurchase { id, .. } => Some((
                format!("/customers/{customer_id}/subscriptions#software-{id}"),
                "blocker-go-to-purchase",
            )),
            _ => None,
        }
    }

    /// The one-click fix on the Account page: where to POST, and the key of the button's verb
    /// (`action-suspend`, `action-cancel` or `action-turn-off-auto-renew`).
    pub fn quick_action(&self, customer_id: &str) -> Option<(String, &'static str)> {
        match self {
            Blocker::ActiveSubscription { id, step, .. } => {
                let at = format!("/customers/{customer_id}/subscriptions/{id}");
                match step {
                    RemovalStep::Suspend => Some((format!("{at}/status"), "action-suspend")),
                    RemovalStep::Cancel { .. } => Some((format!("{at}/cancel"), "action-cancel")),
                    RemovalStep::TurnOffAutoRenew { .. } => {
                        Some((format!("{at}/auto-renew"), "action-turn-off-auto-renew"))
                    }
                    RemovalStep::RunsOut { .. } => None,
                }
            }
            Blocker::ActiveReservation { id, .. } => Some((
                format!("/customers/{customer_id}/reservations/{id}/cancel"),
                "action-cancel",
            )),
            Blocker::ActiveSavingsPlan { id, .. } => Some((
                format!("/customers/{customer_id}/savings-plans/{id}/cancel"),
                "action-cancel",
            )),
            Blocker::ActiveSoftwarePurchase { id, .. } => {
                Some((format!("/customers/{customer_id}/software/{id}/cancel"), "action-cancel"))
            }
            _ => None,
        }
    }

    /// The question its quick action asks first when that action is a Cancel (final).
    pub fn cancel_question(&self) -> Option<Msg> {
        let (key, name) = match self {
            Blocker::ActiveSubscription { name, step: RemovalStep::Cancel { .. }, .. } => {
                ("confirm-cancel-subscription-title", name)
            }
            Blocker::ActiveReservation { name, .. } => ("confirm-cancel-reservation-title", name),
            Blocker::ActiveSavingsPlan { name, .. } => ("confirm-cancel-savings-plan-title", name),
            Blocker::ActiveSoftwarePurchase { product, .. } => {
                ("confirm-cancel-software-title", product)
            }
            _ => return None,
        };
        Some(Msg::new(key).text("name", name))
    }

    /// An active subscription, reservation, savings plan or software purchase (not a rule).
    pub fn is_active_item(&self) -> bool {
        matches!(
            self,
            Blocker::ActiveSubscription { .. }
                | Blocker::ActiveReservation { .. }
                | Blocker::ActiveSavingsPlan { .. }
                | Blocker::ActiveSoftwarePurchase { .. }
        )
    }
}

/// Whether the signed-in user may remove the relationship now, and if not, why.
#[derive(Debug, Clone, Default)]
pub struct Eligibility {
    pub blockers: Vec<Blocker>,
    /// The earliest the relationship can be removed (UTC ms): now when what blocks can be
    /// cleared now, else the latest commitment end of the new-commerce subscriptions that can
    /// no longer be cancelled. None without a reseller relationship.
    pub earliest_removal: Option<i64>,
}

impl Eligibility {
    /// Whether the earliest removal is later than now.
    pub fn removal_waits(&self, now: impl crate::util::clock::Millis) -> bool {
        self.earliest_removal.is_some_and(|t| t > now.millis())
    }

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
    now: i64,
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
        return Ok(Eligibility { blockers, earliest_removal: None });
    }
    let (p, c) = (rel.partner_id.as_str(), rel.customer_id.as_str());
    let mut earliest_removal = now;
    for s in subscription::list_for_customer(conn, p, c)? {
        let s = s.as_of(now);
        if let Some(step) = s.removal_step(now) {
            earliest_removal = earliest_removal.max(step.blocks_until().unwrap_or(now));
            blockers.push(Blocker::ActiveSubscription { id: s.id, name: s.offer_name, step });
        }
    }
    for r in reservation::list_for_customer(conn, p, c)?.into_iter().filter(|r| r.is_active()) {
        blockers.push(Blocker::ActiveReservation { id: r.id, name: r.name });
    }
    for s in savings_plan::list_for_customer(conn, p, c)?.into_iter().filter(|s| s.is_active()) {
        blockers.push(Blocker::ActiveSavingsPlan { id: s.id, name: s.name });
    }
    for s in software::list_for_customer(conn, p, c)?.into_iter().filter(|s| s.is_active()) {
        blockers.push(Blocker::ActiveSoftwarePurchase { id: s.id, product: s.product });
    }
    Ok(Eligibility { blockers, earliest_removal: Some(earliest_removal) })
}

/// What a removal did, for the confirmation message.
#[derive(Debug, Clone)]
pub struct Removed {
    pub support_contacts_removed: usize,
    pub delegated_admin_revoked: bool,
    /// The GDAP relationships terminated with it, by name.
    pub gdap_terminated: Vec<String>,
    /// The removal's receipt (`services::receipts`).
    pub receipt_id: String,
}

/// Removes the reseller relationship, atomically, after re-checking the whole rule under the
/// relationship lock. A refusal changes nothing but is itself audited as a failed attempt.
/// The partner's Global admins are told by e-mail, with a link to the receipt at `links`.
/// With `terminate_gdap`, the customer's active GDAP relationships end in the same transaction.
pub fn remove(
    conn: &mut AnyConnection,
    ctx: &Ctx,
    links: &PublicUrl,
    customer_id: &str,
    terminate_gdap: bool,
) -> AppResult<Removed> {
    remove_as_asked(conn, ctx, links, customer_id, None, terminate_gdap)
}

/// `remove`, approved by `ctx.user` at the request of `requested_by` (a name and address),
/// whom the removal's audit record names beside the approver
/// (`services::removal_approvals::approve`).
pub(crate) fn remove_as_asked(
    conn: &mut AnyConnection,
    ctx: &Ctx,
    links: &PublicUrl,
    customer_id: &str,
    requested_by: Option<&str>,
    terminate_gdap: bool,
) -> AppResult<Removed> {
    let partner_id = ctx.partner_id().to_owned();
    let result = crate::db::write::<_, AppError>(conn, |c| {
        let rel = relationship::lock(c, &partner_id, customer_id)?.ok_or(AppError::NotFound)?;
        crate::services::subscriptions::settle(c, &partner_id, customer_id, ctx.now)?;
        let eligibility = check(c, &ctx.user, &rel, ctx.now)?;
        if eligibility.blockers.contains(&Blocker::RoleRequired) {
            return Err(AppError::Forbidden(Blocker::RoleRequired.message()));
        }
        if let Some(reason) = eligibility.reason() {
            return Err(AppError::Conflict(reason));
        }
        let now = ctx.now;
        relationship::end(c, &rel.id, &ctx.user.id, now)?;
        let support_contacts_removed =
            support_contact::delete_for_customer(c, &partner_id, customer_id)?;
        let gdap_terminated = match terminate_gdap {
            true => gdap::terminate_active_for_customer_in_tx(
                c,
                &ctx.into(),
                &partner_id,
                customer_id,
                now,
            )?,
            false => Vec::new(),
        };
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
                    "{}; support contacts removed: {support_contacts_removed}; GDAP relationships terminated: {}{}",
                    describe(false, false),
                    gdap_terminated.len(),
                    requested_by.map(|r| format!("; requested by: {r}")).unwrap_or_default()
                ),
            )
            .named(&rel.company_name),
        )?;
        let removal = crate::services::receipts::Removal {
            relationship: &rel,
            removed_at: now,
            delegated_admin_revoked: rel.allow_delegated_access,
            support_contacts_removed,
            gdap_terminated: &gdap_terminated,
        };
        let receipt_id = crate::services::receipts::issue(c, ctx, removal)?;
        let link =
            links.link(&format!("/customers/{}/receipts/{receipt_id}", urlencode(customer_id)));
        let (customer, by) = (rel.company_name.as_str(), ctx.user.display_name.as_str());
        let letter = notify::Letter {
            subject: Msg::new("mail-removed-subject").text("customer", customer).text("user", by),
            body: Msg::new("mail-removed-body").text("customer", customer).text("user", by),
            link: Msg::new("mail-link-receipt").text("link", link),
        };
        notify::to_global_admins(c, &partner_id, now, &letter)?;
        // The customer is told too, which the source page's removal never did.
        let partner = ctx.user.partner.name.as_str();
        let letter = notify::Letter {
            subject: Msg::new("mail-customer-removed-subject").text("partner", partner),
            body: Msg::new("mail-customer-removed-body")
                .text("partner", partner)
                .text("customer", customer)
                .num("dap", if rel.allow_delegated_access { 1.0 } else { 0.0 })
                .num("gdap", gdap_terminated.len() as f64),
            link: Msg::new("mail-link-tenant").text("link", links.link("/tenant")),
        };
        notify::to_customer_admins(c, customer_id, now, &letter)?;
        Ok(Removed {
            gdap_terminated,
            support_contacts_removed,
            delegated_admin_revoked: rel.allow_delegated_access,
            receipt_id,
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

/// Asks the partner's Global admins, by e-mail, to remove the reseller relationship: for a user
/// who may see the customer but not remove the relationship. Audited; returns whom it asked.
pub fn request(
    conn: &mut AnyConnection,
    ctx: &Ctx,
    links: &PublicUrl,
    customer_id: &str,
) -> AppResult<Vec<String>> {
    ctx.user.require(Permission::ViewCustomers)?;
    if ctx.user.can(Permission::RemoveRelationship) {
        return Err(AppError::Forbidden(Msg::new("denied-request-removal-self")));
    }
    let partner_id = ctx.partner_id().to_owned();
    crate::db::write::<_, AppError>(conn, |c| {
        let rel = relationship::lock(c, &partner_id, customer_id)?.ok_or(AppError::NotFound)?;
        if !rel.is_reseller() {
            return Err(AppError::Conflict(Msg::new("request-removal-no-relationship")));
        }
        let link = links.link(&format!("/customers/{}/account", urlencode(customer_id)));
        let (customer, by) = (rel.company_name.as_str(), ctx.user.display_name.as_str());
        let letter = notify::Letter {
            subject: Msg::new("mail-request-removal-subject")
                .text("customer", customer)
                .text("user", by),
            body: Msg::new("mail-request-removal-body").text("customer", customer).text("user", by),
            link: Msg::new("mail-link-account").text("link", link),
        };
        let names = notify::to_global_admins(c, &partner_id, ctx.now, &letter)?;
        if names.is_empty() {
            return Err(AppError::Conflict(Msg::new("request-removal-no-admins")));
        }
        audit::record(
            c,
            &ctx.into(),
            Event {
                customer_id: Some(customer_id),
                operation: op::REQUEST_REMOVAL,
                resource_type: "relationship",
                resource_id: Some(&rel.id),
                // "Sent to" has its label already (invitations use it).
                new_value: Some(format!("sent to: {}", names.join(", "))),
                ..Default::default()
            }
            .named(&rel.company_name),
        )?;
        Ok(names)
    })
}

fn describe(reseller: bool, dap: bool) -> String {
    format!(
        "relationship: {}; delegated admin: {}",
        if reseller { "reseller" } else { "none" },
        if dap { "on" } else { "off" }
    )
}
