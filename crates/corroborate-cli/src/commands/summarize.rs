//! `corroborate summarize`: an extractive summary of each cluster.

use crate::inputs::load;
use crate::Outcome;
use corroborate::{Budget, Method, Pipeline};
use std::io::Write;

/// Summarize the inputs as one cluster (cluster-format JSONL: one summary per cluster).
#[derive(clap::Args)]
#[command(after_help = "Example:\n  corroborate summarize --words 100 examples/harbor-fire/")]
pub struct Args {
    /// Summarization method.
    #[arg(long, default_value = "lead", value_parser = method_names())]
    method: String,
    /// Word budget.
    #[arg(long, default_value_t = 250)]
    words: usize,
    /// Files, directories or `-` for standard input.
    #[arg(required = true)]
    inputs: Vec<String>,
}

fn method_names() -> clap::builder::PossibleValuesParser {
    clap::builder::PossibleValuesParser::new(Method::ALL.iter().map(|m| m.name()))
}

/// Run the command.
pub fn run(args: Args) -> anyhow::Result<Outcome> {
    let method = Method::from_name(&args.method).expect("clap checked the method name");
    let loaded = load(&args.inputs)?;
    let pipeline = Pipeline::default();
    let stdout = std::io::stdout();
    let mut out = std::io::BufWriter::new(stdout.lock());
    for cluster in loaded.clusters {
        let prepared = pipeline.prepare(cluster);
        let summary = pipeline.summarize(&prepared, method, Budget::Words(args.words));
        writeln!(out, "{}\n", summary.text(&prepared))?;
    }
    out.flush()?;
    Ok(if loaded.partial {
        Outcome::Partial
    } else {
        Outcome::Success
    })
}
