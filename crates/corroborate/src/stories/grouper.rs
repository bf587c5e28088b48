//! The online grouper: each article joins its best-matching story or starts a new one.
//!
//! Per article: features (`Featurizer`); a syndication check (`SyndicationIndex`); the
//! article's top `query_terms` terms by TF-IDF look up the stories recently indexed under
//! them (`Postings`, at most `posting_cap` per term); the `candidates` stories with the
//! most query weight are scored in full by cosine against their centroids under current
//! IDF, times a time decay; the best at or above `threshold` wins. The work per article is
//! bounded by the parameters, not by the number of stories.
//!
//! Small-story folding: a story of at most `fold_max_size` independent articles whose last
//! member is `fold_after` articles back in the stream is compared (its centroid, through the
//! same candidate lookup) with the stories of at least `fold_min_target` articles; at centroid
//! cosine `fold_similarity` or more it is folded into the best one (its centroid added to
//! that story's, its articles reported there). Online single-pass grouping leaves the
//! articles of a broad story that share few words with its first members as singletons; a
//! delayed decision sees the story grown and IDF settled. The decision is taken right after
//! the article at that fixed stream position, so it depends only on the stream order, not on
//! where a run ends (two halves with the state still equal one run). Stories still waiting
//! for their decision at the end of a run are reported under the story they would fold into
//! now ([`StoryGrouper::reported_stories`]); the state keeps them waiting.

use super::features::{ArticleFeatures, Featurizer};
use super::index::{Postings, TermTable};
use super::minhash::{self, Signature, SyndicationIndex};
use super::stream::StreamArticle;
use super::StoryConfig;
use crate::dates::{Minutes, MINUTES_PER_DAY};
use crate::document::Document;
use crate::sparse::{dot, merge_add};
use rustc_hash::FxHashMap as HashMap;
use serde::{Deserialize, Serialize};
use std::collections::{BTreeSet, VecDeque};

/// An original as the consolidation reads it: (story joined, date, raw term weights).
type ArticleVector = (u32, Option<Minutes>, Vec<(u32, f32)>);

/// Where an article went.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Assignment {
    /// The article.
    pub doc_id: String,
    /// Its story.
    pub story: u32,
    /// The original of which it is a syndicated copy, if it is one.
    pub duplicate_of: Option<String>,
}

/// What the grouper remembers about an article.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct ArticleRecord {
    /// Position in the whole stream (0-based, across runs).
    pub seq: u64,
    /// The article id.
    pub doc_id: String,
    /// Its story.
    pub story: u32,
    /// The original it copies, if it is a syndicated copy.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub duplicate_of: Option<String>,
    /// Headline.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub title: Option<String>,
    /// Outlet.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub source: Option<String>,
    /// Publication date.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub date: Option<Minutes>,
    /// Terms under which the article indexed its story (replayed to rebuild the postings).
    #[serde(default)]
    pub indexed: Vec<u32>,
    /// MinHash signature of an original (replayed to rebuild the syndication index).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub signature: Option<Vec<u8>>,
    /// The original's raw term weights, kept only when end-of-run consolidation is on
    /// ([`StoryConfig::consolidate_dims`]): it is recomputed from them after each run.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub terms: Vec<(u32, f32)>,
}

/// A story: its centroid and what a listing shows.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Story {
    /// Story id (0-based, in order of creation).
    pub id: u32,
    /// Articles, syndicated copies included.
    pub size: u32,
    /// Articles that are not syndicated copies.
    pub independent: u32,
    /// Sum of the members' unit TF-IDF vectors as raw term weights divided by each
    /// article's norm, `(term, weight)` sorted by term; pruned to the heaviest terms.
    pub centroid: Vec<(u32, f32)>,
    /// Earliest member date.
    pub first: Option<Minutes>,
    /// Latest member date.
    pub last: Option<Minutes>,
    /// Headline of the first article (or its opening words).
    pub headline: String,
    /// Outlets of independent members, sorted, each once.
    pub sources: Vec<String>,
    /// Whether the story's articles read as English (languages are grouped apart).
    pub english: bool,
    /// The language of a story that is not English, when its first article's stop words
    /// named one (`features::ArticleFeatures::language`); stories of different languages
    /// are grouped apart. `None` for English and for a language without a stop list.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub language: Option<String>,
    /// Stream position of the last independent member (when its fold is due).
    #[serde(default)]
    pub last_seq: u64,
    /// The story this one was folded into; its articles are reported there.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub folded_into: Option<u32>,
}

impl Story {
    /// One number per language for the consolidation: 0 English, 1 another language
    /// without a stop list, then one per language of `stop_words::LANGUAGES`.
    fn language_key(&self) -> u8 {
        if self.english {
            return 0;
        }
        let known = self.language.as_deref().and_then(|code| {
            crate::lang::stop_words::LANGUAGES
                .iter()
                .position(|l| l.code == code)
        });
        known.map_or(1, |i| 2 + i as u8)
    }
}

/// Changes since the last [`StoryGrouper::take_changes`], for persistence.
#[derive(Debug, Default)]
pub struct Changes {
    /// Stories created or changed.
    pub stories: BTreeSet<u32>,
    /// Terms created or whose document frequency changed.
    pub terms: BTreeSet<u32>,
    /// Articles added, in stream order.
    pub articles: Vec<ArticleRecord>,
}

/// The grouper with everything it has learnt from the stream so far.
#[derive(Debug)]
pub struct StoryGrouper {
    config: StoryConfig,
    featurizer: Featurizer,
    pub(crate) terms: TermTable,
    postings: Postings,
    pub(crate) stories: Vec<Story>,
    syndication: SyndicationIndex,
    /// doc id -> (story, duplicate_of), for every article seen.
    pub(crate) seen: HashMap<String, (u32, Option<String>)>,
    /// Stream position -> doc id of originals (to name the original of a copy).
    originals: HashMap<u64, String>,
    pub(crate) next_seq: u64,
    changes: Changes,
    /// Whether changes are recorded (only when a store will take them).
    track: bool,
    /// Buffers reused from one article to the next.
    scratch: Scratch,
    /// Fold decisions to take: (stream position, story), in position order. An entry whose
    /// story has grown or gained a member since is skipped.
    due: VecDeque<(u64, u32)>,
    /// Story -> the story it was folded into (itself if none): `Story::folded_into` in a
    /// compact array, read for every posting entry of every article.
    parent: Vec<u32>,
    /// Originals' (story joined, date, raw term weights), in stream order, when consolidation is
    /// on ([`super::consolidate`]).
    vectors: Vec<ArticleVector>,
    /// Whether each article's decision is recorded ([`StoryGrouper::explain`]).
    explain: bool,
    /// The last article's decision, when recorded.
    last_decision: Option<Decision>,
    /// The folds taken in this run, when decisions are recorded.
    folds: Vec<Merge>,
}

