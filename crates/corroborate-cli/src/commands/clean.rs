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
    /// Output format: `text` (the story text), `json` (as `--json`) or `md` (Markdown: the
    /// headings, lists, tables and quotes of an HTML page's story; other inputs' paragraphs as
    /// they are).
    #[arg(long, value_parser = ["text", "json", "md"], default_value = "text")]
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
            } else if args.format == "md" {
                writeln!(out, "{}", markdown(doc, clean))?;
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

/// The story as Markdown: an HTML file is read again for its structure; other inputs (and
/// standard input) keep their paragraphs.
fn markdown(doc: &Document, clean: &CleanedDocument) -> String {
    let text = clean.text(doc);
    let page = doc
        .origin
        .path
        .as_deref()
        .filter(|_| doc.origin.markup)
        .and_then(|p| std::fs::read(p).ok());
    match page {
        Some(bytes) => {
            let html = match String::from_utf8(bytes) {
                Ok(s) => s,
                Err(e) => corroborate::ingest::decode_declared_charset(e.as_bytes())
                    .unwrap_or_else(|| String::from_utf8_lossy(e.as_bytes()).into_owned()),
            };
            corroborate::ingest::story_markdown(&html, &text)
        }
        None => text + "\n",
    }
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
