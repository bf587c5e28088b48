//! Story grouping: quality on the shared dev streams, state continuation, crash safety and
//! version checks.

mod common;

use corroborate::stories::stream::{prepare, StreamArticle};
use corroborate::stories::{
    read_story_inputs, score, Assignment, StoryArticle, StoryConfig, StoryGrouper, StoryStore,
};
use corroborate::ErrorKind;
use corroborate_lab::stream_gen::{StreamGenConfig, StreamGenerator};

fn load(rel: &str) -> Option<Vec<StreamArticle>> {
    let path = common::shared(rel)?;
    let read = read_story_inputs(&[path.display().to_string()]);
    assert!(read.errors.is_empty(), "{:?}", read.errors);
    Some(prepare(read.articles).0)
}

fn f1(stream: &[StreamArticle]) -> f64 {
    f1_with(stream, StoryConfig::default())
}

fn f1_with(stream: &[StreamArticle], config: StoryConfig) -> f64 {
    let mut g = StoryGrouper::new(config);
    let joined: Vec<u32> = stream.iter().map(|a| g.add_stream(a).story).collect();
    // Scored as reported at the end of the stream (small-story folds followed).
    let reported = g.reported_stories();
    let predicted: Vec<u32> = joined.iter().map(|&s| reported[s as usize]).collect();
    let gold: Vec<String> = stream
        .iter()
        .map(|a| a.article.gold.clone().expect("gold"))
        .collect();
    score(&predicted, &gold).f1
}

// The gate (0.90 on ECB+, 0.85 on DUC), met by the default configuration since
// session 8 (lead emphasis, threshold 0.24, end-of-run LSA consolidation): floors just below
// the measured 0.925 and 0.852 (docs/stories.md).
#[test]
fn ecbplus_dev_b_cubed_f1_floor() {
    let Some(stream) = load("data/stories/ecbplus-dev.jsonl") else {
        return;
    };
    assert_eq!(stream.len(), 196);
    let f = f1(&stream);
    assert!(f >= 0.92, "B-cubed F1 {f:.3}");
}

#[test]
fn duc_topic_stream_b_cubed_f1_floor() {
    let Some(stream) = load("data/stories/duc2006-2007-topic-stream.jsonl") else {
        return;
    };
    assert_eq!(stream.len(), 2375);
    let f = f1(&stream);
    assert!(f >= 0.85, "B-cubed F1 {f:.3}");
    // Without the consolidation the same online pass is below the gate.
    let online = f1_with(
        &stream,
        StoryConfig {
            consolidate_dims: 0,
            ..StoryConfig::default()
        },
    );
    assert!(online < f - 0.01, "online {online:.3}, consolidated {f:.3}");
}

/// A synthetic stream from invented seed articles (no shared data needed).
fn synthetic(n: usize) -> Vec<StreamArticle> {
    let places = [
        "Quillby",
        "Marrendale",
        "Torvik",
        "Ashcombe",
        "Velmora",
        "Dunhallow",
    ];
    let kinds = [
        "Floodwater from the river forced families from their homes. Rescuers used boats. The river kept rising overnight.",
        "The central bank raised its interest rate by half a point. Economists expected the move. Markets fell after the decision.",
        "A fire destroyed the old harbour warehouse. Firefighters fought the blaze for six hours. No one was hurt.",
    ];
    let mut seeds = Vec::new();
    for (k, kind) in kinds.iter().enumerate() {
        for (p, place) in places.iter().enumerate() {
            let text = format!("Officials in {place} said on Monday: {kind} Residents of {place} were told to wait.");
            seeds.push(StoryArticle {
                gold: Some(format!("{k}")),
                ..StoryArticle::new(format!("{k}-{p}"), text)
            });
        }
    }
    let articles = StreamGenerator::new(seeds, StreamGenConfig::default())
        .expect("seeds")
        .take(n)
        .collect();
    prepare(articles).0
}

