//! The brief: a cited summary with support counts, quotes, numbers, entities, a timeline and
//! the list of sources, assembled from the summarizer and the analyzers for the renderers.
//!
//! Sources are numbered from 1 in input order; every `sources` list in a brief holds these
//! numbers (not 0-based document indices), and every [`Passage`] names its source the same
//! way, with a byte span into that source's text.

use super::copies::near_copies;
use super::support::{SentenceSupport, SupportConfig, SupportIndex};
use super::{Analysis, EntityKind, Mention, Speaker};
use crate::clean::BlockKind;
use crate::prepared::PreparedCluster;
use crate::summarize::{Budget, Method};
use serde::{Deserialize, Serialize};

/// How to build a brief: one serde struct shared by the CLI and a server.
#[derive(Debug, Clone, Copy, PartialEq, Serialize, Deserialize)]
#[serde(default)]
pub struct BriefConfig {
    /// Summarization method of the summary section.
    pub method: Method,
    /// Length of the summary section.
    pub budget: Budget,
    /// Support matching.
    pub support: SupportConfig,
}

impl Default for BriefConfig {
    fn default() -> Self {
        BriefConfig {
            method: default_method(),
            budget: Budget::Words(250),
            support: SupportConfig::default(),
        }
    }
}

/// The method a brief uses unless told otherwise: `default` when the summarizer offers it,
/// else `lead`.
pub fn default_method() -> Method {
    Method::from_name("default")
        .or_else(|| Method::from_name("lead"))
        .unwrap_or(Method::ALL[0])
}

/// Match score above which two sentences of one source say the same thing twice.
const REPEAT_SCORE: f64 = 0.6;

/// A place in a source: 1-based source number and byte span into that source's text.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Passage {
    /// Source number (1-based, as in [`SourceEntry::n`]).
    pub source: usize,
    /// Start byte offset in the source text.
    pub start: usize,
    /// End byte offset (exclusive).
    pub end: usize,
    /// The text of the span.
    pub text: String,
}

/// One input article as the brief lists it.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct SourceEntry {
    /// Source number, from 1, in input order.
    pub n: usize,
    /// Document id.
    pub id: String,
    /// Headline, when known.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub title: Option<String>,
    /// Outlet, when known.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub outlet: Option<String>,
    /// Where it was read from: URL, else path (with `:line` for JSONL inputs).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub origin: Option<String>,
    /// Publication date as the input gave it.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub date: Option<String>,
    /// When the input's date and the text's own date line disagree: which is used (the
    /// earlier) to read the source's relative dates, and the other.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub date_note: Option<String>,
    /// Words of story text kept after cleaning.
    pub words_kept: usize,
    /// Lines of page furniture removed by cleaning.
    pub lines_removed: usize,
    /// The earlier source this one nearly copies (source number), if any: at least 60% of
    /// either's word 5-grams are in the other (see `analyze/copies.rs`). Its support is listed
    /// but not counted as independent.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub copy_of: Option<usize>,
}

/// A summary sentence with every source that reports the same information.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct SummaryItem {
    /// The sentence as written in the source it was taken from.
    pub text: String,
    /// Sources that report it, sorted; the first passage's source is where it was taken from.
    pub sources: Vec<usize>,
    /// Number of independent sources that report it: `sources` with the near copies of one
    /// text (through `copy_of`, chains followed) counted once.
    pub support: usize,
    /// The sentence in each supporting source: the taken sentence first, then by source.
    pub passages: Vec<Passage>,
}

/// A quotation with its speaker and the sources that carry it.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct QuoteItem {
    /// The quoted words.
    pub text: String,
    /// Who said it, when known.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub speaker: Option<Speaker>,
    /// Sources that carry it, sorted.
    pub sources: Vec<usize>,
    /// Where it appears.
    pub passages: Vec<Passage>,
}

/// One value reported for a quantity.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct ValueItem {
    /// Normalized value.
    pub value: f64,
    /// As written ("nearly 30,000").
    pub text: String,
    /// Who gives the figure, when the sentence says ("IRC").
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub by: Option<String>,
    /// The time window the figure covers, when the sentence says ("since January").
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub when: Option<String>,
    /// Sources that give it, sorted.
    pub sources: Vec<usize>,
    /// Where it appears.
    pub passages: Vec<Passage>,
}

