//! Property tests: arbitrary text and bytes through ingest, clean and segment never panic, and
//! every span slices its document.

use corroborate::clean::Cleaner;
use corroborate::ingest::read_bytes;
use corroborate::{Cluster, Pipeline};
use proptest::prelude::*;

fn check(name: &str, bytes: &[u8]) {
    let got = read_bytes(name, bytes);
    let mut clusters = got.clusters;
    clusters.push(Cluster {
        id: "loose".to_string(),
        docs: got.documents,
        ..Cluster::default()
    });
    let pipeline = Pipeline::default();
    for cluster in clusters {
        let cleaned = Cleaner::default().clean_cluster(&cluster.docs);
        for (doc, clean) in cluster.docs.iter().zip(&cleaned) {
            for block in &clean.kept {
                assert!(doc.text.get(block.span.clone()).is_some());
            }
            for removed in &clean.removed {
                assert!(doc.text.get(removed.span.clone()).is_some());
            }
        }
        let prepared = pipeline.prepare(cluster);
        for s in &prepared.sentences {
            assert!(prepared.docs[s.doc].text.get(s.span.clone()).is_some());
        }
    }
}

/// Text made of HTML-ish pieces, so that the HTML path is exercised beyond the sniffing.
fn html_soup() -> impl Strategy<Value = String> {
    let piece = prop_oneof![
        Just("<div>".to_string()),
        Just("</div>".to_string()),
        Just("<p class=\"article-body\">".to_string()),
        Just("</p>".to_string()),
        Just("<br>".to_string()),
        Just("<a href=x>".to_string()),
        Just("<script>".to_string()),
        Just("<nav>".to_string()),
        Just("&amp;".to_string()),
        Just("<!--".to_string()),
        "\\PC{0,40}",
        "[a-z ,.]{0,80}",
    ];
    prop::collection::vec(piece, 0..60).prop_map(|p| format!("<html>{}", p.concat()))
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(200))]

    #[test]
    fn arbitrary_unicode_through_every_format(text in "\\PC{0,400}") {
        for name in ["-", "a.txt", "a.html", "a.jsonl", "a.src"] {
            check(name, text.as_bytes());
        }
    }

    #[test]
    fn arbitrary_bytes_through_every_format(bytes in prop::collection::vec(any::<u8>(), 0..600)) {
        for name in ["-", "a.txt", "a.html", "a.jsonl"] {
            check(name, &bytes);
        }
    }

    #[test]
    fn html_soup_never_panics(page in html_soup()) {
        check("page.html", page.as_bytes());
        check("-", page.as_bytes());
    }

    #[test]
    fn json_lines_with_arbitrary_text(texts in prop::collection::vec("\\PC{0,60}", 1..6)) {
        let jsonl: String = texts
            .iter()
            .map(|t| format!("{}\n", serde_json::json!({ "text": t })))
            .collect();
        check("a.jsonl", jsonl.as_bytes());
        let got = read_bytes("a.jsonl", jsonl.as_bytes());
        prop_assert_eq!(got.documents.len(), texts.len());
    }
}
