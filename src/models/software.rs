use diesel::prelude::*;

use crate::db::AnyConnection;
use crate::db::schema::software_purchases;
use crate::util::clock::DAY_MS;

pub const ACTIVE: &str = "active";
pub const CANCELLED: &str = "cancelled";
/// A software purchase can be cancelled this many days after it was made.
pub const CANCEL_WINDOW_DAYS: i64 = 30;

/// A software purchase (order) made for the customer.
#[derive(Debug, Clone, Queryable, Selectable, Insertable)]
#[diesel(table_name = software_purchases)]
pub struct SoftwarePurchase {
    pub id: String,
    pub partner_id: String,
    pub customer_id: String,
    pub product: String,
    pub order_id: String,
    pub quantity: i32,
    pub status: String,
    pub created_at: i64,
    pub cancelled_at: Option<i64>,
}

impl SoftwarePurchase {
    pub fn is_active(&self) -> bool {
        self.status == ACTIVE
    }

    /// Whether the purchase is still within its cancellation window at `now` (UTC ms).
    pub fn cancellable_at(&self, now: &i64) -> bool {
        *now - self.created_at <= CANCEL_WINDOW_DAYS * DAY_MS
    }
}

pub fn list_for_customer(
    conn: &mut AnyConnection,
    partner_id: &str,
    customer_id: &str,
) -> QueryResult<Vec<SoftwarePurchase>> {
    software_purchases::table
        .filter(software_purchases::partner_id.eq(partner_id))
        .filter(software_purchases::customer_id.eq(customer_id))
        .order((software_purchases::product.asc(), software_purchases::id.asc()))
        .select(SoftwarePurchase::as_select())
        .load(conn)
}

pub fn find(
    conn: &mut AnyConnection,
    partner_id: &str,
    customer_id: &str,
    id: &str,
) -> QueryResult<Option<SoftwarePurchase>> {
    software_purchases::table
        .filter(software_purchases::partner_id.eq(partner_id))
        .filter(software_purchases::customer_id.eq(customer_id))
        .filter(software_purchases::id.eq(id))
        .select(SoftwarePurchase::as_select())
        .first(conn)
        .optional()
}

pub fn cancel(conn: &mut AnyConnection, id: &str, at: i64) -> QueryResult<usize> {
    diesel::update(software_purchases::table.find(id))
        .set((
            software_purchases::status.eq(CANCELLED),
            software_purchases::cancelled_at.eq(Some(at)),
        ))
        .execute(conn)
}

pub fn insert(conn: &mut AnyConnection, r: &SoftwarePurchase) -> QueryResult<()> {
    diesel::insert_into(software_purchases::table).values(r).execute(conn).map(|_| ())
}
