//! Summarize: extractive methods behind one interface, a budget, redundancy control and a
//! readable order.
//!
//! [`Method::ALL`] is the one list of methods: the CLI help, the configuration and the
//! evaluation all read it.

mod lead;
mod oracle;
mod select;

pub use lead::LeadSummarizer;
pub use oracle::OracleSummarizer;
pub use select::{reading_order, Selection};

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
    /// The summary text, one sentence per line.
    pub fn text(&self, cluster: &PreparedCluster) -> String {
        self.sentences
            .iter()
            .map(|&i| cluster.text(i))
            .collect::<Vec<_>>()
            .join("\n")
    }
}

/// A sentence-selection method.
pub trait Summarizer: Send + Sync {
    /// Select sentences (indices into `cluster.sentences`) within `budget`, in the order the
    /// method ranks them. The caller puts them in reading order.
    fn select(&self, cluster: &PreparedCluster, budget: Budget) -> Vec<usize>;
}

macro_rules! methods {
    ($( $variant:ident => $name:literal, $desc:literal; )*) => {
        /// The summarization methods.
        #[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
        #[serde(rename_all = "lowercase")]
        pub enum Method {
            $( #[doc = $desc] $variant, )*
        }

        impl Method {
            /// Every method, in the order help and reports list them.
            pub const ALL: &'static [Method] = &[$(Method::$variant),*];

            /// The method's name on the command line and in reports.
            pub fn name(self) -> &'static str {
                match self { $(Method::$variant => $name,)* }
            }

            /// One-line description.
            pub fn description(self) -> &'static str {
                match self { $(Method::$variant => $desc,)* }
            }
        }
    };
}

methods! {
    Lead => "lead", "First sentence of each article in turn, until the budget.";
    Oracle => "oracle", "Extractive oracle: greedy ROUGE-1 + ROUGE-2 F1 against the references (an evaluation ceiling; needs references).";
}

impl Method {
    /// Look a method up by name.
    pub fn from_name(name: &str) -> Option<Method> {
        Method::ALL.iter().copied().find(|m| m.name() == name)
    }

    /// Build the summarizer of this method.
    pub fn summarizer(self) -> Box<dyn Summarizer> {
        match self {
            Method::Lead => Box::new(LeadSummarizer),
            Method::Oracle => Box::new(OracleSummarizer),
        }
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

impl std::fmt::Display for Method {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(self.name())
    }
}