/// A quantity and the values the sources give for it.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct NumberItem {
    /// What is counted.
    pub what: String,
    /// Values, most supported first.
    pub values: Vec<ValueItem>,
    /// Whether the sources give values that cannot all be true for the same scope (who
    /// gives the figure, the time window).
    pub disagree: bool,
    /// Sources that themselves give two values that cannot both be true, sorted.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub within_source: Vec<usize>,
    /// The values differ, but each is given by someone else or for another time window.
    #[serde(default, skip_serializing_if = "std::ops::Not::not")]
    pub scoped: bool,
}

/// A named entity.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct EntityItem {
    /// Canonical name.
    pub name: String,
    /// Kind.
    pub kind: EntityKind,
    /// Other names used for it.
    pub aliases: Vec<String>,
    /// Sources that mention it, sorted.
    pub sources: Vec<usize>,
    /// Number of mentions.
    pub mentions: usize,
}

/// A dated statement.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct TimelineItem {
    /// ISO 8601 date, or the expression as written when unresolved.
    pub date: String,
    /// Whether `date` is resolved.
    pub resolved: bool,
    /// Why an unresolved date cannot be placed.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub undatable: Option<String>,
    /// The statement.
    pub text: String,
    /// Sources that state it, sorted.
    pub sources: Vec<usize>,
    /// Where it appears.
    pub passages: Vec<Passage>,
}

/// Everything a reader of a cluster needs, with citations by source number.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Brief {
    /// A headline for the brief (the first source's title, else the cluster id).
    pub title: String,
    /// The summarization method used.
    pub method: Method,
    /// The inputs, numbered from 1.
    pub sources: Vec<SourceEntry>,
    /// Cited summary sentences in reading order.
    pub summary: Vec<SummaryItem>,
    /// Direct quotations.
    pub quotes: Vec<QuoteItem>,
    /// Quantities and the values reported.
    pub numbers: Vec<NumberItem>,
    /// Named entities.
    pub entities: Vec<EntityItem>,
    /// Dated statements in date order.
    pub timeline: Vec<TimelineItem>,
    /// How many quotes, numbers, entities and timeline entries the analysis holds beyond
    /// the ones listed (`corroborate analyze --json` lists them all).
    #[serde(default)]
    pub omitted: Omitted,
}

/// Counts of the findings a brief leaves out of each capped section.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(default)]
pub struct Omitted {
    /// Quotations not listed.
    pub quotes: usize,
    /// Quantities not listed.
    pub numbers: usize,
    /// Entities not listed.
    pub entities: usize,
    /// Timeline entries not listed.
    pub timeline: usize,
}

impl Omitted {
    /// Whether nothing was left out.
    pub fn is_empty(&self) -> bool {
        *self == Omitted::default()
    }
}

/// The most quotations a brief lists.
pub const QUOTE_CAP: usize = 8;
/// The most quantities a brief lists.
pub const NUMBER_CAP: usize = 8;
/// The most entities a brief lists (only ones named by two sources or twice).
pub const ENTITY_CAP: usize = 20;
/// The most timeline entries a brief lists.
pub const TIMELINE_CAP: usize = 12;

/// The largest share of the input's story words the summary takes: short inputs are
/// compressed too (three short reports of one event do not come back whole).
const MAX_SHARE: f64 = 0.4;

/// The smallest word budget the share leaves (one or two sentences).
const MIN_WORDS: usize = 40;

impl Brief {
    /// Number of sources.
    pub fn source_count(&self) -> usize {
        self.sources.len()
    }
}

/// Build the brief of a cluster: summary with support, the analyses, the sources.
pub fn build_brief(cluster: &PreparedCluster, config: &BriefConfig) -> Brief {
    let (analysis, mentions) = super::analyze_with_mentions(cluster);
    let index = SupportIndex::with_entities(cluster, &analysis.entities, &mentions);
    brief_from(cluster, &analysis, &index, config)
}

/// Build the brief of a cluster from an analysis already made.
pub fn build_brief_with(
    cluster: &PreparedCluster,
    analysis: &Analysis,
    config: &BriefConfig,
) -> Brief {
    brief_from(cluster, analysis, &SupportIndex::new(cluster), config)
}

