//! Subscription status changes, cancellations of reservations and software purchases, and new
//! purchases. Each locks the customer's relationship first, so none can interleave with a removal.

use crate::auth::permissions::Permission;
use crate::db::AnyConnection;
use crate::error::{AppError, AppResult};
use crate::i18n::Msg;
use crate::models::customer::Customer;
use crate::models::offer;
use crate::models::partner::Partner;
use crate::models::relationship::{self, Relationship};
use crate::models::reservation::{self, Reservation};
use crate::models::savings_plan::{self, SavingsPlan};
use crate::models::software::{self, SoftwarePurchase};
use crate::models::subscription::{self, Action, CommerceType, Subscription};
pub use crate::models::subscription::{SubscriptionStatus, Term};
use crate::services::audit::{self, Event, op};
use crate::services::{Ctx, customers};
use crate::util::tokens::new_id;

/// The key of the refusal of purchases and reactivations after a removal.
pub const NO_RELATIONSHIP: &str = "error-purchases-blocked";
pub const MAX_QUANTITY: i32 = 100_000;

/// Runs `f` in one transaction that starts by locking the customer's relationship with the
/// acting partner. Refusals (409) are audited after the rollback.
pub(crate) fn locked<T>(
    conn: &mut AnyConnection,
    ctx: &Ctx,
    customer_id: &str,
    refusal: Event<'_>,
    f: impl FnOnce(&mut AnyConnection, &Relationship) -> AppResult<T>,
) -> AppResult<T> {
    ctx.user.require(Permission::ManageSubscriptions)?;
    let result = crate::db::write::<_, AppError>(conn, |c| {
        let rel =
            relationship::lock(c, ctx.partner_id(), customer_id)?.ok_or(AppError::NotFound)?;
        settle(c, ctx.partner_id(), customer_id, ctx.now)?;
        f(c, &rel)
    });
    if let Err(AppError::Conflict(reason)) = &result {
        audit::record_refusal(
            conn,
            ctx,
            Event { customer_id: Some(customer_id), reason: Some(reason.clone()), ..refusal },
        );
    }
    result
}

/// Stores the renewals and expiries that happened by `now` (`Subscription::as_of`) for the
/// customer's subscriptions; reads work them out as they go, changes start from them.
pub(crate) fn settle(
    c: &mut AnyConnection,
    partner_id: &str,
    customer_id: &str,
    now: i64,
) -> diesel::QueryResult<()> {
    for s in subscription::list_for_customer(c, partner_id, customer_id)? {
        let settled = s.clone().as_of(now);
        if (&settled.status, settled.commitment_end_at) != (&s.status, s.commitment_end_at) {
            subscription::save_terms(c, &settled)?;
        }
    }
    Ok(())
}

/// The customer's subscriptions as they stand at `now`.
fn as_of(subs: Vec<Subscription>, now: i64) -> Vec<Subscription> {
    subs.into_iter().map(|s| s.as_of(now)).collect()
}

/// The warning a new-commerce suspension needs confirmed: billing goes on until the
/// commitment end, and (within the window) cancelling will not be possible after its end.
pub fn suspend_warning(sub: &Subscription, now: i64) -> Option<Msg> {
    if !sub.allows(Action::SuspendWithWarning, now) {
        return None;
    }
    let msg = match sub.cancel_deadline().filter(|_| sub.cancellable_at(&now)) {
        Some(deadline) => Msg::new("subscription-suspend-warning-window").date("until", deadline),
        None => Msg::new("subscription-suspend-warning"),
    };
    Some(msg.date("billed", sub.commitment_end()))
}

/// The warning a suspension of this subscription needs confirmed, if any: for the form's
/// confirmation step, to a user who may change it.
pub fn suspend_warning_for(
    c: &mut AnyConnection,
    ctx: &Ctx,
    customer_id: &str,
    sid: &str,
) -> AppResult<Option<Msg>> {
    ctx.user.require(Permission::ManageSubscriptions)?;
    Ok(suspend_warning(&get(c, ctx, customer_id, sid)?, ctx.now))
}

