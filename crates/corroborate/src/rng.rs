//! SplitMix64 (Steele, Lea and Flood 2014), the one deterministic generator of the crate
//! (bootstrap resampling, synthetic story streams, the story consolidation's random test
//! matrix). Written here rather than taken from
//! `rand` because `rand`'s standard generators do not promise the same stream across
//! versions, and reported intervals and benchmark streams must not change when a
//! dependency is upgraded.

/// A SplitMix64 generator; the field is its state (the seed at first).
#[derive(Debug, Clone)]
pub struct SplitMix64(pub u64);

impl SplitMix64 {
    /// The next 64 random bits.
    pub fn next_u64(&mut self) -> u64 {
        self.0 = self.0.wrapping_add(0x9e37_79b9_7f4a_7c15);
        let mut z = self.0;
        z = (z ^ (z >> 30)).wrapping_mul(0xbf58_476d_1ce4_e5b9);
        z = (z ^ (z >> 27)).wrapping_mul(0x94d0_49bb_1331_11eb);
        z ^ (z >> 31)
    }

    /// A uniform value in [-1, 1), from the top 53 bits.
    pub fn signed_unit(&mut self) -> f64 {
        (self.next_u64() >> 11) as f64 / (1u64 << 52) as f64 - 1.0
    }

    /// A uniform index below `n` (`n > 0`), by multiply-shift.
    pub fn below(&mut self, n: usize) -> usize {
        ((u128::from(self.next_u64()) * n as u128) >> 64) as usize
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn known_first_outputs_and_indices_in_range() {
        // Reference values of SplitMix64 seeded with 0.
        let mut r = SplitMix64(0);
        assert_eq!(r.next_u64(), 0xe220_a839_7b1d_cdaf);
        assert_eq!(r.next_u64(), 0x6e78_9e6a_a1b9_65f4);
        assert!((0..1000).all(|_| r.below(7) < 7));
        let x: Vec<f64> = (0..1000).map(|_| r.signed_unit()).collect();
        assert!(x.iter().all(|v| (-1.0..1.0).contains(v)));
        assert!(x.iter().any(|&v| v < -0.5) && x.iter().any(|&v| v > 0.5));
    }
}
