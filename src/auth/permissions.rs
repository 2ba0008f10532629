//! What each role may do. Deny by default: a permission lists the roles that hold it, and
//! nothing else does.

use crate::i18n::Msg;
use crate::models::role::Role;

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Permission {
    /// See the customer list and a customer's pages.
    ViewCustomers,
    /// Suspend / reactivate subscriptions, cancel reservations and software, buy.
    ManageSubscriptions,
    /// Remove the reseller relationship with a customer.
    RemoveRelationship,
    /// Send and revoke relationship requests (invitation links).
    RequestRelationship,
    /// Remove delegated admin privileges for a customer.
    ManageDelegatedAdmin,
    /// Change a subscription's designated support contact.
    ManageSupportContacts,
    /// See and manage the partner's users: create, change roles, disable, reset passwords.
    ManageUsers,
    /// See the partner's activity log (every role; listed so that it is explicit).
    ViewActivity,
    /// Create, send for approval, extend and terminate GDAP admin relationships.
    ManageGdap,
}

impl Permission {
    pub const ALL: [Permission; 9] = [
        Permission::ViewCustomers,
        Permission::ManageSubscriptions,
        Permission::RemoveRelationship,
        Permission::RequestRelationship,
        Permission::ManageDelegatedAdmin,
        Permission::ManageSupportContacts,
        Permission::ManageUsers,
        Permission::ViewActivity,
        Permission::ManageGdap,
    ];

    /// Whether the permission reaches customers: seeing them, or acting for them.
    pub fn reaches_customers(self) -> bool {
        match self {
            Permission::ViewCustomers
            | Permission::ManageSubscriptions
            | Permission::RemoveRelationship
            | Permission::RequestRelationship
            | Permission::ManageDelegatedAdmin
            | Permission::ManageSupportContacts
            | Permission::ManageGdap => true,
            Permission::ManageUsers | Permission::ViewActivity => false,
        }
    }

    pub fn roles(self) -> &'static [Role] {
        use Role::*;
        match self {
            Permission::ViewCustomers => {
                &[GlobalAdmin, AdminAgent, SalesAgent, HelpdeskAgent, BillingAdmin]
            }
            Permission::ManageSubscriptions => &[GlobalAdmin, AdminAgent, SalesAgent],
            Permission::RemoveRelationship => &[GlobalAdmin],
            Permission::RequestRelationship => &[GlobalAdmin, AdminAgent, SalesAgent],
            Permission::ManageDelegatedAdmin => &[GlobalAdmin, AdminAgent],
            Permission::ManageGdap => &[GlobalAdmin, AdminAgent],
            Permission::ManageSupportContacts => &[GlobalAdmin, AdminAgent, HelpdeskAgent],
            Permission::ManageUsers => &[GlobalAdmin, UserManagementAdmin],
            Permission::ViewActivity => &[
                GlobalAdmin,
                AdminAgent,
                SalesAgent,
                HelpdeskAgent,
                BillingAdmin,
                UserManagementAdmin,
            ],
        }
    }

    /// The sentence shown where a user lacks the permission.
    pub fn denied_message(self) -> Msg {
        Msg::new(match self {
            Permission::ViewCustomers => "denied-view-customers",
            Permission::ManageSubscriptions => "denied-manage-subscriptions",
            Permission::RemoveRelationship => "denied-remove-relationship",
            Permission::RequestRelationship => "denied-request-relationship",
            Permission::ManageDelegatedAdmin => "denied-manage-delegated-admin",
            Permission::ManageSupportContacts => "denied-manage-support-contacts",
            Permission::ManageUsers => "denied-manage-users",
            Permission::ViewActivity => "denied-view-activity",
            Permission::ManageGdap => "denied-manage-gdap",
        })
    }
}

pub fn allows(roles: &[Role], permission: Permission) -> bool {
    roles.iter().any(|r| permission.roles().contains(r))
}

/// Whether a role gives access to customers (holds a permission that reaches them): only a
/// Global admin grants or removes such a role.
pub fn gives_customer_access(role: Role) -> bool {
    Permission::ALL.iter().any(|p| p.reaches_customers() && p.roles().contains(&role))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_role_but_user_management_admin_gives_customer_access() {
        let giving: Vec<Role> =
            Role::ALL.iter().copied().filter(|r| gives_customer_access(*r)).collect();
        let expected: Vec<Role> =
            Role::ALL.iter().copied().filter(|r| *r != Role::UserManagementAdmin).collect();
        assert_eq!(giving, expected);
    }
}
