//! The interned stems of one cluster (term ids), filled by the lexicon while a cluster is
//! segmented.

use rustc_hash::FxHashMap;
use std::sync::OnceLock;

/// Interned stems of one cluster. Ids are given in order of first appearance, so they are
/// deterministic for a given input.
#[derive(Debug, Clone, Default)]
pub struct Vocabulary {
    /// Stem -> id, built on the first lookup: `Pipeline::prepare` appends stems it knows to
    /// be new, and hashing every stem there was a twentieth of prepare + default.
    ids: OnceLock<FxHashMap<Box<str>, u32>>,
    /// Every stem, concatenated in id order: stem `i` is `text[ends[i - 1]..ends[i]]`
    /// (one allocation per new stem instead of two).
    text: String,
    ends: Vec<usize>,
    stop: Vec<bool>,
}

impl Vocabulary {
    /// The id of `stem`, adding it if new.
    pub fn intern(&mut self, stem: &str, is_stop: bool) -> u32 {
        if let Some(id) = self.get(stem) {
            return id;
        }
        self.push_new(stem, is_stop)
    }

    /// Appends a stem the caller knows is not in the vocabulary yet and returns its id.
    pub(crate) fn push_new(&mut self, stem: &str, is_stop: bool) -> u32 {
        debug_assert!(
            self.ids.get().is_none_or(|ids| !ids.contains_key(stem)),
            "{stem} is new"
        );
        let id = u32::try_from(self.ends.len()).expect("fewer than 4 billion distinct terms");
        if let Some(ids) = self.ids.get_mut() {
            ids.insert(stem.into(), id);
        }
        self.text.push_str(stem);
        self.ends.push(self.text.len());
        self.stop.push(is_stop);
        id
    }

    /// The id of `stem`, if present.
    pub fn get(&self, stem: &str) -> Option<u32> {
        self.ids
            .get_or_init(|| {
                (0..self.ends.len())
                    .map(|i| {
                        let id = u32::try_from(i).expect("fewer than 4 billion distinct terms");
                        (Box::from(self.term(id)), id)
                    })
                    .collect()
            })
            .get(stem)
            .copied()
    }

    /// The stem of an id.
    pub fn term(&self, id: u32) -> &str {
        let i = id as usize;
        let start = if i == 0 { 0 } else { self.ends[i - 1] };
        &self.text[start..self.ends[i]]
    }

    /// Whether the term is a stop word.
    pub fn is_stop(&self, id: u32) -> bool {
        self.stop[id as usize]
    }

    /// Number of distinct terms.
    pub fn len(&self) -> usize {
        self.ends.len()
    }

    /// Whether no term was interned.
    pub fn is_empty(&self) -> bool {
        self.ends.is_empty()
    }
}
