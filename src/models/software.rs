use diesel::prelude::*;

use crate::db::AnyConnection;
use crate::db::schema::software_purchases;
use crate::util::clock::DAY_MS;

pub use crate::models::purchase::{ACTIVE, CANCELLED};
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
    /// Whether the purchase is still within its cancellation window at `now` (UTC ms).
    pub fn cancellable_at(&self, now: &i64) -> bool {
        *now - self.created_at <= CANCEL_WINDOW_DAYS * DAY_MS
    }
}

crate::models::purchase::purchase_queries!(software_purchases, SoftwarePurchase, product);
