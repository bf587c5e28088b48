//! Every cell of the table in docs/exit-codes.md, run against the binary: the same exit code
//! for the same situation in every command, never a panic, and a reason on stderr whenever
//! the code is not 0.

use std::path::Path;
use std::process::Command;

mod common;
use common::{assert_code, run_watched, scratch, stderr, stdout, write};

const ARTICLE: &str = "Ferry service resumes\n\nThe ferry between Holm and Vask resumed on \
    Tuesday after a week of storms. The operator said all sailings would run as normal. \
    Passengers had waited in the harbour for three days. The next sailing leaves at noon.\n";

const DATASET: &str = concat!(
    r#"{"id":"ferry","docs":[{"id":"a","text":"The ferry between Holm and Vask resumed on Tuesday after a week of storms. The operator said all sailings would run as normal."},"#,
    r#"{"id":"b","text":"Ferry sailings between Holm and Vask restarted on Tuesday. Storms had stopped the service for a week, the operator said."}],"#,
    r#""refs":[{"id":"r","text":"The Holm-Vask ferry resumed on Tuesday after a week of storms."}]}"#,
    "\n"
);

/// The table: (situation, [(command, expected code)]).
fn table() -> Vec<(String, Vec<(String, i32)>)> {
    let doc = std::fs::read_to_string(
        Path::new(env!("CARGO_MANIFEST_DIR")).join("../../docs/exit-codes.md"),
    )
    .expect("docs/exit-codes.md");
    let cells = |line: &str| -> Vec<String> {
        line.trim()
            .trim_matches('|')
            .split('|')
            .map(|c| c.trim().to_string())
            .collect()
    };
    let header = doc
        .lines()
        .find(|l| l.starts_with("| Situation"))
        .expect("the situations table");
    let commands: Vec<String> = cells(header)[1..].to_vec();
    doc.lines()
        .filter(|l| l.starts_with("| `"))
        .map(|l| {
            let row = cells(l);
            let key = row[0].split('`').nth(1).expect("`key`").to_string();
            let codes = commands
                .iter()
                .zip(&row[1..])
                .filter(|(_, c)| c.as_str() != "-")
                .map(|(cmd, c)| (cmd.clone(), c.parse().expect("a code")))
                .collect();
            (key, codes)
        })
        .collect()
}

/// The arguments that put `command` in `situation` (inputs written under `dir`).
fn situation(key: &str, command: &str, dir: &Path) -> Vec<String> {
    let article = write(dir, "harbour-ferry.txt", ARTICLE.as_bytes());
    let mut args = vec![command.to_string()];
    if command == "eval" {
        let set = write(dir, "set.jsonl", DATASET.as_bytes());
        match key {
            "ok" => args.push(set),
            "missing" => args.push(dir.join("none.jsonl").display().to_string()),
            "bad-json-line" => args.push(write(
                dir,
                "bad.jsonl",
                format!("{DATASET}{{oops\n").as_bytes(),
            )),
            "unknown-flag" => args.extend(["--no-such-flag".to_string(), set]),
            "zero-words" => args.extend(["--words".to_string(), "0".to_string(), set]),
            other => panic!("no eval set-up for {other}"),
        }
        if key != "unknown-flag" && key != "zero-words" {
            // Keep the run short: one timed pass.
            args.extend(["--passes".to_string(), "1".to_string()]);
        }
        return args;
    }
    let missing = dir.join("none.txt").display().to_string();
    match key {
        "ok" => args.push(article),
        // `stories --json` writes through serde_json, whose errors hide the broken pipe.
        "broken-pipe" if command == "stories" => args.extend(["--json".to_string(), article]),
        "broken-pipe" => args.push(article),
        "missing" => args.push(missing),
        "one-missing" => args.extend([article, missing]),
        "bad-json-line" => {
            let line = |id: &str| {
                serde_json::json!({"id": id, "title": "Ferry service resumes", "text": ARTICLE})
                    .to_string()
            };
            let text = format!("{}\nnot json at all\n{}\n", line("a"), line("b"));
            args.push(write(dir, "lines.jsonl", text.as_bytes()));
        }
        "fifo" => {
            let fifo = dir.join("pipe.txt");
            let made = Command::new("mkfifo")
                .arg(&fifo)
                .status()
                .expect("mkfifo runs");
            assert!(made.success(), "mkfifo");
            args.extend([article, fifo.display().to_string()]);
        }
        "device" => args.extend([article, "/dev/zero".to_string()]),
        "unknown-flag" => args.extend(["--no-such-flag".to_string(), article]),
        "zero-words" => args.extend(["--words".to_string(), "0".to_string(), article]),
        "zero-sentences" => args.extend(["--sentences".to_string(), "0".to_string(), article]),
        "no-words" => args.push(write(
            dir,
            "emoji.txt",
            "😀🎉🔥 🙂🙂\n\n🎈🎈🎈 🌊\n".as_bytes(),
        )),
        "oracle-without-references" => {
            args.extend(["--method".to_string(), "oracle".to_string(), article])
        }
        "damaged-state" => {
            let state = dir.join("state");
            let mut first = args.clone();
            first.extend([
                "--state".to_string(),
                state.display().to_string(),
                article.clone(),
            ]);
            assert_code(&run_watched(&first, false), 0, "first run");
            let file = std::fs::OpenOptions::new()
                .write(true)
                .open(state.join("stories.redb"))
                .expect("state file");
            file.set_len(4096).expect("truncate");
            args.extend(["--state".to_string(), state.display().to_string(), article]);
        }
        other => panic!("no set-up for {other}"),
    }
    args
}

