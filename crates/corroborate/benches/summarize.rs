//! Summarization speed over the 100 clusters of multinews-sample100, reported as clusters
//! per second (`Throughput::Elements`): `default` end to end from parsed clusters
//! (`Pipeline::prepare` + summarize; target >= 1,000 clusters/s on one core), and every
//! method from prepared clusters.
//!
//! `cargo bench -p corroborate --bench summarize` (reads `$SHARED_DIR` or `../shared`; falls
//! back to the invented example cluster in `examples/harbor-fire/` when the data is absent).

use corroborate::ingest::{read_clusters, read_inputs, IngestOptions};
use corroborate::{Budget, Cluster, Method, Pipeline};
use criterion::{criterion_group, criterion_main, BatchSize, BenchmarkId, Criterion, Throughput};
use std::path::PathBuf;

// The allocator of the `corroborate` binary, so the bench measures what `eval` does.
#[global_allocator]
static GLOBAL: mimalloc::MiMalloc = mimalloc::MiMalloc;

fn clusters() -> Vec<Cluster> {
    let shared = std::env::var("SHARED_DIR")
        .map(PathBuf::from)
        .unwrap_or_else(|_| PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("../../../shared"));
    let path = shared.join("data/summarization/multinews-sample100.jsonl");
    if let Ok((clusters, _)) = read_clusters(&path) {
        if !clusters.is_empty() {
            return clusters;
        }
    }
    eprintln!("{} not found; using examples/harbor-fire", path.display());
    let dir = PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("../../examples/harbor-fire");
    let ingested = read_inputs(&[dir.display().to_string()], &IngestOptions::default());
    vec![Cluster {
        id: "harbor-fire".into(),
        docs: ingested.documents,
        ..Cluster::default()
    }]
}

fn bench_summarize(c: &mut Criterion) {
    let clusters = clusters();
    let pipeline = Pipeline::default();
    let budget = Budget::Words(250);
    let prepared: Vec<_> = clusters
        .iter()
        .map(|c| pipeline.prepare(c.clone()))
        .collect();

    let mut group = c.benchmark_group("summarize");
    group.throughput(Throughput::Elements(clusters.len() as u64));
    group.sample_size(10);
    // Exactly what eval times per cluster: from a parsed `Cluster` (copied outside the timed
    // part) through `Pipeline::prepare` (clean + segment) and the default method.
    group.bench_function("default_end_to_end", |b| {
        b.iter_batched(
            || clusters.clone(),
            |parsed| {
                let mut words = 0;
                for cluster in parsed {
                    let p = pipeline.prepare(cluster);
                    let s = Method::SupportCoverage.summarize(&p, budget);
                    let w = s.words(&p);
                    assert!(w <= 250, "{}: {w} words", p.id);
                    words += w;
                }
                // Not every cluster yields a summary (one of the sample's clusters has no
                // candidate sentence), but the sample as a whole does.
                assert!(words > 0, "no summary words");
                words
            },
            BatchSize::LargeInput,
        )
    });
    group.bench_function("prepare_only", |b| {
        b.iter(|| {
            clusters
                .iter()
                .map(|cluster| pipeline.prepare(cluster.clone()).sentences.len())
                .sum::<usize>()
        })
    });
    for &method in Method::ALL {
        if method == Method::Oracle {
            continue;
        }
        group.bench_with_input(
            BenchmarkId::new("from_prepared", method.name()),
            &method,
            |b, &m| {
                b.iter(|| {
                    let mut n = 0;
                    for p in &prepared {
                        let s = m.summarize(p, budget);
                        assert!(s.words(p) <= 250, "{m} {}", p.id);
                        n += s.sentences.len();
                    }
                    assert!(n > 0, "{m} selected nothing");
                    n
                })
            },
        );
    }
    group.finish();
}

criterion_group!(benches, bench_summarize);
criterion_main!(benches);
