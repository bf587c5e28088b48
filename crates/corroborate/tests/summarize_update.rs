//! Update mode on an invented story: the new articles repeat what the reader has read and add
//! two facts; every method's update summary must lead with the new facts, not the old ones.

use corroborate::{Budget, Method, Pipeline};
use corroborate::{Cluster, Document};

fn cluster(id: &str, docs: &[(&str, &str)]) -> Cluster {
    Cluster {
        id: id.into(),
        docs: docs
            .iter()
            .map(|(id, text)| Document::from_text(*id, *text))
            .collect(),
        refs: Vec::new(),
        topic: None,
    }
}

const OLD: &str = "A strong storm hit the northern coast of Marlow Bay on Monday night. \
    Ten homes near the harbour were badly damaged by the wind and the waves.";

#[test]
fn update_summaries_leave_out_what_the_reader_has_read() {
    let pipeline = Pipeline::default();
    let earlier = pipeline.prepare(cluster(
        "read",
        &[
            ("e1", OLD),
            (
                "e2",
                "The storm hit the northern coast of Marlow Bay on Monday night. \
                 Ten homes near the harbour were badly damaged by the wind.",
            ),
        ],
    ));
    let new = pipeline.prepare(cluster(
        "new",
        &[
            (
                "n1",
                "A strong storm hit the northern coast of Marlow Bay on Monday night. \
                 The town council approved an emergency repair fund of two million crowns on Thursday. \
                 Ten homes near the harbour were badly damaged by the wind and the waves.",
            ),
            (
                "n2",
                "Ten homes near the harbour were badly damaged by the wind on Monday night. \
                 The council approved an emergency repair fund of two million crowns for the harbour homes. \
                 The storm hit the northern coast of Marlow Bay.",
            ),
        ],
    ));
    for &method in Method::ALL {
        if method == Method::Oracle {
            continue; // needs references
        }
        let plain = method.summarize(&new, Budget::Sentences(1));
        let update = method.summarize_update(&new, &earlier, Budget::Sentences(1));
        let text = update.text(&new);
        assert!(
            text.contains("repair fund"),
            "{method}: update summary {text:?} (alone: {:?})",
            plain.text(&new)
        );
        // Same input, same output.
        assert_eq!(
            update,
            method.summarize_update(&new, &earlier, Budget::Sentences(1))
        );
    }
    // Alone, lead and default take the old news, so the test above tells the modes apart.
    for method in [Method::Lead, Method::SupportCoverage] {
        let plain = method.summarize(&new, Budget::Sentences(1)).text(&new);
        assert!(!plain.contains("repair fund"), "{method}: {plain:?}");
    }
    // With nothing read, update mode is the plain summary.
    let nothing = pipeline.prepare(cluster("none", &[]));
    for &method in &[Method::SupportCoverage, Method::Lead, Method::Mmr] {
        assert_eq!(
            method.summarize_update(&new, &nothing, Budget::Words(40)),
            method.summarize(&new, Budget::Words(40))
        );
    }
}

#[test]
fn profiles_built_once_give_the_same_update_summaries() {
    use corroborate::summarize::{Seen, SeenProfile};
    let pipeline = Pipeline::default();
    let monday = pipeline.prepare(cluster("mon", &[("e1", OLD)]));
    let tuesday = pipeline.prepare(cluster(
        "tue",
        &[(
            "e2",
            "Ferry service across Marlow Bay stopped after the storm. \
             Ten homes near the harbour were badly damaged by the wind.",
        )],
    ));
    let both = pipeline.prepare(cluster(
        "read",
        &[
            ("e1", OLD),
            (
                "e2",
                "Ferry service across Marlow Bay stopped after the storm. \
                 Ten homes near the harbour were badly damaged by the wind.",
            ),
        ],
    ));
    let new = pipeline.prepare(cluster(
        "new",
        &[
            (
                "n1",
                "Ferry service across Marlow Bay resumed on Friday, the operator said. \
                 The storm hit the northern coast of Marlow Bay on Monday night.",
            ),
            (
                "n2",
                "The council approved a repair fund for the harbour homes on Thursday. \
                 Ferry service across Marlow Bay resumed on Friday morning.",
            ),
        ],
    ));
    // Each batch profiled once, on its own, then reused.
    let (a, b) = (SeenProfile::new(&monday), SeenProfile::new(&tuesday));
    assert_eq!(a.docs() + b.docs(), 2);
    let seen = Seen::from_profiles(&new, &[&a, &b]);
    for &method in Method::ALL {
        if method == Method::Oracle {
            continue; // needs references
        }
        for budget in [Budget::Sentences(1), Budget::Words(30)] {
            assert_eq!(
                method.summarize_seen(&new, &seen, budget),
                method.summarize_update(&new, &both, budget),
                "{method}"
            );
        }
    }
}
