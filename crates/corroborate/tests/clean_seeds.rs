//! The cleaner on the example cluster (../shared/seeds): every story line stays, every line of
//! page furniture goes. Expectations are line numbers established by reading the files, plus a
//! few words of the furniture itself (never article sentences).

mod common;

use corroborate::clean::{BlockKind, CleanedDocument, Cleaner};
use corroborate::Document;
use std::collections::BTreeSet;

/// The seed documents in file-name order, ids = file stems.
fn seeds() -> Option<Vec<Document>> {
    let dir = common::shared("seeds")?;
    let mut paths: Vec<_> = std::fs::read_dir(&dir)
        .expect("seeds directory is readable")
        .map(|e| e.expect("directory entry").path())
        .filter(|p| p.extension().is_some_and(|e| e == "txt"))
        .collect();
    paths.sort();
    Some(
        paths
            .iter()
            .map(|p| {
                let id = p
                    .file_stem()
                    .expect("file name")
                    .to_string_lossy()
                    .into_owned();
                let text = std::fs::read_to_string(p).expect("seed is UTF-8 text");
                Document::from_text(id, text)
            })
            .collect(),
    )
}

/// 1-based line number of a byte offset.
fn line_of(text: &str, offset: usize) -> usize {
    text[..offset].matches('\n').count() + 1
}

/// The (trimmed) text of each 1-based line.
fn lines(text: &str) -> Vec<&str> {
    text.split('\n').map(str::trim).collect()
}

fn removed_lines(doc: &Document, clean: &CleanedDocument) -> BTreeSet<usize> {
    clean
        .removed
        .iter()
        .map(|r| line_of(&doc.text, r.span.start))
        .collect()
}

fn kept_lines(doc: &Document, clean: &CleanedDocument, kind: Option<BlockKind>) -> Vec<usize> {
    clean
        .kept
        .iter()
        .filter(|b| kind.is_none_or(|k| b.kind == k))
        .map(|b| line_of(&doc.text, b.span.start))
        .collect()
}

/// Furniture lines of each seed (by file prefix), established by reading the files.
const FURNITURE: &[(&str, &[usize])] = &[
    // Twin photo caption with its credit; an image's file name glued to its label (36); site
    // signature at the bottom.
    ("000", &[3, 4, 36, 66]),
    // Browser warning; "get more news" prompt.
    ("001", &[1, 6]),
    // Pull quote; unrelated headline at the end; comment prompts.
    ("002", &[12, 43, 44, 45]),
    // Unrelated headlines (13, 21, 55); caption printed twice (23-24); separator (32); image
    // text and caption of one picture (38-39); map label (61); comment and login form (63-81).
    (
        "003",
        &[
            13, 21, 23, 24, 32, 38, 39, 55, 61, 63, 65, 67, 69, 71, 73, 75, 77, 79, 81,
        ],
    ),
    // Byline and date; "Other reports by"; "Discuss This Article".
    ("004", &[3, 4, 32, 34]),
];

/// Kept lines that are headings (headline, standfirst, section titles, credit heading).
const HEADINGS: &[(&str, &[usize])] = &[
    ("000", &[1]),
    ("001", &[3]),
    ("002", &[1, 2, 28, 32]),
    ("003", &[1, 3, 34, 36, 51]),
    ("004", &[1]),
];

