//! The queries every purchase kind besides subscriptions shares (Azure reservations, Azure
//! savings plans, software purchases): one status column `active` | `cancelled`, scoped by partner and customer.

use diesel::QueryResult;

use crate::db::AnyConnection;

pub const ACTIVE: &str = "active";
pub const CANCELLED: &str = "cancelled";

/// A purchase kind as code that serves every kind sees it (written by `purchase_queries!`).
pub trait Purchase: Sized {
    fn id(&self) -> &str;
    fn is_active(&self) -> bool;
    fn status(&self) -> &str;
    fn cancelled_at(&self) -> Option<i64>;
    fn find(
        c: &mut AnyConnection,
        partner_id: &str,
        customer_id: &str,
        id: &str,
    ) -> QueryResult<Option<Self>>;
    fn cancel(c: &mut AnyConnection, id: &str, at: i64) -> QueryResult<usize>;
}

/// Writes `list_for_customer` (ordered by `$order`, then id), `find`, `cancel` and `insert` for
/// a purchase table and its row struct, its `is_active`, and its `Purchase` implementation.
macro_rules! purchase_queries {
    ($table:ident, $row:ty, $order:ident) => {
        impl $row {
            pub fn is_active(&self) -> bool {
                self.status == $crate::models::purchase::ACTIVE
            }
        }

        impl $crate::models::purchase::Purchase for $row {
            fn id(&self) -> &str {
                &self.id
            }
            fn is_active(&self) -> bool {
                <$row>::is_active(self)
            }
            fn status(&self) -> &str {
                &self.status
            }
            fn cancelled_at(&self) -> Option<i64> {
                self.cancelled_at
            }
            fn find(
                c: &mut AnyConnection,
                partner_id: &str,
                customer_id: &str,
                id: &str,
            ) -> QueryResult<Option<Self>> {
                find(c, partner_id, customer_id, id)
            }
            fn cancel(c: &mut AnyConnection, id: &str, at: i64) -> QueryResult<usize> {
                cancel(c, id, at)
            }
        }

        pub fn list_for_customer(
            conn: &mut AnyConnection,
            partner_id: &str,
            customer_id: &str,
        ) -> QueryResult<Vec<$row>> {
            $table::table
                .filter($table::partner_id.eq(partner_id))
                .filter($table::customer_id.eq(customer_id))
                .order(($table::$order.asc(), $table::id.asc()))
                .select(<$row>::as_select())
                .load(conn)
        }

        pub fn find(
            conn: &mut AnyConnection,
            partner_id: &str,
            customer_id: &str,
            id: &str,
        ) -> QueryResult<Option<$row>> {
            $table::table
                .filter($table::partner_id.eq(partner_id))
                .filter($table::customer_id.eq(customer_id))
                .filter($table::id.eq(id))
                .select(<$row>::as_select())
                .first(conn)
                .optional()
        }

        pub fn cancel(conn: &mut AnyConnection, id: &str, at: i64) -> QueryResult<usize> {
            diesel::update($table::table.find(id))
                .set((
                    $table::status.eq($crate::models::purchase::CANCELLED),
                    $table::cancelled_at.eq(Some(at)),
                ))
                .execute(conn)
        }

        pub fn insert(conn: &mut AnyConnection, row: &$row) -> QueryResult<()> {
            diesel::insert_into($table::table).values(row).execute(conn).map(|_| ())
        }
    };
}
pub(crate) use purchase_queries;
