//! Small utilities every layer may use: URLs, random tokens and hashes, time.

pub mod clock;
pub mod tokens;
pub mod urls;
