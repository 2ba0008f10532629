
error-not-found = This page does not exist, or you do not have access to it.
error-sign-in-required = Please sign in to continue.
error-unavailable = The service is busy. Please try again in a moment.
error-too-many = Too many attempts. Wait { $seconds ->
    [one] a second
   *[other] { $seconds } seconds
} and try again.
error-body-timeout = The request took too long to arrive. Check your connection and try again.
error-internal = Something went wrong on our side. The error has been logged; please try again.
error-form-malformed = The form was incomplete or malformed. Reload the page and try again.
error-query-malformed = The address has parameters this page does not understand.
error-csrf = This form has expired or was sent from another site. Reload the page and try again.
error-unknown-locale = Choose a language from the list: English or Polski.
error-search-too-long = Search text can have at most { $max } characters.
error-quantity-range = Quantity must be a whole number from 1 to { $max }.
error-choose-status = Choose a status: Active or Suspended.

# Refusals
error-purchases-blocked = Purchases for this customer are blocked: it no longer has a reseller relationship with you. Re-establish the relationship with a relationship request first.
denied-view-customers = Your roles do not give access to customers.
denied-manage-subscriptions = Requires the Global admin, Admin agent or Sales agent role.
denied-remove-relationship = Requires the Global admin role.
denied-request-relationship = Requires the Global admin, Admin agent or Sales agent role.
denied-manage-delegated-admin = Requires the Global admin or Admin agent role.
denied-manage-support-contacts = Requires the Global admin, Admin agent or Helpdesk agent role.
denied-manage-users = Requires the Global admin or User management admin role.
denied-view-activity = Your roles do not give access to the activity log.

# What blocks removing a reseller relationship
blocker-indirect-reseller = Indirect resellers cannot remove a reseller relationship; your indirect provider can.
blocker-no-relationship = This customer has no reseller relationship with you.
blocker-active-subscription = Subscription “{ $name }” is active: suspend it.
blocker-active-reservation = Azure reservation “{ $name }” is active: cancel it.
blocker-active-software = Software purchase “{ $name }” is active: cancel it.
blocker-open-subscription = Open subscription
blocker-go-to-reservation = Go to reservation
blocker-go-to-purchase = Go to purchase
blocker-items-active = { $count ->
    [one] 1 item is
   *[other] { $count } items are
} still active. Suspend every active subscription and cancel Azure reservations, Azure savings plans and software purchases first.
action-suspend = Suspend
action-cancel = Cancel

# Activity-log filters
activity-error-cursor = This page link is damaged. Start again from the first page.
activity-error-start-date = The start date must be a date like 2026-11-24.
activity-error-end-date = The end date must be a date like 2026-11-24.
activity-error-date-order = The start date is after the end date. Choose a start date on or before the end date.
activity-error-customer-length = The customer name can have at most { $max } characters.
activity-error-customer = The customer filter does not name one of your customers.
activity-error-operation = Choose an operation type from the list.
activity-error-user = Choose a user from the list.

# Relationship requests and invitations
error-choose-dap = Choose whether to include delegated admin privileges.
error-request-not-revocable = This request is { $status } and cannot be revoked.
request-pending = pending
request-accepted = accepted
request-revoked = revoked
error-dap-already-off = Delegated admin privileges are already off.
invitation-error-domain = Enter your organisation’s primary domain, such as contoso.onmicrosoft.com.
invitation-error-company = Enter your company’s name (up to 200 characters): this domain is new to us.
invitation-error-country = Choose your country from the list.
invitation-error-domain-taken = The domain { $domain } already belongs to an organisation. This invitation is for a new organisation: ask the partner for an invitation that names yours.
error-request-already-reseller = { $company } already has a reseller relationship with you: there is nothing to invite it to.
invitation-error-already-reseller = { $partner } is already your reseller. Nothing was changed.
invitation-closed-accepted = This invitation has already been accepted. Each link works once.
invitation-closed-revoked = This invitation was withdrawn by the partner. Ask them for a new one.
invitation-closed-expired = This invitation expired on { $date }. Ask the partner for a new one.

