//! Template structs of the security groups pages (list, one group, the question before deleting
//! one) and of a customer's Access tab (GDAP access assignments, who can do what).

use askama::Template;
use askama_web::WebTemplate;

use super::{CustomerHeader, Layout};
use crate::models::entra_role::EntraRole;
use crate::models::gdap_access_assignment::Listed;
use crate::models::security_group::SecurityGroup;
use crate::services::access_assignments::{Holder, Offered, role_name};
use crate::services::security_groups::{Detail, Summary};

#[derive(Template, WebTemplate)]
#[template(path = "pages/security_groups.html")]
pub struct GroupsPage {
    /// The page's language.
    pub l: crate::i18n::Locale,
    pub layout: Layout,
    pub groups: Vec<Summary>,
    /// The new group's name as typed (kept when refused).
    pub name: String,
    pub error: Option<String>,
}

#[derive(Template, WebTemplate)]
#[template(path = "pages/security_group.html")]
pub struct GroupPage {
    /// The page's language.
    pub l: crate::i18n::Locale,
    pub layout: Layout,
    pub detail: Detail,
    /// The rename form's value (the name, or what was typed when refused).
    pub name: String,
    pub name_error: Option<String>,
    pub member_error: Option<String>,
    pub delete_error: Option<String>,
}

/// The question before deleting a group.
#[derive(Template, WebTemplate)]
#[template(path = "pages/security_group_delete.html")]
pub struct GroupDeletePage {
    /// The page's language.
    pub l: crate::i18n::Locale,
    pub layout: Layout,
    pub group: SecurityGroup,
    pub members: usize,
}

/// The add-assignment form's values as sent, kept when refused.
#[derive(Debug, Clone, Default)]
pub struct AssignmentForm {
    pub relationship_id: String,
    pub group_id: String,
    pub roles: Vec<String>,
    pub error: Option<String>,
}

#[derive(Template, WebTemplate)]
#[template(path = "pages/customer_access.html")]
pub struct AccessPage {
    /// The page's language.
    pub l: crate::i18n::Locale,
    pub layout: Layout,
    pub header: CustomerHeader,
    pub assignments: Vec<Listed>,
    pub offered: Vec<Offered>,
    pub groups: Vec<SecurityGroup>,
    pub who: Vec<Holder>,
    /// May add, change and delete assignments.
    pub can_manage: bool,
    pub form: AssignmentForm,
    /// A refused role change: (assignment id, its roles as sent, the sentence).
    pub roles_error: Option<(String, Vec<String>, String)>,
}

impl AccessPage {
    /// The roles a live relationship carries (none once it is no longer active or expiring).
    pub fn roles_of(&self, relationship_id: &str) -> &[EntraRole] {
        self.offered
            .iter()
            .find(|o| o.relationship.id == relationship_id)
            .map_or(&[], |o| o.roles.as_slice())
    }

    /// An assignment's roles by name.
    pub fn names(&self, roles: &[String]) -> String {
        roles.iter().map(|r| role_name(r)).collect::<Vec<_>>().join(", ")
    }

    /// Whether the add form for this relationship has the role ticked (after a refusal).
    pub fn new_checked(&self, relationship_id: &str, role: &str) -> bool {
        self.form.relationship_id == relationship_id && self.form.roles.iter().any(|r| r == role)
    }

    /// Whether the add form for this relationship has the group chosen (after a refusal).
    pub fn new_group(&self, relationship_id: &str, group_id: &str) -> bool {
        self.form.relationship_id == relationship_id && self.form.group_id == group_id
    }

    /// The add form's sentence, next to the form of the relationship it is about.
    pub fn new_error(&self, relationship_id: &str) -> Option<&str> {
        self.form.error.as_deref().filter(|_| self.form.relationship_id == relationship_id)
    }

    /// Whether an assignment's role form has the role ticked: as sent after a refusal, else as
    /// stored.
    pub fn has_role(&self, a: &Listed, role: &str) -> bool {
        match &self.roles_error {
            Some((id, sent, _)) if *id == a.assignment.id => sent.iter().any(|r| r == role),
            _ => a.roles.iter().any(|r| r.eq_ignore_ascii_case(role)),
        }
    }

    /// The sentence of a refused role change, next to its assignment.
    pub fn roles_error_for(&self, assignment_id: &str) -> Option<&str> {
        self.roles_error
            .as_ref()
            .filter(|(id, _, _)| id == assignment_id)
            .map(|(_, _, m)| m.as_str())
    }

    /// A holder's grants as "Role (group, relationship)" lines.
    pub fn via(&self, h: &Holder) -> Vec<String> {
        h.grants
            .iter()
            .map(|g| {
                self.l.t3(
                    "access-via",
                    "role",
                    g.role_name.as_str(),
                    "group",
                    g.group_name.as_str(),
                    "relationship",
                    g.relationship_name.as_str(),
                )
            })
            .collect()
    }
}
