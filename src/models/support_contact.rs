use diesel::prelude::*;

use crate::db::AnyConnection;
use crate::db::schema::{support_contacts, users};

/// A designation of this partner (or one of its users) as support contact for a subscription.
#[derive(Debug, Clone, Queryable, Selectable, Insertable)]
#[diesel(table_name = support_contacts)]
pub struct SupportContact {
    pub id: String,
    pub partner_id: String,
    pub customer_id: String,
    pub subscription_id: String,
    pub contact_user_id: Option<String>,
    pub created_at: i64,
    pub contact_partner_id: Option<String>,
}

/// The partner's designations for the customer, with the contact user's name where one is set.
pub fn list_for_customer(
    conn: &mut AnyConnection,
    partner_id: &str,
    customer_id: &str,
) -> QueryResult<Vec<(SupportContact, Option<String>)>> {
    support_contacts::table
        .left_join(users::table.on(users::id.nullable().eq(support_contacts::contact_user_id)))
        .filter(support_contacts::partner_id.eq(partner_id))
        .filter(support_contacts::customer_id.eq(customer_id))
        .order(support_contacts::created_at.asc())
        .select((SupportContact::as_select(), users::display_name.nullable()))
        .load(conn)
}

pub fn delete_for_customer(
    conn: &mut AnyConnection,
    partner_id: &str,
    customer_id: &str,
) -> QueryResult<usize> {
    diesel::delete(
        support_contacts::table
            .filter(support_contacts::partner_id.eq(partner_id))
            .filter(support_contacts::customer_id.eq(customer_id)),
    )
    .execute(conn)
}

pub fn insert(conn: &mut AnyConnection, c: &SupportContact) -> QueryResult<()> {
    diesel::insert_into(support_contacts::table).values(c).execute(conn).map(|_| ())
}
