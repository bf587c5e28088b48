//! The term table with incrementally maintained document frequencies (IDF), and the
//! inverted index from terms to the stories recently indexed under them.

use rustc_hash::FxHashMap as HashMap;

/// Interned terms with document frequencies over the articles counted so far.
///
/// Ids are given in order of first appearance, so they are the same for the same stream.
/// IDF is read at query time (`ln((N + 1) / (df + 1)) + 1`), so weights stay current as the
/// stream grows instead of being frozen when an article or story was first seen.
#[derive(Debug, Clone, Default)]
pub struct TermTable {
    ids: HashMap<String, u32>,
    terms: Vec<String>,
    df: Vec<u32>,
    entity: Vec<bool>,
    /// `ln(df + 1)` per term, cached because IDF is read for every candidate comparison.
    ln_df: Vec<f32>,
    docs: u64,
    /// `ln(docs + 1) + 1`, refreshed when `docs` changes.
    ln_docs: f32,
}

impl TermTable {
    /// The id of `term`, adding it with document frequency 0 if new.
    pub fn intern(&mut self, term: &str) -> u32 {
        if let Some(&id) = self.ids.get(term) {
            return id;
        }
        let id = u32::try_from(self.terms.len()).expect("fewer than 4 billion distinct terms");
        self.ids.insert(term.to_string(), id);
        self.terms.push(term.to_string());
        self.df.push(0);
        self.entity.push(term.starts_with('@'));
        self.ln_df.push(0.0);
        id
    }

    /// Restore a term with its document frequency; ids must come back in order.
    pub fn restore(&mut self, id: u32, term: &str, df: u32) -> Result<(), String> {
        if id as usize != self.terms.len() {
            return Err(format!("term {id} restored out of order"));
        }
        self.intern(term);
        self.df[id as usize] = df;
        self.ln_df[id as usize] = (df as f32 + 1.0).ln();
        Ok(())
    }

    /// Count one more article holding each of `terms` (each id once).
    pub fn add_document(&mut self, terms: impl IntoIterator<Item = u32>) {
        for t in terms {
            let df = &mut self.df[t as usize];
            *df += 1;
            self.ln_df[t as usize] = (*df as f32 + 1.0).ln();
        }
        self.set_docs(self.docs + 1);
    }

    /// Set the number of articles counted (used when restoring).
    pub fn set_docs(&mut self, docs: u64) {
        self.docs = docs;
        self.ln_docs = (docs as f32 + 1.0).ln() + 1.0;
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

    /// Document frequency of a term.
    pub fn df(&self, id: u32) -> u32 {
        self.df[id as usize]
    }

    /// Number of terms.
    pub fn len(&self) -> usize {
        self.terms.len()
    }

    /// Whether no term was interned yet.
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
