//! GDAP access assignments (Graph's `delegatedAdminAccessAssignment`): one of the partner's
//! security groups gets some of a GDAP relationship's Entra roles in the customer's tenant.
//!
//! Rules: the relationship is the partner's and the customer's (404 otherwise) and active or
//! expiring (409 otherwise); the group is the partner's (404); the roles are a non-empty subset
//! of the relationship's (422); one live assignment per relationship and group (409). In Graph
//! an assignment is `pending` until the customer's tenant has applied it; here everything is one
//! database, so it is `active` as soon as it is made, and deleting makes it `deleted` at once.
//! Managing assignments takes `ManageGdap`; reading them, seeing the customer (`ViewCustomers`).
//! Each change is one transaction with its audit record (`granular_admin_access_assignment`).

use crate::auth::permissions::Permission;
use crate::db::AnyConnection;
use crate::error::{AppError, AppResult};
use crate::i18n::Msg;
use crate::models::customer::Customer;
use crate::models::entra_role::{self, EntraRole};
use crate::models::gdap_access_assignment::{self as rows, Assignment, Listed, RelationshipRef};
use crate::models::relationship::Relationship;
use crate::models::security_group::{self as groups, SecurityGroup};
use crate::models::user;
use crate::services::Ctx;
use crate::services::audit::{self, Event, op};
use crate::services::customers::{self, Confirmable};
use crate::util::tokens::new_id;

pub const RESOURCE: &str = "granular_admin_access_assignment";

/// A relationship the form offers, with the roles it carries (catalogue order).
#[derive(Debug, Clone)]
pub struct Offered {
    pub relationship: RelationshipRef,
    pub roles: Vec<EntraRole>,
}

/// One role a user holds, and how.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Grant {
    pub role_id: String,
    pub role_name: String,
    pub group_id: String,
    pub group_name: String,
    pub relationship_id: String,
    pub relationship_name: String,
}

/// A partner user and the Entra roles they hold in the customer's tenant.
#[derive(Debug, Clone)]
pub struct Holder {
    pub user_id: String,
    pub display_name: String,
    pub email: String,
    pub grants: Vec<Grant>,
}

impl Holder {
    /// The roles' names, each once, in the catalogue's order.
    pub fn role_names(&self) -> Vec<&str> {
        let mut names: Vec<&str> = Vec::new();
        for r in entra_role::ALL {
            if self.grants.iter().any(|g| g.role_id == r.id) {
                names.push(r.name);
            }
        }
        for g in &self.grants {
            if !names.contains(&g.role_name.as_str()) {
                names.push(&g.role_name);
            }
        }
        names
    }
}

/// What the customer's Access page shows.
#[derive(Debug, Clone)]
pub struct Overview {
    pub customer: Customer,
    pub relationship: Relationship,
    /// Live assignments on the customer's GDAP relationships.
    pub assignments: Vec<Listed>,
    /// The customer's active or expiring relationships, which can get assignments.
    pub offered: Vec<Offered>,
    /// The partner's groups (empty for a user who may not manage assignments).
    pub groups: Vec<SecurityGroup>,
    pub who: Vec<Holder>,
}

/// An assignment as the form sends it.
#[derive(Debug, Clone, Default)]
pub struct NewAssignment {
    pub relationship_id: String,
    pub group_id: String,
    pub roles: Vec<String>,
}

/// A role's name by its id (the id itself for one outside the catalogue).
pub fn role_name(id: &str) -> String {
    entra_role::find(id).map_or_else(|| id.to_owned(), |r| r.name.to_owned())
}

/// Role ids in the catalogue's order, each once.
fn ordered(ids: &[String]) -> Vec<String> {
    let mut out: Vec<String> = entra_role::ALL
        .iter()
        .filter(|r| ids.iter().any(|i| i.eq_ignore_ascii_case(r.id)))
        .map(|r| r.id.to_owned())
        .collect();
    for i in ids {
        if entra_role::find(i).is_none() && !out.contains(i) {
            out.push(i.clone());
        }
    }
    out
}

fn roles_text(ids: &[String]) -> String {
    ordered(ids).iter().map(|i| role_name(i)).collect::<Vec<_>>().join(", ")
}

fn value(group: &str, roles: &[String], status: &str) -> String {
    format!("group: {group}; roles: {}; status: {status}", roles_text(roles))
}

/// Who in the partner can do what in the customer's tenant: each active partner user who,
/// through an active assignment on one of the customer's active or expiring relationships,
/// holds Entra roles, by name, with the group and relationship each comes through.
pub fn who_can_do_what(
    conn: &mut AnyConnection,
    partner_id: &str,
    customer_id: &str,
) -> AppResult<Vec<Holder>> {
    let mut out: Vec<Holder> = Vec::new();
    for (uid, name, email, gid, gname, rid, rname, role) in
        rows::holdings(conn, partner_id, customer_id)?
    {
        let grant = Grant {
            role_name: role_name(&role),
            role_id: role,
            group_id: gid,
            group_name: gname,
            relationship_id: rid,
            relationship_name: rname,
        };
        match out.iter_mut().find(|h| h.user_id == uid) {
            Some(h) => h.grants.push(grant),
            None => {
                out.push(Holder { user_id: uid, display_name: name, email, grants: vec![grant] })
            }
        }
    }
    Ok(out)
}

