//! ROUGE-1 and ROUGE-2 as the official ROUGE-1.5.5 Perl script computes them with the DUC
//! flags `-n 2 -m -l 250 -c 95 -r 1000 -f A -p 0.5 -t 0 -a -d` (the word limit is a
//! setting), for one peer summary against one or more model summaries:
//!
//! - texts are read one sentence per line (the script's SPL format), lowercased (ASCII),
//!   and cut after the word limit, counting white-space separated words line by line;
//! - `-` becomes a token of its own, every other character outside `[A-Za-z0-9]` a space,
//!   and tokens not starting with `[a-z0-9]` are dropped (no stop words: `-s` is absent);
//! - with `-m`, tokens longer than three characters go through the WordNet 2.0 exception
//!   lists, and only if not listed through the script's Porter stemmer (`porter`);
//! - `-f A`: clipped n-gram hits, model n-grams and peer n-grams are summed over all models,
//!   recall = hits / model n-grams, precision = hits / (peer n-grams x models);
//! - with `-2 4 -u` (ROUGE-SU4, asked for with [`Rouge155::with_skip_bigrams`]): each token
//!   but the last counts as a unigram, and pairs `(i, j)` with `i < j <= i + 5` as skip
//!   bigrams, unigrams and bigrams pooled in one count, as the script's `createSkipBigram`
//!   does; hits are clipped and summed over the models as above;
//! - both are rounded to five decimals (`%7.5f`) before the F-measure
//!   `P R / ((1 - a) P + a R)` with `a = 0.5`, which is rounded the same way.

pub(crate) mod porter;
mod wordnet;

pub use wordnet::WordNetExceptions;

use super::scores::{Prf, RougeScores};
use std::collections::HashMap;

/// A ROUGE-1.5.5 compatible scorer.
#[derive(Debug, Clone)]
pub struct Rouge155 {
    word_limit: Option<usize>,
    stem: bool,
    alpha: f64,
    skip_distance: Option<usize>,
    exceptions: &'static WordNetExceptions,
}

impl Rouge155 {
    /// The DUC configuration: `-n 2 -m -l <word_limit> -f A -p 0.5 -t 0`.
    pub fn duc(word_limit: usize) -> Self {
        Rouge155 {
            word_limit: Some(word_limit).filter(|&n| n > 0),
            stem: true,
            alpha: 0.5,
            skip_distance: None,
            exceptions: WordNetExceptions::embedded(),
        }
    }

    /// Set the word limit (`-l`); `None` reads whole texts.
    pub fn with_word_limit(mut self, word_limit: Option<usize>) -> Self {
        self.word_limit = word_limit.filter(|&n| n > 0);
        self
    }

    /// Also compute ROUGE-SU with this largest gap (`-2 <gap> -u`; DUC's SU4 is `Some(4)`),
    /// or not (`None`).
    pub fn with_skip_bigrams(mut self, skip_distance: Option<usize>) -> Self {
        self.skip_distance = skip_distance;
        self
    }

    /// Turn stemming (`-m`) on or off.
    pub fn with_stemming(mut self, stem: bool) -> Self {
        self.stem = stem;
        self
    }

    /// The word limit in use.
    pub fn word_limit(&self) -> Option<usize> {
        self.word_limit
    }

    /// The tokens the script compares for `text`: truncated, normalized and stemmed.
    pub fn tokens(&self, text: &str) -> Vec<String> {
        let normalized = read_text(text, self.word_limit);
        normalized
            .split_ascii_whitespace()
            .filter(|t| t.as_bytes()[0].is_ascii_lowercase() || t.as_bytes()[0].is_ascii_digit())
            .map(|t| {
                if self.stem && t.len() > 3 {
                    match self.exceptions.base(t) {
                        Some(base) => base.to_string(),
                        None => porter::stem(t),
                    }
                } else {
                    t.to_string()
                }
            })
            .collect()
    }

    /// ROUGE-1, ROUGE-2 and, if asked, ROUGE-SU of `candidate` against `references` (`-f A`).
    /// The LCS variants are not computed (`None`).
    pub fn score(&self, candidate: &str, references: &[&str]) -> RougeScores {
        let mut ids = HashMap::new();
        let mut intern = |tokens: Vec<String>| -> Vec<u32> {
            tokens
                .into_iter()
                .map(|t| {
                    let next = u32::try_from(ids.len()).expect("fewer than 4 billion tokens");
                    *ids.entry(t).or_insert(next)
                })
                .collect()
        };
        let peer = intern(self.tokens(candidate));
        let models: Vec<Vec<u32>> = references.iter().map(|r| intern(self.tokens(r))).collect();
        RougeScores {
            rouge1: self.ngram_score(&peer, &models, 1),
            rouge2: self.ngram_score(&peer, &models, 2),
            rouge_l: None,
            rouge_lsum: None,
            rouge_su4: self
                .skip_distance
                .map(|gap| self.skip_bigram_score(&peer, &models, gap)),
        }
    }

