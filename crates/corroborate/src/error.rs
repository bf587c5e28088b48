//! The library's one error type: which input, and what is wrong with it.

use std::fmt;

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

/// An error naming the input it concerns.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Error {
    kind: ErrorKind,
    input: String,
    line: Option<usize>,
    message: String,
}

impl Error {
    /// A new error about `input` (a path, `-` for stdin, or a description).
    pub fn new(kind: ErrorKind, input: impl Into<String>, message: impl Into<String>) -> Self {
        Error {
            kind,
            input: input.into(),
            line: None,
            message: message.into(),
        }
    }

    /// The same error, located at a 1-based line of the input.
    pub fn at_line(mut self, line: usize) -> Self {
        self.line = Some(line);
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
}

impl fmt::Display for Error {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self.line {
            Some(line) => write!(f, "{}:{}: {}", self.input, line, self.message),
            None => write!(f, "{}: {}", self.input, self.message),
        }
    }
}

impl std::error::Error for Error {}
