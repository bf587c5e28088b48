//! TF-IDF sentence vectors: the representation centroid, LexRank, MMR and the submodular
//! method share. Each candidate sentence is a "document" for the inverse document frequency,
//! as in LexRank (Erkan & Radev 2004): within one cluster, a term in every sentence says
//! nothing about any one of them.

use crate::prepared::PreparedCluster;

pub use crate::sparse::SparseVector;

/// IDF weights over a set of sentences and their TF-IDF vectors.
#[derive(Debug, Clone)]
pub struct TfIdf {
    /// IDF per term id (`ln(N / df) + 1`; 0 for terms outside the sentences).
    pub idf: Vec<f64>,
    /// One vector per sentence, parallel to the `sentences` given to [`TfIdf::new`].
    pub vectors: Vec<SparseVector>,
}

impl TfIdf {
    /// IDF over `sentences` (indices into the cluster's sentences) and their vectors.
    pub fn new(cluster: &PreparedCluster, sentences: &[usize]) -> Self {
        let mut df = vec![0u32; cluster.vocab.len()];
        let mut seen = vec![usize::MAX; cluster.vocab.len()];
        for (k, &i) in sentences.iter().enumerate() {
            for &t in &cluster.sentences[i].terms {
                if seen[t as usize] != k {
                    seen[t as usize] = k;
                    df[t as usize] += 1;
                }
            }
        }
        let n = sentences.len().max(1) as f64;
        let idf: Vec<f64> = df
            .iter()
            .map(|&d| {
                if d == 0 {
                    0.0
                } else {
                    (n / d as f64).ln() + 1.0
                }
            })
            .collect();
        let vectors = sentences
            .iter()
            .map(|&i| {
                SparseVector::weighted_counts(&cluster.sentences[i].terms, |t| idf[t as usize])
            })
            .collect();
        TfIdf { idf, vectors }
    }

    /// The cosine similarity matrix of the vectors, row-major, `n * n`.
    pub fn similarity_matrix(&self) -> Vec<f64> {
        let n = self.vectors.len();
        let mut m = vec![0.0; n * n];
        for i in 0..n {
            m[i * n + i] = if self.vectors[i].norm() > 0.0 {
                1.0
            } else {
                0.0
            };
            for j in i + 1..n {
                let s = self.vectors[i].cosine(&self.vectors[j]);
                m[i * n + j] = s;
                m[j * n + i] = s;
            }
        }
        m
    }

    /// The mean of the vectors, each scaled to unit length: the cluster's centroid.
    pub fn centroid(&self) -> SparseVector {
        let n = self.vectors.len().max(1) as f64;
        SparseVector::from_pairs(
            self.vectors
                .iter()
                .filter(|v| v.norm() > 0.0)
                .flat_map(|v| v.entries().iter().map(move |&(t, w)| (t, w / v.norm() / n)))
                .collect(),
        )
    }

    /// The TF-IDF vector of arbitrary stem ids (a query), with this cluster's IDF.
    pub fn vector_of(&self, terms: &[u32]) -> SparseVector {
        SparseVector::weighted_counts(terms, |t| self.idf.get(t as usize).copied().unwrap_or(0.0))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn cosine_of_equal_vectors_is_one_and_of_disjoint_zero() {
        let a = SparseVector::from_pairs(vec![(1, 1.0), (3, 2.0)]);
        let b = SparseVector::from_pairs(vec![(3, 2.0), (1, 1.0)]);
        let c = SparseVector::from_pairs(vec![(2, 5.0)]);
        assert!((a.cosine(&b) - 1.0).abs() < 1e-12);
        assert_eq!(a.cosine(&c), 0.0);
        assert_eq!(a.cosine(&SparseVector::default()), 0.0);
    }

    #[test]
    fn from_pairs_sums_repeated_terms() {
        let v = SparseVector::from_pairs(vec![(2, 1.0), (1, 1.0), (2, 1.5)]);
        assert_eq!(v.entries(), &[(1, 1.0), (2, 2.5)]);
    }
}
