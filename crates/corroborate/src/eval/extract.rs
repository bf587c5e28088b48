//! Main-text extraction scores, as `html/score_html.py` computes them: bag-of-tokens P/R/F1 per
//! page (mean over pages) and the 4-token shingle F1 of scrapinghub's benchmark.
//!
//! Tokens are Unicode word runs (letters, numbers, `_`), with every CJK, kana and hangul
//! character a token of its own; lower-cased for the bag metric, not for shingles.

use crate::clean::Cleaner;
use crate::ingest::read_bytes;
use rustc_hash::FxHashMap;

/// Hiragana/katakana, CJK ideographs (and extension A, compatibility), hangul syllables: one
/// token per character, whatever its category.
fn is_cjk(c: char) -> bool {
    matches!(c,
        '\u{3040}'..='\u{30ff}'
        | '\u{3400}'..='\u{4dbf}'
        | '\u{4e00}'..='\u{9fff}'
        | '\u{f900}'..='\u{faff}'
        | '\u{ac00}'..='\u{d7af}')
}

/// The non-ASCII ranges of `[\p{L}\p{N}_]` (Python's `\w` on `str`), sorted, from the Unicode
/// tables of regex-syntax (the regex crate's own). A hand-written scan over this class takes a
/// tenth of the instructions of the equivalent regex's `find_iter` (a forward and a reverse
/// DFA search per token).
static WORD_RANGES: std::sync::LazyLock<Vec<(char, char)>> = std::sync::LazyLock::new(|| {
    use regex_syntax::hir::{Class, HirKind};
    let hir = regex_syntax::parse(r"[\p{L}\p{N}_]").expect("a valid class");
    let HirKind::Class(Class::Unicode(class)) = hir.kind() else {
        unreachable!("a bracketed Unicode class parses to a Unicode class")
    };
    class
        .ranges()
        .iter()
        .map(|r| (r.start(), r.end()))
        .filter(|&(_, end)| !end.is_ascii())
        .collect()
});

/// A letter, a number or `_`.
fn is_word(c: char) -> bool {
    if c.is_ascii() {
        return c.is_ascii_alphanumeric() || c == '_';
    }
    let ranges = &*WORD_RANGES;
    let at = ranges.partition_point(|&(_, end)| end < c);
    at < ranges.len() && ranges[at].0 <= c
}

/// The scorer's tokens of a text, as slices of it: every CJK character alone, runs of other
/// word characters (the Python scorer's `[CJK]|[\w&&[^CJK]]+`, leftmost first).
fn token_slices(text: &str) -> Vec<&str> {
    let mut out = Vec::new();
    let mut start: Option<usize> = None;
    for (i, c) in text.char_indices() {
        if is_cjk(c) {
            if let Some(s) = start.take() {
                out.push(&text[s..i]);
            }
            out.push(&text[i..i + c.len_utf8()]);
        } else if is_word(c) {
            start.get_or_insert(i);
        } else if let Some(s) = start.take() {
            out.push(&text[s..i]);
        }
    }
    if let Some(s) = start {
        out.push(&text[s..]);
    }
    out
}

/// The scorer's tokens of a text.
pub fn tokens(text: &str, lower: bool) -> Vec<String> {
    let lowered;
    let text = if lower {
        lowered = text.to_lowercase();
        lowered.as_str()
    } else {
        text
    };
    token_slices(text).into_iter().map(str::to_string).collect()
}

/// One page's scores.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct PageScore {
    /// Bag-of-tokens precision.
    pub precision: f64,
    /// Bag-of-tokens recall.
    pub recall: f64,
    /// Bag-of-tokens F1.
    pub f1: f64,
    /// Shingle true positives, false positives, false negatives, each over their sum.
    pub shingles: (f64, f64, f64),
    /// The prediction is empty or only whitespace.
    pub empty: bool,
}

fn counts<T: std::hash::Hash + Eq>(items: impl Iterator<Item = T>) -> FxHashMap<T, usize> {
    let mut m = FxHashMap::default();
    for t in items {
        *m.entry(t).or_insert(0) += 1;
    }
    m
}

/// Size of the multiset intersection (the sum does not depend on map order).
fn overlap<T: std::hash::Hash + Eq>(a: &FxHashMap<T, usize>, b: &FxHashMap<T, usize>) -> usize {
    a.iter()
        .map(|(k, &n)| n.min(b.get(k).copied().unwrap_or(0)))
        .sum()
}

