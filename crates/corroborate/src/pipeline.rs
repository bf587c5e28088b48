//! The pipeline that turns documents into a [`PreparedCluster`] and summaries.

use crate::clean::Cleaner;
use crate::document::{Cluster, Document};
use crate::lang::Language;
use crate::prepared::{PreparedCluster, Sentence, Vocabulary};
use crate::segment::{count_words, split_sentences, word_spans, EnglishStemmer, Lexicon};
use crate::summarize::{leans_back_in, Budget, Method, Summary};

/// Cleaner, segmenter and language resources, built once and shared across clusters.
#[derive(Debug, Default)]
pub struct Pipeline {
    /// The furniture remover.
    pub cleaner: Cleaner,
    /// Language resources.
    pub language: Language,
    stemmer: EnglishStemmer,
}

impl Pipeline {
    /// Clean and segment a cluster.
    pub fn prepare(&self, cluster: Cluster) -> PreparedCluster {
        let cleaned = self.cleaner.clean_cluster(&cluster.docs);
        let mut vocab = Vocabulary::default();
        let mut sentences = Vec::new();
        let mut doc_sentences = Vec::with_capacity(cluster.docs.len());
        // Reused buffers: each sentence's ids are copied out at their exact length.
        let mut tokens: Vec<u32> = Vec::new();
        let mut terms: Vec<u32> = Vec::new();
        Lexicon::with(self.language, |lexicon| {
            for (d, (doc, clean)) in cluster.docs.iter().zip(&cleaned).enumerate() {
                let first = sentences.len();
                for (b, block) in clean.kept.iter().enumerate() {
                    let heading = PreparedCluster::is_heading_block(clean, b);
                    let block_text = &doc.text[block.span.clone()];
                    for span in split_sentences(block_text) {
                        let span = block.span.start + span.start..block.span.start + span.end;
                        let text = &doc.text[span.clone()];
                        tokens.clear();
                        terms.clear();
                        for w in word_spans(text) {
                            let (stem, stop) = lexicon.word(&text[w], &self.stemmer);
                            // A stem's stop flag is that of the first spelling that brought
                            // it into the cluster.
                            let id = lexicon.term_id(stem, stop, &mut vocab);
                            tokens.push(id);
                            if !stop {
                                terms.push(id);
                            }
                        }
                        let position = sentences.len() - first;
                        sentences.push(Sentence {
                            doc: d,
                            span,
                            block: b,
                            position,
                            heading,
                            words: count_words(text),
                            leans_back: leans_back_in(self.language, text),
                            tokens: tokens.clone(),
                            terms: terms.clone(),
                        });
                    }
                }
                doc_sentences.push(first..sentences.len());
            }
        });
        PreparedCluster {
            id: cluster.id,
            docs: cluster.docs,
            cleaned,
            sentences,
            doc_sentences,
            vocab,
            refs: cluster.refs,
            topic: cluster.topic,
        }
    }

    /// Clean and segment loose documents as one cluster.
    pub fn prepare_documents(&self, docs: Vec<Document>) -> PreparedCluster {
        self.prepare(Cluster {
            id: "cluster".to_string(),
            docs,
            ..Cluster::default()
        })
    }

    /// Summarize a prepared cluster with `method` under `budget`.
    pub fn summarize(&self, cluster: &PreparedCluster, method: Method, budget: Budget) -> Summary {
        method.summarize(cluster, budget)
    }
}
