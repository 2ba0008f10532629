//! Purchases besides subscriptions that block removal until cancelled: Azure reservations, Azure
//! savings plans and software purchases. One cancellation path serves them all; where their rules differ (software
//! has a cancellation window) the kind says so.

use crate::auth::permissions::Permission;
use crate::db::AnyConnection;
use crate::error::{AppError, AppResult};
use crate::i18n::Msg;
use crate::models::purchase::Purchase;
pub use crate::models::reservation::Reservation;
pub use crate::models::savings_plan::SavingsPlan;
use crate::models::software::CANCEL_WINDOW_DAYS;
pub use crate::models::software::SoftwarePurchase;
use crate::services::Ctx;
use crate::services::audit::{self, Actor, Event, op};
use crate::services::customers::{self, Confirmable};
use crate::services::subscriptions::locked;
use crate::util::clock::now_ms;

/// What a cancellable purchase kind tells the shared path beyond its queries.
pub trait Cancellable: Purchase {
    const OPERATION: &'static str;
    const RESOURCE_TYPE: &'static str;
    /// The key of the sentence for one already cancelled.
    const ALREADY_CANCELLED: &'static str;

    /// Its name as the audit record keeps it.
    fn name(&self) -> &str;

    /// Why it can no longer be cancelled at `now`, if so.
    fn closed_at(&self, _now: i64) -> Option<Msg> {
        None
    }
}

impl Cancellable for Reservation {
    const OPERATION: &'static str = op::CANCEL_RESERVATION;
    const RESOURCE_TYPE: &'static str = "azure_reservation";
    const ALREADY_CANCELLED: &'static str = "error-reservation-cancelled";

    fn name(&self) -> &str {
        &self.name
    }
}

impl Cancellable for SavingsPlan {
    const OPERATION: &'static str = op::CANCEL_SAVINGS_PLAN;
    const RESOURCE_TYPE: &'static str = "azure_savings_plan";
    const ALREADY_CANCELLED: &'static str = "error-savings-plan-cancelled";

    fn name(&self) -> &str {
        &self.name
    }
}

impl Cancellable for SoftwarePurchase {
    const OPERATION: &'static str = op::CANCEL_SOFTWARE_PURCHASE;
    const RESOURCE_TYPE: &'static str = "software_purchase";
    const ALREADY_CANCELLED: &'static str = "error-software-cancelled";

    fn name(&self) -> &str {
        &self.product
    }

    fn closed_at(&self, now: i64) -> Option<Msg> {
        (!self.cancellable_at(&now)).then(|| {
            Msg::new("error-software-window")
                .num("days", CANCEL_WINDOW_DAYS as f64)
                .date("date", self.created_at)
        })
    }
}

/// Cancels one active purchase of the customer, under the relationship lock; a refusal is
/// audited as failed.
pub fn cancel<P: Cancellable>(
    conn: &mut AnyConnection,
    ctx: &Ctx,
    customer_id: &str,
    id: &str,
) -> AppResult<P> {
    let refusal = Event {
        operation: P::OPERATION,
        resource_type: P::RESOURCE_TYPE,
        resource_id: Some(id),
        ..Default::default()
    };
    locked(conn, ctx, customer_id, refusal, |c, _rel| {
        let p = P::find(c, ctx.partner_id(), customer_id, id)?.ok_or(AppError::NotFound)?;
        let now = now_ms();
        if let Some(reason) = why_not(&p, now) {
            return Err(AppError::Conflict(reason));
        }
        cancel_recorded(c, &ctx.into(), customer_id, &p, now)?;
        Ok(P::find(c, ctx.partner_id(), customer_id, id)?.unwrap_or(p))
    })
}

/// Why cancelling `p` at `now` is refused: it is cancelled already, or its window has closed.
fn why_not<P: Cancellable>(p: &P, now: i64) -> Option<Msg> {
    if !p.is_active() {
        return Some(Msg::new(P::ALREADY_CANCELLED));
    }
    p.closed_at(now)
}

/// The purchase Cancel would end, for the question asked first (409 when Cancel would be
/// refused). Changes nothing.
pub fn cancel_question<P: Cancellable>(
    c: &mut AnyConnection,
    ctx: &Ctx,
    customer_id: &str,
    id: &str,
) -> AppResult<Confirmable<P>> {
    let (customer, relationship) =
        customers::find_as(c, ctx, customer_id, Permission::ManageSubscriptions)?;
    let p = P::find(c, ctx.partner_id(), customer_id, id)?.ok_or(AppError::NotFound)?;
    match why_not(&p, now_ms()) {
        Some(reason) => Err(AppError::Conflict(reason)),
        None => Ok(Confirmable { customer, relationship, item: p }),
    }
}

/// Cancels an active purchase and records it: the one step a cancellation and offboarding
/// share (checks and the relationship lock are the caller's).
pub(crate) fn cancel_recorded<P: Cancellable>(
    c: &mut AnyConnection,
    actor: &Actor,
    customer_id: &str,
    p: &P,
    now: i64,
) -> diesel::QueryResult<()> {
    P::cancel(c, p.id(), now)?;
    let ev = Event::change(
        customer_id,
        P::OPERATION,
        P::RESOURCE_TYPE,
        p.id(),
        "status: active",
        "status: cancelled",
    )
    .named(p.name());
    audit::record(c, actor, ev)
}
