//! GDAP access assignments (Microsoft Graph's `delegatedAdminAccessAssignment`): a security
//! group of the partner gets some of a GDAP relationship's roles. Also the few reads of GDAP
//! relationships the assignments need (their partner, customer, status and roles).

use diesel::prelude::*;

use crate::db::AnyConnection;
use crate::db::schema::{
    gdap_access_assignment_roles, gdap_access_assignments, gdap_relationship_roles,
    gdap_relationships, security_group_members, security_groups, users,
};

/// Graph's assignment statuses. Everything but `deleted` is live (one live per relationship
/// and group: a unique index).
pub const PENDING: &str = "pending";
pub const ACTIVE: &str = "active";
pub const DELETED: &str = "deleted";

/// The relationship statuses under which the partner holds the relationship's roles.
pub const RELATIONSHIP_LIVE: [&str; 2] = ["active", "expiring"];

#[derive(Debug, Clone, Queryable, Selectable, Insertable)]
#[diesel(table_name = gdap_access_assignments)]
pub struct Assignment {
    pub id: String,
    pub relationship_id: String,
    pub group_id: String,
    pub status: String,
    pub created_at: i64,
    pub updated_at: i64,
}

/// What an assignment needs to know of a GDAP relationship.
#[derive(Debug, Clone, Queryable, Selectable)]
#[diesel(table_name = gdap_relationships)]
pub struct RelationshipRef {
    pub id: String,
    pub partner_id: String,
    pub customer_id: String,
    pub display_name: String,
    pub status: String,
    pub end_at: Option<i64>,
}

impl RelationshipRef {
    /// Whether the partner holds its roles now (active or expiring).
    pub fn is_live(&self) -> bool {
        RELATIONSHIP_LIVE.contains(&self.status.as_str())
    }
}

/// An assignment as a customer's Access page lists it.
#[derive(Debug, Clone)]
pub struct Listed {
    pub assignment: Assignment,
    pub group_name: String,
    pub relationship: RelationshipRef,
    /// Role definition ids.
    pub roles: Vec<String>,
}

/// One role one user holds: (user id, user name, email, group id, group name, relationship
/// id, relationship name, role definition id).
pub type Holding = (String, String, String, String, String, String, String, String);

/// The partner's GDAP relationship with this id; another partner's is `None`.
pub fn relationship_for_partner(
    conn: &mut AnyConnection,
    partner_id: &str,
    id: &str,
) -> QueryResult<Option<RelationshipRef>> {
    gdap_relationships::table
        .find(id)
        .filter(gdap_relationships::partner_id.eq(partner_id))
        .select(RelationshipRef::as_select())
        .first(conn)
        .optional()
}

/// `relationship_for_partner`, locking the row for the rest of the transaction on PostgreSQL
/// (SQLite's writing transaction already holds the lock), so its status cannot change under us.
pub fn lock_relationship(
    conn: &mut AnyConnection,
    partner_id: &str,
    id: &str,
) -> QueryResult<Option<RelationshipRef>> {
    let row =
        gdap_relationships::table.find(id).filter(gdap_relationships::partner_id.eq(partner_id));
    match conn {
        AnyConnection::Postgresql(pg) => {
            row.select(RelationshipRef::as_select()).for_update().first(pg).optional()
        }
        AnyConnection::Sqlite(sq) => row.select(RelationshipRef::as_select()).first(sq).optional(),
    }
}

/// The partner's relationships with the customer, newest first.
pub fn relationships_of_customer(
    conn: &mut AnyConnection,
    partner_id: &str,
    customer_id: &str,
) -> QueryResult<Vec<RelationshipRef>> {
    gdap_relationships::table
        .filter(gdap_relationships::partner_id.eq(partner_id))
        .filter(gdap_relationships::customer_id.eq(customer_id))
        .order((gdap_relationships::created_at.desc(), gdap_relationships::id))
        .select(RelationshipRef::as_select())
        .load(conn)
}

/// A relationship's role definition ids.
pub fn relationship_roles(
    conn: &mut AnyConnection,
    relationship_id: &str,
) -> QueryResult<Vec<String>> {
    gdap_relationship_roles::table
        .filter(gdap_relationship_roles::relationship_id.eq(relationship_id))
        .select(gdap_relationship_roles::role_definition_id)
        .load(conn)
}

pub fn insert(conn: &mut AnyConnection, a: &Assignment, roles: &[String]) -> QueryResult<()> {
    diesel::insert_into(gdap_access_assignments::table).values(a).execute(conn)?;
    set_roles(conn, &a.id, roles)
}

/// Replaces the assignment's roles.
pub fn set_roles(
    conn: &mut AnyConnection,
    assignment_id: &str,
    roles: &[String],
) -> QueryResult<()> {
    diesel::delete(
        gdap_access_assignment_roles::table
            .filter(gdap_access_assignment_roles::assignment_id.eq(assignment_id)),
    )
    .execute(conn)?;
    for r in roles {
        diesel::insert_into(gdap_access_assignment_roles::table)
            .values((
                gdap_access_assignment_roles::assignment_id.eq(assignment_id),
                gdap_access_assignment_roles::role_definition_id.eq(r),
            ))
            .execute(conn)?;
    }
    Ok(())
}

