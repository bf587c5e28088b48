//! The synthetic stream generator, for reproducible scale measurements.
//!
//! ```text
//! # write 100k articles recombined from the shared story sets
//! cargo run --release -p corroborate-lab --example stream_gen -- --articles 100000 --out /tmp/s100k.jsonl \
//!     ../shared/data/stories/*.jsonl
//! # group 300k generated articles on the fly; print articles/s (CPU time of grouping),
//! # peak resident memory and B-cubed F1 against the synthetic stories
//! cargo run --release -p corroborate-lab --example stream_gen -- --articles 300000 --bench ../shared/data/stories/*.jsonl
//! # the same with another grouping configuration (StoryConfig as JSON)
//! cargo run --release -p corroborate-lab --example stream_gen -- --articles 10000 --bench \
//!     --config '{"background_docs":0}' ../shared/data/stories/*.jsonl
//! ```
use corroborate::dates::parse_date;
use corroborate::stories::stream::StreamArticle;
use corroborate::stories::{read_story_inputs, score, StoryConfig, StoryGrouper};
use corroborate_lab::stream_gen::{StreamGenConfig, StreamGenerator};
use std::io::Write;

fn main() -> Result<(), Box<dyn std::error::Error>> {
    let mut args = std::env::args().skip(1);
    let (mut n, mut seed, mut out, mut bench, mut seeds) =
        (10_000usize, 7u64, None, false, Vec::new());
    let mut story_config = StoryConfig::default();
    while let Some(a) = args.next() {
        match a.as_str() {
            "--articles" => n = args.next().ok_or("--articles N")?.parse()?,
            "--seed" => seed = args.next().ok_or("--seed N")?.parse()?,
            "--out" => out = Some(args.next().ok_or("--out FILE")?),
            "--bench" => bench = true,
            "--config" => {
                story_config = serde_json::from_str(&args.next().ok_or("--config JSON")?)?
            }
            _ => seeds.push(a),
        }
    }
    let read = read_story_inputs(&seeds);
    let config = StreamGenConfig {
        seed,
        ..StreamGenConfig::default()
    };
    let generator = StreamGenerator::new(read.articles, config).ok_or("no seed articles")?;
    if let Some(path) = out {
        let mut f = std::io::BufWriter::new(std::fs::File::create(&path)?);
        for a in generator.take(n) {
            let v = serde_json::json!({"doc_id": a.id, "date": a.published, "source": a.source,
                "title": a.title, "gold": a.gold, "text": a.text});
            writeln!(f, "{v}")?;
        }
        f.flush()?;
        return Ok(());
    }
    if !bench {
        return Err("give --out FILE or --bench".into());
    }
    let mut grouper = StoryGrouper::new(story_config);
    let mut generator = generator;
    let (mut cpu_ns, mut done, mut words) = (0u64, 0usize, 0usize);
    let (mut predicted, mut gold) = (Vec::with_capacity(n), Vec::with_capacity(n));
    let wall = std::time::Instant::now();
    while done < n {
        let batch: Vec<StreamArticle> = generator
            .by_ref()
            .take((n - done).min(1000))
            .map(|a| {
                let date = a.published.as_deref().and_then(parse_date);
                StreamArticle { article: a, date }
            })
            .collect();
        words += batch
            .iter()
            .map(|a| a.article.text.split_whitespace().count())
            .sum::<usize>();
        let before = thread_cpu_ns();
        for a in &batch {
            predicted.push(grouper.add_stream(a).story);
        }
        cpu_ns += thread_cpu_ns() - before;
        gold.extend(
            batch
                .into_iter()
                .map(|a| a.article.gold.unwrap_or_default()),
        );
        done = predicted.len();
    }
    // Scored as reported at the end of the stream (small-story folds followed); timed.
    let before = thread_cpu_ns();
    let reported = grouper.reported_stories();
    for p in &mut predicted {
        *p = reported[*p as usize];
    }
    cpu_ns += thread_cpu_ns() - before;
    let s = score(&predicted, &gold);
    let secs = cpu_ns as f64 / 1e9;
    let stories = predicted
        .iter()
        .collect::<std::collections::HashSet<_>>()
        .len();
    println!(
        "articles {n} | words/article {:.0} | grouping CPU {secs:.2} s | {:.0} articles/s | wall {:.1} s | peak RSS {} MB | stories {} (gold {}) | B3 F1 {:.3}",
        words as f64 / n as f64,
        n as f64 / secs,
        wall.elapsed().as_secs_f64(),
        peak_rss_kb() / 1024,
        stories,
        gold.iter().collect::<std::collections::HashSet<_>>().len(),
        s.f1
    );
    Ok(())
}

/// CPU time of this thread in nanoseconds (Linux schedstat), so that a loaded machine does
/// not inflate the measurement.
fn thread_cpu_ns() -> u64 {
    std::fs::read_to_string("/proc/thread-self/schedstat")
        .ok()
        .and_then(|s| s.split_whitespace().next().and_then(|v| v.parse().ok()))
        .unwrap_or(0)
}

/// Peak resident set size (VmHWM) in kB.
fn peak_rss_kb() -> u64 {
    std::fs::read_to_string("/proc/self/status")
        .ok()
        .and_then(|s| {
            s.lines()
                .find(|l| l.starts_with("VmHWM:"))
                .and_then(|l| l.split_whitespace().nth(1).and_then(|v| v.parse().ok()))
        })
        .unwrap_or(0)
}