/// Assignments as reported at the end of a run.
fn reported(g: &StoryGrouper, assignments: &[Assignment]) -> Vec<Assignment> {
    let map = g.reported_stories();
    assignments
        .iter()
        .map(|a| Assignment {
            story: map[a.story as usize],
            ..a.clone()
        })
        .collect()
}

fn run_all(config: &StoryConfig, stream: &[StreamArticle]) -> (Vec<Assignment>, StoryGrouper) {
    let mut g = StoryGrouper::new(config.clone());
    let a = stream.iter().map(|x| g.add_stream(x)).collect();
    (a, g)
}

fn stream_for_state_tests() -> Vec<StreamArticle> {
    load("data/stories/duc2006-2007-topic-stream.jsonl").unwrap_or_else(|| synthetic(3000))
}

/// Groups `stream` in two runs on one state in `dir`, committing every `every` articles;
/// the assignments of both runs and the grouper reopened from the state afterwards.
fn run_in_halves(
    dir: &std::path::Path,
    config: &StoryConfig,
    stream: &[StreamArticle],
    every: usize,
) -> (Vec<Assignment>, StoryGrouper) {
    let half = stream.len() / 2;
    let mut got = Vec::new();
    for part in [&stream[..half], &stream[half..]] {
        let (mut store, mut g) = StoryStore::open(dir, config.clone()).expect("open state");
        for (i, a) in part.iter().enumerate() {
            got.push(g.add_stream(a));
            if i % every == every - 1 {
                store.commit(&mut g).expect("commit");
            }
        }
        store.commit(&mut g).expect("commit");
    }
    let (_, reopened) = StoryStore::open(dir, config.clone()).expect("reopen");
    (got, reopened)
}

#[test]
fn two_halves_with_state_equal_one_run() {
    let stream = stream_for_state_tests();
    let config = StoryConfig::default();
    let (whole, whole_grouper) = run_all(&config, &stream);
    let dir = tempdir("halves");
    let half = stream.len() / 2;
    let (got, reopened) = run_in_halves(&dir, &config, &stream, 250);
    assert_eq!(got, whole);
    assert_eq!(reopened.stories(), whole_grouper.stories());
    // Folds were decided (fixed stream positions, not run ends), and the reported stories
    // at the end agree too.
    let after = config.fold_after;
    let crossing = whole_grouper
        .stories()
        .iter()
        .filter(|s| s.folded_into.is_some())
        .filter(|s| (s.last_seq as usize) < half && (s.last_seq + after) as usize >= half)
        .count();
    assert!(
        crossing > 0,
        "some fold was pending at the cut and decided in the second run"
    );
    assert_eq!(reported(&reopened, &got), reported(&whole_grouper, &whole));
    let _ = std::fs::remove_dir_all(&dir);
}

#[test]
fn two_halves_with_state_report_what_one_run_reports_with_consolidation() {
    let stream = stream_for_state_tests();
    let config = StoryConfig::default();
    let (whole, whole_grouper) = run_all(&config, &stream);
    let dir = tempdir("halves-consolidated");
    let (got, reopened) = run_in_halves(&dir, &config, &stream, 400);
    assert_eq!(got, whole);
    let merged = reported(&reopened, &got);
    assert_eq!(merged, reported(&whole_grouper, &whole));
    // The consolidation did merge stories (beyond the folds).
    let distinct = |v: &[Assignment]| {
        v.iter()
            .map(|a| a.story)
            .collect::<std::collections::BTreeSet<_>>()
            .len()
    };
    let mut plain = StoryGrouper::new(StoryConfig {
        consolidate_dims: 0,
        ..config.clone()
    });
    let plain_assign: Vec<Assignment> = stream.iter().map(|a| plain.add_stream(a)).collect();
    assert!(
        distinct(&merged) < distinct(&reported(&plain, &plain_assign)),
        "consolidation merged some stories"
    );
    let _ = std::fs::remove_dir_all(&dir);
}

