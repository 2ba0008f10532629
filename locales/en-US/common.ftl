# Shared by every page: the layout, the language switcher, labels of stored values.

app-name = PartnerDesk
page-title = { $title } · PartnerDesk
skip-to-content = Skip to content
sign-out = Sign out
nav-main = Main
nav-customers = Customers
nav-users = Users
nav-activity = Activity log
nav-password = Change password
nav-api-keys = API keys

language-label = Language
language-submit = Change language
language-en-US = English
language-pl-PL = Polski

# Labels of stored values (the key is the enum's name and its stored spelling).
Role-global_admin = Global admin
Role-admin_agent = Admin agent
Role-sales_agent = Sales agent
Role-helpdesk_agent = Helpdesk agent
Role-billing_admin = Billing admin
Role-user_management_admin = User management admin
PartnerKind-direct = Direct partner
PartnerKind-indirect_provider = Indirect provider
PartnerKind-indirect_reseller = Indirect reseller
SubscriptionStatus-active = Active
SubscriptionStatus-suspended = Suspended
SubscriptionStatus-deleted = Cancelled
SubscriptionStatus-expired = Expired
CommerceType-legacy = Legacy
CommerceType-new_commerce = New commerce
Term-P1M = 1 month
Term-P1Y = 1 year
Term-P3Y = 3 years

# Error pages
error-title-bad-request = Bad request
error-title-forbidden = Not allowed
error-title-not-found = Not found
error-title-conflict = Cannot do that now
error-title-unprocessable = Check your input
error-title-precondition = Changed meanwhile
error-title-sign-in = Sign in
error-title-unavailable = Busy
error-title-too-many = Too many attempts
error-title-body-timeout = Request too slow
error-title-internal = Error
error-back-to-customers = Back to Customers
term-unknown = unknown

# Activity-log operations (stored codes stay English in the database)
op-remove_partner_customer_relationship = Remove reseller relationship
op-update_subscription = Change subscription status
op-create_subscription = Add subscription
op-cancel_reservation = Cancel Azure reservation
op-cancel_software_purchase = Cancel software purchase
op-create_relationship_request = Request reseller relationship
op-revoke_relationship_request = Revoke relationship request
op-accept_relationship_request = Accept relationship request
op-remove_delegated_admin = Remove delegated admin privileges
op-update_support_contact = Change support contact
op-login_succeeded = Sign-in
op-login_failed = Failed sign-in
op-logout = Sign-out
op-change_password = Change password
op-create_user = Add user
op-update_user_roles = Change user roles
op-disable_user = Disable user
op-enable_user = Enable user
op-reset_password = Reset password
op-update_user_locale = Change language
op-enrol_second_step = Set up two-step sign-in
op-reset_second_step = Reset two-step sign-in
op-create_api_key = Create API key
op-revoke_api_key = Revoke API key
op-authz_denied = Access denied
op-csrf_rejected = Forged request refused

# Billing cycles (stored as these words)
billing-monthly = monthly
billing-annual = annually
billing-triennial = every three years
busy = Working…
toast-close = Dismiss this message

# Relationship requests: extend and resend
op-extend_relationship_request = Extend relationship request
op-resend_relationship_request = Resend relationship request

