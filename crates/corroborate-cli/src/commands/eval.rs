//! `corroborate eval`: summarize a dataset with one or more methods and score them with ROUGE.

use crate::Outcome;
use anyhow::Context;
use corroborate::eval::{
    evaluate_update_with_progress, update, Floors, MethodReport, Prf, Report, Scorer, ScorerKind,
    Variant,
};
use corroborate::ingest::read_clusters;
use corroborate::{Budget, Method};
use indicatif::{ProgressBar, ProgressDrawTarget, ProgressStyle};
use std::io::Write;
use std::path::PathBuf;
use std::sync::atomic::{AtomicBool, Ordering};
use std::time::{Duration, Instant};

const DEFAULT_WORDS: usize = 250;

/// Summarize every cluster of a dataset with each method and score against its references.
#[derive(clap::Args)]
#[command(
    after_help = "Timing: clusters/s and MB/s count cleaning, segmentation and sentence \
selection of each cluster, summed over worker threads (a single-core rate); scoring and \
one-off set-up (each worker first summarizes a short built-in report) are not timed. The \
figures are the median of the timed passes over the dataset: the first pass is scored, and a \
method is timed over further passes (summaries discarded) while its passes so far took under \
1 s of CPU, up to --passes; the first pass's rate is shown as well.\n\nExample:\n  corroborate eval multinews-sample100.jsonl --method lead --method oracle --words 250"
)]
pub struct Args {
    /// Dataset in the cluster JSONL format (clusters with reference summaries).
    dataset: PathBuf,
    /// Summarization method; repeat to compare methods side by side [default: the default
    /// method, as in every command].
    #[arg(long = "method", value_parser = method_names())]
    methods: Vec<String>,
    /// Word budget of each summary (and ROUGE-1.5.5's -l limit) [default: 250].
    #[arg(long, value_parser = clap::value_parser!(u64).range(1..))]
    words: Option<u64>,
    /// ROUGE implementation to reproduce [default: rouge-score].
    #[arg(long, value_parser = scorer_names())]
    scorer: Option<String>,
    /// Write {"id","method","summary","references"} per cluster and method, summary and
    /// references one sentence per line as scored, so other tools can rescore them.
    #[arg(long, value_name = "OUT.jsonl")]
    summaries: Option<PathBuf>,
    /// Write per-cluster scores as CSV.
    #[arg(long, value_name = "OUT.csv")]
    per_cluster: Option<PathBuf>,
    /// Print one JSON object instead of the table.
    #[arg(long)]
    json: bool,
    /// Most passes over the dataset to time (the median pass is reported; 1 times only the
    /// scored pass).
    #[arg(long, default_value_t = corroborate::eval::DEFAULT_PASSES as u32,
          value_parser = clap::value_parser!(u32).range(1..))]
    passes: u32,
    /// In an update set (clusters naming the articles read before them in
    /// `meta.earlier_batch_doc_ids`), summarize each cluster alone instead of in update mode.
    #[arg(long)]
    alone: bool,
    /// Fail (exit 1) if a method falls below the floors in FILE; runs the methods it lists.
    #[arg(long, value_name = "FILE")]
    check_floors: Option<PathBuf>,
}

fn method_names() -> clap::builder::PossibleValuesParser {
    clap::builder::PossibleValuesParser::new(Method::ALL.iter().map(|m| m.name()))
}

fn scorer_names() -> clap::builder::PossibleValuesParser {
    clap::builder::PossibleValuesParser::new(ScorerKind::ALL.iter().map(|k| k.name()))
}

/// The run, resolved from the arguments and the floors file.
struct Plan {
    methods: Vec<Method>,
    words: usize,
    scorer: ScorerKind,
    floors: Option<Floors>,
}

fn plan(args: &Args) -> anyhow::Result<Plan> {
    let floors = match &args.check_floors {
        Some(path) => Some(Floors::read(path)?),
        None => None,
    };
    let mut methods: Vec<Method> = args
        .methods
        .iter()
        .map(|m| Method::from_name(m).expect("clap checked the method name"))
        .collect();
    if let Some(f) = &floors {
        for m in f.methods() {
            if !methods.contains(&m) {
                methods.push(m);
            }
        }
    }
    if methods.is_empty() {
        methods.push(corroborate::analyze::brief::default_method());
    }
    let scorer = args
        .scorer
        .as_deref()
        .map(|s| ScorerKind::from_name(s).expect("clap checked the scorer name"));
    let (words, scorer) = match &floors {
        Some(f) => {
            if args
                .words
                .is_some_and(|w| usize::try_from(w).ok() != Some(f.words))
                || scorer.is_some_and(|s| s != f.scorer)
            {
                anyhow::bail!(
                    "the floors file is for --words {} --scorer {}; drop those flags or match them",
                    f.words,
                    f.scorer
                );
            }
            (f.words, f.scorer)
        }
        None => (
            args.words
                .map_or(DEFAULT_WORDS, |w| usize::try_from(w).unwrap_or(usize::MAX)),
            scorer.unwrap_or(ScorerKind::RougeScore),
        ),
    };
    if words == 0 {
        anyhow::bail!("--words must be at least 1");
    }
    Ok(Plan {
        methods,
        words,
        scorer,
        floors,
    })
}

