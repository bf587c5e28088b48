//! `corroborate stories` on bad streams (issue 19): each gives a result without a panic or
//! a hang, and implausible dates are noted on stderr with the article's id.

use std::io::Write;
use std::path::{Path, PathBuf};
use std::process::{Command, Output};

fn tempdir(tag: &str) -> PathBuf {
    let dir = std::env::temp_dir().join(format!(
        "corroborate-cli-stories-bad-{tag}-{}",
        std::process::id()
    ));
    let _ = std::fs::remove_dir_all(&dir);
    std::fs::create_dir_all(&dir).expect("create temp dir");
    dir
}

fn write_jsonl(path: &Path, rows: &[serde_json::Value]) {
    let mut f = std::io::BufWriter::new(std::fs::File::create(path).expect("create input"));
    for r in rows {
        writeln!(f, "{r}").expect("write input");
    }
}

/// `stories --json` on the rows; asserts success and one line per article.
fn stories(tag: &str, rows: &[serde_json::Value]) -> (Vec<serde_json::Value>, String) {
    let dir = tempdir(tag);
    let input = dir.join("in.jsonl");
    write_jsonl(&input, rows);
    let out: Output = Command::new(env!("CARGO_BIN_EXE_corroborate"))
        .args(["stories", "--json", input.to_str().expect("utf-8 path")])
        .output()
        .expect("run corroborate");
    let err = String::from_utf8_lossy(&out.stderr).into_owned();
    assert!(out.status.success(), "{err}");
    let lines: Vec<serde_json::Value> = String::from_utf8_lossy(&out.stdout)
        .lines()
        .map(|l| serde_json::from_str(l).expect("a JSON line"))
        .collect();
    let _ = std::fs::remove_dir_all(&dir);
    (lines, err)
}

const FLOOD: [&str; 3] = [
    "Floodwater from the Marren river forced 300 families in Quillby from their homes on Monday, officials in Quillby said.",
    "Rescuers in Quillby moved 300 families to shelters as the Marren river kept rising on Monday night.",
    "The Marren river crested in Quillby on Tuesday; officials said 300 families remain in shelters.",
];
const BANK: [&str; 2] = [
    "The central bank of Varnia raised its interest rate by half a point on Tuesday to slow inflation, the bank said.",
    "Varnia's central bank said its interest rate rise of half a point would curb inflation, economists agreed.",
];

#[test]
fn implausible_dates_are_noted_with_the_article_id() {
    let rows = [
        serde_json::json!({"doc_id": "epoch", "date": "1970-01-01", "text": FLOOD[0]}),
        serde_json::json!({"doc_id": "ok", "date": "2020-03-02T08:00:00Z", "text": FLOOD[1]}),
        serde_json::json!({"doc_id": "far", "date": "9999-12-31", "text": FLOOD[2]}),
        serde_json::json!({"doc_id": "future", "date": "2999-01-01", "text": BANK[0]}),
        serde_json::json!({"doc_id": "bank", "date": "2020-03-02T09:00:00Z", "text": BANK[1]}),
    ];
    let (lines, err) = stories("dates", &rows);
    assert_eq!(lines.len(), 5);
    assert!(
        err.contains("3 article(s) with an implausible date")
            && err.contains("epoch 1970-01-01")
            && err.contains("far 9999-12-31")
            && err.contains("future 2999-01-01"),
        "{err}"
    );
    assert!(!err.contains("ok 2020"), "{err}");
}

#[test]
fn an_out_of_order_stream_groups_as_the_ordered_one() {
    let dated = |i: usize, text: &str| serde_json::json!({"doc_id": format!("a{i}"), "date": format!("2020-03-0{}", i + 1), "text": text});
    let texts = [FLOOD[0], BANK[0], FLOOD[1], BANK[1], FLOOD[2]];
    let ordered: Vec<_> = texts.iter().enumerate().map(|(i, t)| dated(i, t)).collect();
    let mut reversed = ordered.clone();
    reversed.reverse();
    let (a, _) = stories("ordered", &ordered);
    let (b, _) = stories("reversed", &reversed);
    assert_eq!(a, b, "printed in stream order, same stories");
}

