//! `corroborate eval-stories`: group labelled streams and score them against their gold.

use super::stories::{parse_config, read_articles};
use crate::Outcome;
use corroborate::stories::{score, stream, StoryGrouper};
use std::io::Write;

/// Score story grouping on JSONL files whose articles carry a `gold` story label.
#[derive(clap::Args)]
#[command(
    after_help = "Prints B-cubed precision, recall and F1, the adjusted Rand index and \
    articles per second (grouping only, one thread).\n\nExample:\n  \
    corroborate eval-stories ../shared/data/stories/ecbplus-dev.jsonl"
)]
pub struct Args {
    /// One JSON object per file instead of the table.
    #[arg(long)]
    json: bool,
    /// Grouping parameters as JSON (StoryConfig), for tuning.
    #[arg(long, hide = true)]
    config: Option<String>,
    /// Labelled article JSONL files.
    #[arg(required = true)]
    files: Vec<String>,
}

/// Run the command.
pub fn run(args: Args) -> anyhow::Result<Outcome> {
    let config = parse_config(args.config.as_deref())?;
    let stdout = std::io::stdout();
    let mut out = std::io::BufWriter::new(stdout.lock());
    if !args.json {
        writeln!(
            out,
            "| file | articles | stories (gold) | B3 P | B3 R | B3 F1 | ARI | articles/s |"
        )?;
        writeln!(out, "|---|---|---|---|---|---|---|---|")?;
    }
    let mut partial = false;
    for file in &args.files {
        let (read, p) = read_articles(std::slice::from_ref(file))?;
        partial |= p;
        let (ordered, notes) = stream::prepare(read.articles);
        for m in notes.messages() {
            eprintln!("corroborate: note: {file}: {m}");
        }
        let unlabelled = ordered.iter().filter(|a| a.article.gold.is_none()).count();
        if unlabelled > 0 {
            eprintln!("corroborate: note: {file}: {unlabelled} article(s) without \"gold\" count as one-article stories");
        }
        let start = std::time::Instant::now();
        let mut grouper = StoryGrouper::new(config.clone());
        let mut predicted: Vec<u32> = ordered
            .iter()
            .map(|a| grouper.add_stream(a).story)
            .collect();
        // Scored as reported at the end of the stream (small-story folds followed).
        let reported = grouper.reported_stories();
        for p in &mut predicted {
            *p = reported[*p as usize];
        }
        let seconds = start.elapsed().as_secs_f64();
        let gold: Vec<String> = ordered.iter().map(|a| a.article.gold_label()).collect();
        let s = score(&predicted, &gold);
        let gold_stories = gold.iter().collect::<std::collections::BTreeSet<_>>().len();
        let stories = predicted
            .iter()
            .collect::<std::collections::BTreeSet<_>>()
            .len();
        let rate = ordered.len() as f64 / seconds.max(1e-9);
        if args.json {
            let v = serde_json::json!({
                "file": file, "articles": s.items, "stories": stories,
                "gold_stories": gold_stories, "b3_precision": s.precision, "b3_recall": s.recall,
                "b3_f1": s.f1, "ari": s.ari, "articles_per_second": rate,
            });
            writeln!(out, "{v}")?;
        } else {
            writeln!(
                out,
                "| {file} | {} | {} ({gold_stories}) | {:.3} | {:.3} | {:.3} | {:.3} | {rate:.0} |",
                s.items, stories, s.precision, s.recall, s.f1, s.ari
            )?;
        }
    }
    out.flush()?;
    Ok(if partial {
        Outcome::Partial
    } else {
        Outcome::Success
    })
}