/// Run the command.
pub fn run(args: Args) -> anyhow::Result<Outcome> {
    let plan = plan(&args)?;
    let (clusters, errors) = read_clusters(&args.dataset)?;
    // An update set: clusters whose reader has read earlier articles of the set.
    let text = std::fs::read_to_string(&args.dataset)
        .with_context(|| format!("reading {}", args.dataset.display()))?;
    let mut earlier = update::earlier_doc_ids(&text);
    drop(text);
    earlier.retain(|_, v| !v.is_empty());
    let update_set = !earlier.is_empty();
    if args.alone {
        earlier.clear();
    }
    for e in &errors {
        eprintln!("corroborate: error: {e}");
    }
    if clusters.is_empty() {
        anyhow::bail!("no clusters in {}", args.dataset.display());
    }
    let without_refs = clusters.iter().filter(|c| c.refs.is_empty()).count();
    if without_refs > 0 {
        eprintln!(
            "corroborate: warning: {without_refs} clusters have no reference summary; they score 0"
        );
    }

    let scorer = Scorer::new(plan.scorer, Some(plan.words));
    let bar =
        ProgressBar::with_draw_target(Some(clusters.len() as u64), ProgressDrawTarget::hidden());
    bar.set_style(
        ProgressStyle::with_template("{msg} [{bar:40}] {pos}/{len} clusters, {eta} left")
            .expect("static progress template is valid")
            .progress_chars("=> "),
    );
    bar.set_message("eval");
    let started = Instant::now();
    let shown = AtomicBool::new(false);
    let progress = || {
        bar.inc(1);
        if started.elapsed() > Duration::from_secs(1) && !shown.swap(true, Ordering::Relaxed) {
            bar.set_draw_target(ProgressDrawTarget::stderr());
        }
    };
    let mut report = evaluate_update_with_progress(
        update::with_earlier(clusters, &earlier),
        &plan.methods,
        Budget::Words(plan.words),
        &scorer,
        args.passes as usize,
        &progress,
    );
    bar.finish_and_clear();
    report.dataset = args.dataset.display().to_string();

    if let Some(path) = &args.summaries {
        write_summaries(path, &report).with_context(|| format!("writing {}", path.display()))?;
    }
    if let Some(path) = &args.per_cluster {
        write_per_cluster(path, &report).with_context(|| format!("writing {}", path.display()))?;
    }

    let stdout = std::io::stdout();
    let mut out = std::io::BufWriter::new(stdout.lock());
    if args.json {
        serde_json::to_writer_pretty(&mut out, &report)?;
        writeln!(out)?;
    } else {
        write_table(&mut out, &report)?;
        if update_set {
            write_batches(&mut out, &report, args.alone)?;
        }
    }
    out.flush()?;

    if let Some(floors) = &plan.floors {
        let violations = floors.check(&report);
        if !violations.is_empty() {
            let list: Vec<String> = violations.iter().map(ToString::to_string).collect();
            anyhow::bail!("below the score floors:\n  {}", list.join("\n  "));
        }
        eprintln!("corroborate: all score floors met");
    }
    Ok(if errors.is_empty() {
        Outcome::Success
    } else {
        Outcome::Partial
    })
}

fn write_summaries(path: &std::path::Path, report: &Report) -> anyhow::Result<()> {
    let mut out = std::io::BufWriter::new(std::fs::File::create(path)?);
    for cluster in &report.per_cluster {
        for run in &cluster.runs {
            let line = serde_json::json!({
                "id": cluster.id,
                "method": run.method.name(),
                "summary": run.text(),
                "references": cluster.references,
            });
            serde_json::to_writer(&mut out, &line)?;
            writeln!(out)?;
        }
    }
    out.flush()?;
    Ok(())
}

fn write_per_cluster(path: &std::path::Path, report: &Report) -> anyhow::Result<()> {
    let mut out = std::io::BufWriter::new(std::fs::File::create(path)?);
    write!(out, "id,method,words")?;
    for v in Variant::ALL {
        write!(out, ",{0}_p,{0}_r,{0}_f", v.name())?;
    }
    writeln!(out)?;
    for cluster in &report.per_cluster {
        for run in &cluster.runs {
            write!(
                out,
                "{},{},{}",
                csv_field(&cluster.id),
                run.method,
                run.words
            )?;
            for v in Variant::ALL {
                match run.scores.get(v) {
                    Some(Prf { p, r, f }) => write!(out, ",{p:.6},{r:.6},{f:.6}")?,
                    None => write!(out, ",,,")?,
                }
            }
            writeln!(out)?;
        }
    }
    out.flush()?;
    Ok(())
}

