//! `corroborate stories` and `eval-stories` from the outside: output shape, bad input,
//! state continuation across a killed process, briefs.

use std::io::Write;
use std::path::{Path, PathBuf};
use std::process::{Command, Output, Stdio};

fn bin() -> Command {
    Command::new(env!("CARGO_BIN_EXE_corroborate"))
}

fn tempdir(tag: &str) -> PathBuf {
    let dir = std::env::temp_dir().join(format!(
        "corroborate-cli-stories-{tag}-{}",
        std::process::id()
    ));
    let _ = std::fs::remove_dir_all(&dir);
    std::fs::create_dir_all(&dir).expect("create temp dir");
    dir
}

fn write_jsonl(path: &Path, rows: &[serde_json::Value]) {
    let mut f = std::fs::File::create(path).expect("create input");
    for r in rows {
        writeln!(f, "{r}").expect("write input");
    }
}

fn run(args: &[&str]) -> Output {
    bin().args(args).output().expect("run corroborate")
}

fn stdout_lines(out: &Output) -> Vec<serde_json::Value> {
    String::from_utf8_lossy(&out.stdout)
        .lines()
        .map(|l| serde_json::from_str(l).unwrap_or_else(|e| panic!("not a JSON line: {l:?}: {e}")))
        .collect()
}

const FLOOD: &str = "Floodwater from the Marren river forced 300 families in Quillby from their homes on Monday, officials in Quillby said.";
const FLOOD2: &str = "Rescuers in Quillby moved 300 families to shelters as the Marren river kept rising on Monday night.";
const BANK: &str = "The central bank of Varnia raised its interest rate by half a point on Tuesday to slow inflation, the bank said.";
const FRENCH: &str = "Le conseil municipal de la ville a annoncé lundi que le nouveau pont ouvrirait au printemps prochain, tandis que l'ancien resterait fermé pour des travaux jusqu'à la fin de l'année.";

#[test]
fn json_mode_prints_one_line_per_article_and_nothing_else() {
    let dir = tempdir("json");
    let input = dir.join("in.jsonl");
    write_jsonl(
        &input,
        &[
            serde_json::json!({"doc_id": "a", "date": "2020-01-02", "text": FLOOD}),
            serde_json::json!({"doc_id": "b", "date": "2020-01-01", "text": BANK}),
            serde_json::json!({"doc_id": "c", "date": "2020-01-03", "text": FLOOD2}),
            serde_json::json!({"doc_id": "d", "date": "2020-01-03", "source": "Other", "text": FLOOD}),
        ],
    );
    let out = run(&["stories", "--json", input.to_str().expect("utf-8 path")]);
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    let lines = stdout_lines(&out);
    let ids: Vec<&str> = lines
        .iter()
        .map(|l| l["doc_id"].as_str().expect("doc_id"))
        .collect();
    assert_eq!(ids, ["b", "a", "c", "d"], "publication order");
    for l in &lines {
        let keys: Vec<&String> = l.as_object().expect("object").keys().collect();
        assert_eq!(keys.len(), 3, "{l}");
        assert!(l["story"].is_u64());
    }
    assert_eq!(lines[1]["story"], lines[2]["story"]);
    assert_ne!(lines[0]["story"], lines[1]["story"]);
    assert_eq!(lines[3]["duplicate_of"], "a", "syndicated copy");
    assert!(lines[0]["duplicate_of"].is_null());
    // Text mode lists stories with sizes.
    let out = run(&["stories", input.to_str().expect("utf-8 path")]);
    let text = String::from_utf8_lossy(&out.stdout);
    assert!(text.starts_with("2 stories from 4 articles"), "{text}");
    assert!(text.contains("3 articles, 2 independent"), "{text}");
    let _ = std::fs::remove_dir_all(&dir);
}

