//! The partner's security groups: creating, renaming and deleting one, adding and removing its
//! members. Members are the partner's own active users. A group that holds a live GDAP access
//! assignment cannot be deleted (409): its assignments must be deleted first, so that nobody
//! loses access to a customer's tenant without a record saying so. Managing groups is the
//! Users page's permission (`ManageUsers`). Each change is one transaction with its audit
//! record, which starts by locking the partner (the same lock as user changes), so a name
//! check and its insert cannot interleave with another's.

use crate::auth::permissions::Permission;
use crate::db::AnyConnection;
use crate::error::{AppError, AppResult};
use crate::i18n::Msg;
use crate::models::security_group::{self as rows, SecurityGroup};
use crate::models::user::{self, User};
use crate::services::Ctx;
use crate::services::audit::{self, Event, op};
use crate::util::text::has_invisible_characters;
use crate::util::tokens::new_id;

pub const MAX_NAME_CHARS: usize = 100;
pub const RESOURCE: &str = "security_group";

/// A group with its member count, as the list shows it.
#[derive(Debug, Clone)]
pub struct Summary {
    pub group: SecurityGroup,
    pub members: i64,
}

/// A group's page: its members, the partner's active users who could join, and how many live
/// access assignments it holds.
#[derive(Debug, Clone)]
pub struct Detail {
    pub group: SecurityGroup,
    pub members: Vec<User>,
    pub candidates: Vec<User>,
    pub live_assignments: i64,
    /// Where those assignments are, for a user who may see customers (a User management admin
    /// sees only their count): (customer id, company name, relationship name).
    pub assigned_in: Vec<(String, String, String)>,
}

/// What a member change did: `changed` is false when the user already was (or was not) a
/// member.
#[derive(Debug, Clone)]
pub struct MemberChange {
    pub group: SecurityGroup,
    pub user: User,
    pub changed: bool,
}

/// A group name, trimmed: 1 to 100 characters, none invisible (422 otherwise).
pub fn check_name(name: &str) -> AppResult<String> {
    let name = name.trim();
    if name.is_empty() {
        return Err(AppError::Unprocessable(Msg::new("groups-error-name-missing")));
    }
    if name.chars().count() > MAX_NAME_CHARS {
        return Err(AppError::Unprocessable(
            Msg::new("groups-error-name-long").num("max", MAX_NAME_CHARS as f64),
        ));
    }
    if has_invisible_characters(name) {
        return Err(AppError::Unprocessable(Msg::new("groups-error-name-control")));
    }
    Ok(name.to_owned())
}

fn taken(name: &str) -> AppError {
    AppError::Conflict(Msg::new("groups-error-name-taken").text("name", name))
}

fn member_text(u: &User) -> String {
    format!("{} ({})", u.display_name, u.email)
}

/// The partner's groups by name, with their member counts.
pub fn list(c: &mut AnyConnection, ctx: &Ctx) -> AppResult<Vec<Summary>> {
    ctx.user.require(Permission::ManageUsers)?;
    Ok(rows::list_with_counts(c, ctx.partner_id())?
        .into_iter()
        .map(|(group, members)| Summary { group, members })
        .collect())
}

fn load(c: &mut AnyConnection, ctx: &Ctx, id: &str) -> AppResult<SecurityGroup> {
    rows::find_for_partner(c, ctx.partner_id(), id)?.ok_or(AppError::NotFound)
}

/// One of the partner's groups; another partner's is 404.
pub fn get(c: &mut AnyConnection, ctx: &Ctx, id: &str) -> AppResult<Detail> {
    ctx.user.require(Permission::ManageUsers)?;
    let group = load(c, ctx, id)?;
    let members = rows::members(c, &group.id)?;
    let candidates = user::list_for_partner(c, ctx.partner_id())?
        .into_iter()
        .filter(|u| u.active && !members.iter().any(|m| m.id == u.id))
        .collect();
    let live_assignments = rows::live_assignments(c, &group.id)?;
    let assigned_in = match ctx.user.can(Permission::ViewCustomers) {
        true => rows::live_assignments_named(c, &group.id)?,
        false => Vec::new(),
    };
    Ok(Detail { group, members, candidates, live_assignments, assigned_in })
}

/// Creates a group; a name the partner already uses is 409.
pub fn create(c: &mut AnyConnection, ctx: &Ctx, name: &str) -> AppResult<SecurityGroup> {
    ctx.user.require(Permission::ManageUsers)?;
    let name = check_name(name)?;
    crate::db::write::<_, AppError>(c, |c| {
        user::lock_partner(c, ctx.partner_id())?;
        if rows::name_taken(c, ctx.partner_id(), &name, None)? {
            return Err(taken(&name));
        }
        let group = SecurityGroup {
            id: new_id(),
            partner_id: ctx.partner_id().to_owned(),
            name: name.clone(),
            created_at: ctx.now,
        };
        rows::insert(c, &group)?;
        let ev = Event {
            operation: op::CREATE_SECURITY_GROUP,
            resource_type: RESOURCE,
            resource_id: Some(&group.id),
            new_value: Some(format!("name: {name}")),
            resource_name: Some(name.clone()),
            ..Default::default()
        };
        audit::record(c, &ctx.into(), ev)?;
        Ok(group)
    })
}

