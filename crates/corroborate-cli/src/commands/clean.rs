//! `corroborate clean`: print cleaned documents.

use crate::inputs::load;
use crate::Outcome;
use corroborate::clean::{BlockKind, CleanedDocument};
use corroborate::{Document, Pipeline};
use std::io::Write;

/// Remove page furniture and print the story text of each document.
#[derive(clap::Args)]
#[command(after_help = "Example:\n  corroborate clean --explain examples/harbor-fire/")]
pub struct Args {
    /// Print one JSON object per document (id, origin, page metadata, kept text and blocks,
    /// removed lines); the same as `--format json`.
    #[arg(long)]
    json: bool,
    /// Output format: `text` (the story text) or `json` (as `--json`).
    #[arg(long, value_parser = ["text", "json"], default_value = "text")]
    format: String,
    /// Say on stderr what was removed from each document and why, one line per removal:
    /// document id, line number, reason, the line's text.
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
    let stderr = std::io::stderr();
    let mut err = std::io::BufWriter::new(stderr.lock());
    let mut kept_any = false;
    for cluster in &loaded.clusters {
        let cleaned = pipeline.cleaner.clean_cluster(&cluster.docs);
        for (doc, clean) in cluster.docs.iter().zip(&cleaned) {
            kept_any |= !clean.kept.is_empty();
            let lines = LineNumbers::new(&doc.text);
            if args.explain {
                for r in &clean.removed {
                    writeln!(
                        err,
                        "{}:{}: {}: {:?} ({})",
                        doc.id,
                        lines.of(r.span.start),
                        r.reason,
                        &doc.text[r.span.clone()],
                        r.detail
                    )?;
                }
            }
            if args.json || args.format == "json" {
                writeln!(out, "{}", json(doc, clean, &lines))?;
            } else {
                writeln!(out, "{}\n", clean.text(doc))?;
            }
        }
    }
    err.flush()?;
    out.flush()?;
    if !kept_any {
        crate::empty_output::report(
            &args.inputs.join(", "),
            "no story text is left once page furniture is removed",
        );
        return Ok(Outcome::NoOutput);
    }
    Ok(if loaded.partial {
        Outcome::Partial
    } else {
        Outcome::Success
    })
}

/// One JSON object describing the cleaning of `doc`.
fn json(doc: &Document, clean: &CleanedDocument, lines: &LineNumbers) -> serde_json::Value {
    serde_json::json!({
        "id": doc.id,
        "origin": doc.origin,
        "title": doc.title,
        "source": doc.source,
        "published": doc.published,
        "author": doc.author,
        "language": doc.language,
        "url": doc.origin.url,
        "text": clean.text(doc),
        "kept": clean.kept.iter().map(|b| serde_json::json!({
            "line": lines.of(b.span.start),
            "start": b.span.start,
            "end": b.span.end,
            "kind": match b.kind {
                BlockKind::Heading => "heading",
                BlockKind::Paragraph => "paragraph",
            },
        })).collect::<Vec<_>>(),
        "removed": clean.removed.iter().map(|r| serde_json::json!({
            "line": lines.of(r.span.start),
            "text": &doc.text[r.span.clone()],
            "start": r.span.start,
            "end": r.span.end,
            "reason": r.reason,
            "detail": r.detail,
        })).collect::<Vec<_>>(),
    })
}

/// 1-based line numbers of byte offsets in a text.
struct LineNumbers {
    starts: Vec<usize>,
}

impl LineNumbers {
    fn new(text: &str) -> LineNumbers {
        let mut starts = vec![0];
        starts.extend(text.match_indices('\n').map(|(i, _)| i + 1));
        LineNumbers { starts }
    }

    fn of(&self, offset: usize) -> usize {
        self.starts.partition_point(|&s| s <= offset)
    }
}
