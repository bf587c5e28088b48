//! `corroborate eval-extract`: extract the main text of every page of a gold file and score it
//! as `score_html.py` does.

use crate::Outcome;
use anyhow::Context;
use corroborate::clean::Cleaner;
use corroborate::eval::extract::{extract_page, score_page, summarise, ExtractSummary, PageScore};
use corroborate::eval::{median, CpuClock};
use std::collections::BTreeMap;
use std::io::Write;
use std::path::{Path, PathBuf};

/// Score main-text extraction on pages with human gold text (the `html/` format).
#[derive(clap::Args)]
#[command(
    after_help = "Pages go through the same code as `corroborate clean PAGE.html`.\n\
    --split: the frozen split of the tuning work, by FNV-1a 64 of the page id: heldout when the\n\
    hash is divisible by 3, dev otherwise.\n\
    pages/s: CPU time of this thread in `extract_page` only (decoding, extraction, line cleaner;\n\
    not reading the files, not scoring). With --passes N > 1 the scored pass is a warm-up and\n\
    N further passes over the pages (read into memory first, no scoring in between) are timed;\n\
    the median pass gives pages/s.\n\nExample:\n  \
    corroborate eval-extract ../shared/data/html/gold.jsonl --by page_type"
)]
pub struct Args {
    /// Gold JSONL: one page a line, `{"id", "file", "text", "source", "lang", "page_type"}`.
    gold: PathBuf,
    /// Directory of the pages (`<id>.html`); default: each line's `file`, relative to the gold
    /// file's directory.
    #[arg(long)]
    pages: Option<PathBuf>,
    /// Also report per value of this gold field (source, lang, page_type, ...).
    #[arg(long)]
    by: Option<String>,
    /// Score only this part of the frozen split.
    #[arg(long, value_parser = ["all", "dev", "heldout"], default_value = "all")]
    split: String,
    /// Write each page's extracted text to DIR, one file ID.txt per page.
    #[arg(long, value_name = "DIR")]
    write: Option<PathBuf>,
    /// Score the text as ingested, before the line cleaner (diagnosis).
    #[arg(long, hide = true)]
    no_line_clean: bool,
    /// Print one JSON object instead of a table.
    #[arg(long)]
    json: bool,
    /// Timed passes over the pages after the scored one (the median pass is reported; 1 times
    /// only the scored pass).
    #[arg(long, default_value_t = 1, value_parser = clap::value_parser!(u32).range(1..))]
    passes: u32,
}

/// The frozen dev/held-out split: FNV-1a 64 of the id, held out when divisible by 3.
pub fn is_heldout(id: &str) -> bool {
    let mut h: u64 = 0xcbf2_9ce4_8422_2325;
    for b in id.bytes() {
        h ^= u64::from(b);
        h = h.wrapping_mul(0x0000_0100_0000_01b3);
    }
    h.is_multiple_of(3)
}

struct Page {
    id: String,
    path: PathBuf,
    text: String,
    fields: serde_json::Map<String, serde_json::Value>,
}

fn read_gold(args: &Args) -> anyhow::Result<Vec<Page>> {
    let raw = std::fs::read_to_string(&args.gold)
        .with_context(|| format!("cannot read {}", args.gold.display()))?;
    let base = args.gold.parent().unwrap_or(Path::new("."));
    let mut pages = Vec::new();
    for (n, line) in raw.lines().enumerate() {
        if line.trim().is_empty() {
            continue;
        }
        let v: serde_json::Value = serde_json::from_str(line)
            .with_context(|| format!("{}:{}: not JSON", args.gold.display(), n + 1))?;
        let serde_json::Value::Object(fields) = v else {
            anyhow::bail!("{}:{}: not a JSON object", args.gold.display(), n + 1);
        };
        let field = |k: &str| fields.get(k).and_then(|x| x.as_str()).map(str::to_string);
        let id =
            field("id").with_context(|| format!("{}:{}: no \"id\"", args.gold.display(), n + 1))?;
        let keep = match args.split.as_str() {
            "dev" => !is_heldout(&id),
            "heldout" => is_heldout(&id),
            _ => true,
        };
        if !keep {
            continue;
        }
        let path = match (&args.pages, field("file")) {
            (Some(dir), _) => dir.join(format!("{id}.html")),
            (None, Some(file)) => base.join(file),
            (None, None) => base.join(format!("{id}.html")),
        };
        pages.push(Page {
            text: field("text").unwrap_or_default(),
            id,
            path,
            fields,
        });
    }
    Ok(pages)
}

