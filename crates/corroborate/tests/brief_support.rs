//! Support matching on the shared data: the example cluster and NeuS validation stories.

mod common;

use corroborate::analyze::support::{SupportConfig, SupportIndex};
use corroborate::ingest::{read_clusters, read_inputs, IngestOptions};
use corroborate::{Cluster, Pipeline, PreparedCluster};

fn seeds() -> Option<PreparedCluster> {
    let dir = common::shared("seeds")?;
    let ingested = read_inputs(&[dir.display().to_string()], &IngestOptions::default());
    assert!(ingested.errors.is_empty(), "{:?}", ingested.errors);
    Some(Pipeline::default().prepare_documents(ingested.documents))
}

fn neus() -> Option<Vec<Cluster>> {
    let path = common::shared("data/summarization/neus-val.jsonl")?;
    let (clusters, errors) = read_clusters(&path).expect("readable neus-val");
    assert!(errors.is_empty());
    Some(clusters)
}

/// Prints every best cross-document match above 0.2 with its parts, for reading by eye:
/// `cargo test -p corroborate --test brief_support -- --ignored --nocapture dump`.
#[test]
#[ignore = "prints matches for manual threshold validation"]
fn dump_matches() {
    let filter = std::env::var("DUMP").unwrap_or_default();
    let mut clusters: Vec<PreparedCluster> = Vec::new();
    if filter.is_empty() || filter == "seeds" {
        clusters.extend(seeds());
    }
    if filter.is_empty() || filter == "neus" {
        let p = Pipeline::default();
        clusters.extend(
            neus()
                .unwrap_or_default()
                .into_iter()
                .take(12)
                .map(|c| p.prepare(c)),
        );
    }
    for c in &clusters {
        let index = SupportIndex::new(c);
        println!("=== cluster {}", c.id);
        for claim in c.body_sentences() {
            for doc in 0..c.docs.len() {
                if doc == c.sentences[claim].doc {
                    continue;
                }
                if let Some((j, m)) = index.best_in_doc(c, claim, doc) {
                    if m.score >= 0.2 {
                        println!(
                            "{:.3} c={:.2} cos={:.2} n={} x={} miss={}\n  A[{}] {}\n  B[{}] {}",
                            m.score,
                            m.containment,
                            m.cosine,
                            m.names_agree,
                            m.numbers_conflict,
                            m.numbers_missing,
                            c.sentences[claim].doc,
                            c.text(claim),
                            doc,
                            c.text(j)
                        );
                    }
                }
            }
        }
    }
    let _ = SupportConfig::default();
}
