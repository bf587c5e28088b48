//! Eight bytes at a time in a `u64` ("SIMD within a register"): byte classes as masks of
//! high bits, for the scans that read every byte of a text (word splitting and counting,
//! the sentence splitter's screen, line features).
//!
//! Each function is right for every byte below `0x80`: adding at most `0x7F` to a byte with
//! its high bit cleared never carries into the next byte, so the high bit of each sum answers
//! a comparison. Callers treat bytes of `0x80` or more (the bytes of other characters) apart.

/// One in each byte of a `u64`.
pub(crate) const LO: u64 = 0x0101_0101_0101_0101;

/// The high bit of each byte of a `u64`.
pub(crate) const HI: u64 = 0x8080_8080_8080_8080;

/// The eight bytes of `bytes` from `at` (below its length) as a little-endian `u64`, spaces
/// standing in for the bytes past the end.
#[inline]
pub(crate) fn load8(bytes: &[u8], at: usize) -> u64 {
    let n = bytes.len();
    if let Some(chunk) = bytes.get(at..at + 8) {
        u64::from_le_bytes(chunk.try_into().expect("eight bytes"))
    } else if n >= 8 {
        let rest = n - at;
        let last = u64::from_le_bytes(bytes[n - 8..].try_into().expect("eight bytes"));
        (last >> (8 * (8 - rest))) | ((0x20 * LO) << (8 * rest))
    } else {
        let mut padded = [b' '; 8];
        padded[..n - at].copy_from_slice(&bytes[at..]);
        u64::from_le_bytes(padded)
    }
}

/// The high bit of each byte of `x` equal to `b` (an ASCII byte), or at or above `0x80`
/// with its low seven bits equal to `b`'s.
#[inline]
pub(crate) fn equal(x: u64, b: u8) -> u64 {
    let low = x & !HI;
    !((low ^ (u64::from(b) * LO)).wrapping_add(0x7F * LO)) & HI
}

/// The high bit of each byte of `x` (below `0x80`) from `lo` to `hi` inclusive.
#[inline]
pub(crate) fn within(x: u64, lo: u8, hi: u8) -> u64 {
    let low = x & !HI;
    let from_lo = low.wrapping_add(u64::from(0x80 - lo) * LO);
    let past_hi = low.wrapping_add(u64::from(0x7F - hi) * LO);
    from_lo & !past_hi & HI
}

/// The high bit of each byte of `x` that is an ASCII letter or digit (never a byte of
/// `0x80` or more).
#[inline]
pub(crate) fn ascii_alnum(x: u64) -> u64 {
    let low = x & !HI;
    let digit = low.wrapping_add(0x50 * LO) & !low.wrapping_add(0x46 * LO); // 0..=9
    let folded = low | (0x20 * LO);
    let letter = folded.wrapping_add(0x1F * LO) & !folded.wrapping_add(0x05 * LO); // a..=z
    (digit | letter) & !x & HI
}

/// The high bit of each byte of `x` that is ASCII white space (as `char::is_whitespace`
/// reads ASCII: space, and tab to carriage return).
#[inline]
pub(crate) fn ascii_spaces(x: u64) -> u64 {
    let not_blank = (x ^ (0x20 * LO)).wrapping_add(0x7F * LO); // byte != b' '
    let from_tab = x.wrapping_add(0x77 * LO); // byte >= b'\t'
    let past_cr = x.wrapping_add(0x72 * LO); // byte > b'\r'
    (!not_blank | (from_tab & !past_cr)) & HI
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Every ASCII byte at every position, against the `u8` predicates.
    #[test]
    fn masks_match_the_byte_predicates() {
        let bit = |k: usize| 0x80u64 << (8 * k);
        for b in 0u8..0x80 {
            for k in 0..8 {
                let mut bytes = *b"Ab3 ,.z~";
                bytes[k] = b;
                let x = u64::from_le_bytes(bytes);
                let want = |f: &dyn Fn(u8) -> bool| f(b);
                assert_eq!(
                    ascii_alnum(x) & bit(k) != 0,
                    want(&|c| c.is_ascii_alphanumeric())
                );
                assert_eq!(
                    ascii_spaces(x) & bit(k) != 0,
                    want(&|c| (c as char).is_whitespace()),
                    "{b:#x}"
                );
                assert_eq!(equal(x, b'@') & bit(k) != 0, b == b'@');
                assert_eq!(within(x, b'A', b'Z') & bit(k) != 0, b.is_ascii_uppercase());
                assert_eq!(within(x, b'\t', b'\r') & bit(k) != 0, (9..=13).contains(&b));
                assert!(within(x, 0, 0x7F) & bit(k) != 0);
            }
        }
    }
}
