//! Every case of the shared ROUGE-1.5.5 DUC 2006 fixtures (`-n 2 -m -l 250 -c 95 -r 1000
//! -f A -p 0.5 -t 0 -a -d`), ROUGE-1 and ROUGE-2 recall, precision and F, to 1e-5.

mod common;

use corroborate::eval::{Rouge155, Variant};
use serde_json::Value;

#[test]
fn rouge155_fixtures_all_match() {
    let Some(path) = common::shared("data/summarization/rouge155-fixtures-duc2006.jsonl") else {
        return;
    };
    let text = std::fs::read_to_string(&path).expect("fixtures readable");
    let scorer = Rouge155::duc(250);
    let (mut cases, mut passed, mut failures) = (0, 0, Vec::new());
    for line in text.lines().filter(|l| !l.trim().is_empty()) {
        let case: Value = serde_json::from_str(line).expect("fixture line is JSON");
        assert_eq!(
            case["flags"].as_str(),
            Some("-n 2 -m -l 250 -c 95 -r 1000 -f A -p 0.5 -t 0 -a -d")
        );
        let candidate = case["candidate"].as_str().expect("candidate");
        let refs: Vec<&str> = case["references"]
            .as_array()
            .expect("references")
            .iter()
            .map(|r| r.as_str().expect("reference text"))
            .collect();
        let got = scorer.score(candidate, &refs);
        let before = failures.len();
        for variant in [Variant::Rouge1, Variant::Rouge2] {
            let prf = got.get(variant).expect("ROUGE-1/2 computed");
            let want = &case["expected"][variant.name()];
            for (field, value) in [("r", prf.r), ("p", prf.p), ("f", prf.f)] {
                let expected = want[field].as_f64().expect("expected score");
                if (expected - value).abs() > 1e-5 + 1e-12 {
                    failures.push(format!(
                        "{} {} {field}: expected {expected}, got {value}",
                        case["case"],
                        variant.name()
                    ));
                }
            }
        }
        cases += 1;
        if failures.len() == before {
            passed += 1;
        }
    }
    assert_eq!(cases, 100, "fixture count");
    assert!(
        failures.is_empty(),
        "{passed}/{cases} cases match; mismatches:\n{}",
        failures.join("\n")
    );
    eprintln!("ROUGE-1.5.5 fixtures: {passed}/{cases} cases match");
}
