# Sentences that have no key of their own yet, shown as they are.
untranslated = { $text }

error-not-found = This page does not exist, or you do not have access to it.
error-sign-in-required = Please sign in to continue.
error-unavailable = The service is busy. Please try again in a moment.
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
} still active. Suspend every active subscription and cancel Azure reservations and software purchases first.
action-suspend = Suspend
action-cancel = Cancel
