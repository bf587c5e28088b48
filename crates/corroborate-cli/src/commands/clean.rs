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
    let mut kept_any = false;
    for cluster in &loaded.clusters {
        let cleaned = corroborate.clean(&cluster.docs);
        for (doc, clean) in cluster.docs.iter().zip(&cleaned) {
            kept_any |= !clean.kept.is_empty();
            if args.explain {
                for line in corroborate.explain_removals(doc, clean) {
                    writeln!(err, "{line}")?;
                }
            }
            if args.json || args.format == "json" {
                writeln!(out, "{}", corroborate.cleaning_json(doc, clean))?;
            } else if args.format == "md" {
                writeln!(out, "{}", corroborate.cleaned_markdown(doc, clean))?;
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
