//! The brief of a 10-article cluster (the first 10 documents of the first DUC 2006 topic),
//! from raw documents to Markdown, and from a prepared cluster to the `Brief`.
//! Target (issue 18): under 50 ms for the brief of a 10-article cluster.
//!
//! `cargo bench -p corroborate --bench brief` (reads `$SHARED_DIR` or `../shared`; falls back
//! to the invented example cluster in `examples/harbor-fire/` when the shared data is absent).

use corroborate::analyze::brief::{build_brief, BriefConfig};
use corroborate::ingest::{read_clusters, read_inputs, IngestOptions};
use corroborate::render::{render, Format};
use corroborate::{Cluster, Pipeline};
use criterion::{criterion_group, criterion_main, Criterion, Throughput};
use std::path::PathBuf;

fn cluster() -> Cluster {
    let shared = std::env::var("SHARED_DIR")
        .map(PathBuf::from)
        .unwrap_or_else(|_| PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("../../../shared"));
    let duc = shared.join("data/summarization/duc2006.jsonl");
    if let Ok((clusters, _)) = read_clusters(&duc) {
        if let Some(mut c) = clusters.into_iter().next() {
            c.docs.truncate(10);
            return c;
        }
    }
    eprintln!(
        "duc2006 not found at {}; using examples/harbor-fire",
        duc.display()
    );
    let dir = PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("../../examples/harbor-fire");
    let ingested = read_inputs(&[dir.display().to_string()], &IngestOptions::default());
    Cluster {
        id: "harbor-fire".into(),
        docs: ingested.documents,
        ..Cluster::default()
    }
}

fn bench_brief(c: &mut Criterion) {
    let cluster = cluster();
    let bytes: usize = cluster.docs.iter().map(|d| d.text.len()).sum();
    let pipeline = Pipeline::default();
    let config = BriefConfig::default();
    let prepared = pipeline.prepare(cluster.clone());
    let brief = build_brief(&prepared, &config);
    assert!(!brief.summary.is_empty(), "the brief has a summary");
    assert_eq!(brief.sources.len(), cluster.docs.len());

    let mut group = c.benchmark_group("brief");
    group.throughput(Throughput::Bytes(bytes as u64));
    group.bench_function("end_to_end_markdown", |b| {
        b.iter(|| {
            let prepared = pipeline.prepare(cluster.clone());
            let brief = build_brief(&prepared, &config);
            let md = render(Format::Markdown, &brief, &prepared);
            assert!(md.contains("## Summary"));
            md.len()
        })
    });
    group.bench_function("build_from_prepared", |b| {
        b.iter(|| build_brief(&prepared, &config).summary.len())
    });
    group.bench_function("render_html", |b| {
        b.iter(|| render(Format::Html, &brief, &prepared).len())
    });
    group.finish();
}

criterion_group!(benches, bench_brief);
criterion_main!(benches);