/// `locked`, for a change of one of the customer's subscriptions (404 for another's), audited
/// as a subscription update when refused. With `if_match`, a subscription whose etag differs
/// (it changed since the client read it) is refused with 412.
fn with_subscription<T>(
    conn: &mut AnyConnection,
    ctx: &Ctx,
    customer_id: &str,
    subscription_id: &str,
    if_match: Option<&str>,
    f: impl FnOnce(&mut AnyConnection, &Relationship, Subscription) -> AppResult<T>,
) -> AppResult<T> {
    let refusal = Event {
        operation: op::UPDATE_SUBSCRIPTION,
        resource_type: "subscription",
        resource_id: Some(subscription_id),
        ..Default::default()
    };
    locked(conn, ctx, customer_id, refusal, |c, rel| {
        let sub = subscription::find(c, ctx.partner_id(), customer_id, subscription_id)?
            .ok_or(AppError::NotFound)?
            .as_of(ctx.now);
        if if_match.is_some_and(|tag| tag != "*" && tag != sub.etag()) {
            return Err(AppError::PreconditionFailed(Msg::new("error-etag-stale")));
        }
        f(c, rel, sub)
    })
}

/// The outcome of a status change: every subscription that changed (the one asked for first,
/// then add-ons that followed it).
#[derive(Debug, Clone)]
pub struct StatusChanged {
    pub changed: Vec<String>,
    /// The name of the subscription asked for (its offer's), for the message.
    pub name: String,
}

pub fn change_status(
    conn: &mut AnyConnection,
    ctx: &Ctx,
    customer_id: &str,
    subscription_id: &str,
    target: SubscriptionStatus,
    if_match: Option<&str>,
    confirmed: bool,
) -> AppResult<StatusChanged> {
    with_subscription(conn, ctx, customer_id, subscription_id, if_match, |c, rel, sub| {
        let now = ctx.now;
        let mut changed: Vec<Subscription> = vec![sub.clone()];
        match (sub.status(), target) {
            (from, to) if from == to => {
                return Err(AppError::Conflict(
                    Msg::new("error-subscription-already").text("status", to.as_str()),
                ));
            }
            (SubscriptionStatus::Deleted | SubscriptionStatus::Expired, _) => {
                return Err(AppError::Conflict(
                    Msg::new("error-subscription-final").text("status", sub.status().as_str()),
                ));
            }
            (SubscriptionStatus::Active, SubscriptionStatus::Suspended) => {
                // The server is the guard: a suspension that keeps billing is made only when
                // the form says its warning was seen.
                if let Some(warning) = suspend_warning(&sub, now).filter(|_| !confirmed) {
                    return Err(AppError::Conflict(warning));
                }
                // Add-ons are suspended with their base.
                changed.extend(
                    subscription::addons_of(c, &sub.id)?.into_iter().filter(|a| a.is_active()),
                );
            }
            (SubscriptionStatus::Suspended, SubscriptionStatus::Active) => {
                if !rel.is_reseller() {
                    return Err(AppError::Conflict(Msg::new(NO_RELATIONSHIP)));
                }
                if let Some(parent_id) = &sub.parent_id {
                    let parent = subscription::find(c, ctx.partner_id(), customer_id, parent_id)?;
                    if let Some(parent) = parent.filter(|p| !p.is_active()) {
                        return Err(AppError::Conflict(
                            Msg::new("error-reactivate-base").text("name", &parent.offer_name),
                        ));
                    }
                }
                // Add-ons that were suspended together with this base come back with it.
                changed.extend(subscription::addons_of(c, &sub.id)?.into_iter().filter(|a| {
                    a.status() == SubscriptionStatus::Suspended
                        && a.suspended_at == sub.suspended_at
                }));
            }
            (_, to) => {
                return Err(AppError::Unprocessable(
                    Msg::new("error-subscription-target").text("status", to.as_str()),
                ));
            }
        }
        set_status_recorded(c, ctx, customer_id, changed, target, now)
    })
}

/// Sets the status of the subscriptions that change (the one asked for first) and records each.
fn set_status_recorded(
    c: &mut AnyConnection,
    ctx: &Ctx,
    customer_id: &str,
    changed: Vec<Subscription>,
    target: SubscriptionStatus,
    now: i64,
) -> AppResult<StatusChanged> {
    let ids: Vec<&str> = changed.iter().map(|s| s.id.as_str()).collect();
    subscription::set_status(c, &ids, target, now)?;
    for s in &changed {
        let ev = Event::change(
            customer_id,
            op::UPDATE_SUBSCRIPTION,
            "subscription",
            &s.id,
            format!("status: {}", s.status),
            match target {
                // Only a cancellation within the window makes a subscription deleted.
                SubscriptionStatus::Deleted => "status: deleted; refunded".to_owned(),
                _ => format!("status: {}", target.as_str()),
            },
        )
        .named(&s.offer_name);
        audit::record(c, &ctx.into(), ev)?;
    }
    let name = changed.first().map(|s| s.offer_name.clone()).unwrap_or_default();
    Ok(StatusChanged { changed: changed.into_iter().map(|s| s.id).collect(), name })
}

