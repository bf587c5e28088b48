//! Properties of sentence and word spans on arbitrary text.

mod common;

use corroborate::segment::{split_sentences, word_spans};
use proptest::prelude::*;
use std::ops::Range;

/// Text rich in the characters the splitter looks at.
fn punctuated_text() -> impl Strategy<Value = String> {
    proptest::string::string_regex(
        "([A-Za-z]{1,6}|[0-9]{1,4}|[ \\n\\t]|[.!?…]{1,4}|[\"'`()\\[\\]“”‘’«»]|[•⁃_$°-]|U\\.S\\.|Mr\\.|a\\.m\\.|No\\.|Co\\.| \\. \\. \\.|é|日本|\u{2028}|\u{a0}){0,80}",
    )
    .expect("valid regex")
}

fn any_text() -> impl Strategy<Value = String> {
    prop_oneof![any::<String>(), punctuated_text()]
}

fn check_sentences(text: &str, spans: &[Range<usize>]) -> Result<(), TestCaseError> {
    let mut covered_to = 0;
    for span in spans {
        prop_assert!(span.start < span.end, "empty span {span:?}");
        prop_assert!(
            span.start >= covered_to,
            "spans overlap or are out of order"
        );
        prop_assert!(text.is_char_boundary(span.start) && text.is_char_boundary(span.end));
        let sentence = &text[span.clone()];
        prop_assert_eq!(sentence, sentence.trim(), "span not trimmed");
        // Nothing but white space between sentences: no text is lost.
        prop_assert!(
            text[covered_to..span.start].trim().is_empty(),
            "text dropped"
        );
        covered_to = span.end;
    }
    prop_assert!(
        text[covered_to..].trim().is_empty(),
        "text dropped at the end"
    );
    Ok(())
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(512))]

    #[test]
    fn sentence_spans_slice_back_in_order(text in any_text()) {
        let spans = split_sentences(&text);
        check_sentences(&text, &spans)?;
        prop_assert_eq!(spans, split_sentences(&text), "not deterministic");
    }

    #[test]
    fn sentences_do_not_cross_line_breaks(text in punctuated_text()) {
        for span in split_sentences(&text) {
            prop_assert!(!text[span].contains('\n'));
        }
    }

    #[test]
    fn word_spans_are_words_in_order(text in any_text()) {
        let mut covered_to = 0;
        for w in word_spans(&text) {
            prop_assert!(w.start < w.end);
            prop_assert!(w.start >= covered_to, "words overlap or are out of order");
            prop_assert!(text.is_char_boundary(w.start) && text.is_char_boundary(w.end));
            let word = &text[w.clone()];
            prop_assert!(word.starts_with(char::is_alphanumeric), "{word:?}");
            prop_assert!(word.ends_with(char::is_alphanumeric), "{word:?}");
            prop_assert!(!word.contains(char::is_whitespace), "{word:?}");
            // No letter or digit is skipped between words.
            prop_assert!(!text[covered_to..w.start].contains(char::is_alphanumeric));
            covered_to = w.end;
        }
        prop_assert!(!text[covered_to..].contains(char::is_alphanumeric));
    }
}

#[test]
fn word_spans_keep_inner_marks() {
    let text = "Don't pay $1,000.50 for well-known U.S. goods.";
    let words: Vec<&str> = word_spans(text).map(|r| &text[r]).collect();
    assert_eq!(
        words,
        [
            "Don't",
            "pay",
            "1,000.50",
            "for",
            "well-known",
            "U",
            "S",
            "goods"
        ]
    );
}

/// Our stemmer (a Porter 2 port for ASCII words) gives rust-stemmers' Snowball English stem
/// for every word of the shared data, in lower case and as written.
#[test]
fn stems_equal_snowball_on_every_word_of_the_shared_data() {
    let snowball = rust_stemmers::Stemmer::create(rust_stemmers::Algorithm::English);
    let ours = corroborate::segment::EnglishStemmer::default();
    let mut seen = std::collections::HashSet::new();
    for rel in [
        "data/summarization/multinews-sample100.jsonl",
        "data/summarization/duc2006.jsonl",
        "data/summarization/duc2007-main.jsonl",
        "data/summarization/duc2007-update.jsonl",
        "data/stories/ecbplus-dev.jsonl",
        "data/segmentation/golden-rules-en.jsonl",
    ] {
        let Some(path) = common::shared(rel) else {
            return;
        };
        let text = std::fs::read_to_string(&path).expect("readable shared data");
        for span in word_spans(&text) {
            let word = &text[span];
            for form in [word.to_string(), word.to_lowercase()] {
                if seen.insert(form.clone()) {
                    assert_eq!(ours.stem(&form), snowball.stem(&form), "{rel}");
                }
            }
        }
    }
    assert!(seen.len() > 10_000, "{} distinct words", seen.len());
}