/// Why an article joined its story or started one (`stories --explain`).
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Decision {
    /// The best candidate story (as reported when decided; `None`: no candidate).
    pub candidate: Option<u32>,
    /// Its similarity (TF-IDF cosine to the centroid, times the time factor).
    pub score: f32,
    /// Its similarity without the `robust_drop` heaviest shared terms.
    pub robust: f32,
    /// Whether the article joined it.
    pub joined: bool,
    /// The shared terms that weigh most in the score, heaviest first (`@`: a name).
    pub matched: Vec<String>,
    /// `joined`, `copy` (syndicated copy of a member), `new: below threshold`,
    /// `new: few shared words` (robust check failed), `new: no candidate`,
    /// `new: no content word`.
    pub reason: &'static str,
}

/// Why a story's articles are reported under another story at the end of a run
/// (`stories --explain`): a small-story fold or a merge of the end-of-run consolidation.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Merge {
    /// The story merged.
    pub story: u32,
    /// The story it went into (which may itself go into another: follow the merges).
    pub into: u32,
    /// `fold` (a story of at most `fold_max_size` articles into its nearest story of at
    /// least `fold_min_target`), `absolute` (consolidation: average link at least
    /// `consolidate_threshold`, with its size, term, name and robust conditions) or
    /// `relative` (consolidation: average link at least `consolidate_relative` times the
    /// geometric mean of the two stories' cohesions).
    pub rule: &'static str,
    /// The similarity: centroid cosine for a fold, average link for the consolidation.
    pub score: f32,
    /// What the rule needed of `score`.
    pub needed: f32,
    /// The similarity without the `robust_drop` heaviest shared terms (a fold: centroid
    /// cosine; the consolidation: word link).
    pub robust: f32,
    /// The shared terms that weigh most, heaviest first (`@`: a name).
    pub matched: Vec<String>,
}

impl Decision {
    fn new(candidate: Option<u32>, reason: &'static str) -> Self {
        Decision {
            candidate,
            score: 0.0,
            robust: 0.0,
            joined: false,
            matched: Vec::new(),
            reason,
        }
    }
}

/// The story a small story folds into, with the similarity that chose it.
#[derive(Debug, Clone, Copy)]
struct FoldTarget {
    story: u32,
    /// Centroid cosine.
    score: f32,
    /// Centroid cosine without the `robust_drop` heaviest shared terms.
    robust: f32,
}

/// Per-article working arrays, kept between articles to avoid reallocating them; all
/// entries are back to zero / false between articles.
#[derive(Debug, Default)]
struct Scratch {
    /// Story -> summed query weight.
    hits: Vec<f32>,
    /// Story -> whether it is in `touched`.
    marked: Vec<bool>,
    /// Stories with a hit, in order of first hit.
    touched: Vec<u32>,
    /// Term -> the article's IDF-weighted value.
    dense: Vec<f32>,
    /// Story -> 1 + the query term that last counted it (a story folded into another shares
    /// its posting lists; each term counts a story once).
    stamp: Vec<u32>,
}

impl StoryGrouper {
    /// An empty grouper.
    pub fn new(config: StoryConfig) -> Self {
        let postings = Postings::new(config.posting_cap);
        let terms = TermTable::with_background(config.background_docs, config.background_length);
        let mut featurizer = Featurizer::with_lead(config.lead_words, config.lead_extra)
            .with_name_weight(config.name_weight);
        if !config.name_features {
            featurizer = featurizer.without_names();
        }
        StoryGrouper {
            config,
            featurizer,
            terms,
            postings,
            stories: Vec::new(),
            syndication: SyndicationIndex::default(),
            seen: HashMap::default(),
            originals: HashMap::default(),
            next_seq: 0,
            changes: Changes::default(),
            track: false,
            scratch: Scratch::default(),
            due: VecDeque::new(),
            parent: Vec::new(),
            vectors: Vec::new(),
            explain: false,
            last_decision: None,
            folds: Vec::new(),
        }
    }

    /// Record why each article went where it did ([`StoryGrouper::take_decision`]).
    pub fn explain(&mut self, on: bool) {
        self.explain = on;
    }

    /// The decision on the last article added, when [`StoryGrouper::explain`] is on (`None`
    /// for an article seen in an earlier run).
    pub fn take_decision(&mut self) -> Option<Decision> {
        self.last_decision.take()
    }

    /// The parameters.
    pub fn config(&self) -> &StoryConfig {
        &self.config
    }

    /// Stories so far, indexed by id.
    pub fn stories(&self) -> &[Story] {
        &self.stories
    }

    /// Articles seen so far.
    pub fn articles_seen(&self) -> u64 {
        self.next_seq
    }

    /// The assignment of an article already seen (in this or an earlier run): the story it
    /// joined, or the story that one has been folded into since.
    pub fn assignment(&self, doc_id: &str) -> Option<Assignment> {
        self.seen.get(doc_id).map(|(story, dup)| Assignment {
            doc_id: doc_id.to_string(),
            story: self.root(*story),
            duplicate_of: dup.clone(),
        })
    }

    /// The story a story's articles now belong to (following folds).
    pub fn root(&self, mut story: u32) -> u32 {
        while let Some(&next) = self.parent.get(story as usize) {
            if next == story {
                break;
            }
            story = next;
        }
        story
    }

    /// For each story id, the story its articles are reported under at this point of the
    /// stream: folds decided so far are followed, and a small story still waiting for its
    /// decision is reported under the story it would be folded into if the stream ended
    /// here (itself if none). The state keeps such a story waiting, so a later run can
    /// still decide otherwise; everything else is final. Costs one candidate lookup per
    /// waiting story (at most one per article of the last `fold_after`).
    pub fn reported_stories(&self) -> Vec<u32> {
        self.report(false).0
    }

    /// [`StoryGrouper::reported_stories`], with why each story that is reported under
    /// another went there: the folds taken in this run while [`StoryGrouper::explain`] was
    /// on, the folds still pending, and the merges of the end-of-run consolidation, in that
    /// order. A story moves at most once; follow `into` from an article's story to the story
    /// it is reported under.
    pub fn reported_stories_explained(&self) -> (Vec<u32>, Vec<Merge>) {
        self.report(true)
    }

