# Sign in
signin-title = Sign in
signin-intro = Sign in with your partner account.
signin-email = Email
signin-password = Password
signin-submit = Sign in
signin-expired = The sign-in form has expired. Please sign in again.
signin-missing = Enter your email and password.
signin-failed = The email or password is not right, or the account is locked for a while. Please try again.

# Flash messages
toast-subscription-suspended = Subscription “{ $name }” suspended.{ $addons ->
    [0] {""}
    [one] {" "}{ $addons } add-on suspended with it.
   *[other] {" "}{ $addons } add-ons suspended with it.
}
toast-subscription-reactivated = Subscription “{ $name }” reactivated.{ $addons ->
    [0] {""}
    [one] {" "}{ $addons } add-on reactivated with it.
   *[other] {" "}{ $addons } add-ons reactivated with it.
}
toast-reservation-cancelled = Azure reservation “{ $name }” cancelled.
toast-software-cancelled = Software purchase “{ $name }” cancelled.
toast-relationship-removed = Reseller relationship with { $name } removed. It is off your customer list and purchases for it are blocked.{ $dap ->
    [1] {" "}Delegated admin privileges were revoked.
   *[0] {""}
}{ $contacts ->
    [0] {""}
    [one] {" "}{ $contacts } support contact designation was removed.
   *[other] {" "}{ $contacts } support contact designations were removed.
}
toast-dap-removed = Delegated admin privileges removed. The reseller relationship stays.

# Customer header
breadcrumb = Breadcrumb
badge-reseller = Reseller
badge-dap = Delegated admin
badge-no-relationship = No relationship
customer-no-relationship = No reseller relationship
customer-no-relationship-since = No reseller relationship since { $date }
customer-no-relationship-explained = This customer is not on your customer list, delegated admin privileges are revoked and purchases are blocked. The relationship can be re-established only through a relationship request that the customer’s admin accepts.
customer-tabs = Customer
tab-subscriptions = Subscriptions
tab-account = Account

# Customers
customers-subtitle = Customers with a reseller relationship with { $partner }.
request-relationship = Request a reseller relationship
customers-search-label = Search by company name or domain
customers-search-placeholder = Company name or domain
customers-search-submit = Search
customers-empty = You have no customers with a reseller relationship yet.
customers-no-match = No customer’s name or domain starts with “{ $query }”.
col-company-name = Company name
col-primary-domain = Primary domain
col-relationship = Relationship
col-active-subscriptions = Active subscriptions
pager = Pages
pager-first = First page
pager-next = Next page
count-subscriptions = { $count ->
    [one] { $count } subscription
   *[other] { $count } subscriptions
}

# Subscriptions tab
subscriptions-empty = No subscriptions.
col-offer = Offer
col-commerce-type = Commerce type
col-quantity = Quantity
col-term = Term
col-status = Status
col-purchased = Purchased
col-name = Name
col-sku = SKU
col-region = Region
col-actions = Actions
col-product = Product
col-order = Order
addon-marker = add-on
reservations-title = Azure reservations
reservations-empty = No Azure reservations.
software-title = Software purchases
software-empty = No software purchases.
add-subscription-title = Add subscription
add-subscription-blocked = Purchases for this customer are blocked: it has no reseller relationship with you.
buy = Buy
item-active = Active
item-cancelled = Cancelled
cancelled-on = Cancelled { $date }
reservation-cancel-confirm = Cancel the Azure reservation “{ $name }”? This cannot be undone.
reservation-cancel-hidden = reservation { $name }
software-cancel-confirm = Cancel the software purchase “{ $name }”? This cannot be undone.
software-cancel-hidden = purchase { $name }
software-window-ended = Cancellation window (30 days) has ended

# A subscription
subscription-back = ← All subscriptions
subscription-term-billed = { $term }, billed { $cycle }
subscription-last-changed = Last changed
subscription-suspended-at = Suspended
subscription-addon-of = Add-on of
subscription-addons = Add-ons
subscription-suspended-billed = Suspended new-commerce subscriptions are still billed until the end of their term.
submit = Submit
subscription-suspend-addons = Suspending also suspends its active add-ons.
subscription-status-role = Changing the status requires the Global admin, Admin agent or Sales agent role.
subscription-cancel-window = New-commerce subscriptions can be cancelled within 168 hours of purchase or renewal: until { $until } ({ $days ->
    [one] { $days } day
   *[other] { $days } days
} left).
subscription-cancel = Cancel subscription
addon-title = Add an add-on
addon-label = Add-on
addon-buy = Buy add-on
support-contact-title = Designated support contact
support-contact-label = Support contact
none-designated = None designated
none = None
save = Save

# Account tab
account-company-details = Company details
account-microsoft-id = Microsoft ID
account-country = Country
account-relationship-to-partner = Relationship to partner
account-dap = Delegated admin privileges
account-dap-granted = Granted
account-dap-not-granted = Not granted
account-dap-remove = Remove delegated admin privileges
account-dap-remove-confirm = Remove delegated admin privileges for { $name }? The reseller relationship stays.
account-reseller-since = Reseller since
account-removed = Removed
account-invite-again = Invite to a reseller relationship again
account-support-contacts = Support contacts
account-contact-user = { $name } ({ $partner })
account-contact-for = for
account-contact-subscription = a subscription
remove-relationship = Remove reseller relationship
account-prepare-removal = Prepare for removal: suspend and cancel everything…
account-activity = Activity
account-all-activity = All activity for this customer
account-activity-empty = Nothing has been recorded for this customer yet.
account-activity-caption = { $count ->
    [one] The newest activity-log record
   *[other] The { $count } newest activity-log records
} for { $name }
col-date-time = Date and time
col-operation = Operation
col-user = User
col-change = Old → new value
status-failed = Failed
status-succeeded = Succeeded
change-none = (none)

