use diesel::prelude::*;

use crate::db::AnyConnection;
use crate::db::schema::subscriptions;
use crate::util::clock::DAY_MS;

super::text_enum! {
    SubscriptionStatus {
        Active => "active", "Active";
        Suspended => "suspended", "Suspended";
        Deleted => "deleted", "Cancelled";
        Expired => "expired", "Expired";
    }
}

super::text_enum! {
    CommerceType {
        Legacy => "legacy", "Legacy";
        NewCommerce => "new_commerce", "New commerce";
    }
}

super::text_enum! {
    Term {
        Monthly => "P1M", "1 month";
        Annual => "P1Y", "1 year";
        Triennial => "P3Y", "3 years";
    }
}

impl Term {
    pub fn months(self) -> u32 {
        match self {
            Term::Monthly => 1,
            Term::Annual => 12,
            Term::Triennial => 36,
        }
    }

    /// The billing cycle a purchase of this term gets.
    pub fn billing_cycle(self) -> &'static str {
        match self {
            Term::Monthly => "monthly",
            Term::Annual => "annual",
            Term::Triennial => "triennial",
        }
    }
}

#[derive(Debug, Clone, Queryable, Selectable, Insertable)]
#[diesel(table_name = subscriptions)]
pub struct Subscription {
    pub id: String,
    pub partner_id: String,
    pub customer_id: String,
    pub offer_id: String,
    pub offer_name: String,
    pub quantity: i32,
    pub term: String,
    pub billing_cycle: String,
    pub status: String,
    pub commerce_type: String,
    pub parent_id: Option<String>,
    pub created_at: i64,
    pub updated_at: i64,
    pub suspended_at: Option<i64>,
    pub commitment_end_at: i64,
    pub auto_renew: bool,
    pub cancel_window_end_at: i64,
}

impl Subscription {
    pub fn status(&self) -> SubscriptionStatus {
        SubscriptionStatus::parse(&self.status).unwrap_or(SubscriptionStatus::Expired)
    }
    pub fn commerce_type(&self) -> CommerceType {
        CommerceType::parse(&self.commerce_type).unwrap_or(CommerceType::Legacy)
    }
    /// The billing cycle in a locale (`billing-<cycle>` in the messages), else as stored.
    pub fn billing_in(&self, l: &crate::i18n::Locale) -> String {
        let key = format!("billing-{}", self.billing_cycle);
        if l.has(&key) { l.t(&key) } else { self.billing_cycle.clone() }
    }