    fn report(&self, explain: bool) -> (Vec<u32>, Vec<Merge>) {
        let mut merges = if explain {
            self.folds.clone()
        } else {
            Vec::new()
        };
        // Pending stories are roots; their would-be targets are roots too.
        let mut target: Vec<u32> = (0..self.stories.len() as u32).collect();
        let mut scratch = Scratch::default();
        for &(due, s) in &self.due {
            if self.fold_pending(due, s) {
                if let Some(t) = self.fold_target(s, &mut scratch) {
                    target[s as usize] = t.story;
                    if explain {
                        merges.push(self.fold_merge(s, t));
                    }
                }
            }
        }
        let folded: Vec<u32> = (0..self.stories.len() as u32)
            .map(|s| target[self.root(s) as usize])
            .collect();
        if self.config.consolidate_dims == 0 {
            return (folded, merges);
        }
        // End-of-run consolidation, on top of the folds (a read-out, like them).
        let members: Vec<super::consolidate::Member<'_>> = self
            .vectors
            .iter()
            .map(|(story, _, terms)| {
                let s = folded[*story as usize];
                super::consolidate::Member {
                    story: s,
                    language: self.stories[s as usize].language_key(),
                    terms,
                }
            })
            .collect();
        let (merged, records) = super::consolidate::consolidate_explained(
            &members,
            self.stories.len(),
            &|t| self.terms.idf(t),
            &|t| self.terms.is_entity(t),
            &self.config.consolidation(),
        );
        if explain {
            merges.extend(records.into_iter().map(|r| {
                Merge {
                    story: r.story,
                    into: r.into,
                    rule: r.rule.name(),
                    score: r.link as f32,
                    needed: r.needed as f32,
                    robust: r.robust as f32,
                    matched: r
                        .matched
                        .iter()
                        .map(|&t| self.terms.term(t).to_string())
                        .collect(),
                }
            }));
        }
        let reported = folded.iter().map(|&s| merged[s as usize]).collect();
        (reported, merges)
    }

    /// The record of folding story `s` as `target` says.
    fn fold_merge(&self, s: u32, target: FoldTarget) -> Merge {
        let centroid = self.weighted(&self.stories[s as usize].centroid);
        Merge {
            story: s,
            into: target.story,
            rule: "fold",
            score: target.score,
            needed: self.config.fold_similarity,
            robust: target.robust,
            matched: self
                .shared(&centroid, target.story, 6)
                .into_iter()
                .map(|(t, _)| self.terms.term(t).to_string())
                .collect(),
        }
    }

    /// Whether the queue entry `(due, s)` is still a decision to take.
    fn fold_pending(&self, due: u64, s: u32) -> bool {
        let story = &self.stories[s as usize];
        story.folded_into.is_none()
            && story.last_seq.saturating_add(self.config.fold_after) == due
            && story.independent <= self.config.fold_max_size
    }

    /// Take the fold decisions due at stream position `seq`.
    fn fold_due(&mut self, seq: u64) {
        while let Some(&(due, s)) = self.due.front() {
            if due > seq {
                break;
            }
            self.due.pop_front();
            if !self.fold_pending(due, s) {
                continue;
            }
            let mut scratch = std::mem::take(&mut self.scratch);
            let target = self.fold_target(s, &mut scratch);
            self.scratch = scratch;
            if let Some(t) = target {
                if self.explain {
                    let merge = self.fold_merge(s, t);
                    self.folds.push(merge);
                }
                self.fold(s, t.story);
            }
        }
    }

    /// The story `s` would fold into: the most similar story (centroid cosine) of its
    /// language with at least `fold_min_target` independent articles, at `fold_similarity`
    /// or more, found through the same candidate lookup as an article's.
    fn fold_target(&self, s: u32, scratch: &mut Scratch) -> Option<FoldTarget> {
        let small = &self.stories[s as usize];
        let query = self.top_terms(&small.centroid);
        let language = (small.english, small.language.as_deref());
        let ranked = self.candidates(&query, language, self.config.fold_min_target, scratch);
        let centroid = self.weighted(&small.centroid);
        let centroid_norm = norm(&centroid);
        if centroid_norm == 0.0 {
            return None;
        }
        let ranked: Vec<u32> = ranked
            .into_iter()
            .map(|(c, _)| c)
            .filter(|&c| c != s)
            .collect();
        let centroids: Vec<&[(u32, f32)]> = ranked
            .iter()
            .map(|&c| self.stories[c as usize].centroid.as_slice())
            .collect();
        let scores = self.dots_and_norms(&centroid, &centroids, scratch);
        let mut best: Option<FoldTarget> = None;
        for (&c, (d, cn)) in ranked.iter().zip(scores) {
            if cn == 0.0 {
                continue;
            }
            let sim = d / (centroid_norm * cn);
            if sim >= self.config.fold_similarity
                && best.is_none_or(|b| sim > b.score || (sim == b.score && c < b.story))
            {
                let robust = self.robust(&centroid, c, d, centroid_norm * cn);
                if robust >= self.config.robust_threshold {
                    best = Some(FoldTarget {
                        story: c,
                        score: sim,
                        robust,
                    });
                }
            }
        }
        best
    }

    /// Fold story `s` into story `t`.
    fn fold(&mut self, s: u32, t: u32) {
        let small = &mut self.stories[s as usize];
        small.folded_into = Some(t);
        self.parent[s as usize] = t;
        let centroid = std::mem::take(&mut small.centroid);
        let (size, independent, first, last, last_seq) = (
            small.size,
            small.independent,
            small.first,
            small.last,
            small.last_seq,
        );
        let sources = small.sources.clone();
        let max_terms = self.config.centroid_terms.max(1);
        let target = &mut self.stories[t as usize];
        target.centroid = merge_add(&target.centroid, &centroid, 1.0);
        if target.centroid.len() > 2 * max_terms {
            target.centroid = prune(std::mem::take(&mut target.centroid), max_terms, &self.terms);
        }
        target.size += size;
        target.independent += independent;
        target.last_seq = target.last_seq.max(last_seq);
        for d in [first, last].into_iter().flatten() {
            target.first = Some(target.first.map_or(d, |f| f.min(d)));
            target.last = Some(target.last.map_or(d, |l| l.max(d)));
        }
        for src in sources {
            if let Err(pos) = target.sources.binary_search(&src) {
                target.sources.insert(pos, src);
            }
        }
        self.changes.stories.insert(s);
        self.changes.stories.insert(t);
    }

    /// Group an undated article (convenience for [`StoryGrouper::add_stream`]).
    pub fn add(&mut self, article: &Document) -> Assignment {
        let date = article
            .published
            .as_deref()
            .and_then(crate::dates::parse_date);
        self.add_stream(&StreamArticle {
            article: article.clone(),
            date,
        })
    }

