//! The `/v1` API's JSON shapes: Partner Center's resources (customers, subscriptions,
//! relationship requests, audit records, errors) with its field names and casing, built from the
//! services' results. The OpenAPI document is generated from these types.

use serde::{Deserialize, Serialize};
use utoipa::ToSchema;

use crate::i18n::Locale;
use crate::models::audit::ActivityRow;
use crate::models::customer::CustomerListRow;
use crate::models::relationship::Relationship;
use crate::models::subscription::Subscription as SubscriptionRow;
use crate::services::removal::Blocker;
use crate::util::clock::iso_datetime;

/// Partner Center's `attributes`: the object's type (and, for what can change, its etag).
#[derive(Debug, Clone, Serialize, Deserialize, ToSchema)]
#[serde(rename_all = "camelCase")]
pub struct Attributes {
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub etag: Option<String>,
    pub object_type: String,
}

impl Attributes {
    fn of(object_type: &str) -> Self {
        Attributes { etag: None, object_type: object_type.to_owned() }
    }
}

#[derive(Debug, Clone, Serialize, ToSchema)]
#[serde(rename_all = "camelCase")]
pub struct CompanyProfile {
    pub tenant_id: String,
    pub domain: String,
    pub company_name: String,
    pub attributes: Attributes,
}

/// A customer as the partner sees it.
#[derive(Debug, Clone, Serialize, ToSchema)]
#[serde(rename_all = "camelCase")]
pub struct Customer {
    pub id: String,
    pub company_profile: CompanyProfile,
    /// `reseller` while the relationship lasts, `none` after its removal.
    pub relationship_to_partner: String,
    pub allow_delegated_access: bool,
    pub attributes: Attributes,
}

impl Customer {
    pub fn new(id: &str, tenant_id: &str, domain: &str, name: &str, rel: &str, dap: bool) -> Self {
        Customer {
            id: id.to_owned(),
            company_profile: CompanyProfile {
                tenant_id: tenant_id.to_owned(),
                domain: domain.to_owned(),
                company_name: name.to_owned(),
                attributes: Attributes::of("CustomerCompanyProfile"),
            },
            relationship_to_partner: rel.to_owned(),
            allow_delegated_access: dap,
            attributes: Attributes::of("Customer"),
        }
    }

    pub fn from_row(row: &CustomerListRow) -> Self {
        let (id, domain, name) = (&row.id, &row.primary_domain, &row.company_name);
        Customer::new(id, &row.tenant_id, domain, name, "reseller", row.delegated_admin)
    }

    pub fn from_parts(c: &crate::models::customer::Customer, rel: &Relationship) -> Self {
        let rel_name = &rel.relationship_to_partner;
        let dap = rel.allow_delegated_access;
        Customer::new(&c.id, &c.tenant_id, &c.primary_domain, &c.company_name, rel_name, dap)
    }
}

/// A header the next request sends (the continuation token).
#[derive(Debug, Clone, Serialize, ToSchema)]
pub struct Header {
    pub key: String,
    pub value: String,
}

#[derive(Debug, Clone, Serialize, ToSchema)]
pub struct Link {
    pub uri: String,
    pub method: String,
    pub headers: Vec<Header>,
}

#[derive(Debug, Clone, Serialize, ToSchema)]
pub struct Links {
    pub next: Link,
}

impl Links {
    /// The next page: the same address, with the continuation token in `MS-ContinuationToken`.
    pub fn next(uri: String, token: String) -> Self {
        Links {
            next: Link {
                uri,
                method: "GET".into(),
                headers: vec![Header { key: "MS-ContinuationToken".into(), value: token }],
            },
        }
    }
}

macro_rules! collection {
    ($name:ident, $item:ty) => {
        /// A page of a collection: `totalCount` is this page's count; `links.next` is there
        /// while more follow.
        #[derive(Debug, Clone, Serialize, ToSchema)]
        #[serde(rename_all = "camelCase")]
        pub struct $name {
            pub total_count: usize,
            pub items: Vec<$item>,
            #[serde(skip_serializing_if = "Option::is_none")]
            pub links: Option<Links>,
            pub attributes: Attributes,
        }

        impl $name {
            pub fn new(items: Vec<$item>, links: Option<Links>) -> Self {
                $name {
                    total_count: items.len(),
                    items,
                    links,
                    attributes: Attributes::of("Collection"),
                }
            }
        }
    };
}

collection!(CustomerCollection, Customer);
collection!(SubscriptionCollection, Subscription);
collection!(AuditRecordCollection, AuditRecord);

/// A subscription, with the fields Partner Center documents that PartnerDesk keeps.
#[derive(Debug, Clone, Serialize, ToSchema)]
#[serde(rename_all = "camelCase")]
pub struct Subscription {
    pub id: String,
    pub offer_id: String,
    pub offer_name: String,
    pub friendly_name: String,
    pub quantity: i32,
    pub unit_type: String,
    pub parent_subscription_id: Option<String>,
    pub creation_date: String,
    pub effective_start_date: String,
    /// The end of the current term: billed until then; a renewal moves it on by a term.
    pub commitment_end_date: String,
    /// Whether it renews at its commitment end (off: it then expires).
    pub auto_renew_enabled: bool,
    /// New commerce only: the last moment it can be cancelled (set to `deleted`).
    pub cancellation_allowed_until_date: Option<String>,
    /// `active`, `suspended`, `deleted` (cancelled) or `expired`.
    pub status: String,
    pub billing_cycle: String,
    pub term_duration: String,
    /// `legacy` or `new_commerce`.
    pub commerce_type: String,
    pub attributes: Attributes,
}

