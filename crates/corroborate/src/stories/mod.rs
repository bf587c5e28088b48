//! Stories: group a stream of articles into events, online, with persistent state.
//!
//! Articles arrive in publication order ([`stream::prepare`] orders them); each joins the
//! story it belongs to or starts a new one ([`StoryGrouper::add`]). An article is compared
//! with story centroids found through an inverted index (`index::Postings`): TF-IDF
//! cosine with IDF kept current as the stream grows (`index::TermTable`) and starting from a
//! background of general English (`background::Background`), named-entity
//! proxies weighted like terms, and a time decay when both sides are dated. Near-identical
//! copies of one wire story are found with MinHash (`minhash`) and marked `duplicate_of`:
//! they join the original's story but do not count as independent sources.
//! A story of one or two articles that gets no new member for `fold_after` articles of the
//! stream is folded into its nearest larger story when close enough (small-story folding:
//! the strays of a broad story otherwise stay alone); [`StoryGrouper::reported_stories`]
//! gives the story each story is reported under at the end of a run. By default
//! (`consolidate_dims` > 0; 0 turns it off) the end of a run also merges stories that an LSA
//! basis fitted on the whole run finds close (`consolidate`), again as a read-out
//! recomputed after each run.
//! [`state::StoryStore`] keeps the whole grouper in a redb database between runs.
//!
//! ```
//! use corroborate::stories::{StoryConfig, StoryGrouper};
//! use corroborate::Document;
//!
//! let mut grouper = StoryGrouper::new(StoryConfig::default());
//! let a = grouper.add(&Document::from_text("a", "Flooding in Quillby forced 300 families from their homes on Monday, officials in Quillby said."));
//! let b = grouper.add(&Document::from_text("b", "Officials in Quillby said flooding forced 300 families from their homes; rescuers worked through Monday night."));
//! let c = grouper.add(&Document::from_text("c", "The central bank of Varnia raised its interest rate by half a point to fight inflation."));
//! assert_eq!(a.story, b.story);
//! assert_ne!(a.story, c.story);
//! ```

pub mod brief;
pub mod grouper;
pub mod metrics;
pub mod reader;
pub mod state;
pub mod stream;
internal_mod! {
    background;
    consolidate;
    features;
    index;
    linalg;
    minhash;
}

pub use grouper::{ArticleRecord, Assignment, Decision, Merge, Story, StoryGrouper};
pub use metrics::{score, ClusterScores};
pub use reader::read_story_inputs;
pub use state::StoryStore;

use serde::{Deserialize, Serialize};

