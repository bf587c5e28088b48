//! `corroborate split` end to end.

use std::io::Write;
use std::process::{Command, Output, Stdio};

fn split(args: &[&str], stdin: &str) -> Output {
    let mut child = Command::new(env!("CARGO_BIN_EXE_corroborate"))
        .arg("split")
        .args(args)
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .expect("corroborate runs");
    child
        .stdin
        .take()
        .expect("stdin is piped")
        .write_all(stdin.as_bytes())
        .expect("stdin accepts the text");
    child.wait_with_output().expect("corroborate finishes")
}

#[test]
fn prints_one_sentence_per_line_and_nothing_else() {
    let out = split(&["-"], "Mr. Smith came. He left.\n");
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    assert_eq!(
        String::from_utf8(out.stdout).expect("UTF-8 output"),
        "Mr. Smith came.\nHe left.\n"
    );
}

#[test]
fn json_gives_document_and_byte_spans() {
    let text = "Mr. Smith came. He left.\n";
    let out = split(&["--json", "-"], text);
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    let stdout = String::from_utf8(out.stdout).expect("UTF-8 output");
    let rows: Vec<serde_json::Value> = stdout
        .lines()
        .map(|l| serde_json::from_str(l).expect("each line is JSON"))
        .collect();
    assert_eq!(rows.len(), 2);
    for (row, want) in rows.iter().zip(["Mr. Smith came.", "He left."]) {
        let start = row["start"].as_u64().expect("start") as usize;
        let end = row["end"].as_u64().expect("end") as usize;
        assert_eq!(&text[start..end], want);
        assert_eq!(row["text"], want);
        assert!(row["doc"].is_string());
    }
}

#[test]
fn separates_documents_with_a_blank_line() {
    let dir = std::env::temp_dir().join(format!("corroborate-split-test-{}", std::process::id()));
    std::fs::create_dir_all(&dir).expect("temp dir");
    let a = dir.join("a.txt");
    let b = dir.join("b.txt");
    std::fs::write(&a, "Boats sank. Crews swam.\n").expect("write a");
    std::fs::write(&b, "Rain fell.\n").expect("write b");
    let out = split(
        &[
            a.to_str().expect("UTF-8 path"),
            b.to_str().expect("UTF-8 path"),
        ],
        "",
    );
    std::fs::remove_dir_all(&dir).expect("clean up temp dir");
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    assert_eq!(
        String::from_utf8(out.stdout).expect("UTF-8 output"),
        "Boats sank.\nCrews swam.\n\nRain fell.\n"
    );
}