    /// Group the next article of the stream. An id seen before (e.g. in a run that was
    /// interrupted) is not grouped again: its earlier assignment is returned.
    pub fn add_stream(&mut self, item: &StreamArticle) -> Assignment {
        let article = &item.article;
        self.last_decision = None;
        if let Some(done) = self.assignment(&article.id) {
            return done;
        }
        let seq = self.next_seq;
        self.next_seq += 1;
        let features =
            self.featurizer
                .featurize(article.title.as_deref(), &article.text, &mut self.terms);
        let signature = minhash::signature(&features.shingles);
        let mut record = ArticleRecord {
            seq,
            doc_id: article.id.clone(),
            story: 0,
            duplicate_of: None,
            title: article.title.clone(),
            source: article.source.clone(),
            date: item.date,
            indexed: Vec::new(),
            signature: None,
            terms: Vec::new(),
        };
        let copy_of = signature
            .as_ref()
            .and_then(|sig| self.syndication.find(sig, self.config.duplicate_jaccard))
            .and_then(|(orig, _)| self.originals.get(&orig).cloned());
        if let Some(original) = copy_of {
            let story = self
                .seen
                .get(&original)
                .map(|s| self.root(s.0))
                .expect("originals are seen articles");
            self.join_as_copy(story, item);
            if self.explain {
                let mut why = Decision::new(Some(story), "copy");
                why.joined = true;
                self.last_decision = Some(why);
            }
            record.story = story;
            record.duplicate_of = Some(original);
        } else {
            self.terms
                .add_document(features.terms.iter().map(|&(t, _)| t));
            if self.track {
                self.changes
                    .terms
                    .extend(features.terms.iter().map(|&(t, _)| t));
            }
            let query = self.query_terms(&features);
            let mut scratch = std::mem::take(&mut self.scratch);
            let (best, why) = self.best_story(&features, &query, item.date, &mut scratch);
            self.scratch = scratch;
            self.last_decision = why;
            let story = match best {
                Some(s) => s,
                None => self.new_story(article, features.english, features.language),
            };
            self.join(story, &features, item, seq);
            if self.config.fold_similarity > 0.0 {
                self.due
                    .push_back((seq.saturating_add(self.config.fold_after), story));
            }
            for &t in &query {
                self.postings.push(t, story);
            }
            record.story = story;
            record.indexed = query;
            if self.config.consolidate_dims > 0 {
                if self.track {
                    record.terms = features.terms.clone();
                }
                self.vectors.push((story, item.date, features.terms));
            }
            if let Some(sig) = signature {
                self.syndication.insert(seq, sig);
                self.originals.insert(seq, article.id.clone());
                record.signature = Some(minhash::to_bytes(&sig));
            }
        }
        self.seen.insert(
            record.doc_id.clone(),
            (record.story, record.duplicate_of.clone()),
        );
        let out = Assignment {
            doc_id: record.doc_id.clone(),
            story: record.story,
            duplicate_of: record.duplicate_of.clone(),
        };
        if self.track {
            self.changes.articles.push(record);
        }
        self.fold_due(seq);
        out
    }

    /// The article's heaviest terms under current IDF, ties to the lower id.
    fn query_terms(&self, f: &ArticleFeatures) -> Vec<u32> {
        self.top_terms(&f.terms)
    }

    /// The heaviest `query_terms` terms of raw weights under current IDF, ties to the lower id.
    fn top_terms(&self, raw: &[(u32, f32)]) -> Vec<u32> {
        let mut weighted: Vec<(u32, f32)> = raw
            .iter()
            .map(|&(t, w)| (t, w * self.terms.idf(t)))
            .collect();
        // A total order (ids are unique), so selecting then sorting the head equals sorting all.
        let order = |a: &(u32, f32), b: &(u32, f32)| b.1.total_cmp(&a.1).then(a.0.cmp(&b.0));
        let k = self.config.query_terms;
        if k > 0 && weighted.len() > k {
            weighted.select_nth_unstable_by(k - 1, order);
        }
        weighted.truncate(k);
        weighted.sort_unstable_by(order);
        weighted.into_iter().map(|(t, _)| t).collect()
    }

    /// The `candidates` stories (folds followed) of one language (English or not, and the
    /// language's code when known) and at least
    /// `min_independent` independent articles with the most query weight under the query
    /// terms, heaviest first.
    fn candidates(
        &self,
        query: &[u32],
        (english, language): (bool, Option<&str>),
        min_independent: u32,
        scratch: &mut Scratch,
    ) -> Vec<(u32, f32)> {
        // Query weight per story, summed in query order, in a dense per-story array.
        if scratch.hits.len() < self.stories.len() {
            scratch.hits.resize(self.stories.len(), 0.0);
            scratch.marked.resize(self.stories.len(), false);
            scratch.stamp.resize(self.stories.len(), 0);
        }
        scratch.touched.clear();
        for (q, &t) in query.iter().enumerate() {
            let w = self.terms.idf(t);
            let stamp = q as u32 + 1;
            for &s in self.postings.get(t) {
                let s = self.root(s);
                if std::mem::replace(&mut scratch.stamp[s as usize], stamp) == stamp {
                    continue;
                }
                if !std::mem::replace(&mut scratch.marked[s as usize], true) {
                    scratch.touched.push(s);
                }
                scratch.hits[s as usize] += w;
            }
        }
        let mut ranked: Vec<(u32, f32)> = Vec::with_capacity(scratch.touched.len());
        for &s in &scratch.touched {
            let h = std::mem::take(&mut scratch.hits[s as usize]);
            scratch.marked[s as usize] = false;
            scratch.stamp[s as usize] = 0;
            let story = &self.stories[s as usize];
            if story.english == english
                && story.language.as_deref() == language
                && story.independent >= min_independent
            {
                ranked.push((s, h));
            }
        }
        // A total order (ids are unique), so selecting then sorting the head equals sorting all.
        let by_weight = |a: &(u32, f32), b: &(u32, f32)| b.1.total_cmp(&a.1).then(b.0.cmp(&a.0));
        if ranked.len() > self.config.candidates && self.config.candidates > 0 {
            ranked.select_nth_unstable_by(self.config.candidates - 1, by_weight);
        }
        ranked.truncate(self.config.candidates);
        ranked.sort_unstable_by(by_weight);
        ranked
    }