    fn ngram_score(&self, peer: &[u32], models: &[Vec<u32>], n: usize) -> Prf {
        let peer_grams = ngram_counts(peer, n);
        let peer_count = (peer.len() + 1).saturating_sub(n);
        let (mut hits, mut model_total, mut peer_total) = (0usize, 0usize, 0usize);
        for model in models {
            let model_grams = ngram_counts(model, n);
            hits += clipped_hits(&model_grams, &peer_grams);
            model_total += (model.len() + 1).saturating_sub(n);
            peer_total += peer_count;
        }
        self.prf(hits, model_total, peer_total)
    }

    fn skip_bigram_score(&self, peer: &[u32], models: &[Vec<u32>], gap: usize) -> Prf {
        let (peer_grams, peer_count) = skip_bigram_counts(peer, gap);
        let (mut hits, mut model_total, mut peer_total) = (0usize, 0usize, 0usize);
        for model in models {
            let (model_grams, model_count) = skip_bigram_counts(model, gap);
            hits += clipped_hits(&model_grams, &peer_grams);
            model_total += model_count;
            peer_total += peer_count;
        }
        self.prf(hits, model_total, peer_total)
    }

    /// Recall, precision and F as the script rounds them.
    fn prf(&self, hits: usize, model_total: usize, peer_total: usize) -> Prf {
        let ratio = |total: usize| {
            if total == 0 {
                0.0
            } else {
                round5(hits as f64 / total as f64)
            }
        };
        let r = ratio(model_total);
        let p = ratio(peer_total);
        let denominator = (1.0 - self.alpha) * p + self.alpha * r;
        let f = if denominator > 0.0 {
            round5(p * r / denominator)
        } else {
            0.0
        };
        Prf { p, r, f }
    }
}

/// Model grams matched by the peer, each clipped to its count in the peer.
fn clipped_hits<K: std::hash::Hash + Eq>(
    model: &HashMap<K, usize>,
    peer: &HashMap<K, usize>,
) -> usize {
    model
        .iter()
        .map(|(g, &m)| peer.get(g).map_or(0, |&p| p.min(m)))
        .sum()
}

/// The script's `createSkipBigram` with `-u`: every token but the last as a unigram
/// (`(t, None)`), and every pair at most `gap` tokens apart; with the total count.
fn skip_bigram_counts(tokens: &[u32], gap: usize) -> (HashMap<(u32, Option<u32>), usize>, usize) {
    let mut counts = HashMap::new();
    let mut total = 0usize;
    let last = tokens.len().saturating_sub(1);
    for i in 0..last {
        *counts.entry((tokens[i], None)).or_insert(0) += 1;
        total += 1;
        for j in i + 1..=last.min(i.saturating_add(gap).saturating_add(1)) {
            *counts.entry((tokens[i], Some(tokens[j]))).or_insert(0) += 1;
            total += 1;
        }
    }
    (counts, total)
}

fn ngram_counts(tokens: &[u32], n: usize) -> HashMap<&[u32], usize> {
    let mut counts = HashMap::new();
    if n == 0 {
        return counts;
    }
    for gram in tokens.windows(n) {
        *counts.entry(gram).or_insert(0) += 1;
    }
    counts
}

/// `sprintf("%7.5f", x)` read back as a number: five decimals, ties to even on the exact
/// binary value, as C's printf does.
fn round5(x: f64) -> f64 {
    format!("{x:.5}")
        .parse()
        .expect("a formatted float parses back")
}

/// White space as Perl's `\s` sees it in a byte string.
fn is_perl_space(b: u8) -> bool {
    matches!(b, b' ' | b'\t' | b'\n' | b'\r' | 0x0b | 0x0c)
}

/// Perl's `split(/\s+/, $s)`: a leading empty field when `s` starts with white space, no
/// trailing empty fields, and nothing at all for an all-white-space string.
fn perl_split_words(s: &[u8]) -> Vec<&[u8]> {
    let mut fields: Vec<&[u8]> = s.split(|&b| is_perl_space(b)).collect();
    // Runs of separators yield empty fields between them; `\s+` takes a run as one.
    let leading = fields.first().is_some_and(|f| f.is_empty());
    fields.retain(|f| !f.is_empty());
    if leading && !fields.is_empty() {
        fields.insert(0, &[]);
    }
    fields
}

