//! Story grouping throughput on a synthetic stream built from invented seed articles.

use corroborate::stories::stream::{prepare, StreamArticle};
use corroborate::stories::{StoryConfig, StoryGrouper};
use corroborate::Document;
use corroborate_lab::stream_gen::{StreamGenConfig, StreamGenerator};
use criterion::{criterion_group, criterion_main, Criterion, Throughput};

fn stream(n: usize) -> Vec<StreamArticle> {
    let kinds = [
        "Floodwater from the river forced families from their homes. Rescuers used boats through the night. The river kept rising, and the regional council opened three shelters. Forecasters expect more rain on Thursday.",
        "The central bank raised its interest rate by half a point. Economists had expected the move after inflation rose for a sixth month. Markets fell after the decision, and the currency gained against the dollar.",
        "A fire destroyed the old harbour warehouse. Firefighters fought the blaze for six hours before bringing it under control. No one was hurt, but the owners said the building was not insured.",
        "Negotiators from both unions and the rail operator met for a third day. The strike has halted most trains in the north. A spokesman said an agreement on wages was close but not yet signed.",
    ];
    let places = ["Quillby", "Marrendale", "Torvik", "Ashcombe"];
    let mut seeds = Vec::new();
    for (k, kind) in kinds.iter().enumerate() {
        for (p, place) in places.iter().enumerate() {
            let text = format!("Officials in {place} said on Monday that the situation was serious. {kind} Residents of {place} were told to follow the news.");
            seeds.push(Document {
                gold: Some(k.to_string()),
                ..Document::from_text(format!("{k}-{p}"), text)
            });
        }
    }
    let gen = StreamGenerator::new(seeds, StreamGenConfig::default()).expect("seed articles");
    prepare(gen.take(n).collect()).0
}

fn grouping(c: &mut Criterion) {
    let articles = stream(5000);
    let mut group = c.benchmark_group("stories");
    group.throughput(Throughput::Elements(articles.len() as u64));
    group.sample_size(10);
    group.bench_function("group_5000_articles", |b| {
        b.iter(|| {
            let mut g = StoryGrouper::new(StoryConfig::default());
            for a in &articles {
                g.add_stream(a);
            }
            // A broken grouper (everything in one story, or each article alone) fails here.
            let n = g.stories().len();
            assert!(n > 10 && n < articles.len() / 2, "{n} stories");
            n
        })
    });
    group.finish();
}

criterion_group!(benches, grouping);
criterion_main!(benches);
