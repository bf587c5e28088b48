//! Summarize: extractive methods behind one interface, a budget, redundancy control and a
//! readable order.
//!
//! [`Method::ALL`] is the one list of methods, written once in the `methods!` invocation
//! below: the CLI help, the configuration ([`Config`](crate::Config)) and the evaluation all read
//! it. Every method picks whole candidate sentences (`candidates`: no headings, no short
//! fragments) through a `Selection`, which enforces the budget and refuses a sentence that
//! says what a chosen one says (`RedundancyCheck`); `reading_order` then orders them.

mod candidate;
mod centrality;
mod centroid;
mod concepts;
mod config;
mod context;
mod display;
#[cfg(test)]
mod fixtures;
#[cfg(feature = "ilp")]
mod ilp;
mod lead;
mod lexrank;
mod mmr;
#[cfg(feature = "eval")]
mod oracle;
mod query;
mod redundancy;
mod select;
mod submodular;
mod sumbasic;
mod support_coverage;
mod textrank;
mod tf_idf;
mod update;

internal_use!(centrality::{power_iteration, rank_by});
internal_use!(centroid::CentroidSummarizer);
internal_use!(concepts::Concepts);
internal_use!(config::SummarizerConfig);
internal_use!(context::{lean, leans_back, leans_back_in, ContextRule, Lean, MAX_CHAIN});
internal_use!(support_coverage::SupportCoverageSummarizer);
#[cfg(feature = "ilp")]
internal_use!(ilp::{IlpSolver, IlpSummarizer, MAX_EXACT_CONCEPTS, MAX_EXACT_SENTENCES});
internal_use!(lead::LeadSummarizer);
internal_use!(lexrank::LexRankSummarizer);
internal_use!(mmr::MmrSummarizer);
#[cfg(feature = "eval")]
internal_use!(oracle::OracleSummarizer);
internal_use!(query::topic_terms);
internal_use!(redundancy::{RedundancyCheck, TermSet});
internal_use!(candidate::{candidates, MIN_TERMS, MIN_WORDS});
internal_use!(select::{reading_order, Selection});
internal_use!(submodular::SubmodularSummarizer);
internal_use!(sumbasic::SumBasicSummarizer);
internal_use!(textrank::TextRankSummarizer);
internal_use!(tf_idf::{SparseVector, TfIdf});
pub use display::display_text;
pub use update::{Seen, SeenProfile};
internal_use!(update::{DISCOUNT, STALE});

use crate::prepared::PreparedCluster;
use serde::{Deserialize, Serialize};

/// How long a summary may be.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(tag = "unit", content = "limit", rename_all = "snake_case")]
pub enum Budget {
    /// At most this many white-space separated words, whole sentences only.
    Words(usize),
    /// At most this many sentences.
    Sentences(usize),
}

impl Default for Budget {
    fn default() -> Self {
        Budget::Words(250)
    }
}

/// A summary: sentence indices into [`PreparedCluster::sentences`], in reading order.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Summary {
    /// The method that produced it.
    pub method: Method,
    /// Selected sentences in reading order.
    pub sentences: Vec<usize>,
}

impl Summary {
    /// The summary text, one sentence per line, each as a summary shows it
    /// ([`display_text`]).
    pub fn text(&self, cluster: &PreparedCluster) -> String {
        self.sentences
            .iter()
            .map(|&i| display_text(cluster.text(i)))
            .collect::<Vec<_>>()
            .join("\n")
    }

    /// Number of words in the summary (of its sentences as shown).
    pub fn words(&self, cluster: &PreparedCluster) -> usize {
        self.sentences
            .iter()
            .map(|&i| cluster.sentences[i].words)
            .sum()
    }
}

/// A sentence-selection method.
pub trait Summarizer: Send + Sync {
    /// Select sentences (indices into `cluster.sentences`) within `budget`, in the order the
    /// method ranks them. The caller puts them in reading order.
    fn select(&self, cluster: &PreparedCluster, budget: Budget) -> Vec<usize>;

    /// Update mode: like [`Summarizer::select`], for a reader who has `seen` earlier
    /// articles. By default the method selects among the sentences the reader has not mostly
    /// seen ([`Seen::hide_stale`]); a method may do better with the concepts themselves.
    fn select_update(&self, cluster: &PreparedCluster, budget: Budget, seen: &Seen) -> Vec<usize> {
        self.select(&seen.hide_stale(cluster), budget)
    }
}