/// Renames a group; `None` when the name is the same. Another group's name is 409.
pub fn rename(
    c: &mut AnyConnection,
    ctx: &Ctx,
    id: &str,
    name: &str,
) -> AppResult<Option<SecurityGroup>> {
    ctx.user.require(Permission::ManageUsers)?;
    let name = check_name(name)?;
    crate::db::write::<_, AppError>(c, |c| {
        user::lock_partner(c, ctx.partner_id())?;
        let group = load(c, ctx, id)?;
        if group.name == name {
            return Ok(None);
        }
        if rows::name_taken(c, ctx.partner_id(), &name, Some(&group.id))? {
            return Err(taken(&name));
        }
        rows::rename(c, &group.id, &name)?;
        let ev = Event {
            operation: op::RENAME_SECURITY_GROUP,
            resource_type: RESOURCE,
            resource_id: Some(&group.id),
            old_value: Some(format!("name: {}", group.name)),
            new_value: Some(format!("name: {name}")),
            resource_name: Some(name.clone()),
            ..Default::default()
        };
        audit::record(c, &ctx.into(), ev)?;
        Ok(Some(SecurityGroup { name, ..group }))
    })
}

fn refuse_if_assigned(group: &SecurityGroup, live: i64) -> AppResult<()> {
    if live > 0 {
        return Err(AppError::Conflict(
            Msg::new("groups-error-has-assignments")
                .text("name", &group.name)
                .num("count", live as f64),
        ));
    }
    Ok(())
}

/// The question before deleting a group: refused as deleting would be (409 while it holds live
/// access assignments).
pub fn delete_question(c: &mut AnyConnection, ctx: &Ctx, id: &str) -> AppResult<Detail> {
    let detail = get(c, ctx, id)?;
    refuse_if_assigned(&detail.group, detail.live_assignments)?;
    Ok(detail)
}

/// Deletes a group and its memberships; 409 while it holds live access assignments.
pub fn delete(c: &mut AnyConnection, ctx: &Ctx, id: &str) -> AppResult<SecurityGroup> {
    ctx.user.require(Permission::ManageUsers)?;
    let result = crate::db::write::<_, AppError>(c, |c| {
        user::lock_partner(c, ctx.partner_id())?;
        let group = load(c, ctx, id)?;
        refuse_if_assigned(&group, rows::live_assignments(c, &group.id)?)?;
        let members = rows::members(c, &group.id)?;
        rows::delete(c, &group.id)?;
        let ev = Event {
            operation: op::DELETE_SECURITY_GROUP,
            resource_type: RESOURCE,
            resource_id: Some(&group.id),
            old_value: Some(format!("name: {}; members: {}", group.name, members.len())),
            new_value: Some("deleted".into()),
            resource_name: Some(group.name.clone()),
            ..Default::default()
        };
        audit::record(c, &ctx.into(), ev)?;
        Ok(group)
    });
    if let Err(e @ AppError::Conflict(_)) = &result {
        let ev = Event {
            operation: op::DELETE_SECURITY_GROUP,
            resource_type: RESOURCE,
            resource_id: Some(id),
            reason: Some(e.message()),
            ..Default::default()
        };
        audit::record_refusal(c, ctx, ev);
    }
    result
}

/// The partner's active user with this id: anyone else (another partner's, disabled, unknown)
/// is 404.
fn own_active_user(c: &mut AnyConnection, ctx: &Ctx, user_id: &str) -> AppResult<User> {
    user::find_for_partner(c, ctx.partner_id(), user_id)?
        .filter(|u| u.active)
        .ok_or(AppError::NotFound)
}

/// Adds one of the partner's active users to the group (404 for anyone else).
pub fn add_member(
    c: &mut AnyConnection,
    ctx: &Ctx,
    id: &str,
    user_id: &str,
) -> AppResult<MemberChange> {
    ctx.user.require(Permission::ManageUsers)?;
    crate::db::write::<_, AppError>(c, |c| {
        user::lock_partner(c, ctx.partner_id())?;
        let group = load(c, ctx, id)?;
        let user = own_active_user(c, ctx, user_id)?;
        if rows::is_member(c, &group.id, &user.id)? {
            return Ok(MemberChange { group, user, changed: false });
        }
        rows::add_member(c, &group.id, &user.id)?;
        let ev = Event {
            operation: op::ADD_SECURITY_GROUP_MEMBER,
            resource_type: RESOURCE,
            resource_id: Some(&group.id),
            new_value: Some(format!("member: {}", member_text(&user))),
            resource_name: Some(group.name.clone()),
            ..Default::default()
        };
        audit::record(c, &ctx.into(), ev)?;
        Ok(MemberChange { group, user, changed: true })
    })
}

/// Removes a member from the group. A user of another partner is 404; a disabled member of
/// the partner can still be removed.
pub fn remove_member(
    c: &mut AnyConnection,
    ctx: &Ctx,
    id: &str,
    user_id: &str,
) -> AppResult<MemberChange> {
    ctx.user.require(Permission::ManageUsers)?;
    crate::db::write::<_, AppError>(c, |c| {
        user::lock_partner(c, ctx.partner_id())?;
        let group = load(c, ctx, id)?;
        let user =
            user::find_for_partner(c, ctx.partner_id(), user_id)?.ok_or(AppError::NotFound)?;
        if rows::remove_member(c, &group.id, &user.id)? == 0 {
            return Ok(MemberChange { group, user, changed: false });
        }
        let ev = Event {
            operation: op::REMOVE_SECURITY_GROUP_MEMBER,
            resource_type: RESOURCE,
            resource_id: Some(&group.id),
            old_value: Some(format!("member: {}", member_text(&user))),
            resource_name: Some(group.name.clone()),
            ..Default::default()
        };
        audit::record(c, &ctx.into(), ev)?;
        Ok(MemberChange { group, user, changed: true })
    })
}
