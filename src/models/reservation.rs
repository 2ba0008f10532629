use diesel::prelude::*;

use crate::db::AnyConnection;
use crate::db::schema::reservations;
use crate::i18n::Locale;
use crate::models::subscription::Term;

pub use crate::models::purchase::{ACTIVE, CANCELLED};

/// An Azure reservation (Reserved VM Instance) bought for the customer.
#[derive(Debug, Clone, Queryable, Selectable, Insertable)]
#[diesel(table_name = reservations)]
pub struct Reservation {
    pub id: String,
    pub partner_id: String,
    pub customer_id: String,
    pub name: String,
    pub sku: String,
    pub region: String,
    pub term: String,
    pub quantity: i32,
    pub status: String,
    pub created_at: i64,
    pub cancelled_at: Option<i64>,
}

impl Reservation {
    /// The term in words in the locale ("1 year", "3 lata"); a stored value that is not one of
    /// the known terms is shown as stored.
    pub fn term_in(&self, l: &Locale) -> String {
        Term::parse(&self.term).map_or_else(|| self.term.clone(), |t| l.t(t.key()))
    }
}

crate::models::purchase::purchase_queries!(reservations, Reservation, name);

#[cfg(test)]
mod tests {
    use super::*;

    fn with_term(term: &str) -> Reservation {
        Reservation {
            id: "r".into(),
            partner_id: "p".into(),
            customer_id: "c".into(),
            name: "VMs".into(),
            sku: "Standard_D2s_v5".into(),
            region: "westeurope".into(),
            term: term.into(),
            quantity: 1,
            status: ACTIVE.into(),
            created_at: 0,
            cancelled_at: None,
        }
    }

    #[test]
    fn terms_are_words_in_the_locale() {
        assert_eq!(with_term("P1Y").term_in(&Locale::En), "1 year");
        assert_eq!(with_term("P3Y").term_in(&Locale::En), "3 years");
        assert_eq!(with_term("P1Y").term_in(&Locale::Pl), "1 rok");
        assert_eq!(with_term("P3Y").term_in(&Locale::Pl), "3 lata");
    }

    #[test]
    fn an_unknown_stored_term_is_shown_as_stored() {
        for odd in ["P5Y", "p1y", "", "1 year"] {
            assert_eq!(with_term(odd).term_in(&Locale::En), odd);
            assert_eq!(with_term(odd).term_in(&Locale::Pl), odd);
        }
    }
}