/// Score a prediction against gold text.
pub fn score_page(gold: &str, pred: &str) -> PageScore {
    let (gold_lower, pred_lower) = (gold.to_lowercase(), pred.to_lowercase());
    let (gt, pt) = (token_slices(&gold_lower), token_slices(&pred_lower));
    let (precision, recall, f1) = if gt.is_empty() {
        if pt.is_empty() {
            (1.0, 1.0, 1.0)
        } else {
            (0.0, 0.0, 0.0)
        }
    } else if pt.is_empty() {
        (0.0, 0.0, 0.0)
    } else {
        let o = overlap(&counts(gt.iter()), &counts(pt.iter())) as f64;
        let (p, r) = (o / pt.len() as f64, o / gt.len() as f64);
        (
            p,
            r,
            if p + r > 0.0 {
                2.0 * p * r / (p + r)
            } else {
                0.0
            },
        )
    };
    let shingles = shingle_rates(&token_slices(gold), &token_slices(pred));
    PageScore {
        precision,
        recall,
        f1,
        shingles,
        empty: pred.trim().is_empty(),
    }
}

fn shingle_rates(gold: &[&str], pred: &[&str]) -> (f64, f64, f64) {
    const N: usize = 4;
    /// Past every token number: pads a text shorter than a shingle (its one shingle).
    const PAD: u32 = u32::MAX;
    // Tokens numbered (one map for both texts), so a shingle is four numbers to hash and
    // compare instead of four strings.
    fn number<'a>(numbers: &mut FxHashMap<&'a str, u32>, t: &[&'a str]) -> Vec<u32> {
        t.iter()
            .map(|&w| {
                let next = numbers.len() as u32;
                *numbers.entry(w).or_insert(next)
            })
            .collect()
    }
    let mut numbers = FxHashMap::default();
    let (gold, pred) = (number(&mut numbers, gold), number(&mut numbers, pred));
    fn sh(t: &[u32]) -> FxHashMap<[u32; N], usize> {
        let n = t.len().saturating_sub(N - 1).max(1);
        counts(
            (0..n)
                .map(|i| &t[i..(i + N).min(t.len())])
                .filter(|s| !s.is_empty())
                .map(|s| {
                    let mut key = [PAD; N];
                    key[..s.len()].copy_from_slice(s);
                    key
                }),
        )
    }
    let (g, x) = (sh(&gold), sh(&pred));
    let tp = overlap(&g, &x);
    let fp = x.values().sum::<usize>() - tp;
    let fn_ = g.values().sum::<usize>() - tp;
    let s = (tp + fp + fn_) as f64;
    if s > 0.0 {
        (tp as f64 / s, fp as f64 / s, fn_ as f64 / s)
    } else {
        (0.0, 0.0, 0.0)
    }
}

/// Means over a set of pages.
#[derive(Debug, Clone, Copy, PartialEq, serde::Serialize)]
pub struct ExtractSummary {
    /// Pages scored.
    pub pages: usize,
    /// Pages with an empty prediction.
    pub empty: usize,
    /// Mean precision.
    pub precision: f64,
    /// Mean recall.
    pub recall: f64,
    /// Mean F1 (the main figure).
    pub f1: f64,
    /// Shingle precision (mean over pages with a prediction).
    pub sh4_precision: f64,
    /// Shingle recall (mean over pages with gold shingles).
    pub sh4_recall: f64,
    /// Harmonic mean of the two.
    pub sh4_f1: f64,
}

fn mean(xs: impl Iterator<Item = f64>) -> f64 {
    let (mut sum, mut n) = (0.0, 0usize);
    for x in xs {
        sum += x;
        n += 1;
    }
    if n == 0 {
        0.0
    } else {
        sum / n as f64
    }
}