    fn best_story(
        &self,
        f: &ArticleFeatures,
        query: &[u32],
        date: Option<Minutes>,
        scratch: &mut Scratch,
    ) -> (Option<u32>, Option<Decision>) {
        let ranked = self.candidates(query, (f.english, f.language), 0, scratch);
        let article = self.weighted(&f.terms);
        let article_norm = norm(&article);
        if article_norm == 0.0 {
            let why = self
                .explain
                .then(|| Decision::new(None, "new: no content word"));
            return (None, why);
        }
        let centroids: Vec<&[(u32, f32)]> = ranked
            .iter()
            .map(|&(s, _)| self.stories[s as usize].centroid.as_slice())
            .collect();
        let scores = self.dots_and_norms(&article, &centroids, scratch);
        // (story, similarity, dot, norm product, time factor), best first.
        let mut scored: Vec<(u32, f32, f32, f32, f32)> = Vec::with_capacity(ranked.len());
        for (&(s, _), (d, cn)) in ranked.iter().zip(scores) {
            let story = &self.stories[s as usize];
            if cn == 0.0 {
                continue;
            }
            let mut sim = d / (article_norm * cn);
            let share = self.config.entity_share;
            if share > 0.0 {
                let centroid = self.weighted(&story.centroid);
                let (a_t, a_e) = self.split(&article);
                let (c_t, c_e) = self.split(&centroid);
                let cos = |a: &[(u32, f32)], b: &[(u32, f32)]| {
                    let d = norm(a) * norm(b);
                    if d > 0.0 {
                        dot(a, b) / d
                    } else {
                        0.0
                    }
                };
                sim = (1.0 - share) * cos(&a_t, &c_t) + share * cos(&a_e, &c_e);
            }
            let time = self.time_factor(story, date);
            scored.push((s, sim * time, d, article_norm * cn, time));
        }
        scored.sort_by(|a, b| b.1.total_cmp(&a.1).then(a.0.cmp(&b.0)));
        let mut why = None;
        for &(s, sim, d, denom, time) in &scored {
            if sim < self.config.threshold {
                break;
            }
            // Precision first: the best candidate that still matches without its heaviest
            // shared terms.
            let robust = self.robust(&article, s, d, denom) * time;
            if robust >= self.robust_needed(&self.stories[s as usize], date) {
                if self.explain {
                    why = Some(self.decision(&article, s, sim, robust, true, "joined"));
                }
                return (Some(s), why);
            }
            if self.explain && why.is_none() {
                why = Some(self.decision(&article, s, sim, robust, false, "new: few shared words"));
            }
        }
        if self.explain && why.is_none() {
            why = Some(match scored.first() {
                Some(&(s, sim, d, denom, time)) => {
                    let robust = self.robust(&article, s, d, denom) * time;
                    self.decision(&article, s, sim, robust, false, "new: below threshold")
                }
                None => Decision::new(None, "new: no candidate"),
            });
        }
        (None, why)
    }

    /// The robust similarity a join into `story` needs: `robust_threshold`, ramped up
    /// linearly over `robust_days` from the story's first article, starting from
    /// `robust_floor` of it on the same day. With `robust_needs_time`, a date without a time
    /// of day (exactly midnight) on either side gets the full check: "the same day" does not
    /// show that two articles came within hours of each other.
    fn robust_needed(&self, story: &Story, date: Option<Minutes>) -> f32 {
        let full = self.config.robust_threshold;
        let days = self.config.robust_days;
        let floor = self.config.robust_floor.clamp(0.0, 1.0);
        let timed = |m: Minutes| !self.config.robust_needs_time || m % MINUTES_PER_DAY != 0;
        match (date, story.first) {
            (Some(d), Some(first)) if days > 0.0 && timed(d) && timed(first) => {
                let gap = (d - first).unsigned_abs() as f32 / MINUTES_PER_DAY as f32;
                full * (floor + (1.0 - floor) * (gap / days).min(1.0))
            }
            _ => full,
        }
    }

    /// The similarity of a weighted vector to story `s` with the `robust_drop` shared terms
    /// that contribute most to the dot product `d` taken out (`denom`: the norms' product).
    fn robust(&self, weighted: &[(u32, f32)], s: u32, d: f32, denom: f32) -> f32 {
        let k = self.config.robust_drop;
        if k == 0 || denom == 0.0 {
            return d / denom.max(f32::MIN_POSITIVE);
        }
        let top = self.shared(weighted, s, k);
        let dropped: f32 = top.iter().map(|&(_, c)| c).sum();
        ((d - dropped) / denom).max(0.0)
    }

    /// The `k` shared terms of a weighted vector and story `s` that contribute most to their
    /// dot product, heaviest first (ties to the lower term id).
    fn shared(&self, weighted: &[(u32, f32)], s: u32, k: usize) -> Vec<(u32, f32)> {
        let centroid = &self.stories[s as usize].centroid;
        let mut top: Vec<(u32, f32)> = Vec::with_capacity(k + 1);
        let (mut i, mut j) = (0, 0);
        while i < weighted.len() && j < centroid.len() {
            match weighted[i].0.cmp(&centroid[j].0) {
                std::cmp::Ordering::Less => i += 1,
                std::cmp::Ordering::Greater => j += 1,
                std::cmp::Ordering::Equal => {
                    let t = weighted[i].0;
                    let c = weighted[i].1 * centroid[j].1 * self.terms.idf(t);
                    let pos = top
                        .iter()
                        .position(|&(u, w)| c > w || (c == w && t < u))
                        .unwrap_or(top.len());
                    if pos < k {
                        top.insert(pos, (t, c));
                        top.truncate(k);
                    }
                    i += 1;
                    j += 1;
                }
            }
        }
        top
    }

    fn decision(
        &self,
        article: &[(u32, f32)],
        s: u32,
        score: f32,
        robust: f32,
        joined: bool,
        reason: &'static str,
    ) -> Decision {
        let matched = self
            .shared(article, s, 6)
            .into_iter()
            .map(|(t, _)| self.terms.term(t).to_string())
            .collect();
        Decision {
            candidate: Some(self.root(s)),
            score,
            robust,
            joined,
            matched,
            reason,
        }
    }