/// Inserts a bought subscription and records the purchase (`what` was bought).
fn insert_recorded(
    c: &mut AnyConnection,
    ctx: &Ctx,
    sub: &Subscription,
    what: String,
) -> AppResult<()> {
    subscription::insert(c, sub)?;
    let ev = Event {
        customer_id: Some(&sub.customer_id),
        operation: op::CREATE_SUBSCRIPTION,
        resource_type: "subscription",
        resource_id: Some(&sub.id),
        new_value: Some(what),
        resource_name: Some(sub.offer_name.clone()),
        ..Default::default()
    };
    Ok(audit::record(c, &ctx.into(), ev)?)
}

/// A validated purchase request.
#[derive(Debug, Clone)]
pub struct NewSubscription {
    pub offer_id: String,
    pub quantity: i32,
    pub term: Term,
}

/// A quantity as typed: a whole number from 1 to `MAX_QUANTITY`.
pub fn parse_quantity(typed: &str) -> Result<i32, Msg> {
    typed
        .trim()
        .parse()
        .ok()
        .filter(|q| (1..=MAX_QUANTITY).contains(q))
        .ok_or_else(|| Msg::new("error-quantity-range").num("max", MAX_QUANTITY))
}

impl NewSubscription {
    /// A purchase as the form sends it.
    pub fn parse(offer_id: &str, quantity: &str, term: &str) -> Result<Self, Msg> {
        let quantity = parse_quantity(quantity)?;
        let term = Term::parse(term).ok_or_else(|| Msg::new("error-choose-term"))?;
        if offer_id.trim().is_empty() {
            return Err(Msg::new("error-choose-offer"));
        }
        Ok(NewSubscription { offer_id: offer_id.to_owned(), quantity, term })
    }
}

/// The status a person may set from a form: active or suspended.
pub fn parse_settable_status(typed: &str) -> Result<SubscriptionStatus, AppError> {
    match SubscriptionStatus::parse(typed) {
        Some(t @ (SubscriptionStatus::Active | SubscriptionStatus::Suspended)) => Ok(t),
        _ => Err(AppError::Unprocessable(Msg::new("error-choose-status"))),
    }
}

/// What the Subscriptions tab shows.
pub struct Tab {
    pub customer: Customer,
    pub relationship: Relationship,
    pub subscriptions: Vec<Subscription>,
    pub reservations: Vec<Reservation>,
    pub savings_plans: Vec<SavingsPlan>,
    pub software: Vec<SoftwarePurchase>,
    pub offers: Vec<offer::Offer>,
}

pub fn tab(c: &mut AnyConnection, ctx: &Ctx, customer_id: &str) -> AppResult<Tab> {
    let (customer, relationship) = customers::view(c, ctx, customer_id)?;
    let p = ctx.partner_id();
    Ok(Tab {
        subscriptions: as_of(subscription::list_for_customer(c, p, customer_id)?, ctx.now),
        reservations: reservation::list_for_customer(c, p, customer_id)?,
        savings_plans: savings_plan::list_for_customer(c, p, customer_id)?,
        software: software::list_for_customer(c, p, customer_id)?,
        offers: offer::list_base(c)?,
        customer,
        relationship,
    })
}

/// The customer's subscriptions (each base followed by its add-ons).
pub fn list(c: &mut AnyConnection, ctx: &Ctx, customer_id: &str) -> AppResult<Vec<Subscription>> {
    customers::view(c, ctx, customer_id)?;
    Ok(as_of(subscription::list_for_customer(c, ctx.partner_id(), customer_id)?, ctx.now))
}

/// One of the customer's subscriptions.
pub fn get(
    c: &mut AnyConnection,
    ctx: &Ctx,
    customer_id: &str,
    sid: &str,
) -> AppResult<Subscription> {
    customers::view(c, ctx, customer_id)?;
    let sub = subscription::find(c, ctx.partner_id(), customer_id, sid)?;
    Ok(sub.ok_or(AppError::NotFound)?.as_of(ctx.now))
}

