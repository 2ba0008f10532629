use diesel::prelude::*;

use crate::db::AnyConnection;
use crate::db::schema::savings_plans;
use crate::i18n::Locale;
use crate::models::subscription::Term;

pub use crate::models::purchase::{ACTIVE, CANCELLED};
/// Billed each month of the term.
pub const MONTHLY: &str = "monthly";
/// Paid for the whole term at purchase.
pub const UPFRONT: &str = "upfront";

/// An Azure savings plan bought for the customer: an hourly spend commitment (in cents of
/// `currency`) for a term, billed monthly or paid upfront.
#[derive(Debug, Clone, Queryable, Selectable, Insertable)]
#[diesel(table_name = savings_plans)]
pub struct SavingsPlan {
    pub id: String,
    pub partner_id: String,
    pub customer_id: String,
    pub name: String,
    pub commitment_cents: i64,
    pub currency: String,
    pub term: String,
    pub billing: String,
    pub status: String,
    pub created_at: i64,
    pub cancelled_at: Option<i64>,
}

impl SavingsPlan {
    /// The term in words in the locale ("1 year", "3 lata"); an unknown stored term as stored.
    pub fn term_in(&self, l: &Locale) -> String {
        Term::parse(&self.term).map_or_else(|| self.term.clone(), |t| l.t(t.key()))
    }

    /// The hourly commitment in the locale: "USD 5.00/hour", "5,00 USD/godz.".
    pub fn commitment_in(&self, l: &Locale) -> String {
        let (whole, cents) = (self.commitment_cents / 100, self.commitment_cents % 100);
        let sep = match l {
            Locale::En => '.',
            Locale::Pl => ',',
        };
        let amount = format!("{}{sep}{cents:02}", l.number(whole as f64));
        l.t2("savings-plan-commitment", "amount", amount, "currency", self.currency.as_str())
    }

    /// Whether it was paid for the whole term at purchase.
    pub fn is_upfront(&self) -> bool {
        self.billing == UPFRONT
    }
}

crate::models::purchase::purchase_queries!(savings_plans, SavingsPlan, name);

#[cfg(test)]
mod tests {
    use super::*;

    fn plan(cents: i64) -> SavingsPlan {
        SavingsPlan {
            id: "s".into(),
            partner_id: "p".into(),
            customer_id: "c".into(),
            name: "Compute".into(),
            commitment_cents: cents,
            currency: "USD".into(),
            term: "P3Y".into(),
            billing: MONTHLY.into(),
            status: ACTIVE.into(),
            created_at: 0,
            cancelled_at: None,
        }
    }

    #[test]
    fn the_commitment_is_an_hourly_amount_in_the_locale() {
        assert_eq!(plan(500).commitment_in(&Locale::En), "USD 5.00/hour");
        assert_eq!(plan(1234507).commitment_in(&Locale::En), "USD 12345.07/hour");
        assert_eq!(plan(500).commitment_in(&Locale::Pl), "5,00 USD/godz.");
        assert_eq!(plan(1234507).commitment_in(&Locale::Pl), "12\u{a0}345,07 USD/godz.");
        assert_eq!(plan(500).term_in(&Locale::Pl), "3 lata");
    }
}