    /// For each raw centroid: its dot product with the weighted article under current IDF
    /// and its weighted norm, without building weighted copies.
    ///
    /// The article is scattered into a dense by-term array so that one branch-free pass over
    /// a centroid yields both sums, and four centroids run side by side so that their
    /// (independent) sums overlap in the FPU. Each sum still adds its terms in term order,
    /// so the results are bit-identical to a merge: a term the article lacks adds `+0.0`.
    fn dots_and_norms(
        &self,
        article: &[(u32, f32)],
        centroids: &[&[(u32, f32)]],
        scratch: &mut Scratch,
    ) -> Vec<(f32, f32)> {
        let dense = &mut scratch.dense;
        if dense.len() < self.terms.len() {
            dense.resize(self.terms.len(), 0.0);
        }
        for &(t, w) in article {
            dense[t as usize] = w;
        }
        let dense = &*dense;
        let step = |t: u32, w: f32, sum: &mut f32, sq: &mut f32| {
            let w = w * self.terms.idf(t);
            *sq += w * w;
            *sum += dense[t as usize] * w;
        };
        let mut out = vec![(0.0f32, 0.0f32); centroids.len()];
        // Neighbours in length share a group, so the lockstep part covers most of each.
        let mut order: Vec<usize> = (0..centroids.len()).collect();
        order.sort_by_key(|&i| centroids[i].len());
        for group in order.chunks(4) {
            let mut acc = [(0.0f32, 0.0f32); 4];
            let common = group.iter().map(|&i| centroids[i].len()).min().unwrap_or(0);
            if let [a, b, c, d] = *group {
                let (a, b, c, d) = (centroids[a], centroids[b], centroids[c], centroids[d]);
                let [ra, rb, rc, rd] = &mut acc;
                for k in 0..common {
                    step(a[k].0, a[k].1, &mut ra.0, &mut ra.1);
                    step(b[k].0, b[k].1, &mut rb.0, &mut rb.1);
                    step(c[k].0, c[k].1, &mut rc.0, &mut rc.1);
                    step(d[k].0, d[k].1, &mut rd.0, &mut rd.1);
                }
            }
            let start = if group.len() == 4 { common } else { 0 };
            for (&i, r) in group.iter().zip(acc.iter_mut()) {
                for &(t, w) in &centroids[i][start..] {
                    step(t, w, &mut r.0, &mut r.1);
                }
                out[i] = (r.0, r.1.sqrt());
            }
        }
        for &(t, _) in article {
            scratch.dense[t as usize] = 0.0;
        }
        out
    }

    fn split(&self, v: &[(u32, f32)]) -> (Vector, Vector) {
        v.iter().partition(|&&(t, _)| !self.terms.is_entity(t))
    }

    fn weighted(&self, v: &[(u32, f32)]) -> Vec<(u32, f32)> {
        v.iter().map(|&(t, w)| (t, w * self.terms.idf(t))).collect()
    }

    /// `exp(-gap / scale)`, where gap is the distance from the article's date to the story's
    /// date span; 1 when either is undated or the decay is off.
    fn time_factor(&self, story: &Story, date: Option<Minutes>) -> f32 {
        let scale = self.config.time_scale_days;
        let (Some(d), Some(first), Some(last)) = (date, story.first, story.last) else {
            return 1.0;
        };
        if scale <= 0.0 {
            return 1.0;
        }
        let gap = if d < first {
            first - d
        } else {
            d.saturating_sub(last).max(0)
        };
        (-(gap as f32 / MINUTES_PER_DAY as f32) / scale).exp()
    }

    fn new_story(&mut self, article: &Document, english: bool, language: Option<&str>) -> u32 {
        let id = u32::try_from(self.stories.len()).expect("fewer than 4 billion stories");
        self.stories.push(Story {
            id,
            size: 0,
            independent: 0,
            centroid: Vec::new(),
            first: None,
            last: None,
            headline: headline(article),
            sources: Vec::new(),
            english,
            language: language.map(str::to_string),
            last_seq: 0,
            folded_into: None,
        });
        self.parent.push(id);
        id
    }

    fn join(&mut self, id: u32, f: &ArticleFeatures, item: &StreamArticle, seq: u64) {
        let weighted = self.weighted(&f.terms);
        let n = norm(&weighted);
        let scale = if n > 0.0 { 1.0 / n } else { 0.0 };
        let max_terms = self.config.centroid_terms.max(1);
        let story = &mut self.stories[id as usize];
        story.centroid = merge_add(&story.centroid, &f.terms, scale);
        if story.centroid.len() > 2 * max_terms {
            story.centroid = prune(std::mem::take(&mut story.centroid), max_terms, &self.terms);
        }
        story.independent += 1;
        story.last_seq = seq;
        if let Some(src) = &item.article.source {
            if let Err(pos) = story.sources.binary_search(src) {
                story.sources.insert(pos, src.clone());
            }
        }
        Self::touch(story, item.date);
        self.changes.stories.insert(id);
    }

    fn join_as_copy(&mut self, id: u32, item: &StreamArticle) {
        let story = &mut self.stories[id as usize];
        Self::touch(story, item.date);
        self.changes.stories.insert(id);
    }

    fn touch(story: &mut Story, date: Option<Minutes>) {
        story.size += 1;
        if let Some(d) = date {
            story.first = Some(story.first.map_or(d, |f| f.min(d)));
            story.last = Some(story.last.map_or(d, |l| l.max(d)));
        }
    }

    /// Start recording changes for [`StoryGrouper::take_changes`].
    pub fn track_changes(&mut self) {
        self.track = true;
    }

    /// Take the changes made since the last call (the state store writes them).
    pub fn take_changes(&mut self) -> Changes {
        std::mem::take(&mut self.changes)
    }

