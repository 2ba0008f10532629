//! The demo's security groups and their GDAP access assignments: two groups of the main
//! partner's users, and on one active GDAP relationship (the demo's own, or one made here when
//! there is none) each group gets some of its roles.

use diesel::prelude::*;

use crate::db::AnyConnection;
use crate::db::schema::{gdap_relationship_roles, gdap_relationships};
use crate::models::customer::Customer;
use crate::models::gdap_access_assignment::{self as assignments, Assignment};
use crate::models::partner::Partner;
use crate::models::security_group::{self as groups, SecurityGroup};
use crate::models::user;
use crate::util::{clock::DAY_MS, tokens::new_id};

const GLOBAL_READER: &str = "f2ef992c-3afb-46b9-b7cf-a126ee74c451";
const HELPDESK_ADMIN: &str = "729827e3-9c14-49f7-bb1b-9608f156bbb8";
const USER_ADMIN: &str = "fe930be7-5e62-47db-91af-98c3a49a38b1";
const SECURITY_ADMIN: &str = "194ae4cb-b126-40b2-bd5b-6091b380977d";

/// Groups with their members (by email) and the roles each gets on the relationship.
const GROUPS: &[(&str, &[&str], &[&str])] = &[
    (
        "Helpdesk tier 1",
        &["helpdesk@fabrikam.example", "agent@fabrikam.example"],
        &[GLOBAL_READER, HELPDESK_ADMIN, USER_ADMIN],
    ),
    (
        "Security operations",
        &["admin@fabrikam.example", "agent@fabrikam.example"],
        &[GLOBAL_READER, SECURITY_ADMIN],
    ),
];

pub(super) fn demo_security_groups(
    c: &mut AnyConnection,
    p: &Partner,
    customer: &Customer,
    now: i64,
) -> anyhow::Result<()> {
    let rel = match live_relationship(c, p, customer)? {
        Some(id) => id,
        None => new_relationship(c, p, customer, now)?,
    };
    let carried = assignments::relationship_roles(c, &rel)?;
    for (name, members, roles) in GROUPS {
        let g = SecurityGroup {
            id: new_id(),
            partner_id: p.id.clone(),
            name: (*name).into(),
            created_at: now,
        };
        groups::insert(c, &g)?;
        for email in *members {
            if let Some(u) = user::find_by_email(c, email)? {
                groups::add_member(c, &g.id, &u.id)?;
            }
        }
        let roles: Vec<String> =
            roles.iter().filter(|r| carried.iter().any(|c| c == *r)).map(|r| (*r).into()).collect();
        if roles.is_empty() {
            continue;
        }
        let a = Assignment {
            id: new_id(),
            relationship_id: rel.clone(),
            group_id: g.id,
            status: assignments::ACTIVE.into(),
            created_at: now,
            updated_at: now,
        };
        assignments::insert(c, &a, &roles)?;
    }
    Ok(())
}

/// The partner's first active GDAP relationship with the customer, if the demo made one.
fn live_relationship(
    c: &mut AnyConnection,
    p: &Partner,
    customer: &Customer,
) -> anyhow::Result<Option<String>> {
    Ok(gdap_relationships::table
        .filter(gdap_relationships::partner_id.eq(&p.id))
        .filter(gdap_relationships::customer_id.eq(&customer.id))
        .filter(gdap_relationships::status.eq_any(assignments::RELATIONSHIP_LIVE))
        .order(gdap_relationships::created_at)
        .select(gdap_relationships::id)
        .first(c)
        .optional()?)
}

/// An active two-year relationship with the customer carrying every role the groups use.
fn new_relationship(
    c: &mut AnyConnection,
    p: &Partner,
    customer: &Customer,
    now: i64,
) -> anyhow::Result<String> {
    let id = new_id();
    let activated = now - 30 * DAY_MS;
    diesel::insert_into(gdap_relationships::table)
        .values((
            gdap_relationships::id.eq(&id),
            gdap_relationships::partner_id.eq(&p.id),
            gdap_relationships::customer_id.eq(&customer.id),
            gdap_relationships::display_name.eq("Fabrikam managed services"),
            gdap_relationships::duration_days.eq(730),
            gdap_relationships::auto_extend_days.eq(180),
            gdap_relationships::status.eq("active"),
            gdap_relationships::created_at.eq(activated - DAY_MS),
            gdap_relationships::updated_at.eq(activated),
            gdap_relationships::activated_at.eq(Some(activated)),
            gdap_relationships::end_at.eq(Some(activated + 730 * DAY_MS)),
        ))
        .execute(c)?;
    for role in [GLOBAL_READER, HELPDESK_ADMIN, USER_ADMIN, SECURITY_ADMIN] {
        diesel::insert_into(gdap_relationship_roles::table)
            .values((
                gdap_relationship_roles::relationship_id.eq(&id),
                gdap_relationship_roles::role_definition_id.eq(role),
            ))
            .execute(c)?;
    }
    Ok(id)
}
