//! Reading every input format from disk: detection, directory walks, origins, unique ids.

mod common;

use corroborate::ingest::{read_bytes, read_inputs, IngestOptions};
use std::path::{Path, PathBuf};

fn scratch(test: &str) -> PathBuf {
    let dir =
        std::env::temp_dir().join(format!("corroborate-ingest-{}-{test}", std::process::id()));
    let _ = std::fs::remove_dir_all(&dir);
    std::fs::create_dir_all(&dir).expect("scratch dir");
    dir
}

fn write(dir: &Path, name: &str, text: &str) -> String {
    let path = dir.join(name);
    if let Some(parent) = path.parent() {
        std::fs::create_dir_all(parent).expect("parent dir");
    }
    std::fs::write(&path, text).expect("write");
    path.display().to_string()
}

#[test]
fn a_directory_of_mixed_formats() {
    let dir = scratch("mixed");
    write(
        &dir,
        "b/report.txt",
        "Dam repairs finish early\n\nRepairs to the Oster dam finished on Friday.\n",
    );
    write(&dir, "a/report.html", "<html><head><meta property=\"og:title\" content=\"Dam reopens\"></head><body>\
        <p>The Oster dam road reopened on Saturday, two weeks ahead of schedule, officials said.</p></body></html>");
    write(
        &dir,
        "c.jsonl",
        "{\"id\":\"w1\",\"text\":\"The dam was built in 1931.\",\"url\":\"http://x.invalid/w1\"}\n\
        {\"text\":\"No id here.\",\"published\":\"2024-05-01\"}\n",
    );
    write(
        &dir,
        "d.src",
        "First report. ||||| Second report.\nThird report. ||||| Fourth. ||||| Fifth.\n",
    );
    write(&dir, "e.jsonl", "{\"id\":\"k\",\"docs\":[{\"id\":\"x\",\"text\":\"One.\"},{\"id\":\"x\",\"text\":\"Two.\"}],\"refs\":[]}\n");
    write(&dir, "notes.md", "# ignored: not an article extension\n");
    write(&dir, ".hidden.txt", "Ignored hidden file.\n");
    let got = read_inputs(&[dir.display().to_string()], &IngestOptions::default());
    assert!(got.errors.is_empty(), "{:?}", got.errors);
    assert!(got.warnings.is_empty(), "{:?}", got.warnings);
    // Sorted walk: a/report.html, b/report.txt, c.jsonl; the two "report" stems are disambiguated.
    let ids: Vec<_> = got.documents.iter().map(|d| d.id.as_str()).collect();
    assert_eq!(ids, ["report", "report-2", "w1", "c:2"]);
    assert_eq!(got.documents[0].title.as_deref(), Some("Dam reopens"));
    assert_eq!(
        got.documents[1].title.as_deref(),
        Some("Dam repairs finish early")
    );
    assert!(got.documents[0]
        .origin
        .path
        .as_deref()
        .unwrap()
        .ends_with("a/report.html"));
    assert_eq!(got.documents[2].origin.line, Some(1));
    assert_eq!(
        got.documents[2].origin.url.as_deref(),
        Some("http://x.invalid/w1")
    );
    assert_eq!(got.documents[3].published.as_deref(), Some("2024-05-01"));
    let clusters: Vec<_> = got
        .clusters
        .iter()
        .map(|c| {
            (
                c.id.as_str(),
                c.docs.iter().map(|d| d.id.as_str()).collect::<Vec<_>>(),
            )
        })
        .collect();
    assert_eq!(
        clusters,
        [
            ("d:1", vec!["d:1/0", "d:1/1"]),
            ("d:2", vec!["d:2/0", "d:2/1", "d:2/2"]),
            ("k", vec!["x", "x-2"]),
        ]
    );
}

