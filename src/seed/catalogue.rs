//! The offer catalogue every server starts with.

use crate::db::AnyConnection;
use crate::models::offer::{self, Offer};
use crate::models::subscription::CommerceType;

/// (id, name, commerce type, base offer id)
const OFFERS: &[(&str, &str, CommerceType, Option<&str>)] = &[
    ("m365-bp", "Microsoft 365 Business Premium", CommerceType::NewCommerce, None),
    ("m365-bs", "Microsoft 365 Business Standard", CommerceType::NewCommerce, None),
    ("m365-e3", "Microsoft 365 E3", CommerceType::Legacy, None),
    ("o365-e1", "Office 365 E1", CommerceType::Legacy, None),
    ("exo-p1", "Exchange Online (Plan 1)", CommerceType::NewCommerce, None),
    ("teams-ess", "Microsoft Teams Essentials", CommerceType::NewCommerce, None),
    ("d365-sales", "Dynamics 365 Sales Professional", CommerceType::NewCommerce, None),
    ("visio-p2", "Visio Plan 2", CommerceType::Legacy, None),
    (
        "defender-o365-p2",
        "Microsoft Defender for Office 365 (Plan 2)",
        CommerceType::NewCommerce,
        Some("m365-bp"),
    ),
    ("m365-e5-sec", "Microsoft 365 E5 Security", CommerceType::Legacy, Some("m365-e3")),
    ("audio-conf", "Microsoft Teams Audio Conferencing", CommerceType::Legacy, Some("m365-e3")),
];

/// Adds the offer catalogue when the database has none.
pub fn ensure_offers(conn: &mut AnyConnection) -> diesel::QueryResult<()> {
    if offer::count(conn)? > 0 {
        return Ok(());
    }
    for (i, (id, name, ct, parent)) in OFFERS.iter().enumerate() {
        offer::insert(
            conn,
            &Offer {
                id: (*id).into(),
                name: (*name).into(),
                commerce_type: ct.as_str().into(),
                parent_offer_id: parent.map(Into::into),
                sort_order: i as i32,
            },
        )?;
    }
    Ok(())
}