/// Build the brief of a cluster from an analysis and a support index already made.
fn brief_from(
    cluster: &PreparedCluster,
    analysis: &Analysis,
    index: &SupportIndex,
    config: &BriefConfig,
) -> Brief {
    let budget = scaled_budget(cluster, config.budget);
    let mut kept = edited_summary(cluster, index, config, budget, &[]);
    // Sentences left out (a dangling opening, a repeat) leave room: take more candidates
    // from a longer summary, in its order, while they fit.
    if under_filled(cluster, &kept, budget) {
        let first: Vec<usize> = kept.iter().map(|k| k.sentence).collect();
        kept = edited_summary(cluster, index, config, double(budget), &first);
        trim_to(cluster, &mut kept, budget);
    }
    // In the summarizer's reading order (of the longest summary asked for).
    let order = config.method.summarize(cluster, budget).sentences;
    let wider_order = if kept.iter().all(|k| order.contains(&k.sentence)) {
        order
    } else {
        config.method.summarize(cluster, double(budget)).sentences
    };
    kept.sort_by_key(|k| {
        wider_order
            .iter()
            .position(|&i| i == k.sentence)
            .unwrap_or(usize::MAX)
    });
    let sources = sources(cluster);
    let originals = originals(&sources);
    let items = kept
        .iter()
        .map(|s| summary_item(cluster, s, &originals))
        .collect();
    let sections = sections(cluster, analysis, true);
    let (quotes, numbers, entities, timeline, omitted) = capped(cluster, sections);
    Brief {
        title: brief_title(cluster),
        method: config.method,
        sources,
        summary: items,
        quotes,
        numbers,
        entities,
        timeline,
        omitted,
    }
}

fn double(budget: Budget) -> Budget {
    match budget {
        Budget::Words(w) => Budget::Words(w.saturating_mul(2)),
        Budget::Sentences(n) => Budget::Sentences(n.saturating_mul(2)),
    }
}

/// The summary budget for this input: the configured one, at most [`MAX_SHARE`] of the
/// story words (or sentences), never below [`MIN_WORDS`] words or one sentence.
fn scaled_budget(cluster: &PreparedCluster, budget: Budget) -> Budget {
    let body: Vec<usize> = cluster.body_sentences().collect();
    match budget {
        Budget::Words(w) => {
            let total: usize = body.iter().map(|&i| cluster.sentences[i].words).sum();
            let share = ((total as f64) * MAX_SHARE).ceil() as usize;
            Budget::Words(w.min(share.max(MIN_WORDS)))
        }
        Budget::Sentences(n) => {
            let share = ((body.len() as f64) * MAX_SHARE).ceil() as usize;
            Budget::Sentences(n.min(share.max(1)))
        }
    }
}

fn summary_words(cluster: &PreparedCluster, kept: &[SentenceSupport]) -> usize {
    kept.iter()
        .map(|k| cluster.sentences[k.sentence].words)
        .sum()
}

/// Whether the edited summary uses less than three quarters of its budget.
fn under_filled(cluster: &PreparedCluster, kept: &[SentenceSupport], budget: Budget) -> bool {
    match budget {
        Budget::Words(w) => summary_words(cluster, kept) * 4 < w * 3,
        Budget::Sentences(n) => kept.len() * 4 < n * 3,
    }
}

/// Drop the sentences that fit the budget least (the ones not in the first summary come
/// last) until the summary fits it again.
fn trim_to(cluster: &PreparedCluster, kept: &mut Vec<SentenceSupport>, budget: Budget) {
    let fits = |kept: &[SentenceSupport]| match budget {
        Budget::Words(w) => summary_words(cluster, kept) <= w,
        Budget::Sentences(n) => kept.len() <= n,
    };
    // The order of addition: `edited_summary` puts the preferred sentences first.
    while !fits(kept) && !kept.is_empty() {
        kept.pop();
    }
}

