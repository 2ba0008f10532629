//! The Microsoft Entra built-in roles a GDAP relationship can carry, by their
//! `roleDefinitionId` (the same in every tenant). These are the roles partners commonly
//! delegate; a relationship's roles are stored by ID and must be one of these.

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct EntraRole {
    /// Entra's `roleDefinitionId`.
    pub id: &'static str,
    /// Entra's English display name (the product's pages use it as Partner Center does).
    pub name: &'static str,
}

pub const GLOBAL_ADMINISTRATOR: &str = "62e90394-69f5-4237-9190-012177145e10";

/// Every role a relationship may carry, in the order pages list them (least privilege first).
pub const ALL: [EntraRole; 15] = [
    EntraRole { id: "88d8e3e3-8f55-4a1e-953a-9b9898b8876b", name: "Directory Readers" },
    EntraRole { id: "f2ef992c-3afb-46b9-b7cf-a126ee74c451", name: "Global Reader" },
    EntraRole { id: "f023fd81-a637-4b56-95fd-791ac0226033", name: "Service Support Administrator" },
    EntraRole { id: "729827e3-9c14-49f7-bb1b-9608f156bbb8", name: "Helpdesk Administrator" },
    EntraRole { id: "4d6ac14f-3453-41d0-bef9-a3e0c569773a", name: "License Administrator" },
    EntraRole { id: "b0f54661-2d74-4c50-afa3-1ec803f12efe", name: "Billing Administrator" },
    EntraRole { id: "fe930be7-5e62-47db-91af-98c3a49a38b1", name: "User Administrator" },
    EntraRole { id: "29232cdf-9323-42fd-ade2-1d097af3e4de", name: "Exchange Administrator" },
    EntraRole { id: "f28a1f50-f6e7-4571-818b-6a12f2af6b6c", name: "SharePoint Administrator" },
    EntraRole { id: "69091246-20e8-4a56-aa4d-066075b2a7a8", name: "Teams Administrator" },
    EntraRole { id: "3a2c62db-5318-420d-8d74-23affee5d9d5", name: "Intune Administrator" },
    EntraRole { id: "194ae4cb-b126-40b2-bd5b-6091b380977d", name: "Security Administrator" },
    EntraRole {
        id: "158c047a-c907-4556-b7ef-446551a6b5f7",
        name: "Cloud Application Administrator",
    },
    EntraRole { id: "e8611ab8-c189-46e8-94e1-60213ab1f814", name: "Privileged Role Administrator" },
    EntraRole { id: GLOBAL_ADMINISTRATOR, name: "Global Administrator" },
];

/// The role with this `roleDefinitionId`, if it is one a relationship may carry.
pub fn find(id: &str) -> Option<EntraRole> {
    ALL.into_iter().find(|r| r.id.eq_ignore_ascii_case(id))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn ids_are_unique_lowercase_guids() {
        for (i, r) in ALL.iter().enumerate() {
            assert_eq!(r.id.len(), 36, "{}", r.name);
            assert!(
                r.id.chars().all(|c| c == '-' || c.is_ascii_digit() || ('a'..='f').contains(&c))
            );
            assert!(ALL[i + 1..].iter().all(|o| o.id != r.id && o.name != r.name), "{}", r.name);
        }
        assert_eq!(
            find(&GLOBAL_ADMINISTRATOR.to_uppercase()).map(|r| r.name),
            Some("Global Administrator")
        );
        assert_eq!(find("00000000-0000-0000-0000-000000000000"), None);
    }
}
