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
