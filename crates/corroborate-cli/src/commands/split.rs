//! `corroborate split`: one sentence per line.

use crate::empty_output;
use crate::inputs::load;
use crate::Outcome;
use corroborate::Pipeline;
use std::io::Write;

/// Split documents into sentences (every line, or with `--clean` the story lines only).
#[derive(clap::Args)]
#[command(
    after_help = "Text output: one sentence per line, a blank line between documents.\n\
JSON output: one object per sentence: {\"cluster\", \"doc\", \"sentence\", \"start\", \"end\", \"heading\", \"text\"},\n\
where start..end is the byte span of the sentence in the document text.\n\n\
Example:\n  echo \"Mr. Smith came. He left.\" | corroborate split -"
)]
pub struct Args {
    /// One JSON object per sentence with document id and byte span.
    #[arg(long)]
    json: bool,
    /// Remove page furniture first, as `clean` does (by default every line is split, so
    /// that no sentence is lost).
    #[arg(long)]
    clean: bool,
    /// Files, directories or `-` for standard input.
    #[arg(required = true)]
    inputs: Vec<String>,
}

/// Run the command.
pub fn run(args: Args) -> anyhow::Result<Outcome> {
    let loaded = load(&args.inputs)?;
    let mut pipeline = Pipeline::default();
    pipeline.cleaner.keep_all = !args.clean;
    let stdout = std::io::stdout();
    let mut out = std::io::BufWriter::new(stdout.lock());
    let mut printed_any = false;
    let mut why = None;
    for cluster in loaded.clusters {
        let prepared = pipeline.prepare(cluster);
        if prepared.sentences.is_empty() {
            why = why.or_else(|| empty_output::why_no_sentences(&prepared));
        }
        for (d, range) in prepared.doc_sentences.iter().enumerate() {
            if range.is_empty() {
                continue;
            }
            if !args.json && printed_any {
                writeln!(out)?;
            }
            printed_any = true;
            for i in range.clone() {
                let s = &prepared.sentences[i];
                if args.json {
                    let value = serde_json::json!({
                        "cluster": prepared.id,
                        "doc": prepared.docs[d].id,
                        "sentence": s.position,
                        "start": s.span.start,
                        "end": s.span.end,
                        "heading": s.heading,
                        "text": prepared.text(i),
                    });
                    writeln!(out, "{value}")?;
                } else {
                    writeln!(out, "{}", prepared.text(i))?;
                }
            }
        }
    }
    out.flush()?;
    if !printed_any {
        empty_output::report(
            &args.inputs.join(", "),
            &why.unwrap_or_else(|| "no sentence found".to_string()),
        );
        return Ok(Outcome::NoOutput);
    }
    Ok(if loaded.partial {
        Outcome::Partial
    } else {
        Outcome::Success
    })
}