# Confirm removal
remove-confirm-title = Remove the reseller relationship with { $name }?
remove-confirm-intro = Removing the relationship:
remove-consequence-list = removes { $name } from your customer list;
remove-consequence-contacts = removes { $partner } from the customer’s support contacts
remove-consequence-designations = ({ $count ->
    [one] { $count } designation
   *[other] { $count } designations
})
remove-consequence-dap = removes delegated admin privileges for the customer
remove-consequence-dap-not-granted = has no delegated admin privileges to remove: none are granted for this customer
remove-consequence-purchases = prevents future purchases for the customer.
remove-confirm-hint = The relationship can be re-established later only through a relationship request that the customer’s admin accepts.
back-to-account = Back to Account
invitation-link-invalid = This invitation link is not valid. Check that you copied all of it.

# Users and roles
users-subtitle = The people who sign in to PartnerDesk for { $partner }, and their roles.
users-add = Add user
users-empty = No users yet.
users-caption = Users of { $partner }
users-roles = Roles
users-sign-in = Sign-in
users-you = (you)
users-active = Active
users-disabled = Disabled
users-locked = Locked
users-locked-until = until { $until }{ $failures ->
    [0] {""}
   *[other] ; { $failures } failed attempts
}
users-locked-until-after = until { $until } after { $failures } failed attempts
users-failed-since = { $failures ->
    [one] { $failures } failed attempt since the last sign-in
   *[other] { $failures } failed attempts since the last sign-in
}
users-no-failures = No failed attempts
users-added = Added
users-add-subtitle = The new user gets a one-time password, shown once on the next page.
users-email-address = Email address
users-roles-legend = Roles (at least one)
users-only-ga-customer-roles = Only a Global admin can grant or remove roles that give access to customers (every role except User management admin).
users-own-roles = You cannot change your own roles: another Global admin can.
users-domains = Verified domains
users-domains-hint = New users need an email address in one of these domains. The PartnerDesk operator adds domains.
users-domains-none = None yet, so no user can be added: ask the PartnerDesk operator to add your domain.
users-email-domains = The address must be in: { $domains }.
users-only-ga-changes = Only a Global admin can change the account of a Global admin.
users-roles-hint = Changing roles signs the user out everywhere, so the new roles count at once.
users-save-roles = Save roles
users-cannot-disable-self = You cannot disable your own account.
users-disable-confirm = Disable { $name }? They are signed out at once and cannot sign in until enabled again.
users-disable-hint = A disabled user is signed out at once and cannot sign in.
users-disable = Disable user
users-enable-hint = Enabling lets the user sign in again with their password.
users-enable = Enable user
users-own-password = Change your own password under
users-reset-confirm = Reset the password of { $name }? Their current password stops working and they are signed out everywhere.
users-reset-hint = Gives the user a new one-time password, shown to you once. Their current password stops working, a sign-in lock is lifted and they are signed out everywhere.
users-reset = Reset password
users-added-title = User added
users-reset-title = Password reset
users-one-time-password = One-time password
users-shown-once = This password is shown only once.
users-hand-over = Hand it to { $name } securely: in person, or over a channel you trust, never together with the email address in one message. PartnerDesk keeps only a hash of it: if it is lost, reset the password again. Ask them to choose their own under Change password after signing in.
users-sign-in-name = Email (sign-in name)
users-back = Back to Users

# Activity log
activity-subtitle = Every change and every refused attempt by the users of { $partner }, newest first.
activity-from = From
activity-to = To
activity-customer-prefix = Customer name starts with
activity-customer-placeholder = Company name
activity-all-operations = All operations
activity-all-users = All users
activity-show = Show
activity-dates-hint = Dates are whole days in UTC, both included. Leave the start date empty for all history.
activity-only-for = Only activity for
activity-show-all-customers = Show all customers
activity-last-30-days = Show the last 30 days
activity-empty = No activity matches these filters.
activity-col-customer = Customer
activity-not-your-customer = Not one of your customers
activity-download-csv = Download as CSV
activity-user-choice = { $name } ({ $email })
csv-time = Time (UTC)
csv-customer = Customer
csv-customer-id = Customer ID
csv-operation = Operation
csv-operation-code = Operation code
csv-user = User
csv-status = Status
csv-old-value = Old value
csv-new-value = New value
csv-resource-type = Resource type
csv-resource-id = Resource ID
csv-request-id = Request ID

# Change password
password-subtitle = Changing your password signs you out everywhere else.
password-current = Current password
password-new = New password
password-hint = 8 to 128 characters, hard to guess: several unrelated words work well. Common passwords, patterns and your name or company are refused.
password-again = New password again

# Prepare for removal
offboarding-title = Prepare for removal
offboarding-nothing-left = Nothing is left to suspend or cancel.
offboarding-intro = Confirming does exactly this, in one step:
offboarding-suspend = Suspend
offboarding-cancel-reservation = Cancel the Azure reservation { $name } ({ $sku }, { $region })
offboarding-cancel-software = Cancel the software purchase { $product } (order { $order })
offboarding-still-billed = { $count } of these { $count ->
    [one] is a new-commerce subscription: it is
   *[other] are new-commerce subscriptions: they are
} still billed while suspended, until the end of the term.
offboarding-stuck-title = These cannot be cancelled any more and will keep blocking removal:
offboarding-stuck-item = { $product } (order { $order }), bought { $date }: software purchases can be cancelled only within 30 days.
offboarding-submit = { $cancel ->
    [0] { $suspend ->
        [one] Suspend this subscription
       *[other] Suspend these subscriptions
    }
   *[other] { $suspend ->
        [0] Cancel all of this
       *[other] Suspend and cancel all of this
    }
}
toast-offboarding-done = Suspended { $subscriptions ->
    [one] { $subscriptions } subscription
   *[other] { $subscriptions } subscriptions
}, cancelled { $reservations ->
    [one] { $reservations } Azure reservation
   *[other] { $reservations } Azure reservations
}{ $savings_plans ->
    [0] {""}
    [one] , { $savings_plans } Azure savings plan
   *[other] , { $savings_plans } Azure savings plans
} and { $software ->
    [one] { $software } software purchase
   *[other] { $software } software purchases
}.{ $stuck ->
    [0] {" "}Nothing active blocks the removal any more.
   *[other] {" "}Some software purchases cannot be cancelled and still block removal.
}

