//! Precision, recall and F-measure, and the set of ROUGE variants a scorer reports.

use serde::{Deserialize, Serialize};

/// Precision, recall and F-measure of one ROUGE variant, as fractions in `[0, 1]`.
#[derive(Debug, Clone, Copy, Default, PartialEq, Serialize, Deserialize)]
pub struct Prf {
    /// Precision.
    pub p: f64,
    /// Recall.
    pub r: f64,
    /// F-measure.
    pub f: f64,
}

impl Prf {
    /// Component-wise mean of `items` (zero when empty).
    pub fn mean<'a>(items: impl IntoIterator<Item = &'a Prf>) -> Prf {
        let mut sum = Prf::default();
        let mut n = 0usize;
        for x in items {
            sum.p += x.p;
            sum.r += x.r;
            sum.f += x.f;
            n += 1;
        }
        if n == 0 {
            return sum;
        }
        let n = n as f64;
        Prf {
            p: sum.p / n,
            r: sum.r / n,
            f: sum.f / n,
        }
    }
}

/// The ROUGE variants of one summary. ROUGE-1.5.5 as run here gives ROUGE-1, ROUGE-2 and
/// (when asked) ROUGE-SU4; rouge-score gives the LCS variants; so those are optional.
#[derive(Debug, Clone, Copy, Default, PartialEq, Serialize, Deserialize)]
pub struct RougeScores {
    /// Unigram overlap.
    pub rouge1: Prf,
    /// Bigram overlap.
    pub rouge2: Prf,
    /// Longest common subsequence over the whole text.
    #[serde(rename = "rougeL")]
    pub rouge_l: Option<Prf>,
    /// Summary-level LCS over newline-separated sentences.
    #[serde(rename = "rougeLsum")]
    pub rouge_lsum: Option<Prf>,
    /// Skip bigrams with a gap of up to four words plus unigrams (ROUGE-1.5.5 `-2 4 -u`).
    #[serde(rename = "rougeSU4", default, skip_serializing_if = "Option::is_none")]
    pub rouge_su4: Option<Prf>,
}

/// A ROUGE variant reported by [`RougeScores`].
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
pub enum Variant {
    /// ROUGE-1.
    #[serde(rename = "rouge1")]
    Rouge1,
    /// ROUGE-2.
    #[serde(rename = "rouge2")]
    Rouge2,
    /// ROUGE-L.
    #[serde(rename = "rougeL")]
    RougeL,
    /// ROUGE-Lsum.
    #[serde(rename = "rougeLsum")]
    RougeLsum,
    /// ROUGE-SU4 (ROUGE-1.5.5 only).
    #[serde(rename = "rougeSU4")]
    RougeSu4,
}

impl Variant {
    /// All variants, in report order.
    pub const ALL: [Variant; 5] = [
        Variant::Rouge1,
        Variant::Rouge2,
        Variant::RougeL,
        Variant::RougeLsum,
        Variant::RougeSu4,
    ];

    /// The name used by rouge-score and in reports (`rouge1`, `rougeLsum`, ...).
    pub fn name(self) -> &'static str {
        match self {
            Variant::Rouge1 => "rouge1",
            Variant::Rouge2 => "rouge2",
            Variant::RougeL => "rougeL",
            Variant::RougeLsum => "rougeLsum",
            Variant::RougeSu4 => "rougeSU4",
        }
    }

    /// Look a variant up by its name.
    pub fn from_name(name: &str) -> Option<Variant> {
        Variant::ALL.into_iter().find(|v| v.name() == name)
    }
}

impl RougeScores {
    /// The scores of `variant`, if this scorer computes it.
    pub fn get(&self, variant: Variant) -> Option<Prf> {
        match variant {
            Variant::Rouge1 => Some(self.rouge1),
            Variant::Rouge2 => Some(self.rouge2),
            Variant::RougeL => self.rouge_l,
            Variant::RougeLsum => self.rouge_lsum,
            Variant::RougeSu4 => self.rouge_su4,
        }
    }
}
