//! Logging through `tracing`: readable text, or with `LOG_FORMAT=json` one JSON object per line.
//! Records made with the `log` crate (ours and the libraries') are forwarded into it.

use tracing_subscriber::fmt::MakeWriter;
use tracing_subscriber::layer::SubscriberExt;
use tracing_subscriber::{EnvFilter, fmt};

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum LogFormat {
    Text,
    Json,
}

impl LogFormat {
    /// `LOG_FORMAT`: `text` (the default) or `json`.
    pub fn from_env() -> Result<LogFormat, String> {
        match std::env::var("LOG_FORMAT").as_deref() {
            Err(_) | Ok("" | "text") => Ok(LogFormat::Text),
            Ok("json") => Ok(LogFormat::Json),
            Ok(other) => Err(format!("LOG_FORMAT must be text or json, not {other:?}.")),
        }
    }
}

/// Installs the process's logger, writing to `writer`; `filter` is used when `RUST_LOG` is unset.
pub fn init<W>(format: LogFormat, filter: &str, writer: W) -> anyhow::Result<()>
where
    W: for<'a> MakeWriter<'a> + Send + Sync + 'static,
{
    // Colours only for a person at a terminal, not for a log file or collector.
    let stderr_is_terminal = std::io::IsTerminal::is_terminal(&std::io::stderr());
    let filter = EnvFilter::try_from_default_env().unwrap_or_else(|_| EnvFilter::new(filter));
    let registry = tracing_subscriber::registry().with(filter);
    match format {
        LogFormat::Json => tracing::subscriber::set_global_default(registry.with(
            fmt::layer().json().flatten_event(true).with_current_span(false).with_writer(writer),
        ))?,
        LogFormat::Text => tracing::subscriber::set_global_default(
            registry.with(fmt::layer().with_ansi(stderr_is_terminal).with_writer(writer)),
        )?,
    }
    tracing_log::LogTracer::init()?;
    Ok(())
}