# Request a reseller relationship
toast-request-revoked = Relationship request revoked: its link no longer works.
invitation-draft = Hello,

    { $partner } would like to be your cloud reseller. To accept, an administrator of your organisation opens this link and confirms:

    { $link }

    { $dap ->
        [yes] Accepting also gives { $partner } delegated admin privileges in your tenant, so we can manage it for you.
       *[no] Accepting does not give us administrative access to your tenant.
    }

    The link works once and expires on { $expires }.

    Best regards,
    { $partner }
requests-subtitle = Send a customer’s admin a personal link. Accepting it makes { $partner } their reseller, or makes you their reseller again after a removal.
requests-your-invitation = Your invitation
requests-copy-now = Copy this message now and send it to the customer’s admin: the link is shown only once. It works once and expires in { $days } days.
requests-message-with-dap = Invitation message (with delegated admin privileges)
requests-message-without-dap = Invitation message (without delegated admin privileges)
requests-link = Link:
requests-new = New request
requests-include-dap = Include delegated admin privileges
requests-dap-hint = With them, your admin agents can manage the customer’s tenant. The customer sees this before accepting.
requests-create = Create invitation
requests-for = Invitation for
requests-new-customer = A new customer
requests-former-customers = Former customers
requests-for-hint = A new customer’s admin enters their organisation’s domain when accepting; a domain that is already known here is refused. A former customer (one whose relationship with you has ended) is accepted for that customer only.
requests-title = Requests
requests-empty = No requests yet.
requests-caption = Relationship requests
requests-created = Created
requests-dap = Delegated admin
requests-expires = Expires
requests-included = Included
requests-not-included = Not included
requests-accepted = Accepted
requests-revoked = Revoked
requests-pending = Pending
requests-expired = Expired
requests-revoke = Revoke
requests-revoke-hidden = request of { $date }

# The public invitation page
invitation-title = Reseller invitation
invitation-done = Done: { $partner } is now the reseller of { $company }
invitation-organisation-added = Your organisation was added.
invitation-has-dap = { $partner } has delegated admin privileges in your tenant.
invitation-has-no-access = { $partner } has no administrative access to your tenant.
invitation-asks = asks to become your organisation’s cloud reseller.
invitation-accepting = Accepting lets { $partner } sell you subscriptions and support you as your partner.
invitation-with-dap = It also gives { $partner }
invitation-with-dap-strong = delegated admin privileges
invitation-with-dap-after = : its admin agents can manage your tenant.
invitation-without-dap = It does
invitation-without-dap-strong = not
invitation-without-dap-after = give { $partner } administrative access to your tenant.
invitation-hint = Only an administrator of your organisation should accept. The link works once and expires on { $date }.
invitation-domain = Your organisation’s primary domain
invitation-domain-placeholder = contoso.onmicrosoft.com
invitation-about-organisation = About your organisation
invitation-for-new = This invitation is for an organisation that is not known here yet. If { $partner } has worked with your organisation before, ask them for an invitation that names it.
invitation-for-customer = This invitation is for the organisation above only: accepting makes { $partner } its reseller.
invitation-country = Country
invitation-accept = Accept and make { $partner } our reseller
toast-password-changed = Password changed. Your other sessions were signed out.
toast-bought = Bought { $quantity } × { $offer }.
toast-bought-addon = Bought add-on { $quantity } × { $offer }.
toast-subscription-cancelled = Subscription “{ $name }” cancelled.{ $addons ->
    [0] {""}
    [one] {" "}{ $addons } add-on cancelled with it.
   *[other] {" "}{ $addons } add-ons cancelled with it.
}
toast-support-contact-set = { $name } is now the designated support contact.
toast-support-contact-none = The subscription has no designated support contact now.
toast-roles-unchanged = { $name } already has these roles.
toast-roles-changed = Roles of { $name } are now: { $roles }. They were signed out everywhere, so the change counts at once.
toast-user-already-active = { $name } is already active.
toast-user-already-disabled = { $name } is already disabled.
toast-user-enabled = { $name } is enabled and can sign in again with their password.
toast-user-disabled = { $name } is disabled and was signed out everywhere.

## Two-step sign-in
first-password-title = Choose your password
first-password-intro = You signed in as { $email } with a one-time password. Choose a password of your own now: the one-time password stops working.
first-password-submit = Save password and continue
signin-steps-next-enrol = Next, if you have not done it before: set up an authenticator app for two-step sign-in.
enrol-title = Set up two-step sign-in
enrol-intro = Every sign-in asks for your password and a code from an authenticator app on your phone (such as Microsoft Authenticator). Set it up once, now.
enrol-scan = In the app, add an account and scan this QR code.
enrol-qr-label = QR code with the key for your authenticator app
enrol-by-hand = Or type this key into the app:
enrol-account = Account: { $account }
enrol-open-app = open in an app on this device
enrol-code = The 6-digit code the app shows
enrol-submit = Confirm and sign in
recovery-title = Save your recovery codes
recovery-enrolled = Two-step sign-in is set up, and you are signed in.
recovery-intro = If you lose your phone, each of these codes signs you in once instead of a code from the app. Print them or keep them in a password manager.
recovery-once = They are shown only now. A Global admin can reset your two-step sign-in if you lose both.
recovery-continue = I saved them: continue
code-title = Enter your code
code-intro = Open your authenticator app and enter the 6-digit code it shows for PartnerDesk.
code-label = Code
code-hint = No phone at hand? Enter one of your recovery codes instead.
code-submit = Sign in
code-start-over = Not you? Sign in again
users-reset-second-step = Reset two-step sign-in
users-reset-second-step-hint = For someone who lost their phone: their next sign-in sets up an authenticator app again. They are signed out everywhere.
users-second-step = Two-step sign-in
users-second-step-on = set up
users-second-step-off = not set up yet
toast-second-step-reset = Two-step sign-in of { $name } was reset; they set it up again at their next sign-in and were signed out everywhere.
users-reset-second-step-confirm = Reset two-step sign-in of { $name }? Their authenticator app and recovery codes stop working and they are signed out everywhere.

