//! The second step of signing in: authenticator-app codes (TOTP, RFC 6238: SHA-1, 6 digits,
//! 30-second steps, one step of drift either way) and single-use recovery codes.

use totp_rs::{Builder, Secret, Totp};

use crate::util::tokens::sha256_hex;

/// The name authenticator apps show above the account.
pub const ISSUER: &str = "PartnerDesk";
/// How many recovery codes a user gets at a time.
pub const RECOVERY_CODES: usize = 10;

/// A new random secret (160 bits), base32 as authenticator apps take it.
pub fn new_secret() -> String {
    Secret::generate().to_base32()
}

fn totp(secret: &str, account: &str) -> Option<Totp> {
    let secret = Secret::try_from_base32(secret).ok()?;
    // Authenticator apps refuse a ':' in the account name (it separates the issuer).
    let account = account.replace(':', " ");
    Builder::new()
        .with_secret(secret)
        .with_account_name(account)
        .with_issuer(Some(ISSUER))
        .build()
        .ok()
}

/// The `otpauth://` link an authenticator app takes (and the QR code shows).
pub fn otpauth_url(secret: &str, account: &str) -> Option<String> {
    totp(secret, account)?.to_url().ok()
}

/// Digits only, without the spaces people type in the middle.
fn compact(code: &str) -> String {
    code.chars().filter(|c| !c.is_whitespace()).collect()
}

/// Whether the entry is an authenticator code (six digits) rather than a recovery code.
pub fn is_app_code(code: &str) -> bool {
    let code = compact(code);
    code.len() == 6 && code.bytes().all(|b| b.is_ascii_digit())
}

/// The time step whose code `code` is, within one step of `unix_seconds`; `None` when it is
/// none of them. Accepting a step once is the caller's part (`user::use_totp_step`).
pub fn check(secret: &str, code: &str, unix_seconds: u64) -> Option<i64> {
    let totp = totp(secret, "-")?;
    let step = totp.check(&compact(code), unix_seconds)?;
    i64::try_from(step).ok()
}

/// The code an authenticator app shows for `unix_seconds` (for tests and tools).
pub fn code_at(secret: &str, unix_seconds: u64) -> Option<String> {
    Some(totp(secret, "-")?.generate(unix_seconds).to_string())
}

/// New recovery codes to show once: ten groups of `xxxxx-xxxxx` (50 bits each) from an
/// alphabet without look-alike characters.
pub fn new_recovery_codes() -> Vec<String> {
    const ALPHABET: &[u8] = b"abcdefghjkmnpqrstuvwxyz23456789";
    (0..RECOVERY_CODES)
        .map(|_| {
            let mut bytes = [0u8; 10];
            getrandom::fill(&mut bytes).expect("the operating system's random source");
            let chars: String =
                bytes.iter().map(|b| ALPHABET[*b as usize % ALPHABET.len()] as char).collect();
            format!("{}-{}", &chars[..5], &chars[5..])
        })
        .collect()
}

/// How a recovery code is stored: SHA-256 of the code as typed, ignoring case, spaces and dashes.
pub fn recovery_code_hash(code: &str) -> String {
    let clean: String = code
        .chars()
        .filter(|c| c.is_ascii_alphanumeric())
        .map(|c| c.to_ascii_lowercase())
        .collect();
    sha256_hex(clean)
}

#[cfg(test)]
mod tests {
    use super::*;

    // RFC 6238 appendix B's SHA-1 secret ("12345678901234567890"), base32.
    const RFC_SECRET: &str = "GEZDGNBVGY3TQOJQGEZDGNBVGY3TQOJQ";

    #[test]
    fn codes_match_the_rfc_vectors_within_one_step() {
        // At T = 59 the RFC's 8-digit code is 94287082; its last six digits are the 6-digit code.
        assert_eq!(code_at(RFC_SECRET, 59).as_deref(), Some("287082"));
        assert_eq!(check(RFC_SECRET, "287082", 59), Some(1));
        assert_eq!(check(RFC_SECRET, "287 082", 59 + 30), Some(1), "one step late is accepted");
        assert_eq!(check(RFC_SECRET, "287082", 59 + 60), None, "two steps late is not");
        assert_eq!(check(RFC_SECRET, "000000", 59), None);
        assert!(is_app_code("123 456") && !is_app_code("abcde-12345") && !is_app_code("12345"));
    }

    #[test]
    fn new_secrets_and_recovery_codes_are_random_and_well_formed() {
        let s = new_secret();
        assert_eq!(s.len(), 32, "160 bits in base32");
        assert_ne!(s, new_secret());
        let url = otpauth_url(&s, "ada@fabrikam.example").unwrap();
        assert!(url.starts_with("otpauth://totp/PartnerDesk:ada%40fabrikam.example?secret="));
        let codes = new_recovery_codes();
        assert_eq!(codes.len(), RECOVERY_CODES);
        assert!(codes.iter().all(|c| c.len() == 11 && c.as_bytes()[5] == b'-'));
        assert_eq!(recovery_code_hash(&codes[0]), recovery_code_hash(&codes[0].to_uppercase()));
        assert_eq!(recovery_code_hash("ab cde-fgh"), recovery_code_hash("abcdefgh"));
    }
}
