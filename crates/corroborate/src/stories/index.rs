//! The term table with incrementally maintained document frequencies (IDF), and the
//! inverted index from terms to the stories recently indexed under them.

use super::background::Background;
use rustc_hash::FxHashMap as HashMap;

/// Interned terms with document frequencies over the articles counted so far.
///
/// Ids are given in order of first appearance, so they are the same for the same stream.
/// IDF is read at query time (`ln((N + B + 1) / (df + b + 1)) + 1`), so weights stay
/// current as the stream grows instead of being frozen when an article or story was first
/// seen. `B` background documents ([`TermTable::with_background`]) hold each content stem
/// in `b = B x` its [`Background::document_share`], and each entity feature `@name` in
/// `B x` the share of its word `name` in any case ([`Background::word_document_share`]:
/// `@monday` and `@john` are common, `@quillby` is not). Terms the background does not
/// know have `b = 0` (rare). Without a background, `B = b = 0`.
#[derive(Debug, Clone, Default)]
pub struct TermTable {
    ids: HashMap<String, u32>,
    terms: Vec<String>,
    df: Vec<u32>,
    entity: Vec<bool>,
    /// Background document frequency `b` per term.
    prior: Vec<f32>,
    /// `ln(df + b + 1)` per term, cached because IDF is read for every candidate comparison.
    ln_df: Vec<f32>,
    docs: u64,
    /// `ln(docs + B + 1) + 1`, refreshed when `docs` changes.
    ln_docs: f32,
    /// Background documents `B`, and their length in words.
    background_docs: f32,
    background_length: f32,
}

impl TermTable {
    /// A table whose document frequencies start from `docs` background documents of
    /// `length` words of general English ([`Background::english`]); `docs = 0` is no prior.
    pub fn with_background(docs: f32, length: f32) -> Self {
        let mut t = TermTable {
            background_docs: docs.max(0.0),
            background_length: length.max(0.0),
            ..TermTable::default()
        };
        t.set_docs(0);
        t
    }

    /// The id of `term`, adding it with document frequency 0 if new.
    pub fn intern(&mut self, term: &str) -> u32 {
        if let Some(&id) = self.ids.get(term) {
            return id;
        }
        let id = u32::try_from(self.terms.len()).expect("fewer than 4 billion distinct terms");
        self.ids.insert(term.to_string(), id);
        self.terms.push(term.to_string());
        self.df.push(0);
        let entity = term.starts_with('@');
        self.entity.push(entity);
        let prior = if self.background_docs == 0.0 {
            0.0
        } else {
            let bg = Background::english();
            let share = match term.strip_prefix('@') {
                Some(word) => bg.word_document_share(word, self.background_length),
                None => bg.document_share(term, self.background_length),
            };
            self.background_docs * share
        };
        self.prior.push(prior);
        self.ln_df.push((prior + 1.0).ln());
        id
    }

    /// Restore a term with its document frequency; ids must come back in order.
    pub fn restore(&mut self, id: u32, term: &str, df: u32) -> Result<(), String> {
        if id as usize != self.terms.len() {
            return Err(format!("term {id} restored out of order"));
        }
        self.intern(term);
        self.df[id as usize] = df;
        self.ln_df[id as usize] = (df as f32 + self.prior[id as usize] + 1.0).ln();
        Ok(())
    }

    /// Count one more article holding each of `terms` (each id once).
    pub fn add_document(&mut self, terms: impl IntoIterator<Item = u32>) {
        for t in terms {
            let df = &mut self.df[t as usize];
            *df += 1;
            self.ln_df[t as usize] = (*df as f32 + self.prior[t as usize] + 1.0).ln();
        }
        self.set_docs(self.docs + 1);
    }

    /// Set the number of articles counted (used when restoring).
    pub fn set_docs(&mut self, docs: u64) {
        self.docs = docs;
        self.ln_docs = (docs as f32 + self.background_docs + 1.0).ln() + 1.0;
    }