/// The summary of `budget`, edited: each thing said once with all its sources, no sentence
/// that leans on one left out, no cut quotation. Sentences of `prefer` (an earlier edited
/// summary) come first; the rest follow in the summary's reading order.
fn edited_summary(
    cluster: &PreparedCluster,
    index: &SupportIndex,
    config: &BriefConfig,
    budget: Budget,
    prefer: &[usize],
) -> Vec<SentenceSupport> {
    let summary = config.method.summarize(cluster, budget);
    let mut order: Vec<usize> = prefer.to_vec();
    order.extend(summary.sentences.iter().filter(|i| !prefer.contains(i)));
    let in_summary: std::collections::HashSet<usize> = order.iter().copied().collect();
    // Each thing is said once, with all its sources: a summary sentence that matches an
    // earlier one both ways (each cites the other as saying the same), one that repeats an
    // earlier sentence of its own source, and a line repeated verbatim (a caption printed
    // twice), are left out.
    let mut seen_text = std::collections::HashSet::new();
    let mut kept: Vec<SentenceSupport> = Vec::new();
    for i in order {
        let text = cluster.text(i);
        if !seen_text.insert(one_line(text)) || cut_quotation(&display_text(text)) {
            continue;
        }
        // A sentence that leans on the one before it ("He said", "But it ...") is taken
        // only with that one.
        if cluster.sentences[i].leans_back
            && !(i > 0
                && cluster.sentences[i - 1].doc == cluster.sentences[i].doc
                && in_summary.contains(&(i - 1))
                && kept.iter().any(|k| k.sentence == i - 1))
        {
            continue;
        }
        let support = index.support(cluster, i, &config.support);
        let redundant = kept.iter().any(|k| {
            let mutual = k.matches.iter().any(|m| m.sentence == i)
                && support.matches.iter().any(|m| m.sentence == k.sentence);
            let same_doc = cluster.sentences[k.sentence].doc == cluster.sentences[i].doc;
            mutual || (same_doc && index.score(i, k.sentence).score >= REPEAT_SCORE)
        });
        if !redundant {
            kept.push(support);
        }
    }
    kept
}

/// Cap each section to what matters most and count what is left out.
#[allow(clippy::type_complexity)]
fn capped(
    cluster: &PreparedCluster,
    sections: Sections,
) -> (
    Vec<QuoteItem>,
    Vec<NumberItem>,
    Vec<EntityItem>,
    Vec<TimelineItem>,
    Omitted,
) {
    let central = Centrality::new(cluster);
    let Sections {
        quotes,
        numbers,
        entities,
        timeline,
    } = sections;
    // Quotes: carried by most sources, speaker named, whole sentences rather than a few
    // words, about what the cluster is about; listed in the analysis' order.
    let quote_total = quotes.len();
    let quotes = top(quotes, QUOTE_CAP, |q| {
        let words = q.text.split_whitespace().count();
        (
            q.sources.len(),
            usize::from(q.speaker.is_some()),
            usize::from(words >= 6),
            central.score(&q.text),
        )
    });
    // Numbers: disagreements, then most sources, then most central.
    let number_total = numbers.len();
    let numbers = top(numbers, NUMBER_CAP, |g| {
        let sources: std::collections::BTreeSet<usize> = g
            .values
            .iter()
            .flat_map(|v| v.sources.iter().copied())
            .collect();
        let text: String = g.values.iter().map(|v| v.text.as_str()).collect();
        (
            usize::from(g.disagree),
            sources.len(),
            0,
            central.score(&format!("{} {text}", g.what)),
        )
    });
    // Entities: the analysis lists the most widely reported first; one named once in one
    // source is not listed.
    let entity_total = entities.len();
    let entities: Vec<EntityItem> = entities
        .into_iter()
        .filter(|e| e.sources.len() > 1 || e.mentions > 1)
        .take(ENTITY_CAP)
        .collect();
    // Timeline: resolved dates, most sources, most central; listed in date order.
    let timeline_total = timeline.len();
    let timeline = top(timeline, TIMELINE_CAP, |t| {
        (
            usize::from(t.resolved),
            t.sources.len(),
            0,
            central.score(&t.text),
        )
    });
    let omitted = Omitted {
        quotes: quote_total - quotes.len(),
        numbers: number_total - numbers.len(),
        entities: entity_total - entities.len(),
        timeline: timeline_total - timeline.len(),
    };
    (quotes, numbers, entities, timeline, omitted)
}

/// The `cap` items ranked highest by `key` (ties: earlier first), in their original order.
fn top<T>(items: Vec<T>, cap: usize, key: impl Fn(&T) -> (usize, usize, usize, u64)) -> Vec<T> {
    if items.len() <= cap {
        return items;
    }
    let mut ranked: Vec<(usize, (usize, usize, usize, u64))> =
        items.iter().enumerate().map(|(k, t)| (k, key(t))).collect();
    ranked.sort_by(|a, b| b.1.cmp(&a.1).then(a.0.cmp(&b.0)));
    let mut chosen: Vec<usize> = ranked.into_iter().take(cap).map(|(k, _)| k).collect();
    chosen.sort_unstable();
    let mut keep = vec![false; items.len()];
    for k in chosen {
        keep[k] = true;
    }
    items
        .into_iter()
        .zip(keep)
        .filter_map(|(t, k)| k.then_some(t))
        .collect()
}

