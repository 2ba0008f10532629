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
use crate::models::savings_plan::{self, SavingsPlan};
use crate::models::software::{self, SoftwarePurchase};
use crate::models::subscription::{self, RemovalStep, Subscription, SubscriptionStatus};
use crate::services::audit::{self, Event, op};
use crate::services::purchases::cancel_recorded;
use crate::services::{Ctx, customers};

/// What preparing for removal would do now, per line with its money consequence.
#[derive(Debug, Clone, Default)]
pub struct Plan {
    /// Legacy subscriptions: suspending clears them.
    pub suspend: Vec<Subscription>,
    /// New commerce within the cancellation window: cancelled, with a refund.
    pub cancel_subscriptions: Vec<Subscription>,
    /// New commerce past the window: auto-renew turned off; billed, and blocking removal, until
    /// the commitment end.
    pub turn_off_auto_renew: Vec<Subscription>,
    /// New commerce past the window with auto-renew already off: nothing to do but wait for the
    /// commitment end.
    pub running_out: Vec<Subscription>,
    pub cancel_reservations: Vec<Reservation>,
    pub cancel_savings_plans: Vec<SavingsPlan>,
    pub cancel_software: Vec<SoftwarePurchase>,
    /// Active software purchases past their cancellation window: they keep blocking removal.
    pub stuck_software: Vec<SoftwarePurchase>,
}

impl Plan {
    pub fn is_empty(&self) -> bool {
        self.suspend.is_empty()
            && self.cancel_subscriptions.is_empty()
            && self.turn_off_auto_renew.is_empty()
            && self.cancel_reservations.is_empty()
            && self.cancel_savings_plans.is_empty()
            && self.cancel_software.is_empty()
    }

    /// How many items are cancelled (subscriptions, reservations, savings plans, software).
    pub fn cancel_count(&self) -> usize {
        self.cancel_subscriptions.len()
            + self.cancel_reservations.len()
            + self.cancel_savings_plans.len()
            + self.cancel_software.len()
    }

    /// Identifies exactly this plan, so that executing it refuses if anything changed since the
    /// preview was shown.
    pub fn fingerprint(&self) -> String {
        let tagged = |tag: &'static str| move |id: &String| format!("{tag}:{id}");
        let mut ids: Vec<String> = self
            .suspend
            .iter()
            .map(|s| &s.id)
            .map(tagged("suspend"))
            .chain(self.cancel_subscriptions.iter().map(|s| &s.id).map(tagged("cancel")))
            .chain(self.turn_off_auto_renew.iter().map(|s| &s.id).map(tagged("renew-off")))
            .chain(self.cancel_reservations.iter().map(|r| &r.id).map(tagged("reservation")))
            .chain(self.cancel_savings_plans.iter().map(|p| &p.id).map(tagged("savings_plan")))
            .chain(self.cancel_software.iter().map(|s| &s.id).map(tagged("software")))
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
    let plan = plan(c, ctx.partner_id(), customer_id, ctx.now)?;
    Ok(Preview { plan, customer, relationship })
}

pub fn plan(
    conn: &mut AnyConnection,
    partner_id: &str,
    customer_id: &str,
    now: i64,
) -> diesel::QueryResult<Plan> {
    let mut subs = Plan::default();
    for s in subscription::list_for_customer(conn, partner_id, customer_id)? {
        let s = s.as_of(now);
        match s.removal_step(now) {
            Some(RemovalStep::Suspend) => subs.suspend.push(s),
            Some(RemovalStep::Cancel { .. }) => subs.cancel_subscriptions.push(s),
            Some(RemovalStep::TurnOffAutoRenew { .. }) => subs.turn_off_auto_renew.push(s),
            Some(RemovalStep::RunsOut { .. }) => subs.running_out.push(s),
            None => {}
        }
    }
    let (cancel_software, stuck_software) =
        software::list_for_customer(conn, partner_id, customer_id)?
            .into_iter()
            .filter(|s| s.is_active())
            .partition(|s| s.cancellable_at(&now));
    Ok(Plan {
        cancel_reservations: reservation::list_for_customer(conn, partner_id, customer_id)?
            .into_iter()
            .filter(|r| r.is_active())
            .collect(),
        cancel_savings_plans: savings_plan::list_for_customer(conn, partner_id, customer_id)?
            .into_iter()
            .filter(|p| p.is_active())
            .collect(),
        cancel_software,
        stuck_software,
        ..subs
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
        crate::services::subscriptions::settle(c, ctx.partner_id(), customer_id, ctx.now)?;
        let plan = plan(c, ctx.partner_id(), customer_id, ctx.now)?;
        if plan.fingerprint() != previewed {
            return Err(AppError::Conflict(Msg::new("offboarding-error-changed")));
        }
        if plan.is_empty() {
            return Err(AppError::Conflict(Msg::new("offboarding-nothing-left")));
        }
        let now = ctx.now;
        let actor = ctx.into();
        let record = |c: &mut AnyConnection, s: &Subscription, old: String, new: &str| {
            let ev = Event::change(
                customer_id,
                op::UPDATE_SUBSCRIPTION,
                "subscription",
                &s.id,
                old,
                new,
            )
            .named(&s.offer_name);
            audit::record(c, &actor, ev)
        };
        let ids: Vec<&str> = plan.suspend.iter().map(|s| s.id.as_str()).collect();
        subscription::set_status(c, &ids, SubscriptionStatus::Suspended, now)?;
        for s in &plan.suspend {
            record(c, s, "status: active".into(), "status: suspended")?;
        }
        let ids: Vec<&str> = plan.cancel_subscriptions.iter().map(|s| s.id.as_str()).collect();
        subscription::set_status(c, &ids, SubscriptionStatus::Deleted, now)?;
        for s in &plan.cancel_subscriptions {
            record(c, s, format!("status: {}", s.status), "status: deleted; refunded")?;
        }
        for s in &plan.turn_off_auto_renew {
            subscription::set_auto_renew(c, &s.id, false, now)?;
            record(c, s, "auto-renew: on".into(), "auto-renew: off")?;
        }
        for r in &plan.cancel_reservations {
            cancel_recorded(c, &actor, customer_id, r, now)?;
        }
        for p in &plan.cancel_savings_plans {
            cancel_recorded(c, &actor, customer_id, p, now)?;
        }
        for s in &plan.cancel_software {
            cancel_recorded(c, &actor, customer_id, s, now)?;
        }
        Ok(plan)
    })
}