#[test]
fn undated_articles_among_dated_ones_are_grouped() {
    let rows = [
        serde_json::json!({"doc_id": "d0", "date": "2020-03-02", "text": FLOOD[0]}),
        serde_json::json!({"doc_id": "u0", "text": FLOOD[1]}),
        serde_json::json!({"doc_id": "d1", "date": "2020-03-01", "text": BANK[0]}),
        serde_json::json!({"doc_id": "u1", "date": "", "text": BANK[1]}),
        serde_json::json!({"doc_id": "d2", "date": "2020-03-03", "text": FLOOD[2]}),
    ];
    let (lines, err) = stories("undated", &rows);
    assert_eq!(lines.len(), 5);
    assert!(err.contains("2 article(s) without a usable date"), "{err}");
}

#[test]
fn one_article_repeated_a_thousand_times_is_one_story_of_copies() {
    let rows: Vec<_> = (0..1000)
        .map(|_| serde_json::json!({"doc_id": "same", "date": "2020-03-02", "text": FLOOD[0]}))
        .collect();
    let (lines, err) = stories("repeated", &rows);
    assert_eq!(lines.len(), 1000);
    assert!(err.contains("999 repeated doc id(s) renamed"), "{err}");
    assert!(lines.iter().all(|l| l["story"] == lines[0]["story"]));
    let copies = lines.iter().filter(|l| l["duplicate_of"] == "same").count();
    assert_eq!(copies, 999);
}

#[test]
fn fifty_thousand_one_word_articles_are_grouped() {
    // A made-up word per article, 5,000 distinct: articles with the same word are copies
    // of one another; no article shares anything else.
    let syll = [
        "ka", "lo", "mir", "ven", "tas", "ru", "dor", "el", "qui", "sa",
    ];
    let rows: Vec<_> = (0..50_000usize)
        .map(|i| {
            let w = i % 5_000;
            let word = format!(
                "{}{}{}{}",
                syll[w % 10],
                syll[w / 10 % 10],
                syll[w / 100 % 10],
                syll[w / 1000 % 10]
            );
            serde_json::json!({"doc_id": format!("w{i}"), "text": word})
        })
        .collect();
    let (lines, _) = stories("one-word", &rows);
    assert_eq!(lines.len(), 50_000);
    let stories: std::collections::BTreeSet<u64> = lines
        .iter()
        .map(|l| l["story"].as_u64().expect("story"))
        .collect();
    assert_eq!(stories.len(), 5_000, "one story per word");
}

#[test]
fn a_stream_in_one_language_other_than_english_is_grouped_by_event() {
    // Invented German reports of two events. Their shared function words ("der", "die",
    // "und") must not join the two events.
    let flood = [
        "Das Hochwasser der Marren hat in Quillby am Montag mehr als 300 Familien aus ihren Häusern vertrieben, und die Feuerwehr war die ganze Nacht im Einsatz, wie die Stadt mitteilte.",
        "In Quillby ist die Marren über die Ufer getreten; die Feuerwehr hat die 300 Familien in Notunterkünfte gebracht, und der Bürgermeister sagte, dass das Hochwasser noch steigen werde.",
        "Nach dem Hochwasser in Quillby sind die 300 Familien noch nicht in ihre Häuser zurückgekehrt, und die Helfer der Feuerwehr sind weiter bei der Arbeit an der Marren.",
    ];
    let bank = [
        "Die Zentralbank von Varnia hat den Leitzins um einen halben Punkt erhöht, und die Ökonomen sagten, dass die Inflation damit gebremst werden soll, wie die Bank mitteilte.",
        "Der Leitzins in Varnia ist gestiegen: die Zentralbank will die Inflation bremsen, und die Banken des Landes haben die Zinsen für Kredite noch am selben Tag erhöht.",
        "Nach der Zinserhöhung der Zentralbank von Varnia sind die Kurse an der Börse gefallen, und die Händler sagten, dass die Inflation das größte Problem des Landes sei.",
    ];
    let mut rows = Vec::new();
    for (i, (f, b)) in flood.iter().zip(&bank).enumerate() {
        rows.push(serde_json::json!({"doc_id": format!("f{i}"), "text": f}));
        rows.push(serde_json::json!({"doc_id": format!("b{i}"), "text": b}));
    }
    let (lines, err) = stories("german", &rows);
    assert_eq!(lines.len(), 6);
    assert!(err.contains("6 article(s) do not read as English"), "{err}");
    let story = |i: usize| lines[i]["story"].as_u64().expect("story");
    for f in [0, 2, 4] {
        for b in [1, 3, 5] {
            assert_ne!(story(f), story(b), "{lines:?}");
        }
    }
}
