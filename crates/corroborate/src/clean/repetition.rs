//! Repetition inside one article: a line printed twice (a caption under its image, a paragraph
//! the page repeats), two captions of the same picture, and pull quotes (a short line that
//! repeats words of a sentence of the article).
//!
//! Every comparison goes through hashes of line keys or of a line's first words, so the cost
//! grows with the length of the text, not with the square of the number of lines.

use super::line_features::{Ending, LineFeatures};
use crate::lang::Language;
use rustc_hash::{FxBuildHasher, FxHashMap};
use std::collections::hash_map::Entry;
use std::hash::{BuildHasher, Hash};

/// Most pull-quote candidates compared per shared opening, so that the work stays linear.
const MAX_CANDIDATES_PER_HEAD: usize = 8;

/// A line as the repetition detector sees it.
#[derive(Debug, Clone, Copy)]
pub struct RepetitionLine<'a> {
    /// The line's features.
    pub features: &'a LineFeatures,
    /// The line follows the previous one after a single line break (no blank line between).
    pub joined_to_previous: bool,
    /// The line is still a candidate (not removed by an earlier stage).
    pub alive: bool,
    /// The line may be a pull quote (it lies after the story's first sentence).
    pub in_body: bool,
}

/// A repetition found, for line `index`.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct RepetitionFinding {
    /// Index of the removed line.
    pub index: usize,
    /// Machine-readable reason.
    pub reason: &'static str,
    /// Human explanation.
    pub detail: String,
}

/// Settings of the repetition detector.
#[derive(Debug, Clone)]
pub struct RepetitionDetector {
    /// Shortest sentence (line ending in sentence punctuation) removed as a repeat, in words.
    pub min_repeat_sentence_words: usize,
    /// Shortest pull quote, in words.
    pub min_quote_words: usize,
    /// Longest pull quote, in words.
    pub max_quote_words: usize,
    /// Lines whose content-word overlap (shared words / words of the smaller line) reaches this
    /// are two captions of one picture when printed one under the other.
    pub caption_overlap: f64,
    /// Language whose stop words are ignored when comparing captions.
    pub language: Language,
}

impl Default for RepetitionDetector {
    fn default() -> Self {
        RepetitionDetector {
            min_repeat_sentence_words: 6,
            min_quote_words: 5,
            max_quote_words: 25,
            caption_overlap: 0.6,
            language: Language::English,
        }
    }
}

// FxHash instead of SipHash: every 4-word window of the article is hashed, and SipHash
// showed up in the end-to-end profile. A collision only adds a candidate that is then
// compared word by word.
fn hash_of<T: Hash + ?Sized>(v: &T) -> u64 {
    FxBuildHasher.hash_one(v)
}

/// A line that does not end like a sentence: captions, headings, labels.
fn unpunctuated(f: &LineFeatures) -> bool {
    matches!(f.ending, Ending::Bare | Ending::Continuation)
}

