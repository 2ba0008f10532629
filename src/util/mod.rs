//! Small utilities every layer may use: URLs, random tokens and hashes, time, text.

pub mod clock;
pub mod text;
pub mod tokens;
pub mod urls;
