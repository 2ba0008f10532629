//! "Prepare for removal": everything that blocks a removal, suspended or cancelled in one go,
//! after a preview of exactly what will change.

use crate::auth::permissions::Permission;
use crate::db::AnyConnection;
use crate::error::{AppError, AppResult};
use crate::i18n::Msg;
use crate::models::customer::Customer;
use crate::models::relationship;
use crate::models::relationship::Relationship;
use crate::models::reservation::{self, Reservation};
use crate::models::software::{self, SoftwarePurchase};
use crate::models::subscription::{self, CommerceType, Subscription, SubscriptionStatus};
use crate::services::audit::{self, Event, op};
use crate::services::purchases::cancel_recorded;
use crate::services::{Ctx, customers};
use crate::util::clock::now_ms;

/// What preparing for removal would do now.
#[derive(Debug, Clone, Default)]
pub struct Plan {
    pub suspend: Vec<Subscription>,
    pub cancel_reservations: Vec<Reservation>,
    pub cancel_software: Vec<SoftwarePurchase>,
    /// Active software purchases past their cancellation window: they keep blocking removal.
    pub stuck_software: Vec<SoftwarePurchase>,
}

impl Plan {
    pub fn is_empty(&self) -> bool {
        self.suspend.is_empty()
            && self.cancel_reservations.is_empty()
            && self.cancel_software.is_empty()
    }

    /// Suspended new-commerce subscriptions are still billed: how many of these are.
    pub fn still_billed(&self) -> usize {
        self.suspend.iter().filter(|s| s.commerce_type() == CommerceType::NewCommerce).count()
    }

    /// Identifies exactly this plan, so that executing it refuses if anything changed since the
    /// preview was shown.
    pub fn fingerprint(&self) -> String {
        let mut ids: Vec<&str> = self
            .suspend
            .iter()
            .map(|s| s.id.as_str())
            .chain(self.cancel_reservations.iter().map(|r| r.id.as_str()))
            .chain(self.cancel_software.iter().map(|s| s.id.as_str()))
            .collect();
        ids.sort_unstable();
        ids.join(",")
    }
}

/// What the offboarding page shows: the customer and exactly what preparing would do.
pub struct Preview {
    pub customer: Customer,
    pub relationship: Relationship,
    pub plan: Plan,
}

pub fn preview(c: &mut AnyConnection, ctx: &Ctx, customer_id: &str) -> AppResult<Preview> {
    let (customer, relationship) = customers::view(c, ctx, customer_id)?;
    Ok(Preview { plan: plan(c, ctx.partner_id(), customer_id)?, customer, relationship })
}

pub fn plan(
    conn: &mut AnyConnection,
    partner_id: &str,
    customer_id: &str,
) -> diesel::QueryResult<Plan> {
    let now = now_ms();
    let (cancel_software, stuck_software) =
        software::list_for_customer(conn, partner_id, customer_id)?
            .into_iter()
            .filter(|s| s.is_active())
            .partition(|s| s.cancellable_at(&now));
    Ok(Plan {
        suspend: subscription::list_active(conn, partner_id, customer_id)?,
        cancel_reservations: reservation::list_for_customer(conn, partner_id, customer_id)?
            .into_iter()
            .filter(|r| r.is_active())
            .collect(),
        cancel_software,
        stuck_software,
    })
}

/// Carries out the plan the user previewed, in one transaction, one audit record per item.
pub fn execute(
    conn: &mut AnyConnection,
    ctx: &Ctx,
    customer_id: &str,
    previewed: &str,
) -> AppResult<Plan> {
    ctx.user.require(Permission::ManageSubscriptions)?;
    crate::db::write::<_, AppError>(conn, |c| {
        let rel =
            relationship::lock(c, ctx.partner_id(), customer_id)?.ok_or(AppError::NotFound)?;
        if !rel.is_reseller() {
            return Err(AppError::Conflict(Msg::new("blocker-no-relationship")));
        }
        let plan = plan(c, ctx.partner_id(), customer_id)?;
        if plan.fingerprint() != previewed {
            return Err(AppError::Conflict(Msg::new("offboarding-error-changed")));
        }
        if plan.is_empty() {
            return Err(AppError::Conflict(Msg::new("offboarding-nothing-left")));
        }
        let now = now_ms();
        let actor = ctx.into();
        let ids: Vec<&str> = plan.suspend.iter().map(|s| s.id.as_str()).collect();
        subscription::set_status(c, &ids, SubscriptionStatus::Suspended, now)?;
        for s in &plan.suspend {
            let ev = Event::change(
                customer_id,
                op::UPDATE_SUBSCRIPTION,
                "subscription",
                &s.id,
                "status: active",
                "status: suspended",
            )
            .named(&s.offer_name);
            audit::record(c, &actor, ev)?;
        }
        for r in &plan.cancel_reservations {
            cancel_recorded(c, &actor, customer_id, r, now)?;
        }
        for s in &plan.cancel_software {
            cancel_recorded(c, &actor, customer_id, s, now)?;
        }
        Ok(plan)
    })
}