fn expected<'a>(table: &'a [(&str, &'a [usize])], id: &str) -> &'a [usize] {
    table
        .iter()
        .find(|(prefix, _)| id.starts_with(prefix))
        .map(|(_, l)| *l)
        .unwrap_or_else(|| panic!("no expectation for seed {id}"))
}

#[test]
fn furniture_lines_are_removed_and_story_lines_kept() {
    let Some(docs) = seeds() else { return };
    assert_eq!(docs.len(), 5, "five seed files");
    let cleaned = Cleaner::default().clean_cluster(&docs);
    for (doc, clean) in docs.iter().zip(&cleaned) {
        let removed = removed_lines(doc, clean);
        let want: BTreeSet<usize> = expected(FURNITURE, &doc.id).iter().copied().collect();
        let explain: Vec<String> = clean
            .removed
            .iter()
            .map(|r| {
                format!(
                    "{}: {} {:?}",
                    line_of(&doc.text, r.span.start),
                    r.reason,
                    &doc.text[r.span.clone()]
                )
            })
            .collect();
        assert_eq!(
            removed,
            want,
            "{}: removed lines\n{}",
            doc.id,
            explain.join("\n")
        );

        // Both directions: every other non-empty line is kept.
        let non_empty: BTreeSet<usize> = lines(&doc.text)
            .iter()
            .enumerate()
            .filter(|(_, l)| !l.is_empty())
            .map(|(i, _)| i + 1)
            .collect();
        let kept: BTreeSet<usize> = kept_lines(doc, clean, None).into_iter().collect();
        let story: BTreeSet<usize> = non_empty.difference(&want).copied().collect();
        assert_eq!(kept, story, "{}: kept lines", doc.id);
    }
}

#[test]
fn headlines_and_section_titles_are_headings() {
    let Some(docs) = seeds() else { return };
    let cleaned = Cleaner::default().clean_cluster(&docs);
    for (doc, clean) in docs.iter().zip(&cleaned) {
        assert_eq!(
            kept_lines(doc, clean, Some(BlockKind::Heading)),
            expected(HEADINGS, &doc.id),
            "{}: heading lines",
            doc.id
        );
    }
}

#[test]
fn sentences_of_more_than_eight_words_are_kept() {
    let Some(docs) = seeds() else { return };
    let cleaner = Cleaner::default();
    let cleaned = cleaner.clean_cluster(&docs);
    for (d, (doc, clean)) in docs.iter().zip(&cleaned).enumerate() {
        let removed = removed_lines(doc, clean);
        // Alone, without the cluster's help, sentences stay as well.
        let alone = removed_lines(doc, &cleaner.clean_document(doc));
        for (i, line) in lines(&doc.text).iter().enumerate() {
            let ends_sentence = line
                .trim_end_matches(['"', '”', '’', '\'', ')'])
                .ends_with(['.', '!', '?']);
            if !ends_sentence || line.split_whitespace().count() <= 8 {
                continue;
            }
            // The browser warning of 001 is the one furniture line written as sentences.
            let browser_warning = d == 1 && i == 0;
            assert_eq!(
                removed.contains(&(i + 1)),
                browser_warning,
                "{}:{} sentence line",
                doc.id,
                i + 1
            );
            assert_eq!(
                alone.contains(&(i + 1)),
                browser_warning,
                "{}:{} sentence line, document cleaned alone",
                doc.id,
                i + 1
            );
        }
    }
}

#[test]
fn furniture_is_named_and_explained() {
    let Some(docs) = seeds() else { return };
    let cleaned = Cleaner::default().clean_cluster(&docs);
    let removed: Vec<(&str, &str, &str)> = docs
        .iter()
        .zip(&cleaned)
        .flat_map(|(doc, clean)| {
            clean.removed.iter().map(move |r| {
                (
                    &doc.text[r.span.clone()],
                    r.reason.as_str(),
                    r.detail.as_str(),
                )
            })
        })
        .collect();
    let reason_of = |fragment: &str| -> &str {
        removed
            .iter()
            .find(|(text, _, _)| text.contains(fragment))
            .map(|(_, reason, _)| *reason)
            .unwrap_or_else(|| panic!("furniture containing {fragment:?} was not removed"))
    };
    for (fragment, reason) in [
        ("IE 11 is not supported", "browser_notice"),
        ("Get more news", "link_prompt"),
        ("(Image: REUTERS)", "photo_credit"),
        ("Fill in your details below", "comment_form"),
        ("commenting using your Twitter account", "comment_form"),
        ("Google+ photo", "media_label"),
        ("Twitter picture", "media_label"),
        ("Connecting to %s", "template_text"),
        ("Leave a Reply", "interface_label"),
        ("No comments:", "interface_label"),
        ("Post a Comment", "interface_label"),
        ("Discuss This Article", "interface_label"),
        ("Presentational grey line", "media_label"),
        ("Syria map", "media_label"),
        ("Amnesty", "unrelated_headline"),
        ("anti-corruption campaign", "unrelated_headline"),
        ("Kurdish protesters", "unrelated_headline"),
        ("Defiant ISIS fanatics", "outside_story"),
        ("Express co UK", "credit_line"),
        ("Other reports by", "outside_story"),
        ("barely breathing", "pull_quote"),
    ] {
        assert_eq!(reason_of(fragment), reason, "reason for {fragment:?}");
    }
    assert!(removed.iter().all(|(_, _, detail)| !detail.is_empty()));
}

#[test]
fn spans_slice_back_to_trimmed_lines() {
    let Some(docs) = seeds() else { return };
    let cleaned = Cleaner::default().clean_cluster(&docs);
    for (doc, clean) in docs.iter().zip(&cleaned) {
        let text_lines = lines(&doc.text);
        for span in clean
            .kept
            .iter()
            .map(|b| b.span.clone())
            .chain(clean.removed.iter().map(|r| r.span.clone()))
        {
            let got = &doc.text[span.clone()];
            assert_eq!(got, text_lines[line_of(&doc.text, span.start) - 1]);
            assert!(!got.is_empty());
        }
    }
}

#[test]
fn cleaning_the_cleaned_seeds_removes_nothing() {
    let Some(docs) = seeds() else { return };
    let cleaner = Cleaner::default();
    let cleaned = cleaner.clean_cluster(&docs);
    let again: Vec<Document> = docs
        .iter()
        .zip(&cleaned)
        .map(|(d, c)| Document::from_text(d.id.clone(), c.text(d)))
        .collect();
    for (doc, clean) in again.iter().zip(cleaner.clean_cluster(&again)) {
        assert!(clean.removed.is_empty(), "{}: {:?}", doc.id, clean.removed);
    }
}
