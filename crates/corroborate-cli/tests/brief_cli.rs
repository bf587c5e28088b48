//! `corroborate brief` end to end on the invented example cluster.

use std::path::PathBuf;
use std::process::{Command, Output};

fn bin() -> Command {
    Command::new(env!("CARGO_BIN_EXE_corroborate"))
}

fn example() -> String {
    PathBuf::from(env!("CARGO_MANIFEST_DIR"))
        .join("../../examples/harbor-fire")
        .display()
        .to_string()
}

fn run(args: &[&str]) -> Output {
    bin().args(args).output().expect("the binary runs")
}

fn stdout(out: &Output) -> String {
    String::from_utf8(out.stdout.clone()).expect("UTF-8 output")
}

#[test]
fn markdown_is_the_default_with_every_section() {
    let ex = example();
    let out = run(&["brief", &ex]);
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    let md = stdout(&out);
    for section in [
        "## Summary",
        "## Quotes",
        "## Numbers",
        "## Entities",
        "## Timeline",
        "## Sources",
    ] {
        assert!(md.contains(section), "missing {section}");
    }
    for n in 1..=5 {
        assert!(md.contains(&format!("\n{n}. **")), "source {n} not listed");
    }
    assert!(md.contains("of 5 sources") || md.contains("all 5 sources"));
}

#[test]
fn json_parses_and_cites_existing_sources() {
    let ex = example();
    let out = run(&["brief", "--format", "json", "--words", "80", &ex]);
    assert!(out.status.success());
    let v: serde_json::Value = serde_json::from_slice(&out.stdout).expect("one JSON object");
    let n = v["sources"].as_array().expect("sources").len();
    assert_eq!(n, 5);
    let mut words = 0;
    for item in v["summary"].as_array().expect("summary") {
        words += item["text"]
            .as_str()
            .expect("text")
            .split_whitespace()
            .count();
        for s in item["sources"].as_array().expect("sources") {
            assert!((1..=n as u64).contains(&s.as_u64().expect("number")));
        }
    }
    assert!(words <= 80);
}

#[test]
fn text_is_wrapped_for_a_terminal() {
    let ex = example();
    let out = run(&["brief", "--format", "text", &ex]);
    assert!(out.status.success());
    let text = stdout(&out);
    assert!(text.contains("SUMMARY"));
    for line in text.lines() {
        let long_word = line.split_whitespace().any(|w| w.chars().count() > 40);
        assert!(line.chars().count() <= 80 || long_word, "{line:?}");
    }
}

#[test]
fn html_is_written_to_the_output_file() {
    let ex = example();
    let dir = std::env::temp_dir().join(format!("corroborate-brief-cli-{}", std::process::id()));
    std::fs::create_dir_all(&dir).expect("temp dir");
    let file = dir.join("brief.html");
    let out = run(&[
        "brief",
        "--format",
        "html",
        "-o",
        file.to_str().expect("path"),
        &ex,
    ]);
    assert!(out.status.success());
    assert!(out.stdout.is_empty());
    let page = std::fs::read_to_string(&file).expect("written");
    assert!(page.starts_with("<!DOCTYPE html>"));
    assert!(page.contains("class=\"cite\""));
    std::fs::remove_dir_all(&dir).ok();
}

#[test]
fn several_clusters_give_json_lines_and_html_asks_for_one() {
    let dir = std::env::temp_dir().join(format!("corroborate-brief-multi-{}", std::process::id()));
    std::fs::create_dir_all(&dir).expect("temp dir");
    let file = dir.join("two.jsonl");
    let line = |id: &str, text: &str| {
        serde_json::json!({"id": id, "docs": [
            {"id": format!("{id}/a"), "text": text},
            {"id": format!("{id}/b"), "text": format!("{text} Officials confirmed it.")},
        ]})
        .to_string()
    };
    std::fs::write(
        &file,
        format!(
            "{}\n{}\n",
            line(
                "one",
                "A storm hit the coast of Dunmore on Monday and damaged ten homes."
            ),
            line(
                "two",
                "The bridge over the Aller river reopened on Friday after repairs."
            )
        ),
    )
    .expect("write fixture");
    let path = file.to_str().expect("path");
    let out = run(&["brief", "--format", "json", path]);
    assert!(out.status.success());
    let text = stdout(&out);
    assert_eq!(text.lines().count(), 2);
    for l in text.lines() {
        let v: serde_json::Value = serde_json::from_str(l).expect("a JSON line");
        assert_eq!(v["sources"].as_array().expect("sources").len(), 2);
    }
    let out = run(&["brief", "--format", "html", path]);
    assert_eq!(out.status.code(), Some(1));
    assert!(String::from_utf8_lossy(&out.stderr).contains("--cluster"));
    let out = run(&["brief", "--format", "html", "--cluster", "two", path]);
    assert!(out.status.success());
    assert!(stdout(&out).contains("Aller"));
    let out = run(&["brief", "--cluster", "three", path]);
    assert_eq!(out.status.code(), Some(1));
    std::fs::remove_dir_all(&dir).ok();
}

#[test]
fn bad_usage_exits_with_2() {
    let ex = example();
    assert_eq!(run(&["brief", "--words", "0", &ex]).status.code(), Some(2));
    assert_eq!(
        run(&["brief", "--format", "pdf", &ex]).status.code(),
        Some(2)
    );
    assert_eq!(
        run(&["brief", "--method", "nope", &ex]).status.code(),
        Some(2)
    );
}