    /// Articles counted.
    pub fn docs(&self) -> u64 {
        self.docs
    }

    /// Current inverse document frequency of a term (smoothed, always >= 1 once counted).
    #[inline]
    pub fn idf(&self, term: u32) -> f32 {
        (self.ln_docs - self.ln_df[term as usize]).max(0.0)
    }

    /// The text of a term (`@name` for entity features).
    pub fn term(&self, id: u32) -> &str {
        &self.terms[id as usize]
    }

    /// Whether the term is an entity feature (`@name`).
    #[inline]
    pub fn is_entity(&self, id: u32) -> bool {
        self.entity[id as usize]
    }

    /// Background document frequency of a term (0 without a background).
    #[cfg_attr(not(feature = "unstable-internals"), allow(dead_code))] // for tests and the lab
    pub fn background_df(&self, id: u32) -> f32 {
        self.prior[id as usize]
    }

    /// Document frequency of a term in the stream (the background not included).
    pub fn df(&self, id: u32) -> u32 {
        self.df[id as usize]
    }

    /// Number of terms.
    pub fn len(&self) -> usize {
        self.terms.len()
    }

    /// Whether no term was interned yet.
    #[cfg_attr(not(feature = "unstable-internals"), allow(dead_code))] // for tests and the lab
    pub fn is_empty(&self) -> bool {
        self.terms.is_empty()
    }
}

/// Term -> stories most recently indexed under it, newest last, each story at most once,
/// at most `cap` per term. Old stories fall off the front: that bounds both the memory and
/// the work per query, whatever the number of stories.
#[derive(Debug, Clone, Default)]
pub struct Postings {
    lists: Vec<Vec<u32>>,
    cap: usize,
}

impl Postings {
    /// Empty postings keeping at most `cap` stories per term.
    pub fn new(cap: usize) -> Self {
        Postings {
            lists: Vec::new(),
            cap: cap.max(1),
        }
    }

    /// Record that `story` was just active under `term`.
    pub fn push(&mut self, term: u32, story: u32) {
        let t = term as usize;
        if self.lists.len() <= t {
            self.lists.resize_with(t + 1, Vec::new);
        }
        let list = &mut self.lists[t];
        if let Some(pos) = list.iter().rposition(|&s| s == story) {
            list.remove(pos);
        } else if list.len() >= self.cap {
            list.remove(0);
        }
        list.push(story);
    }

    /// Stories under `term`, oldest first.
    pub fn get(&self, term: u32) -> &[u32] {
        self.lists.get(term as usize).map_or(&[], Vec::as_slice)
    }

