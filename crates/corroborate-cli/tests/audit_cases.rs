//! The "Bad input" cases of issues 17, 18 and 19 that had no CLI test, run as a user would:
//! invented inputs generated here, the exit code and what is printed checked.

use std::path::Path;

mod common;
use common::{clean, ok, run, scratch, write};

fn json_lines(text: &str) -> Vec<serde_json::Value> {
    text.lines()
        .map(|l| serde_json::from_str(l).expect("a JSON line"))
        .collect()
}

fn jsonl(dir: &Path, name: &str, rows: &[serde_json::Value]) -> String {
    let text: String = rows.iter().map(|r| format!("{r}\n")).collect();
    write(dir, name, text.as_bytes())
}

const STORY: &str = "The ferry between Holm and Vask resumed on Tuesday after a week of storms, \
    the operator said. Passengers queued at the quay from six in the morning. The operator said \
    all sailings would run as normal from Wednesday.";
const FLOOD: &str = "Floodwater from the Marren river forced 300 families in Quillby from their \
    homes on Monday, officials said. The mayor of Quillby, Ada Brenn, said the shelters at the \
    school would stay open all week. Rain is expected to ease on Wednesday.";
const FLOOD2: &str = "About 300 families were forced from their homes in Quillby on Monday as \
    the Marren river burst its banks. Mayor Ada Brenn said shelters at the local school would \
    remain open for the week.";

#[test]
fn story_only_in_json_ld_and_noscript_copies_print_the_story_once() {
    let dir = scratch("ldjson");
    let ld = serde_json::json!({"@type": "NewsArticle", "headline": "Ferry back",
        "datePublished": "2025-02-03", "articleBody": STORY});
    let shell = write(
        &dir,
        "shell.html",
        format!(
            "<html><head><title>Ferry back</title><script type=\"application/ld+json\">{ld}\
             </script></head><body><div id=root></div><script src=app.js></script></body></html>"
        )
        .as_bytes(),
    );
    let text = ok(&clean(&[&shell]));
    assert!(text.contains("resumed on Tuesday"), "{text}");
    let dup = write(
        &dir,
        "noscript.html",
        format!(
            "<html><body><article><h1>Ferry back</h1><p>{STORY}</p><noscript><p>{STORY}</p>\
             </noscript></article></body></html>"
        )
        .as_bytes(),
    );
    let text = ok(&clean(&[&dup]));
    assert_eq!(text.matches("resumed on Tuesday").count(), 1, "{text}");
}

#[test]
fn analyze_one_source_copies_undated_and_two_hundred_sources() {
    let dir = scratch("analyze");
    let doc = |id: &str, date: Option<&str>, text: &str| {
        let mut d = serde_json::json!({"id": id, "source": format!("Outlet {id}"), "text": text});
        if let Some(date) = date {
            d["date"] = date.into();
        }
        d
    };
    // One source: every sentence listed, no support.
    let one = jsonl(
        &dir,
        "one.jsonl",
        &[serde_json::json!({"id": "c1", "docs": [doc("a", Some("2025-03-03"), FLOOD)]})],
    );
    let got = &json_lines(&ok(&run(&["analyze", "--json", &one])))[0];
    let sentences = got["sentences"].as_array().expect("sentences");
    assert_eq!(sentences.len(), 3);
    assert!(sentences
        .iter()
        .all(|s| s["supported_by"].as_array().is_some_and(Vec::is_empty)));
    // A verbatim copy is marked, its support flagged; undated sources have no date.
    let copies = jsonl(
        &dir,
        "copy.jsonl",
        &[serde_json::json!({"id": "c2", "docs": [
        doc("a", None, FLOOD), doc("b", None, FLOOD2), doc("c", None, FLOOD)]})],
    );
    let got = &json_lines(&ok(&run(&["analyze", "--json", &copies])))[0];
    let sources = got["sources"].as_array().expect("sources");
    assert!(
        sources.iter().all(|s| s.get("date").is_none()),
        "{sources:?}"
    );
    assert_eq!(sources[2]["copy_of"], 1);
    assert!(sources[1].get("copy_of").is_none());
    let first = &got["sentences"][0]["supported_by"];
    assert!(
        first
            .as_array()
            .expect("support")
            .iter()
            .any(|s| s["source"] == 3 && s["copy"] == true),
        "{first}"
    );
    // Two hundred sources in one cluster: read, analysed, briefed.
    let docs: Vec<serde_json::Value> = (0..200)
        .map(|i| {
            doc(
                &format!("s{i}"),
                Some("2025-03-03"),
                &format!("{FLOOD} Outlet {i} adds that road {i} is closed."),
            )
        })
        .collect();
    let many = jsonl(
        &dir,
        "many.jsonl",
        &[serde_json::json!({"id": "c3", "docs": docs})],
    );
    let got = &json_lines(&ok(&run(&["analyze", "--json", &many])))[0];
    assert_eq!(got["sources"].as_array().map(Vec::len), Some(200));
    assert!(ok(&run(&["brief", &many])).contains("200 sources"));
}

