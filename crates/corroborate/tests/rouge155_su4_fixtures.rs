//! ROUGE-1, ROUGE-2 and ROUGE-SU4 of our own DUC 2007 update summaries against the official
//! ROUGE-1.5.5 Perl script (`-n 2 -m -2 4 -u -c 95 -r 1000 -f A -p 0.5 -t 0 -a -l 100 -d`),
//! to 1e-5. The fixtures hold no text: each case is a cluster id, a method (`default-update`:
//! the default method in update mode) and the SHA-256 of the summary as scored, with the
//! script's scores. The summaries are regenerated from the shared data; a case whose summary
//! has changed since the fixtures were made (another hash) is skipped, and at least half of
//! the cases must still be found.

mod common;

use corroborate::eval::{
    evaluate, evaluate_update_with_progress, update, ClusterResult, Scorer, ScorerKind, Variant,
};
use corroborate::{Budget, Method};
use serde_json::Value;
use sha2::{Digest, Sha256};
use std::collections::BTreeMap;

const FIXTURES: &str = include_str!("fixtures/rouge155/su4-duc2007-update.jsonl");

fn hex(bytes: &[u8]) -> String {
    bytes.iter().map(|b| format!("{b:02x}")).collect()
}

#[test]
fn su4_matches_the_perl_script_on_our_summaries() {
    let rel = "data/summarization/duc2007-update.jsonl";
    let Some(path) = common::shared(rel) else {
        return;
    };
    let text = std::fs::read_to_string(&path).expect("readable");
    let (clusters, errors) = corroborate::ingest::parse_clusters(rel, &text);
    assert!(errors.is_empty(), "{errors:?}");
    let scorer = Scorer::new(ScorerKind::Rouge155, Some(100));
    let budget = Budget::Words(100);
    let methods: Vec<Method> = Method::ALL
        .iter()
        .copied()
        .filter(|&m| m != Method::Oracle)
        .collect();
    let alone = evaluate(clusters.clone(), &methods, budget, &scorer);
    let earlier = update::earlier_doc_ids(&text);
    let updated = evaluate_update_with_progress(
        update::with_earlier(clusters, &earlier),
        &[Method::SupportCoverage],
        budget,
        &scorer,
        1,
        &|| {},
    );
    // (cluster, method name, hash) -> scores.
    let mut ours: BTreeMap<(String, String, String), corroborate::eval::RougeScores> =
        BTreeMap::new();
    let mut add = |results: &[ClusterResult], suffix: &str| {
        for c in results {
            for run in &c.runs {
                let hash = hex(&Sha256::digest(run.text().as_bytes()));
                let name = format!("{}{suffix}", run.method.name());
                ours.insert((c.id.clone(), name, hash), run.scores);
            }
        }
    };
    add(&alone.per_cluster, "");
    add(&updated.per_cluster, "-update");
    let (mut cases, mut found, mut failures) = (0, 0, Vec::new());
    for line in FIXTURES.lines().filter(|l| !l.trim().is_empty()) {
        let case: Value = serde_json::from_str(line).expect("fixture line is JSON");
        cases += 1;
        let key = (
            case["cluster"].as_str().expect("cluster").to_string(),
            case["method"].as_str().expect("method").to_string(),
            case["summary_sha256"].as_str().expect("hash").to_string(),
        );
        let Some(got) = ours.get(&key) else {
            continue;
        };
        found += 1;
        for variant in [Variant::Rouge1, Variant::Rouge2, Variant::RougeSu4] {
            let prf = got.get(variant).expect("computed by rouge155");
            let want = &case[variant.name()];
            for (field, value) in [("r", prf.r), ("p", prf.p), ("f", prf.f)] {
                let expected = want[field].as_f64().expect("expected score");
                if (expected - value).abs() > 1e-5 + 1e-12 {
                    failures.push(format!(
                        "{} {} {} {field}: expected {expected}, got {value}",
                        key.0,
                        key.1,
                        variant.name()
                    ));
                }
            }
        }
    }
    assert_eq!(cases, 300, "fixture count");
    eprintln!("ROUGE-SU4 fixtures: {found}/{cases} summaries unchanged and rescored");
    assert!(
        found * 2 >= cases,
        "only {found}/{cases} fixture summaries are still produced: regenerate the fixtures (scripts/rouge155-su4-fixtures.sh)"
    );
    assert!(failures.is_empty(), "mismatches:\n{}", failures.join("\n"));
}