# Passwords
password-error-short = The password must have at least { $min } characters.
password-error-long = The password must have at most { $max } characters.
password-error-weak = This password would be easy to guess (it is common, a pattern, or close to your name, address or company). Choose a longer one: a few unrelated words work well.
password-error-blank = The password cannot be only spaces.
password-error-invisible = The password contains characters that cannot be seen (such as zero-width spaces): type it again without them.
password-error-mismatch = The two new passwords are not the same.
password-error-email = The password must not be your email address.
password-error-current = Your current password is not right.

# Malformed requests
error-address-characters = The address contains characters that are not allowed.
error-form-unreadable = The form could not be read.
error-form-too-large = The form is too large.
error-form-characters = The form contains characters that are not allowed.
error-choose-term = Choose a term from the list.
error-choose-offer = Choose an offer from the list.

# Subscriptions, reservations, software
error-subscription-already = This subscription is already { $status ->
    [active] active
    [suspended] suspended
    [deleted] cancelled
   *[expired] expired
}.
error-subscription-final = A { $status ->
    [active] active
    [suspended] suspended
    [deleted] cancelled
   *[expired] expired
} subscription cannot change status.
error-reactivate-base = Reactivate the base subscription “{ $name }” first.
error-subscription-target = A subscription cannot be set to { $status ->
    [active] active
    [suspended] suspended
    [deleted] cancelled
   *[expired] expired
} here.
error-reservation-cancelled = This Azure reservation is already cancelled.
error-software-cancelled = This software purchase is already cancelled.
error-software-window = Software purchases can be cancelled only within { $days } days; this one was bought on { $date }.
error-choose-addon = Choose an add-on from the list.
error-addon-of-addon = Add-ons are bought for a base subscription, not for another add-on.
error-addon-inactive-base = Add-ons can be bought only for an active subscription.
error-legacy-cancel = Legacy subscriptions cannot be cancelled here: suspend them instead.
error-cancel-not-active = Only an active subscription can be cancelled; this one is { $status ->
    [active] active
    [suspended] suspended
    [deleted] cancelled
   *[expired] expired
}.
error-choose-support-contact = Choose a support contact from the list.

# Users
users-error-email-taken = This email address is already used by another account. Each user needs an address of their own.
users-error-email-domain = Use an address in a verified domain of { $partner }: { $domains }.
users-error-no-domains = { $partner } has no verified domain yet, so no user can be added: ask the PartnerDesk operator to add your domain.
users-error-no-role = Choose at least one role.
users-error-email-missing = Enter the user’s email address.
users-error-email-invalid = Enter a valid email address, such as ada@example.com.
users-error-email-long = The email address can have at most { $max } characters.
users-error-name-missing = Enter the user’s name.
users-error-name-long = The name can have at most { $max } characters.
users-error-name-control = The name cannot contain control or text-direction characters.
users-error-last-global-admin = { $name } is the last active Global admin of { $partner }; make someone else Global admin first.
users-error-disable-self = You cannot disable your own account. Ask another administrator to do it.
users-error-reset-self = Change your own password under Change password, where your current password is asked for.
offboarding-error-changed = Something changed since the preview was shown. Review the new preview and confirm again.
users-error-choose-roles = Choose roles from the list.
signin-one-time-expired = This one-time password expired on { $date }. Ask a user administrator of your organisation for a new one.
signin-locked = Too many wrong attempts: the account is locked for a while. Try again later.
signin-code-wrong = That code is not right. Check the time on your phone and enter the code the app shows now.
signin-code-used = That code was used already. Wait for the app to show the next one.
signin-code-not-now = Set up your authenticator app first.
signin-enrol-not-now = Two-step sign-in is set up already for this account.
signin-password-not-one-time = Your password is not a one-time password: there is nothing to replace.
password-error-same = The new password must differ from the one-time password.
users-error-second-step-self = You cannot reset your own two-step sign-in: ask another Global admin.
users-error-second-step-admin = Only a Global admin can reset someone's two-step sign-in.

