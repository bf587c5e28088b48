//! Sparse vectors over term ids: `(term, weight)` pairs sorted by term. The summarizers'
//! TF-IDF sentence vectors ([`SparseVector`]) and the story grouper's centroids (plain
//! slices, `f32`) share the dot product and the merge-add here; [`TermSet`] is the binary
//! case, a set of term ids.


/// A sparse vector over term ids, sorted by id.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct SparseVector {
    entries: Vec<(u32, f64)>,
    norm: f64,
}

impl SparseVector {
    /// A vector from `(term, weight)` pairs; equal terms are summed.
    pub fn from_pairs(mut pairs: Vec<(u32, f64)>) -> Self {
        pairs.sort_by_key(|&(t, _)| t);
        let mut entries: Vec<(u32, f64)> = Vec::with_capacity(pairs.len());
        for (t, w) in pairs {
            match entries.last_mut() {
                Some(last) if last.0 == t => last.1 += w,
                _ => entries.push((t, w)),
            }
        }
        let norm = entries.iter().map(|&(_, w)| w * w).sum::<f64>().sqrt();
        SparseVector { entries, norm }
    }

    /// Term frequencies of `terms` times `weight(term)`.
    pub fn weighted_counts(terms: &[u32], weight: impl Fn(u32) -> f64) -> Self {
        Self::from_pairs(terms.iter().map(|&t| (t, weight(t))).collect())
    }

    /// The `(term, weight)` entries, sorted by term.
    pub fn entries(&self) -> &[(u32, f64)] {
        &self.entries
    }

    /// Euclidean norm.
    pub fn norm(&self) -> f64 {
        self.norm
    }

    /// Dot product.
    pub fn dot(&self, other: &SparseVector) -> f64 {
        dot(&self.entries, &other.entries)
    }

    /// Cosine similarity; 0 when either vector is zero.
    pub fn cosine(&self, other: &SparseVector) -> f64 {
        let denom = self.norm * other.norm;
        if denom > 0.0 {
            self.dot(other) / denom
        } else {
            0.0
        }
    }
}

/// A set of term ids, sorted and deduplicated: a sentence's content terms (cluster vocabulary
/// ids) for the summarizers' redundancy check, a document's content stems (lexicon ids) for
/// the cleaner's cluster similarity.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct TermSet(Vec<u32>);

impl TermSet {
    /// The set of the given term ids.
    pub fn from_terms(terms: &[u32]) -> Self {
        Self::from_vec(terms.to_vec())
    }

    /// The set of the given term ids, sorted and deduplicated in place.
    pub fn from_vec(mut terms: Vec<u32>) -> Self {
        terms.sort_unstable();
        terms.dedup();
        TermSet(terms)
    }

    /// Whether the set holds the term `id`.
    pub fn contains(&self, id: u32) -> bool {
        self.0.binary_search(&id).is_ok()
    }

    /// Number of distinct terms.
    pub fn len(&self) -> usize {
        self.0.len()
    }

    /// The distinct terms, ascending.
    pub fn terms(&self) -> &[u32] {
        &self.0
    }

    /// Whether the set is empty.
    pub fn is_empty(&self) -> bool {
        self.0.is_empty()
    }

    /// Number of terms in both sets.
    pub fn overlap(&self, other: &TermSet) -> usize {
        let (a, b) = (&self.0, &other.0);
        let (mut i, mut j, mut n) = (0, 0, 0);
        while i < a.len() && j < b.len() {
            match a[i].cmp(&b[j]) {
                std::cmp::Ordering::Less => i += 1,
                std::cmp::Ordering::Greater => j += 1,
                std::cmp::Ordering::Equal => {
                    n += 1;
                    i += 1;
                    j += 1;
                }
            }
        }
        n
    }
}

/// Dot product of two vectors sorted by term.
pub fn dot<T>(a: &[(u32, T)], b: &[(u32, T)]) -> T
where
    T: Copy + Default + std::ops::AddAssign + std::ops::Mul<Output = T>,
{
    let (mut i, mut j, mut sum) = (0, 0, T::default());
    while i < a.len() && j < b.len() {
        match a[i].0.cmp(&b[j].0) {
            std::cmp::Ordering::Less => i += 1,
            std::cmp::Ordering::Greater => j += 1,
            std::cmp::Ordering::Equal => {
                sum += a[i].1 * b[j].1;
                i += 1;
                j += 1;
            }
        }
    }
    sum
}

/// `a + scale * b` for vectors sorted by term.
#[cfg_attr(not(feature = "stories"), allow(dead_code))] // the story grouper's centroids
pub fn merge_add<T>(a: &[(u32, T)], b: &[(u32, T)], scale: T) -> Vec<(u32, T)>
where
    T: Copy + std::ops::Add<Output = T> + std::ops::Mul<Output = T>,
{
    let mut out = Vec::with_capacity(a.len() + b.len());
    let (mut i, mut j) = (0, 0);
    while i < a.len() || j < b.len() {
        if j >= b.len() || (i < a.len() && a[i].0 < b[j].0) {
            out.push(a[i]);
            i += 1;
        } else if i >= a.len() || b[j].0 < a[i].0 {
            out.push((b[j].0, b[j].1 * scale));
            j += 1;
        } else {
            out.push((a[i].0, a[i].1 + b[j].1 * scale));
            i += 1;
            j += 1;
        }
    }
    out
}
