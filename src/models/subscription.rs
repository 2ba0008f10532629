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

    /// The end of the first term: the purchase date plus the term, by the calendar (UTC ms);
    /// `None` for a term this version does not know.
    pub fn commitment_end(&self) -> Option<i64> {
        let months = Term::parse(&self.term)?.months();
        let start = crate::util::clock::to_datetime(self.created_at);
        let total = start.month() as u32 - 1 + months;
        let (year, month) = (start.year() + (total / 12) as i32, (total % 12) as u8 + 1);
        let month = time::Month::try_from(month).ok()?;
        let day = start.day().min(month.length(year));
        let date = time::Date::from_calendar_date(year, month, day).ok()?;
        Some((start.replace_date(date).unix_timestamp_nanos() / 1_000_000) as i64)
    }

    /// Until when a new-commerce subscription can be cancelled (UTC ms); None for legacy.
    pub fn cancel_deadline(&self) -> Option<i64> {
        (self.commerce_type() == CommerceType::NewCommerce)
            .then_some(self.created_at + NCE_CANCEL_WINDOW_DAYS * DAY_MS)
    }

    /// Whether it can be cancelled now: active, new commerce, within the window.
    pub fn cancellable_at(&self, now: &i64) -> bool {
        self.is_active() && self.cancel_deadline().is_some_and(|d| *now <= d)
    }

    /// Whole days left to cancel (at least 1 while the window is open).
    pub fn cancel_days_left(&self, now: &i64) -> i64 {
        self.cancel_deadline().map(|d| ((d - *now) + DAY_MS - 1) / DAY_MS).unwrap_or(0).max(0)
    }
}

/// New-commerce subscriptions can be cancelled this many days after purchase.
pub const NCE_CANCEL_WINDOW_DAYS: i64 = 7;

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