/// What a subscription's page shows.
pub struct Detail {
    pub customer: Customer,
    pub relationship: Relationship,
    pub sub: Subscription,
    pub parent: Option<Subscription>,
    pub addons: Vec<Subscription>,
    pub addon_offers: Vec<offer::Offer>,
    pub support_choices: Vec<Partner>,
    /// The designated support contact: (partner id, name).
    pub support_contact: Option<(String, String)>,
}

pub fn detail(c: &mut AnyConnection, ctx: &Ctx, customer_id: &str, sid: &str) -> AppResult<Detail> {
    let (customer, relationship) = customers::view(c, ctx, customer_id)?;
    let p = ctx.partner_id();
    let sub = subscription::find(c, p, customer_id, sid)?.ok_or(AppError::NotFound)?.as_of(ctx.now);
    let parent = match &sub.parent_id {
        Some(pid) => subscription::find(c, p, customer_id, pid)?.map(|s| s.as_of(ctx.now)),
        None => None,
    };
    let addon_offers =
        if sub.parent_id.is_none() { offer::addons_for(c, &sub.offer_id)? } else { Vec::new() };
    let support_choices = support_contact_choices(c, &ctx.user.partner)?;
    let support_contact =
        crate::models::support_contact::for_subscription(c, p, &sub.id)?.map(|sc| {
            let id = sc.contact_partner_id.unwrap_or_else(|| p.to_owned());
            let name = support_choices
                .iter()
                .find(|p| p.id == id)
                .map(|p| p.name.clone())
                .unwrap_or_default();
            (id, name)
        });
    Ok(Detail {
        addons: as_of(subscription::addons_of(c, &sub.id)?, ctx.now),
        customer,
        relationship,
        sub,
        parent,
        addon_offers,
        support_choices,
        support_contact,
    })
}

pub fn add_subscription(
    conn: &mut AnyConnection,
    ctx: &Ctx,
    customer_id: &str,
    req: &NewSubscription,
) -> AppResult<Subscription> {
    let refusal = Event {
        operation: op::CREATE_SUBSCRIPTION,
        resource_type: "subscription",
        ..Default::default()
    };
    locked(conn, ctx, customer_id, refusal, |c, rel| {
        if !rel.is_reseller() {
            return Err(AppError::Conflict(Msg::new(NO_RELATIONSHIP)));
        }
        let offer = offer::find(c, &req.offer_id)?
            .filter(|o| o.parent_offer_id.is_none())
            .ok_or_else(|| AppError::Unprocessable(Msg::new("error-choose-offer")))?;
        let now = ctx.now;
        let (commitment_end_at, cancel_window_end_at) = subscription::first_term(now, req.term);
        let sub = Subscription {
            id: new_id(),
            partner_id: ctx.partner_id().to_owned(),
            customer_id: customer_id.to_owned(),
            offer_id: offer.id.clone(),
            offer_name: offer.name.clone(),
            quantity: req.quantity,
            term: req.term.as_str().to_owned(),
            billing_cycle: req.term.billing_cycle().to_owned(),
            status: SubscriptionStatus::Active.as_str().to_owned(),
            commerce_type: CommerceType::parse(&offer.commerce_type)
                .unwrap_or(CommerceType::Legacy)
                .as_str()
                .to_owned(),
            parent_id: None,
            created_at: now,
            updated_at: now,
            suspended_at: None,
            commitment_end_at,
            auto_renew: true,
            cancel_window_end_at,
        };
        let what =
            format!("offer: {}; quantity: {}; term: {}", sub.offer_name, sub.quantity, sub.term);
        insert_recorded(c, ctx, &sub, what)?;
        Ok(sub)
    })
}

