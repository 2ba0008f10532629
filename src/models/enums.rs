//! The shape every text-backed enum of the models shares.

/// Declares a text-backed enum with its stored spelling and its label for people.
macro_rules! text_enum {
    ($(#[$meta:meta])* $name:ident { $($variant:ident => $stored:literal, $label:literal;)+ }) => {
        $(#[$meta])*
        #[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, serde::Serialize, serde::Deserialize)]
        pub enum $name { $(#[serde(rename = $stored)] $variant),+ }

        impl $name {
            pub const ALL: &'static [$name] = &[$($name::$variant),+];

            /// The value stored in the database and used in forms.
            pub fn as_str(self) -> &'static str {
                match self { $($name::$variant => $stored),+ }
            }

            /// The key of its label in the UI's messages (`locales/*/common.ftl`).
            pub fn key(self) -> &'static str {
                match self { $($name::$variant => concat!(stringify!($name), "-", $stored)),+ }
            }

            /// The English label (logs, audit records, tests).
            pub fn label(self) -> &'static str {
                match self { $($name::$variant => $label),+ }
            }

            pub fn parse(s: &str) -> Option<Self> {
                match s { $($stored => Some($name::$variant),)+ _ => None }
            }
        }

        impl std::fmt::Display for $name {
            fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
                f.write_str(self.label())
            }
        }
    };
}
pub(crate) use text_enum;