#[test]
fn a_run_killed_between_commits_continues_to_the_same_result() {
    let stream = stream_for_state_tests();
    let config = StoryConfig::default();
    let dir = tempdir("crash");
    let committed = stream.len() * 2 / 5;
    {
        let (mut store, mut g) = StoryStore::open(&dir, config.clone()).expect("open state");
        for (i, a) in stream.iter().enumerate().take(committed + 137) {
            g.add_stream(a);
            if (i + 1) % 100 == 0 && i < committed {
                store.commit(&mut g).expect("commit");
            }
        }
        // Dropped here without a final commit: the work after the last commit is lost, as
        // when the process is killed.
    }
    let (_, g) = StoryStore::open(&dir, config.clone()).expect("state usable after a kill");
    assert_eq!(g.articles_seen(), (committed / 100 * 100) as u64);
    drop(g);
    // Rerun the whole input on the same state: seen articles keep their stories, the rest
    // are grouped as one uninterrupted run would.
    let (mut store, mut g) = StoryStore::open(&dir, config).expect("reopen");
    let got: Vec<Assignment> = stream.iter().map(|a| g.add_stream(a)).collect();
    store.commit(&mut g).expect("commit");
    // Articles already in the state report the story they are in now (folds decided since
    // they joined are followed), so compare what both runs report at the end.
    let (whole_reported, got_reported) = {
        let (whole, whole_grouper) = run_all(&StoryConfig::default(), &stream);
        (reported(&whole_grouper, &whole), reported(&g, &got))
    };
    assert_eq!(got_reported, whole_reported);
    let _ = std::fs::remove_dir_all(&dir);
}

#[test]
fn a_state_from_another_version_is_refused_with_a_clear_error() {
    let dir = tempdir("version");
    {
        let (store, _) = StoryStore::open(&dir, StoryConfig::default()).expect("open");
        store
            .set_format_for_test("corroborate-stories/2")
            .expect("write format");
    }
    let err = StoryStore::open(&dir, StoryConfig::default()).expect_err("must refuse");
    assert_eq!(err.kind(), &ErrorKind::State);
    assert!(err.to_string().contains("corroborate-stories/2"), "{err}");
    // A file that is not a database at all.
    let junk = tempdir("junk");
    std::fs::create_dir_all(&junk).expect("create");
    std::fs::write(
        junk.join(corroborate::stories::state::FILE_NAME),
        b"not a database, just words",
    )
    .expect("write");
    let err = StoryStore::open(&junk, StoryConfig::default()).expect_err("must refuse");
    assert_eq!(err.kind(), &ErrorKind::StateDamaged);
    let _ = std::fs::remove_dir_all(&dir);
    let _ = std::fs::remove_dir_all(&junk);
}

#[test]
fn synthetic_stories_of_different_kinds_rarely_mix() {
    let stream = synthetic(2000);
    let mut g = StoryGrouper::new(StoryConfig::default());
    let kind = |text: &str| {
        ["river", "bank", "blaze"]
            .iter()
            .position(|k| text.contains(k))
    };
    let mut kinds: std::collections::HashMap<u32, std::collections::BTreeSet<Option<usize>>> =
        Default::default();
    for a in &stream {
        let story = g.add_stream(a).story;
        kinds
            .entry(story)
            .or_default()
            .insert(kind(&a.article.text));
    }
    let mixed = kinds
        .values()
        .filter(|k| k.iter().flatten().count() > 1)
        .count();
    // Tiny invented texts share little beyond function words; allow a few mixed stories.
    assert!(
        mixed * 10 <= kinds.len(),
        "{mixed} of {} stories mix kinds",
        kinds.len()
    );
    assert!(kinds.len() >= 3);
}

fn tempdir(tag: &str) -> std::path::PathBuf {
    let dir =
        std::env::temp_dir().join(format!("corroborate-stories-{tag}-{}", std::process::id()));
    let _ = std::fs::remove_dir_all(&dir);
    dir
}
