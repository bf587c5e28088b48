//! A cluster after cleaning and segmentation: the input every summarizer and analyzer reads.

use crate::clean::{BlockKind, CleanedDocument};
use crate::document::{Document, Reference, Topic};
pub(crate) use crate::segment::Vocabulary;
use std::ops::Range;

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
    /// Number of white-space separated words of the sentence as a summary shows it
    /// ([`crate::summarize::display_text`]): what a word budget counts.
    pub words: usize,
    /// Its opening leans on the sentence before it ("He said", "But the company denied
    /// it"; see `crate::summarize::leans_back`): a summary takes it only with that one.
    pub leans_back: bool,
    /// Term ids of every word token in order, stop words included.
    pub tokens: Vec<u32>,
    /// Term ids of the content words (stop words and punctuation removed), in order.
    pub terms: Vec<u32>,
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
