//! `corroborate clean`: print cleaned documents.

use crate::inputs::load;
use crate::Outcome;
use corroborate::Corroborate;
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
    let corroborate = Corroborate::default();
    let loaded = load(&corroborate, &args.inputs)?;
    let stdout = std::io::stdout();
    let mut out = std::io::BufWriter::new(stdout.lock());
    let stderr = std::io::stderr();
    let mut err = std::io::BufWriter::new(stderr.lock());
    // Written only once something was kept: exit 4 prints nothing on stdout.
    let mut buffered = Vec::new();
    let mut kept_any = false;
    let mut empty = Vec::new();
    for cluster in &loaded.clusters {
        let cleaned = corroborate.clean(&cluster.docs);
        for (doc, clean) in cluster.docs.iter().zip(&cleaned) {
            if args.explain {
                for line in corroborate.explain_removals(doc, clean) {
                    writeln!(err, "{line}")?;
                }
            }
            if clean.kept.is_empty() {
                empty.push(document_name(doc));
                if !(args.json || args.format == "json") {
                    continue;
                }
            }
            if !kept_any && !clean.kept.is_empty() {
                kept_any = true;
                out.write_all(&std::mem::take(&mut buffered))?;
            }
            let sink: &mut dyn Write = if kept_any { &mut out } else { &mut buffered };
            if args.json || args.format == "json" {
                writeln!(sink, "{}", corroborate.cleaning_json(doc, clean))?;
            } else if args.format == "md" {
                writeln!(sink, "{}", corroborate.cleaned_markdown(doc, clean))?;
            } else {
                writeln!(sink, "{}\n", clean.text(doc))?;
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
    for name in &empty {
        eprintln!(
            "corroborate: {name}: skipped: no story text is left once page furniture is removed"
        );
    }
    if !empty.is_empty() {
        return Ok(Outcome::Partial);
    }
    Ok(if loaded.partial {
        Outcome::Partial
    } else {
        Outcome::Success
    })
}

/// A document as the user named it: its file (and line in a JSONL file), else its id.
fn document_name(doc: &corroborate::Document) -> String {
    match (&doc.origin.path, doc.origin.line) {
        (Some(path), Some(line)) => format!("{path}:{line} ({})", doc.id),
        (Some(path), None) => path.clone(),
        _ => doc.id.clone(),
    }
}
