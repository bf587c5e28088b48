//! The one reader of JSON lines and of input files, for every command.
//!
//! The policy, the same for articles, clusters and story streams:
//! - An input file is read only if it is a regular file of at most
//!   [`IngestOptions::max_bytes`](super::IngestOptions) bytes (checked before reading and
//!   again while reading, as the file may grow); a larger one, a device, FIFO or socket is
//!   an error naming the file, and nothing of it is read.
//! - A line that is blank is passed over; a line that is not a valid record is an error
//!   naming the file and the 1-based line (`file:7: line skipped: ...`), and the other lines
//!   are still read. A stream of a million lines with one bad line gives every good article
//!   and one error; the command prints its output and exits 3 (docs/exit-codes.md).

use crate::error::{Error, ErrorKind};
use serde::de::DeserializeOwned;
use std::io::Read;
use std::path::Path;

/// The non-blank lines of a JSON-lines text, with their 1-based numbers.
pub(crate) fn lines(text: &str) -> impl Iterator<Item = (usize, &str)> {
    text.lines()
        .enumerate()
        .map(|(i, line)| (i + 1, line))
        .filter(|(_, line)| !line.trim().is_empty())
}

/// Parse one line as a record; the error names the file, the line and what was wrong.
pub(crate) fn parse_line<T: DeserializeOwned>(
    name: &str,
    line_no: usize,
    line: &str,
) -> Result<T, Error> {
    serde_json::from_str(line.trim()).map_err(|e| skipped(name, line_no, e))
}

/// The error for a line that is skipped.
pub(crate) fn skipped(name: &str, line_no: usize, why: impl std::fmt::Display) -> Error {
    Error::new(ErrorKind::Malformed, name, format!("line skipped: {why}")).at_line(line_no)
}

/// The error for an input over the size limit.
fn too_large(name: &str, max_bytes: u64, size: Option<u64>) -> Error {
    let what = match size {
        Some(n) => format!("{n} bytes is over the limit of {max_bytes}"),
        None => format!("input is over the limit of {max_bytes} bytes"),
    };
    Error::new(ErrorKind::TooLarge, name, what)
}

/// Read a file of at most `max_bytes` bytes (see the module documentation).
pub(crate) fn read_file(path: &Path, max_bytes: u64) -> Result<Vec<u8>, Error> {
    let name = path.display().to_string();
    match std::fs::metadata(path) {
        Ok(m) if m.len() > max_bytes => return Err(too_large(&name, max_bytes, Some(m.len()))),
        // A device (/dev/zero), FIFO or socket has no size to check and may never end.
        Ok(m) if !m.is_file() => {
            return Err(Error::new(
                ErrorKind::Io,
                name,
                "not a regular file (a device, FIFO or socket); give its contents on standard \
                 input as `-` instead",
            ))
        }
        Ok(_) => {}
        Err(e) if e.kind() == std::io::ErrorKind::NotFound => {
            return Err(Error::new(ErrorKind::Io, name, "no such file or directory").with_source(e))
        }
        Err(e) => return Err(Error::io(name, "cannot read", e)),
    }
    // Read with the limit too: the file may grow after its size was checked.
    let file = std::fs::File::open(path).map_err(|e| Error::io(name.as_str(), "cannot read", e))?;
    read_limited(&name, file, max_bytes)
}

/// Read a stream (standard input) of at most `max_bytes` bytes.
pub(crate) fn read_limited(
    name: &str,
    reader: impl Read,
    max_bytes: u64,
) -> Result<Vec<u8>, Error> {
    let mut bytes = Vec::new();
    reader
        .take(max_bytes.saturating_add(1))
        .read_to_end(&mut bytes)
        .map_err(|e| Error::io(name, "cannot read", e))?;
    if bytes.len() as u64 > max_bytes {
        return Err(too_large(name, max_bytes, None));
    }
    Ok(bytes)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn blank_lines_are_passed_over_and_numbers_kept() {
        let got: Vec<_> = lines("a\n\n  \nb\r\nc").collect();
        assert_eq!(got, [(1, "a"), (4, "b"), (5, "c")]);
    }

    #[test]
    fn a_bad_line_names_file_and_line() {
        let e = parse_line::<serde_json::Value>("in.jsonl", 7, "{nope").unwrap_err();
        assert_eq!(e.kind(), &ErrorKind::Malformed);
        assert_eq!(e.line(), Some(7));
        assert!(
            e.to_string().starts_with("in.jsonl:7: line skipped: "),
            "{e}"
        );
    }

    #[test]
    fn streams_over_the_limit_are_refused() {
        assert_eq!(read_limited("-", &b"12345"[..], 5).unwrap(), b"12345");
        let e = read_limited("-", &b"123456"[..], 5).unwrap_err();
        assert_eq!(e.kind(), &ErrorKind::TooLarge);
    }
}
