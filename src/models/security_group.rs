//! The partner's security groups and their members (partner users). GDAP access assignments
//! give a group some of a relationship's roles (`models::gdap_access_assignment`).

use diesel::prelude::*;

use crate::db::AnyConnection;
use crate::db::schema::{gdap_access_assignments, security_group_members, security_groups, users};
use crate::models::user::User;

#[derive(Debug, Clone, Queryable, Selectable, Insertable)]
#[diesel(table_name = security_groups)]
pub struct SecurityGroup {
    pub id: String,
    pub partner_id: String,
    pub name: String,
    pub created_at: i64,
}

pub fn insert(conn: &mut AnyConnection, g: &SecurityGroup) -> QueryResult<()> {
    diesel::insert_into(security_groups::table).values(g).execute(conn).map(|_| ())
}

/// The partner's group with this id; another partner's is `None`.
pub fn find_for_partner(
    conn: &mut AnyConnection,
    partner_id: &str,
    id: &str,
) -> QueryResult<Option<SecurityGroup>> {
    security_groups::table
        .find(id)
        .filter(security_groups::partner_id.eq(partner_id))
        .select(SecurityGroup::as_select())
        .first(conn)
        .optional()
}

/// The partner's group of this name (names are unique per partner), other than `except`.
pub fn name_taken(
    conn: &mut AnyConnection,
    partner_id: &str,
    name: &str,
    except: Option<&str>,
) -> QueryResult<bool> {
    let mut q = security_groups::table
        .filter(security_groups::partner_id.eq(partner_id))
        .filter(security_groups::name.eq(name))
        .select(security_groups::id)
        .into_boxed();
    if let Some(id) = except {
        q = q.filter(security_groups::id.ne(id));
    }
    q.first::<String>(conn).optional().map(|r| r.is_some())
}

/// The partner's groups by name, each with its member count.
pub fn list_with_counts(
    conn: &mut AnyConnection,
    partner_id: &str,
) -> QueryResult<Vec<(SecurityGroup, i64)>> {
    let groups: Vec<SecurityGroup> = security_groups::table
        .filter(security_groups::partner_id.eq(partner_id))
        .order(security_groups::name)
        .select(SecurityGroup::as_select())
        .load(conn)?;
    let counts: Vec<(String, i64)> = security_group_members::table
        .inner_join(security_groups::table)
        .filter(security_groups::partner_id.eq(partner_id))
        .group_by(security_group_members::group_id)
        .select((security_group_members::group_id, diesel::dsl::count_star()))
        .load(conn)?;
    Ok(groups
        .into_iter()
        .map(|g| {
            let n = counts.iter().find(|(id, _)| *id == g.id).map_or(0, |(_, n)| *n);
            (g, n)
        })
        .collect())
}

pub fn rename(conn: &mut AnyConnection, id: &str, name: &str) -> QueryResult<usize> {
    diesel::update(security_groups::table.find(id))
        .set(security_groups::name.eq(name))
        .execute(conn)
}

/// Deletes the group with its memberships (the caller has checked it holds no live
/// assignment). Its deleted assignments keep pointing at it, so they go too.
pub fn delete(conn: &mut AnyConnection, id: &str) -> QueryResult<usize> {
    use crate::db::schema::gdap_access_assignment_roles as roles;
    diesel::delete(security_group_members::table.filter(security_group_members::group_id.eq(id)))
        .execute(conn)?;
    let gone: Vec<String> = gdap_access_assignments::table
        .filter(gdap_access_assignments::group_id.eq(id))
        .select(gdap_access_assignments::id)
        .load(conn)?;
    diesel::delete(roles::table.filter(roles::assignment_id.eq_any(&gone))).execute(conn)?;
    diesel::delete(gdap_access_assignments::table.filter(gdap_access_assignments::group_id.eq(id)))
        .execute(conn)?;
    diesel::delete(security_groups::table.find(id)).execute(conn)
}

/// The group's members by name.
pub fn members(conn: &mut AnyConnection, group_id: &str) -> QueryResult<Vec<User>> {
    security_group_members::table
        .inner_join(users::table)
        .filter(security_group_members::group_id.eq(group_id))
        .order((users::display_name, users::email))
        .select(User::as_select())
        .load(conn)
}

pub fn is_member(conn: &mut AnyConnection, group_id: &str, user_id: &str) -> QueryResult<bool> {
    security_group_members::table
        .filter(security_group_members::group_id.eq(group_id))
        .filter(security_group_members::user_id.eq(user_id))
        .count()
        .get_result::<i64>(conn)
        .map(|n| n > 0)
}

pub fn add_member(conn: &mut AnyConnection, group_id: &str, user_id: &str) -> QueryResult<usize> {
    diesel::insert_into(security_group_members::table)
        .values((
            security_group_members::group_id.eq(group_id),
            security_group_members::user_id.eq(user_id),
        ))
        .execute(conn)
}

pub fn remove_member(
    conn: &mut AnyConnection,
    group_id: &str,
    user_id: &str,
) -> QueryResult<usize> {
    diesel::delete(
        security_group_members::table
            .filter(security_group_members::group_id.eq(group_id))
            .filter(security_group_members::user_id.eq(user_id)),
    )
    .execute(conn)
}

/// How many of the group's assignments are live (not deleted).
pub fn live_assignments(conn: &mut AnyConnection, group_id: &str) -> QueryResult<i64> {
    gdap_access_assignments::table
        .filter(gdap_access_assignments::group_id.eq(group_id))
        .filter(gdap_access_assignments::status.ne(crate::models::gdap_access_assignment::DELETED))
        .count()
        .get_result(conn)
}

/// The group's live assignments, by customer name: (customer id, company name, relationship
/// name).
pub fn live_assignments_named(
    conn: &mut AnyConnection,
    group_id: &str,
) -> QueryResult<Vec<(String, String, String)>> {
    use crate::db::schema::{customers, gdap_relationships};
    gdap_access_assignments::table
        .inner_join(gdap_relationships::table.inner_join(customers::table))
        .filter(gdap_access_assignments::group_id.eq(group_id))
        .filter(gdap_access_assignments::status.ne(crate::models::gdap_access_assignment::DELETED))
        .order((customers::company_name, gdap_relationships::display_name))
        .select((customers::id, customers::company_name, gdap_relationships::display_name))
        .load(conn)
}
