//! Syndication: near-identical copies of one wire story in several outlets, found with
//! MinHash over word 5-gram shingles and banded locality-sensitive hashing.
//!
//! Signatures use one-permutation hashing with rotation densification (Shrivastava 2017):
//! one hash per shingle instead of one per shingle and permutation, which keeps the cost
//! per article linear in its length.

// FxHash: band keys are already well mixed; SipHash showed in profiles.
use rustc_hash::FxHashMap as HashMap;

/// Slots in a signature.
pub const SLOTS: usize = 64;
/// LSH bands; `SLOTS / BANDS` slots per band. With 4 rows, a pair at Jaccard 0.7 shares a
/// band with probability 0.99, a pair at 0.3 with probability 0.12.
pub const BANDS: usize = 16;
const ROWS: usize = SLOTS / BANDS;
const EMPTY: u32 = u32::MAX;

/// A MinHash signature.
pub type Signature = [u32; SLOTS];

fn mix(mut x: u64) -> u64 {
    // splitmix64 finalizer: a fixed, well-spread permutation of 64-bit values.
    x ^= x >> 30;
    x = x.wrapping_mul(0xbf58_476d_1ce4_e5b9);
    x ^= x >> 27;
    x = x.wrapping_mul(0x94d0_49bb_1331_11eb);
    x ^ (x >> 31)
}

/// The signature of a set of shingle hashes; `None` for an empty set.
pub fn signature(shingles: &[u64]) -> Option<Signature> {
    if shingles.is_empty() {
        return None;
    }
    let mut sig = [EMPTY; SLOTS];
    for &s in shingles {
        let h = mix(s);
        let slot = (h >> 58) as usize; // top 6 bits choose one of 64 slots
        let value = (h & 0xffff_ffff) as u32;
        if value < sig[slot] {
            sig[slot] = value.min(EMPTY - 1);
        }
    }
    // Densify: an empty slot borrows from the next filled slot to its right, salted by the
    // distance, so two sets agree on an empty slot as often as they agree on a filled one.
    let filled = sig;
    for (i, slot) in sig.iter_mut().enumerate() {
        if filled[i] != EMPTY {
            continue;
        }
        for d in 1..SLOTS {
            let j = (i + d) % SLOTS;
            if filled[j] != EMPTY {
                *slot = (mix(u64::from(filled[j]) ^ (d as u64).wrapping_mul(0x9e37_79b9))
                    & 0xffff_fffe) as u32;
                break;
            }
        }
    }
    Some(sig)
}

/// Estimated Jaccard similarity: the share of slots on which two signatures agree.
pub fn similarity(a: &Signature, b: &Signature) -> f32 {
    a.iter().zip(b).filter(|(x, y)| x == y).count() as f32 / SLOTS as f32
}

fn band_key(band: usize, sig: &Signature) -> u64 {
    let mut h = band as u64;
    for &v in &sig[band * ROWS..(band + 1) * ROWS] {
        h = mix(h ^ u64::from(v));
    }
    h
}

/// Originals seen so far, findable by band.
#[derive(Debug, Clone, Default)]
pub struct SyndicationIndex {
    signatures: Vec<Signature>,
    /// Article number of each original (the caller's numbering).
    owners: Vec<u64>,
    /// Band key -> first original with that band.
    buckets: HashMap<u64, u32>,
}

impl SyndicationIndex {
    /// The earliest original whose estimated Jaccard similarity with `sig` is at least
    /// `threshold`, as the caller's article number, with the similarity.
    pub fn find(&self, sig: &Signature, threshold: f32) -> Option<(u64, f32)> {
        let mut best: Option<(u32, f32)> = None;
        for band in 0..BANDS {
            let Some(&i) = self.buckets.get(&band_key(band, sig)) else {
                continue;
            };
            if best.is_some_and(|(b, _)| b == i) {
                continue;
            }
            let sim = similarity(sig, &self.signatures[i as usize]);
            if sim >= threshold && best.is_none_or(|(b, s)| sim > s || (sim == s && i < b)) {
                best = Some((i, sim));
            }
        }
        best.map(|(i, s)| (self.owners[i as usize], s))
    }

    /// Add an original article under the caller's number.
    pub fn insert(&mut self, article: u64, sig: Signature) {
        let i = u32::try_from(self.signatures.len()).expect("fewer than 4 billion originals");
        for band in 0..BANDS {
            self.buckets.entry(band_key(band, &sig)).or_insert(i);
        }
        self.signatures.push(sig);
        self.owners.push(article);
    }

    /// Originals indexed.
    #[cfg_attr(not(feature = "unstable-internals"), allow(dead_code))] // for tests and the lab
    pub fn len(&self) -> usize {
        self.signatures.len()
    }

    /// Whether no original was indexed.
    #[cfg_attr(not(feature = "unstable-internals"), allow(dead_code))] // for tests and the lab
    pub fn is_empty(&self) -> bool {
        self.signatures.is_empty()
    }
}

/// A signature as bytes (little endian), for persistence.
pub fn to_bytes(sig: &Signature) -> Vec<u8> {
    sig.iter().flat_map(|v| v.to_le_bytes()).collect()
}

/// A signature from [`to_bytes`] output; `None` when the length is wrong.
pub fn from_bytes(bytes: &[u8]) -> Option<Signature> {
    if bytes.len() != SLOTS * 4 {
        return None;
    }
    let mut sig = [0u32; SLOTS];
    for (v, chunk) in sig.iter_mut().zip(bytes.chunks_exact(4)) {
        *v = u32::from_le_bytes(chunk.try_into().expect("chunks of 4"));
    }
    Some(sig)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn set(range: std::ops::Range<u64>) -> Vec<u64> {
        range
            .map(|x| x.wrapping_mul(0x2545_f491_4f6c_dd1d))
            .collect()
    }

    #[test]
    fn identical_sets_have_identical_signatures() {
        let a = signature(&set(0..300)).expect("non-empty");
        let b = signature(&set(0..300)).expect("non-empty");
        assert_eq!(similarity(&a, &b), 1.0);
        assert!(signature(&[]).is_none());
    }

    #[test]
    fn estimate_tracks_jaccard() {
        // 0..1000 vs 200..1200: Jaccard 800 / 1200 = 0.67.
        let a = signature(&set(0..1000)).expect("non-empty");
        let b = signature(&set(200..1200)).expect("non-empty");
        let s = similarity(&a, &b);
        assert!((0.5..0.85).contains(&s), "{s}");
        let c = signature(&set(5000..6000)).expect("non-empty");
        assert!(similarity(&a, &c) < 0.15);
    }

    #[test]
    fn index_finds_the_earliest_near_copy() {
        let mut idx = SyndicationIndex::default();
        let orig = signature(&set(0..400)).expect("non-empty");
        idx.insert(10, orig);
        idx.insert(11, signature(&set(9000..9400)).expect("non-empty"));
        let copy = signature(&set(0..390)).expect("non-empty");
        assert_eq!(idx.find(&copy, 0.7).map(|(a, _)| a), Some(10));
        let other = signature(&set(20_000..20_400)).expect("non-empty");
        assert_eq!(idx.find(&other, 0.7), None);
    }

    #[test]
    fn bytes_round_trip() {
        let a = signature(&set(0..50)).expect("non-empty");
        assert_eq!(from_bytes(&to_bytes(&a)), Some(a));
        assert_eq!(from_bytes(&[1, 2, 3]), None);
    }
}
