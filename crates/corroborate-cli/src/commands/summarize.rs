//! `corroborate summarize`: an extractive summary of each cluster.

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
    #[arg(long, default_value_t = 250, conflicts_with = "sentences")]
    words: usize,
    /// Sentence budget, instead of a word budget.
    #[arg(long)]
    sentences: Option<usize>,
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
    let budget = match args.sentences {
        Some(0) => anyhow::bail!("--sentences must be at least 1"),
        Some(n) => Budget::Sentences(n),
        None if args.words == 0 => anyhow::bail!("--words must be at least 1"),
        None => Budget::Words(args.words),
    };
    let config = SummarizerConfig { method, budget };
    let loaded = load(&args.inputs)?;
    let pipeline = Pipeline::default();
    let stdout = std::io::stdout();
    let mut out = std::io::BufWriter::new(stdout.lock());
    for (n, cluster) in loaded.clusters.into_iter().enumerate() {
        let prepared = pipeline.prepare(cluster);
        let summary = config.summarize(&prepared);
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
    Ok(if loaded.partial {
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

/// Sentences as one paragraph, each followed by `[n]`; sources numbered in order of first
/// citation and listed below.
fn markdown(cluster: &PreparedCluster, summary: &Summary) -> String {
    let mut cited: Vec<usize> = Vec::new();
    let mut body = Vec::new();
    for &i in &summary.sentences {
        let doc = cluster.sentences[i].doc;
        let n = match cited.iter().position(|&d| d == doc) {
            Some(p) => p + 1,
            None => {
                cited.push(doc);
                cited.len()
            }
        };
        body.push(format!("{} [{n}]", cluster.text(i)));
    }
    let mut out = format!("## {}\n\n{}\n\n", cluster.id, body.join(" "));
    if !cited.is_empty() {
        out.push_str("Sources:\n\n");
    }
    for (n, &d) in cited.iter().enumerate() {
        let doc = &cluster.docs[d];
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
