//! The CI gate: every method in eval/floors.json keeps its mean F1 floors on the dataset the
//! file names (summarization is deterministic, so this cannot flake).

mod common;

use corroborate::eval::{evaluate, Floors, Scorer};
use corroborate::ingest::read_clusters;
use corroborate::Budget;
use std::path::Path;

fn floors() -> Floors {
    let path = Path::new(env!("CARGO_MANIFEST_DIR")).join("../../eval/floors.json");
    Floors::read(&path).expect("eval/floors.json is valid")
}

#[test]
fn floors_file_names_known_methods() {
    let floors = floors();
    assert!(!floors.methods().is_empty());
    assert_eq!(floors.methods().len(), floors.methods.len());
}

#[test]
fn methods_stay_above_their_floors() {
    let floors = floors();
    let Some(dataset) = common::shared(&floors.dataset) else {
        return;
    };
    let (clusters, errors) = read_clusters(&dataset).expect("dataset readable");
    assert!(errors.is_empty(), "dataset errors: {errors:?}");
    let methods = floors.methods();
    let scorer = Scorer::new(floors.scorer, Some(floors.words));
    let report = evaluate(clusters, &methods, Budget::Words(floors.words), &scorer);
    for m in &report.methods {
        eprintln!(
            "{}: R1 F {:.4}, R2 F {:.4}, {:.1} words",
            m.method, m.scores.rouge1.f, m.scores.rouge2.f, m.mean_words
        );
    }
    let violations = floors.check(&report);
    assert!(
        violations.is_empty(),
        "below the floors:\n{}",
        violations
            .iter()
            .map(ToString::to_string)
            .collect::<Vec<_>>()
            .join("\n")
    );
}

/// Issue 4: on the query-focused DUC 2006 topics (25 articles each), `default` must beat lead
/// and LexRank as well, on R1 and R2, with both scorers.
#[test]
fn default_beats_lead_and_lexrank_on_duc2006() {
    use corroborate::eval::ScorerKind;
    use corroborate::Method;
    let Some(dataset) = common::shared("data/summarization/duc2006.jsonl") else {
        return;
    };
    for kind in [ScorerKind::RougeScore, ScorerKind::Rouge155] {
        let (clusters, errors) = read_clusters(&dataset).expect("dataset readable");
        assert!(errors.is_empty(), "dataset errors: {errors:?}");
        let methods = [Method::SupportCoverage, Method::Lead, Method::LexRank];
        let report = evaluate(
            clusters,
            &methods,
            Budget::Words(250),
            &Scorer::new(kind, Some(250)),
        );
        let score = |m: Method| {
            let r = report
                .methods
                .iter()
                .find(|r| r.method == m)
                .expect("method evaluated");
            (r.scores.rouge1.f, r.scores.rouge2.f)
        };
        let (r1, r2) = score(Method::SupportCoverage);
        eprintln!("{kind:?}: default R1 {r1:.4} R2 {r2:.4}");
        for peer in [Method::Lead, Method::LexRank] {
            let (p1, p2) = score(peer);
            assert!(
                r1 > p1 && r2 > p2,
                "{kind:?}: default {r1:.4}/{r2:.4} vs {peer:?} {p1:.4}/{p2:.4}"
            );
        }
    }
}
