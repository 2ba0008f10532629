//! Small utilities every layer may use: URLs, addresses, random tokens and hashes, time, text,
//! countries.

pub mod clock;
pub mod countries;
pub mod net;
pub mod text;
pub mod tokens;
pub mod urls;