    /// Rebuild a grouper from persisted parts: terms `(id, text, df)` in id order, stories in
    /// id order, article records in stream order.
    pub fn restore(
        config: StoryConfig,
        docs: u64,
        terms: impl IntoIterator<Item = (u32, String, u32)>,
        stories: Vec<Story>,
        articles: impl IntoIterator<Item = ArticleRecord>,
    ) -> Result<Self, String> {
        let mut g = StoryGrouper::new(config);
        for (id, text, df) in terms {
            g.terms.restore(id, &text, df)?;
        }
        g.terms.set_docs(docs);
        for (i, s) in stories.iter().enumerate() {
            if s.id as usize != i {
                return Err(format!("story {} stored out of order", s.id));
            }
        }
        g.parent = stories
            .iter()
            .map(|s| s.folded_into.unwrap_or(s.id))
            .collect();
        // Every fold names a stored story and the chains end (no cycle).
        for s in &stories {
            let (mut at, mut steps) = (s.id, 0usize);
            while g.parent[at as usize] != at {
                at = g.parent[at as usize];
                steps += 1;
                if at as usize >= stories.len() || steps > stories.len() {
                    return Err(format!("story {} has a broken fold chain", s.id));
                }
            }
        }
        g.stories = stories;
        for r in articles {
            if r.seq != g.next_seq {
                return Err(format!("article {} stored out of order", r.seq));
            }
            if r.story as usize >= g.stories.len() {
                return Err(format!(
                    "article {} names missing story {}",
                    r.doc_id, r.story
                ));
            }
            for &t in &r.indexed {
                if t as usize >= g.terms.len() {
                    return Err(format!("article {} names missing term {t}", r.doc_id));
                }
                g.postings.push(t, r.story);
            }
            if let Some(bytes) = &r.signature {
                let sig: Signature = minhash::from_bytes(bytes)
                    .ok_or_else(|| format!("article {}: bad signature", r.doc_id))?;
                g.syndication.insert(r.seq, sig);
                g.originals.insert(r.seq, r.doc_id.clone());
            }
            g.seen
                .insert(r.doc_id.clone(), (r.story, r.duplicate_of.clone()));
            g.next_seq += 1;
            if g.config.consolidate_dims > 0 && r.duplicate_of.is_none() {
                if let Some(&(t, _)) = r.terms.iter().find(|e| e.0 as usize >= g.terms.len()) {
                    return Err(format!("article {} names missing term {t}", r.doc_id));
                }
                g.vectors.push((r.story, r.date, r.terms));
            }
        }
        // The fold decisions still to take: those due at or after the next position (the
        // ones due before were taken when their position was grouped).
        if g.config.fold_similarity > 0.0 {
            let mut due: Vec<(u64, u32)> = Vec::new();
            for s in &g.stories {
                let at = s.last_seq.saturating_add(g.config.fold_after);
                if s.size > 0 && at >= g.next_seq && g.fold_pending(at, s.id) {
                    due.push((at, s.id));
                }
            }
            due.sort_unstable();
            g.due = due.into();
        }
        Ok(g)
    }

    /// Term text, document frequency for a term id (the store persists them).
    pub fn term_entry(&self, id: u32) -> (&str, u32) {
        (self.terms.term(id), self.terms.df(id))
    }

    /// Articles counted for IDF.
    pub fn idf_docs(&self) -> u64 {
        self.terms.docs()
    }
}

/// A story's headline: the article title, or the opening words of its text.
fn headline(article: &Document) -> String {
    if let Some(t) = article
        .title
        .as_deref()
        .map(str::trim)
        .filter(|t| !t.is_empty())
    {
        return t.to_string();
    }
    let line = article
        .text
        .trim()
        .lines()
        .map(str::trim)
        .find(|l| !l.is_empty())
        .unwrap_or("");
    let words: Vec<&str> = line.split_whitespace().take(14).collect();
    let mut h = words.join(" ");
    if line.split_whitespace().count() > 14 {
        h.push_str(" ...");
    }
    h
}

/// Keep the `max_terms` heaviest terms under current IDF (ties to the lower id), by term.
fn prune(v: Vec<(u32, f32)>, max_terms: usize, terms: &TermTable) -> Vec<(u32, f32)> {
    if v.len() <= max_terms {
        return v;
    }
    if max_terms == 0 {
        return Vec::new();
    }
    // Keys computed once; (weight desc, term asc) is a total order, so selecting the head
    // keeps the same terms as sorting all of them.
    let mut keyed: Vec<(f32, u32, f32)> = v
        .into_iter()
        .map(|(t, w)| (w * terms.idf(t), t, w))
        .collect();
    keyed.select_nth_unstable_by(max_terms - 1, |a, b| {
        b.0.total_cmp(&a.0).then(a.1.cmp(&b.1))
    });
    keyed.truncate(max_terms);
    let mut kept: Vec<(u32, f32)> = keyed.into_iter().map(|(_, t, w)| (t, w)).collect();
    kept.sort_unstable_by_key(|&(t, _)| t);
    kept
}

/// A sparse vector: `(term, weight)` sorted by term.
type Vector = Vec<(u32, f32)>;