/// The grouping parameters: one struct shared by the CLI, the state and the evaluation.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(default)]
pub struct StoryConfig {
    /// Least similarity (time-decayed TF-IDF cosine) for an article to join a story.
    pub threshold: f32,
    /// Days over which the time factor decays by `1/e` (0 disables it).
    pub time_scale_days: f32,
    /// Highest-weighted terms of an article used to look up candidate stories.
    pub query_terms: usize,
    /// Stories kept per term in the inverted index (most recently active).
    pub posting_cap: usize,
    /// Candidate stories scored in full per article.
    pub candidates: usize,
    /// Terms kept in a story centroid. One long article already has a few hundred distinct
    /// stems, so a smaller cap cuts the shared vocabulary of long-article stories (DUC).
    pub centroid_terms: usize,
    /// Share of the similarity from entity features alone.
    pub entity_share: f32,
    /// Least estimated Jaccard similarity of 5-gram shingles for a syndicated copy.
    pub duplicate_jaccard: f32,
    /// Background articles of general English that IDF starts from
    /// (`background::Background`): the prior's weight, as a number of documents. 0 turns
    /// the prior off (IDF from the stream alone).
    pub background_docs: f32,
    /// Length in words of a background article (turns word frequency into document
    /// frequency).
    pub background_length: f32,
    /// Small-story folding: least centroid cosine for a small story to be folded into a
    /// larger one (0 turns folding off). See [`StoryGrouper::reported_stories`].
    pub fold_similarity: f32,
    /// Articles of the stream after a small story's last independent member at which its
    /// fold is decided (a fixed stream position, so a run cut in two decides alike).
    pub fold_after: u64,
    /// Independent articles a story may have and still be folded.
    pub fold_max_size: u32,
    /// Independent articles a story needs to take a folded story.
    pub fold_min_target: u32,
    /// Lead emphasis (`features::Featurizer::with_lead`): the headline and this many first
    /// words of the body count `1 + lead_extra` times (40 and 1 by default); 0 turns it off.
    /// Alone it trades DUC for ECB+; with the consolidation both gain (docs/stories.md).
    pub lead_words: usize,
    /// Extra count of a lead occurrence.
    pub lead_extra: f32,
    /// `@name` features for capitalized words, on top of their stems (on by default). Off, a
    /// name counts once, like any word: the dev sets gain on full articles, but same-kind
    /// events told apart only by names merge (docs/stories.md). [`StoryConfig::entity_share`]
    /// reads them, so it needs them on.
    pub name_features: bool,
    /// Multiplier of the `@name` features' weights (1 by default; with `name_features`
    /// off there are none). Below 1, a name still tells same-kind events apart but weighs
    /// less against the shared theme words (measured in docs/notes/stories.md).
    pub name_weight: f32,
    /// End-of-run consolidation (`consolidate`): LSA dimensions (100 by default), 0 turns
    /// it off. On, the grouper keeps every article's term weights (in the state too) and
    /// [`StoryGrouper::reported_stories`] merges stories whose average link, mixing TF-IDF
    /// and LSA cosines, reaches `consolidate_threshold` (measured in docs/notes/stories.md).
    pub consolidate_dims: usize,
    /// Share of the LSA cosine in the consolidation's similarity.
    pub consolidate_mix: f32,
    /// Least average link for two stories to be merged at the end of a run.
    pub consolidate_threshold: f32,
    /// Least mean pairwise cosine of two stories' name features for a merge (keeps
    /// same-kind events with different names apart; negative: no condition).
    pub consolidate_entity_floor: f32,
    /// Most articles the LSA basis is fitted on (an evenly spaced sample beyond that; every
    /// article is projected). 2,500 by default: above both dev sets (2,375 and 196
    /// articles, fitted whole) and a fixed cost of a few tenths of a second beyond them
    /// (measured in docs/notes/stories.md).
    pub consolidate_sample: usize,
    /// Candidate stories per story for merging (its nearest in the LSA space).
    pub consolidate_neighbours: usize,
    /// Most independent articles the smaller of two stories may have for the consolidation
    /// to merge them (large same-kind stories stay apart; 0: no limit).
    pub consolidate_max_small: u32,
    /// Precision check of a join and a fold: the similarity left once the `robust_drop`
    /// shared terms that contribute most are taken out must still reach `robust_threshold`.
    /// A story of one theme (every article says "bitcoin") otherwise takes any article that
    /// shares its theme word; one event shares several specific words (0: no check).
    pub robust_drop: usize,
    /// Least similarity without the `robust_drop` heaviest shared terms.
    pub robust_threshold: f32,
    /// Days from a story's first article over which the robust check ramps up from nothing
    /// (same day) to `robust_threshold`: articles of the same hours that share a name are
    /// one story far more often than articles weeks apart (0: full check at any gap; an
    /// undated side gets the full check).
    pub robust_days: f32,
    /// Share of `robust_threshold` a join needs on the day of the story's first article
    /// (the start of the `robust_days` ramp; 0: no check that day).
    pub robust_floor: f32,
    /// The `robust_days` ramp only between dates that carry a time of day: a day-precision
    /// date (exactly midnight) on either side gets the full check.
    pub robust_needs_time: bool,
    /// Least word link (mean pairwise TF-IDF cosine) of two stories without the
    /// `robust_drop` heaviest shared terms for the consolidation to merge them (negative:
    /// no condition).
    pub consolidate_robust: f32,
    /// Least terms (each article's distinct stems and names, summed over the story's
    /// articles) the smaller of two stories must have for the consolidation to merge them
    /// (0: no condition). The link of a headline or a 25-word search snippet rests on its
    /// few theme words, which every event of a query or a topic shares; a full article's,
    /// or a dozen headlines', on many more (measured in docs/notes/stories.md).
    pub consolidate_min_terms: u32,
    /// Cohesion-relative merge at the end of a run (0: off): two stories of at least
    /// `consolidate_relative_min` articles each also merge when their average link reaches
    /// this share of the geometric mean of their cohesions (each story's mean link between
    /// its own articles), a comparison that means the same for headlines and long articles.
    pub consolidate_relative: f32,
    /// Least articles of each story for the cohesion-relative merge.
    pub consolidate_relative_min: u32,
    /// Fragment merge at the end of a run (0: off): a story of at least
    /// `consolidate_relative_min` articles and at most `consolidate_relative_ratio` times
    /// the size of a larger one merges into it when their average link reaches this share
    /// of the larger story's cohesion (never below that of the online story it started
    /// from). Two pieces of one event that the online pass grew side by side: a small,
    /// tight piece of a loosely knit story is compared with the story, not with itself.
    pub consolidate_relative_larger: f32,
    /// Most size of the fragment, as a share of the larger story's, for
    /// `consolidate_relative_larger`.
    pub consolidate_relative_ratio: f32,
}

impl StoryConfig {
    /// The consolidation's parameters.
    pub fn consolidation(&self) -> consolidate::Params {
        consolidate::Params {
            dims: self.consolidate_dims,
            mix: self.consolidate_mix,
            threshold: self.consolidate_threshold,
            entity_floor: self.consolidate_entity_floor,
            sample: self.consolidate_sample,
            neighbours: self.consolidate_neighbours,
            max_small: self.consolidate_max_small,
            robust: self.consolidate_robust,
            robust_drop: self.robust_drop,
            min_terms: self.consolidate_min_terms,
            relative: self.consolidate_relative,
            relative_min: self.consolidate_relative_min,
            relative_larger: self.consolidate_relative_larger,
            relative_ratio: self.consolidate_relative_ratio,
        }
    }
}

impl Default for StoryConfig {
    fn default() -> Self {
        StoryConfig {
            threshold: 0.08,
            time_scale_days: 0.0,
            query_terms: 20,
            posting_cap: 48,
            candidates: 24,
            centroid_terms: 500,
            duplicate_jaccard: 0.7,
            entity_share: 0.0,
            background_docs: 1000.0,
            background_length: 400.0,
            fold_similarity: 0.19,
            fold_after: 400,
            fold_max_size: 2,
            fold_min_target: 3,
            lead_words: 40,
            lead_extra: 1.0,
            name_features: true,
            name_weight: 1.0,
            consolidate_dims: 100,
            consolidate_mix: 0.6,
            consolidate_threshold: 0.38,
            consolidate_entity_floor: 0.02,
            consolidate_sample: 2_500,
            consolidate_neighbours: 24,
            consolidate_max_small: 10,
            robust_drop: 3,
            robust_threshold: 0.24,
            robust_days: 0.25,
            robust_floor: 0.0,
            robust_needs_time: true,
            consolidate_robust: 0.03,
            consolidate_min_terms: 45,
            consolidate_relative: 0.9,
            consolidate_relative_min: 3,
            consolidate_relative_larger: 0.7,
            consolidate_relative_ratio: 0.34,
        }
    }
}