# The /v1 API and API keys
error-etag-stale = The subscription changed since you read it. Read it again and send its new etag in If-Match.
api-key-error-name = Give the key a name of 1 to { $max } characters, such as the script that uses it.
api-key-error-days = A key lives from 1 to { $max } days.
api-key-error-revoked = This key is revoked already.
api-error-unauthorized = Send a valid API key as “Authorization: Bearer <key>”. Keys are made, and revoked, on the profile page; a key stops working when it expires, is revoked, or its user is disabled.
api-error-body = The body must be JSON of at most { $max } bytes, with the fields this operation documents.
api-error-customer-patch = Send “relationshipToPartner”: “none” to remove the reseller relationship, or “allowDelegatedAccess”: false to remove delegated admin privileges.
api-error-subscription-patch = Send “status”: “active”, “suspended” or “deleted”, and/or “autoRenewEnabled”: true or false.
api-error-filter = The filter must be URL-encoded JSON such as {"{"}"Field":"CompanyName","Value":"Contoso","Operator":"starts_with"{"}"}. Fields: { $fields }; operator: { $operators }.
api-error-size = “size” must be a whole number from 1 to { $max }.
api-error-token = This continuation token does not belong to this list. Start again from the first page.
api-error-date = Dates must look like 2026-12-01 or 2026-12-01T10:00:00Z, and startDate must not be after endDate.
api-error-header = The { $header } header can have at most 128 letters, digits, dashes, dots or underscores.
denied-remove-ask = Only a Global admin can remove a reseller relationship. Ask one of your organisation’s Global admins: { $names }.

# Relationship requests: recipient, extend and resend
error-request-recipient-email = Enter the email address of the customer’s admin the invitation goes to, such as admin@contoso.com.
error-request-recipient-name = Enter the new customer’s name (up to 200 characters), so the list shows whom the invitation is for.
error-request-not-extendable = This request is { $status }: only a pending request can be extended. Nothing was changed.
error-request-not-resendable = This request is { $status }: only a pending request gets a new link. Nothing was changed.
request-expired = expired
error-customers-readiness = Choose which customers to show: all, ready to remove or blocked.

# New commerce: removal blockers and refusals
blocker-nce-cancel = New-commerce subscription “{ $name }” is billed while it runs: cancel it (refunded) before { $until }.
blocker-nce-auto-renew = New-commerce subscription “{ $name }” can no longer be cancelled and is billed until { $billed }: turn off auto-renew so that it expires then.
blocker-nce-runs-out = New-commerce subscription “{ $name }” is billed until { $billed }, when it expires (auto-renew is off).
error-nce-window-closed = New-commerce subscriptions can be cancelled only within 168 hours of purchase or renewal; this one's window closed on { $until }. Turn off auto-renew instead: it is billed until { $billed }, then expires.
error-auto-renew-legacy = Auto-renew can be turned off only for new-commerce subscriptions; suspend a legacy subscription instead.
error-auto-renew-already-on = Auto-renew is already on.
error-auto-renew-already-off = Auto-renew is already off.
error-choose-auto-renew = Choose whether auto-renew is on or off.
denied-request-removal-self = As a Global admin, you can remove the reseller relationship yourself: there is no one to ask.
request-removal-no-relationship = The reseller relationship with this customer has already been removed: there is nothing to ask for.
request-removal-no-admins = Your organisation has no active Global admin to ask.

# Scheduled removal
schedule-error-date = Choose the removal date (year-month-day).
schedule-error-past = The removal date is in the past: choose today or a later day.
schedule-error-too-early = The relationship cannot be removed before { $date }: choose that day or a later one.
schedule-error-exists = A removal is already scheduled for { $date }: cancel that schedule first to choose another day.
schedule-error-none = No removal is scheduled for this customer: it has run or was cancelled.
schedule-refused-inactive = { $name }, who scheduled it, is no longer an active user.
schedule-refused-role = { $name }, who scheduled it, no longer has the Global admin role.
schedule-refused-new-relationship = The reseller relationship was established again after the removal was scheduled.