impl From<&SubscriptionRow> for Subscription {
    fn from(s: &SubscriptionRow) -> Self {
        Subscription {
            id: s.id.clone(),
            offer_id: s.offer_id.clone(),
            offer_name: s.offer_name.clone(),
            friendly_name: s.offer_name.clone(),
            quantity: s.quantity,
            unit_type: "Licenses".into(),
            parent_subscription_id: s.parent_id.clone(),
            creation_date: iso_datetime(s.created_at),
            effective_start_date: iso_datetime(s.created_at),
            commitment_end_date: iso_datetime(s.commitment_end()),
            auto_renew_enabled: s.auto_renew,
            cancellation_allowed_until_date: s.cancel_deadline().map(iso_datetime),
            status: s.status.clone(),
            billing_cycle: s.billing_cycle.clone(),
            term_duration: s.term.clone(),
            commerce_type: s.commerce_type.clone(),
            attributes: Attributes { etag: Some(s.etag()), object_type: "Subscription".into() },
        }
    }
}

/// A link the customer's admin opens to accept a reseller relationship.
#[derive(Debug, Clone, Serialize, ToSchema)]
pub struct CustomerRelationshipRequest {
    pub url: String,
    pub attributes: Attributes,
}

impl CustomerRelationshipRequest {
    pub fn new(url: String) -> Self {
        CustomerRelationshipRequest {
            url,
            attributes: Attributes::of("CustomerRelationshipRequest"),
        }
    }
}

/// One audit record, with Partner Center's field names.
#[derive(Debug, Clone, Serialize, ToSchema)]
#[serde(rename_all = "camelCase")]
pub struct AuditRecord {
    pub id: String,
    pub partner_id: Option<String>,
    pub customer_id: Option<String>,
    pub customer_name: Option<String>,
    /// Who did it: the user's email address, or what the record names instead.
    pub user_principal_name: String,
    pub resource_type: String,
    pub resource_id: Option<String>,
    pub resource_old_value: Option<String>,
    pub resource_new_value: Option<String>,
    pub operation_type: String,
    /// `succeeded`, or `failed` for a refused attempt.
    pub operation_status: String,
    pub operation_date: String,
    pub request_id: String,
    pub original_correlation_id: Option<String>,
    pub attributes: Attributes,
}

impl From<ActivityRow> for AuditRecord {
    fn from(row: ActivityRow) -> Self {
        let r = row.record;
        AuditRecord {
            id: r.id,
            partner_id: r.partner_id,
            customer_id: r.customer_id,
            customer_name: row.customer_name,
            user_principal_name: r.actor,
            resource_type: r.resource_type,
            resource_id: r.resource_id,
            resource_old_value: r.old_value,
            resource_new_value: r.new_value,
            operation_type: r.operation,
            operation_status: r.status,
            operation_date: iso_datetime(r.at),
            request_id: r.request_id,
            original_correlation_id: r.correlation_id,
            attributes: Attributes::of("AuditRecord"),
        }
    }
}

/// Something that blocks a removal, named so that a script can act on it.
#[derive(Debug, Clone, Serialize, ToSchema)]
#[serde(rename_all = "camelCase")]
pub struct ErrorItem {
    /// `subscription`, `reservation`, `savings_plan`, `software_purchase`, or `rule` for what is
    /// not an item.
    pub resource_type: String,
    pub id: Option<String>,
    pub description: String,
}

impl ErrorItem {
    pub fn from_blocker(b: &Blocker, l: Locale) -> Self {
        let (resource_type, id) = match b {
            Blocker::ActiveSubscription { id, .. } => ("subscription", Some(id)),
            Blocker::ActiveReservation { id, .. } => ("reservation", Some(id)),
            Blocker::ActiveSavingsPlan { id, .. } => ("savings_plan", Some(id)),
            Blocker::ActiveSoftwarePurchase { id, .. } => ("software_purchase", Some(id)),
            _ => ("rule", None),
        };
        ErrorItem {
            resource_type: resource_type.into(),
            id: id.cloned(),
            description: l.msg(b.message()),
        }
    }
}

/// Partner Center's error shape: every error of `/v1` is one of these.
#[derive(Debug, Clone, Serialize, ToSchema)]
pub struct ApiErrorBody {
    /// The HTTP status, repeated for clients that keep only the body.
    pub code: u16,
    /// A sentence a person can act on.
    pub description: String,
    pub data: Vec<ErrorItem>,
    pub source: String,
}

/// `PATCH /v1/customers/{id}`: what to change.
#[derive(Debug, Clone, Deserialize, ToSchema)]
#[serde(rename_all = "camelCase")]
pub struct CustomerPatch {
    /// `none` removes the reseller relationship.
    pub relationship_to_partner: Option<String>,
    /// `false` removes delegated admin privileges.
    pub allow_delegated_access: Option<bool>,
    pub attributes: Option<Attributes>,
}

/// `PATCH …/subscriptions/{sid}`: the subscription as read, with `status` changed (other
/// fields are ignored).
#[derive(Debug, Clone, Deserialize, ToSchema)]
#[serde(rename_all = "camelCase")]
pub struct SubscriptionPatch {
    /// `active`, `suspended` or `deleted` (cancel, new commerce within its window).
    pub status: Option<String>,
    /// New commerce: `false` turns auto-renew off (it runs to its commitment end, then
    /// expires), `true` on again.
    pub auto_renew_enabled: Option<bool>,
}
