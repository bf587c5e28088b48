//! `corroborate eval-analysis`: score support and contradictions against hand labels.

use crate::inputs::load;
use crate::Outcome;
use anyhow::Context;
use corroborate::analyze::support::SupportConfig;
use corroborate::analyze::support_eval::{evaluate, parse_labels, Fold};
use corroborate::Corroborate;
use std::collections::BTreeSet;
use std::io::Write;

/// Score who-reports-what against labels: for each labelled anchor sentence and each other
/// document, whether our analysis says that document reports it (`yes` pairs scored,
/// `partial` not) or contradicts it.
#[derive(clap::Args)]
#[command(
    after_help = "DATA are the cluster JSONL files and directories of articles that hold the \
    labelled documents (matched by document id).\n\nExample:\n  corroborate eval-analysis \
    ../shared/data/labels/support-dev.jsonl ../shared/data/summarization/neus-val.jsonl \
    ../shared/data/summarization/duc2006.jsonl ../shared/seeds"
)]
pub struct Args {
    /// One JSON object instead of the table.
    #[arg(long)]
    json: bool,
    /// Score only one half of the labels (`dev` or `heldout`); default all.
    #[arg(long, value_parser = ["dev", "heldout"])]
    fold: Option<String>,
    /// Print every scored pair that was wrong (JSON Lines, to standard error).
    #[arg(long)]
    errors: bool,
    /// Support settings as JSON (SupportConfig), for tuning.
    #[arg(long, hide = true)]
    config: Option<String>,
    /// Label file (JSON Lines, one anchor sentence a line).
    labels: String,
    /// Cluster JSONL files, article files or directories holding the labelled documents.
    #[arg(required = true)]
    data: Vec<String>,
}

/// Run the command.
pub fn run(args: Args) -> anyhow::Result<Outcome> {
    let config: SupportConfig = match &args.config {
        Some(c) => serde_json::from_str(c).context("bad --config")?,
        None => SupportConfig::default(),
    };
    let fold = match args.fold.as_deref() {
        Some("dev") => Some(Fold::Dev),
        Some("heldout") => Some(Fold::Heldout),
        _ => None,
    };
    let text = std::fs::read_to_string(&args.labels)
        .with_context(|| format!("cannot read {}", args.labels))?;
    let anchors = parse_labels(&text).map_err(|e| anyhow::anyhow!("{}: {e}", args.labels))?;
    let wanted: BTreeSet<&str> = anchors.iter().map(|a| a.doc.as_str()).collect();
    let corroborate = Corroborate::default();
    let loaded = load(&corroborate, &args.data)?;
    // Only the clusters that hold a labelled anchor are prepared.
    let clusters: Vec<_> = loaded
        .clusters
        .into_iter()
        .filter(|c| c.docs.iter().any(|d| wanted.contains(d.id.as_str())))
        .map(|c| corroborate.prepare(c))
        .collect();
    let (sets, pairs) = evaluate(&anchors, &clusters, fold, &config);
    let stdout = std::io::stdout();
    let mut out = std::io::BufWriter::new(stdout.lock());
    if args.json {
        let value = serde_json::json!({
            "fold": args.fold.as_deref().unwrap_or("all"),
            "sets": sets.iter().map(|s| serde_json::json!({
                "set": s.set,
                "anchors": s.anchors,
                "unmatched": s.unmatched,
                "support": {"precision": s.support.precision(), "recall": s.support.recall(),
                    "f1": s.support.f1(), "tp": s.support.tp, "fp": s.support.fp,
                    "fn": s.support.fn_},
                "contradictions": {"precision": s.contradictions.precision(),
                    "recall": s.contradictions.recall(), "tp": s.contradictions.tp,
                    "fp": s.contradictions.fp, "fn": s.contradictions.fn_},
            })).collect::<Vec<_>>(),
        });
        writeln!(out, "{value}")?;
    } else {
        writeln!(
            out,
            "| set | anchors | support P | R | F1 | tp/fp/fn | contradictions P | R | tp/fp/fn |"
        )?;
        writeln!(out, "|---|---|---|---|---|---|---|---|---|")?;
        for s in &sets {
            let (a, c) = (s.support, s.contradictions);
            writeln!(
                out,
                "| {} | {}{} | {:.3} | {:.3} | {:.3} | {}/{}/{} | {:.3} | {:.3} | {}/{}/{} |",
                s.set,
                s.anchors,
                if s.unmatched > 0 {
                    format!(" ({} unmatched)", s.unmatched)
                } else {
                    String::new()
                },
                a.precision(),
                a.recall(),
                a.f1(),
                a.tp,
                a.fp,
                a.fn_,
                c.precision(),
                c.recall(),
                c.tp,
                c.fp,
                c.fn_
            )?;
        }
    }
    out.flush()?;
    if args.errors {
        let stderr = std::io::stderr();
        let mut err = stderr.lock();
        for p in &pairs {
            let wrong_support = (p.label == "yes") != p.supported && p.label != "partial";
            let wrong_contra = (p.label == "contradicts") != p.contradicted;
            if wrong_support || wrong_contra || std::env::var_os("EVAL_ALL_PAIRS").is_some() {
                writeln!(err, "{}", serde_json::to_string(p)?)?;
            }
        }
    }
    Ok(if loaded.partial {
        Outcome::Partial
    } else {
        Outcome::Success
    })
}
