//! Per-article dump of one stream's grouping for error analysis: the gold story, the story
//! the online pass gave, the story after the folds, and the reported story (folds and the
//! consolidation), one JSON line per article.
//!
//! ```text
//! cargo run --release -p corroborate-lab --bin stories_errors -- [--config JSON] FILE.jsonl
//! ```
use corroborate::stories::StoryConfig;
use corroborate::stories::StoryGrouper;
use corroborate_lab::stories_cv::Stream;

fn main() -> Result<(), Box<dyn std::error::Error>> {
    let mut args = std::env::args().skip(1);
    let (mut config, mut file) = (StoryConfig::default(), None);
    while let Some(a) = args.next() {
        match a.as_str() {
            "--config" => config = serde_json::from_str(&args.next().ok_or("--config JSON")?)?,
            _ => file = Some(a),
        }
    }
    let stream = Stream::read(&file.ok_or("a labelled stream FILE.jsonl")?);
    let run = |config: &StoryConfig| {
        let mut grouper = StoryGrouper::new(config.clone());
        let online: Vec<u32> = stream
            .articles
            .iter()
            .map(|a| grouper.add_stream(a).story)
            .collect();
        (online, grouper.reported_stories())
    };
    let (online, reported) = run(&config);
    let (_, folded) = run(&StoryConfig {
        consolidate_dims: 0,
        ..config.clone()
    });
    for (i, a) in stream.articles.iter().enumerate() {
        let s = online[i] as usize;
        let line = serde_json::json!({
            "doc_id": a.article.id,
            "gold": stream.gold[i],
            "online": s,
            "folded": folded[s],
            "reported": reported[s],
        });
        println!("{line}");
    }
    Ok(())
}
