//! Removal receipts: what a removal changed, who did it and when, and where each subscription's
//! billing ends, written in the removal's transaction as a signed evidence file (JSON with an
//! Ed25519 signature over the receipt's exact bytes, by a key the server keeps) that
//! `partnerdesk verify-receipt` checks.

use ed25519_dalek::{Signature, Signer, SigningKey, Verifier, VerifyingKey};
use serde::{Deserialize, Serialize};
use sha2::{Digest, Sha256};

use crate::auth::permissions::Permission;
use crate::db::AnyConnection;
use crate::error::{AppError, AppResult};
use crate::models::audit::{self as audit_rows, AuditRecord};
use crate::models::receipt::{self as rows, RemovalReceipt};
use crate::models::relationship::Relationship;
use crate::models::subscription::{self, Subscription, SubscriptionStatus};
use crate::models::{partner, reservation, savings_plan, software};
use crate::services::Ctx;
use crate::services::audit::op;
use crate::services::purchases::Cancellable;
use crate::util::clock::{iso_datetime, now_ms};
use crate::util::tokens::new_id;

/// The purpose under which the receipts' key is kept.
const PURPOSE: &str = "removal_receipts";
pub const ALGORITHM: &str = "Ed25519";
/// The records a receipt lists: the offboarding's changes and the removal itself.
const OPERATIONS: &[&str] = &[
    op::UPDATE_SUBSCRIPTION,
    op::CANCEL_RESERVATION,
    op::CANCEL_SAVINGS_PLAN,
    op::CANCEL_SOFTWARE_PURCHASE,
    op::REMOVE_DELEGATED_ADMIN,
    op::REMOVE_RELATIONSHIP,
    op::TERMINATE_GDAP,
];
/// How far back before the removal the receipt looks for the offboarding's changes (never before
/// the relationship began), and how many it lists at most.
const LOOK_BACK_MS: i64 = 90 * 24 * 3600 * 1000;
const MAX_CHANGES: i64 = 1000;

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase", deny_unknown_fields)]
pub struct Receipt {
    pub receipt_id: String,
    pub partner: Party,
    pub customer: ReceiptCustomer,
    pub removed_by: Person,
    pub removed_at: String,
    pub delegated_admin_revoked: bool,
    pub support_contacts_removed: usize,
    /// The GDAP relationships the removal terminated, by name (absent from receipts issued
    /// before GDAP existed).
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub gdap_relationships_terminated: Vec<String>,
    pub changes: Vec<Change>,
    pub subscriptions: Vec<SubscriptionEnd>,
    pub purchases: Vec<PurchaseEnd>,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase", deny_unknown_fields)]
pub struct Party {
    pub id: String,
    pub name: String,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase", deny_unknown_fields)]
pub struct ReceiptCustomer {
    pub id: String,
    pub company_name: String,
    pub domain: String,
    pub tenant_id: String,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase", deny_unknown_fields)]
pub struct Person {
    pub user_id: String,
    pub email: String,
}

/// One audit record of the offboarding.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase", deny_unknown_fields)]
pub struct Change {
    pub audit_record_id: String,
    pub operation: String,
    pub resource_type: String,
    pub resource_id: Option<String>,
    pub old_value: Option<String>,
    pub new_value: Option<String>,
    pub by: String,
    pub at: String,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase", deny_unknown_fields)]
pub struct SubscriptionEnd {
    pub id: String,
    pub offer_name: String,
    pub commerce_type: String,
    pub status: String,
    /// When the partner's billing for it ends or ended, where that is known.
    pub billing_end: Option<String>,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase", deny_unknown_fields)]
pub struct PurchaseEnd {
    pub id: String,
    pub kind: String,
    pub name: String,
    pub status: String,
    pub cancelled_at: Option<String>,
}

impl PurchaseEnd {
    /// A purchase's line, its kind named as its audit records name it.
    fn of<P: Cancellable>(p: &P) -> Self {
        PurchaseEnd {
            id: p.id().into(),
            kind: P::RESOURCE_TYPE.into(),
            name: p.name().into(),
            status: p.status().into(),
            cancelled_at: p.cancelled_at().map(iso_datetime),
        }
    }
}

/// The signature part of an evidence file.
#[derive(Debug, Clone, Serialize, Deserialize)]
#[serde(rename_all = "camelCase", deny_unknown_fields)]
pub struct SignatureBlock {
    pub algorithm: String,
    pub key_id: String,
    pub public_key: String,
    pub value: String,
}

/// An evidence file as read back: the receipt's exact text, and its signature.
#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct Evidence<'a> {
    #[serde(borrow)]
    receipt: &'a serde_json::value::RawValue,
    signature: SignatureBlock,
}

/// When billing for a subscription ends or ended: a cancelled one's at its cancellation, a
/// legacy one's at its suspension, a new-commerce one's at its commitment end (suspending does
/// not stop its billing).
pub fn billing_end(s: &Subscription) -> Option<i64> {
    match (s.status(), s.is_new_commerce()) {
        (SubscriptionStatus::Deleted, _) => Some(s.updated_at),
        (SubscriptionStatus::Suspended, false) => s.suspended_at,
        (_, true) | (SubscriptionStatus::Expired, _) => Some(s.commitment_end_at),
        (SubscriptionStatus::Active, false) => None,
    }
}

/// The receipts' signing key, made and stored on first use (by whichever instance is first).
fn signing_key(c: &mut AnyConnection) -> AppResult<SigningKey> {
    let stored = match rows::find_key(c, PURPOSE)? {
        Some(k) => k,
        None => {
            let mut seed = [0u8; 32];
            getrandom::fill(&mut seed).expect("the operating system's random source");
            let key = SigningKey::from_bytes(&seed);
            let public = key.verifying_key().to_bytes();
            rows::insert_key_if_absent(
                c,
                &rows::SigningKey {
                    purpose: PURPOSE.into(),
                    key_id: key_id(&public),
                    private_key: hex::encode(seed),
                    public_key: hex::encode(public),
                    created_at: now_ms(),
                },
            )?;
            rows::find_key(c, PURPOSE)?
                .ok_or_else(|| AppError::internal(anyhow::anyhow!("no signing key")))?
        }
    };
    let seed: [u8; 32] = hex::decode(&stored.private_key)
        .ok()
        .and_then(|b| b.try_into().ok())
        .ok_or_else(|| AppError::internal(anyhow::anyhow!("the stored signing key is damaged")))?;
    Ok(SigningKey::from_bytes(&seed))
}

/// A short name of a public key: the first 8 bytes of its SHA-256, hex.
fn key_id(public: &[u8; 32]) -> String {
    hex::encode(&Sha256::digest(public)[..8])
}

/// What `remove` knows of the removal it has just written.
pub(crate) struct Removal<'a> {
    pub relationship: &'a Relationship,
    pub removed_at: i64,
    pub delegated_admin_revoked: bool,
    pub support_contacts_removed: usize,
    pub gdap_terminated: &'a [String],
}

/// Writes the receipt of a removal, in the removal's transaction (after its audit record).
/// Returns the receipt's id.
pub(crate) fn issue(c: &mut AnyConnection, ctx: &Ctx, removal: Removal<'_>) -> AppResult<String> {
    let rel = removal.relationship;
    let (partner_id, customer_id) = (rel.partner_id.as_str(), rel.customer_id.as_str());
    let partner = partner::find(c, partner_id)?.ok_or(AppError::NotFound)?;
    let since = rel.started_at.max(removal.removed_at - LOOK_BACK_MS);
    let records = audit_rows::list_for_customer_since(
        c,
        partner_id,
        customer_id,
        since,
        OPERATIONS,
        MAX_CHANGES,
    )?;
    let subscriptions = subscription::list_for_customer(c, partner_id, customer_id)?;
    let reservations = reservation::list_for_customer(c, partner_id, customer_id)?;
    let savings_plans = savings_plan::list_for_customer(c, partner_id, customer_id)?;
    let software = software::list_for_customer(c, partner_id, customer_id)?;
    let receipt = Receipt {
        receipt_id: new_id(),
        partner: Party { id: partner.id, name: partner.name },
        customer: ReceiptCustomer {
            id: customer_id.into(),
            company_name: rel.company_name.clone(),
            domain: rel.primary_domain.clone(),
            tenant_id: rel.tenant_id.clone(),
        },
        removed_by: Person { user_id: ctx.user.id.clone(), email: ctx.user.email.clone() },
        removed_at: iso_datetime(removal.removed_at),
        delegated_admin_revoked: removal.delegated_admin_revoked,
        support_contacts_removed: removal.support_contacts_removed,
        gdap_relationships_terminated: removal.gdap_terminated.to_vec(),
        changes: records
            .into_iter()
            .map(|r| Change {
                audit_record_id: r.id,
                operation: r.operation,
                resource_type: r.resource_type,
                resource_id: r.resource_id,
                old_value: r.old_value,
                new_value: r.new_value,
                by: r.actor,
                at: iso_datetime(r.at),
            })
            .collect(),
        subscriptions: subscriptions
            .iter()
            .map(|s| SubscriptionEnd {
                id: s.id.clone(),
                offer_name: s.offer_name.clone(),
                commerce_type: s.commerce_type.clone(),
                status: s.status.clone(),
                billing_end: billing_end(s).map(iso_datetime),
            })
            .collect(),
        purchases: reservations
            .iter()
            .map(PurchaseEnd::of)
            .chain(savings_plans.iter().map(PurchaseEnd::of))
            .chain(software.iter().map(PurchaseEnd::of))
            .collect(),
    };
    let evidence = sign(&signing_key(c)?, &receipt)?;
    rows::insert(
        c,
        &RemovalReceipt {
            id: receipt.receipt_id.clone(),
            partner_id: partner_id.into(),
            customer_id: customer_id.into(),
            removed_by: ctx.user.id.clone(),
            removed_at: removal.removed_at,
            evidence,
        },
    )?;
    Ok(receipt.receipt_id)
}

/// The evidence file of `receipt`: the receipt as indented JSON and the signature over exactly
/// those bytes.
fn sign(key: &SigningKey, receipt: &Receipt) -> AppResult<String> {
    let text = serde_json::to_string_pretty(receipt).map_err(AppError::internal)?;
    let public = key.verifying_key().to_bytes();
    let block = SignatureBlock {
        algorithm: ALGORITHM.into(),
        key_id: key_id(&public),
        public_key: hex::encode(public),
        value: hex::encode(key.sign(text.as_bytes()).to_bytes()),
    };
    let block = serde_json::to_string_pretty(&block).map_err(AppError::internal)?;
    // Written by hand around the two parts so that the receipt's bytes are exactly the signed
    // ones; the receipt is indented one level like the rest.
    Ok(format!(
        "{{\n  \"receipt\": {},\n  \"signature\": {}\n}}\n",
        text.replace('\n', "\n  "),
        block.replace('\n', "\n  ")
    ))
}

/// A receipt whose signature holds, and the key it was signed with.
#[derive(Debug)]
pub struct Verified {
    pub receipt: Receipt,
    pub key_id: String,
}

/// Checks an evidence file: its receipt's exact bytes against its signature, made by the key
/// `public_key` (hex) when given (the server's, or one the reader trusts), else by the key the
/// file names. A sentence says what is wrong.
pub fn verify(evidence: &str, public_key: Option<&str>) -> Result<Verified, String> {
    let e: Evidence<'_> = serde_json::from_str(evidence)
        .map_err(|err| format!("This is not a PartnerDesk removal receipt: {err}."))?;
    if e.signature.algorithm != ALGORITHM {
        return Err(format!(
            "The receipt is signed with {}, not {ALGORITHM}.",
            e.signature.algorithm
        ));
    }
    let trusted = public_key.unwrap_or(&e.signature.public_key);
    if trusted != e.signature.public_key {
        return Err("The receipt was signed with another key than this server's.".into());
    }
    let public: [u8; 32] = hex::decode(trusted)
        .ok()
        .and_then(|b| b.try_into().ok())
        .ok_or("The receipt's public key is not 32 bytes of hex.")?;
    let key = VerifyingKey::from_bytes(&public).map_err(|_| "The public key is not valid.")?;
    let signature: [u8; 64] = hex::decode(&e.signature.value)
        .ok()
        .and_then(|b| b.try_into().ok())
        .ok_or("The signature is not 64 bytes of hex.")?;
    // The receipt's text as it is in the file, indented one level: undo the indent.
    let text = e.receipt.get().replace("\n  ", "\n");
    key.verify(text.as_bytes(), &Signature::from_bytes(&signature)).map_err(
        |_| "The signature does not match: the receipt was changed after it was signed.",
    )?;
    let receipt = serde_json::from_str(&text)
        .map_err(|err| format!("The signed receipt does not read as a receipt: {err}."))?;
    Ok(Verified { receipt, key_id: e.signature.key_id })
}

/// The server's public key for receipts (hex), if it has made one.
pub fn public_key(c: &mut AnyConnection) -> AppResult<Option<String>> {
    Ok(rows::find_key(c, PURPOSE)?.map(|k| k.public_key))
}

/// A receipt as the page shows it, with its evidence file and the audit records it lists.
pub struct Shown {
    pub receipt: Receipt,
    pub evidence: String,
    pub key_id: String,
    pub records: Vec<AuditRecord>,
}

/// One of the partner's receipts about the customer (404 otherwise).
pub fn find(c: &mut AnyConnection, ctx: &Ctx, customer_id: &str, id: &str) -> AppResult<Shown> {
    ctx.user.require(Permission::ViewCustomers)?;
    let row = rows::find(c, ctx.partner_id(), customer_id, id)?.ok_or(AppError::NotFound)?;
    let v = verify(&row.evidence, None).map_err(|e| AppError::internal(anyhow::anyhow!(e)))?;
    let ids: Vec<&str> = v.receipt.changes.iter().map(|ch| ch.audit_record_id.as_str()).collect();
    let records = audit_rows::list_by_ids(c, ctx.partner_id(), &ids)?;
    Ok(Shown { receipt: v.receipt, evidence: row.evidence, key_id: v.key_id, records })
}

/// The partner's receipts about the customer, newest first: (id, removed at).
pub fn list(c: &mut AnyConnection, ctx: &Ctx, customer_id: &str) -> AppResult<Vec<(String, i64)>> {
    Ok(rows::list_for_customer(c, ctx.partner_id(), customer_id)?)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn sample() -> Receipt {
        Receipt {
            receipt_id: "r-1".into(),
            partner: Party { id: "p-1".into(), name: "Fabrikam Cloud Solutions".into() },
            customer: ReceiptCustomer {
                id: "c-1".into(),
                company_name: "Contoso \"Ltd\"\nSp. z o.o.".into(),
                domain: "contoso.onmicrosoft.com".into(),
                tenant_id: "t-1".into(),
            },
            removed_by: Person { user_id: "u-1".into(), email: "admin@alpha.test".into() },
            removed_at: "2026-12-03T09:13:00Z".into(),
            delegated_admin_revoked: true,
            support_contacts_removed: 1,
            gdap_relationships_terminated: vec!["Contoso helpdesk".into()],
            changes: vec![Change {
                audit_record_id: "a-1".into(),
                operation: op::REMOVE_RELATIONSHIP.into(),
                resource_type: "relationship".into(),
                resource_id: Some("rel-1".into()),
                old_value: Some("relationship: reseller".into()),
                new_value: None,
                by: "admin@alpha.test".into(),
                at: "2026-12-03T09:13:00Z".into(),
            }],
            subscriptions: Vec::new(),
            purchases: Vec::new(),
        }
    }

    #[test]
    fn a_signed_receipt_verifies_and_reads_back_the_same() {
        let key = SigningKey::from_bytes(&[7; 32]);
        let file = sign(&key, &sample()).unwrap();
        let v = verify(&file, None).unwrap();
        assert_eq!(v.receipt, sample());
        let public = hex::encode(key.verifying_key().to_bytes());
        assert!(verify(&file, Some(&public)).is_ok());
        assert!(verify(&file, Some(&"ab".repeat(32))).is_err(), "another trusted key");
    }

    #[test]
    fn every_one_byte_change_of_the_receipt_fails() {
        let key = SigningKey::from_bytes(&[7; 32]);
        let file = sign(&key, &sample()).unwrap();
        let start = file.find("\"receipt\": ").unwrap() + "\"receipt\": ".len();
        let end = file.find(",\n  \"signature\"").unwrap();
        for i in start..end {
            let mut bytes = file.clone().into_bytes();
            bytes[i] = if bytes[i] == b'x' { b'y' } else { b'x' };
            let changed = String::from_utf8_lossy(&bytes);
            assert!(verify(&changed, None).is_err(), "byte {i} changed, still valid");
        }
    }

    #[test]
    fn a_signature_by_another_key_in_the_file_is_refused_against_the_servers() {
        let server = SigningKey::from_bytes(&[7; 32]);
        let forger = SigningKey::from_bytes(&[9; 32]);
        let forged = sign(&forger, &sample()).unwrap();
        let trusted = hex::encode(server.verifying_key().to_bytes());
        let err = verify(&forged, Some(&trusted)).unwrap_err();
        assert!(err.contains("another key"), "{err}");
    }
}