#[test]
fn bad_input_is_noted_not_fatal() {
    let dir = tempdir("bad");
    let input = dir.join("in.jsonl");
    write_jsonl(
        &input,
        &[
            serde_json::json!({"doc_id": "x", "date": "2020-01-01", "text": FLOOD}),
            serde_json::json!({"doc_id": "x", "date": "yesterday", "text": BANK}),
            serde_json::json!({"doc_id": "e", "text": "   "}),
            serde_json::json!({"doc_id": "f1", "date": "2020-13-45", "text": FRENCH}),
            serde_json::json!({"doc_id": "f2", "text": FRENCH.replace("printemps", "automne")}),
        ],
    );
    let out = run(&["stories", "--json", input.to_str().expect("utf-8 path")]);
    assert!(out.status.success());
    let err = String::from_utf8_lossy(&out.stderr);
    assert!(
        err.contains("1 repeated doc id(s) renamed") && err.contains("x -> x~2"),
        "{err}"
    );
    assert!(
        err.contains("1 article(s) with no text skipped (e)"),
        "{err}"
    );
    assert_eq!(
        err.matches("without a usable date").count(),
        1,
        "warned once: {err}"
    );
    assert!(
        err.contains("3 article(s) without a usable date (2 unparseable, 1 missing)"),
        "{err}"
    );
    assert!(err.contains("2 article(s) do not read as English"), "{err}");
    let lines = stdout_lines(&out);
    let ids: Vec<&str> = lines
        .iter()
        .map(|l| l["doc_id"].as_str().expect("id"))
        .collect();
    assert_eq!(ids, ["x", "x~2", "f1", "f2"]);
    assert_eq!(
        lines[2]["story"], lines[3]["story"],
        "non-English articles grouped together"
    );
    assert_ne!(lines[0]["story"], lines[2]["story"]);
    let _ = std::fs::remove_dir_all(&dir);
}

#[test]
fn missing_input_and_wrong_state_version_fail_clearly() {
    let out = run(&["stories", "/nonexistent/none.jsonl"]);
    assert_eq!(out.status.code(), Some(1));
    assert!(String::from_utf8_lossy(&out.stderr).contains("no articles"));
    let dir = tempdir("version");
    let state = dir.join("state");
    std::fs::create_dir_all(&state).expect("mkdir");
    std::fs::write(state.join("stories.redb"), b"some other program's file").expect("write");
    let input = dir.join("in.jsonl");
    write_jsonl(&input, &[serde_json::json!({"doc_id": "a", "text": FLOOD})]);
    let out = run(&[
        "stories",
        "--state",
        state.to_str().expect("path"),
        input.to_str().expect("path"),
    ]);
    assert_eq!(out.status.code(), Some(1));
    let err = String::from_utf8_lossy(&out.stderr);
    assert!(err.contains("the story state is damaged"), "{err}");
    assert_eq!(
        std::fs::read(state.join("stories.redb")).expect("read"),
        b"some other program's file",
        "left untouched"
    );
    let _ = std::fs::remove_dir_all(&dir);
}

/// Invented stream: `stories` stories of distinct made-up vocabulary, `n` articles.
fn synthetic_rows(n: usize) -> Vec<serde_json::Value> {
    let syll = [
        "ka", "lo", "mir", "ven", "tas", "ru", "dor", "el", "qui", "sa", "bren", "to",
    ];
    let word = |i: usize| {
        format!(
            "{}{}{}",
            syll[i % 12],
            syll[(i / 12) % 12],
            syll[(i / 144) % 12]
        )
    };
    (0..n)
        .map(|i| {
            let story = (i * 7919) % (n / 8).max(1);
            let words: Vec<String> = (0..12).map(|k| word(story * 5 + (k * (i + 3)) % 9)).collect();
            let day = 1 + i / 500;
            serde_json::json!({
                "doc_id": format!("n{i}"),
                "date": format!("2021-{:02}-{:02}", 1 + (day / 28) % 12, 1 + day % 28),
                "text": format!("The council met on the matter. {} were discussed by {}.", words.join(" "), word(i % 1700)),
            })
        })
        .collect()
}

#[test]
fn a_killed_run_continues_to_the_same_grouping() {
    let dir = tempdir("kill");
    let input = dir.join("big.jsonl");
    write_jsonl(&input, &synthetic_rows(40_000));
    let input = input.to_str().expect("path").to_string();
    let full = run(&["stories", "--json", &input]);
    assert!(
        full.status.success(),
        "{}",
        String::from_utf8_lossy(&full.stderr)
    );
    let state = dir.join("state");
    let state = state.to_str().expect("path");
    let mut child = bin()
        .args([
            "stories",
            "--json",
            "--commit-every",
            "200",
            "--state",
            state,
            &input,
        ])
        .stdout(Stdio::null())
        .stderr(Stdio::null())
        .spawn()
        .expect("spawn");
    std::thread::sleep(std::time::Duration::from_millis(1500));
    let _ = child.kill();
    let _ = child.wait();
    let resumed = run(&["stories", "--json", "--state", state, &input]);
    assert!(
        resumed.status.success(),
        "{}",
        String::from_utf8_lossy(&resumed.stderr)
    );
    assert_eq!(stdout_lines(&resumed), stdout_lines(&full));
    let _ = std::fs::remove_dir_all(&dir);
}