/// Run the command.
pub fn run(args: Args) -> anyhow::Result<Outcome> {
    let pages = read_gold(&args)?;
    if let Some(dir) = &args.write {
        std::fs::create_dir_all(dir).with_context(|| format!("cannot create {}", dir.display()))?;
    }
    let cleaner = Cleaner::default();
    let cleaner = (!args.no_line_clean).then_some(&cleaner);
    let mut missing = 0usize;
    let inputs: Vec<(String, Vec<u8>)> = pages
        .iter()
        .map(|page| {
            let bytes = std::fs::read(&page.path).unwrap_or_else(|e| {
                eprintln!("corroborate: {}: cannot read: {e}", page.path.display());
                missing += 1;
                Vec::new()
            });
            (page.path.to_string_lossy().into_owned(), bytes)
        })
        .collect();
    let mut rows: Vec<PageScore> = Vec::with_capacity(pages.len());
    let mut first_seconds = 0.0;
    for (page, (name, bytes)) in pages.iter().zip(&inputs) {
        let start = CpuClock::start();
        let pred = extract_page(name, bytes, cleaner);
        first_seconds += start.seconds();
        if let Some(dir) = &args.write {
            let out = dir.join(format!("{}.txt", page.id));
            std::fs::write(&out, &pred)
                .with_context(|| format!("cannot write {}", out.display()))?;
        }
        rows.push(score_page(&page.text, &pred));
    }
    // Further passes: extraction only, outputs discarded (the first pass was the warm-up).
    let pass_seconds: Vec<f64> = if args.passes > 1 {
        (0..args.passes)
            .map(|_| {
                inputs
                    .iter()
                    .map(|(name, bytes)| {
                        let start = CpuClock::start();
                        std::hint::black_box(extract_page(name, bytes, cleaner));
                        start.seconds()
                    })
                    .sum()
            })
            .collect()
    } else {
        vec![first_seconds]
    };
    let overall = summarise(&rows);
    let mut groups: BTreeMap<String, Vec<PageScore>> = BTreeMap::new();
    if let Some(by) = &args.by {
        for (page, row) in pages.iter().zip(&rows) {
            let key = match page.fields.get(by) {
                Some(serde_json::Value::String(s)) => s.clone(),
                Some(v) => v.to_string(),
                None => "None".to_string(),
            };
            groups.entry(key).or_default().push(*row);
        }
    }
    let per_group: BTreeMap<&String, ExtractSummary> =
        groups.iter().map(|(k, v)| (k, summarise(v))).collect();
    let rate = |seconds: f64| {
        if seconds > 0.0 {
            pages.len() as f64 / seconds
        } else {
            0.0
        }
    };
    let pages_per_second = rate(median(&pass_seconds));
    let stdout = std::io::stdout();
    let mut out = std::io::BufWriter::new(stdout.lock());
    if args.json {
        let v = serde_json::json!({
            "gold": args.gold,
            "split": args.split,
            "overall": overall,
            "by": args.by,
            "groups": per_group,
            "pages_per_second": pages_per_second,
            "passes": pass_seconds.len(),
            "pass_pages_per_second": pass_seconds.iter().map(|&s| rate(s)).collect::<Vec<_>>(),
            "first_pass_pages_per_second": rate(first_seconds),
        });
        writeln!(out, "{v}")?;
    } else {
        writeln!(
            out,
            "{:24} {:>5} {:>5} {:>6} {:>6} {:>6}   {:>6} {:>6} {:>6}",
            "group", "pages", "empty", "P", "R", "F1", "sh4-P", "sh4-R", "sh4-F1"
        )?;
        let all = String::from("ALL");
        for (name, s) in per_group
            .iter()
            .map(|(k, v)| (*k, v))
            .chain([(&all, &overall)])
        {
            let name: String = name.chars().take(24).collect();
            writeln!(
                out,
                "{name:24} {:5} {:5} {:6.3} {:6.3} {:6.3}   {:6.3} {:6.3} {:6.3}",
                s.pages,
                s.empty,
                s.precision,
                s.recall,
                s.f1,
                s.sh4_precision,
                s.sh4_recall,
                s.sh4_f1
            )?;
        }
        writeln!(
            out,
            "F1 (mean of per-page bag-of-tokens F1) = {:.4}; pages with no output: {}; \
             {:.0} pages/s on one core",
            overall.f1, overall.empty, pages_per_second
        )?;
        if pass_seconds.len() > 1 {
            let each: Vec<String> = pass_seconds
                .iter()
                .map(|&s| format!("{:.0}", rate(s)))
                .collect();
            writeln!(
                out,
                "pages/s: median of {} timed passes ({}) after the scored pass ({:.0})",
                pass_seconds.len(),
                each.join(", "),
                rate(first_seconds)
            )?;
        }
    }
    out.flush()?;
    Ok(if missing > 0 {
        Outcome::Partial
    } else {
        Outcome::Success
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn split_is_fnv1a_mod_3() {
        // FNV-1a 64 of "" is the offset basis, 0xcbf29ce484222325 = 14695981039346656037.
        assert_eq!(
            is_heldout(""),
            14_695_981_039_346_656_037u64.is_multiple_of(3)
        );
        let held = (0..300).filter(|i| is_heldout(&format!("p{i}"))).count();
        assert!((70..130).contains(&held), "{held}");
    }
}