/// How central a text is to the cluster: the mean share of the sources that use each of
/// its content words, in millionths (an integer, so ranking is exact and repeatable).
struct Centrality<'a> {
    cluster: &'a PreparedCluster,
    doc_freq: std::collections::HashMap<u32, usize>,
    stemmer: crate::segment::EnglishStemmer,
}

impl<'a> Centrality<'a> {
    fn new(cluster: &'a PreparedCluster) -> Self {
        let mut seen: std::collections::HashSet<(u32, usize)> = std::collections::HashSet::new();
        let mut doc_freq = std::collections::HashMap::new();
        for s in &cluster.sentences {
            for &t in &s.terms {
                if seen.insert((t, s.doc)) {
                    *doc_freq.entry(t).or_insert(0) += 1;
                }
            }
        }
        Centrality {
            cluster,
            doc_freq,
            stemmer: crate::segment::EnglishStemmer::default(),
        }
    }

    fn score(&self, text: &str) -> u64 {
        let docs = self.cluster.docs.len().max(1) as u64;
        let (mut sum, mut n) = (0u64, 0u64);
        for w in text
            .split(|c: char| !c.is_alphanumeric())
            .filter(|w| w.len() > 2)
            .take(200)
        {
            let lower = w.to_lowercase();
            if crate::lang::Language::English.is_stop_word(&lower) {
                continue;
            }
            if let Some(t) = self.cluster.vocab.get(&self.stemmer.stem(&lower)) {
                sum += self.doc_freq.get(&t).copied().unwrap_or(0) as u64 * 1_000_000 / docs;
                n += 1;
            }
        }
        sum.checked_div(n).unwrap_or(0)
    }
}

/// A sentence as the brief shows it: as a summary shows it (see
/// [`crate::summarize::display_text`]). Its passage still points at the whole sentence in
/// the source.
pub use crate::summarize::display_text;

/// Whether a sentence is a cut quotation: it opens a quotation it does not close, closes one
/// it did not open, or starts in the middle of one (a lowercase opening).
fn cut_quotation(t: &str) -> bool {
    let t = t.trim();
    let opens = t.matches('\u{201c}').count();
    let closes = t.matches('\u{201d}').count();
    let straight = t.matches('"').count();
    // ``...'' as older wire copy writes quotations.
    let (ticks, apostrophes) = (t.matches("``").count(), t.matches("''").count());
    t.starts_with(|c: char| c.is_lowercase())
        || opens != closes
        || straight % 2 == 1
        || ticks != apostrophes
        || (opens == 0 && straight == 0 && t.starts_with('\u{201d}'))
}

/// The quotes, numbers, entities and timeline of an analysis as the brief and the full
/// report show them: source numbers and passages into the sources as read.
pub(crate) struct Sections {
    pub quotes: Vec<QuoteItem>,
    pub numbers: Vec<NumberItem>,
    pub entities: Vec<EntityItem>,
    pub timeline: Vec<TimelineItem>,
}

/// [`Sections`] of `analysis`. With `one_per_sentence`, a sentence with two time expressions
/// ("on Wednesday ... next week") is placed on the timeline once, at its first (the analysis
/// lists resolved dates first, then in text order); without it every entry is kept.
pub(crate) fn sections(
    cluster: &PreparedCluster,
    analysis: &Analysis,
    one_per_sentence: bool,
) -> Sections {
    let passages = |mentions: &[Mention]| -> Vec<Passage> {
        let mut out: Vec<Passage> = mentions
            .iter()
            .filter_map(|m| passage(cluster, m))
            .collect();
        out.sort_by_key(|p| (p.source, p.start, p.end));
        out.dedup();
        out
    };
    let mut seen_timeline = std::collections::HashSet::new();
    Sections {
        quotes: analysis
            .quotes
            .iter()
            .map(|q| QuoteItem {
                text: q.text.clone(),
                speaker: q.speaker.clone(),
                sources: numbers_of(&q.sources),
                passages: passages(&q.mentions),
            })
            .collect(),
        numbers: analysis
            .numbers
            .iter()
            .map(|g| NumberItem {
                what: g.what.clone(),
                values: g
                    .values
                    .iter()
                    .map(|v| ValueItem {
                        value: v.value,
                        text: v.text.clone(),
                        by: v.by.clone(),
                        when: v.when.clone(),
                        sources: numbers_of(&v.sources),
                        passages: passages(&v.mentions),
                    })
                    .collect(),
                disagree: g.disagree,
                within_source: numbers_of(&g.within_source),
                scoped: g.scoped,
            })
            .collect(),
        entities: analysis
            .entities
            .iter()
            .map(|e| EntityItem {
                name: e.name.clone(),
                kind: e.kind,
                aliases: e.aliases.clone(),
                sources: numbers_of(&e.sources),
                mentions: e.mentions,
            })
            .collect(),
        timeline: analysis
            .timeline
            .iter()
            .filter(|t| !one_per_sentence || seen_timeline.insert(one_line(&t.text)))
            .map(|t| TimelineItem {
                date: t.date.clone(),
                resolved: t.resolved,
                undatable: t.undatable.clone(),
                text: t.text.clone(),
                sources: numbers_of(&t.sources),
                passages: passages(&t.mentions),
            })
            .collect(),
    }
}