/// The customer's Access page: assignments, what the form offers, who can do what. 403 without
/// `ViewCustomers`, 404 for a customer the partner has never had.
pub fn overview(c: &mut AnyConnection, ctx: &Ctx, customer_id: &str) -> AppResult<Overview> {
    let (customer, relationship) = customers::view(c, ctx, customer_id)?;
    let partner_id = ctx.partner_id();
    let assignments = rows::list_for_customer(c, partner_id, customer_id)?;
    let mut offered = Vec::new();
    for r in rows::relationships_of_customer(c, partner_id, customer_id)? {
        if r.is_live() {
            let ids = rows::relationship_roles(c, &r.id)?;
            let roles = entra_role::ALL
                .into_iter()
                .filter(|e| ids.iter().any(|i| i.eq_ignore_ascii_case(e.id)))
                .collect();
            offered.push(Offered { relationship: r, roles });
        }
    }
    let groups = match ctx.user.can(Permission::ManageGdap) {
        true => groups::list_with_counts(c, partner_id)?.into_iter().map(|(g, _)| g).collect(),
        false => Vec::new(),
    };
    let who = who_can_do_what(c, partner_id, customer_id)?;
    Ok(Overview { customer, relationship, assignments, offered, groups, who })
}

/// The relationship, locked, if it is the partner's with this customer (404 otherwise) and
/// active or expiring (409 otherwise, naming its status).
fn live_relationship(
    c: &mut AnyConnection,
    ctx: &Ctx,
    customer_id: &str,
    relationship_id: &str,
) -> AppResult<RelationshipRef> {
    let rel = rows::lock_relationship(c, ctx.partner_id(), relationship_id)?
        .filter(|r| r.customer_id == customer_id)
        .ok_or(AppError::NotFound)?;
    if !rel.is_live() {
        return Err(AppError::Conflict(
            Msg::new("access-error-relationship-not-active")
                .text("name", &rel.display_name)
                .text("status", &rel.status),
        ));
    }
    Ok(rel)
}

/// The roles chosen, checked against the relationship's (422 for none, or for one it lacks),
/// in the catalogue's order.
fn check_roles(
    c: &mut AnyConnection,
    rel: &RelationshipRef,
    chosen: &[String],
) -> AppResult<Vec<String>> {
    if chosen.is_empty() {
        return Err(AppError::Unprocessable(Msg::new("access-error-no-role")));
    }
    let carried = rows::relationship_roles(c, &rel.id)?;
    let mut out = Vec::new();
    for id in chosen {
        let Some(stored) = carried.iter().find(|r| r.eq_ignore_ascii_case(id)) else {
            let role = entra_role::find(id).map_or_else(|| id.clone(), |r| r.name.to_owned());
            return Err(AppError::Unprocessable(
                Msg::new("access-error-role-not-in-relationship")
                    .text("role", role)
                    .text("name", &rel.display_name),
            ));
        };
        if !out.contains(stored) {
            out.push(stored.clone());
        }
    }
    Ok(ordered(&out))
}

fn refused(c: &mut AnyConnection, ctx: &Ctx, customer_id: &str, operation: &str, e: &AppError) {
    if matches!(e, AppError::Conflict(_) | AppError::Unprocessable(_)) {
        let ev = Event {
            customer_id: Some(customer_id),
            operation,
            resource_type: RESOURCE,
            reason: Some(e.message()),
            ..Default::default()
        };
        audit::record_refusal(c, ctx, ev);
    }
}

