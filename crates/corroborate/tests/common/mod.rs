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

/// A path under the shared directory. When it is missing the test fails, saying how to get
/// the data, unless `CORROBORATE_SKIP_SHARED=1` is set outside CI: then it returns `None`
/// and the test skips (a skip that has to be asked for, so a run never passes unseen).
pub fn shared(rel: &str) -> Option<PathBuf> {
    let path = shared_dir().join(rel);
    if path.exists() {
        return Some(path);
    }
    if std::env::var_os("CI").is_some() {
        panic!("shared data missing in CI: {}", path.display());
    }
    if std::env::var_os("CORROBORATE_SKIP_SHARED").is_some_and(|v| v == "1") {
        eprintln!(
            "skipping (CORROBORATE_SKIP_SHARED=1): shared data not found at {}",
            path.display()
        );
        return None;
    }
    panic!(
        "shared data not found at {}: set SHARED_DIR to the shared directory, or set \
         CORROBORATE_SKIP_SHARED=1 to skip the tests that need it",
        path.display()
    );
}

/// Every cluster of a shared cluster-JSONL file, prepared by the default pipeline, or `None`
/// as for [`shared`]. The file must parse without errors.
pub fn prepared_clusters(rel: &str) -> Option<Vec<corroborate::PreparedCluster>> {
    let path = shared(rel)?;
    let text = std::fs::read_to_string(&path).expect("readable shared data");
    let (clusters, errors) = corroborate::ingest::parse_clusters(rel, &text);
    assert!(errors.is_empty(), "{errors:?}");
    let pipeline = corroborate::Pipeline::default();
    Some(clusters.into_iter().map(|c| pipeline.prepare(c)).collect())
}