# API keys
api-keys-subtitle = Keys let your scripts use the PartnerDesk API as you, with your roles as they are at each call. A key stops working when it expires, when you revoke it, or when your account is disabled.
api-keys-new = New key
api-keys-name = Name
api-keys-days = Valid for (days)
api-keys-create = Create key
api-keys-yours = Your keys
api-keys-none = You have no API keys.
api-keys-created = Created
api-keys-expires = Expires
api-keys-last-used = Last used
api-keys-never = Never
api-keys-active = Active
api-keys-revoked = Revoked
api-keys-expired = Expired
api-keys-revoke = Revoke
api-keys-revoke-named = Revoke the key { $name }
api-keys-shown-once = The key “{ $name }” is shown only now
api-keys-store-it = Copy it into your script’s secret store. PartnerDesk keeps only a hash of it and cannot show it again.
api-keys-docs = The API’s OpenAPI document
toast-api-key-revoked = The key “{ $name }” is revoked.
account-ask-global-admins = To remove the relationship when nothing blocks it, ask one of your organisation’s Global admins: { $names }.

# Relationship requests: recipient, copy, extend and resend
requests-recipient = Recipient
requests-recipient-name = Customer’s name
requests-recipient-name-hint = For a new customer: its organisation’s name, so the list can show whom the invitation is for. An invitation for a former customer names it already.
requests-recipient-email = Admin’s email address
requests-send-to = Send it to:
requests-copy-message = Copy message
requests-copy-link = Copy link
requests-copied = Copied.
requests-copy-failed = Copying was refused: the text is selected, copy it with the keyboard.
requests-open-link = The invitation page:
requests-resend = New link
requests-extend = Extend by { $days } days
requests-resent-note = This is a new link for an existing request: the earlier link no longer works.
toast-request-extended = Relationship request extended: its link now works until { $date }.
invitation-country-choose = Choose your country
copy-password = Copy password
copy-key = Copy key
users-open-user = Open the user page of { $name }

# Customers list: readiness to remove
col-readiness = Removal
readiness-ready = Ready to remove
readiness-blocked = Blocked: { $what }
count-reservations = { $count ->
    [one] { $count } reservation
   *[other] { $count } reservations
}
count-software-purchases = { $count ->
    [one] { $count } software purchase
   *[other] { $count } software purchases
}
customers-filter-label = Show
customers-filter-all = All customers
customers-filter-ready = Ready to remove
customers-filter-blocked = Blocked
customers-no-match-filter = No customers match this filter.

# Removal receipt
receipt-title = Removal receipt
receipt-download = Download signed receipt (JSON)
receipt-summary = The reseller relationship with { $name } was removed by { $user } on { $date }.
receipt-id = Receipt number
receipt-removed-by = Removed by
receipt-removed-at = Removed at
receipt-dap = Delegated admin privileges
receipt-dap-revoked = Revoked with the removal
receipt-dap-none = Not granted at the time of removal
receipt-contacts = Support contact designations removed
receipt-signature = Signature
receipt-signed-with = Ed25519, key { $key }. Check a downloaded receipt with: partnerdesk verify-receipt FILE
receipt-billing = Billing
receipt-col-billing-end = Billing ends
receipt-billing-unknown = Not recorded
receipt-nothing-bought = The customer had no subscriptions or purchases with you.
receipt-changes = What changed
receipt-open-records = Open these records in the activity log
account-receipts = Removal receipts
account-receipt-link = Receipt of the removal on { $date }
# New commerce: terms, auto-renew, the cancellation window
col-commitment-end = Commitment end
col-auto-renew = Auto-renew
col-cancel-window = Cancellation window
auto-renew-on = On
auto-renew-off = Off
auto-renew-off-expires = Off: expires on { $date }
auto-renew-off-hint = No refund: the subscription is billed until { $date }, then expires. Auto-renew can be turned on again until then.
cancel-window-open-until = Open until { $date }
cancel-window-closed-at = Closed on { $date }
subscription-billed-until = This one is billed until { $date }.
subscription-suspend-warning-window = Suspending does not stop billing: this subscription is billed until { $billed } and can no longer be cancelled after { $until }.
subscription-suspend-warning = Suspending does not stop billing: this subscription is billed until { $billed }.
subscription-suspend-confirm = Suspend anyway
subscription-suspend-keep = Keep it active
action-turn-off-auto-renew = Turn off auto-renew
action-turn-on-auto-renew = Turn on auto-renew
action-cancel-refund = Cancel (refund)
toast-auto-renew-off = Auto-renew of “{ $name }” turned off: it is billed until { $date }, then expires.
toast-auto-renew-on = Auto-renew of “{ $name }” turned on: it renews on { $date }.
account-earliest-removal = Earliest removal
account-earliest-removal-today = Today
account-earliest-removal-on = { $date }, when the last new-commerce subscription that can no longer be cancelled ends
offboarding-cancel-subscription = Cancel the new-commerce subscription { $name } ({ $quantity ->
    [one] { $quantity } licence
   *[other] { $quantity } licences
}), refunded
offboarding-turn-off-auto-renew = Turn off auto-renew of { $name }: billed until { $date }, then it expires
offboarding-billed-title = Past their cancellation window, these are billed, and keep blocking removal, until their commitment end:
offboarding-billed-item = { $name }: billed until { $date }
offboarding-submit-all = Do all of this
toast-offboarding-commerce = New commerce: { $cancelled ->
    [0] {""}
    [one] { $cancelled } subscription cancelled (refunded){ $renewals ->
        [0] {""}
       *[other] ,{" "}
    }
   *[other] { $cancelled } subscriptions cancelled (refunded){ $renewals ->
        [0] {""}
       *[other] ,{" "}
    }
}{ $renewals ->
    [0] {""}
    [one] auto-renew turned off on { $renewals } subscription
   *[other] auto-renew turned off on { $renewals } subscriptions
}.
csv-resource-name = Item
activity-group-suspended = { $count ->
    [one] { $count } subscription suspended
   *[other] { $count } subscriptions suspended
}
activity-group-reactivated = { $count ->
    [one] { $count } subscription reactivated
   *[other] { $count } subscriptions reactivated
}
activity-group-reservations-cancelled = { $count ->
    [one] { $count } reservation cancelled
   *[other] { $count } reservations cancelled
}
activity-group-software-cancelled = { $count ->
    [one] { $count } software purchase cancelled
   *[other] { $count } software purchases cancelled
}
activity-group-other = { $operation } ({ $count })
activity-group-subscriptions-cancelled = { $count ->
    [one] { $count } subscription cancelled with a refund
   *[other] { $count } subscriptions cancelled with a refund
}
activity-group-auto-renew-off = { $count ->
    [one] auto-renew turned off on { $count } subscription
   *[other] auto-renew turned off on { $count } subscriptions
}
# E-mail notifications and Request removal
account-request-removal = Ask a Global admin to remove
toast-removal-requested = Your request was sent to: { $names }
mail-removed-subject = Reseller relationship with { $customer } removed by { $user }
mail-removed-body = { $user } removed the reseller relationship with { $customer }. The receipt lists what the removal changed.
mail-link-receipt = Receipt: { $link }
mail-request-removal-subject = { $user } asks you to remove the reseller relationship with { $customer }
mail-request-removal-body = { $user } asks you, as a Global admin, to remove the reseller relationship with { $customer }. The customer's Account page shows whether anything still blocks the removal.
mail-link-account = Account page: { $link }