/// Summarise page scores (page order matters only in the last bits of the sums).
pub fn summarise(rows: &[PageScore]) -> ExtractSummary {
    let prec = |&(tp, fp, fn_): &(f64, f64, f64)| {
        if fp == 0.0 && fn_ == 0.0 {
            1.0
        } else if tp == 0.0 && fp == 0.0 {
            0.0
        } else {
            tp / (tp + fp)
        }
    };
    let rec = |&(tp, fp, fn_): &(f64, f64, f64)| {
        if fp == 0.0 && fn_ == 0.0 {
            1.0
        } else if tp == 0.0 && fn_ == 0.0 {
            0.0
        } else {
            tp / (tp + fn_)
        }
    };
    let sp = mean(
        rows.iter()
            .filter(|r| r.shingles.0 + r.shingles.1 > 0.0)
            .map(|r| prec(&r.shingles)),
    );
    let sr = mean(
        rows.iter()
            .filter(|r| r.shingles.0 + r.shingles.2 > 0.0)
            .map(|r| rec(&r.shingles)),
    );
    ExtractSummary {
        pages: rows.len(),
        empty: rows.iter().filter(|r| r.empty).count(),
        precision: mean(rows.iter().map(|r| r.precision)),
        recall: mean(rows.iter().map(|r| r.recall)),
        f1: mean(rows.iter().map(|r| r.f1)),
        sh4_precision: sp,
        sh4_recall: sr,
        sh4_f1: if sp + sr > 0.0 {
            2.0 * sp * sr / (sp + sr)
        } else {
            0.0
        },
    }
}

/// The story text of one page exactly as `corroborate clean PAGE` prints it (ingest, then the
/// line cleaner), or `""` when the page yields no document. Without a cleaner: the text as
/// ingested (for diagnosis).
pub fn extract_page(name: &str, bytes: &[u8], cleaner: Option<&Cleaner>) -> String {
    let ingested = read_bytes(name, bytes);
    let docs = &ingested.documents;
    if docs.is_empty() {
        return String::new();
    }
    let Some(cleaner) = cleaner else {
        return docs
            .iter()
            .map(|d| d.text.as_str())
            .collect::<Vec<_>>()
            .join("\n\n");
    };
    let cleaned = cleaner.clean_cluster(docs);
    docs.iter()
        .zip(&cleaned)
        .map(|(d, c)| c.text(d))
        .collect::<Vec<_>>()
        .join("\n\n")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn tokens_match_the_python_scorer() {
        assert_eq!(
            tokens("Hello, World_2! 日本語 ok", true),
            ["hello", "world_2", "日", "本", "語", "ok"]
        );
        assert_eq!(tokens("Ärger—über", false), ["Ärger", "über"]);
        assert!(tokens(" ,. ", true).is_empty());
    }

    #[test]
    fn the_scan_finds_the_tokens_of_the_python_scorers_pattern() {
        const CJK: &str = r"\x{3040}-\x{30ff}\x{3400}-\x{4dbf}\x{4e00}-\x{9fff}\x{f900}-\x{faff}\x{ac00}-\x{d7af}";
        let pattern = regex::Regex::new(&format!(r"[{CJK}]|[\p{{L}}\p{{N}}_&&[^{CJK}]]+"))
            .expect("valid pattern");
        // Marks, other numbers, CJK punctuation (one token each), fullwidth and letterlike forms,
        // a character outside the BMP, a non-character.
        let text = "na\u{0301}ive x\u{00b2} \u{0663}\u{0664} \u{30fb}\u{30a0}\u{3000}\u{3001} Ｆｕｌｌ\u{ff10} \
                    \u{2160}\u{2167} a\u{200d}b \u{1d400}\u{1f600} \u{fdd0}z \u{0915}\u{093f} \u{05d0}\u{05b8} \
                    \u{4e00}a\u{ac00}1_\u{3042}\u{0e01}\u{0e31}";
        let expected: Vec<&str> = pattern.find_iter(text).map(|m| m.as_str()).collect();
        assert_eq!(token_slices(text), expected);
        // Every character of the first planes, one at a time and between letters.
        for c in (0u32..0x3_0000).filter_map(char::from_u32) {
            let s = format!("a{c}b {c}");
            let expected: Vec<&str> = pattern.find_iter(&s).map(|m| m.as_str()).collect();
            assert_eq!(token_slices(&s), expected, "U+{:04X}", c as u32);
        }
    }

    #[test]
    fn page_scores() {
        let s = score_page("a b c d", "a b x");
        assert!((s.precision - 2.0 / 3.0).abs() < 1e-12);
        assert!((s.recall - 0.5).abs() < 1e-12);
        assert_eq!(score_page("a", "").f1, 0.0);
        assert!(score_page("a", "").empty);
        assert_eq!(score_page("", "").f1, 1.0);
        // Shorter than a shingle: one shingle of what there is.
        assert_eq!(score_page("a b", "a b").shingles, (1.0, 0.0, 0.0));
    }
}
