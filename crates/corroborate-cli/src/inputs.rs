//! Reading the command's inputs and reporting the bad ones on stderr.

use corroborate::ingest::{read_inputs, IngestOptions, Ingested};
use corroborate::Cluster;

/// Inputs read, with problems already reported on stderr.
pub struct Loaded {
    /// Clusters: cluster-format inputs as they are, loose articles together as one cluster.
    pub clusters: Vec<Cluster>,
    /// Whether any input was skipped.
    pub partial: bool,
}

/// Read inputs, print warnings and errors to stderr, and fail when nothing usable was read.
pub fn load(inputs: &[String]) -> anyhow::Result<Loaded> {
    let Ingested {
        documents,
        mut clusters,
        warnings,
        errors,
    } = read_inputs(inputs, &IngestOptions::default());
    for w in &warnings {
        eprintln!("corroborate: warning: {w}");
    }
    for e in &errors {
        eprintln!("corroborate: error: {e}");
    }
    if !documents.is_empty() {
        // The loose articles' cluster must not share an id with a cluster read from a file.
        let mut id = "input".to_string();
        let mut k = 2;
        while clusters.iter().any(|c| c.id == id) {
            id = format!("input-{k}");
            k += 1;
        }
        clusters.insert(
            0,
            Cluster {
                id,
                docs: documents,
                ..Cluster::default()
            },
        );
    }
    if clusters.is_empty() {
        anyhow::bail!("no usable input among: {}", inputs.join(", "));
    }
    Ok(Loaded {
        clusters,
        partial: !errors.is_empty(),
    })
}
