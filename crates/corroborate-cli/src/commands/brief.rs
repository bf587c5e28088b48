//! `corroborate brief`: the cited brief of a cluster (the tool's main command).

use crate::empty_output;
use crate::inputs::load;
use crate::Outcome;
use anyhow::Context;
use corroborate::analyze::brief::{build_brief, default_method, BriefConfig};
use corroborate::render::{render, Format};
use corroborate::{Budget, Method, Pipeline};
use std::io::Write;

/// Write a brief: a summary whose every sentence cites all the sources that report it, with
/// support counts, then quotes, numbers (disagreements side by side), entities, a timeline
/// and the numbered sources.
#[derive(clap::Args)]
#[command(
    after_help = "Examples:\n  corroborate brief examples/harbor-fire/\n  \
    corroborate brief --format html -o brief.html examples/harbor-fire/\n  \
    corroborate brief --format json --cluster ID clusters.jsonl"
)]
pub struct Args {
    /// Output format.
    #[arg(long, default_value = "md", value_parser = format_names())]
    format: String,
    /// Word budget of the summary.
    #[arg(long, default_value_t = 250, value_parser = clap::value_parser!(u64).range(1..))]
    words: u64,
    /// Summarization method of the summary [default: `default` when available, else the
    /// first method listed].
    #[arg(long, value_parser = method_names())]
    method: Option<String>,
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

fn method_names() -> clap::builder::PossibleValuesParser {
    clap::builder::PossibleValuesParser::new(Method::ALL.iter().map(|m| m.name()))
}

fn format_names() -> clap::builder::PossibleValuesParser {
    clap::builder::PossibleValuesParser::new(
        Format::ALL
            .iter()
            .map(|f| f.name())
            .chain(std::iter::once("markdown")),
    )
}

/// Run the command.
pub fn run(args: Args) -> anyhow::Result<Outcome> {
    let format = Format::from_name(&args.format).expect("clap checked the format name");
    let method = match &args.method {
        Some(name) => Method::from_name(name).expect("clap checked the method name"),
        None => default_method(),
    };
    let config = BriefConfig {
        method,
        budget: Budget::Words(usize::try_from(args.words).unwrap_or(usize::MAX)),
        ..BriefConfig::default()
    };
    let loaded = load(&args.inputs)?;
    let mut clusters = loaded.clusters;
    if let Some(id) = &args.cluster {
        clusters.retain(|c| &c.id == id);
        if clusters.is_empty() {
            anyhow::bail!("no cluster with id {id:?} in the inputs");
        }
    }
    if format == Format::Html && clusters.len() > 1 {
        anyhow::bail!(
            "the inputs hold {} clusters; an HTML brief shows one: choose it with --cluster ID",
            clusters.len()
        );
    }
    let several = clusters.len() > 1;
    let pipeline = Pipeline::default();
    let mut text = String::new();
    let (mut k, mut empty) = (0usize, 0usize);
    for cluster in clusters {
        let prepared = pipeline.prepare(cluster);
        let brief = build_brief(&prepared, &config);
        if brief.summary.is_empty() {
            let why = empty_output::why_no_summary(&prepared, method, config.budget);
            empty_output::report(&format!("cluster {}", prepared.id), &why);
            empty += 1;
            continue;
        }
        k += 1;
        match format {
            Format::Json if several => {
                text.push_str(&corroborate::render::json::render(&brief, false));
                text.push('\n');
            }
            _ => {
                if k > 1 {
                    text.push_str(if format == Format::Markdown {
                        "\n---\n\n"
                    } else {
                        "\n"
                    });
                }
                text.push_str(&render(format, &brief, &prepared));
                if !text.ends_with('\n') {
                    text.push('\n');
                }
            }
        }
    }
    if k == 0 {
        return Ok(Outcome::NoOutput);
    }
    match &args.output {
        Some(path) => std::fs::write(path, text)
            .with_context(|| format!("cannot write {}", path.display()))?,
        None => {
            let stdout = std::io::stdout();
            let mut out = stdout.lock();
            out.write_all(text.as_bytes())?;
            out.flush()?;
        }
    }
    Ok(if loaded.partial || empty > 0 {
        Outcome::Partial
    } else {
        Outcome::Success
    })
}
