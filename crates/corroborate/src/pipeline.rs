//! The pipeline that turns documents into a [`PreparedCluster`] and summaries.

use crate::clean::Cleaner;
use crate::document::{Cluster, Document};
use crate::lang::Language;
use crate::prepared::{PreparedCluster, Sentence, Vocabulary};
use crate::segment::{sentence_words, split_sentences, word_spans, EnglishStemmer, Lexicon};
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
                            words: sentence_words(&crate::summarize::display_text(text)),
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

    /// Build what the pipeline builds on first use (the furniture automaton, the word
    /// lists, the calling thread's lexicon) by preparing and summarizing a short invented
    /// report, so that a timed run does not charge this one-off set-up to its first
    /// clusters. Nothing else is kept: the output of later calls is unchanged.
    #[cfg_attr(not(feature = "unstable-internals"), allow(dead_code))] // for tests and the lab
    pub fn warm_up(&self) {
        let docs = WARM_UP
            .iter()
            .enumerate()
            .map(|(k, text)| Document::from_text(format!("warm-up-{k}"), *text))
            .collect();
        let prepared = self.prepare_documents(docs);
        Method::SupportCoverage.summarize(&prepared, Budget::Words(60));
    }

    /// Clean and segment loose documents as one cluster.
    #[cfg_attr(not(feature = "unstable-internals"), allow(dead_code))] // for tests and the lab
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

/// Two short invented reports for [`Pipeline::warm_up`], with a line of page furniture.
#[cfg_attr(not(feature = "unstable-internals"), allow(dead_code))] // for tests and the lab
const WARM_UP: [&str; 2] = [
    "Harbor fire contained\n\nFire crews contained a blaze at a harbor warehouse on Tuesday, \
     officials said. The fire started near the loading dock at about 3 a.m.\n\nShare this \
     article",
    "Firefighters put out a warehouse fire at the harbor early on Tuesday. No one was hurt, \
     the fire department said. \"We were lucky,\" a dock worker told reporters.",
];

#[cfg(test)]
mod tests {
    use super::*;

    fn report() -> Vec<Document> {
        vec![
            Document::from_text(
                "a",
                "Storm closes mountain pass\n\nSnow closed the Ridge Pass road on Friday, the \
                 highway agency said. Ploughs were sent from two towns.\n\nRead more",
            ),
            Document::from_text(
                "b",
                "The Ridge Pass road was shut by heavy snow on Friday. Drivers were told to \
                 wait. It may reopen on Sunday, officials said.",
            ),
        ]
    }

    #[test]
    fn warming_up_changes_no_later_output() {
        // Each on a fresh thread, so that its lexicon starts empty: one prepares the report
        // cold, the other after warming up (which fills its lexicon with other words first).
        let run = |warm: bool| {
            std::thread::spawn(move || {
                let pipeline = Pipeline::default();
                if warm {
                    pipeline.warm_up();
                }
                let p = pipeline.prepare_documents(report());
                let s = Method::SupportCoverage.summarize(&p, Budget::Words(40));
                let sentences: Vec<_> = p
                    .sentences
                    .iter()
                    .map(|x| {
                        (
                            x.span.clone(),
                            x.leans_back,
                            x.tokens.clone(),
                            x.terms.clone(),
                        )
                    })
                    .collect();
                let vocab: Vec<String> = (0..p.vocab.len())
                    .map(|t| p.vocab.term(t as u32).to_string())
                    .collect();
                (sentences, vocab, s.sentences)
            })
            .join()
            .expect("no panic")
        };
        let (cold, warm) = (run(false), run(true));
        assert_eq!(cold, warm);
        assert!(!cold.2.is_empty());
    }
}
