//! Shared helpers for integration tests that read ../shared.
#![allow(dead_code)]

use std::path::PathBuf;

/// The shared data directory: `$SHARED_DIR`, or `../shared` beside the repository.
pub fn shared_dir() -> PathBuf {
    if let Ok(dir) = std::env::var("SHARED_DIR") {
        return PathBuf::from(dir);
    }
    PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("../../../shared")
}

/// A path under the shared directory, or `None` (with a note) when the shared data is absent
/// outside CI. In CI (`CI` set) a missing file fails the test.
pub fn shared(rel: &str) -> Option<PathBuf> {
    let path = shared_dir().join(rel);
    if path.exists() {
        return Some(path);
    }
    if std::env::var_os("CI").is_some() {
        panic!("shared data missing in CI: {}", path.display());
    }
    eprintln!("skipping: shared data not found at {}", path.display());
    None
}