# The activity log's stored values: `audit-key-<key>` labels a key of "key: value", and
# `audit-value-<key>-<value>` (or `audit-value-<word>` for a bare word) one of its values.
# $type is the record's resource type, for languages whose words agree with it.
audit-key-status = Status
audit-key-relationship = Relationship
audit-key-delegated-admin = Delegated admin privileges
audit-key-support-contacts-removed = Support contacts removed
audit-key-locale = Language
audit-key-roles = Roles
audit-key-sessions-ended = Sessions ended
audit-key-offer = Offer
audit-key-quantity = Quantity
audit-key-term = Term
audit-key-expires = Expires
audit-key-name = Name
audit-key-email = Email
audit-key-failures = Failed sign-ins
audit-key-two-step-sign-in = Two-step sign-in
audit-key-recovery-codes = Recovery codes
audit-value-status-active = Active
audit-value-status-suspended = Suspended
audit-value-status-deleted = Cancelled
audit-value-status-expired = Expired
audit-value-status-cancelled = Cancelled
audit-value-relationship-reseller = Reseller
audit-value-relationship-none = None
audit-value-delegated-admin-on = On
audit-value-delegated-admin-off = Off
audit-value-locale-none = Not chosen
audit-value-locale-en-US = English
audit-value-locale-pl-PL = Polish
audit-value-none = None
audit-value-active = Active
audit-value-disabled = Disabled
audit-value-revoked = Revoked
audit-value-pending = Pending
audit-key-recovery-codes-issued = Recovery codes issued
audit-key-codes-left = Recovery codes left
audit-key-API-keys-revoked = API keys revoked
audit-key-expired-sessions-removed = Expired sessions removed
audit-key-expired-invitations-removed = Expired invitations removed
audit-value-two-step-sign-in-not-set-up = Not set up
audit-value-two-step-sign-in-set-up = Set up
audit-value-two-step-sign-in-being-set-up = Being set up
audit-value-two-step-sign-in-authenticator-app = Authenticator app
audit-value-two-step-sign-in-to-be-set-up-at-the-next-sign-in = To be set up at the next sign-in
audit-value-roles-none = None
audit-value-unknown-account = Unknown account
audit-value-account-locked = Account locked
audit-value-account-disabled = Account disabled
audit-value-wrong-password = Wrong password
audit-value-one-time-password-expired = One-time password expired
audit-value-wrong-code-while-setting-up-two-step-sign-in = Wrong code while setting up two-step sign-in
audit-value-authenticator-code-used-before = Authenticator code used before
audit-value-wrong-authenticator-code = Wrong authenticator code
audit-value-wrong-recovery-code = Wrong recovery code
audit-value-password-and-authenticator-code = Password and authenticator code
audit-value-password-and-new-authenticator-app = Password and a new authenticator app
audit-value-password-and-recovery-code = Password and recovery code
audit-value-one-time-password-replaced-at-sign-in = One-time password replaced at sign-in
audit-value-password-changed = Password changed
audit-value-all-sessions-ended = All sessions ended
audit-value-one-time-password-issued = One-time password issued
audit-value-sign-in-lock-cleared = Sign-in lock cleared
audit-value-no-relationship = No relationship
audit-value-with-delegated-admin-privileges = With delegated admin privileges
audit-value-without-delegated-admin-privileges = Without delegated admin privileges
audit-value-earlier-link = Earlier link
audit-value-new-link = New link
audit-key-customer = Customer
audit-key-organisation = Organisation
audit-key-sent-to = Sent to
audit-value-customer-new = New customer
audit-key-auto-renew = Auto-renew
audit-value-auto-renew-on = On
audit-value-auto-renew-off = Off
audit-value-refunded = refunded
op-request_removal = Request removal

# Scheduled removal in the activity log
op-schedule_removal = Schedule removal
op-cancel_removal_schedule = Cancel scheduled removal
op-run_scheduled_removal = Scheduled removal
audit-key-scheduled-removal = Scheduled removal
audit-key-removal-date = Removal date
audit-value-scheduled-removal-none = None
audit-value-scheduled-removal-pending = Pending
audit-value-scheduled-removal-cancelled = Cancelled
audit-value-scheduled-removal-removed = Relationship removed
audit-value-scheduled-removal-refused = Did not run

