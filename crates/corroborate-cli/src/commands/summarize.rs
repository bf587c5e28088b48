//! `corroborate summarize`: an extractive summary of each cluster.

use crate::empty_output;
use crate::inputs::load;
use crate::Outcome;
use corroborate::analyze::brief::BriefConfig;
use corroborate::render::SummaryFormat;
use corroborate::{Budget, Config, Corroborate, Method};
use std::io::Write;

/// Summarize the inputs as one cluster (cluster-format JSONL: one summary per cluster).
#[derive(clap::Args)]
#[command(
    after_help = "Example:\n  corroborate summarize --words 100 --format md examples/harbor-fire/"
)]
pub struct Args {
    /// Summarization method.
    #[arg(long, default_value = "default", value_parser = method_names())]
    method: String,
    /// Word budget (whole sentences only).
    #[arg(long, default_value_t = 250, conflicts_with = "sentences",
          value_parser = clap::value_parser!(u64).range(1..))]
    words: u64,
    /// Sentence budget, instead of a word budget.
    #[arg(long, value_parser = clap::value_parser!(u64).range(1..))]
    sentences: Option<u64>,
    /// Output format: text (one sentence per line), md (cited Markdown) or json (JSONL, one
    /// object per cluster with document id and byte span per sentence).
    #[arg(long, default_value = "text", value_parser = format_names())]
    format: String,
    /// Files, directories or `-` for standard input.
    #[arg(required = true)]
    inputs: Vec<String>,
}

fn method_names() -> clap::builder::PossibleValuesParser {
    clap::builder::PossibleValuesParser::new(
        Method::ALL
            .iter()
            .map(|m| clap::builder::PossibleValue::new(m.name()).help(m.description())),
    )
}

fn format_names() -> clap::builder::PossibleValuesParser {
    clap::builder::PossibleValuesParser::new(SummaryFormat::ALL.iter().map(|f| f.name()))
}

/// Run the command.
pub fn run(args: Args) -> anyhow::Result<Outcome> {
    let method = Method::from_name(&args.method).expect("clap checked the method name");
    let format = SummaryFormat::from_name(&args.format).expect("clap checked the format name");
    let count = |n: u64| usize::try_from(n).unwrap_or(usize::MAX);
    let budget = match args.sentences {
        Some(n) => Budget::Sentences(count(n)),
        None => Budget::Words(count(args.words)),
    };
    let corroborate = Corroborate::new(Config {
        brief: BriefConfig {
            method,
            budget,
            ..BriefConfig::default()
        },
        ..Config::default()
    });
    let loaded = load(&corroborate, &args.inputs)?;
    let stdout = std::io::stdout();
    let mut out = std::io::BufWriter::new(stdout.lock());
    let (mut printed, mut empty) = (0usize, 0usize);
    for cluster in loaded.clusters {
        let prepared = corroborate.prepare(cluster);
        let summary = corroborate.summarize(&prepared);
        if summary.sentences.is_empty() {
            let why = corroborate.why_no_summary(&prepared);
            empty_output::report(&format!("cluster {}", prepared.id), &why);
            empty += 1;
            continue;
        }
        if printed > 0 && format != SummaryFormat::Json {
            writeln!(out)?;
        }
        printed += 1;
        write!(
            out,
            "{}",
            corroborate.render_summary(format, &summary, &prepared)
        )?;
    }
    out.flush()?;
    Ok(if printed == 0 {
        Outcome::NoOutput
    } else if loaded.partial || empty > 0 {
        Outcome::Partial
    } else {
        Outcome::Success
    })
}