# Scheduled removal
schedule-date = Removal date
schedule-removal = Schedule removal
schedule-hint = On that day the removal runs if nothing blocks it then. Scheduling turns off auto-renew on new-commerce subscriptions that can no longer be cancelled. The customer's active GDAP relationships are terminated with it.
schedule-pending = Removal scheduled for { $date } by { $name }
schedule-cancel = Cancel schedule
schedule-cancel-title = Cancel the scheduled removal of { $name }?
schedule-cancel-hint = The reseller relationship stays. Auto-renew that scheduling turned off stays off; it can be turned on again on each subscription's page.
schedule-not-run = The scheduled removal on { $date } did not run:
schedule-failed = An unexpected error stopped it; the operator's log has the details.
toast-removal-scheduled = Removal scheduled for { $date }.
toast-removal-schedule-cancelled = The scheduled removal was cancelled.

# The question before an irreversible change
confirm-keep = Keep it, go back
confirm-final = This cannot be undone.
confirm-cancel-subscription-title = Cancel the subscription “{ $name }”?
confirm-cancel-subscription-refund = It ends now, and the rest of its term is refunded (new commerce allows this within 168 hours of purchase or renewal).
confirm-cancel-subscription-addons = { $count ->
    [one] Its add-on ends with it.
   *[other] Its { $count } add-ons end with it.
}
confirm-cancel-subscription-again = Buying it again later is a new purchase, with a new term.
confirm-cancel-reservation-title = Cancel the Azure reservation “{ $name }”?
confirm-cancel-reservation-button = Cancel reservation
confirm-cancel-software-title = Cancel the software purchase “{ $name }”?
confirm-cancel-software-button = Cancel purchase
confirm-remove-dap-title = Remove delegated admin privileges for { $name }?
confirm-remove-dap-access = Your admin agents lose admin access to the customer's tenant.
confirm-remove-dap-stays = The reseller relationship stays.
confirm-remove-dap-again = Getting them back takes a new relationship request that the customer's admin accepts.