# Azure savings plans
op-cancel_savings_plan = Cancel Azure savings plan
# Second-person approval of a removal in the activity log
op-update_partner_settings = Change partner settings
op-request_removal_approval = Ask for removal approval
op-approve_removal = Approve removal
op-reject_removal = Reject removal
op-withdraw_removal_approval = Withdraw removal request
audit-key-second-approval-for-removal = Second Global admin approves removals
audit-value-second-approval-for-removal-on = On
audit-value-second-approval-for-removal-off = Off
audit-key-removal-approval = Removal approval
audit-value-removal-approval-none = None
audit-value-removal-approval-pending = Waiting
audit-value-removal-approval-approved = Approved
audit-value-removal-approval-rejected = Rejected
audit-value-removal-approval-withdrawn = Withdrawn
audit-key-requested-by = Requested by
audit-key-approved-by = Approved by
audit-key-rejected-by = Rejected by
audit-key-reason = Reason
op-create_granular_admin_relationship = Create GDAP relationship
op-request_granular_admin_relationship_approval = Send GDAP relationship for approval
op-approve_granular_admin_relationship = Approve GDAP relationship
op-decline_granular_admin_relationship = Decline GDAP relationship
op-terminate_granular_admin_relationship = Terminate GDAP relationship
op-update_granular_admin_relationship_auto_extend = Change GDAP auto-extend
op-granular_admin_relationship_expiring = GDAP relationship expiring
op-extend_granular_admin_relationship = Extend GDAP relationship
op-expire_granular_admin_relationship = GDAP relationship expired
audit-key-duration = Duration
audit-key-auto-extend = Auto-extend
audit-key-Entra-roles = Entra roles
audit-key-ends = Ends
audit-value-status-created = Created
audit-value-status-approvalPending = Approval pending
audit-value-status-expiring = Expiring
audit-value-status-terminated = Terminated
audit-value-auto-extend-P180D = 180 days
audit-value-auto-extend-PT0S = Off
gdap-status-created = Created
gdap-status-approvalPending = Approval pending
gdap-status-approved = Approved
gdap-status-activating = Activating
gdap-status-active = Active
gdap-status-expiring = Expiring
gdap-status-expired = Expired
gdap-status-terminationRequested = Termination requested
gdap-status-terminating = Terminating
gdap-status-terminated = Terminated
nav-gdap = GDAP relationships
audit-key-GDAP-relationships-terminated = GDAP relationships terminated
op-create_security_group = Create security group
op-rename_security_group = Rename security group
op-delete_security_group = Delete security group
op-add_security_group_member = Add security group member
op-remove_security_group_member = Remove security group member
op-create_granular_admin_access_assignment = Create GDAP access assignment
op-update_granular_admin_access_assignment = Change GDAP access assignment
op-delete_granular_admin_access_assignment = Delete GDAP access assignment
op-create_customer_admin = Add customer admin
mail-customer-removed-subject = { $partner } is no longer your reseller
mail-customer-removed-body = { $partner } removed its reseller relationship with { $customer }. It is no longer among your support contacts and can no longer buy for you.{ $dap ->
    [1] { " " }Its delegated admin privileges in your tenant were revoked.
   *[other] {""}
}{ $gdap ->
    [0] {""}
    [one] { " " }It also ended its GDAP relationship with you.
   *[other] { " " }It also ended its { $gdap } GDAP relationships with you.
}
mail-link-tenant = Your partners: { $link }
mail-gdap-approval-subject = { $partner } asks for admin access to your tenant (GDAP)
mail-gdap-approval-body = { $partner } asks you to approve the GDAP relationship “{ $name }”, which gives its users some admin roles in your tenant for { $days } days. Nothing changes until one of your administrators approves it; you can also decline it.
mail-link-gdap-approval = Review and decide: { $link }
mail-customer-scheduled-subject = { $partner } will remove its reseller relationship with you on { $date }
mail-customer-scheduled-body = { $partner } scheduled the removal of its reseller relationship with { $customer } for { $date }. From that day it is no longer among your support contacts and can no longer buy for you. Until then nothing changes, and { $partner } can still cancel the removal.
mail-customer-schedule-cancelled-subject = { $partner } cancelled the removal of its reseller relationship with you
mail-customer-schedule-cancelled-body = { $partner } cancelled the removal of its reseller relationship with { $customer } that was scheduled for { $date }. The relationship stays as it is.
mail-customer-gdap-approved-subject = GDAP relationship “{ $name }” with { $partner } approved
mail-customer-gdap-approved-body = { $user } approved the GDAP relationship “{ $name }”. { $partner }'s users have its admin roles in your tenant until { $date }.
mail-customer-gdap-declined-subject = GDAP request “{ $name }” from { $partner } declined
mail-customer-gdap-declined-body = { $user } declined the GDAP relationship “{ $name }” that { $partner } asked for. It gives { $partner } no admin roles in your tenant.
mail-customer-gdap-terminated-subject = GDAP relationship “{ $name }” with { $partner } terminated
mail-customer-gdap-terminated-body = { $user } terminated the GDAP relationship “{ $name }” with { $partner }. Its roles no longer give { $partner }'s users access to your tenant.
mail-customer-gdap-ending-subject = GDAP relationship “{ $name }” with { $partner } ends on { $date }
mail-customer-gdap-ending-body = The GDAP relationship “{ $name }”, which gives { $partner }'s users admin roles in your tenant, ends on { $date }. Unless it extends automatically, { $partner } will ask you to approve a new one if it still needs the access. You can also end it sooner.
mail-customer-gdap-extended-subject = GDAP relationship “{ $name }” with { $partner } extended to { $date }
mail-customer-gdap-extended-body = The GDAP relationship “{ $name }” with { $partner } extended itself by 180 days, as set when it was approved. It now ends on { $date }; you can end it sooner.
mail-customer-gdap-expired-subject = GDAP relationship “{ $name }” with { $partner } has ended
mail-customer-gdap-expired-body = The GDAP relationship “{ $name }” with { $partner } reached its end on { $date }. Its roles no longer give { $partner }'s users access to your tenant.
op-reset_customer_admin_password = Reset customer admin's password
op-reset_customer_admin_second_step = Reset customer admin's two-step sign-in
op-disable_customer_admin = Disable customer admin
op-enable_customer_admin = Enable customer admin
