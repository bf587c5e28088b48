//! Property tests: the analyzers never panic on arbitrary text, every span they return slices
//! back into its document, and the output is deterministic.

use corroborate::analyze::analyze;
use corroborate::{Document, Pipeline};
use proptest::prelude::*;

fn text_strategy() -> impl Strategy<Value = String> {
    // Mix plain words, names, numbers, quotation marks and arbitrary Unicode.
    let pieces = prop::collection::vec(
        prop_oneof![
            Just("said".to_string()),
            Just("\u{201c}".to_string()),
            Just("\u{201d}".to_string()),
            Just("\u{2018}".to_string()),
            Just("\u{2019}".to_string()),
            Just("\"".to_string()),
            Just("``".to_string()),
            Just("''".to_string()),
            Just("Mr Ola Berg".to_string()),
            Just("about 2,000".to_string()),
            Just("between 4 and".to_string()),
            Just("on Saturday".to_string()),
            Just("February 3, 2019".to_string()),
            Just("(NRA)".to_string()),
            Just("al-Hol".to_string()),
            Just(",".to_string()),
            Just(".".to_string()),
            Just("\n\n".to_string()),
            "[a-zA-Z]{1,8}",
            "[0-9,.\\-]{1,6}",
            any::<String>(),
        ],
        0..40,
    );
    pieces.prop_map(|p| p.join(" "))
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(64))]

    #[test]
    fn arbitrary_text_never_panics_and_spans_are_valid(a in text_strategy(), b in text_strategy(), published in prop::option::of("[0-9a-zA-Z ,\\-:]{0,20}")) {
        let mut d0 = Document::from_text("a", a);
        d0.published = published;
        let d1 = Document::from_text("b", b);
        let cluster = Pipeline::default().prepare_documents(vec![d0, d1]);
        let first = analyze(&cluster);
        let second = analyze(&cluster);
        prop_assert_eq!(&first, &second);
        let mentions = first
            .quotes
            .iter()
            .flat_map(|q| q.mentions.iter())
            .chain(first.numbers.iter().flat_map(|g| g.values.iter().flat_map(|v| v.mentions.iter())))
            .chain(first.timeline.iter().flat_map(|e| e.mentions.iter()));
        for m in mentions {
            let text = &cluster.docs[m.doc].text;
            prop_assert!(m.span.start <= m.span.end && m.span.end <= text.len());
            prop_assert!(text.is_char_boundary(m.span.start) && text.is_char_boundary(m.span.end));
        }
    }
}
