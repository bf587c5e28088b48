//! The line cleaner on real pages: the L3S-GN1 news pages as plain text, every line labelled
//! by human assessors (../shared/data/furniture). A gold line counts as kept as
//! `score_furniture.py` counts it (whitespace-normalised, equal to an output line, or found
//! inside the output when it has 25 characters or more); the test checks that it reproduces
//! the script's counts when python3 is there, and gates the keep and removal rates.
//!
//! Split, frozen before tuning: a page is held out when the FNV-1a 64 hash of its `doc_id` is
//! divisible by 3 (24 of 65 pages); the rules were tuned on the other 41 only.
//!
//! `SHARED_DIR=../shared cargo test --release -p corroborate --test clean_l3s -- --nocapture`
//! prints the table.

mod common;

use corroborate::clean::Cleaner;
use corroborate::Document;
use std::collections::{BTreeMap, BTreeSet};

const GOLD: &str = "data/furniture/l3s-gn1-dev-blocks.jsonl";
const CONTENT: [&str; 2] = ["fulltext", "headline"];

/// FNV-1a, 64 bits: a hash any tool can reproduce to find the split.
fn fnv1a(s: &str) -> u64 {
    s.bytes().fold(0xcbf2_9ce4_8422_2325, |h, b| {
        (h ^ u64::from(b)).wrapping_mul(0x0000_0100_0000_01b3)
    })
}

fn held_out(doc_id: &str) -> bool {
    fnv1a(doc_id).is_multiple_of(3)
}

fn norm(s: &str) -> String {
    s.split_whitespace().collect::<Vec<_>>().join(" ")
}

/// Lines and kept lines per label.
#[derive(Default)]
struct Tally {
    lines: BTreeMap<String, (usize, usize)>,
}

impl Tally {
    fn add(&mut self, label: &str, kept: bool) {
        let e = self.lines.entry(label.to_string()).or_default();
        e.0 += 1;
        e.1 += usize::from(kept);
    }

    fn rate(&self, labels: &[&str], content: bool) -> f64 {
        let (n, k) = self
            .lines
            .iter()
            .filter(|(l, _)| labels.contains(&l.as_str()) == content)
            .fold((0, 0), |(n, k), (_, &(a, b))| (n + a, k + b));
        if content {
            k as f64 / n.max(1) as f64
        } else {
            (n - k) as f64 / n.max(1) as f64
        }
    }

    fn row(&self, name: &str) -> String {
        let labels: Vec<String> = self
            .lines
            .iter()
            .map(|(l, &(n, k))| format!("{l} {k}/{n} kept"))
            .collect();
        format!(
            "{name:8} content kept {:.3}, furniture removed {:.3} ({})",
            self.rate(&CONTENT, true),
            self.rate(&CONTENT, false),
            labels.join(", ")
        )
    }
}

struct Page {
    id: String,
    output: String,
    held_out: bool,
    labels: Vec<(String, bool)>,
}

fn clean_pages() -> Option<Vec<Page>> {
    let path = common::shared(GOLD)?;
    let text = std::fs::read_to_string(path).expect("readable gold file");
    let cleaner = Cleaner::default();
    let mut pages = Vec::new();
    for line in text.lines().filter(|l| !l.trim().is_empty()) {
        let g: serde_json::Value = serde_json::from_str(line).expect("gold line is JSON");
        let id = g["doc_id"].as_str().expect("doc_id").to_string();
        let doc = Document::from_text(id.clone(), g["text"].as_str().expect("text"));
        let output = cleaner.clean_document(&doc).text(&doc);
        let out_lines: BTreeSet<String> = output
            .lines()
            .filter(|l| !l.trim().is_empty())
            .map(norm)
            .collect();
        let flat = norm(&output);
        let labels = g["lines"]
            .as_array()
            .expect("lines")
            .iter()
            .map(|l| {
                let t = norm(l["text"].as_str().expect("line text"));
                let kept = out_lines.contains(&t) || (t.chars().count() >= 25 && flat.contains(&t));
                (l["label"].as_str().expect("label").to_string(), kept)
            })
            .collect();
        pages.push(Page {
            held_out: held_out(&id),
            id,
            output,
            labels,
        });
    }
    Some(pages)
}

fn tally<'a>(pages: impl Iterator<Item = &'a Page>) -> Tally {
    let mut t = Tally::default();
    for p in pages {
        for (label, kept) in &p.labels {
            t.add(label, *kept);
        }
    }
    t
}

#[test]
fn l3s_lines_story_kept_and_furniture_removed() {
    let Some(pages) = clean_pages() else { return };
    assert_eq!(pages.len(), 65);
    let dev = tally(pages.iter().filter(|p| !p.held_out));
    let held = tally(pages.iter().filter(|p| p.held_out));
    let all = tally(pages.iter());
    for (name, t) in [("dev", &dev), ("held-out", &held), ("all", &all)] {
        eprintln!("{}", t.row(name));
    }
    // Floors at what the cleaner reaches (see docs/furniture.md); raise them when it improves.
    // Measured: dev 0.977 / 0.905, held-out 0.976 / 0.772, all 0.977 / 0.884.
    for (name, t, content, furniture) in [
        ("dev", &dev, 0.975, 0.900),
        ("held-out", &held, 0.970, 0.765),
        ("all", &all, 0.975, 0.880),
    ] {
        assert!(
            t.rate(&CONTENT, true) >= content,
            "{name}: content kept below {content}\n{}",
            t.row(name)
        );
        assert!(
            t.rate(&CONTENT, false) >= furniture,
            "{name}: furniture removed below {furniture}\n{}",
            t.row(name)
        );
    }
    // Headlines are short and often title-cased: they must not go as navigation, nor as lines
    // above the story sharing no word with it (measured 71 of 72 kept).
    assert!(
        all.rate(&["headline"], true) >= 0.97,
        "headlines kept below 0.97\n{}",
        all.row("all")
    );
}

/// The counts above are score_furniture.py's: run the script on the same outputs.
#[test]
fn l3s_counts_agree_with_score_furniture_py() {
    let Some(pages) = clean_pages() else { return };
    let Some(script) = common::shared("data/furniture/score_furniture.py") else {
        return;
    };
    let dir = std::env::temp_dir().join(format!("corroborate-l3s-{}", std::process::id()));
    std::fs::create_dir_all(&dir).expect("temporary directory");
    for p in &pages {
        std::fs::write(dir.join(format!("{}.txt", p.id)), &p.output).expect("write output");
    }
    let gold = common::shared(GOLD).expect("gold file");
    let out = std::process::Command::new("python3")
        .arg(&script)
        .arg(&gold)
        .arg(&dir)
        .output();
    let _ = std::fs::remove_dir_all(&dir);
    let out = match out {
        Ok(o) if o.status.success() => o,
        other => {
            assert!(
                std::env::var_os("CI").is_none(),
                "python3 score_furniture.py failed in CI: {other:?}"
            );
            eprintln!("skipping: python3 could not run score_furniture.py: {other:?}");
            return;
        }
    };
    let stdout = String::from_utf8(out.stdout).expect("UTF-8");
    let all = tally(pages.iter());
    let mut checked = 0;
    for line in stdout.lines() {
        let cols: Vec<&str> = line.split_whitespace().collect();
        if let Some(&(n, k)) = cols.first().and_then(|l| all.lines.get(*l)) {
            assert_eq!(cols[1], n.to_string(), "{line}");
            assert_eq!(cols[2], k.to_string(), "{line}");
            checked += 1;
        }
    }
    assert_eq!(checked, all.lines.len(), "every label scored:\n{stdout}");
}
