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
toast-subscription-suspended = Subscription suspended.{ $addons ->
    [0] {""}
    [one] {" "}{ $addons } add-on suspended with it.
   *[other] {" "}{ $addons } add-ons suspended with it.
}
toast-subscription-reactivated = Subscription reactivated.{ $addons ->
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
subscription-cancel-window = New-commerce subscriptions can be cancelled within 7 days of purchase: until { $until } ({ $days ->
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
account-support-contacts = Support contacts
account-contact-user = { $name } ({ $partner })
account-contact-for = for
account-contact-subscription = a subscription
remove-relationship = Remove reseller relationship
account-prepare-removal = Prepare for removal: suspend and cancel everything…
account-activity = Activity
account-all-activity = All activity for this customer
account-activity-empty = Nothing has been recorded for this customer yet.
account-activity-caption = The { $count } newest activity-log records for { $name }
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
remove-consequence-dap-not-granted = (not granted now)
remove-consequence-purchases = prevents future purchases for the customer.
remove-confirm-hint = The relationship can be re-established later only through a relationship request that the customer’s admin accepts.
back-to-account = Back to Account
invitation-link-invalid = This invitation link is not valid. Check that you copied all of it.