fn norm(v: &[(u32, f32)]) -> f32 {
    v.iter().map(|&(_, w)| w * w).sum::<f32>().sqrt()
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::document::Document;
    use proptest::prelude::*;

    const FLOOD: [&str; 3] = [
        "Floodwater from the Marren river forced 300 families in Quillby from their homes on Monday.",
        "Rescuers in Quillby moved families to shelters as the Marren river kept rising on Monday night.",
        "The Marren river crested in Quillby on Tuesday; officials said 300 families remain in shelters.",
    ];
    const BANK: [&str; 2] = [
        "The central bank of Varnia raised its interest rate by half a point to slow inflation.",
        "Varnia's central bank said the interest rate rise would curb inflation, economists agreed.",
    ];

    fn group(texts: &[&str]) -> Vec<Assignment> {
        group_with(StoryConfig::default(), texts)
    }

    fn group_with(config: StoryConfig, texts: &[&str]) -> Vec<Assignment> {
        let mut g = StoryGrouper::new(config);
        texts
            .iter()
            .enumerate()
            .map(|(i, t)| g.add(&Document::from_text(format!("d{i}"), *t)))
            .collect()
    }

    #[test]
    fn related_articles_share_a_story_and_others_do_not() {
        let texts = [FLOOD[0], BANK[0], FLOOD[1], BANK[1], FLOOD[2]];
        // By default (robust check on) the flood and the bank reports never meet.
        let a = group(&texts);
        for i in [0, 2, 4] {
            assert_ne!(a[i].story, a[1].story);
            assert_ne!(a[i].story, a[3].story);
        }
        // Without the robust check the three undated flood reports join on the cosine alone.
        let a = group_with(
            StoryConfig {
                robust_drop: 0,
                ..StoryConfig::default()
            },
            &texts,
        );
        assert_eq!(a[0].story, a[2].story);
        assert_eq!(a[0].story, a[4].story);
        assert_eq!(a[1].story, a[3].story);
        assert_ne!(a[0].story, a[1].story);
    }

    #[test]
    fn a_syndicated_copy_points_to_its_original() {
        let copy = format!("{} {}", FLOOD[0], "(Wire)");
        let a = group(&[FLOOD[0], BANK[0], &copy]);
        assert_eq!(a[2].duplicate_of.as_deref(), Some("d0"));
        assert_eq!(a[2].story, a[0].story);
        assert_eq!(a[0].duplicate_of, None);
    }

    #[test]
    fn a_copy_is_not_an_independent_source() {
        let mut g = StoryGrouper::new(StoryConfig::default());
        g.add(&Document {
            source: Some("A".into()),
            ..Document::from_text("a", FLOOD[0])
        });
        g.add(&Document {
            source: Some("B".into()),
            ..Document::from_text("b", FLOOD[0])
        });
        let s = &g.stories()[0];
        assert_eq!((s.size, s.independent), (2, 1));
        assert_eq!(s.sources, ["A"]);
    }

    #[test]
    fn a_seen_id_keeps_its_assignment() {
        let mut g = StoryGrouper::new(StoryConfig::default());
        let first = g.add(&Document::from_text("x", FLOOD[0]));
        let again = g.add(&Document::from_text("x", BANK[0]));
        assert_eq!(first, again);
        assert_eq!(g.articles_seen(), 1);
    }

    #[test]
    fn languages_are_grouped_apart() {
        let fr = "Les inondations de la rivière Marren ont forcé 300 familles de Quillby à quitter \
                  leurs maisons lundi, et les secours de la ville sont restés sur place toute la nuit.";
        let en =
            "Floodwater from the Marren river forced 300 families in Quillby from their homes \
                  on Monday, and the rescuers of the town stayed there all through the night.";
        let a = group(&[en, fr, fr]);
        assert_ne!(a[0].story, a[1].story);
        assert_eq!(a[1].story, a[2].story);
    }

    #[test]
    fn time_decay_separates_distant_events() {
        let cfg = StoryConfig {
            time_scale_days: 5.0,
            ..StoryConfig::default()
        };
        let mut g = StoryGrouper::new(cfg);
        let a = g.add(&Document {
            published: Some("2020-01-01".into()),
            ..Document::from_text("a", FLOOD[0])
        });
        let b = g.add(&Document {
            published: Some("2021-06-01".into()),
            ..Document::from_text("b", FLOOD[1])
        });
        assert_ne!(a.story, b.story);
    }

    #[test]
    fn a_quiet_small_story_is_folded_at_its_fixed_position() {
        // Folding alone: the end-of-run consolidation would also merge the stray.
        let cfg = StoryConfig {
            threshold: 0.5,
            fold_similarity: 0.05,
            fold_after: 3,
            consolidate_dims: 0,
            robust_drop: 0,
            ..StoryConfig::default()
        };
        let stray = "Insurers said claims from families whose homes the Marren river reached may take months.";
        let others = [
            BANK[0],
            "A new telescope on Mount Orrel photographed a comet passing the outer planets.",
            "The Torvik chess club won the regional championship after a tense final round.",
        ];
        let mut g = StoryGrouper::new(cfg.clone());
        let add = |g: &mut StoryGrouper, id: &str, t: &str| g.add(&Document::from_text(id, t));
        let flood: Vec<u32> = FLOOD
            .iter()
            .enumerate()
            .map(|(i, t)| add(&mut g, &format!("f{i}"), t).story)
            .collect();
        assert!(flood.iter().all(|&s| s == flood[0]), "{flood:?}");
        let s = add(&mut g, "stray", stray).story;
        assert_ne!(s, flood[0], "the stray starts its own story");
        add(&mut g, "o0", others[0]);
        add(&mut g, "o1", others[1]);
        // Not yet due: the state keeps it apart, the end-of-run view reports it folded.
        assert_eq!(g.stories()[s as usize].folded_into, None);
        assert_eq!(g.reported_stories()[s as usize], flood[0]);
        assert_eq!(g.assignment("stray").map(|a| a.story), Some(s));
        add(&mut g, "o2", others[2]);
        // Due at the stray's position + 3: folded, centroid and counts moved over.
        assert_eq!(g.stories()[s as usize].folded_into, Some(flood[0]));
        assert!(g.stories()[s as usize].centroid.is_empty());
        assert_eq!(g.stories()[flood[0] as usize].independent, 4);
        assert_eq!(g.assignment("stray").map(|a| a.story), Some(flood[0]));
        // The bank story (one article) had no story of three to fold into.
        let bank = g.assignment("o0").expect("seen").story;
        assert_eq!(g.reported_stories()[bank as usize], bank);
        // Folding off: the stray stays alone.
        let mut off = StoryGrouper::new(StoryConfig {
            fold_similarity: 0.0,
            ..cfg
        });
        for (i, t) in FLOOD.iter().enumerate() {
            add(&mut off, &format!("f{i}"), t);
        }
        let s = add(&mut off, "stray", stray).story;
        for (i, t) in others.iter().enumerate() {
            add(&mut off, &format!("o{i}"), t);
        }
        assert_eq!(off.reported_stories()[s as usize], s);
    }

    /// The straightforward merge that [`StoryGrouper::dots_and_norms`] replaces.
    fn merge_dot_and_norm(g: &StoryGrouper, a: &[(u32, f32)], raw: &[(u32, f32)]) -> (f32, f32) {
        let (mut i, mut sum, mut sq) = (0, 0.0f32, 0.0f32);
        for &(t, w) in raw {
            let w = w * g.terms.idf(t);
            sq += w * w;
            while i < a.len() && a[i].0 < t {
                i += 1;
            }
            if i < a.len() && a[i].0 == t {
                sum += a[i].1 * w;
            }
        }
        (sum, sq.sqrt())
    }

    fn sparse(max_terms: u32) -> impl Strategy<Value = Vec<(u32, f32)>> {
        proptest::collection::btree_map(0..max_terms, 0.01f32..5.0, 0..60)
            .prop_map(|m| m.into_iter().collect())
    }

    proptest! {
        #[test]
        fn fused_scoring_is_bit_identical_to_a_merge(
            dfs in proptest::collection::vec(0u32..40, 80),
            article in sparse(80),
            centroids in proptest::collection::vec(sparse(80), 0..11),
        ) {
            let mut g = StoryGrouper::new(StoryConfig::default());
            for (i, &df) in dfs.iter().enumerate() {
                g.terms.restore(i as u32, &format!("t{i}"), df).expect("in order");
            }
            g.terms.set_docs(40);
            let article = g.weighted(&article);
            let refs: Vec<&[(u32, f32)]> = centroids.iter().map(Vec::as_slice).collect();
            let mut scratch = Scratch::default();
            let fused = g.dots_and_norms(&article, &refs, &mut scratch);
            for (c, (d, n)) in centroids.iter().zip(&fused) {
                let (rd, rn) = merge_dot_and_norm(&g, &article, c);
                prop_assert_eq!((d.to_bits(), n.to_bits()), (rd.to_bits(), rn.to_bits()));
            }
            prop_assert!(scratch.dense.iter().all(|&w| w == 0.0), "scratch left clean");
        }
    }

    #[test]
    fn vector_helpers() {
        let a = [(1, 1.0), (3, 2.0)];
        let b = [(2, 5.0), (3, 1.0)];
        assert_eq!(dot(&a, &b), 2.0);
        assert_eq!(merge_add(&a, &b, 2.0), vec![(1, 1.0), (2, 10.0), (3, 4.0)]);
    }
}
