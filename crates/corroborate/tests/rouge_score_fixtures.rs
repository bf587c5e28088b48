//! Every case of the shared rouge-score 0.1.2 fixtures, stemmed and unstemmed, to 1e-6.

mod common;

use corroborate::eval::{RougeScoreScorer, Variant};
use serde_json::Value;

#[test]
fn rouge_score_fixtures_all_match() {
    let Some(path) = common::shared("data/summarization/rouge-fixtures.jsonl") else {
        return;
    };
    let text = std::fs::read_to_string(&path).expect("fixtures readable");
    let scorers = [
        ("stemmed", RougeScoreScorer::new(true)),
        ("unstemmed", RougeScoreScorer::new(false)),
    ];
    let (mut cases, mut failures) = (0, Vec::new());
    for line in text.lines().filter(|l| !l.trim().is_empty()) {
        let case: Value = serde_json::from_str(line).expect("fixture line is JSON");
        let candidate = case["candidate"].as_str().expect("candidate");
        let reference = case["reference"].as_str().expect("reference");
        for (key, scorer) in &scorers {
            let got = scorer.score(candidate, reference);
            // SU4 is ROUGE-1.5.5's only.
            for variant in Variant::ALL.into_iter().filter(|&v| v != Variant::RougeSu4) {
                let prf = got
                    .get(variant)
                    .expect("rouge-score computes every variant");
                let want = &case[*key][variant.name()];
                for (field, value) in [("p", prf.p), ("r", prf.r), ("f", prf.f)] {
                    let expected = want[field].as_f64().expect("expected score");
                    if (expected - value).abs() > 1e-6 {
                        failures.push(format!(
                            "{} {key} {} {field}: expected {expected}, got {value}",
                            case["case"],
                            variant.name()
                        ));
                    }
                }
            }
        }
        cases += 1;
    }
    assert_eq!(cases, 414, "fixture count");
    assert!(
        failures.is_empty(),
        "{} mismatches:\n{}",
        failures.len(),
        failures.join("\n")
    );
    eprintln!("rouge-score fixtures: {cases}/{cases} cases match");
}
