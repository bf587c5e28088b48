//! The invented example cluster `examples/harbor-fire/`: support, disagreement and the brief.

use corroborate::analyze::brief::{build_brief, BriefConfig};
use corroborate::analyze::support::{SupportConfig, SupportIndex};
use corroborate::ingest::{read_inputs, IngestOptions};
use corroborate::{Pipeline, PreparedCluster};

fn example() -> PreparedCluster {
    let dir = concat!(env!("CARGO_MANIFEST_DIR"), "/../../examples/harbor-fire");
    let ingested = read_inputs(&[dir.to_string()], &IngestOptions::default());
    assert!(ingested.errors.is_empty(), "{:?}", ingested.errors);
    assert_eq!(ingested.documents.len(), 5);
    Pipeline::default().prepare_documents(ingested.documents)
}

/// The sentence of document `doc` that starts with `prefix`.
fn sentence(c: &PreparedCluster, doc: usize, prefix: &str) -> usize {
    c.doc_sentences[doc]
        .clone()
        .find(|&i| c.text(i).starts_with(prefix))
        .unwrap_or_else(|| panic!("no sentence {prefix:?} in document {doc}"))
}

fn supporting_docs(c: &PreparedCluster, claim: usize) -> Vec<usize> {
    SupportIndex::new(c)
        .support(c, claim, &SupportConfig::default())
        .docs()
}

#[test]
fn fourteen_injured_is_not_supported_by_the_outlets_that_say_twelve() {
    let c = example();
    let claim = sentence(&c, 1, "Fourteen people were injured");
    let docs = supporting_docs(&c, claim);
    assert!(docs.contains(&1));
    assert!(!docs.contains(&0), "source 1 says 12 injured: {docs:?}");
    assert!(!docs.contains(&2), "source 3 says twelve hurt: {docs:?}");
}

#[test]
fn the_fire_itself_is_reported_by_four_outlets() {
    let c = example();
    let claim = sentence(&c, 3, "A fire destroyed three warehouses");
    let docs = supporting_docs(&c, claim);
    for d in [0, 1, 2, 3] {
        assert!(docs.contains(&d), "source {} missing: {docs:?}", d + 1);
    }
}

#[test]
fn a_quote_is_matched_with_the_same_quote_of_the_speaker_by_surname() {
    let c = example();
    let claim = sentence(&c, 4, "\"We will not reopen");
    let support = SupportIndex::new(&c).support(&c, claim, &SupportConfig::default());
    let m = support
        .matches
        .iter()
        .find(|m| m.doc == 2)
        .expect("source 3 carries the mayor's quote");
    assert!(c.text(m.sentence).contains("Varga said"));
}

#[test]
fn brief_of_the_example_is_deterministic_and_lists_every_source() {
    let c = example();
    let a = build_brief(&c, &BriefConfig::default());
    let b = build_brief(&c, &BriefConfig::default());
    assert_eq!(a, b);
    assert_eq!(a.sources.len(), 5);
    assert!(a.sources.iter().all(|s| s
        .origin
        .as_deref()
        .is_some_and(|o| o.contains("harbor-fire"))));
    let words: usize = a
        .summary
        .iter()
        .map(|s| s.text.split_whitespace().count())
        .sum();
    assert!(words <= 250, "summary within the default budget: {words}");
}