fn csv_field(s: &str) -> String {
    if s.contains([',', '"', '\n', '\r']) {
        format!("\"{}\"", s.replace('"', "\"\""))
    } else {
        s.to_string()
    }
}

fn write_table(out: &mut impl Write, report: &Report) -> std::io::Result<()> {
    writeln!(
        out,
        "{}: {} clusters, {} words, scorer {}",
        report.dataset, report.clusters, report.words, report.scorer
    )?;
    let variants: Vec<Variant> = Variant::ALL
        .into_iter()
        .filter(|&v| report.methods.iter().all(|m| m.scores.get(v).is_some()))
        .collect();
    let width = method_width(report);
    for (title, pick) in [
        ("F1", (|p: &Prf| p.f) as fn(&Prf) -> f64),
        ("recall", |p: &Prf| p.r),
    ] {
        writeln!(out)?;
        write!(out, "{:width$}", format!("{title} %"))?;
        for v in &variants {
            write!(out, "  {:>20}", v.name())?;
        }
        writeln!(out)?;
        for m in &report.methods {
            write!(out, "{:width$}", m.method.name())?;
            for &v in &variants {
                write!(out, "  {:>20}", cell(m, v, pick, title == "F1"))?;
            }
            writeln!(out)?;
        }
    }
    writeln!(out)?;
    writeln!(
        out,
        "{:width$}  {:>10}  {:>10}  {:>8}  {:>6}  {:>10}",
        "method", "words", "clusters/s", "MB/s", "passes", "1st pass"
    )?;
    for m in &report.methods {
        writeln!(
            out,
            "{:width$}  {:>10.1}  {:>10.1}  {:>8.3}  {:>6}  {:>10.1}",
            m.method.name(),
            m.mean_words,
            m.clusters_per_s,
            m.mb_per_s,
            m.passes,
            m.first_pass_clusters_per_s
        )?;
    }
    writeln!(out)?;
    writeln!(
        out,
        "Scores: mean over clusters, in %, [95% bootstrap CI, {} resamples]. Speed: cleaning + \
         segmentation + selection per cluster, in thread CPU time summed over the {} worker \
         thread(s) (a single-core rate, less sensitive to other load than wall time; \
         RAYON_NUM_THREADS=1 for one core alone); one-off set-up and scoring not timed. \
         clusters/s and MB/s: the median of the timed passes over the set (further passes, \
         summaries discarded, while a method's passes took under {} s of CPU); 1st pass: the \
         scored pass, with each worker's vocabulary still being learnt.",
        corroborate::eval::BOOTSTRAP_RESAMPLES,
        rayon::current_num_threads(),
        corroborate::eval::PASS_SECONDS
    )?;
    Ok(())
}

/// Recall per batch of an update set (ROUGE-2 and, from ROUGE-1.5.5, ROUGE-SU4).
fn write_batches(out: &mut impl Write, report: &Report, alone: bool) -> std::io::Result<()> {
    let variants: Vec<Variant> = [Variant::Rouge2, Variant::RougeSu4]
        .into_iter()
        .filter(|&v| report.methods.iter().all(|m| m.scores.get(v).is_some()))
        .collect();
    let rows = update::batch_rows(report, &variants);
    writeln!(out)?;
    writeln!(
        out,
        "{}. Recall per batch (mean over clusters, as ROUGE-1.5.5 -t 0 averages):",
        if alone {
            "Each batch summarized alone (--alone)"
        } else {
            "Update mode: each cluster summarized for a reader of its earlier batches"
        }
    )?;
    let width = method_width(report);
    write!(out, "{:width$}  {:>8}", "method", "batch")?;
    for v in &variants {
        write!(out, "  {:>8}", v.name())?;
    }
    writeln!(out, "  {:>8}", "clusters")?;
    for (m, method) in report.methods.iter().enumerate() {
        for row in &rows {
            write!(out, "{:width$}  {:>8}", method.method.name(), row.batch)?;
            for r in &row.recall[m] {
                write!(out, "  {r:>8.4}")?;
            }
            writeln!(out, "  {:>8}", row.clusters)?;
        }
    }
    Ok(())
}

/// Width of the method column: the longest method name, at least 6.
fn method_width(report: &Report) -> usize {
    report
        .methods
        .iter()
        .map(|m| m.method.name().len())
        .max()
        .unwrap_or(6)
        .max(6)
}

fn cell(m: &MethodReport, v: Variant, pick: fn(&Prf) -> f64, f1: bool) -> String {
    let Some(prf) = m.scores.get(v) else {
        return "-".to_string();
    };
    let ci = m.ci95.get(v.name()).map(|c| if f1 { c.f } else { c.r });
    match ci {
        Some(ci) => format!(
            "{:.2} [{:.2}, {:.2}]",
            100.0 * pick(&prf),
            100.0 * ci.lo,
            100.0 * ci.hi
        ),
        None => format!("{:.2}", 100.0 * pick(&prf)),
    }
}
