//! The shared redundancy check: a sentence that says what a chosen one says is never chosen.
//!
//! Outlets rewrite the same wire copy, so near-duplicates differ in a word or two, or one is
//! the other plus a clause. Two tests on the sets of content stems catch both: cosine of the
//! binary term vectors (same content, reworded) and containment (one sentence's content is
//! nearly all inside the other's).

pub use crate::sparse::TermSet;

/// Thresholds of the redundancy check.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct RedundancyCheck {
    /// Cosine of the binary content-term vectors at or above which two sentences say the
    /// same thing.
    pub cosine: f64,
    /// Share of the shorter sentence's content terms found in the other at or above which
    /// the shorter one adds nothing.
    pub containment: f64,
}

impl Default for RedundancyCheck {
    /// Half the content shared both ways (cosine 0.5), or four fifths of the shorter one
    /// inside the longer: reworded wire copy, not two sentences on one subject.
    fn default() -> Self {
        RedundancyCheck {
            cosine: 0.5,
            containment: 0.8,
        }
    }
}

impl RedundancyCheck {
    /// Whether two sentences' content says the same thing.
    pub fn redundant(&self, a: &TermSet, b: &TermSet) -> bool {
        if a.is_empty() || b.is_empty() {
            return false;
        }
        self.redundant_sizes(a.overlap(b), a.len(), b.len())
    }

    /// [`Self::redundant`] for two non-empty sets of `a` and `b` terms with `common` in
    /// common (for callers that count the overlap their own way).
    pub(crate) fn redundant_sizes(&self, common: usize, a: usize, b: usize) -> bool {
        let common = common as f64;
        let cosine = common / ((a * b) as f64).sqrt();
        let containment = common / a.min(b) as f64;
        cosine >= self.cosine || containment >= self.containment
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    macro_rules! redundancy_cases {
        ($($name:ident: $a:expr, $b:expr => $want:expr;)*) => {$(
            #[test]
            fn $name() {
                let check = RedundancyCheck::default();
                let (a, b) = (TermSet::from_terms(&$a), TermSet::from_terms(&$b));
                assert_eq!(check.redundant(&a, &b), $want);
                assert_eq!(check.redundant(&b, &a), $want, "symmetric");
            }
        )*};
    }

    redundancy_cases! {
        identical: [1, 2, 3, 4], [4, 3, 2, 1] => true;
        reworded: [1, 2, 3, 4, 5, 6], [1, 2, 3, 4, 7, 8] => true;
        contained: [1, 2, 3, 4, 5], [1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13, 14] => true;
        same_subject_new_facts: [1, 2, 3, 4, 5, 6], [1, 2, 7, 8, 9, 10] => false;
        disjoint: [1, 2, 3], [4, 5, 6] => false;
        empty: [], [1, 2] => false;
    }

    #[test]
    fn term_set_dedups_and_counts_overlap() {
        let a = TermSet::from_terms(&[3, 1, 3, 2]);
        let b = TermSet::from_terms(&[2, 5, 3]);
        assert_eq!(a.len(), 3);
        assert_eq!(a.overlap(&b), 2);
    }
}
