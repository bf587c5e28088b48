//! Clean + segment throughput over the Multi-News sample (`Pipeline::prepare`), and the
//! sentence splitter alone. Reads the shared data through `$SHARED_DIR` or `../shared` beside
//! the workspace; skips when it is absent.

use corroborate::ingest::read_clusters;
use corroborate::segment::split_sentences;
use corroborate::{Cluster, Pipeline};
use criterion::{black_box, criterion_group, criterion_main, Criterion, Throughput};
use std::path::PathBuf;

const SAMPLE: &str = "data/summarization/multinews-sample100.jsonl";

fn shared_path(rel: &str) -> PathBuf {
    match std::env::var_os("SHARED_DIR") {
        Some(dir) => PathBuf::from(dir).join(rel),
        None => PathBuf::from(env!("CARGO_MANIFEST_DIR"))
            .join("../../../shared")
            .join(rel),
    }
}

fn load_clusters() -> Option<Vec<Cluster>> {
    let path = shared_path(SAMPLE);
    if !path.exists() {
        eprintln!("skipping clean_segment: {} not found", path.display());
        return None;
    }
    let (clusters, errors) = read_clusters(&path).expect("the Multi-News sample is readable");
    assert!(errors.is_empty(), "sample has bad lines: {errors:?}");
    Some(clusters)
}

fn bench_clean_segment(c: &mut Criterion) {
    let Some(clusters) = load_clusters() else {
        return;
    };
    let bytes: usize = clusters
        .iter()
        .flat_map(|c| &c.docs)
        .map(|d| d.text.len())
        .sum();
    let pipeline = Pipeline::default();

    let mut group = c.benchmark_group("clean_segment");
    group.throughput(Throughput::Bytes(bytes as u64));
    group.sample_size(20);
    group.bench_function("prepare_multinews100", |b| {
        b.iter_batched(
            || clusters.clone(),
            |clusters| {
                let mut sentences = 0;
                for cluster in clusters {
                    let prepared = pipeline.prepare(cluster);
                    sentences += prepared.sentences.len();
                }
                assert!(sentences > 0, "no sentences prepared");
                sentences
            },
            criterion::BatchSize::LargeInput,
        )
    });
    group.bench_function("split_sentences_multinews100", |b| {
        b.iter(|| {
            let mut sentences = 0;
            for doc in clusters.iter().flat_map(|c| &c.docs) {
                sentences += split_sentences(black_box(&doc.text)).len();
            }
            assert!(sentences > 0, "no sentences split");
            sentences
        })
    });
    group.finish();
}

criterion_group!(benches, bench_clean_segment);
criterion_main!(benches);
