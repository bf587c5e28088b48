//! Tuning aid: group a story-grouping JSONL file with a config given as JSON and print scores.
//! `cargo run --release -p corroborate-lab --example stories_eval -- FILE.jsonl '{"threshold":0.3}'`
use corroborate::stories::{read_story_inputs, score, stream, StoryConfig, StoryGrouper};

fn main() {
    let args: Vec<String> = std::env::args().skip(1).collect();
    let file = args
        .first()
        .expect("usage: stories_eval FILE.jsonl [CONFIG_JSON...]")
        .clone();
    let inputs = read_story_inputs(std::slice::from_ref(&file));
    let (stream, _) = stream::prepare(inputs.articles);
    let configs: Vec<String> = if args.len() > 1 {
        args[1..].to_vec()
    } else {
        vec!["{}".into()]
    };
    for c in configs {
        let config: StoryConfig = serde_json::from_str(&c).expect("config JSON");
        let t = std::time::Instant::now();
        let mut g = StoryGrouper::new(config);
        let mut pred = Vec::new();
        let mut gold = Vec::new();
        for a in &stream {
            pred.push(g.add_stream(a).story);
            gold.push(a.article.gold.clone().unwrap_or_default());
        }
        let secs = t.elapsed().as_secs_f64();
        let s = score(&pred, &gold);
        if std::env::var_os("DEBUG").is_some() {
            let mut by: std::collections::BTreeMap<&str, std::collections::BTreeMap<u32, usize>> =
                Default::default();
            for (p, (g, a)) in pred.iter().zip(gold.iter().zip(&stream)) {
                let _ = a;
                *by.entry(g.as_str()).or_default().entry(*p).or_default() += 1;
            }
            for (g, m) in &by {
                let mut v: Vec<usize> = m.values().copied().collect();
                v.sort_unstable_by(|a, b| b.cmp(a));
                let title = stream
                    .iter()
                    .find(|a| a.article.gold.as_deref() == Some(g))
                    .and_then(|a| a.article.title.clone())
                    .unwrap_or_default();
                println!("{g}\t{v:?}\t{title}");
            }
        }
        println!(
            "{c}\tP {:.3} R {:.3} F1 {:.3} ARI {:.3} stories {} {:.0}/s",
            s.precision,
            s.recall,
            s.f1,
            s.ari,
            g.stories().len(),
            stream.len() as f64 / secs
        );
    }
}

#[allow(dead_code)]
fn unused() {}
