use diesel::prelude::*;

use crate::db::AnyConnection;
use crate::db::schema::{partners, support_contacts, users};

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

/// One designation with the names to show: the contact user's and the contact partner's.
pub type Named = (SupportContact, Option<String>, Option<String>);

/// The partner's designations for the customer.
pub fn list_for_customer(
    conn: &mut AnyConnection,
    partner_id: &str,
    customer_id: &str,
) -> QueryResult<Vec<Named>> {
    support_contacts::table
        .left_join(users::table.on(users::id.nullable().eq(support_contacts::contact_user_id)))
        .left_join(
            partners::table.on(partners::id.nullable().eq(support_contacts::contact_partner_id)),
        )
        .filter(support_contacts::partner_id.eq(partner_id))
        .filter(support_contacts::customer_id.eq(customer_id))
        .order(support_contacts::created_at.asc())
        .select((
            SupportContact::as_select(),
            users::display_name.nullable(),
            partners::name.nullable(),
        ))
        .load(conn)
}

/// The partner's designation for one subscription, if any.
pub fn for_subscription(
    conn: &mut AnyConnection,
    partner_id: &str,
    subscription_id: &str,
) -> QueryResult<Option<SupportContact>> {
    support_contacts::table
        .filter(support_contacts::partner_id.eq(partner_id))
        .filter(support_contacts::subscription_id.eq(subscription_id))
        .select(SupportContact::as_select())
        .first(conn)
        .optional()
}

pub fn delete_for_subscription(
    conn: &mut AnyConnection,
    partner_id: &str,
    subscription_id: &str,
) -> QueryResult<usize> {
    diesel::delete(
        support_contacts::table
            .filter(support_contacts::partner_id.eq(partner_id))
            .filter(support_contacts::subscription_id.eq(subscription_id)),
    )
    .execute(conn)
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
