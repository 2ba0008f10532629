use diesel::prelude::*;

use crate::db::AnyConnection;
use crate::db::schema::reservations;

pub const ACTIVE: &str = "active";
pub const CANCELLED: &str = "cancelled";

/// An Azure reservation (Reserved VM Instance) bought for the customer.
#[derive(Debug, Clone, Queryable, Selectable, Insertable)]
#[diesel(table_name = reservations)]
pub struct Reservation {
    pub id: String,
    pub partner_id: String,
    pub customer_id: String,
    pub name: String,
    pub sku: String,
    pub region: String,
    pub term: String,
    pub quantity: i32,
    pub status: String,
    pub created_at: i64,
    pub cancelled_at: Option<i64>,
}

impl Reservation {
    pub fn is_active(&self) -> bool {
        self.status == ACTIVE
    }
}

pub fn list_for_customer(
    conn: &mut AnyConnection,
    partner_id: &str,
    customer_id: &str,
) -> QueryResult<Vec<Reservation>> {
    reservations::table
        .filter(reservations::partner_id.eq(partner_id))
        .filter(reservations::customer_id.eq(customer_id))
        .order((reservations::name.asc(), reservations::id.asc()))
        .select(Reservation::as_select())
        .load(conn)
}

pub fn find(
    conn: &mut AnyConnection,
    partner_id: &str,
    customer_id: &str,
    id: &str,
) -> QueryResult<Option<Reservation>> {
    reservations::table
        .filter(reservations::partner_id.eq(partner_id))
        .filter(reservations::customer_id.eq(customer_id))
        .filter(reservations::id.eq(id))
        .select(Reservation::as_select())
        .first(conn)
        .optional()
}

pub fn cancel(conn: &mut AnyConnection, id: &str, at: i64) -> QueryResult<usize> {
    diesel::update(reservations::table.find(id))
        .set((reservations::status.eq(CANCELLED), reservations::cancelled_at.eq(Some(at))))
        .execute(conn)
}

pub fn insert(conn: &mut AnyConnection, r: &Reservation) -> QueryResult<()> {
    diesel::insert_into(reservations::table).values(r).execute(conn).map(|_| ())
}
