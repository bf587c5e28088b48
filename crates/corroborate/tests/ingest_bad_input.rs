//! Bad and hostile inputs through ingest, clean and segment: no panic, bounded work.

use corroborate::ingest::{read_bytes, read_inputs, IngestOptions};
use corroborate::{Cluster, ErrorKind, Pipeline};

fn prepare_all(got: corroborate::ingest::Ingested) -> usize {
    let pipeline = Pipeline::default();
    let mut clusters = got.clusters;
    if !got.documents.is_empty() {
        clusters.push(Cluster {
            id: "loose".to_string(),
            docs: got.documents,
            ..Cluster::default()
        });
    }
    let mut sentences = 0;
    for c in clusters {
        let prepared = pipeline.prepare(c);
        for s in &prepared.sentences {
            // Every span slices its document's text.
            assert!(prepared.docs[s.doc].text.get(s.span.clone()).is_some());
        }
        sentences += prepared.sentences.len();
    }
    sentences
}

/// A 50 MB plain-text article: read, cleaned and segmented (linear work, no timing asserts).
#[test]
fn fifty_megabyte_article_is_read_cleaned_and_segmented() {
    let dir = std::env::temp_dir().join(format!("corroborate-big-{}", std::process::id()));
    std::fs::create_dir_all(&dir).expect("scratch dir");
    let path = dir.join("big.txt");
    // Paragraphs differ (numbers), so the cleaner does not drop them as repeated lines.
    let mut text = String::from("Harbour repairs to begin in May\n\n");
    let mut i = 0u64;
    while text.len() < 50 * 1024 * 1024 {
        i += 1;
        text.push_str(&format!(
            "Pier {i} was damaged in storm number {} and repairs will cost {} crowns. \
             Work on berth {} starts in May, the harbour authority said on Tuesday.\n\n",
            i * 7 % 1013,
            i * 31 % 100_003,
            i % 97
        ));
    }
    std::fs::write(&path, &text).expect("write big file");
    let got = read_inputs(&[path.display().to_string()], &IngestOptions::default());
    std::fs::remove_dir_all(&dir).ok();
    assert!(got.errors.is_empty(), "{:?}", got.errors);
    assert_eq!(got.documents[0].text.len(), text.len());
    drop(text);
    let sentences = prepare_all(got);
    assert!(sentences > 200_000, "{sentences}");
}

#[test]
fn hundred_thousand_nested_divs() {
    let mut page = String::from("<html><body>");
    page.push_str(&"<div class=\"wrap\">".repeat(100_000));
    page.push_str(
        "<p>The council voted on Monday, by seven votes to two, to build the bridge.</p>",
    );
    page.push_str(&"</div>".repeat(100_000));
    let got = read_bytes("deep.html", page.as_bytes());
    assert_eq!(
        got.documents[0].text,
        "The council voted on Monday, by seven votes to two, to build the bridge."
    );
    assert_eq!(prepare_all(got), 1);
}

#[test]
fn deep_nesting_of_inline_and_unclosed_tags() {
    let page = "<p><b><i><span><a href=x>".repeat(30_000) + "Tail text, with a comma, here.";
    let got = read_bytes("inline.html", page.as_bytes());
    assert!(got.errors.is_empty(), "{:?}", got.errors);
    prepare_all(got);
}

#[test]
fn broken_html_keeps_its_story() {
    let page = "<html><body><div class=article-body><p>The ferry resumed on Tuesday, after a week \
        of storms.<p>The operator said sailings run as normal, from Wednesday.<table><td><b>\
        <i>unclosed <a href='x>garbage <<>> </p></div></span></table><script>var a = '</div>';";
    let got = read_bytes("broken.html", page.as_bytes());
    let text = &got.documents[0].text;
    assert!(
        text.starts_with("The ferry resumed on Tuesday, after a week of storms.\n\n"),
        "{text}"
    );
    assert!(!text.contains("var a"), "{text}");
    prepare_all(got);
}

#[test]
fn pure_garbage_html_is_an_empty_input() {
    let got = read_bytes("junk.html", b"<<<<>>>></></></div<<!--");
    assert_eq!(got.errors[0].kind(), &ErrorKind::Empty);
    assert!(got.errors[0].to_string().starts_with("junk.html: "));
}

#[test]
fn huge_single_line_jsonl_with_bad_lines() {
    let mut jsonl = String::new();
    for i in 0..2000 {
        if i % 100 == 7 {
            jsonl.push_str("{\"text\": \n");
        } else {
            jsonl.push_str(&format!(
                "{{\"id\":\"d{i}\",\"text\":\"Article {i} reports the vote.\"}}\n"
            ));
        }
    }
    let got = read_bytes("many.jsonl", jsonl.as_bytes());
    assert_eq!(got.documents.len(), 1980);
    let lines: Vec<_> = got.errors.iter().map(|e| e.line()).collect();
    assert_eq!(lines.len(), 20);
    assert_eq!(lines[0], Some(8));
}
