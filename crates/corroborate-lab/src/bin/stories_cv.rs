//! The four-stream table of story grouping: in-sample (default configuration) and
//! cross-validated (configuration chosen on the other streams), see
//! [`corroborate_lab::stories_cv`].
//!
//! ```text
//! cargo run --release -p corroborate-lab --bin stories_cv               # the shared streams
//! cargo run --release -p corroborate-lab --bin stories_cv -- --check crates/corroborate-lab/stories-cv-floors.json
//! cargo run --release -p corroborate-lab --bin stories_cv -- --json a.jsonl b.jsonl c.jsonl
//! ```
//!
//! Without files it reads the four labelled streams of `$SHARED_DIR/data/stories`
//! (`SHARED_DIR` defaults to `../shared`). `--check FLOORS` exits with status 1 when a
//! figure is below its floor; `--threads N` (default: the available cores); `--points`
//! also prints every grid point's F1 on every stream. The CV column uses the tolerance rule
//! of [`corroborate_lab::stories_cv::cross_validate`], the argmax column the plain best
//! mean on the other streams.
use corroborate_lab::stories_cv::{
    check, cross_validate_scores, default_axes, grid_of, score_grid, Floor, Stream,
};
use std::collections::BTreeMap;

const STREAMS: [&str; 4] = [
    "ecbplus-dev",
    "duc2006-2007-topic-stream",
    "msv-newssearch-clustering",
    "uci-news-aggregator-head5000",
];

fn main() -> Result<(), Box<dyn std::error::Error>> {
    let mut args = std::env::args().skip(1);
    let (mut json, mut floors, mut files) = (false, None, Vec::new());
    let mut points_table = false;
    let mut axes = default_axes();
    let mut threads = std::thread::available_parallelism().map_or(1, |n| n.get());
    while let Some(a) = args.next() {
        match a.as_str() {
            "--json" => json = true,
            "--points" => points_table = true,
            "--check" => floors = Some(args.next().ok_or("--check FLOORS.json")?),
            "--threads" => threads = args.next().ok_or("--threads N")?.parse()?,
            "--grid" => {
                let g: BTreeMap<String, Vec<f64>> =
                    serde_json::from_str(&args.next().ok_or("--grid JSON")?)?;
                axes = g.into_iter().collect();
            }
            _ => files.push(a),
        }
    }
    if files.is_empty() {
        let shared = std::env::var("SHARED_DIR").unwrap_or_else(|_| "../shared".into());
        files = STREAMS
            .iter()
            .map(|s| format!("{shared}/data/stories/{s}.jsonl"))
            .collect();
    }
    if files.len() < 2 {
        return Err("cross-validation needs two streams or more".into());
    }
    let start = std::time::Instant::now();
    let streams: Vec<Stream> = files.iter().map(|f| Stream::read(f)).collect();
    if let Some(s) = streams.iter().find(|s| s.articles.is_empty()) {
        return Err(format!("{}: no articles", s.name).into());
    }
    let points = grid_of(&axes)?;
    let scores = score_grid(&streams, &points, threads);
    let rows = cross_validate_scores(&streams, &points, &scores);
    if json {
        for r in &rows {
            println!("{}", serde_json::to_string(r)?);
        }
    } else {
        println!(
            "| stream | articles | in-sample P / R | in-sample F1 | CV F1 | CV - in-sample | chosen on the others | argmax CV F1 | argmax chosen | best of grid |"
        );
        println!("|---|---|---|---|---|---|---|---|---|---|");
        for r in &rows {
            println!(
                "| {} | {} | {:.3} / {:.3} | {:.3} | {:.3} | {:+.3} | {} | {:.3} | {} | {:.3} |",
                r.stream,
                r.articles,
                r.in_sample_pr.0,
                r.in_sample_pr.1,
                r.in_sample,
                r.cv,
                r.cv - r.in_sample,
                r.chosen,
                r.cv_argmax,
                r.chosen_argmax,
                r.best_in_grid
            );
        }
        let n = rows.len() as f64;
        println!(
            "mean in-sample {:.3}, mean CV {:.3} (argmax {:.3}); {} grid points, {} threads, {:.1} s",
            rows.iter().map(|r| r.in_sample).sum::<f64>() / n,
            rows.iter().map(|r| r.cv).sum::<f64>() / n,
            rows.iter().map(|r| r.cv_argmax).sum::<f64>() / n,
            points.len(),
            threads,
            start.elapsed().as_secs_f64()
        );
        let mean = |p: usize| scores[p].iter().sum::<f64>() / n;
        if points_table {
            for (p, point) in points.iter().enumerate() {
                let each: Vec<String> = scores[p].iter().map(|f| format!("{f:.3}")).collect();
                println!(
                    "point {}: {} (mean {:.3})",
                    point.label,
                    each.join(" / "),
                    mean(p)
                );
            }
        }
        let best = (0..points.len()).fold(0, |b, p| if mean(p) > mean(b) + 1e-12 { p } else { b });
        println!(
            "best mean F1 of the grid on all streams: {:.3} ({}: {})",
            mean(best),
            points[best].label,
            scores[best]
                .iter()
                .map(|f| format!("{f:.3}"))
                .collect::<Vec<_>>()
                .join(" / ")
        );
    }
    if let Some(path) = floors {
        let floors: BTreeMap<String, Floor> =
            serde_json::from_str(&std::fs::read_to_string(&path)?)?;
        let failures = check(&rows, &floors);
        for f in &failures {
            eprintln!("stories_cv: {f}");
        }
        if !failures.is_empty() {
            std::process::exit(1);
        }
        eprintln!("stories_cv: every figure holds its floor ({path})");
    }
    Ok(())
}