    /// The key of the term's label (`—` when the stored term is unknown).
    pub fn term_key(&self) -> &'static str {
        Term::parse(&self.term).map(Term::key).unwrap_or("term-unknown")
    }
    pub fn term_label(&self) -> &'static str {
        Term::parse(&self.term).map(Term::label).unwrap_or("—")
    }
    pub fn is_active(&self) -> bool {
        self.status() == SubscriptionStatus::Active
    }

    /// The subscription's version (an HTTP entity tag): it changes with every change.
    pub fn etag(&self) -> String {
        let v = format!("{}|{}|{}|{}", self.id, self.status, self.quantity, self.updated_at);
        format!("W/\"{}\"", &crate::util::tokens::sha256_hex(v)[..16])
    }

    pub fn is_new_commerce(&self) -> bool {
        self.commerce_type() == CommerceType::NewCommerce
    }

    /// Active or suspended: still running, and still billed.
    pub fn is_live(&self) -> bool {
        matches!(self.status(), SubscriptionStatus::Active | SubscriptionStatus::Suspended)
    }

    /// The end of the current term (UTC ms): what the partner is billed until.
    pub fn commitment_end(&self) -> i64 {
        self.commitment_end_at
    }

    /// Until when a new-commerce subscription can be cancelled (UTC ms); None for legacy.
    pub fn cancel_deadline(&self) -> Option<i64> {
        self.is_new_commerce().then_some(self.cancel_window_end_at)
    }

    /// Whether it can be cancelled now: live, new commerce, less than 168 hours after its
    /// purchase or last renewal.
    pub fn cancellable_at(&self, now: &i64) -> bool {
        self.is_live() && self.cancel_deadline().is_some_and(|d| *now < d)
    }

    /// Whole days left to cancel (at least 1 while the window is open).
    pub fn cancel_days_left(&self, now: &i64) -> i64 {
        self.cancel_deadline().map(|d| ((d - *now) + DAY_MS - 1) / DAY_MS).unwrap_or(0).max(0)
    }

    /// The subscription as it stands at `now`. A live term that has ended renews when
    /// auto-renew is on (the commitment moves on by whole terms from the purchase, and the
    /// cancellation window reopens at the renewal), else the subscription has expired.
    pub fn as_of(mut self, now: i64) -> Subscription {
        let Some(months) = Term::parse(&self.term).map(Term::months) else { return self };
        if !self.is_live() || self.commitment_end_at > now {
            return self;
        }
        if !self.auto_renew {
            self.status = SubscriptionStatus::Expired.as_str().to_owned();
            return self;
        }
        let (mut terms, mut start) = (1, self.created_at);
        let mut end = add_months(self.created_at, months);
        while end <= now {
            terms += 1;
            start = end;
            end = add_months(self.created_at, months * terms);
        }
        self.commitment_end_at = end;
        self.cancel_window_end_at = start + NCE_CANCEL_WINDOW_MS;
        self
    }

    /// What can be done with this subscription now: the one place of the commerce rules.
    pub fn actions(&self, now: i64) -> Vec<Action> {
        let mut actions = Vec::new();
        let nce = self.is_new_commerce();
        match self.status() {
            SubscriptionStatus::Active if nce => actions.push(Action::SuspendWithWarning),
            SubscriptionStatus::Active => actions.push(Action::Suspend),
            SubscriptionStatus::Suspended => actions.push(Action::Reactivate),
            SubscriptionStatus::Deleted | SubscriptionStatus::Expired => return actions,
        }
        if nce {
            if self.cancellable_at(&now) {
                actions.insert(0, Action::Cancel);
            }
            actions.push(match self.auto_renew {
                true => Action::TurnOffAutoRenew,
                false => Action::TurnOnAutoRenew,
            });
        }
        actions
    }

    /// Whether `action` is one of `actions(now)` (templates pass `now` by reference).
    pub fn allows(&self, action: Action, now: impl crate::util::clock::Millis) -> bool {
        self.actions(now.millis()).contains(&action)
    }

    /// What stands between this subscription and a removal of the relationship, if anything:
    /// a suspended legacy subscription no longer blocks; a new-commerce one blocks until it is
    /// cancelled or has expired, because it is billed while it runs.
    pub fn removal_step(&self, now: i64) -> Option<RemovalStep> {
        let billed_until = self.commitment_end_at;
        match (self.is_new_commerce(), self.status()) {
            (false, SubscriptionStatus::Active) => Some(RemovalStep::Suspend),
            (true, SubscriptionStatus::Active | SubscriptionStatus::Suspended) => {
                Some(if self.cancellable_at(&now) {
                    RemovalStep::Cancel { until: self.cancel_window_end_at }
                } else if self.auto_renew {
                    RemovalStep::TurnOffAutoRenew { billed_until }
                } else {
                    RemovalStep::RunsOut { billed_until }
                })
            }
            _ => None,
        }
    }
}

/// Something a person may do with a subscription (`Subscription::actions`).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Action {
    Suspend,
    /// Suspending new commerce does not stop billing: allowed after a warning that says so.
    SuspendWithWarning,
    Reactivate,
    /// Cancel with a refund: new commerce within its cancellation window.
    Cancel,
    TurnOffAutoRenew,
    TurnOnAutoRenew,
}

/// What clears a subscription as a removal blocker.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum RemovalStep {
    /// Legacy: suspending clears it.
    Suspend,
    /// New commerce within its window: cancel (refunded) before `until`.
    Cancel { until: i64 },
    /// New commerce past its window: turn off auto-renew; billed, and blocking, until the end.
    TurnOffAutoRenew { billed_until: i64 },
    /// New commerce past its window with auto-renew off: it expires at the end of its term.
    RunsOut { billed_until: i64 },
}

impl RemovalStep {
    /// Whether doing the step now clears the blocker now.
    pub fn clears_now(self) -> bool {
        matches!(self, RemovalStep::Suspend | RemovalStep::Cancel { .. })
    }

    /// Until when it blocks when nothing can clear it sooner.
    pub fn blocks_until(self) -> Option<i64> {
        match self {
            RemovalStep::TurnOffAutoRenew { billed_until }
            | RemovalStep::RunsOut { billed_until } => Some(billed_until),
            _ => None,
        }
    }
}

/// New-commerce subscriptions can be cancelled within 168 hours of purchase or renewal.
pub const NCE_CANCEL_WINDOW_MS: i64 = 168 * 60 * 60 * 1000;

/// `ms` plus `months` calendar months; a day past the target month's end becomes its last day.
pub fn add_months(ms: i64, months: u32) -> i64 {
    let start = crate::util::clock::to_datetime(ms);
    let total = start.month() as u32 - 1 + months;
    let (year, month) = (start.year() + (total / 12) as i32, (total % 12) as u8 + 1);
    let Ok(month) = time::Month::try_from(month) else { return ms };
    let day = start.day().min(month.length(year));
    match time::Date::from_calendar_date(year, month, day) {
        Ok(date) => (start.replace_date(date).unix_timestamp_nanos() / 1_000_000) as i64,
        Err(_) => ms,
    }
}

/// The commitment end and the cancellation window's end of a purchase made at `at`.
pub fn first_term(at: i64, term: Term) -> (i64, i64) {
    (add_months(at, term.months()), at + NCE_CANCEL_WINDOW_MS)
}

