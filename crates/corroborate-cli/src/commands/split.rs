//! `corroborate split`: one sentence per line.

use crate::empty_output;
use crate::inputs::load;
use crate::Outcome;
use corroborate::{Config, Corroborate};
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
    let corroborate = Corroborate::new(Config {
        keep_all_lines: !args.clean,
        ..Config::default()
    });
    let loaded = load(&corroborate, &args.inputs)?;
    let stdout = std::io::stdout();
    let mut out = std::io::BufWriter::new(stdout.lock());
    let mut printed_any = false;
    let mut why = None;
    for cluster in loaded.clusters {
        let prepared = corroborate.prepare(cluster);
        if prepared.sentences.is_empty() {
            why = why.or_else(|| Corroborate::why_no_sentences(&prepared));
        }
        for range in &prepared.doc_sentences {
            if range.is_empty() {
                continue;
            }
            if !args.json && printed_any {
                writeln!(out)?;
            }
            printed_any = true;
            for i in range.clone() {
                if args.json {
                    writeln!(out, "{}", corroborate.sentence_json(&prepared, i))?;
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
