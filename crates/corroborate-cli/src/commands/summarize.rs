//! `corroborate summarize`: an extractive summary of each cluster.

use crate::empty_output;
use crate::inputs::load;
use crate::Outcome;
use corroborate::summarize::SummarizerConfig;
use corroborate::{Budget, Method, Pipeline, PreparedCluster, Summary};
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
    #[arg(long, default_value = "text", value_parser = ["text", "md", "json"])]
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

/// Run the command.
pub fn run(args: Args) -> anyhow::Result<Outcome> {
    let method = Method::from_name(&args.method).expect("clap checked the method name");
    let count = |n: u64| usize::try_from(n).unwrap_or(usize::MAX);
    let budget = match args.sentences {
        Some(n) => Budget::Sentences(count(n)),
        None => Budget::Words(count(args.words)),
    };
    let config = SummarizerConfig { method, budget };
    let loaded = load(&args.inputs)?;
    let pipeline = Pipeline::default();
    let stdout = std::io::stdout();
    let mut out = std::io::BufWriter::new(stdout.lock());
    let (mut printed, mut empty) = (0usize, 0usize);
    for cluster in loaded.clusters {
        let prepared = pipeline.prepare(cluster);
        let summary = config.summarize(&prepared);
        if summary.sentences.is_empty() {
            let why = empty_output::why_no_summary(&prepared, method, budget);
            empty_output::report(&format!("cluster {}", prepared.id), &why);
            empty += 1;
            continue;
        }
        let n = printed;
        printed += 1;
        match args.format.as_str() {
            "json" => writeln!(out, "{}", json(&prepared, &summary, budget))?,
            "md" => {
                if n > 0 {
                    writeln!(out)?;
                }
                write!(out, "{}", markdown(&prepared, &summary))?;
            }
            _ => {
                if n > 0 {
                    writeln!(out)?;
                }
                for &i in &summary.sentences {
                    writeln!(out, "{}", prepared.text(i))?;
                }
            }
        }
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

fn json(cluster: &PreparedCluster, summary: &Summary, budget: Budget) -> serde_json::Value {
    serde_json::json!({
        "id": cluster.id,
        "method": summary.method,
        "budget": budget,
        "words": summary.words(cluster),
        "sentences": summary.sentences.iter().map(|&i| {
            let s = &cluster.sentences[i];
            serde_json::json!({
                "doc": cluster.docs[s.doc].id,
                "start": s.span.start,
                "end": s.span.end,
                "text": cluster.text(i),
            })
        }).collect::<Vec<_>>(),
    })
}

/// Sentences as one paragraph, each followed by `[n]`; sources numbered in input order (as
/// `brief` numbers them) and listed below.
fn markdown(cluster: &PreparedCluster, summary: &Summary) -> String {
    let body: Vec<String> = summary
        .sentences
        .iter()
        .map(|&i| format!("{} [{}]", cluster.text(i), cluster.sentences[i].doc + 1))
        .collect();
    let mut out = format!("## {}\n\n{}\n\n", cluster.id, body.join(" "));
    if !cluster.docs.is_empty() {
        out.push_str("Sources:\n\n");
    }
    for (n, doc) in cluster.docs.iter().enumerate() {
        let mut line = format!("{}. ", n + 1);
        line.push_str(doc.title.as_deref().unwrap_or(&doc.id));
        for extra in [
            doc.source.as_deref(),
            doc.published.as_deref(),
            doc.origin.url.as_deref(),
        ]
        .into_iter()
        .flatten()
        {
            line.push_str(", ");
            line.push_str(extra);
        }
        if doc.title.is_some() {
            line.push_str(&format!(" ({})", doc.id));
        }
        out.push_str(&line);
        out.push('\n');
    }
    out
}