#[test]
fn every_command_exits_as_the_table_says() {
    let table = table();
    assert!(table.len() >= 10, "{table:?}");
    let mut wrong = Vec::new();
    for (key, codes) in &table {
        for (command, want) in codes {
            let dir = scratch(&format!("{key}-{command}"));
            let args = situation(key, command, &dir);
            let out = run_watched(&args, key == "broken-pipe");
            let err = stderr(&out);
            let got = out.status.code();
            if got != Some(*want) {
                wrong.push(format!(
                    "{key} / {command}: exit {got:?}, table says {want}: {err}"
                ));
            }
            if err.contains("panicked") {
                wrong.push(format!("{key} / {command}: panicked: {err}"));
            }
            if *want != 0 && err.trim().is_empty() {
                wrong.push(format!(
                    "{key} / {command}: exit {want} with nothing on stderr"
                ));
            }
            if *want == 4 && !out.stdout.is_empty() {
                wrong.push(format!("{key} / {command}: exit 4 but wrote to stdout"));
            }
            let _ = std::fs::remove_dir_all(&dir);
        }
    }
    assert!(wrong.is_empty(), "\n{}", wrong.join("\n"));
}

#[test]
fn a_damaged_state_names_the_file_and_rolls_back_with_one_flag() {
    let dir = scratch("rollback");
    let article = write(&dir, "harbour-ferry.txt", ARTICLE.as_bytes());
    let state = dir.join("state").display().to_string();
    let stories = |extra: &[&str]| {
        let mut args: Vec<String> = vec!["stories".into(), "--state".into(), state.clone()];
        args.extend(extra.iter().map(|s| s.to_string()));
        run_watched(&args, false)
    };
    assert_code(&stories(&[&article]), 0, "first run");
    let file = Path::new(&state).join("stories.redb");
    let len = std::fs::metadata(&file).expect("state").len();
    std::fs::OpenOptions::new()
        .write(true)
        .open(&file)
        .expect("state")
        .set_len(len / 2)
        .expect("truncate");
    let out = stories(&[&article]);
    assert_code(&out, 1, "damaged state");
    let err = stderr(&out);
    assert!(err.contains(&file.display().to_string()), "{err}");
    assert!(
        err.contains("damaged") && err.contains("--rollback"),
        "{err}"
    );
    let out = stories(&["--rollback"]);
    assert_code(&out, 0, "rollback");
    let out = stories(&["--json", &article]);
    assert_code(&out, 0, "after the rollback");
    assert!(stderr(&out).contains("already in the state"));
    let _ = std::fs::remove_dir_all(&dir);
}

#[test]
fn summarize_numbers_sources_in_input_order_and_heads_by_file_stem() {
    let dir = scratch("md");
    let a = write(
        &dir,
        "aa-first.txt",
        "Nothing here matters much to anyone at all today.\n".as_bytes(),
    );
    let b = write(&dir, "bb-second.txt", ARTICLE.as_bytes());
    let args: Vec<String> = ["summarize", "--format", "md", "--sentences", "1"]
        .iter()
        .map(|s| s.to_string())
        .chain([a, b.clone()])
        .collect();
    let out = run_watched(&args, false);
    assert_code(&out, 0, "summarize");
    let md = stdout(&out);
    let sources = md.split("Sources:").nth(1).expect("sources");
    let first = sources.find("aa-first").expect("first input listed");
    let second = sources.find("bb-second").expect("second input listed");
    assert!(first < second, "{md}");
    // One title-less input: headed by its file stem, not "input".
    let args: Vec<String> = vec!["summarize".into(), "--format".into(), "md".into(), b];
    let md = stdout(&run_watched(&args, false));
    assert!(md.starts_with("## bb-second"), "{md}");
    let _ = std::fs::remove_dir_all(&dir);
}
