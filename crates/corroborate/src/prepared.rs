//! A cluster after cleaning and segmentation: the input every summarizer and analyzer reads.

use crate::clean::{BlockKind, CleanedDocument};
use crate::document::{Document, Reference, Topic};
use rustc_hash::FxHashMap;
use std::ops::Range;
use std::sync::OnceLock;

/// One sentence of a document: a byte range into its text plus its terms.
#[derive(Debug, Clone, PartialEq)]
pub struct Sentence {
    /// Index of the document in [`PreparedCluster::docs`].
    pub doc: usize,
    /// Byte range in the document's text.
    pub span: Range<usize>,
    /// Index of the kept block (line) it lies in.
    pub block: usize,
    /// 0-based position of the sentence among the document's sentences.
    pub position: usize,
    /// The sentence is a heading (headline, section title), not running text.
    pub heading: bool,
    /// Number of white-space separated words (what a word budget counts).
    pub words: usize,
    /// Its opening leans on the sentence before it ("He said", "But the company denied
    /// it"; see `crate::summarize::leans_back`): a summary takes it only with that one.
    pub leans_back: bool,
    /// Term ids of every word token in order, stop words included.
    pub tokens: Vec<u32>,
    /// Term ids of the content words (stop words and punctuation removed), in order.
    pub terms: Vec<u32>,
}

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

/// A cleaned, segmented cluster.
#[derive(Debug, Clone, Default)]
pub struct PreparedCluster {
    /// Cluster id.
    pub id: String,
    /// The documents, unchanged.
    pub docs: Vec<Document>,
    /// Cleaning result per document.
    pub cleaned: Vec<CleanedDocument>,
    /// All sentences, document by document, in text order.
    pub sentences: Vec<Sentence>,
    /// For each document, the range of its sentences in [`Self::sentences`].
    pub doc_sentences: Vec<Range<usize>>,
    /// Interned stems.
    pub vocab: Vocabulary,
    /// Reference summaries (evaluation data only).
    pub refs: Vec<Reference>,
    /// Query-focused topic, if any.
    pub topic: Option<Topic>,
}

impl PreparedCluster {
    /// The text of sentence `i`.
    pub fn text(&self, i: usize) -> &str {
        let s = &self.sentences[i];
        &self.docs[s.doc].text[s.span.clone()]
    }

    /// Sentences that are running text (not headings).
    pub fn body_sentences(&self) -> impl Iterator<Item = usize> + '_ {
        (0..self.sentences.len()).filter(|&i| !self.sentences[i].heading)
    }

    pub(crate) fn is_heading_block(cleaned: &CleanedDocument, block: usize) -> bool {
        cleaned.kept[block].kind == BlockKind::Heading
    }
}
