//! The library's one error type: which input, and what is wrong with it.

use std::fmt;
use std::sync::Arc;

/// Result alias used across the library.
pub type Result<T> = std::result::Result<T, Error>;

/// What went wrong.
#[derive(Debug, Clone, PartialEq, Eq)]
#[non_exhaustive]
pub enum ErrorKind {
    /// The input could not be opened or read (missing, permission, I/O).
    Io,
    /// The input looks like binary data rather than text.
    Binary,
    /// The input has no text to work with.
    Empty,
    /// A directory held no readable articles.
    NoArticles,
    /// A JSON or JSONL record could not be parsed or lacks a required field.
    Malformed,
    /// The input is larger than the configured limit.
    TooLarge,
    /// A persisted state was written by an incompatible version.
    State,
    /// A persisted state is damaged (truncated, overwritten): it cannot be read.
    StateDamaged,
    /// A persisted state is open in another process.
    StateInUse,
    /// A caller passed an invalid setting (unknown method, zero budget, ...).
    Config,
}

/// The cause of an [`Error`], shared so that errors stay cheap to clone. Not an error type
/// itself (unlike `Arc<dyn Error>`), so `source()` reaches through it to the cause and a
/// caller can downcast that.
#[derive(Clone)]
struct Source(Arc<dyn std::error::Error + Send + Sync + 'static>);

impl std::ops::Deref for Source {
    type Target = dyn std::error::Error + Send + Sync + 'static;
    fn deref(&self) -> &Self::Target {
        &*self.0
    }
}

impl fmt::Debug for Source {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        fmt::Debug::fmt(&*self.0, f)
    }
}

/// An error naming the input it concerns, and keeping the error that caused it.
///
/// `Display` reads `input:line: message` (`input: message` without a line); the message
/// already says what the cause said where that helps a reader, and [`source`] hands the
/// cause itself to a caller, e.g. the [`std::io::Error`] of a file that could not be read
/// ([`Error::io_error`] tells `NotFound` from `PermissionDenied`).
///
/// ```
/// use corroborate::{Error, ErrorKind};
/// use std::io;
///
/// let cause = io::Error::new(io::ErrorKind::PermissionDenied, "permission denied");
/// let err = Error::new(ErrorKind::Io, "notes.txt", "cannot read: permission denied").with_source(cause);
/// assert_eq!(err.to_string(), "notes.txt: cannot read: permission denied");
/// assert_eq!(err.kind(), &ErrorKind::Io);
/// assert_eq!(err.io_error().map(|e| e.kind()), Some(io::ErrorKind::PermissionDenied));
/// assert!(std::error::Error::source(&err).is_some());
/// ```
///
/// [`source`]: std::error::Error::source
#[derive(Debug, Clone, thiserror::Error)]
#[error("{input}{}: {message}", LineSuffix(*.line))]
pub struct Error {
    kind: ErrorKind,
    input: String,
    line: Option<usize>,
    message: String,
    #[source]
    source: Option<Source>,
}

/// `:N` after the input name when the line is known.
struct LineSuffix(Option<usize>);

impl fmt::Display for LineSuffix {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self.0 {
            Some(line) => write!(f, ":{line}"),
            None => Ok(()),
        }
    }
}

impl Error {
    /// A new error about `input` (a path, `-` for stdin, or a description).
    pub fn new(kind: ErrorKind, input: impl Into<String>, message: impl Into<String>) -> Self {
        Error {
            kind,
            input: input.into(),
            line: None,
            message: message.into(),
            source: None,
        }
    }

    /// An [`ErrorKind::Io`] error about `input`, keeping the I/O error as its source; the
    /// message is `context: <the I/O error>`.
    pub fn io(input: impl Into<String>, context: &str, err: std::io::Error) -> Self {
        Error::new(ErrorKind::Io, input, format!("{context}: {err}")).with_source(err)
    }

    /// The same error, located at a 1-based line of the input.
    pub fn at_line(mut self, line: usize) -> Self {
        self.line = Some(line);
        self
    }

    /// The same error, caused by `source` (returned by [`std::error::Error::source`]).
    pub fn with_source(mut self, source: impl std::error::Error + Send + Sync + 'static) -> Self {
        self.source = Some(Source(Arc::new(source)));
        self
    }

    /// What went wrong.
    pub fn kind(&self) -> &ErrorKind {
        &self.kind
    }

    /// The input the error concerns.
    pub fn input(&self) -> &str {
        &self.input
    }

    /// The 1-based line of the input, when known.
    pub fn line(&self) -> Option<usize> {
        self.line
    }

    /// The human-readable description, without the input name.
    pub fn message(&self) -> &str {
        &self.message
    }

    /// The I/O error that caused this one, if that is what caused it.
    pub fn io_error(&self) -> Option<&std::io::Error> {
        self.source.as_deref()?.downcast_ref::<std::io::Error>()
    }
}

/// Two errors are equal when they say the same thing about the same place; their causes
/// are not compared (most error types, `std::io::Error` among them, have no equality).
impl PartialEq for Error {
    fn eq(&self, other: &Self) -> bool {
        self.kind == other.kind
            && self.input == other.input
            && self.line == other.line
            && self.message == other.message
    }
}

impl Eq for Error {}