#[test]
fn the_same_file_twice_gets_distinct_ids() {
    let dir = scratch("twice");
    let f = write(&dir, "story.txt", "Story\n\nText.\n");
    let got = read_inputs(&[f.clone(), f], &IngestOptions::default());
    let ids: Vec<_> = got.documents.iter().map(|d| d.id.as_str()).collect();
    assert_eq!(ids, ["story", "story-2"]);
}

#[test]
fn stdin_like_bytes_are_sniffed() {
    let html = read_bytes(
        "-",
        b"<!doctype html><p>The council met on Monday, and it voted.</p>",
    );
    assert_eq!(
        html.documents[0].text,
        "The council met on Monday, and it voted."
    );
    assert_eq!(html.documents[0].id, "stdin");
    let json = read_bytes("-", b"{\"text\": \"Body.\"}\n");
    assert_eq!(json.documents[0].text, "Body.");
    let text = read_bytes("-", b"Headline\n\nBody <b>with</b> a tag.");
    assert_eq!(
        text.documents[0].text,
        "Headline\n\nBody <b>with</b> a tag."
    );
    let multi = read_bytes("-", b"One. ||||| Two.\n");
    assert_eq!(multi.clusters[0].docs.len(), 2);
}

#[test]
fn too_large_inputs_are_refused() {
    let dir = scratch("large");
    let f = write(&dir, "big.txt", &"word ".repeat(100));
    let got = read_inputs(std::slice::from_ref(&f), &IngestOptions { max_bytes: 100 });
    assert_eq!(got.errors.len(), 1);
    assert!(got.errors[0].to_string().starts_with(&f));
}

#[test]
fn story_stream_files_read_as_articles() {
    let Some(path) = common::shared("data/stories/ecbplus-dev.jsonl") else {
        return;
    };
    let got = read_inputs(&[path.display().to_string()], &IngestOptions::default());
    assert!(got.errors.is_empty(), "{:?}", got.errors.first());
    assert_eq!(got.documents.len(), 196);
    assert!(got.clusters.is_empty());
    let mut ids: Vec<_> = got.documents.iter().map(|d| &d.id).collect();
    ids.sort();
    ids.dedup();
    assert_eq!(ids.len(), 196);
    assert_eq!(got.documents[195].origin.line, Some(196));
}

#[test]
fn dated_story_stream_keeps_dates() {
    let Some(path) = common::shared("data/stories/duc2006-2007-topic-stream.jsonl") else {
        return;
    };
    let got = read_inputs(&[path.display().to_string()], &IngestOptions::default());
    assert!(got.errors.is_empty(), "{:?}", got.errors.first());
    assert_eq!(got.documents.len(), 2375);
    assert!(got.documents.iter().all(|d| d.published.is_some()));
}

#[test]
fn summarization_files_read_as_clusters() {
    let Some(path) = common::shared("data/summarization/multinews-sample100.jsonl") else {
        return;
    };
    let got = read_inputs(&[path.display().to_string()], &IngestOptions::default());
    assert!(got.errors.is_empty(), "{:?}", got.errors.first());
    assert!(got.documents.is_empty());
    assert_eq!(got.clusters.len(), 100);
    assert!(got
        .clusters
        .iter()
        .all(|c| c.refs.len() == 1 && !c.docs.is_empty()));
}

#[test]
fn legacy_charset_pages_are_decoded_without_warnings() {
    let page = b"<html><head><meta charset=windows-1252><title>Caf\xe9 reopens</title></head><body>\
        <p>The caf\xe9 on the quay reopened on Monday \x96 after repairs, the owner said.</p></body></html>";
    let got = read_bytes("cafe.html", page);
    assert!(got.warnings.is_empty(), "{:?}", got.warnings);
    assert_eq!(
        got.documents[0].text,
        "The caf\u{e9} on the quay reopened on Monday \u{2013} after repairs, the owner said."
    );
    assert_eq!(got.documents[0].title.as_deref(), Some("Caf\u{e9} reopens"));
}