# Azure savings plans
blocker-active-savings-plan = Azure savings plan “{ $name }” is active: cancel it.
blocker-go-to-savings-plan = Go to savings plan
error-savings-plan-cancelled = This Azure savings plan is already cancelled.
# Second-person approval of a removal
approval-error-none = No removal request is waiting for approval for this customer.
approval-error-expired = The removal request expired on { $date } without a second Global admin's approval; nothing was removed. A Global admin can ask again.
approval-error-same-person = The person who asked cannot approve their own request. Another Global admin must approve it.
approval-error-exists = A removal requested by { $name } is already waiting for a second Global admin (until { $date }).
approval-error-reason-long = The reason is too long: at most 500 characters.
schedule-refused-approval = Your organisation requires a second Global admin to approve every removal, and a scheduled removal has nobody to approve it. Remove the relationship from the Account page instead.
denied-manage-gdap = Requires the Global admin or Admin agent role.
gdap-error-status = The GDAP relationship “{ $name }” cannot be { $action } while its status is { $status }.
gdap-action-send = sent for approval
gdap-action-approve = approved
gdap-action-decline = declined
gdap-action-terminate = terminated
gdap-action-auto-extend = changed
gdap-error-name = Enter a name of 1 to 50 characters.
gdap-error-name-taken = Your organisation already has a GDAP relationship named “{ $name }”. Choose another name.
gdap-error-duration = Enter a duration from 1 to 730 days.
gdap-error-auto-extend = Auto-extend is either 180 days or off.
gdap-error-no-roles = Choose at least one Microsoft Entra role.
gdap-error-role = Choose the roles from the list.
gdap-error-auto-extend-global-admin = A relationship with the Global Administrator role cannot extend automatically. Turn off auto-extend or leave out that role.
gdap-error-bulk-none = Select at least one GDAP relationship.
gdap-error-bulk-limit = Select at most { $limit } GDAP relationships at once.
groups-error-name-missing = Please enter the group's name.
groups-error-name-long = The name is too long: at most { $max } characters.
groups-error-name-control = The name contains invisible characters. Please type it again.
groups-error-name-taken = Your organisation already has a security group named “{ $name }”. Please choose another name.
groups-error-has-assignments = The security group “{ $name }” still gives access to customers through { $count ->
    [one] { $count } GDAP access assignment
   *[other] { $count } GDAP access assignments
}. Delete its assignments on the customers' Access tabs first.
access-error-relationship-not-active = Access can be assigned only on an active or expiring GDAP relationship; “{ $name }” is { $status }.
access-error-no-role = Please choose at least one role.
access-error-role-not-in-relationship = The GDAP relationship “{ $name }” does not include the role { $role }. Please choose among its roles.
access-error-exists = The security group “{ $group }” already has access through “{ $name }”. Change the roles of that assignment instead.
tenant-error-admin-name = Enter the administrator's name (at most 200 characters).
tenant-error-admin-email = Enter the administrator's e-mail address, like name@example.com.
tenant-error-admin-taken = This e-mail address already belongs to a customer administrator. Choose another one.
invitation-error-other-customer = You are signed in as an administrator of another organisation. Only an administrator of the organisation this invitation names can accept it.
invitation-error-first-admin = Enter the details of your organisation's first administrator to accept this invitation.
invitation-error-sign-in-first = Sign in as an administrator of the organisation this invitation names to accept it.
tenant-admins-error-reset-self = You cannot reset your own password here: another administrator of your organisation can.
tenant-admins-error-second-step-self = You cannot reset your own two-step sign-in: another administrator of your organisation can.
tenant-admins-error-disable-self = You cannot turn yourself off: another administrator of your organisation can.
