//! Helpers shared by the CLI's integration tests (each test file is its own crate and
//! declares `mod common;`): scratch inputs, running the binary, and checking how it exited.

// Each test crate uses some of the helpers; the others would warn as dead code there.
#![allow(dead_code)]

use std::ffi::OsStr;
use std::path::{Path, PathBuf};
use std::process::{Command, Output, Stdio};
use std::time::{Duration, Instant};

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

/// `corroborate ARGS`, its output collected.
pub fn run<S: AsRef<OsStr>>(args: &[S]) -> Output {
    Command::new(env!("CARGO_BIN_EXE_corroborate"))
        .args(args)
        .output()
        .expect("the binary runs")
}

/// `corroborate clean ARGS`.
pub fn clean(args: &[&str]) -> Output {
    Command::new(env!("CARGO_BIN_EXE_corroborate"))
        .arg("clean")
        .args(args)
        .output()
        .expect("the binary runs")
}

/// A command gets this long before it counts as hung (a FIFO read would block forever).
pub const HANG: Duration = Duration::from_secs(60);

/// `corroborate ARGS` with nothing on standard input, failing the test if it runs longer than
/// [`HANG`]; `close_stdout` closes the pipe before the command can write to it.
pub fn run_watched<S: AsRef<OsStr> + std::fmt::Debug>(args: &[S], close_stdout: bool) -> Output {
    let mut child = Command::new(env!("CARGO_BIN_EXE_corroborate"))
        .args(args)
        .stdin(Stdio::null())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .expect("the binary runs");
    if close_stdout {
        drop(child.stdout.take());
    }
    let start = Instant::now();
    while child.try_wait().expect("wait").is_none() {
        if start.elapsed() > HANG {
            let _ = child.kill();
            panic!("hung for {HANG:?}: {args:?}");
        }
        std::thread::sleep(Duration::from_millis(20));
    }
    child.wait_with_output().expect("output")
}

/// The command's standard output, lossily decoded.
pub fn stdout(out: &Output) -> String {
    String::from_utf8_lossy(&out.stdout).into_owned()
}

/// The command's standard error, lossily decoded.
pub fn stderr(out: &Output) -> String {
    String::from_utf8_lossy(&out.stderr).into_owned()
}

/// Assert that the command exited with `code` and did not panic; on failure the message names
/// `what` (the input or case) and shows both output streams.
pub fn assert_code(out: &Output, code: i32, what: &str) {
    assert_eq!(
        out.status.code(),
        Some(code),
        "{what}\nstdout:\n{}\nstderr:\n{}",
        stdout(out),
        stderr(out)
    );
    assert!(!stderr(out).contains("panicked"), "{what}: {}", stderr(out));
}

/// Assert a successful run (exit 0, no panic); its standard output.
pub fn ok(out: &Output) -> String {
    assert_code(out, 0, "expected success");
    stdout(out)
}