# Azure savings plans
savings-plans-title = Azure savings plans
savings-plans-empty = No Azure savings plans.
savings-plan-commitment = { $currency } { $amount }/hour
savings-plan-billing-monthly = Monthly
savings-plan-billing-upfront = Upfront
col-commitment = Hourly commitment
col-billing = Billing
savings-plan-cancel-confirm = Cancel the Azure savings plan “{ $name }”? This cannot be undone.
savings-plan-cancel-hidden = savings plan { $name }
toast-savings-plan-cancelled = Azure savings plan “{ $name }” cancelled.
confirm-cancel-savings-plan-title = Cancel the Azure savings plan “{ $name }”?
confirm-cancel-savings-plan-button = Cancel savings plan
offboarding-cancel-savings-plan = Cancel the Azure savings plan { $name } ({ $commitment }, { $term })
offboarding-savings-plan-monthly = : its monthly charges stop
offboarding-savings-plan-upfront = : paid upfront for the whole term, not refunded
count-savings-plans = { $count ->
    [one] { $count } savings plan
   *[other] { $count } savings plans
}
activity-group-savings-plans-cancelled = { $count ->
    [one] { $count } savings plan cancelled
   *[other] { $count } savings plans cancelled
}
# Second-person approval of a removal
settings-title = Partner settings
settings-second-approval = A second Global admin approves every removal of a reseller relationship
settings-second-approval-hint = When this is on, removing a relationship asks another Global admin, who approves or rejects it within 72 hours. A scheduled removal does not run while it is on.
settings-save = Save settings
toast-partner-settings-saved = Partner settings saved.
approval-needed-hint = Your organisation asks a second Global admin to approve every removal: the button sends the request, and nothing is removed until another Global admin approves it (within 72 hours).
approval-ask = Ask for approval
approval-waiting = Removal requested by { $name } on { $date }, waiting for a second Global admin (expires { $expires }).
approval-withdraw = Withdraw the request
approval-approve = Approve removal
approval-reject = Reject
approval-reject-reason = Reason (optional)
approval-question-title = Approve removing the reseller relationship with { $name }?
approval-question-asked = { $name } asked for it on { $date }. Approving it:
toast-approval-requested = Removal of { $name } requested: another Global admin must approve it by { $date }.
toast-approval-rejected = Removal request rejected. Nothing was removed.
toast-approval-withdrawn = Removal request withdrawn. Nothing was removed.
mail-approval-subject = { $user } asks you to approve removing the reseller relationship with { $customer }
mail-approval-body = { $user } asked to remove the reseller relationship with { $customer }. Another Global admin must approve or reject it on the customer's Account page within 72 hours.
mail-scheduled-subject = Removal of the reseller relationship with { $customer } scheduled for { $date }
mail-scheduled-body = { $user } scheduled the removal of the reseller relationship with { $customer } for { $date }. On that day it runs if nothing blocks it then; until then anyone with the Global admin role can cancel it on the customer's Account page.
mail-schedule-cancelled-subject = Scheduled removal of the reseller relationship with { $customer } cancelled
mail-schedule-cancelled-body = { $user } cancelled the removal of the reseller relationship with { $customer } that was scheduled for { $date }. The relationship stays.
badge-gdap = GDAP ({ $count })
gdap-title = GDAP relationships
gdap-subtitle = Granular admin relationships give { $partner } only the Microsoft Entra roles it needs in a customer's tenant, for a set time, once the customer's administrator approves.
gdap-new = New GDAP relationship
gdap-filters = Filter
gdap-filter-any-status = Any status
gdap-filter-expires = Expires
gdap-filter-expires-any = Any time
gdap-filter-expires-days = { $days ->
    [one] Within { $days } day
   *[other] Within { $days } days
}
gdap-filter-apply = Show
gdap-caption = GDAP relationships of { $partner }
gdap-col-name = Name
gdap-col-customer = Customer
gdap-col-roles = Roles
gdap-col-end = Ends
gdap-col-auto-extend = Auto-extend
gdap-col-select = Select
gdap-auto-extend-on = 180 days
gdap-auto-extend-off = Off
gdap-no-end = Not set
gdap-empty = No GDAP relationships match.
gdap-select = Select { $name }
gdap-bulk-legend = With the selected relationships (at most 25)
gdap-bulk-auto-extend = Turn on auto-extend
gdap-bulk-terminate = Terminate
gdap-next-page = Next page
gdap-first-page = First page
gdap-new-subtitle = The relationship gives no access until the customer's administrator approves it.
gdap-field-customer = Customer
gdap-choose-customer = Choose a customer
gdap-field-name = Name
gdap-field-name-hint = Up to 50 characters; each of your GDAP relationships has its own name.
gdap-field-duration = Duration in days
gdap-field-duration-hint = From 1 to 730 days.
gdap-field-auto-extend = Extend by 180 days at the end
gdap-field-auto-extend-hint = Not available with the Global Administrator role.
gdap-field-roles = Microsoft Entra roles
gdap-create = Create
gdap-detail-customer = Customer
gdap-detail-duration = Duration
gdap-detail-days = { $days ->
    [one] { $days } day
   *[other] { $days } days
}
gdap-detail-created = Created
gdap-detail-activated = Activated
gdap-detail-ends = Ends
gdap-detail-ended = Ended
gdap-roles-title = Microsoft Entra roles
gdap-history-title = History
gdap-history-empty = Nothing recorded yet.
gdap-send = Send for approval
gdap-send-hint = The request gets a link for the customer's administrator, who approves or declines it. It ends if nobody approves it within 90 days.
gdap-approval-link = Approval link
gdap-approval-link-hint = Give this link to an administrator of { $customer }: they sign in and approve or decline the request.
gdap-actions = Actions
gdap-terminate = Terminate
gdap-withdraw = Withdraw request
gdap-auto-extend-turn-on = Turn on auto-extend
gdap-auto-extend-turn-off = Turn off auto-extend
gdap-auto-extend-global-admin = Auto-extend is not available: the relationship includes the Global Administrator role.
gdap-terminate-question = Terminate the GDAP relationship “{ $name }” with { $customer }?
gdap-terminate-access = { $partner } loses the Microsoft Entra roles this relationship gives in the customer's tenant at once.
gdap-terminate-request = The request is withdrawn: its approval link stops working.
gdap-terminate-final = A terminated relationship cannot be restarted; a new one needs the customer's approval again.
gdap-bulk-terminate-question = Terminate these GDAP relationships?
gdap-bulk-terminate-list = Selected: { $names }.
gdap-keep = Keep them
toast-gdap-created = GDAP relationship “{ $name }” created. Send it for approval when its roles are right.
toast-gdap-sent = “{ $name }” is waiting for the customer's approval. Give the approval link below to the customer's administrator.
toast-gdap-terminated = GDAP relationship “{ $name }” terminated.
toast-gdap-auto-extend-on = Auto-extend turned on for “{ $name }”.
toast-gdap-auto-extend-off = Auto-extend turned off for “{ $name }”.
toast-gdap-bulk-extended = Auto-extend turned on for: { $names }.
toast-gdap-bulk-terminated = Terminated: { $names }.
toast-gdap-bulk-not-extended = Not changed, because they include the Global Administrator role or are not active: { $names }.
toast-gdap-bulk-not-terminated = Not terminated, because they have already ended: { $names }.
mail-gdap-approved-subject = { $customer } approved the GDAP relationship “{ $name }”
mail-gdap-approved-body = { $user } approved the GDAP relationship “{ $name }” for { $customer }. It is active until { $date }.
mail-gdap-terminated-subject = GDAP relationship “{ $name }” with { $customer } terminated
mail-gdap-terminated-body = { $user } terminated the GDAP relationship “{ $name }” with { $customer }. Its roles no longer give access to the customer's tenant.
mail-gdap-ending-subject = GDAP relationship “{ $name }” with { $customer } ends on { $date }
mail-gdap-ending-body = The GDAP relationship “{ $name }” with { $customer } ends on { $date }. Unless it extends automatically, ask the customer's administrator to approve a new one before then.
mail-link-gdap = Relationship: { $link }
account-gdap = GDAP relationships
account-gdap-none = None
account-gdap-ends = ends { $date }
account-gdap-request = Request a GDAP relationship
remove-gdap-legend = { $count ->
    [one] This customer has an active GDAP relationship:
   *[other] This customer has { $count } active GDAP relationships:
}
remove-gdap-ends = ends { $date }
remove-gdap-terminate = Also terminate these GDAP relationships
remove-gdap-hint = Your users lose the admin roles they carry in the customer's tenant at once. Leave this unchecked to keep them until they end or the customer ends them.
receipt-gdap = GDAP relationships terminated
receipt-gdap-none = None
# Security groups and GDAP access assignments
groups-title = Security groups
groups-subtitle = Groups of { $partner }'s users. A customer's Access tab gives a group some of a GDAP relationship's roles in the customer's tenant.
groups-new = New security group
groups-name = Name
groups-create = Create group
groups-empty = No security groups yet.
groups-caption = Security groups of { $partner }
groups-members = Members
groups-member-count = { $count ->
    [one] { $count } member
   *[other] { $count } members
}
groups-no-members = This group has no members yet.
groups-members-caption = Members of { $name }
groups-actions = Actions
groups-remove-member = Remove
groups-remove-member-named = Remove { $name } from the group
groups-no-candidates = Every active user of your organisation is already a member.
groups-add-member-label = User
groups-add-member = Add to group
groups-rename = Rename
groups-rename-save = Save name
groups-delete = Delete group
groups-delete-blocked = This group gives access to customers through { $count ->
    [one] { $count } GDAP access assignment
   *[other] { $count } GDAP access assignments
}: delete them on the customers' Access tabs before deleting the group.
groups-delete-confirm = Delete the security group “{ $name }”?
groups-delete-title = Delete the security group “{ $name }”?
groups-delete-members = { $count ->
    [one] Its { $count } member leaves the group.
   *[other] Its { $count } members leave the group.
}
groups-delete-final = The group cannot be restored; a new group starts with no members.
tab-access = Access
access-assignments = GDAP access assignments
access-assignments-hint = Each assignment gives a security group of your organisation some of a GDAP relationship's roles in this customer's tenant.
access-none = No security group has access to this customer's tenant yet.
access-caption = GDAP access assignments for { $name }
access-group = Security group
access-roles = Roles
access-relationship = GDAP relationship
access-roles-of = Roles of { $group }
access-save-roles = Save roles
access-delete = Delete assignment
access-delete-confirm = Delete the access of “{ $group }” through “{ $name }”?
access-new = Assign access
access-no-relationship = This customer has no active GDAP relationship: access can be assigned once one is active.
access-no-groups = Your organisation has no security groups yet: a Global admin or User management admin creates them on the Users page.
access-on-relationship = Through “{ $name }”
access-assign = Assign
access-who = Who can do what
access-who-hint = Your organisation's active users who hold roles in this customer's tenant, through their security groups' assignments on active or expiring GDAP relationships.
access-who-none = Nobody in your organisation holds a role in this customer's tenant.
access-who-caption = Who can do what in { $name }
access-through = Through
access-via = { $role }: group “{ $group }”, relationship “{ $relationship }”
access-delete-title = Delete the access of “{ $group }” through “{ $name }”?
access-delete-loses = The members of “{ $group }” lose these roles in the customer's tenant at once: { $roles }.
access-delete-again = The access can be assigned again later while the relationship is active.
toast-group-created = Security group “{ $name }” created.
toast-group-renamed = Security group renamed to “{ $name }”.
toast-group-unchanged = The name is the same: nothing changed.
toast-group-deleted = Security group “{ $name }” deleted.
toast-member-added = { $name } added to “{ $group }”.
toast-member-already = { $name } is already a member of “{ $group }”.
toast-member-removed = { $name } removed from “{ $group }”.
toast-member-not-member = { $name } is not a member of “{ $group }”: nothing changed.
toast-assignment-created = “{ $group }” now has access through “{ $name }”.
toast-assignment-roles-changed = Roles of the assignment saved.
toast-assignment-roles-unchanged = The roles are the same: nothing changed.
toast-assignment-deleted = Access of “{ $group }” through “{ $name }” deleted.
groups-assigned-in = { $customer }: access through “{ $relationship }”
tenant-signin-intro = Sign in as an administrator of your organisation to see your partners and accept their invitations.
tenant-signin-link = Sign in as your organisation's administrator
tenant-home-link = Go to your organisation's page
invitation-sign-in-needed = To accept this invitation, sign in as an administrator of the organisation it names. You will come back to this page.
invitation-first-admin = Your organisation's first administrator
invitation-first-admin-hint = This person signs in at the customer administrators' sign-in page. At the first sign-in they set up two-step sign-in with an authenticator app.
invitation-admin-name = Name
invitation-admin-email = E-mail address
invitation-admin-password = Password
invitation-admin-password-confirm = Password again
invitation-first-admin-next = Your organisation's administrator can now sign in and set up two-step sign-in.
tenant-role = Customer administrator
tenant-nav-partners = Your partners
tenant-nav-activity = Activity
tenant-partners-title = Your partners
tenant-partners-subtitle = The partners that work with { $company }: reseller relationships, delegated admin privileges and granular admin relationships.
tenant-gdap-pending-title = Pending GDAP requests
tenant-gdap-pending-none = No partner is waiting for your approval.
tenant-partners-none = No partner has a relationship with your organisation.
tenant-col-partner = Partner
tenant-col-reseller = Reseller
tenant-col-dap = Delegated admin privileges
tenant-col-gdap = Granular admin relationships
tenant-yes = Yes
tenant-no = No
tenant-remove-dap = Remove delegated admin privileges
tenant-gdap-none = None
tenant-gdap-ends = ends { $date }
tenant-gdap-roles = Roles
tenant-gdap-status-created = Created
tenant-gdap-status-approvalPending = Waiting for approval
tenant-gdap-status-approved = Approved
tenant-gdap-status-activating = Activating
tenant-gdap-status-active = Active
tenant-gdap-status-expiring = Expiring
tenant-gdap-status-expired = Expired
tenant-gdap-status-terminationRequested = Termination requested
tenant-gdap-status-terminating = Terminating
tenant-gdap-status-terminated = Terminated
tenant-remove-dap-question = Remove the delegated admin privileges of { $partner }?
tenant-remove-dap-consequence = { $partner } can no longer administer your organisation's services with delegated admin privileges.
tenant-remove-dap-reseller-stays = The reseller relationship stays: your subscriptions from this partner go on.
tenant-keep = Keep them
tenant-activity-subtitle = What happened in { $company }'s relationships with partners, and the sign-ins of its administrators.
tenant-activity-none = Nothing has happened yet.
tenant-col-when = When
tenant-col-who = Who
tenant-col-change = Change
tenant-toast-dap-removed = { $partner } no longer has delegated admin privileges.
tenant-gdap-back = ← Your partners
tenant-gdap-pending-item = { $partner } asks for “{ $name }”
tenant-gdap-status = Status
tenant-gdap-duration = Duration
tenant-gdap-days = { $count ->
    [one] 1 day from approval
   *[other] { $count } days from approval
}
tenant-gdap-auto-extend = Extends itself
tenant-gdap-auto-extend-on = Yes, by 180 days at its end, until you or the partner end it
tenant-gdap-end = Ends
tenant-gdap-approve-consequence = Approving gives { $partner } the roles listed above in your organisation's tenant until the relationship ends. You can end it at any time on this page.
tenant-gdap-approve = Approve
tenant-gdap-decline = Decline
tenant-gdap-terminate = End this relationship
tenant-gdap-terminate-question = End “{ $name }” with { $partner }?
tenant-gdap-terminate-consequence = { $partner } loses these roles in your tenant at once. To have them again, the partner must ask and you must approve a new relationship.
tenant-toast-gdap-approved = You approved the GDAP relationship: { $partner } now has its roles.
tenant-toast-gdap-declined = You declined the GDAP relationship requested by { $partner }.
tenant-toast-gdap-terminated = You ended the GDAP relationship: { $partner } no longer has its roles.
mail-gdap-declined-subject = { $customer } declined the GDAP relationship “{ $name }”
mail-gdap-declined-body = { $user } declined the GDAP relationship “{ $name }” for { $customer }. It gives no access; to ask again, create a new request.
mail-gdap-extended-subject = GDAP relationship “{ $name }” with { $customer } extended to { $date }
mail-gdap-extended-body = The GDAP relationship “{ $name }” with { $customer } extended itself by 180 days. It now ends on { $date }.
mail-gdap-expired-subject = GDAP relationship “{ $name }” with { $customer } expired
mail-gdap-expired-body = The GDAP relationship “{ $name }” with { $customer } reached its end on { $date }. Its roles no longer give access to the customer's tenant; to work in the tenant again, ask the customer's administrator to approve a new relationship.
tenant-nav-admins = Administrators
tenant-admins-subtitle = The administrators of { $company } who sign in here. Each can add another, reset another's password or two-step sign-in, and turn another off.
tenant-admins-name = Name
tenant-admins-email = E-mail address
tenant-admins-col-status = Status
tenant-admins-col-second-step = Two-step sign-in
tenant-admins-active = Active
tenant-admins-disabled = Turned off
tenant-admins-second-step-on = Set up
tenant-admins-second-step-off = Not set up yet
tenant-admins-you = You
tenant-admins-reset-password = Reset password
tenant-admins-reset-second-step = Reset two-step sign-in
tenant-admins-disable = Turn off
tenant-admins-enable = Turn on
tenant-admins-add = Add an administrator
tenant-admins-add-hint = The new administrator gets a one-time password, shown here once, to hand over. At the first sign-in they choose their own password and set up an authenticator app.
tenant-admins-added = { $name } was added.
tenant-admins-password-reset = The password of { $name } was reset and their sessions ended.
tenant-admins-shown-once = This password is shown only once. Hand it to { $name } in person or by another channel than e-mail.
tenant-admins-one-time-password = One-time password
tenant-toast-admin-second-step-reset = The two-step sign-in of { $name } was reset and their sessions ended: they set it up again at their next sign-in.
tenant-toast-admin-second-step-none = { $name } has no two-step sign-in set up yet: nothing was reset.
tenant-toast-admin-disabled = { $name } was turned off and can no longer sign in.
tenant-toast-admin-enabled = { $name } was turned on again and can sign in.
tenant-toast-admin-unchanged = Nothing changed: { $name } already was as asked.