#[test]
fn stories_on_bad_streams() {
    let dir = scratch("stories");
    let art = |id: String, date: Option<&str>, text: &str| {
        let mut a = serde_json::json!({"doc_id": id, "text": text});
        if let Some(date) = date {
            a["date"] = date.into();
        }
        a
    };
    // Undated among dated, far past and future, out of order: all read, exit 0, ordered.
    let rows = vec![
        art("c".into(), Some("2099-01-05"), FLOOD2),
        art("b".into(), None, STORY),
        art("a".into(), Some("1970-01-01"), FLOOD),
        art("d".into(), Some("0001-01-01"), STORY),
    ];
    let stream = jsonl(&dir, "odd.jsonl", &rows);
    let out = run(&["stories", "--json", &stream]);
    let lines = json_lines(&ok(&out));
    let ids: Vec<&str> = lines
        .iter()
        .map(|l| l["doc_id"].as_str().expect("id"))
        .collect();
    assert_eq!(
        ids,
        ["d", "a", "c", "b"],
        "by date; the undated one after its input neighbour"
    );
    assert!(String::from_utf8_lossy(&out.stderr).contains("1 article(s) without a usable date"));
    // One article repeated 1,000 times: one story, 999 copies of the first.
    let rows: Vec<_> = (0..1000)
        .map(|i| art(format!("r{i}"), Some("2020-01-02"), FLOOD))
        .collect();
    let lines = json_lines(&ok(&run(&[
        "stories",
        "--json",
        &jsonl(&dir, "rep.jsonl", &rows),
    ])));
    assert!(lines.iter().all(|l| l["story"] == lines[0]["story"]));
    assert_eq!(
        lines.iter().filter(|l| l["duplicate_of"] == "r0").count(),
        999
    );
    // 50,000 one-word articles: every one placed.
    let rows: Vec<_> = (0..50_000u32)
        .map(|i| {
            art(
                format!("w{i}"),
                Some("2020-01-02"),
                &format!("word{}", i.wrapping_mul(2_654_435_761) % 100_000),
            )
        })
        .collect();
    let lines = json_lines(&ok(&run(&[
        "stories",
        "--json",
        &jsonl(&dir, "words.jsonl", &rows),
    ])));
    assert_eq!(lines.len(), 50_000);
}

