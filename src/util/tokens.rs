//! Identifiers, secrets and their digests.

use sha2::{Digest, Sha256};

/// A new application-generated id (UUID v4 text).
pub fn new_id() -> String {
    uuid::Uuid::new_v4().to_string()
}

/// 256 random bits, hex-encoded: session keys, CSRF tokens, invitation tokens.
pub fn random_token() -> String {
    let mut bytes = [0u8; 32];
    getrandom::fill(&mut bytes).expect("the operating system's random source");
    hex::encode(bytes)
}

/// A generated password for people to type: 20 characters from an unambiguous alphabet
/// (about 110 bits).
pub fn random_password() -> String {
    const ALPHABET: &[u8] = b"abcdefghjkmnpqrstuvwxyzABCDEFGHJKLMNPQRSTUVWXYZ23456789";
    let mut bytes = [0u8; 20];
    getrandom::fill(&mut bytes).expect("the operating system's random source");
    bytes.iter().map(|b| ALPHABET[*b as usize % ALPHABET.len()] as char).collect()
}

/// SHA-256 of some bytes, hex-encoded: how secrets (session keys, invitation tokens) are
/// stored, and the static files' version.
pub fn sha256_hex(bytes: impl AsRef<[u8]>) -> String {
    hex::encode(Sha256::digest(bytes.as_ref()))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn tokens_are_long_random_and_hashes_stable() {
        assert_eq!(random_token().len(), 64);
        assert_ne!(random_token(), random_token());
        assert_eq!(random_password().chars().count(), 20);
        assert_eq!(
            sha256_hex("abc"),
            "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad"
        );
    }
}