    /// Total entries (for memory reports).
    #[cfg_attr(not(feature = "unstable-internals"), allow(dead_code))] // for tests and the lab
    pub fn entries(&self) -> usize {
        self.lists.iter().map(Vec::len).sum()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn idf_falls_as_a_term_spreads() {
        let mut t = TermTable::default();
        let a = t.intern("quake");
        let b = t.intern("said");
        t.add_document([a, b]);
        t.add_document([b]);
        t.add_document([b]);
        assert!(t.idf(a) > t.idf(b));
        assert_eq!(t.df(b), 3);
        assert_eq!(t.intern("quake"), a);
        assert!(t.idf(b) > 0.0);
    }

    #[test]
    fn restore_rebuilds_the_same_table() {
        let mut t = TermTable::default();
        let a = t.intern("x");
        t.add_document([a]);
        let mut r = TermTable::default();
        r.restore(0, "x", 1).expect("in order");
        r.set_docs(1);
        assert_eq!(r.idf(0), t.idf(a));
        assert!(r.restore(5, "y", 1).is_err());
    }

    #[test]
    fn the_background_makes_common_words_cheap_from_the_first_article() {
        let mut t = TermTable::with_background(1000.0, 200.0);
        let common = t.intern("year");
        let rare = t.intern("avalanch");
        let unknown = t.intern("quillbi");
        let weekday = t.intern("@monday");
        let name = t.intern("@quillby");
        assert!(
            t.background_df(common) > 20.0,
            "{}",
            t.background_df(common)
        );
        assert!(t.background_df(rare) < 1.0, "{}", t.background_df(rare));
        assert_eq!(t.background_df(unknown), 0.0);
        assert!(
            t.background_df(weekday) > 5.0,
            "{}",
            t.background_df(weekday)
        );
        assert_eq!(t.background_df(name), 0.0);
        t.add_document([common, rare, unknown, weekday, name]);
        assert!(t.idf(weekday) + 1.0 < t.idf(name));
        assert!(
            t.idf(common) + 1.0 < t.idf(rare),
            "{} {}",
            t.idf(common),
            t.idf(rare)
        );
        assert!(t.idf(rare) <= t.idf(unknown));
        // Without the background, one article says nothing: all four look the same.
        let mut plain = TermTable::default();
        let ids: Vec<u32> = ["year", "avalanch"]
            .iter()
            .map(|w| plain.intern(w))
            .collect();
        plain.add_document(ids.iter().copied());
        assert_eq!(plain.idf(ids[0]), plain.idf(ids[1]));
    }

    #[test]
    fn the_blend_adds_pseudo_counts() {
        let (big_b, len) = (500.0f32, 300.0f32);
        let mut t = TermTable::with_background(big_b, len);
        let a = t.intern("govern");
        let b = t.intern("quillbi");
        for i in 0..30 {
            t.add_document(if i % 3 == 0 { vec![a, b] } else { vec![a] });
        }
        let prior = big_b * Background::english().document_share("govern", len);
        assert_eq!(t.background_df(a), prior);
        let expect = |df: f32, prior: f32| ((30.0 + big_b + 1.0) / (df + prior + 1.0)).ln() + 1.0;
        assert!((t.idf(a) - expect(30.0, prior)).abs() < 1e-4);
        assert!((t.idf(b) - expect(10.0, 0.0)).abs() < 1e-4);
        // A long stream outweighs the background: the prior's pull on IDF shrinks.
        let gap = |n: usize| {
            let mut long = TermTable::with_background(big_b, len);
            let mut plain = TermTable::default();
            let (x, y) = (long.intern("govern"), plain.intern("govern"));
            let (u, v) = (long.intern("other"), plain.intern("other"));
            for i in 0..n {
                let with = if i % 50 == 0 { vec![x, u] } else { vec![u] };
                let without = if i % 50 == 0 { vec![y, v] } else { vec![v] };
                long.add_document(with);
                plain.add_document(without);
            }
            (long.idf(x) - plain.idf(y)).abs()
        };
        assert!(
            gap(100_000) < gap(100) / 4.0,
            "{} {}",
            gap(100_000),
            gap(100)
        );
    }

    #[test]
    fn restore_with_a_background_rebuilds_the_same_idf() {
        let mut t = TermTable::with_background(1000.0, 200.0);
        let ids: Vec<u32> = ["year", "quillbi", "@quillby", "@monday"]
            .iter()
            .map(|w| t.intern(w))
            .collect();
        t.add_document(ids.iter().copied());
        t.add_document([ids[0]]);
        let mut r = TermTable::with_background(1000.0, 200.0);
        for &id in &ids {
            r.restore(id, t.term(id), t.df(id)).expect("in order");
        }
        r.set_docs(t.docs());
        for &id in &ids {
            assert_eq!(r.idf(id).to_bits(), t.idf(id).to_bits(), "{}", t.term(id));
        }
    }

    #[test]
    fn postings_keep_the_most_recent_stories_once() {
        let mut p = Postings::new(3);
        for s in [1, 2, 3, 1, 4] {
            p.push(7, s);
        }
        assert_eq!(p.get(7), &[3, 1, 4]);
        assert_eq!(p.get(8), &[] as &[u32]);
        assert_eq!(p.entries(), 3);
    }
}
