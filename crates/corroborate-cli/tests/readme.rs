//! The README's commands run: every `corroborate ...` line of its `sh` code blocks, the
//! quick-start `cargo run --release -- ...` line (through the built binary), and the install
//! path. A README command that stops working fails here.

use std::path::PathBuf;
use std::process::Command;

fn root() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("../..")
}

/// The lines of the README's ```sh blocks, comments after `#` dropped, blank lines skipped.
fn sh_lines(readme: &str) -> Vec<String> {
    let mut out = Vec::new();
    let mut in_sh = false;
    for line in readme.lines() {
        let t = line.trim();
        if t.starts_with("```") {
            in_sh = !in_sh && t == "```sh";
            continue;
        }
        if in_sh {
            let command = t.split(" #").next().unwrap_or("").trim();
            if !command.is_empty() {
                out.push(command.to_string());
            }
        }
    }
    out
}

fn run_corroborate(args: &[&str]) {
    let out = Command::new(env!("CARGO_BIN_EXE_corroborate"))
        .args(args)
        .current_dir(root())
        .output()
        .expect("the binary runs");
    assert!(
        out.status.success(),
        "README command `corroborate {}` failed: {}",
        args.join(" "),
        String::from_utf8_lossy(&out.stderr)
    );
    assert!(
        !out.stdout.is_empty() || !out.stderr.is_empty(),
        "{args:?} printed nothing"
    );
}

#[test]
fn readme_commands_run() {
    let readme = std::fs::read_to_string(root().join("README.md")).expect("README.md");
    let lines = sh_lines(&readme);
    // The two commands at the top, exactly.
    assert!(lines
        .iter()
        .any(|l| l == "cargo run --release -p corroborate-cli -- brief examples/harbor-fire/"));
    assert!(lines.iter().any(|l| l == "cargo test --release"));
    let mut ran = 0;
    for line in &lines {
        let words: Vec<&str> = line.split_whitespace().collect();
        match words.as_slice() {
            ["corroborate", args @ ..] => run_corroborate(args),
            // The workspace has other binaries (the fuzzer, the lab's): a bare `cargo run`
            // cannot choose, so the README names the CLI's package.
            ["cargo", "run", "--release", "-p", "corroborate-cli", "--", args @ ..] => {
                run_corroborate(args)
            }
            ["cargo", "install", "--path", path, ..] => {
                assert!(root().join(path).join("Cargo.toml").exists(), "{line}");
                continue;
            }
            ["cargo", "test", ..] => continue,
            _ => panic!("README sh line this test does not know how to check: {line}"),
        }
        ran += 1;
    }
    assert!(ran >= 5, "only {ran} README commands found");
}

/// The brief shown at the top of the README is what `corroborate brief examples/harbor-fire/`
/// prints: every line of its first ```text block (the "..." elisions aside) is a line of the
/// real output, so the sample cannot drift from the program.
#[test]
fn readme_sample_is_the_example_brief() {
    let readme = std::fs::read_to_string(root().join("README.md")).expect("README.md");
    let sample: Vec<&str> = readme
        .split("```text\n")
        .nth(1)
        .and_then(|rest| rest.split("```").next())
        .expect("a ```text block in the README")
        .lines()
        .filter(|l| !l.trim().is_empty() && l.trim() != "...")
        .collect();
    assert!(sample.len() >= 5, "the sample has {} lines", sample.len());
    let out = Command::new(env!("CARGO_BIN_EXE_corroborate"))
        .args(["brief", "examples/harbor-fire/"])
        .current_dir(root())
        .output()
        .expect("the binary runs");
    assert!(out.status.success());
    let brief = String::from_utf8(out.stdout).expect("UTF-8");
    let lines: Vec<&str> = brief.lines().collect();
    for l in sample {
        assert!(
            lines.contains(&l),
            "README sample line not in the brief: {l}"
        );
    }
}
