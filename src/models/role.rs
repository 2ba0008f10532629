//! Roles of partner users. What each role may do is `auth::permissions`.

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