// A method behind a Cargo feature carries `#[cfg(...)]`, repeated on every use of its
// variant; the enum's default is written by hand below (`#[default]` cannot sit on a match
// arm).
macro_rules! methods {
    ($( $(#[cfg($cfg:meta)])* $variant:ident => $name:literal, $summarizer:ident, $desc:literal; )*) => {
        /// The summarization methods (`ilp` needs the `ilp` feature, `oracle` the `eval`
        /// feature).
        #[derive(
            Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize,
        )]
        pub enum Method {
            $( #[doc = $desc] $(#[cfg($cfg)])* #[serde(rename = $name)] $variant, )*
        }

        impl Method {
            /// Every method, in the order help and reports list them.
            pub const ALL: &'static [Method] = &[$( $(#[cfg($cfg)])* Method::$variant, )*];

            /// The method's name on the command line and in reports.
            pub fn name(self) -> &'static str {
                match self { $( $(#[cfg($cfg)])* Method::$variant => $name,)* }
            }

            /// One-line description.
            pub fn description(self) -> &'static str {
                match self { $( $(#[cfg($cfg)])* Method::$variant => $desc,)* }
            }

            /// Build the summarizer of this method.
            pub fn summarizer(self) -> Box<dyn Summarizer> {
                match self { $( $(#[cfg($cfg)])* Method::$variant => Box::new($summarizer),)* }
            }
        }
    };
}

// Written out: `#[default]` cannot pass the macro's cfg-only attribute slot.
#[allow(clippy::derivable_impls)]
impl Default for Method {
    fn default() -> Self {
        Method::SupportCoverage
    }
}

methods! {
    SupportCoverage => "default", SupportCoverageSummarizer,
        "Position-weighted support of concepts across sources, covered greedily without repeats (see docs/default-method.md).";
    Lead => "lead", LeadSummarizer,
        "First sentence of each article in turn, until the budget.";
    Centroid => "centroid", CentroidSummarizer,
        "TF-IDF similarity to the cluster centroid (Radev et al. 2004).";
    LexRank => "lexrank", LexRankSummarizer,
        "Eigenvector centrality of the TF-IDF cosine graph (Erkan & Radev 2004, continuous).";
    TextRank => "textrank", TextRankSummarizer,
        "PageRank over word-overlap similarity (Mihalcea & Tarau 2004).";
    SumBasic => "sumbasic", SumBasicSummarizer,
        "Word probability, squared after use (Nenkova & Vanderwende 2005).";
    Mmr => "mmr", MmrSummarizer,
        "Relevance to centroid and topic minus redundancy (Carbonell & Goldstein 1998).";
    #[cfg(feature = "ilp")]
    Ilp => "ilp", IlpSummarizer,
        "Exact bigram-concept coverage under the budget (Gillick & Favre 2009).";
    Submodular => "submodular", SubmodularSummarizer,
        "Coverage plus diversity reward, budgeted greedy (Lin & Bilmes 2011).";
    #[cfg(feature = "eval")]
    Oracle => "oracle", OracleSummarizer,
        "Extractive oracle: greedy ROUGE-1 + ROUGE-2 F1 against the references (an evaluation ceiling; needs references).";
}

impl Method {
    /// Look a method up by name.
    pub fn from_name(name: &str) -> Option<Method> {
        Method::ALL.iter().copied().find(|m| m.name() == name)
    }

    /// Summarize `cluster` under `budget`, in reading order.
    pub fn summarize(self, cluster: &PreparedCluster, budget: Budget) -> Summary {
        let picked = self.summarizer().select(cluster, budget);
        Summary {
            method: self,
            sentences: reading_order(cluster, &picked),
        }
    }
}

impl Method {
    /// Summarize the articles of `cluster` that are new to a reader who has read those of
    /// `earlier` (see [`Seen`]), under `budget`, in reading order. With no earlier article
    /// this is [`Method::summarize`].
    pub fn summarize_update(
        self,
        cluster: &PreparedCluster,
        earlier: &PreparedCluster,
        budget: Budget,
    ) -> Summary {
        self.summarize_seen(cluster, &Seen::new(cluster, earlier), budget)
    }

    /// [`Method::summarize_update`] for a reader who has `seen` (built from the earlier
    /// articles' profiles with [`Seen::from_profiles`], so that articles prepared and
    /// profiled once serve every later batch). With nothing seen this is
    /// [`Method::summarize`].
    pub fn summarize_seen(self, cluster: &PreparedCluster, seen: &Seen, budget: Budget) -> Summary {
        if seen.is_empty() {
            return self.summarize(cluster, budget);
        }
        let picked = self.summarizer().select_update(cluster, budget, seen);
        Summary {
            method: self,
            sentences: reading_order(cluster, &picked),
        }
    }
}

impl std::fmt::Display for Method {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(self.name())
    }
}

#[cfg(test)]
mod method_name_tests {
    use super::Method;

    #[test]
    fn every_method_serializes_as_its_command_line_name() {
        for &method in Method::ALL {
            let json = serde_json::to_string(&method).expect("a method serializes");
            assert_eq!(json, format!("\"{}\"", method.name()));
            let back: Method = serde_json::from_str(&json).expect("and reads back");
            assert_eq!(back, method);
        }
        assert_eq!(Method::SupportCoverage.name(), "default");
        assert_eq!(Method::default(), Method::SupportCoverage);
    }
}
