//! Analyze (quotes, numbers, entities, timeline) on a 10-article cluster: the first 10
//! documents of the first DUC 2006 topic, prepared once. Target: a few milliseconds.
//!
//! `cargo bench -p corroborate --bench analyze` (reads `$SHARED_DIR` or `../shared`; falls
//! back to the invented example cluster in `examples/harbor-fire/`).

use corroborate::analyze::analyze;
use corroborate::ingest::{read_clusters, read_inputs, IngestOptions};
use corroborate::{Cluster, Pipeline};
use criterion::{criterion_group, criterion_main, Criterion, Throughput};
use std::path::PathBuf;

fn cluster() -> Cluster {
    let shared = std::env::var("SHARED_DIR")
        .map(PathBuf::from)
        .unwrap_or_else(|_| PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("../../../shared"));
    if let Ok((clusters, _)) = read_clusters(&shared.join("data/summarization/duc2006.jsonl")) {
        if let Some(mut c) = clusters.into_iter().next() {
            c.docs.truncate(10);
            return c;
        }
    }
    let dir = PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("../../examples/harbor-fire");
    let ingested = read_inputs(&[dir.display().to_string()], &IngestOptions::default());
    Cluster {
        id: "harbor-fire".into(),
        docs: ingested.documents,
        ..Cluster::default()
    }
}

fn bench_analyze(c: &mut Criterion) {
    let cluster = cluster();
    let bytes: usize = cluster.docs.iter().map(|d| d.text.len()).sum();
    let prepared = Pipeline::default().prepare(cluster);
    let analysis = analyze(&prepared);
    assert!(!analysis.entities.is_empty(), "the cluster has entities");
    let mut group = c.benchmark_group("analyze");
    group.throughput(Throughput::Bytes(bytes as u64));
    group.bench_function("ten_articles", |b| {
        b.iter(|| {
            let a = analyze(&prepared);
            assert!(!a.entities.is_empty());
            a.entities.len()
        })
    });
    group.finish();
}

criterion_group!(benches, bench_analyze);
criterion_main!(benches);
