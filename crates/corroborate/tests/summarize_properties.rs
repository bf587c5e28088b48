//! Properties every summarization method keeps: only input candidate sentences, each at most
//! once, never two that say the same thing, within the budget, deterministic.

use corroborate::summarize::{candidates, RedundancyCheck, TermSet};
use corroborate::{Budget, Document, Method, Pipeline, PreparedCluster};
use proptest::prelude::*;

const WORDS: &[&str] = &[
    "fire",
    "harbor",
    "boats",
    "police",
    "mayor",
    "storm",
    "river",
    "bridge",
    "school",
    "court",
    "judge",
    "vote",
    "council",
    "warehouse",
    "crew",
    "ship",
    "town",
    "rain",
    "flood",
    "road",
    "the",
    "a",
    "of",
    "and",
    "in",
    "on",
    "was",
    "were",
    "said",
    "after",
];

fn sentence() -> impl Strategy<Value = String> {
    prop::collection::vec(prop::sample::select(WORDS), 1..18).prop_map(|w| {
        let mut s = w.join(" ");
        if let Some(first) = s.get(..1) {
            s = first.to_uppercase() + &s[1..];
        }
        s + "."
    })
}

fn article() -> impl Strategy<Value = String> {
    prop::collection::vec(prop::collection::vec(sentence(), 1..5), 1..5).prop_map(|paras| {
        paras
            .into_iter()
            .map(|p| p.join(" "))
            .collect::<Vec<_>>()
            .join("\n\n")
    })
}

fn cluster() -> impl Strategy<Value = Vec<String>> {
    prop::collection::vec(article(), 1..5)
}

fn budget() -> impl Strategy<Value = Budget> {
    prop_oneof![
        (0usize..120).prop_map(Budget::Words),
        (0usize..8).prop_map(Budget::Sentences)
    ]
}

fn prepare(texts: &[String]) -> PreparedCluster {
    let docs = texts
        .iter()
        .enumerate()
        .map(|(i, t)| Document::from_text(format!("d{i}"), t.clone()))
        .collect();
    Pipeline::default().prepare_documents(docs)
}

fn check(method: Method, texts: &[String], budget: Budget) -> Result<(), TestCaseError> {
    let c = prepare(texts);
    let summary = method.summarize(&c, budget);
    let allowed = candidates(&c);
    let mut seen = Vec::new();
    for &i in &summary.sentences {
        prop_assert!(allowed.contains(&i), "{method}: {i} is not a candidate");
        prop_assert!(!seen.contains(&i), "{method}: {i} twice");
        seen.push(i);
    }
    match budget {
        Budget::Words(n) => prop_assert!(summary.words(&c) <= n, "{method}: over budget"),
        Budget::Sentences(n) => prop_assert!(summary.sentences.len() <= n),
    }
    let check = RedundancyCheck::default();
    for (k, &a) in summary.sentences.iter().enumerate() {
        for &b in &summary.sentences[k + 1..] {
            prop_assert!(
                !check.redundant(
                    &TermSet::from_terms(&c.sentences[a].terms),
                    &TermSet::from_terms(&c.sentences[b].terms)
                ),
                "{method}: {:?} repeats {:?}",
                c.text(a),
                c.text(b)
            );
        }
    }
    let again = method.summarize(&prepare(texts), budget);
    prop_assert_eq!(&summary, &again, "{} is not deterministic", method);
    Ok(())
}

macro_rules! method_properties {
    ($($name:ident => $method:expr;)*) => {$(
        proptest! {
            #![proptest_config(ProptestConfig::with_cases(64))]
            #[test]
            fn $name(texts in cluster(), budget in budget()) {
                check($method, &texts, budget)?;
            }
        }
    )*};
}

method_properties! {
    default_keeps_the_summary_properties => Method::SupportCoverage;
    lead_keeps_the_summary_properties => Method::Lead;
    centroid_keeps_the_summary_properties => Method::Centroid;
    lexrank_keeps_the_summary_properties => Method::LexRank;
    textrank_keeps_the_summary_properties => Method::TextRank;
    sumbasic_keeps_the_summary_properties => Method::SumBasic;
    mmr_keeps_the_summary_properties => Method::Mmr;
    ilp_keeps_the_summary_properties => Method::Ilp;
    submodular_keeps_the_summary_properties => Method::Submodular;
}

#[test]
fn every_listed_method_but_the_oracle_has_a_property_test() {
    // The oracle needs references; the others are listed above. A new method must be added.
    let tested = [
        Method::SupportCoverage,
        Method::Lead,
        Method::Centroid,
        Method::LexRank,
        Method::TextRank,
        Method::SumBasic,
        Method::Mmr,
        Method::Ilp,
        Method::Submodular,
    ];
    for &m in Method::ALL {
        assert!(
            m == Method::Oracle || tested.contains(&m),
            "{m} lacks a property test"
        );
    }
}

#[test]
fn empty_and_fragment_only_clusters_give_empty_summaries() {
    for texts in [
        vec![String::new()],
        vec!["Read more.\n\nShare this.".to_string()],
    ] {
        let c = prepare(&texts);
        for &m in Method::ALL {
            assert!(
                m.summarize(&c, Budget::Words(250)).sentences.is_empty(),
                "{m}"
            );
        }
    }
}
