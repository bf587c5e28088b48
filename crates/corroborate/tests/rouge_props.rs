//! Properties of both ROUGE scorers on arbitrary text: no panics, scores in [0, 1], a text
//! scored against itself is perfect, and ROUGE-1.5.5 tokens are what its script keeps.

use corroborate::eval::{Prf, Rouge155, RougeScoreScorer};
use proptest::prelude::*;

fn in_unit(p: &Prf) -> bool {
    [p.p, p.r, p.f]
        .iter()
        .all(|x| x.is_finite() && (0.0..=1.0).contains(x))
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(128))]

    #[test]
    fn arbitrary_text_scores_in_unit_interval(cand in "\\PC{0,80}", a in "\\PC{0,80}", b in "(\\PC|\n){0,80}") {
        let rs = RougeScoreScorer::new(true).score_multi(&cand, &[&a, &b]);
        prop_assert!(in_unit(&rs.rouge1) && in_unit(&rs.rouge2));
        prop_assert!(rs.rouge_l.as_ref().is_some_and(in_unit));
        prop_assert!(rs.rouge_lsum.as_ref().is_some_and(in_unit));
        let r155 = Rouge155::duc(7).score(&cand, &[&a, &b]);
        prop_assert!(in_unit(&r155.rouge1) && in_unit(&r155.rouge2));
    }

    #[test]
    fn rouge155_tokens_are_ascii_alphanumeric(text in "(\\PC|\n|\t){0,120}") {
        for t in Rouge155::duc(250).tokens(&text) {
            prop_assert!(!t.is_empty() && t.bytes().all(|b| b.is_ascii_lowercase() || b.is_ascii_digit()), "{t:?}");
        }
    }

    #[test]
    fn word_limit_keeps_the_first_words(text in "[a-z \n]{0,200}", limit in 1usize..30) {
        // Without punctuation a white-space word is one token: the limit keeps a prefix.
        let all = Rouge155::duc(250).with_stemming(false).tokens(&text);
        let cut = Rouge155::duc(limit).with_stemming(false).tokens(&text);
        prop_assert!(cut.len() <= limit);
        prop_assert_eq!(&all[..cut.len()], &cut[..]);
    }

    #[test]
    fn a_text_against_itself_is_perfect(words in prop::collection::vec("[a-z]{1,8}", 2..30)) {
        let text = words.join(" ");
        let rs = RougeScoreScorer::new(true).score(&text, &text);
        prop_assert_eq!(rs.rouge1.f, 1.0);
        prop_assert_eq!(rs.rouge_lsum.map(|p| p.f), Some(1.0));
        let r155 = Rouge155::duc(250).score(&text, &[&text]);
        prop_assert_eq!(r155.rouge1, Prf { p: 1.0, r: 1.0, f: 1.0 });
    }
}
