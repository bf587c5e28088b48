//! Reading the command's inputs and reporting the bad ones on stderr.

use corroborate::{Cluster, Corroborate, Inputs};

/// Inputs read, with problems already reported on stderr.
pub struct Loaded {
    /// Clusters: cluster-format inputs as they are, loose articles together as one cluster.
    pub clusters: Vec<Cluster>,
    /// Whether any input was skipped.
    pub partial: bool,
}

/// Read inputs, print warnings and errors to stderr, and fail when nothing usable was read.
pub fn load(corroborate: &Corroborate, inputs: &[String]) -> anyhow::Result<Loaded> {
    let Inputs {
        clusters,
        warnings,
        errors,
    } = corroborate.read(inputs);
    for w in &warnings {
        eprintln!("corroborate: warning: {w}");
    }
    for e in &errors {
        eprintln!("corroborate: error: {e}");
    }
    if clusters.is_empty() {
        anyhow::bail!("no usable input among: {}", inputs.join(", "));
    }
    Ok(Loaded {
        clusters,
        partial: !errors.is_empty(),
    })
}

/// Say on stderr that source `n` of cluster `cluster` gives two dates, and which is used.
pub fn warn_date_note(cluster: &str, n: usize, note: Option<&str>) {
    if let Some(note) = note {
        eprintln!("corroborate: warning: cluster {cluster}, source [{n}]: {note}");
    }
}
