//! HTML extraction on invented news pages with hand-written gold text
//! (`fixtures/ingest/html/NAME.html` and `NAME.gold.txt`): word-level precision and recall,
//! paragraph structure, and page metadata.

use corroborate::ingest::parse_html;
use corroborate::Origin;
use std::collections::HashMap;
use std::path::PathBuf;

fn pages_dir() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/ingest/html")
}

fn page_names() -> Vec<String> {
    let mut names: Vec<String> = std::fs::read_dir(pages_dir())
        .expect("fixture dir")
        .filter_map(|e| {
            let p = e.ok()?.path();
            (p.extension()? == "html").then(|| p.file_stem()?.to_str().map(String::from))?
        })
        .collect();
    names.sort();
    names
}

fn words(text: &str) -> HashMap<String, usize> {
    let mut bag = HashMap::new();
    for w in text
        .split(|c: char| !c.is_alphanumeric())
        .filter(|w| !w.is_empty())
    {
        *bag.entry(w.to_lowercase()).or_insert(0) += 1;
    }
    bag
}

/// (overlap, extracted words, gold words)
fn overlap(got: &str, gold: &str) -> (usize, usize, usize) {
    let (g, r) = (words(got), words(gold));
    let common = g
        .iter()
        .map(|(w, n)| (*n).min(*r.get(w).unwrap_or(&0)))
        .sum();
    (common, g.values().sum(), r.values().sum())
}

fn extract(name: &str) -> (corroborate::Document, String) {
    let dir = pages_dir();
    let html = std::fs::read_to_string(dir.join(format!("{name}.html"))).expect("page");
    let gold = std::fs::read_to_string(dir.join(format!("{name}.gold.txt"))).expect("gold");
    (parse_html(name, &html, Origin::default()), gold)
}

#[test]
fn every_page_has_high_precision_and_recall() {
    let names = page_names();
    assert!(names.len() >= 8, "{names:?}");
    let (mut common, mut got_n, mut gold_n) = (0, 0, 0);
    for name in &names {
        let (doc, gold) = extract(name);
        let (c, g, r) = overlap(&doc.text, &gold);
        let (p, rec) = (c as f64 / g.max(1) as f64, c as f64 / r.max(1) as f64);
        assert!(rec >= 0.95, "{name}: recall {rec:.3}\n{}", doc.text);
        assert!(p >= 0.8, "{name}: precision {p:.3}\n{}", doc.text);
        common += c;
        got_n += g;
        gold_n += r;
    }
    let (p, r) = (common as f64 / got_n as f64, common as f64 / gold_n as f64);
    let f1 = 2.0 * p * r / (p + r);
    assert!(f1 >= 0.95, "micro F1 {f1:.3} (P {p:.3}, R {r:.3})");
}

#[test]
fn paragraph_structure_survives() {
    for name in [
        "amp_page",
        "wire_agency",
        "wordpress_local",
        "magazine_longform",
        "spanish_news",
    ] {
        let (doc, gold) = extract(name);
        assert_eq!(doc.text, gold.trim_end(), "{name}");
    }
}

#[test]
fn lists_become_one_item_per_paragraph() {
    let (doc, _) = extract("amp_page");
    assert!(doc
        .text
        .contains("The new locations are:\n\nPalm Street Library, 220 Palm Street\n\nRiverside"));
}

#[test]
fn titles_and_dates_come_from_page_metadata() {
    let meta: serde_json::Value = serde_json::from_str(
        &std::fs::read_to_string(pages_dir().join("expected_meta.json")).expect("meta"),
    )
    .expect("json");
    for name in page_names() {
        let (doc, _) = extract(&name);
        let want = &meta[&name];
        assert_eq!(doc.published.as_deref(), want["date"].as_str(), "{name}");
        assert_eq!(doc.title.as_deref(), want["title"].as_str(), "{name}");
    }
}

#[test]
fn site_name_and_canonical_url() {
    let (doc, _) = extract("wordpress_local");
    assert_eq!(doc.source.as_deref(), Some("The Millbrook Courier"));
    let (doc, _) = extract("wire_agency");
    assert_eq!(doc.source.as_deref(), Some("Polar Wire"));
    let (doc, _) = extract("amp_page");
    assert_eq!(
        doc.origin.url.as_deref(),
        Some("https://valleysun.example/news/cooling-centres")
    );
}

#[test]
fn furniture_stays_out() {
    for name in page_names() {
        let (doc, _) = extract(&name);
        for furniture in [
            "cookie",
            "Cookies",
            "Share this article",
            "All rights reserved",
            "Leave a Reply",
            "Subscribe",
            "Advertisement",
        ] {
            assert!(
                !doc.text.contains(furniture),
                "{name}: {furniture:?} in\n{}",
                doc.text
            );
        }
    }
}