/// For each source (0-based), the source (0-based) whose text it repeats through a chain of
/// near copies: itself when it is no copy. A copy always names an earlier source, so one pass
/// in order resolves every chain.
fn originals(sources: &[SourceEntry]) -> Vec<usize> {
    let mut out: Vec<usize> = Vec::with_capacity(sources.len());
    for (d, s) in sources.iter().enumerate() {
        let original = match s.copy_of.map(|n| n.wrapping_sub(1)) {
            Some(e) if e < d => out[e],
            _ => d,
        };
        out.push(original);
    }
    out
}

fn summary_item(
    cluster: &PreparedCluster,
    support: &SentenceSupport,
    originals: &[usize],
) -> SummaryItem {
    let own = cluster.sentences[support.sentence].doc;
    let mut passages: Vec<Passage> = support
        .matches
        .iter()
        .filter_map(|m| passage(cluster, &m.mention))
        .collect();
    // The sentence's own source first, then the others by number.
    passages.sort_by_key(|p| (p.source != own + 1, p.source));
    let docs = support.docs();
    // Near copies of one text (the original among them or not) are one independent source.
    let mut independent: Vec<usize> = docs
        .iter()
        .map(|&d| originals.get(d).copied().unwrap_or(d))
        .collect();
    independent.sort_unstable();
    independent.dedup();
    SummaryItem {
        text: display_text(cluster.text(support.sentence)).into_owned(),
        sources: numbers_of(&docs),
        support: independent.len(),
        passages,
    }
}

pub(crate) fn one_line(s: &str) -> String {
    s.split_whitespace().collect::<Vec<_>>().join(" ")
}

/// 1-based source numbers of 0-based document indices, sorted and unique.
pub(crate) fn numbers_of(docs: &[usize]) -> Vec<usize> {
    let mut out: Vec<usize> = docs.iter().map(|d| d + 1).collect();
    out.sort_unstable();
    out.dedup();
    out
}

/// The passage of a mention, or `None` when the mention does not fit its document (an
/// analyzer bug must not crash the brief).
pub(crate) fn passage(cluster: &PreparedCluster, m: &Mention) -> Option<Passage> {
    let text = cluster.docs.get(m.doc)?.text.get(m.span.clone())?;
    Some(Passage {
        source: m.doc + 1,
        start: m.span.start,
        end: m.span.end,
        text: text.to_string(),
    })
}

fn brief_title(cluster: &PreparedCluster) -> String {
    cluster
        .docs
        .iter()
        .find_map(|d| d.title.as_deref().filter(|t| !t.trim().is_empty()))
        .map(|t| t.trim().to_string())
        .unwrap_or_else(|| cluster.id.clone())
}