/// Buys an add-on for an active base subscription.
pub fn add_addon(
    conn: &mut AnyConnection,
    ctx: &Ctx,
    customer_id: &str,
    base_id: &str,
    offer_id: &str,
    quantity: i32,
) -> AppResult<Subscription> {
    let refusal = Event {
        operation: op::CREATE_SUBSCRIPTION,
        resource_type: "subscription",
        ..Default::default()
    };
    locked(conn, ctx, customer_id, refusal, |c, rel| {
        if !rel.is_reseller() {
            return Err(AppError::Conflict(Msg::new(NO_RELATIONSHIP)));
        }
        let base = subscription::find(c, ctx.partner_id(), customer_id, base_id)?
            .ok_or(AppError::NotFound)?;
        if base.parent_id.is_some() {
            return Err(AppError::Conflict(Msg::new("error-addon-of-addon")));
        }
        if !base.is_active() {
            return Err(AppError::Conflict(Msg::new("error-addon-inactive-base")));
        }
        let offer = offer::find(c, offer_id)?
            .filter(|o| o.parent_offer_id.as_deref() == Some(base.offer_id.as_str()))
            .ok_or_else(|| AppError::Unprocessable(Msg::new("error-choose-addon")))?;
        let now = ctx.now;
        let base = base.as_of(now);
        // An add-on ends and renews with its base.
        let sub = Subscription {
            id: new_id(),
            partner_id: base.partner_id.clone(),
            customer_id: base.customer_id.clone(),
            offer_id: offer.id,
            offer_name: offer.name,
            quantity,
            term: base.term.clone(),
            billing_cycle: base.billing_cycle.clone(),
            status: SubscriptionStatus::Active.as_str().into(),
            commerce_type: offer.commerce_type,
            parent_id: Some(base.id.clone()),
            created_at: now,
            updated_at: now,
            suspended_at: None,
            commitment_end_at: base.commitment_end_at,
            auto_renew: base.auto_renew,
            cancel_window_end_at: now + subscription::NCE_CANCEL_WINDOW_MS,
        };
        let what = format!(
            "add-on: {}; quantity: {}; base: {}",
            sub.offer_name, sub.quantity, base.offer_name
        );
        insert_recorded(c, ctx, &sub, what)?;
        Ok(sub)
    })
}

/// Cancels a new-commerce subscription within its cancellation window, with a refund (its
/// add-ons with it).
pub fn cancel_subscription(
    conn: &mut AnyConnection,
    ctx: &Ctx,
    customer_id: &str,
    subscription_id: &str,
    if_match: Option<&str>,
) -> AppResult<StatusChanged> {
    with_subscription(conn, ctx, customer_id, subscription_id, if_match, |c, _rel, sub| {
        let now = ctx.now;
        if let Some(refusal) = cancel_refusal(&sub, now) {
            return Err(AppError::Conflict(refusal));
        }
        let mut changed = vec![sub.clone()];
        changed.extend(
            as_of(subscription::addons_of(c, &sub.id)?, now).into_iter().filter(|a| a.is_live()),
        );
        set_status_recorded(c, ctx, customer_id, changed, SubscriptionStatus::Deleted, now)
    })
}

/// Why Cancel is refused for `sub` at `now`: only live new commerce inside its window cancels.
fn cancel_refusal(sub: &Subscription, now: i64) -> Option<Msg> {
    if sub.commerce_type() != CommerceType::NewCommerce {
        return Some(Msg::new("error-legacy-cancel"));
    }
    if !sub.is_live() {
        return Some(Msg::new("error-cancel-not-active").text("status", sub.status().as_str()));
    }
    (!sub.allows(Action::Cancel, now)).then(|| {
        Msg::new("error-nce-window-closed")
            .date("until", sub.cancel_window_end_at)
            .date("billed", sub.commitment_end())
    })
}

/// What Cancel would end: the subscription and its live add-ons, which end with it.
pub struct Cancelling {
    pub sub: Subscription,
    pub live_addons: usize,
}

/// What Cancel would end, for the question asked first (409 when Cancel would be refused).
/// Changes nothing.
pub fn cancel_question(
    c: &mut AnyConnection,
    ctx: &Ctx,
    customer_id: &str,
    subscription_id: &str,
) -> AppResult<customers::Confirmable<Cancelling>> {
    let (customer, relationship) =
        customers::find_as(c, ctx, customer_id, Permission::ManageSubscriptions)?;
    let sub = subscription::find(c, ctx.partner_id(), customer_id, subscription_id)?
        .ok_or(AppError::NotFound)?
        .as_of(ctx.now);
    if let Some(refusal) = cancel_refusal(&sub, ctx.now) {
        return Err(AppError::Conflict(refusal));
    }
    let addons = as_of(subscription::addons_of(c, &sub.id)?, ctx.now);
    let live_addons = addons.iter().filter(|a| a.is_live()).count();
    let item = Cancelling { sub, live_addons };
    Ok(customers::Confirmable { customer, relationship, item })
}