#[test]
fn two_runs_on_one_state_equal_one_run() {
    let dir = tempdir("halves");
    let rows = synthetic_rows(2000);
    let (a, b) = (dir.join("a.jsonl"), dir.join("b.jsonl"));
    write_jsonl(&a, &rows[..1000]);
    write_jsonl(&b, &rows[1000..]);
    let whole = dir.join("whole.jsonl");
    write_jsonl(&whole, &rows);
    let state = dir.join("state");
    let s = state.to_str().expect("path");
    let full = stdout_lines(&run(&["stories", "--json", whole.to_str().expect("path")]));
    let first = stdout_lines(&run(&[
        "stories",
        "--json",
        "--state",
        s,
        a.to_str().expect("path"),
    ]));
    let second = stdout_lines(&run(&[
        "stories",
        "--json",
        "--state",
        s,
        b.to_str().expect("path"),
    ]));
    // The second run ends where the one run ends: its lines are the one run's.
    assert_eq!(second, full[1000..]);
    // The first run's lines are final except for small stories still waiting for their fold
    // decision, which a later run may take; asked again now, the state answers as one run.
    assert_eq!(first.len(), 1000);
    let again = stdout_lines(&run(&[
        "stories",
        "--json",
        "--state",
        s,
        whole.to_str().expect("path"),
    ]));
    assert_eq!(again, full);
    let _ = std::fs::remove_dir_all(&dir);
}

#[test]
fn briefs_are_written_for_stories_with_two_or_more_articles() {
    let dir = tempdir("brief");
    let input = dir.join("in.jsonl");
    write_jsonl(
        &input,
        &[
            serde_json::json!({"doc_id": "a", "title": "Quillby floods", "source": "Wire", "text": FLOOD}),
            serde_json::json!({"doc_id": "b", "source": "Paper", "text": FLOOD2}),
            serde_json::json!({"doc_id": "c", "text": BANK}),
        ],
    );
    let briefs = dir.join("briefs");
    let out = run(&[
        "stories",
        "--brief",
        briefs.to_str().expect("path"),
        input.to_str().expect("path"),
    ]);
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    let files: Vec<_> = std::fs::read_dir(&briefs)
        .expect("brief dir")
        .filter_map(|e| e.ok())
        .collect();
    assert_eq!(files.len(), 1);
    let text = std::fs::read_to_string(files[0].path()).expect("brief");
    assert!(text.starts_with("# Quillby floods\n"), "{text}");
    assert!(text.contains("sources: Paper, Wire"), "{text}");
    assert!(text.contains("## Story articles"), "{text}");
    assert!(
        text.contains("Rescuers in Quillby") || text.contains("Floodwater from the Marren"),
        "the cited brief holds article sentences: {text}"
    );
    assert!(text.contains("- `b` (Paper)"), "{text}");
    let _ = std::fs::remove_dir_all(&dir);
}

const FLOOD3: &str = "The Marren river crested in Quillby on Tuesday and 300 families stayed in shelters, officials in Quillby said.";

