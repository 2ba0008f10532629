//! Template structs of the Users pages: the list, the new-user form, a user's page and the
//! one-time password shown once after creating a user or resetting a password.

use askama::Template;
use askama_web::WebTemplate;

use super::Layout;
use crate::auth::permissions::gives_customer_access;
use crate::models::role::Role;
use crate::services::users::{Field, Member};
use crate::util::clock::now_ms;

#[derive(Template, WebTemplate)]
#[template(path = "pages/users.html")]
pub struct UsersPage {
    /// The page's language.
    pub l: crate::i18n::Locale,
    pub layout: Layout,
    pub members: Vec<Member>,
    /// The partner's verified domains: new users' addresses are in them.
    pub domains: Vec<String>,
    /// The signed-in user's id (their own row says "you").
    pub me: String,
    pub now_ms: i64,
    /// For a Global admin, the partner's setting: a removal needs a second Global admin.
    pub second_approval: Option<bool>,
}

/// The new-user form's values, and its message next to its field.
#[derive(Debug, Clone, Default)]
pub struct NewUserForm {
    pub email: String,
    pub display_name: String,
    pub roles: Vec<Role>,
    pub error: Option<(Field, String)>,
}

impl NewUserForm {
    fn error_for(&self, field: Field) -> Option<&str> {
        self.error.as_ref().filter(|(f, _)| *f == field).map(|(_, m)| m.as_str())
    }
    pub fn email_error(&self) -> Option<&str> {
        self.error_for(Field::Email)
    }
    pub fn name_error(&self) -> Option<&str> {
        self.error_for(Field::DisplayName)
    }
    pub fn roles_error(&self) -> Option<&str> {
        self.error_for(Field::Roles)
    }
    pub fn checked(&self, role: &Role) -> bool {
        self.roles.contains(role)
    }
}

#[derive(Template, WebTemplate)]
#[template(path = "pages/users_new.html")]
pub struct NewUserPage {
    /// The page's language.
    pub l: crate::i18n::Locale,
    pub layout: Layout,
    pub form: NewUserForm,
    /// The partner's verified domains: the address must be in one of them.
    pub domains: Vec<String>,
    pub all_roles: &'static [Role],
    /// Only a Global admin grants roles that give access to customers.
    pub actor_is_global_admin: bool,
}

impl NewUserPage {
    pub fn grant_disabled(&self, role: &Role) -> bool {
        !self.actor_is_global_admin && gives_customer_access(*role)
    }
}

#[derive(Template, WebTemplate)]
#[template(path = "pages/users_detail.html")]
pub struct UserPage {
    /// The page's language.
    pub l: crate::i18n::Locale,
    pub layout: Layout,
    pub member: Member,
    pub all_roles: &'static [Role],
    /// The roles the form shows ticked (the user's, or what was just submitted).
    pub chosen: Vec<Role>,
    /// The page shows the signed-in user's own account (whose roles someone else changes).
    pub is_self: bool,
    /// Only a Global admin grants or removes roles that give access to customers, and changes a
    /// Global admin's account.
    pub actor_is_global_admin: bool,
    pub roles_error: Option<String>,
    pub status_error: Option<String>,
    pub password_error: Option<String>,
    pub second_step_error: Option<String>,
    pub now_ms: i64,
}

impl UserPage {
    pub fn new(layout: Layout, member: Member, is_self: bool, actor_is_global_admin: bool) -> Self {
        UserPage {
            l: layout.locale,
            layout,
            chosen: member.roles.clone(),
            member,
            all_roles: Role::ALL,
            is_self,
            actor_is_global_admin,
            roles_error: None,
            status_error: None,
            password_error: None,
            second_step_error: None,
            now_ms: now_ms(),
        }
    }

    /// Whether the signed-in user may change this account at all.
    pub fn can_change(&self) -> bool {
        self.actor_is_global_admin || !self.member.has(&Role::GlobalAdmin)
    }

    /// A role the signed-in user may not change shows (and is sent as) the user's own.
    pub fn checked(&self, role: &Role) -> bool {
        if self.grant_disabled(role) { self.member.has(role) } else { self.chosen.contains(role) }
    }

    pub fn grant_disabled(&self, role: &Role) -> bool {
        !self.actor_is_global_admin && gives_customer_access(*role)
    }

    /// The message of a refused change, wherever it belongs (when the forms are not shown).
    pub fn any_error(&self) -> Option<&str> {
        [&self.roles_error, &self.status_error, &self.password_error]
            .into_iter()
            .find_map(|e| e.as_deref())
    }
}

/// A one-time password, shown once: after creating a user or resetting a password.
#[derive(Template, WebTemplate)]
#[template(path = "pages/users_password.html")]
pub struct OneTimePasswordPage {
    /// The page's language.
    pub l: crate::i18n::Locale,
    pub layout: Layout,
    pub member: Member,
    pub password: String,
    /// True for a new user, false for a reset.
    pub created: bool,
}