/// The customer's subscriptions with this partner: each base followed by its add-ons.
pub fn list_for_customer(
    conn: &mut AnyConnection,
    partner_id: &str,
    customer_id: &str,
) -> QueryResult<Vec<Subscription>> {
    let all: Vec<Subscription> = subscriptions::table
        .filter(subscriptions::partner_id.eq(partner_id))
        .filter(subscriptions::customer_id.eq(customer_id))
        .order((
            subscriptions::offer_name.asc(),
            subscriptions::created_at.asc(),
            subscriptions::id.asc(),
        ))
        .select(Subscription::as_select())
        .load(conn)?;
    let mut ordered = Vec::with_capacity(all.len());
    for base in all.iter().filter(|s| s.parent_id.is_none()) {
        ordered.push(base.clone());
        ordered.extend(all.iter().filter(|s| s.parent_id.as_deref() == Some(&base.id)).cloned());
    }
    // Add-ons whose base is not listed (should not happen) still show.
    for orphan in all.iter().filter(|s| s.parent_id.is_some()) {
        if !ordered.iter().any(|o| o.id == orphan.id) {
            ordered.push(orphan.clone());
        }
    }
    Ok(ordered)
}

pub fn find(
    conn: &mut AnyConnection,
    partner_id: &str,
    customer_id: &str,
    id: &str,
) -> QueryResult<Option<Subscription>> {
    subscriptions::table
        .filter(subscriptions::partner_id.eq(partner_id))
        .filter(subscriptions::customer_id.eq(customer_id))
        .filter(subscriptions::id.eq(id))
        .select(Subscription::as_select())
        .first(conn)
        .optional()
}

pub fn addons_of(conn: &mut AnyConnection, base_id: &str) -> QueryResult<Vec<Subscription>> {
    subscriptions::table
        .filter(subscriptions::parent_id.eq(base_id))
        .order((subscriptions::offer_name.asc(), subscriptions::id.asc()))
        .select(Subscription::as_select())
        .load(conn)
}

pub fn list_active(
    conn: &mut AnyConnection,
    partner_id: &str,
    customer_id: &str,
) -> QueryResult<Vec<Subscription>> {
    subscriptions::table
        .filter(subscriptions::partner_id.eq(partner_id))
        .filter(subscriptions::customer_id.eq(customer_id))
        .filter(subscriptions::status.eq(SubscriptionStatus::Active.as_str()))
        .order((subscriptions::offer_name.asc(), subscriptions::id.asc()))
        .select(Subscription::as_select())
        .load(conn)
}

/// Sets the status of the given subscriptions (suspension time kept in step).
pub fn set_status(
    conn: &mut AnyConnection,
    ids: &[&str],
    status: SubscriptionStatus,
    at: i64,
) -> QueryResult<usize> {
    let suspended_at = (status == SubscriptionStatus::Suspended).then_some(at);
    diesel::update(subscriptions::table.filter(subscriptions::id.eq_any(ids)))
        .set((
            subscriptions::status.eq(status.as_str()),
            subscriptions::updated_at.eq(at),
            subscriptions::suspended_at.eq(suspended_at),
        ))
        .execute(conn)
}

/// Turns auto-renew on or off.
pub fn set_auto_renew(conn: &mut AnyConnection, id: &str, on: bool, at: i64) -> QueryResult<usize> {
    diesel::update(subscriptions::table.filter(subscriptions::id.eq(id)))
        .set((subscriptions::auto_renew.eq(on), subscriptions::updated_at.eq(at)))
        .execute(conn)
}

/// Stores what `Subscription::as_of` worked out: a renewal's new term and window, or expiry.
pub fn save_terms(conn: &mut AnyConnection, s: &Subscription) -> QueryResult<usize> {
    diesel::update(subscriptions::table.filter(subscriptions::id.eq(&s.id)))
        .set((
            subscriptions::status.eq(&s.status),
            subscriptions::commitment_end_at.eq(s.commitment_end_at),
            subscriptions::cancel_window_end_at.eq(s.cancel_window_end_at),
        ))
        .execute(conn)
}

pub fn insert(conn: &mut AnyConnection, s: &Subscription) -> QueryResult<()> {
    diesel::insert_into(subscriptions::table).values(s).execute(conn).map(|_| ())
}

/// Inserts many rows in statements of a few hundred rows each (bulk loading).
pub fn insert_many(conn: &mut AnyConnection, rows: &[Subscription]) -> QueryResult<()> {
    for chunk in rows.chunks(500) {
        match conn {
            AnyConnection::Sqlite(c) => {
                diesel::insert_into(subscriptions::table).values(chunk).execute(c)?
            }
            AnyConnection::Postgresql(c) => {
                diesel::insert_into(subscriptions::table).values(chunk).execute(c)?
            }
        };
    }
    Ok(())
}