/// The script's `readText` for SPL input: non-empty lines, ASCII-lowercased, cut at
/// `word_limit` words, then punctuation normalized. Works on bytes, as the script does, so
/// every byte of a non-ASCII character becomes a space.
fn read_text(text: &str, word_limit: Option<usize>) -> String {
    let lines: Vec<Vec<u8>> = text
        .as_bytes()
        .split(|&b| b == b'\n')
        .filter(|l| !l.is_empty())
        .map(|l| l.to_ascii_lowercase())
        .collect();
    let mut kept: Vec<u8> = Vec::with_capacity(text.len());
    match word_limit {
        None => kept = lines.join(&b' '),
        Some(limit) => {
            let mut words = 0usize;
            for line in &lines {
                let fields = perl_split_words(line);
                if words + fields.len() < limit {
                    if words != 0 {
                        kept.push(b' ');
                    }
                    kept.extend_from_slice(line);
                    words += fields.len();
                } else {
                    if words > 0 {
                        kept.push(b' ');
                    }
                    kept.extend_from_slice(&fields[..limit - words].join(&b' '));
                    break;
                }
            }
        }
    }
    let mut out = String::with_capacity(kept.len() + 16);
    for b in kept {
        match b {
            b'-' => out.push_str(" - "),
            b if b.is_ascii_alphanumeric() => out.push(char::from(b)),
            _ => out.push(' '),
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn tokens_follow_the_script() {
        let r = Rouge155::duc(250);
        assert_eq!(
            r.tokens("The children took co-operative steps.\nCaf\u{e9} 42"),
            ["the", "child", "take", "co", "oper", "step", "caf", "42"]
        );
        assert_eq!(
            r.clone().with_stemming(false).tokens("Children took"),
            ["children", "took"]
        );
    }

    #[test]
    fn word_limit_counts_white_space_words_line_by_line() {
        let r = Rouge155::duc(4);
        assert_eq!(
            r.tokens("one two\nthree, four five\nsix"),
            ["one", "two", "three", "four"]
        );
        // A line starting with white space counts one extra (empty) word, as in Perl.
        assert_eq!(r.tokens("one\n two three four"), ["one", "two", "three"]);
        // Punctuation-only words count against the limit.
        assert_eq!(r.tokens("a -- b c d e"), ["a", "b", "c"]);
    }

    #[test]
    fn perl_split_semantics() {
        assert_eq!(perl_split_words(b"  a  b "), vec![&b""[..], b"a", b"b"]);
        assert!(perl_split_words(b"   ").is_empty());
        assert_eq!(perl_split_words(b"a\tb"), vec![&b"a"[..], b"b"]);
    }

    #[test]
    fn round5_rounds_exact_ties_to_even_like_printf() {
        assert_eq!(round5(1.0 / 64.0), 0.01562);
        assert_eq!(round5(0.123456), 0.12346);
    }

    #[test]
    fn skip_bigrams_count_every_token_but_the_last_and_pairs_up_to_the_gap() {
        // a b c: unigrams a, b (not c); pairs ab, ac, bc.
        let (counts, total) = skip_bigram_counts(&[0, 1, 2], 4);
        assert_eq!(total, 5);
        assert_eq!(counts[&(0, None)], 1);
        assert!(!counts.contains_key(&(2, None)));
        assert_eq!(counts[&(0, Some(2))], 1);
        // Gap 0: only adjacent pairs.
        assert_eq!(skip_bigram_counts(&[0, 1, 2], 0).1, 4);
        // Seven tokens, gap 4: token 0 pairs with 1..=5, not 6.
        let (counts, _) = skip_bigram_counts(&[0, 1, 2, 3, 4, 5, 6], 4);
        assert!(counts.contains_key(&(0, Some(5))) && !counts.contains_key(&(0, Some(6))));
        assert_eq!(skip_bigram_counts(&[], 4).1, 0);
        assert_eq!(skip_bigram_counts(&[7], 4).1, 0);
    }

    #[test]
    fn su4_is_computed_only_when_asked() {
        let r = Rouge155::duc(250).with_stemming(false);
        assert!(r.score("a b c", &["a b c"]).rouge_su4.is_none());
        let su = r.with_skip_bigrams(Some(4));
        let s = su.score("a b c", &["a b c"]).rouge_su4.expect("asked");
        assert_eq!((s.r, s.p, s.f), (1.0, 1.0, 1.0));
        // Peer "a c" against "a b c": peer grams a, ac; model a, b, ab, ac, bc: 2 hits of 5.
        let s = su.score("a c", &["a b c"]).rouge_su4.expect("asked");
        assert_eq!((s.r, s.p), (0.4, 1.0));
    }

    #[test]
    fn model_average_pools_counts_over_models() {
        let r = Rouge155::duc(250).with_stemming(false);
        // Peer "a b", models "a c" and "a b": unigram hits 1 + 2 = 3 of 4 model unigrams,
        // peer unigrams 2 x 2 = 4.
        let s = r.score("a b", &["a c", "a b"]);
        assert_eq!(
            s.rouge1,
            Prf {
                p: 0.75,
                r: 0.75,
                f: 0.75
            }
        );
        assert_eq!(s.rouge2.r, 0.5);
        assert!(s.rouge_l.is_none());
        let empty = r.score("", &["a b"]);
        assert_eq!(empty.rouge1, Prf::default());
    }
}
