//! Roles of partner users and what each may do. Deny by default: a permission lists the roles
//! that hold it, and nothing else does.

crate::models::text_enum! {
    Role {
        GlobalAdmin => "global_admin", "Global admin";
        AdminAgent => "admin_agent", "Admin agent";
        SalesAgent => "sales_agent", "Sales agent";
        HelpdeskAgent => "helpdesk_agent", "Helpdesk agent";
        BillingAdmin => "billing_admin", "Billing admin";
        UserManagementAdmin => "user_management_admin", "User management admin";
    }
}

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
}

impl Permission {
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
    pub fn denied_message(self) -> &'static str {
        match self {
            Permission::ViewCustomers => "Your roles do not give access to customers.",
            Permission::ManageSubscriptions => {
                "Requires the Global admin, Admin agent or Sales agent role."
            }
            Permission::RemoveRelationship => "Requires the Global admin role.",
            Permission::RequestRelationship => {
                "Requires the Global admin, Admin agent or Sales agent role."
            }
            Permission::ManageDelegatedAdmin => "Requires the Global admin or Admin agent role.",
            Permission::ManageSupportContacts => {
                "Requires the Global admin, Admin agent or Helpdesk agent role."
            }
            Permission::ManageUsers => "Requires the Global admin or User management admin role.",
            Permission::ViewActivity => "Your roles do not give access to the activity log.",
        }
    }
}

pub fn allows(roles: &[Role], permission: Permission) -> bool {
    roles.iter().any(|r| permission.roles().contains(r))
}
