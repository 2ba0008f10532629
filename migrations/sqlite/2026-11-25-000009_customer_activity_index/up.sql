-- A customer's latest activity (the Account page) is one partner's records of one customer,
-- newest first: this index reads exactly those, in order, whatever the planner's estimates.
-- PostgreSQL, with statistics from before a burst of activity, combined the (customer, time) and
-- (partner, time) indexes and sorted all of the customer's records instead (10 ms at 9,000
-- records, against 0.1 ms). The (customer, time) index stays: SQLite's planner keeps it for the
-- activity log filtered to one customer.
CREATE INDEX audit_log_partner_customer_at ON audit_log (partner_id, customer_id, at, id);