pub(crate) fn sources(cluster: &PreparedCluster) -> Vec<SourceEntry> {
    let copies = near_copies(cluster);
    cluster
        .docs
        .iter()
        .enumerate()
        .map(|(d, doc)| {
            let cleaned = cluster.cleaned.get(d);
            let words_kept = cleaned.map_or(0, |c| {
                c.kept
                    .iter()
                    .map(|b| doc.text[b.span.clone()].split_whitespace().count())
                    .sum()
            });
            let origin = doc.origin.url.clone().or_else(|| {
                doc.origin.path.as_ref().map(|p| match doc.origin.line {
                    Some(line) => format!("{p}:{line}"),
                    None => p.clone(),
                })
            });
            // The input's headline, else the first heading the cleaner kept.
            let title = doc.title.clone().or_else(|| {
                cleaned?
                    .kept
                    .iter()
                    .find(|b| b.kind == BlockKind::Heading)
                    .map(|b| doc.text[b.span.clone()].trim().to_string())
            });
            SourceEntry {
                n: d + 1,
                id: doc.id.clone(),
                title,
                outlet: doc.source.clone(),
                origin,
                date: doc.published.clone(),
                date_note: super::timeline::source_date(cluster, d).conflict,
                words_kept,
                lines_removed: cleaned.map_or(0, |c| c.removed.len()),
                copy_of: copies.get(d).copied().flatten().map(|o| o + 1),
            }
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::analyze::support::SupportMatch;
    use crate::analyze::{NumberGroup, NumberValue};
    use crate::{Document, Pipeline};

    fn cluster() -> PreparedCluster {
        let mut docs = vec![
            Document::from_text(
                "a",
                "Harbor fire\n\nA fire destroyed three warehouses at Kessel harbor on Tuesday night. \
                 The cause is not known.",
            ),
            Document::from_text(
                "b",
                "Warehouses burn\n\nThree warehouses at Kessel harbor were destroyed by a fire on Tuesday night. \
                 Twelve people were hurt.",
            ),
            Document::from_text(
                "c",
                "Council news\n\nThe council met on Monday to discuss parking fees in the old town.",
            ),
        ];
        docs[0].title = Some("Harbor fire".into());
        Pipeline::default().prepare_documents(docs)
    }

    #[test]
    fn summary_items_cite_every_supporting_source_with_its_sentence() {
        let c = cluster();
        let brief = build_brief(&c, &BriefConfig::default());
        let fire = brief
            .summary
            .iter()
            .find(|s| s.text.starts_with("A fire destroyed"))
            .expect("lead picks the first sentence of source 1");
        assert_eq!(fire.sources, vec![1, 2]);
        assert_eq!(fire.support, 2);
        assert_eq!(fire.passages[0].source, 1);
        assert_eq!(fire.passages[1].source, 2);
        assert!(fire.passages[1].text.starts_with("Three warehouses"));
        let council = brief
            .summary
            .iter()
            .find(|s| s.text.starts_with("The council"))
            .expect("lead picks the first sentence of source 3");
        assert_eq!(council.sources, vec![3]);
        assert_eq!(council.support, 1);
    }

    #[test]
    fn sources_are_numbered_from_one_with_kept_words() {
        let brief = build_brief(&cluster(), &BriefConfig::default());
        let ns: Vec<usize> = brief.sources.iter().map(|s| s.n).collect();
        assert_eq!(ns, vec![1, 2, 3]);
        assert!(brief.sources[0].words_kept >= 15);
        assert_eq!(brief.title, "Harbor fire");
    }

    #[test]
    fn analysis_documents_become_source_numbers_and_bad_spans_are_dropped() {
        let c = cluster();
        let analysis = Analysis {
            numbers: vec![NumberGroup {
                what: "people hurt".into(),
                values: vec![NumberValue {
                    value: 12.0,
                    low: 12.0,
                    high: 12.0,
                    qualifier: String::new(),
                    text: "Twelve".into(),
                    by: None,
                    when: None,
                    sources: vec![1],
                    mentions: vec![
                        Mention { doc: 1, span: 0..7 },
                        Mention {
                            doc: 1,
                            span: 5000..5007,
                        },
                        Mention { doc: 9, span: 0..1 },
                    ],
                }],
                disagree: false,
                within_source: Vec::new(),
                scoped: false,
            }],
            ..Analysis::default()
        };
        let brief = build_brief_with(&c, &analysis, &BriefConfig::default());
        let v = &brief.numbers[0].values[0];
        assert_eq!(v.sources, vec![2]);
        assert_eq!(v.passages.len(), 1);
        assert_eq!(v.passages[0].source, 2);
    }

    #[test]
    fn config_round_trips_through_json() {
        let config = BriefConfig::default();
        let json = serde_json::to_string(&config).expect("serializable");
        let back: BriefConfig = serde_json::from_str(&json).expect("parses");
        assert_eq!(config, back);
    }

    #[test]
    fn cut_quotations_are_found() {
        assert!(cut_quotation(
            "He told the wire: \u{201c}The battle is fierce."
        ));
        assert!(cut_quotation("we will stay,\u{201d} she said."));
        assert!(cut_quotation("He said, ``It is over."));
        assert!(!cut_quotation(
            "\"We expect it to be over soon,\" said the spokesman."
        ));
        assert!(!cut_quotation("He said ``it is over'' on Monday."));
    }

    fn short_reports() -> PreparedCluster {
        let docs = [
            "A fire destroyed three warehouses at Kessel harbor on Tuesday night, the harbor \
             office said. Firefighters from four towns fought the blaze for six hours before \
             they brought it under control. Nobody was hurt, but the port will stay closed \
             until Friday while engineers check the quay walls.",
            "Three warehouses burned down at Kessel harbor late on Tuesday. The fire started in \
             a storage hall and spread quickly in the strong wind. The harbor office said the \
             port would stay closed until Friday and that the cause of the fire is not yet \
             known to investigators.",
            "Fire crews spent six hours fighting a blaze that destroyed three warehouses in \
             Kessel harbor on Tuesday. The harbor will remain closed until Friday. Investigators \
             have not yet said what caused the fire, which started in a storage hall near the \
             quay.",
        ];
        crate::analyze::test_cluster(&docs)
    }

    #[test]
    fn an_edited_copy_is_marked_and_counted_once() {
        use crate::analyze::copies::tests::{EDITED, ORIGINAL, OWN_REPORT};
        let c = crate::analyze::test_cluster(&[ORIGINAL, OWN_REPORT, EDITED]);
        let brief = build_brief(&c, &BriefConfig::default());
        let copies: Vec<Option<usize>> = brief.sources.iter().map(|s| s.copy_of).collect();
        assert_eq!(copies, vec![None, None, Some(1)]);
        let both: Vec<&SummaryItem> = brief
            .summary
            .iter()
            .filter(|s| s.sources.contains(&1) && s.sources.contains(&3))
            .collect();
        assert!(!both.is_empty(), "{:#?}", brief.summary);
        for s in both {
            assert_eq!(s.support, s.sources.len() - 1, "{s:#?}");
        }
    }

    #[test]
    fn copies_of_one_text_count_once_without_their_original() {
        let mut sources = sources(&cluster());
        sources[1].copy_of = Some(1);
        sources[2].copy_of = Some(2);
        assert_eq!(originals(&sources), vec![0, 0, 0]);
        // Sources 2 and 3 (both copies of source 1, which does not report it): one source.
        let c = cluster();
        let matches: Vec<SupportMatch> = [1, 2]
            .into_iter()
            .map(|d| {
                let sentence = c.doc_sentences[d].start;
                SupportMatch {
                    doc: d,
                    sentence,
                    score: 1.0,
                    mention: Mention {
                        doc: d,
                        span: c.sentences[sentence].span.clone(),
                    },
                }
            })
            .collect();
        let support = SentenceSupport {
            sentence: matches[0].sentence,
            matches,
        };
        let item = summary_item(&c, &support, &originals(&sources));
        assert_eq!(item.sources, vec![2, 3]);
        assert_eq!(item.support, 1);
        let item = summary_item(&c, &support, &[0, 1, 2]);
        assert_eq!(item.support, 2);
    }

    #[test]
    fn short_inputs_are_compressed() {
        let c = short_reports();
        let input: usize = c.body_sentences().map(|i| c.sentences[i].words).sum();
        let brief = build_brief(&c, &BriefConfig::default());
        let words: usize = brief
            .summary
            .iter()
            .map(|s| s.text.split_whitespace().count())
            .sum();
        assert!(!brief.summary.is_empty());
        assert!(
            words * 2 <= input,
            "{words} of {input} words: {:#?}",
            brief.summary
        );
    }

    #[test]
    fn sections_are_capped_and_count_what_they_leave_out() {
        let c = cluster();
        let mention = Mention { doc: 0, span: 0..5 };
        let quote = |k: usize| crate::analyze::Quote {
            text: format!("We will reopen the harbor soon, number {k}"),
            speaker: None,
            sources: vec![0],
            mentions: vec![mention.clone()],
        };
        let analysis = Analysis {
            quotes: (0..30).map(quote).collect(),
            ..Analysis::default()
        };
        let brief = build_brief_with(&c, &analysis, &BriefConfig::default());
        assert_eq!(brief.quotes.len(), QUOTE_CAP);
        assert_eq!(brief.omitted.quotes, 30 - QUOTE_CAP);
        assert_eq!(brief.omitted.numbers, 0);
        // The listed ones keep the analysis' order.
        assert!(brief
            .quotes
            .windows(2)
            .all(|w| w[0].text < w[1].text || w[0].text.len() < w[1].text.len()));
    }
}