#[test]
fn a_second_run_briefs_what_is_new_since_the_first() {
    let dir = tempdir("since-last-run");
    let (first, second) = (dir.join("day1.jsonl"), dir.join("day2.jsonl"));
    write_jsonl(
        &first,
        &[
            serde_json::json!({"doc_id": "a", "title": "Quillby floods", "source": "Wire", "date": "2026-04-06", "text": FLOOD}),
            serde_json::json!({"doc_id": "b", "source": "Paper", "date": "2026-04-06", "text": FLOOD2}),
            serde_json::json!({"doc_id": "c", "source": "Wire", "date": "2026-04-06", "text": BANK}),
        ],
    );
    write_jsonl(
        &second,
        &[
            serde_json::json!({"doc_id": "d", "source": "Radio", "date": "2026-04-07", "text": FLOOD3}),
        ],
    );
    let state = dir.join("state");
    let briefs = dir.join("briefs");
    let (s, b) = (
        state.to_str().expect("path"),
        briefs.to_str().expect("path"),
    );
    let brief_text = || {
        let mut files: Vec<_> = std::fs::read_dir(&briefs)
            .expect("brief dir")
            .filter_map(|e| e.ok())
            .map(|e| e.path())
            .collect();
        files.sort();
        assert_eq!(files.len(), 1, "{files:?}");
        std::fs::read_to_string(&files[0]).expect("brief")
    };
    let out = run(&[
        "stories",
        "--state",
        s,
        "--brief",
        b,
        first.to_str().expect("path"),
    ]);
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    let text = brief_text();
    assert!(
        !text.contains("New since the last run"),
        "first run: {text}"
    );
    let out = run(&[
        "stories",
        "--state",
        s,
        "--brief",
        b,
        second.to_str().expect("path"),
    ]);
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    let text = brief_text();
    assert!(
        text.starts_with("## New since the last run\n\n1 new article(s) since the last run (2 before). New sources: Radio.\n"),
        "{text}"
    );
    let section = text.split("\n# ").next().expect("the section");
    assert!(section.contains("- `d` 2026-04-07 (Radio)"), "{section}");
    assert!(
        section.contains("crested in Quillby"),
        "the new fact: {section}"
    );
    assert!(!section.contains("`a`"), "{section}");
    // A third run with nothing new: no section.
    let out = run(&[
        "stories",
        "--state",
        s,
        "--brief",
        b,
        second.to_str().expect("path"),
    ]);
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    assert!(!brief_text().contains("New since the last run"));
    let _ = std::fs::remove_dir_all(&dir);
}

#[test]
fn eval_stories_prints_the_scores() {
    let dir = tempdir("eval");
    let input = dir.join("gold.jsonl");
    write_jsonl(
        &input,
        &[
            serde_json::json!({"doc_id": "a", "gold": "f", "text": FLOOD}),
            serde_json::json!({"doc_id": "b", "gold": "f", "text": FLOOD2}),
            serde_json::json!({"doc_id": "c", "gold": "b", "text": BANK}),
        ],
    );
    let out = run(&["eval-stories", "--json", input.to_str().expect("path")]);
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    let v = &stdout_lines(&out)[0];
    assert_eq!(v["articles"], 3);
    assert_eq!(v["b3_f1"], 1.0);
    assert_eq!(v["ari"], 1.0);
    assert!(v["articles_per_second"].as_f64().expect("rate") > 0.0);
    let _ = std::fs::remove_dir_all(&dir);
}

#[test]
fn explain_says_why_each_article_joined_or_started_a_story() {
    let dir = tempdir("explain");
    let input = dir.join("in.jsonl");
    write_jsonl(
        &input,
        &[
            serde_json::json!({"doc_id": "a", "date": "2020-01-02", "text": FLOOD}),
            serde_json::json!({"doc_id": "b", "date": "2020-01-02", "text": BANK}),
            serde_json::json!({"doc_id": "c", "date": "2020-01-02", "text": FLOOD2}),
            serde_json::json!({"doc_id": "d", "date": "2020-01-02", "source": "Other", "text": FLOOD}),
        ],
    );
    let out = run(&["stories", "--explain", input.to_str().expect("utf-8 path")]);
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    let lines = stdout_lines(&out);
    assert_eq!(lines.len(), 4);
    let why = |i: usize| &lines[i]["why"];
    assert_eq!(why(0)["reason"], "new: no candidate");
    assert_eq!(why(0)["joined"], false);
    assert!(why(1)["reason"]
        .as_str()
        .expect("reason")
        .starts_with("new"));
    // The second flood report joined the first, on words they share.
    assert_eq!(lines[2]["story"], lines[0]["story"]);
    assert_eq!(why(2)["reason"], "joined");
    assert_eq!(why(2)["candidate"], lines[0]["story"]);
    assert!(why(2)["score"].as_f64().expect("score") > 0.0);
    let matched: Vec<&str> = why(2)["matched"]
        .as_array()
        .expect("matched")
        .iter()
        .filter_map(|m| m.as_str())
        .collect();
    assert!(matched.iter().any(|m| m.contains("quillb")), "{matched:?}");
    assert_eq!(why(3)["reason"], "copy");
    // Same input, same bytes.
    let again = run(&["stories", "--explain", input.to_str().expect("utf-8 path")]);
    assert_eq!(out.stdout, again.stdout);
    let _ = std::fs::remove_dir_all(&dir);
}

