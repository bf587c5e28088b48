//! `corroborate clean`: print cleaned documents.

use crate::inputs::load;
use crate::Outcome;
use corroborate::Pipeline;
use std::io::Write;

/// Remove page furniture and print the story text of each document.
#[derive(clap::Args)]
#[command(after_help = "Example:\n  corroborate clean --explain examples/harbor-fire/")]
pub struct Args {
    /// Print one JSON object per document (id, origin, kept text, removed lines).
    #[arg(long)]
    json: bool,
    /// Say on stderr what was removed from each document and why.
    #[arg(long)]
    explain: bool,
    /// Files, directories or `-` for standard input.
    #[arg(required = true)]
    inputs: Vec<String>,
}

/// Run the command.
pub fn run(args: Args) -> anyhow::Result<Outcome> {
    let loaded = load(&args.inputs)?;
    let pipeline = Pipeline::default();
    let stdout = std::io::stdout();
    let mut out = std::io::BufWriter::new(stdout.lock());
    for cluster in &loaded.clusters {
        let cleaned = pipeline.cleaner.clean_cluster(&cluster.docs);
        for (doc, clean) in cluster.docs.iter().zip(&cleaned) {
            if args.explain {
                for r in &clean.removed {
                    eprintln!(
                        "{}: removed {:?}: {}",
                        doc.id,
                        &doc.text[r.span.clone()],
                        r.detail
                    );
                }
            }
            if args.json {
                let value = serde_json::json!({
                    "id": doc.id,
                    "origin": doc.origin,
                    "title": doc.title,
                    "text": clean.text(doc),
                    "removed": clean.removed.iter().map(|r| serde_json::json!({
                        "text": &doc.text[r.span.clone()],
                        "start": r.span.start,
                        "end": r.span.end,
                        "reason": r.reason,
                    })).collect::<Vec<_>>(),
                });
                writeln!(out, "{value}")?;
            } else {
                writeln!(out, "{}\n", clean.text(doc))?;
            }
        }
    }
    out.flush()?;
    Ok(if loaded.partial {
        Outcome::Partial
    } else {
        Outcome::Success
    })
}
