//! Golden snapshots of what users see: the CLI's output on the invented example cluster
//! (`examples/harbor-fire/`), in every format. A change that moves an output fails here and
//! shows the diff; review it, then accept it with `cargo insta review` (or rerun with
//! `INSTA_UPDATE=always` and commit the changed `.snap` files). In CI (`CI` set) insta never
//! writes snapshots, so a changed output fails the run.

use std::path::PathBuf;
use std::process::Command;

/// The repository root: the binary runs there so the paths in its output are relative.
fn root() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("../..")
}

/// Runs the binary from the repository root; returns (exit code, stdout, stderr).
fn run(args: &[&str]) -> (i32, String, String) {
    let out = Command::new(env!("CARGO_BIN_EXE_corroborate"))
        .args(args)
        .current_dir(root())
        .output()
        .expect("the binary runs");
    (
        out.status.code().unwrap_or(-1),
        String::from_utf8(out.stdout).expect("UTF-8 stdout"),
        String::from_utf8(out.stderr).expect("UTF-8 stderr"),
    )
}

/// Stdout of a command that must succeed without warnings.
fn ok(args: &[&str]) -> String {
    let (code, out, err) = run(args);
    assert_eq!(code, 0, "{args:?} failed: {err}");
    assert!(
        out.ends_with('\n'),
        "{args:?}: output ends without a newline"
    );
    out
}

const EXAMPLE: &str = "examples/harbor-fire/";

#[test]
fn brief_md() {
    insta::assert_snapshot!(ok(&["brief", EXAMPLE]));
}

#[test]
fn brief_text() {
    insta::assert_snapshot!(ok(&["brief", "--format", "text", EXAMPLE]));
}

#[test]
fn brief_json() {
    insta::assert_snapshot!(ok(&["brief", "--format", "json", EXAMPLE]));
}

#[test]
fn brief_html() {
    insta::assert_snapshot!(ok(&["brief", "--format", "html", EXAMPLE]));
}

#[test]
fn clean_text() {
    insta::assert_snapshot!(ok(&["clean", EXAMPLE]));
}

#[test]
fn clean_json() {
    insta::assert_snapshot!(ok(&["clean", "--json", EXAMPLE]));
}

#[test]
fn clean_markdown_of_an_html_page() {
    insta::assert_snapshot!(ok(&[
        "clean",
        "--format",
        "md",
        "crates/corroborate-cli/tests/fixtures/ferry-timetable.html"
    ]));
}

#[test]
fn clean_explain() {
    let (code, _, err) = run(&["clean", "--explain", EXAMPLE]);
    assert_eq!(code, 0);
    insta::assert_snapshot!(err);
}

#[test]
fn split_text() {
    insta::assert_snapshot!(ok(&["split", EXAMPLE]));
}

#[test]
fn split_json() {
    insta::assert_snapshot!(ok(&["split", "--json", EXAMPLE]));
}

#[test]
fn summarize_text() {
    insta::assert_snapshot!(ok(&["summarize", EXAMPLE]));
}

#[test]
fn summarize_md() {
    insta::assert_snapshot!(ok(&["summarize", "--format", "md", EXAMPLE]));
}

#[test]
fn summarize_json() {
    insta::assert_snapshot!(ok(&["summarize", "--format", "json", EXAMPLE]));
}

#[test]
fn summarize_every_method_at_60_words() {
    // One snapshot per method: a change to any summarizer shows here.
    let mut all = String::new();
    for method in [
        "default",
        "lead",
        "centroid",
        "lexrank",
        "textrank",
        "sumbasic",
        "mmr",
        "ilp",
        "submodular",
    ] {
        all.push_str(&format!("== {method}\n"));
        all.push_str(&ok(&[
            "summarize",
            "--method",
            method,
            "--words",
            "60",
            EXAMPLE,
        ]));
    }
    insta::assert_snapshot!(all);
}
