//! Helpers shared by the CLI's integration tests (each test file is its own crate and
//! declares `mod common;`).

use std::path::{Path, PathBuf};
use std::process::{Command, Output};

/// A fresh scratch directory for one test, named after the test crate and the test.
pub fn scratch(test: &str) -> PathBuf {
    let krate = module_path!().split("::").next().unwrap_or("test");
    let dir = std::env::temp_dir().join(format!(
        "corroborate-{}-{}-{test}",
        krate.replace('_', "-"),
        std::process::id()
    ));
    let _ = std::fs::remove_dir_all(&dir);
    std::fs::create_dir_all(&dir).expect("create scratch dir");
    dir
}

/// Write `bytes` to `dir/name`; the path as a command-line argument.
pub fn write(dir: &Path, name: &str, bytes: &[u8]) -> String {
    let path = dir.join(name);
    std::fs::write(&path, bytes).expect("write input");
    path.display().to_string()
}

/// `corroborate clean ARGS`.
pub fn clean(args: &[&str]) -> Output {
    Command::new(env!("CARGO_BIN_EXE_corroborate"))
        .arg("clean")
        .args(args)
        .output()
        .expect("the binary runs")
}
