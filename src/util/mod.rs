//! Small utilities every layer may use: URLs, addresses, random tokens and hashes, time, text.

pub mod clock;
pub mod net;
pub mod text;
pub mod tokens;
pub mod urls;