impl RepetitionDetector {
    /// Exact repeats: later copies of a line. Returns findings in line order.
    pub fn exact_repeats(&self, lines: &[RepetitionLine<'_>]) -> Vec<RepetitionFinding> {
        // Sized up front: growing rehashes every key, whole lines, and that was a tenth of
        // cleaning.
        let mut first_seen: FxHashMap<&str, usize> =
            FxHashMap::with_capacity_and_hasher(lines.len(), Default::default());
        let mut out = Vec::new();
        for (i, l) in lines.iter().enumerate() {
            // A short sentence may recur on purpose ("No.", "Yes, sir." in a transcript).
            if !l.alive
                || l.features.key.is_empty()
                || (!unpunctuated(l.features) && l.features.words < self.min_repeat_sentence_words)
            {
                continue;
            }
            match first_seen.entry(l.features.key.as_str()) {
                Entry::Vacant(e) => {
                    e.insert(i);
                }
                Entry::Occupied(e) => {
                    // Twin captions printed one under the other are handled as a caption pair.
                    let first = *e.get();
                    if first + 1 == i
                        && l.joined_to_previous
                        && unpunctuated(l.features)
                        && unpunctuated(lines[first].features)
                    {
                        continue;
                    }
                    out.push(RepetitionFinding {
                        index: i,
                        reason: "repeated_line",
                        detail: format!(
                            "repeats an earlier line word for word (\"{}\")",
                            opening(&lines[first].features.lower)
                        ),
                    });
                }
            }
        }
        out
    }

    /// Caption pairs: two lines without sentence punctuation, printed one under the other
    /// (single line break), that say nearly the same thing (an image's text and its caption).
    /// Both lines are returned.
    pub fn caption_pairs(&self, lines: &[RepetitionLine<'_>]) -> Vec<RepetitionFinding> {
        let mut out: Vec<RepetitionFinding> = Vec::new();
        for i in 1..lines.len() {
            let (a, b) = (&lines[i - 1], &lines[i]);
            if !(a.alive && b.alive && b.joined_to_previous) {
                continue;
            }
            if !(unpunctuated(a.features) && unpunctuated(b.features)) {
                continue;
            }
            if a.features.key == b.features.key
                || word_overlap(self.language, &a.features.key, &b.features.key)
                    >= self.caption_overlap
            {
                let detail = "two captions of one picture, one under the other".to_string();
                if out.last().map(|f| f.index) != Some(i - 1) {
                    out.push(RepetitionFinding {
                        index: i - 1,
                        reason: "caption",
                        detail: detail.clone(),
                    });
                }
                out.push(RepetitionFinding {
                    index: i,
                    reason: "caption",
                    detail,
                });
            }
        }
        out
    }

    /// Pull quotes: a short line without sentence punctuation whose words appear, in order and
    /// contiguously, inside another, longer line of the article.
    pub fn pull_quotes(&self, lines: &[RepetitionLine<'_>]) -> Vec<RepetitionFinding> {
        const GRAM: usize = 4;
        // Candidates, indexed by the hash of the hashes of their first GRAM words; `firsts`
        // holds the hashes of their first words. Each word of the article is hashed once, and
        // a window is only looked up when its first word opens a candidate (hashing every
        // window's four words was most of this function's cost).
        let mut by_head: FxHashMap<u64, Vec<usize>> = FxHashMap::default();
        let mut firsts: Vec<u64> = Vec::new();
        for (i, l) in lines.iter().enumerate() {
            let f = l.features;
            if !(l.alive && l.in_body && unpunctuated(f) && !f.all_caps) {
                continue;
            }
            let n = f.key.split(' ').count();
            if n >= self.min_quote_words.max(GRAM) && n <= self.max_quote_words {
                let mut head = [0u64; GRAM];
                for (h, w) in head.iter_mut().zip(f.key.split(' ')) {
                    *h = hash_of(w);
                }
                firsts.push(head[0]);
                // `[u64; GRAM]` hashes as the slice of its words' hashes, like a window below.
                let bucket = by_head.entry(hash_of(&head[..])).or_default();
                // Bounded work per window: many candidates sharing their first words are
                // a list or a table, not pull quotes.
                if bucket.len() < MAX_CANDIDATES_PER_HEAD {
                    bucket.push(i);
                }
            }
        }
        if by_head.is_empty() {
            return Vec::new();
        }
        firsts.sort_unstable();
        firsts.dedup();
        let mut found: Vec<(usize, usize)> = Vec::new();
        let mut done = vec![false; lines.len()];
        let mut words: Vec<&str> = Vec::new();
        let mut hashes: Vec<u64> = Vec::new();
        for (j, l) in lines.iter().enumerate() {
            if !l.alive {
                continue;
            }
            // The hashes of the key's words (split by hand: a `split(' ')` made a call per
            // word); the words themselves only when a window hits a candidate.
            let key = l.features.key.as_str();
            hashes.clear();
            let mut start = 0;
            for (i, b) in key.bytes().enumerate() {
                if b == b' ' {
                    hashes.push(hash_of(&key[start..i]));
                    start = i + 1;
                }
            }
            hashes.push(hash_of(&key[start..]));
            if hashes.len() <= self.min_quote_words {
                continue;
            }
            words.clear();
            for (p, window) in hashes.windows(GRAM).enumerate() {
                if firsts.binary_search(&window[0]).is_err() {
                    continue;
                }
                let Some(cands) = by_head.get(&hash_of(window)) else {
                    continue;
                };
                if words.is_empty() {
                    words.extend(key.split(' '));
                }
                for &c in cands {
                    if c == j || done[c] || is_headline_over_its_lede(lines, c, j) {
                        continue;
                    }
                    let quote: Vec<&str> = lines[c].features.key.split(' ').collect();
                    if quote.len() < words.len() && words[p..].starts_with(&quote) {
                        done[c] = true;
                        found.push((c, j));
                    }
                }
            }
        }
        found.sort_unstable();
        found
            .into_iter()
            .map(|(c, j)| RepetitionFinding {
                index: c,
                reason: "pull_quote",
                detail: format!(
                    "pull quote repeating words of the line \"{}\"",
                    opening(&lines[j].features.lower)
                ),
            })
            .collect()
    }
}

/// Live lines between a headline and the paragraph of the story's opening that repeats its
/// words.
const LEDE_WINDOW: usize = 2;

/// A title-cased line shortly above the line that repeats its words (at most
/// [`LEDE_WINDOW`] live lines between them): a headline and the story's opening, not a pull
/// quote.
fn is_headline_over_its_lede(lines: &[RepetitionLine<'_>], c: usize, j: usize) -> bool {
    let f = lines[c].features;
    j > c
        && lines[c + 1..j].iter().filter(|l| l.alive).count() <= LEDE_WINDOW
        && f.alphabetic_words >= 4
        && f.capitalized_share() >= 0.8
}

/// The first words of a line, to name it in an explanation.
fn opening(lower: &str) -> String {
    let mut words = lower.split(' ');
    let head: Vec<&str> = words.by_ref().take(8).collect();
    let mut out = head.join(" ");
    if words.next().is_some() {
        out.push_str(" ...");
    }
    out
}

/// Shared distinct content words / distinct content words of the smaller line (0 when either
/// has fewer than three).
fn word_overlap(language: Language, a: &str, b: &str) -> f64 {
    let content = |w: &&str| !w.is_empty() && !language.is_stop_word(w);
    let mut wa: Vec<&str> = a.split(' ').filter(content).collect();
    let mut wb: Vec<&str> = b.split(' ').filter(content).collect();
    wa.sort_unstable();
    wa.dedup();
    wb.sort_unstable();
    wb.dedup();
    if wa.len() < 3 || wb.len() < 3 {
        return if !wa.is_empty() && wa == wb { 1.0 } else { 0.0 };
    }
    let shared = wa.iter().filter(|w| wb.binary_search(w).is_ok()).count();
    shared as f64 / wa.len().min(wb.len()) as f64
}

#[cfg(test)]
mod tests {
    use super::*;

    fn feats(lines: &[&str]) -> Vec<LineFeatures> {
        lines.iter().map(|l| LineFeatures::of(l)).collect()
    }

    fn view<'a>(f: &'a [LineFeatures], joined: &[bool]) -> Vec<RepetitionLine<'a>> {
        f.iter()
            .zip(joined)
            .map(|(features, &j)| RepetitionLine {
                features,
                joined_to_previous: j,
                alive: true,
                in_body: true,
            })
            .collect()
    }

    #[test]
    fn later_copies_are_repeats() {
        let f = feats(&[
            "The pier burned for three days.",
            "Crews came from four towns.",
            "The pier burned for three days.",
        ]);
        let found = RepetitionDetector::default().exact_repeats(&view(&f, &[false; 3]));
        assert_eq!(found.len(), 1);
        assert_eq!(found[0].index, 2);
        assert_eq!(found[0].reason, "repeated_line");
    }

    #[test]
    fn twin_captions_are_a_pair() {
        let f = feats(&[
            "Smoke rises over the old pier on Monday",
            "Smoke rises over the old pier on Monday",
            "The pier burned for three days.",
        ]);
        let v = view(&f, &[false, true, false]);
        let d = RepetitionDetector::default();
        assert!(d.exact_repeats(&v).is_empty());
        let pairs = d.caption_pairs(&v);
        assert_eq!(pairs.iter().map(|p| p.index).collect::<Vec<_>>(), [0, 1]);
    }

    #[test]
    fn near_captions_are_a_pair_but_not_apart() {
        let f = feats(&[
            "Mayor Jane Doe speaks at the harbor on 3 May 2021",
            "Mayor Jane Doe has led the harbor since May 2021",
        ]);
        let d = RepetitionDetector::default();
        assert_eq!(d.caption_pairs(&view(&f, &[false, true])).len(), 2);
        assert!(d.caption_pairs(&view(&f, &[false, false])).is_empty());
    }

    #[test]
    fn pull_quote_inside_a_sentence() {
        let f = feats(&[
            "The mayor wrote: \"We will rebuild the pier, and it will be stronger than before.\"",
            "We will rebuild the pier",
            "We will rebuild the pier.",
        ]);
        let found = RepetitionDetector::default().pull_quotes(&view(&f, &[false; 3]));
        assert_eq!(found.len(), 1);
        assert_eq!(found[0].index, 1);
    }

    #[test]
    fn different_lines_are_kept() {
        let f = feats(&["Fire on the pier", "Fire in the hills", "Crews rest"]);
        let v = view(&f, &[false, true, true]);
        let d = RepetitionDetector::default();
        assert!(d.exact_repeats(&v).is_empty());
        assert!(d.caption_pairs(&v).is_empty());
        assert!(d.pull_quotes(&v).is_empty());
    }
}
