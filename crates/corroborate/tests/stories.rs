//! Story grouping: quality on the shared dev streams, state continuation, crash safety and
//! version checks.

mod common;

use corroborate::stories::stream::{prepare, StreamArticle};
use corroborate::stories::{
    read_story_inputs, score, Assignment, StoryConfig, StoryGrouper, StoryStore,
};
use corroborate::Document;
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

// Floors of the default configuration on the four dev streams, just below the figures
// measured at issue 19 (ECB+ 0.909, DUC 0.867, msv 0.751, uci 0.867; docs/stories.md). The
// cross-validated figures are gated by `stories_cv --check eval/stories-cv-floors.json`.
const ECB_FLOOR: f64 = 0.905;
const DUC_FLOOR: f64 = 0.861;
const MSV_FLOOR: f64 = 0.745;
const UCI_FLOOR: f64 = 0.861;
#[test]
fn ecbplus_dev_b_cubed_f1_floor() {
    let Some(stream) = load("data/stories/ecbplus-dev.jsonl") else {
        return;
    };
    assert_eq!(stream.len(), 196);
    let f = f1(&stream);
    assert!(f >= ECB_FLOOR, "B-cubed F1 {f:.3}");
}

#[test]
fn duc_topic_stream_b_cubed_f1_floor() {
    let Some(stream) = load("data/stories/duc2006-2007-topic-stream.jsonl") else {
        return;
    };
    assert_eq!(stream.len(), 2375);
    let f = f1(&stream);
    assert!(f >= DUC_FLOOR, "B-cubed F1 {f:.3}");
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
            seeds.push(Document {
                gold: Some(format!("{k}")),
                ..Document::from_text(format!("{k}-{p}"), text)
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

// Issue 19's gate: the default configuration on the two streams it was not first tuned on,
// a search-results stream of one topic per query (msv: the over-merge case) and a headline
// stream (uci: the split case). Floors just below the measured figures (docs/stories.md).
#[test]
fn msv_newssearch_b_cubed_f1_floor() {
    let Some(stream) = load("data/stories/msv-newssearch-clustering.jsonl") else {
        return;
    };
    assert_eq!(stream.len(), 996);
    let f = f1(&stream);
    assert!(f >= MSV_FLOOR, "B-cubed F1 {f:.3}");
    // The consolidation judges 25-word snippets by their theme words: when it may merge
    // them (no least term count), one query's snippets of different events chain across
    // days into stories of 20-40 articles.
    let short = StoryConfig {
        consolidate_min_terms: 0,
        ..StoryConfig::default()
    };
    let with_short = f1_with(&stream, short);
    assert!(
        with_short < f - 0.05,
        "with snippets {with_short:.3}, default {f:.3}"
    );
}

#[test]
fn uci_headline_stream_b_cubed_f1_floor() {
    let Some(stream) = load("data/stories/uci-news-aggregator-head5000.jsonl") else {
        return;
    };
    assert_eq!(stream.len(), 5000);
    let f = f1(&stream);
    assert!(f >= UCI_FLOOR, "B-cubed F1 {f:.3}");
}

/// Group a prepared stream with the default configuration; stories as reported.
fn group_all(stream: &[StreamArticle]) -> Vec<u32> {
    let (assignments, g) = run_all(&StoryConfig::default(), stream);
    reported(&g, &assignments).iter().map(|a| a.story).collect()
}

fn dated(id: String, text: String, date: Option<&str>) -> Document {
    Document {
        published: date.map(str::to_string),
        ..Document::from_text(id, text)
    }
}

#[test]
fn undated_far_dated_and_out_of_order_articles_are_grouped_alike() {
    // One invented event told six times, with no date, a date in 1970, one in the future and
    // the rest out of order; a second event in between. Nothing panics, every article is
    // grouped, the same input gives the same stories, and the two events stay apart.
    let flood = |i: usize| {
        format!(
            "Floodwater from the Marren river forced {} families in Quillby from their homes on \
             Monday; rescuers in Quillby used boats through the night (report {i}).",
            300 + i % 2
        )
    };
    let bank = "The central bank of Varnia raised its interest rate by half a point to fight \
                inflation, its governor said in Ostrava.";
    let dates = [
        None,
        Some("1970-01-01"),
        Some("2999-12-31"),
        Some("2021-03-04"),
        Some("2021-03-02"),
        Some("not a date"),
    ];
    let mut articles: Vec<Document> = dates
        .iter()
        .enumerate()
        .map(|(i, d)| dated(format!("f{i}"), flood(i), *d))
        .collect();
    articles.insert(3, dated("b".into(), bank.into(), Some("2021-03-03")));
    let stream = prepare(articles.clone()).0;
    assert_eq!(stream.len(), 7);
    let stories = group_all(&stream);
    assert_eq!(stories, group_all(&prepare(articles).0));
    let bank_story = stories[stream.iter().position(|a| a.article.id == "b").unwrap()];
    let flood_stories: std::collections::BTreeSet<u32> = stream
        .iter()
        .zip(&stories)
        .filter(|(a, _)| a.article.id != "b")
        .map(|(_, &s)| s)
        .collect();
    assert!(!flood_stories.contains(&bank_story));
    assert!(flood_stories.len() <= 2, "{flood_stories:?}");
}

#[test]
fn one_article_repeated_a_thousand_times_is_one_story_of_copies() {
    let text = "Floodwater from the Marren river forced 300 families in Quillby from their homes \
                on Monday; rescuers in Quillby used boats through the night.";
    let articles: Vec<Document> = (0..1000)
        .map(|i| Document::from_text(format!("copy-{i}"), text))
        .collect();
    let stream = prepare(articles).0;
    let (assignments, g) = run_all(&StoryConfig::default(), &stream);
    let stories: std::collections::BTreeSet<u32> =
        reported(&g, &assignments).iter().map(|a| a.story).collect();
    assert_eq!(stories.len(), 1);
    let copies = assignments
        .iter()
        .filter(|a| a.duplicate_of.is_some())
        .count();
    assert_eq!(copies, 999);
    // The same id a thousand times: renamed apart by `prepare`, still one story.
    let same_id: Vec<Document> = (0..1000).map(|_| Document::from_text("x", text)).collect();
    let stream = prepare(same_id).0;
    assert_eq!(stream.len(), 1000);
    assert_eq!(
        group_all(&stream)
            .iter()
            .collect::<std::collections::BTreeSet<_>>()
            .len(),
        1
    );
}

#[test]
fn fifty_thousand_one_word_articles_run_in_linear_time() {
    // Invented words from a 500-word vocabulary, each article a single word.
    let articles: Vec<Document> = (0..50_000)
        .map(|i| {
            let w = i * 7919 % 500;
            Document::from_text(format!("w{i}"), format!("Quill{w}"))
        })
        .collect();
    let stream = prepare(articles).0;
    let start = std::time::Instant::now();
    let stories = group_all(&stream);
    let seconds = start.elapsed().as_secs_f64();
    assert_eq!(stories.len(), 50_000);
    // Generous: about 0.5 s on one loaded core; a quadratic path would take minutes.
    assert!(seconds < 30.0, "{seconds:.1} s");
    let distinct = stories.iter().collect::<std::collections::BTreeSet<_>>();
    assert!(distinct.len() <= 50_000);
}

#[test]
fn a_stream_in_one_other_language_is_grouped_by_the_same_code() {
    // Invented German reports: two events, three reports each.
    let flood = [
        "Das Hochwasser der Marren hat am Montag 300 Familien in Quillby aus ihren Häusern \
         vertrieben, die Retter in Quillby waren die ganze Nacht mit Booten unterwegs.",
        "In Quillby mussten 300 Familien am Montag wegen des Hochwassers der Marren ihre \
         Häuser verlassen; Retter fuhren mit Booten durch die Nacht.",
        "Nach dem Hochwasser der Marren in Quillby: 300 Familien verlassen ihre Häuser, \
         Retter mit Booten im Einsatz.",
    ];
    let bank = [
        "Die Zentralbank von Varnia hat den Leitzins um einen halben Punkt erhöht, um die \
         Inflation zu bekämpfen, sagte der Gouverneur in Ostrava.",
        "Varnias Zentralbank erhöht den Leitzins um einen halben Punkt; der Gouverneur \
         sprach in Ostrava von der Inflation.",
        "Der Gouverneur der Zentralbank von Varnia kündigte in Ostrava einen um einen halben \
         Punkt höheren Leitzins gegen die Inflation an.",
    ];
    // Long enough (20 words or more) for the stop-word test of the language; each report
    // says something of its own besides.
    let tails = [
        " Die Feuerwehr ist mit allen Kräften vor Ort und bittet um Geduld.",
        " Ein Sprecher der Stadt sagte, das Wasser sinke nicht vor Mittwoch.",
        " Die Schulen der Stadt bleiben bis zum Ende der Woche geschlossen.",
        " Die Märkte reagierten ruhig, der Kurs der Krone stieg leicht.",
        " Ökonomen hatten mit dem Schritt gerechnet, aber nicht mit der Höhe.",
        " Es ist die dritte Erhöhung in diesem Jahr, sagte die Bank.",
    ];
    let mut articles = Vec::new();
    for i in 0..3 {
        let (f, b) = (flood[i], bank[i]);
        articles.push(Document::from_text(
            format!("f{i}"),
            format!("{f}{}", tails[i]),
        ));
        articles.push(Document::from_text(
            format!("b{i}"),
            format!("{b}{}", tails[3 + i]),
        ));
    }
    let stream = prepare(articles).0;
    let (assignments, g) = run_all(&StoryConfig::default(), &stream);
    let stories: Vec<u32> = reported(&g, &assignments).iter().map(|a| a.story).collect();
    assert!(stories.iter().all(|&s| !g.stories()[s as usize].english));
    // Precision first: a flood report never shares a story with a bank report; and the
    // reports do meet (fewer stories than articles).
    for f in [0, 2, 4] {
        for b in [1, 3, 5] {
            assert_ne!(stories[f], stories[b], "{stories:?}");
        }
    }
    let distinct = stories.iter().collect::<std::collections::BTreeSet<_>>();
    assert!(distinct.len() < 6, "{stories:?}");
}

/// A mixed-language stream from the shared extraction gold: every page's main text cut in
/// two halves (a story of two articles), English and the other languages interleaved. The
/// halves of a page should meet; no story mixes English with another language.
#[test]
fn a_mixed_language_stream_keeps_languages_apart() {
    let Some(path) = common::shared("data/html/gold.jsonl") else {
        return;
    };
    let text = std::fs::read_to_string(path).expect("readable gold");
    let mut articles = Vec::new();
    let (mut english, mut other) = (0, 0);
    for line in text.lines() {
        let v: serde_json::Value = serde_json::from_str(line).expect("gold line");
        let (Some(id), Some(lang), Some(body)) =
            (v["id"].as_str(), v["lang"].as_str(), v["text"].as_str())
        else {
            continue;
        };
        let page_type = v["page_type"].as_str().unwrap_or("");
        let words: Vec<&str> = body.split_whitespace().collect();
        let is_english = lang == "en";
        if page_type != "article" || words.len() < 200 || (is_english && english >= 40) {
            continue;
        }
        if is_english {
            english += 1;
        } else {
            other += 1;
        }
        let half = words.len() / 2;
        for (k, part) in [&words[..half], &words[half..]].into_iter().enumerate() {
            articles.push(Document {
                gold: Some(format!("{lang}:{id}")),
                ..Document::from_text(format!("{id}#{k}"), part.join(" "))
            });
        }
    }
    assert!(
        english >= 20 && other >= 10,
        "{english} English, {other} other pages"
    );
    let stream = prepare(articles).0;
    let stories = group_all(&stream);
    let lang_of = |a: &StreamArticle| {
        a.article
            .gold
            .as_deref()
            .and_then(|g| g.split(':').next())
            .map(|l| l == "en")
    };
    let mut story_english: std::collections::BTreeMap<u32, bool> = Default::default();
    for (a, &s) in stream.iter().zip(&stories) {
        let e = lang_of(a).expect("gold");
        assert_eq!(
            *story_english.entry(s).or_insert(e),
            e,
            "story {s} mixes languages"
        );
    }
    // Languages with a stop list (de, fr, es, it, pt, nl) are grouped apart from each other
    // too: no story holds two of them.
    let keyed = ["de", "fr", "es", "it", "pt", "nl"];
    let mut story_language: std::collections::BTreeMap<u32, &str> = Default::default();
    for (a, &s) in stream.iter().zip(&stories) {
        let lang = a
            .article
            .gold
            .as_deref()
            .and_then(|g| g.split(':').next())
            .expect("gold");
        if let Some(&l) = keyed.iter().find(|&&l| l == lang) {
            assert_eq!(
                *story_language.entry(s).or_insert(l),
                l,
                "story {s} mixes languages"
            );
        }
    }
    let gold: Vec<String> = stream
        .iter()
        .map(|a| a.article.gold.clone().expect("gold"))
        .collect();
    let s = score(&stories, &gold);
    eprintln!(
        "mixed-language stream: {} articles, B3 P {:.3} R {:.3} F1 {:.3}",
        stream.len(),
        s.precision,
        s.recall,
        s.f1
    );
    assert!(s.precision >= 0.8, "B3 precision {:.3}", s.precision);
}
