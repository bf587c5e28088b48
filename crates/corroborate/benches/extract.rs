//! Main-text extraction throughput over the real pages of `data/html/` (the path
//! `corroborate clean PAGE.html` and `corroborate eval-extract` take: decode, parse, pick the
//! story, clean its lines), one page after another on one thread. Reads the shared data
//! through `$SHARED_DIR` or `../shared` beside the workspace; skips when it is absent.
//!
//! `cargo bench -p corroborate --bench extract -- --measurement-time 3`

use corroborate::clean::Cleaner;
use corroborate::eval::extract::extract_page;
use criterion::{black_box, criterion_group, criterion_main, Criterion, Throughput};
use std::path::PathBuf;
use std::time::Duration;

// The CLI's allocator, so that the bench times what `corroborate` does.
#[global_allocator]
static GLOBAL: mimalloc::MiMalloc = mimalloc::MiMalloc;

fn shared_path(rel: &str) -> PathBuf {
    match std::env::var_os("SHARED_DIR") {
        Some(dir) => PathBuf::from(dir).join(rel),
        None => PathBuf::from(env!("CARGO_MANIFEST_DIR"))
            .join("../../../shared")
            .join(rel),
    }
}

/// Every page of the gold file, as (file name, bytes).
fn load_pages() -> Option<Vec<(String, Vec<u8>)>> {
    let gold = shared_path("data/html/gold.jsonl");
    let Ok(raw) = std::fs::read_to_string(&gold) else {
        eprintln!("skipping extract: {} not found", gold.display());
        return None;
    };
    let base = gold.parent().expect("a file has a parent").to_path_buf();
    let mut pages = Vec::new();
    for line in raw.lines().filter(|l| !l.trim().is_empty()) {
        let v: serde_json::Value = serde_json::from_str(line).expect("gold lines are JSON");
        let file = v["file"].as_str().expect("gold lines name their file");
        let path = base.join(file);
        let bytes = std::fs::read(&path).expect("every gold page is readable");
        pages.push((path.to_string_lossy().into_owned(), bytes));
    }
    Some(pages)
}

fn bench_extract(c: &mut Criterion) {
    let Some(pages) = load_pages() else {
        return;
    };
    let bytes: usize = pages.iter().map(|(_, b)| b.len()).sum();
    let cleaner = Cleaner::default();
    // A broken extractor fails the bench instead of timing nothing.
    let with_text = pages
        .iter()
        .filter(|(name, b)| !extract_page(name, b, Some(&cleaner)).is_empty())
        .count();
    assert!(
        with_text * 10 >= pages.len() * 9,
        "only {with_text} of {} pages gave text",
        pages.len()
    );
    let mut group = c.benchmark_group("extract");
    group.throughput(Throughput::Bytes(bytes as u64));
    group.sample_size(10);
    group.warm_up_time(Duration::from_secs(1));
    group.bench_function(format!("html_{}_pages", pages.len()), |b| {
        b.iter(|| {
            for (name, page) in &pages {
                black_box(extract_page(name, page, Some(&cleaner)));
            }
        })
    });
    group.finish();
}

criterion_group!(benches, bench_extract);
criterion_main!(benches);
