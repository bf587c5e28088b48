//! `corroborate analyze`: the complete analysis a brief is drawn from, as JSON Lines.

use crate::inputs::load;
use crate::Outcome;
use anyhow::Context;
use corroborate::Corroborate;

/// Print the complete, uncapped analysis of each cluster: sources, every story sentence with
/// the sources that report or contradict it, quotes, numbers, entities and timeline (one JSON
/// object per cluster and line; see docs/analyze-json.md).
#[derive(clap::Args)]
#[command(
    after_help = "Examples:\n  corroborate analyze --json examples/harbor-fire/\n  \
    corroborate analyze --json --cluster ID clusters.jsonl"
)]
pub struct Args {
    /// Write JSON Lines (the only format for now; required so that a later text view does
    /// not change what scripts read).
    #[arg(long, required = true)]
    json: bool,
    /// Only the cluster with this id (cluster-format JSONL inputs hold many).
    #[arg(long)]
    cluster: Option<String>,
    /// Write to this file instead of standard output.
    #[arg(short, long)]
    output: Option<std::path::PathBuf>,
    /// Files, directories or `-` for standard input. Loose articles form one cluster.
    #[arg(required = true)]
    inputs: Vec<String>,
}

/// Run the command.
pub fn run(args: Args) -> anyhow::Result<Outcome> {
    debug_assert!(args.json);
    let corroborate = Corroborate::default();
    let loaded = load(&corroborate, &args.inputs)?;
    let mut clusters = loaded.clusters;
    if let Some(id) = &args.cluster {
        clusters.retain(|c| &c.id == id);
        if clusters.is_empty() {
            anyhow::bail!("no cluster with id {id:?} in the inputs");
        }
    }
    let mut text = String::new();
    for cluster in clusters {
        let prepared = corroborate.prepare(cluster);
        let r = corroborate.report(&prepared);
        for s in &r.sources {
            crate::inputs::warn_date_note(&r.id, s.entry.n, s.entry.date_note.as_deref());
        }
        text.push_str(&serde_json::to_string(&r).context("cannot write the analysis as JSON")?);
        text.push('\n');
    }
    crate::output::write_output(args.output.as_deref(), &text)?;
    Ok(if loaded.partial {
        Outcome::Partial
    } else {
        Outcome::Success
    })
}
