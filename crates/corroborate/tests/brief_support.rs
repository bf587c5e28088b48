//! Support matching on the shared data: the example cluster and NeuS validation stories.

mod common;

use corroborate::analyze::support::{SupportConfig, SupportIndex};
use corroborate::ingest::{read_clusters, read_inputs, IngestOptions};
use corroborate::{Cluster, Pipeline, PreparedCluster};

fn seeds() -> Option<PreparedCluster> {
    let dir = common::shared("seeds")?;
    let ingested = read_inputs(&[dir.display().to_string()], &IngestOptions::default());
    assert!(ingested.errors.is_empty(), "{:?}", ingested.errors);
    Some(Pipeline::default().prepare_documents(ingested.documents))
}

fn neus() -> Option<Vec<Cluster>> {
    let path = common::shared("data/summarization/neus-val.jsonl")?;
    let (clusters, errors) = read_clusters(&path).expect("readable neus-val");
    assert!(errors.is_empty());
    Some(clusters)
}

/// Prints every best cross-document match above 0.2 with its parts, for reading by eye:
/// `cargo test -p corroborate --test brief_support -- --ignored --nocapture dump`.
#[test]
#[ignore = "prints matches for manual threshold validation"]
fn dump_matches() {
    let filter = std::env::var("DUMP").unwrap_or_default();
    let mut clusters: Vec<PreparedCluster> = Vec::new();
    if filter.is_empty() || filter == "seeds" {
        clusters.extend(seeds());
    }
    if filter.is_empty() || filter.starts_with("neus") {
        let p = Pipeline::default();
        let id = filter.strip_prefix("neus:");
        clusters.extend(
            neus()
                .unwrap_or_default()
                .into_iter()
                .filter(|c| id.is_none_or(|id| c.id == id))
                .take(12)
                .map(|c| p.prepare(c)),
        );
    }
    for c in &clusters {
        let index = SupportIndex::new(c);
        println!("=== cluster {}", c.id);
        for claim in c.body_sentences() {
            for doc in 0..c.docs.len() {
                if doc == c.sentences[claim].doc {
                    continue;
                }
                if let Some((j, m)) = index.best_in_doc(c, claim, doc) {
                    if m.score >= 0.1 {
                        println!(
                            "{:.3} c={:.2} cos={:.2} n={} x={} miss={}\n  A[{}] {}\n  B[{}] {}",
                            m.score,
                            m.containment,
                            m.cosine,
                            m.names_agree,
                            m.numbers_conflict,
                            m.numbers_missing,
                            c.sentences[claim].doc,
                            c.text(claim),
                            doc,
                            c.text(j)
                        );
                    }
                }
            }
        }
    }
    let _ = SupportConfig::default();
}

/// Content stems of the sentence at `span` in document `doc` of the cluster.
fn stems_at(c: &PreparedCluster, doc: usize, start: usize) -> Vec<u32> {
    let i = c.doc_sentences[doc]
        .clone()
        .find(|&i| c.sentences[i].span.start == start)
        .expect("a passage starts a sentence");
    let mut t = c.sentences[i].terms.clone();
    t.sort_unstable();
    t.dedup();
    t
}

/// Every citation of a brief is a sentence of the cited source that shares at least three
/// content stems with the summary sentence; support counts equal the citations; the sentence's
/// own source comes first; single-source sentences are marked in Markdown.
fn check_brief_structure(c: &PreparedCluster) -> (usize, usize) {
    use corroborate::analyze::brief::{build_brief, BriefConfig};
    use corroborate::render::markdown;
    let brief = build_brief(c, &BriefConfig::default());
    let md = markdown::render(&brief);
    let total = c.docs.len();
    let mut corroborated = 0;
    for item in &brief.summary {
        assert_eq!(item.support, item.sources.len());
        assert_eq!(item.passages.len(), item.sources.len());
        let mut cited: Vec<usize> = item.passages.iter().map(|p| p.source).collect();
        cited.sort_unstable();
        assert_eq!(cited, item.sources);
        let own = &item.passages[0];
        // The displayed text leaves out a wire dateline or a label in front and a trailing
        // attribution; the passage keeps them.
        assert!(
            own.text.contains(item.text.trim_end_matches('.')),
            "{:?} / {:?}",
            own.text,
            item.text
        );
        let claim = stems_at(c, own.source - 1, own.start);
        for p in &item.passages {
            assert!((1..=total).contains(&p.source));
            assert_eq!(&c.docs[p.source - 1].text[p.start..p.end], p.text);
            if std::ptr::eq(p, own) {
                continue;
            }
            let stems = stems_at(c, p.source - 1, p.start);
            let shared = claim.iter().filter(|t| stems.contains(t)).count();
            assert!(
                shared >= 3,
                "citation [{}] shares {shared} stems:\n{}\n{}",
                p.source,
                item.text,
                p.text
            );
        }
        if item.support > 1 {
            corroborated += 1;
        }
        if total > 1 && item.support == 1 {
            let line = md.lines().find(|l| {
                l.contains(&format!("[{}] · ", item.sources[0])) && l.contains("single source")
            });
            assert!(line.is_some(), "single-source sentence not marked");
        }
    }
    (corroborated, brief.summary.len())
}

#[test]
fn seeds_brief_citations_say_what_the_summary_says() {
    let Some(c) = seeds() else { return };
    let (_, total) = check_brief_structure(&c);
    assert!(
        total >= 5,
        "a 250-word summary of five reports has several sentences"
    );
    // Across all the reports, several statements are found in more than one outlet, and
    // every match shares at least three content stems with its claim.
    let index = SupportIndex::new(&c);
    let config = SupportConfig::default();
    let mut corroborated = 0;
    for claim in c.body_sentences() {
        let s = index.support(&c, claim, &config);
        let stems = stems_at(&c, c.sentences[claim].doc, c.sentences[claim].span.start);
        for m in s.matches.iter().filter(|m| m.sentence != claim) {
            let other = stems_at(&c, m.doc, m.mention.span.start);
            assert!(stems.iter().filter(|t| other.contains(t)).count() >= 3);
        }
        if s.count() > 1 {
            corroborated += 1;
        }
    }
    eprintln!("seeds: {corroborated} sentences found in more than one outlet");
    assert!(
        corroborated >= 5,
        "only {corroborated} corroborated sentences"
    );
}

#[test]
fn neus_briefs_cite_only_their_three_outlets_with_true_passages() {
    let Some(clusters) = neus() else { return };
    let p = Pipeline::default();
    let (mut corroborated, mut total) = (0, 0);
    for cluster in clusters.into_iter().take(40) {
        let c = p.prepare(cluster);
        let (k, n) = check_brief_structure(&c);
        corroborated += k;
        total += n;
    }
    eprintln!("neus-val, 40 clusters: {corroborated} of {total} summary sentences corroborated");
    assert!(total > 100);
    assert!(corroborated > 0);
}
