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

#[test]
fn a_line_with_an_address_keeps_both_sentences() {
    let out = split(
        &["-"],
        "Her address is Kim.Lee@example.org. I wrote to her yesterday.\n",
    );
    assert!(out.status.success());
    assert_eq!(
        String::from_utf8(out.stdout).expect("UTF-8 output"),
        "Her address is Kim.Lee@example.org.\nI wrote to her yesterday.\n"
    );
}

#[test]
fn clean_flag_removes_furniture_first() {
    let text = "Harbor fire contained\n\nFire crews contained a blaze at the harbor on Tuesday, \
                officials said.\n\nShare this article\n";
    let all = split(&["-"], text);
    let cleaned = split(&["--clean", "-"], text);
    let all = String::from_utf8(all.stdout).expect("UTF-8 output");
    let cleaned = String::from_utf8(cleaned.stdout).expect("UTF-8 output");
    assert!(all.contains("Share this article"), "{all}");
    assert!(!cleaned.contains("Share this article"), "{cleaned}");
    assert!(cleaned.contains("Fire crews contained"), "{cleaned}");
}

#[test]
fn chinese_and_japanese_split_at_their_sentence_marks() {
    let out = split(
        &["-"],
        "今天早上下了大雨。河水上涨了！居民安全吗？\n東京は晴れです。明日は雨でしょう．\n",
    );
    assert!(out.status.success());
    assert_eq!(
        String::from_utf8(out.stdout).expect("UTF-8 output"),
        "今天早上下了大雨。\n河水上涨了！\n居民安全吗？\n東京は晴れです。\n明日は雨でしょう．\n"
    );
}

/// The 48 English Golden Rules (../shared/data/segmentation), each given to `split -` as its
/// own input: the printed lines must be the rule's sentences.
#[test]
fn golden_rules_through_the_cli() {
    let dir = std::env::var_os("SHARED_DIR")
        .map(std::path::PathBuf::from)
        .unwrap_or_else(|| {
            std::path::PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("../../../shared")
        });
    let path = dir.join("data/segmentation/golden-rules-en.jsonl");
    if !path.exists() {
        assert!(
            std::env::var_os("CI").is_none(),
            "shared data missing in CI: {}",
            path.display()
        );
        eprintln!("skipping: shared data not found at {}", path.display());
        return;
    }
    let data = std::fs::read_to_string(&path).expect("golden rules readable");
    let mut failures = Vec::new();
    let mut total = 0;
    for line in data.lines().filter(|l| !l.trim().is_empty()) {
        let rule: serde_json::Value = serde_json::from_str(line).expect("golden rule is JSON");
        let text = rule["text"].as_str().expect("rule has text");
        let want: Vec<&str> = rule["sentences"]
            .as_array()
            .expect("rule has sentences")
            .iter()
            .map(|s| s.as_str().expect("sentence is a string").trim())
            .collect();
        let out = split(&["-"], text);
        assert!(out.status.success(), "rule {}", rule["rule"]);
        let stdout = String::from_utf8(out.stdout).expect("UTF-8 output");
        let got: Vec<&str> = stdout
            .lines()
            .map(str::trim)
            .filter(|l| !l.is_empty())
            .collect();
        total += 1;
        if got != want {
            failures.push(format!("rule {}: want {want:?}, got {got:?}", rule["rule"]));
        }
    }
    assert_eq!(total, 48, "the file holds 48 rules");
    assert!(failures.is_empty(), "{}", failures.join("\n"));
}

#[test]
fn summarize_gives_a_summary_of_chinese_text() {
    let text = "昨天晚上，山区下了一场大雨。河水迅速上涨，淹没了下游的村庄。\
                救援人员连夜把三百多名村民转移到学校。当地官员说，没有人员伤亡。\
                气象部门预计，雨水将在周末前停止。\n";
    let mut child = Command::new(env!("CARGO_BIN_EXE_corroborate"))
        .args(["summarize", "--words", "40", "-"])
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .expect("corroborate runs");
    child
        .stdin
        .take()
        .expect("stdin is piped")
        .write_all(text.as_bytes())
        .expect("stdin accepts the text");
    let out = child.wait_with_output().expect("corroborate finishes");
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    let stdout = String::from_utf8(out.stdout).expect("UTF-8 output");
    assert!(
        stdout.contains('。') && stdout.chars().filter(|&c| c == '。').count() <= 4,
        "a summary of whole sentences, within the budget: {stdout:?}"
    );
}