#[test]
fn explain_says_why_stories_were_merged_at_the_end_of_the_run() {
    // Invented stream: three reports of one flood and two of a rate rise. An online
    // threshold no article reaches starts a story per article; the end-of-run
    // consolidation (without its least-terms condition, the reports are short) merges the
    // flood's three, and --explain must say so for each of them.
    let dir = tempdir("explain-merge");
    let input = dir.join("in.jsonl");
    let flood3 = "The Marren river crested in Quillby on Tuesday; officials said 300 families remain in shelters after the floodwater.";
    write_jsonl(
        &input,
        &[
            serde_json::json!({"doc_id": "f1", "text": FLOOD}),
            serde_json::json!({"doc_id": "b1", "text": BANK}),
            serde_json::json!({"doc_id": "f2", "text": FLOOD2}),
            serde_json::json!({"doc_id": "b2", "text": "Varnia's central bank said its interest rate rise of half a point would curb inflation, economists agreed."}),
            serde_json::json!({"doc_id": "f3", "text": flood3}),
        ],
    );
    let config = r#"{"threshold":2.0,"consolidate_min_terms":0,"consolidate_threshold":0.2}"#;
    let path = input.to_str().expect("utf-8 path");
    let out = run(&["stories", "--explain", "--config", config, path]);
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    let lines = stdout_lines(&out);
    let by_id = |id: &str| {
        lines
            .iter()
            .find(|l| l["doc_id"] == id)
            .unwrap_or_else(|| panic!("{id} printed"))
    };
    let (f1, f2, f3, b1) = (by_id("f1"), by_id("f2"), by_id("f3"), by_id("b1"));
    assert_eq!(f1["story"], f2["story"]);
    assert_eq!(f1["story"], f3["story"]);
    assert_ne!(f1["story"], b1["story"]);
    let mut merged_articles = 0;
    for line in &lines {
        // Every article whose story is not the one it started or joined says how it got
        // there: a chain of merges from its online story to its reported one.
        let online = &line["why"]["candidate"];
        let joined = line["why"]["joined"] == true;
        let merges = line["merges"].as_array().cloned().unwrap_or_default();
        let Some(last) = merges.last() else {
            if joined {
                assert_eq!(line["story"], *online, "{line}");
            }
            continue;
        };
        merged_articles += 1;
        assert_eq!(last["into"], line["story"], "{line}");
        for pair in merges.windows(2) {
            assert_eq!(pair[0]["into"], pair[1]["story"], "a chain: {line}");
        }
        for m in &merges {
            let rule = m["rule"].as_str().expect("rule");
            assert!(["fold", "absolute", "relative"].contains(&rule), "{m}");
            let (score, needed) = (
                m["score"].as_f64().expect("score"),
                m["needed"].as_f64().expect("needed"),
            );
            assert!(score >= needed && needed > 0.0, "{m}");
            assert!(m["robust"].as_f64().is_some(), "{m}");
            assert!(!m["matched"].as_array().expect("matched").is_empty(), "{m}");
        }
    }
    assert!(merged_articles >= 2, "two flood reports moved: {lines:?}");
    let flood_merges = f2["merges"]
        .as_array()
        .or(f1["merges"].as_array())
        .expect("a flood report was merged");
    assert_eq!(flood_merges[0]["rule"], "absolute", "{flood_merges:?}");
    let matched: Vec<&str> = flood_merges[0]["matched"]
        .as_array()
        .expect("matched")
        .iter()
        .filter_map(|m| m.as_str())
        .collect();
    assert!(
        matched
            .iter()
            .any(|m| m.contains("quillb") || m.contains("marren")),
        "{matched:?}"
    );
    // Without --explain the lines carry neither field; same stories.
    let plain = stdout_lines(&run(&["stories", "--json", "--config", config, path]));
    for (p, e) in plain.iter().zip(&lines) {
        assert_eq!(p["story"], e["story"]);
        assert!(p.get("merges").is_none() && p.get("why").is_none(), "{p}");
    }
    // Same input, same bytes.
    let again = run(&["stories", "--explain", "--config", config, path]);
    assert_eq!(out.stdout, again.stdout);
    let _ = std::fs::remove_dir_all(&dir);
}