/// Turns auto-renew of a new-commerce subscription off (it then runs to its commitment end and
/// expires) or on again. Audited.
pub fn set_auto_renew(
    conn: &mut AnyConnection,
    ctx: &Ctx,
    customer_id: &str,
    subscription_id: &str,
    on: bool,
    if_match: Option<&str>,
) -> AppResult<Subscription> {
    with_subscription(conn, ctx, customer_id, subscription_id, if_match, |c, _rel, sub| {
        let now = ctx.now;
        let wanted = if on { Action::TurnOnAutoRenew } else { Action::TurnOffAutoRenew };
        if !sub.allows(wanted, now) {
            let msg = match (sub.is_new_commerce(), sub.is_live(), sub.auto_renew == on) {
                (false, ..) => Msg::new("error-auto-renew-legacy"),
                (true, false, _) => {
                    Msg::new("error-cancel-not-active").text("status", sub.status().as_str())
                }
                _ => Msg::new(if on {
                    "error-auto-renew-already-on"
                } else {
                    "error-auto-renew-already-off"
                }),
            };
            return Err(AppError::Conflict(msg));
        }
        subscription::set_auto_renew(c, &sub.id, on, now)?;
        let state = |on: bool| format!("auto-renew: {}", if on { "on" } else { "off" });
        let ev = Event::change(
            customer_id,
            op::UPDATE_SUBSCRIPTION,
            "subscription",
            &sub.id,
            state(!on),
            state(on),
        )
        .named(&sub.offer_name);
        audit::record(c, &ctx.into(), ev)?;
        Ok(Subscription { auto_renew: on, updated_at: now, ..sub })
    })
}

/// Who may be designated as support contact for the partner's subscriptions: the partner
/// itself and, for an indirect provider, its indirect resellers.
pub fn support_contact_choices(
    conn: &mut AnyConnection,
    partner: &Partner,
) -> diesel::QueryResult<Vec<Partner>> {
    let mut choices = vec![partner.clone()];
    if partner.kind() == crate::models::partner::PartnerKind::IndirectProvider {
        choices.extend(crate::models::partner::resellers_of(conn, &partner.id)?);
    }
    Ok(choices)
}

/// Sets (or clears, with `None`) the designated support contact of a subscription.
pub fn set_support_contact(
    conn: &mut AnyConnection,
    ctx: &Ctx,
    customer_id: &str,
    subscription_id: &str,
    contact_partner_id: Option<&str>,
) -> AppResult<Option<String>> {
    use crate::models::support_contact::{self, SupportContact};
    ctx.user.require(Permission::ManageSupportContacts)?;
    crate::db::write::<_, AppError>(conn, |c| {
        let rel =
            relationship::lock(c, ctx.partner_id(), customer_id)?.ok_or(AppError::NotFound)?;
        let sub = subscription::find(c, ctx.partner_id(), customer_id, subscription_id)?
            .ok_or(AppError::NotFound)?;
        if !rel.is_reseller() {
            return Err(AppError::Conflict(Msg::new(NO_RELATIONSHIP)));
        }
        let choices = support_contact_choices(c, &ctx.user.partner)?;
        let new_name = match contact_partner_id {
            None => None,
            Some(id) => {
                Some(choices.iter().find(|p| p.id == id).map(|p| p.name.clone()).ok_or_else(
                    || AppError::Unprocessable(Msg::new("error-choose-support-contact")),
                )?)
            }
        };
        let old = support_contact::for_subscription(c, ctx.partner_id(), &sub.id)?;
        let name_of = |id: Option<&str>| {
            let id = id.unwrap_or(ctx.partner_id());
            choices
                .iter()
                .find(|p| p.id == id)
                .map(|p| p.name.clone())
                .unwrap_or_else(|| id.to_string())
        };
        let old_name = old.as_ref().map(|o| name_of(o.contact_partner_id.as_deref()));
        support_contact::delete_for_subscription(c, ctx.partner_id(), &sub.id)?;
        if let Some(id) = contact_partner_id {
            support_contact::insert(
                c,
                &SupportContact {
                    id: new_id(),
                    partner_id: ctx.partner_id().to_owned(),
                    customer_id: customer_id.to_owned(),
                    subscription_id: sub.id.clone(),
                    contact_user_id: None,
                    created_at: ctx.now,
                    // The partner itself is stored as "no other partner".
                    contact_partner_id: (id != ctx.partner_id()).then(|| id.to_owned()),
                },
            )?;
        }
        audit::record(
            c,
            &ctx.into(),
            Event::change(
                customer_id,
                op::UPDATE_SUPPORT_CONTACT,
                "subscription",
                &sub.id,
                old_name.unwrap_or_else(|| "none".into()),
                new_name.clone().unwrap_or_else(|| "none".into()),
            )
            .named(&sub.offer_name),
        )?;
        Ok(new_name)
    })
}