pub fn roles_of(conn: &mut AnyConnection, assignment_id: &str) -> QueryResult<Vec<String>> {
    gdap_access_assignment_roles::table
        .filter(gdap_access_assignment_roles::assignment_id.eq(assignment_id))
        .select(gdap_access_assignment_roles::role_definition_id)
        .load(conn)
}

pub fn set_status(conn: &mut AnyConnection, id: &str, status: &str, at: i64) -> QueryResult<usize> {
    diesel::update(gdap_access_assignments::table.find(id))
        .set((
            gdap_access_assignments::status.eq(status),
            gdap_access_assignments::updated_at.eq(at),
        ))
        .execute(conn)
}

pub fn touch(conn: &mut AnyConnection, id: &str, at: i64) -> QueryResult<usize> {
    diesel::update(gdap_access_assignments::table.find(id))
        .set(gdap_access_assignments::updated_at.eq(at))
        .execute(conn)
}

/// The live assignment of the group on the relationship, if there is one.
pub fn live_for(
    conn: &mut AnyConnection,
    relationship_id: &str,
    group_id: &str,
) -> QueryResult<Option<Assignment>> {
    gdap_access_assignments::table
        .filter(gdap_access_assignments::relationship_id.eq(relationship_id))
        .filter(gdap_access_assignments::group_id.eq(group_id))
        .filter(gdap_access_assignments::status.ne(DELETED))
        .select(Assignment::as_select())
        .first(conn)
        .optional()
}

/// The assignment with this id on one of the partner's relationships with the customer, with
/// its group's name and its relationship; any other is `None`.
pub fn find_for_customer(
    conn: &mut AnyConnection,
    partner_id: &str,
    customer_id: &str,
    id: &str,
) -> QueryResult<Option<(Assignment, String, RelationshipRef)>> {
    gdap_access_assignments::table
        .inner_join(gdap_relationships::table)
        .inner_join(security_groups::table)
        .filter(gdap_access_assignments::id.eq(id))
        .filter(gdap_relationships::partner_id.eq(partner_id))
        .filter(gdap_relationships::customer_id.eq(customer_id))
        .select((Assignment::as_select(), security_groups::name, RelationshipRef::as_select()))
        .first(conn)
        .optional()
}

/// The live assignments on the partner's relationships with the customer, by relationship and
/// group name, with their roles.
pub fn list_for_customer(
    conn: &mut AnyConnection,
    partner_id: &str,
    customer_id: &str,
) -> QueryResult<Vec<Listed>> {
    let rows: Vec<(Assignment, String, RelationshipRef)> = gdap_access_assignments::table
        .inner_join(gdap_relationships::table)
        .inner_join(security_groups::table)
        .filter(gdap_relationships::partner_id.eq(partner_id))
        .filter(gdap_relationships::customer_id.eq(customer_id))
        .filter(gdap_access_assignments::status.ne(DELETED))
        .order((gdap_relationships::display_name, security_groups::name))
        .select((Assignment::as_select(), security_groups::name, RelationshipRef::as_select()))
        .load(conn)?;
    let ids: Vec<&str> = rows.iter().map(|(a, _, _)| a.id.as_str()).collect();
    let roles: Vec<(String, String)> = gdap_access_assignment_roles::table
        .filter(gdap_access_assignment_roles::assignment_id.eq_any(&ids))
        .select((
            gdap_access_assignment_roles::assignment_id,
            gdap_access_assignment_roles::role_definition_id,
        ))
        .load(conn)?;
    Ok(rows
        .into_iter()
        .map(|(assignment, group_name, relationship)| {
            let roles =
                roles.iter().filter(|(a, _)| *a == assignment.id).map(|(_, r)| r.clone()).collect();
            Listed { assignment, group_name, relationship, roles }
        })
        .collect())
}

/// Every role an active user of the partner holds in the customer's tenant through an active
/// assignment on a live (active or expiring) relationship, one row per user, group,
/// relationship and role, by user name.
pub fn holdings(
    conn: &mut AnyConnection,
    partner_id: &str,
    customer_id: &str,
) -> QueryResult<Vec<Holding>> {
    gdap_access_assignments::table
        .inner_join(gdap_relationships::table)
        .inner_join(gdap_access_assignment_roles::table)
        .inner_join(
            security_groups::table
                .inner_join(security_group_members::table.inner_join(users::table)),
        )
        .filter(gdap_relationships::partner_id.eq(partner_id))
        .filter(gdap_relationships::customer_id.eq(customer_id))
        .filter(gdap_relationships::status.eq_any(RELATIONSHIP_LIVE))
        .filter(gdap_access_assignments::status.eq(ACTIVE))
        .filter(security_groups::partner_id.eq(partner_id))
        .filter(users::partner_id.eq(partner_id))
        .filter(users::active.eq(true))
        .order((users::display_name, users::email, security_groups::name))
        .select((
            users::id,
            users::display_name,
            users::email,
            security_groups::id,
            security_groups::name,
            gdap_relationships::id,
            gdap_relationships::display_name,
            gdap_access_assignment_roles::role_definition_id,
        ))
        .load(conn)
}
