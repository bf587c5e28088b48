//! Properties of the cleaner: never panics, spans are trimmed lines of the text, cleaning is
//! idempotent, plain sentences survive.

use corroborate::clean::{line_spans, CleanedDocument, Cleaner};
use corroborate::Document;
use proptest::prelude::*;

/// Lines a page might hold: sentences, headings, furniture, captions, dates, junk.
fn page_line() -> impl Strategy<Value = String> {
    prop_oneof![
        Just("The harbor fire burned for three days before crews contained it.".to_string()),
        Just("Officials said the pier would reopen next spring after repairs.".to_string()),
        Just("\"We will rebuild,\" the mayor said on Monday.".to_string()),
        Just("We will rebuild the old pier".to_string()),
        Just("Harbor fire spreads to warehouses".to_string()),
        Just("HARBOR FIRE".to_string()),
        Just("What caused the fire?".to_string()),
        Just("Smoke rises over the pier (Photo: HARBOR NEWS)".to_string()),
        Just("Smoke rises over the pier on Monday".to_string()),
        Just("Smoke rose over the pier since Monday".to_string()),
        Just("Senate passes farm subsidy bill after long debate".to_string()),
        Just("Football club signs young striker from abroad".to_string()),
        Just("Advertisement".to_string()),
        Just("Read more:".to_string()),
        Just("Sign up for our newsletter".to_string()),
        Just("March 3, 2021".to_string()),
        Just("Jane Reporter".to_string()),
        Just("By Jane Reporter".to_string()),
        Just("Harbor Daily / JR / Agency".to_string()),
        Just("* * *".to_string()),
        Just("Winners were named:".to_string()),
        Just("Jane Doe (gold)".to_string()),
        "[a-zA-Z .,!?:()'\"-]{0,40}",
        any::<String>(),
    ]
}

/// A page: lines separated by one or two line breaks.
fn page() -> impl Strategy<Value = String> {
    prop::collection::vec((page_line(), prop::bool::ANY), 0..24).prop_map(|lines| {
        let mut text = String::new();
        for (line, blank) in lines {
            text.push_str(&line);
            text.push_str(if blank { "\n\n" } else { "\n" });
        }
        text
    })
}

/// Spans are non-empty trimmed lines of the text, in order, each line exactly once.
fn check_spans(doc: &Document, clean: &CleanedDocument) {
    let mut spans: Vec<_> = clean
        .kept
        .iter()
        .map(|b| b.span.clone())
        .chain(clean.removed.iter().map(|r| r.span.clone()))
        .collect();
    spans.sort_by_key(|s| s.start);
    let expected: Vec<_> = line_spans(&doc.text)
        .filter_map(|l| {
            let raw = &doc.text[l.clone()];
            let trimmed = raw.trim();
            (!trimmed.is_empty()).then(|| {
                let start = l.start + (raw.len() - raw.trim_start().len());
                start..start + trimmed.len()
            })
        })
        .collect();
    assert_eq!(spans, expected);
}

fn reclean(cleaner: &Cleaner, docs: &[Document]) -> Vec<CleanedDocument> {
    let cleaned = cleaner.clean_cluster(docs);
    let again: Vec<Document> = docs
        .iter()
        .zip(&cleaned)
        .map(|(d, c)| Document::from_text(d.id.clone(), c.text(d)))
        .collect();
    cleaner.clean_cluster(&again)
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(256))]

    #[test]
    fn arbitrary_unicode_never_panics(text in any::<String>()) {
        let doc = Document::from_text("d", text);
        let clean = Cleaner::default().clean_document(&doc);
        check_spans(&doc, &clean);
    }

    #[test]
    fn spans_cover_every_line(text in page()) {
        let doc = Document::from_text("d", text);
        let clean = Cleaner::default().clean_document(&doc);
        check_spans(&doc, &clean);
    }

    #[test]
    fn cleaning_a_document_is_idempotent(text in page()) {
        let cleaner = Cleaner::default();
        let doc = Document::from_text("d", text);
        let second = reclean(&cleaner, std::slice::from_ref(&doc));
        prop_assert!(second[0].removed.is_empty(), "{:?}", second[0].removed);
    }

    #[test]
    fn cleaning_a_cluster_is_idempotent(texts in prop::collection::vec(page(), 1..4)) {
        let cleaner = Cleaner::default();
        let docs: Vec<Document> = texts
            .into_iter()
            .enumerate()
            .map(|(i, t)| Document::from_text(format!("d{i}"), t))
            .collect();
        for clean in reclean(&cleaner, &docs) {
            prop_assert!(clean.removed.is_empty(), "{:?}", clean.removed);
        }
    }

    /// A paragraph of 40 words or more is story wherever it stands (shorter sentences far
    /// from the story's main run of prose may be teasers or comments, and go).
    #[test]
    fn plain_paragraphs_are_kept(
        words in prop::collection::vec(
            prop::sample::select(vec![
                "crews", "harbor", "fought", "the", "fire", "near", "old", "warehouses",
                "and", "residents", "watched", "from", "hills", "while", "boats", "waited",
            ]),
            40..60,
        ),
        before in page(),
        after in page(),
    ) {
        let mut sentence = words.join(" ");
        sentence.push('.');
        let text = format!("{before}\n\n{sentence}\n\n{after}");
        let doc = Document::from_text("d", text);
        let clean = Cleaner::default().clean_document(&doc);
        let start = before.len() + 2;
        prop_assert!(
            clean.kept.iter().any(|b| b.span.start == start),
            "sentence removed: {:?}",
            clean.removed.iter().find(|r| r.span.start == start)
        );
    }
}