#[test]
fn a_german_stream_through_state_explain_and_brief() {
    let dir = scratch("german");
    let texts = [
        "Die Zentralbank von Varnia hat am Dienstag den Leitzins um einen halben Prozentpunkt angehoben, um die Inflation zu bremsen.",
        "Die Notenbank Varnias erh\u{f6}hte am Dienstag ihren Leitzins um einen halben Prozentpunkt und verwies auf die hohe Inflation.",
        "Das Hochwasser der Marren hat am Montag 300 Familien in Quillby aus ihren H\u{e4}usern vertrieben, teilten die Beh\u{f6}rden mit.",
    ];
    let rows = |day: u32, tag: &str| -> Vec<serde_json::Value> {
        texts
            .iter()
            .enumerate()
            .map(|(i, t)| {
                serde_json::json!({
            "doc_id": format!("{tag}{i}"), "date": format!("2020-01-{:02}", day + i as u32),
            "source": format!("Zeitung {i}"), "text": t})
            })
            .collect()
    };
    let first = jsonl(&dir, "a.jsonl", &rows(1, "a"));
    let second = jsonl(&dir, "b.jsonl", &rows(5, "b"));
    let state = dir.join("state").display().to_string();
    let one = json_lines(&ok(&run(&["stories", "--state", &state, "--json", &first])));
    assert_eq!(
        one[0]["story"], one[1]["story"],
        "the two rate reports are one story"
    );
    assert_ne!(one[0]["story"], one[2]["story"]);
    let two = json_lines(&ok(&run(&[
        "stories", "--state", &state, "--json", &second,
    ])));
    assert_eq!(two[0]["story"], one[0]["story"], "continued across runs");
    assert_eq!(two[0]["duplicate_of"], "a0");
    let explained = json_lines(&ok(&run(&["stories", "--explain", &first])));
    assert_eq!(explained[1]["why"]["joined"], true, "{:?}", explained[1]);
    let briefs = dir.join("briefs").display().to_string();
    let out = run(&["stories", "--brief", &briefs, &first]);
    ok(&out);
    let written: Vec<_> = std::fs::read_dir(&briefs)
        .expect("briefs written")
        .collect();
    assert_eq!(written.len(), 1, "one story of two articles");
}

#[test]
fn brief_counts_a_verbatim_copy_once_and_marks_it() {
    let dir = scratch("brief-copy");
    let doc = |id: &str, text: &str| serde_json::json!({"id": id, "source": format!("Outlet {id}"), "text": text});
    let input = jsonl(
        &dir,
        "copy.jsonl",
        &[serde_json::json!({"id": "c", "docs": [
        doc("a", FLOOD), doc("b", FLOOD2), doc("c", FLOOD)]})],
    );
    let out = ok(&run(&["brief", "--format", "json", &input]));
    let got: serde_json::Value = serde_json::Deserializer::from_str(&out)
        .into_iter()
        .next()
        .expect("a brief")
        .expect("JSON");
    let sources = got["sources"].as_array().expect("sources");
    assert_eq!(sources.len(), 3);
    assert_eq!(sources[2]["copy_of"], 1, "{sources:?}");
    assert!(sources[..2].iter().all(|s| s.get("copy_of").is_none()));
    let summary = got["summary"].as_array().expect("summary");
    assert!(!summary.is_empty());
    for item in summary {
        let cited: Vec<u64> = item["sources"]
            .as_array()
            .expect("sources")
            .iter()
            .filter_map(serde_json::Value::as_u64)
            .collect();
        let twice = usize::from(cited.contains(&1) && cited.contains(&3));
        assert_eq!(item["support"], cited.len() - twice, "{item}");
    }
    // The flood sentence told by source 1, its copy 3 and source 2: two sources, not three.
    let flood = summary
        .iter()
        .find(|i| i["sources"] == serde_json::json!([1, 2, 3]))
        .unwrap_or_else(|| panic!("{summary:?}"));
    assert_eq!(flood["support"], 2);
    for format in ["markdown", "text", "html"] {
        let out = ok(&run(&["brief", "--format", format, &input]));
        assert!(out.contains("near copy of"), "{format}: {out}");
        assert!(out.contains("2 of 3 sources"), "{format}: {out}");
        assert!(!out.contains("all 3 sources"), "{format}: {out}");
    }
}