/// Gives a group some of a relationship's roles; the assignment is active at once.
pub fn create(
    c: &mut AnyConnection,
    ctx: &Ctx,
    customer_id: &str,
    new: NewAssignment,
) -> AppResult<Listed> {
    ctx.user.require(Permission::ManageGdap)?;
    customers::find(c, ctx, customer_id)?;
    let result = crate::db::write::<_, AppError>(c, |c| {
        user::lock_partner(c, ctx.partner_id())?;
        let rel = live_relationship(c, ctx, customer_id, &new.relationship_id)?;
        let group = groups::find_for_partner(c, ctx.partner_id(), &new.group_id)?
            .ok_or(AppError::NotFound)?;
        let roles = check_roles(c, &rel, &new.roles)?;
        if rows::live_for(c, &rel.id, &group.id)?.is_some() {
            return Err(AppError::Conflict(
                Msg::new("access-error-exists")
                    .text("group", &group.name)
                    .text("name", &rel.display_name),
            ));
        }
        let a = Assignment {
            id: new_id(),
            relationship_id: rel.id.clone(),
            group_id: group.id.clone(),
            status: rows::ACTIVE.into(),
            created_at: ctx.now,
            updated_at: ctx.now,
        };
        rows::insert(c, &a, &roles)?;
        let ev = Event::change(
            customer_id,
            op::CREATE_ACCESS_ASSIGNMENT,
            RESOURCE,
            &a.id,
            "none",
            value(&group.name, &roles, rows::ACTIVE),
        )
        .named(format!("{} · {}", rel.display_name, group.name));
        audit::record(c, &ctx.into(), ev)?;
        Ok(Listed { assignment: a, group_name: group.name, relationship: rel, roles })
    });
    if let Err(e) = &result {
        refused(c, ctx, customer_id, op::CREATE_ACCESS_ASSIGNMENT, e);
    }
    result
}

/// The live assignment on one of the customer's relationships (404 otherwise).
fn live_assignment(
    c: &mut AnyConnection,
    ctx: &Ctx,
    customer_id: &str,
    id: &str,
) -> AppResult<(Assignment, String, RelationshipRef)> {
    rows::find_for_customer(c, ctx.partner_id(), customer_id, id)?
        .filter(|(a, _, _)| a.status != rows::DELETED)
        .ok_or(AppError::NotFound)
}

/// Changes an assignment's roles (a non-empty subset of its relationship's, which must still be
/// active or expiring); false when they are the same.
pub fn set_roles(
    c: &mut AnyConnection,
    ctx: &Ctx,
    customer_id: &str,
    id: &str,
    chosen: Vec<String>,
) -> AppResult<bool> {
    ctx.user.require(Permission::ManageGdap)?;
    customers::find(c, ctx, customer_id)?;
    let result = crate::db::write::<_, AppError>(c, |c| {
        user::lock_partner(c, ctx.partner_id())?;
        let (a, group, _) = live_assignment(c, ctx, customer_id, id)?;
        let rel = live_relationship(c, ctx, customer_id, &a.relationship_id)?;
        let roles = check_roles(c, &rel, &chosen)?;
        let old = ordered(&rows::roles_of(c, &a.id)?);
        if old == roles {
            return Ok(false);
        }
        rows::set_roles(c, &a.id, &roles)?;
        rows::touch(c, &a.id, ctx.now)?;
        let ev = Event::change(
            customer_id,
            op::UPDATE_ACCESS_ASSIGNMENT,
            RESOURCE,
            &a.id,
            value(&group, &old, &a.status),
            value(&group, &roles, &a.status),
        )
        .named(format!("{} · {group}", rel.display_name));
        audit::record(c, &ctx.into(), ev)?;
        Ok(true)
    });
    if let Err(e) = &result {
        refused(c, ctx, customer_id, op::UPDATE_ACCESS_ASSIGNMENT, e);
    }
    result
}

/// The question before deleting an assignment: the customer and the assignment.
pub fn delete_question(
    c: &mut AnyConnection,
    ctx: &Ctx,
    customer_id: &str,
    id: &str,
) -> AppResult<Confirmable<Listed>> {
    let (customer, relationship) = customers::find_as(c, ctx, customer_id, Permission::ManageGdap)?;
    let (assignment, group_name, rel) = live_assignment(c, ctx, customer_id, id)?;
    let roles = ordered(&rows::roles_of(c, &assignment.id)?);
    let item = Listed { assignment, group_name, relationship: rel, roles };
    Ok(Confirmable { customer, relationship, item })
}

/// Deletes an assignment: its group's members lose its roles in the tenant at once (status
/// `deleted`, kept for the record).
pub fn delete(c: &mut AnyConnection, ctx: &Ctx, customer_id: &str, id: &str) -> AppResult<Listed> {
    ctx.user.require(Permission::ManageGdap)?;
    customers::find(c, ctx, customer_id)?;
    crate::db::write::<_, AppError>(c, |c| {
        user::lock_partner(c, ctx.partner_id())?;
        let (a, group, rel) = live_assignment(c, ctx, customer_id, id)?;
        let roles = ordered(&rows::roles_of(c, &a.id)?);
        rows::set_status(c, &a.id, rows::DELETED, ctx.now)?;
        let ev = Event::change(
            customer_id,
            op::DELETE_ACCESS_ASSIGNMENT,
            RESOURCE,
            &a.id,
            value(&group, &roles, &a.status),
            value(&group, &roles, rows::DELETED),
        )
        .named(format!("{} · {group}", rel.display_name));
        audit::record(c, &ctx.into(), ev)?;
        let assignment = Assignment { status: rows::DELETED.into(), updated_at: ctx.now, ..a };
        Ok(Listed { assignment, group_name: group, relationship: rel, roles })
    })
}
