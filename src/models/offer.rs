use diesel::prelude::*;

use crate::db::AnyConnection;
use crate::db::schema::offers;

/// An entry of the offer catalogue a subscription is bought from.
#[derive(Debug, Clone, Queryable, Selectable, Insertable)]
#[diesel(table_name = offers)]
pub struct Offer {
    pub id: String,
    pub name: String,
    pub commerce_type: String,
    pub parent_offer_id: Option<String>,
    pub sort_order: i32,
}

/// Offers that can be bought on their own (not add-ons).
pub fn list_base(conn: &mut AnyConnection) -> QueryResult<Vec<Offer>> {
    offers::table
        .filter(offers::parent_offer_id.is_null())
        .order((offers::sort_order.asc(), offers::name.asc()))
        .select(Offer::as_select())
        .load(conn)
}

pub fn find(conn: &mut AnyConnection, id: &str) -> QueryResult<Option<Offer>> {
    offers::table.find(id).select(Offer::as_select()).first(conn).optional()
}

pub fn count(conn: &mut AnyConnection) -> QueryResult<i64> {
    offers::table.count().get_result(conn)
}

pub fn insert(conn: &mut AnyConnection, o: &Offer) -> QueryResult<()> {
    diesel::insert_into(offers::table).values(o).execute(conn).map(|_| ())
}

/// The add-ons that can be bought for a subscription of the given base offer.
pub fn addons_for(conn: &mut AnyConnection, base_offer_id: &str) -> QueryResult<Vec<Offer>> {
    offers::table
        .filter(offers::parent_offer_id.eq(base_offer_id))
        .order((offers::sort_order.asc(), offers::name.asc()))
        .select(Offer::as_select())
        .load(conn)
}
