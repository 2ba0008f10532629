use diesel::prelude::*;

use crate::db::AnyConnection;
use crate::db::schema::audit_log;

/// One audit record. Append-only: there is no update or delete here.
#[derive(Debug, Clone, Queryable, Selectable, Insertable)]
#[diesel(table_name = audit_log)]
pub struct AuditRecord {
    pub id: String,
    pub partner_id: Option<String>,
    pub user_id: Option<String>,
    pub actor: String,
    pub customer_id: Option<String>,
    pub operation: String,
    pub resource_type: String,
    pub resource_id: Option<String>,
    pub old_value: Option<String>,
    pub new_value: Option<String>,
    pub status: String,
    pub at: i64,
    pub request_id: String,
}

pub const SUCCEEDED: &str = "succeeded";
pub const FAILED: &str = "failed";

pub fn insert(conn: &mut AnyConnection, r: &AuditRecord) -> QueryResult<()> {
    diesel::insert_into(audit_log::table).values(r).execute(conn).map(|_| ())
}

/// The newest records about one customer of one partner.
pub fn list_for_customer(
    conn: &mut AnyConnection,
    partner_id: &str,
    customer_id: &str,
    limit: i64,
) -> QueryResult<Vec<AuditRecord>> {
    audit_log::table
        .filter(audit_log::partner_id.eq(partner_id))
        .filter(audit_log::customer_id.eq(customer_id))
        .order((audit_log::at.desc(), audit_log::id.desc()))
        .limit(limit)
        .select(AuditRecord::as_select())
        .load(conn)
}

/// Records of one operation for a partner, newest first (used by tests and the activity views).
pub fn list_by_operation(
    conn: &mut AnyConnection,
    partner_id: &str,
    operation: &str,
) -> QueryResult<Vec<AuditRecord>> {
    audit_log::table
        .filter(audit_log::partner_id.eq(partner_id))
        .filter(audit_log::operation.eq(operation))
        .order((audit_log::at.desc(), audit_log::id.desc()))
        .select(AuditRecord::as_select())
        .load(conn)
}
