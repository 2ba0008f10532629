//! Counting audit records: the one query behind the tests' "and it is on record" checks.
//!
//! `env.audit_count(Audits::of("update_subscription").succeeded())`, or on a connection
//! `Audits::of(op).customer(id).failed().count(&mut c)`.

use diesel::prelude::*;
use partnerdesk::db::AnyConnection;
use partnerdesk::db::schema::audit_log;
use partnerdesk::models::audit::{FAILED, SUCCEEDED};

/// Which audit records to count: those of the operations named (any with `all()`), narrowed by
/// each condition added.
#[derive(Debug, Clone, Default)]
pub struct Audits<'a> {
    operations: Vec<&'a str>,
    status: Option<&'a str>,
    customer: Option<&'a str>,
    partner: Option<&'a str>,
    resource_like: Option<&'a str>,
    operation_not_like: Option<&'a str>,
}

impl<'a> Audits<'a> {
    /// Records of `operation`.
    pub fn of(operation: &'a str) -> Self {
        Audits { operations: vec![operation], ..Default::default() }
    }

    /// Records of any of `operations`.
    pub fn of_any(operations: &[&'a str]) -> Self {
        assert!(!operations.is_empty(), "name an operation, or count all()");
        Audits { operations: operations.to_vec(), ..Default::default() }
    }

    /// Records of every operation.
    pub fn all() -> Self {
        Audits::default()
    }

    pub fn status(mut self, status: &'a str) -> Self {
        self.status = Some(status);
        self
    }

    pub fn succeeded(self) -> Self {
        self.status(SUCCEEDED)
    }

    pub fn failed(self) -> Self {
        self.status(FAILED)
    }

    /// About the customer with this id.
    pub fn customer(mut self, id: &'a str) -> Self {
        self.customer = Some(id);
        self
    }

    /// Of the partner with this id.
    pub fn partner(mut self, id: &'a str) -> Self {
        self.partner = Some(id);
        self
    }

    /// Whose resource matches the SQL `LIKE` pattern (`"POST /users%"`).
    pub fn resource_like(mut self, pattern: &'a str) -> Self {
        self.resource_like = Some(pattern);
        self
    }

    /// Whose operation does not match the SQL `LIKE` pattern (`"log%"`: no sign-ins and -outs).
    pub fn operation_not_like(mut self, pattern: &'a str) -> Self {
        self.operation_not_like = Some(pattern);
        self
    }

    /// How many records match.
    pub fn count(&self, c: &mut AnyConnection) -> i64 {
        let mut q = audit_log::table.into_boxed();
        match self.operations[..] {
            [] => {}
            [operation] => q = q.filter(audit_log::operation.eq(operation)),
            _ => q = q.filter(audit_log::operation.eq_any(self.operations.clone())),
        }
        if let Some(status) = self.status {
            q = q.filter(audit_log::status.eq(status));
        }
        if let Some(id) = self.customer {
            q = q.filter(audit_log::customer_id.eq(id));
        }
        if let Some(id) = self.partner {
            q = q.filter(audit_log::partner_id.eq(id));
        }
        if let Some(pattern) = self.resource_like {
            q = q.filter(audit_log::resource_id.like(pattern));
        }
        if let Some(pattern) = self.operation_not_like {
            q = q.filter(audit_log::operation.not_like(pattern));
        }
        q.count().get_result(c).unwrap_or_else(|e| panic!("count audit records {self:?}: {e}"))
    }
}
