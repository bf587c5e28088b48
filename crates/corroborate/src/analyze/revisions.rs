//! Revised figures: a quantity the reader saw in earlier articles that later ones report
//! with another value (a toll that rises, a count that is corrected). Over time that is an
//! update of the figure, not a disagreement between outlets, so an update brief reports it
//! as "now 31, was 12 on 2026-04-06".
//!
//! The quantities are found and grouped as in the numbers analysis over the read and the new
//! articles together; a group is revised when a new article gives a value no read article
//! gave and a read article gave another one. The value reported now is the latest new
//! article's, the one it replaces the latest read article's (latest by publication date,
//! then by position).

use super::numbers;
use super::NumberValue;
use crate::prepared::PreparedCluster;
use serde::{Deserialize, Serialize};

/// A figure reported anew.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Revision {
    /// What is counted ("people killed in the flood").
    pub what: String,
    /// The value as the latest new article writes it.
    pub now: String,
    /// Index of that article in the cluster.
    pub now_doc: usize,
    /// The value as the latest read article that gave one wrote it.
    pub was: String,
    /// Index of that article in the cluster.
    pub was_doc: usize,
}

/// Sort key of an article: its publication date as written (ISO dates sort as text), then
/// its position; undated articles count as earliest.
fn when(cluster: &PreparedCluster, doc: usize) -> (&str, usize) {
    (cluster.docs[doc].published.as_deref().unwrap_or(""), doc)
}

/// The latest (value, article) among `values` reported by the articles `keep` accepts.
fn latest<'a>(
    cluster: &PreparedCluster,
    values: &'a [NumberValue],
    keep: impl Fn(usize) -> bool,
) -> Option<(&'a NumberValue, usize)> {
    values
        .iter()
        .flat_map(|v| v.sources.iter().filter(|&&d| keep(d)).map(move |&d| (v, d)))
        .max_by(|a, b| when(cluster, a.1).cmp(&when(cluster, b.1)))
}

/// The figures of `cluster` that its articles from index `read` on (the new ones; the
/// first `read` are those the reader has seen) report with a value the read ones did not
/// give, in the order the quantities are found.
pub fn revisions(cluster: &PreparedCluster, read: usize) -> Vec<Revision> {
    if read == 0 || read >= cluster.docs.len() {
        return Vec::new();
    }
    let is_new = |d: usize| d >= read;
    let mut out = Vec::new();
    for group in numbers::find(cluster) {
        let said_before = |v: &NumberValue| v.sources.iter().any(|&d| !is_new(d));
        let Some((now, now_doc)) = latest(cluster, &group.values, is_new) else {
            continue;
        };
        if said_before(now) {
            continue; // the new articles repeat a figure the reader saw
        }
        let Some((was, was_doc)) = latest(cluster, &group.values, |d| !is_new(d)) else {
            continue; // a new figure, not a revised one
        };
        if was.value == now.value && was.low == now.low && was.high == now.high {
            continue;
        }
        out.push(Revision {
            what: group.what.clone(),
            now: now.text.clone(),
            now_doc,
            was: was.text.clone(),
            was_doc,
        });
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::document::Document;
    use crate::pipeline::Pipeline;

    fn doc(id: &str, date: &str, text: &str) -> Document {
        Document {
            published: Some(date.into()),
            ..Document::from_text(id, text)
        }
    }

    #[test]
    fn a_toll_that_rises_is_a_revision_and_a_repeated_one_is_not() {
        let docs = vec![
            doc(
                "mon",
                "2026-04-06",
                "A ferry capsized on Lake Orin on Monday. At least 12 people were killed, police said.",
            ),
            doc(
                "tue",
                "2026-04-07",
                "Divers searched Lake Orin on Tuesday after the ferry capsized. \
                 The number of people killed rose to 31, police said.",
            ),
        ];
        let cluster = Pipeline::default().prepare_documents(docs.clone());
        let found = revisions(&cluster, 1);
        assert_eq!(found.len(), 1, "{found:?}");
        assert!(found[0].now.contains("31") && found[0].was.contains("12"));
        assert_eq!((found[0].now_doc, found[0].was_doc), (1, 0));
        // Nothing read, or nothing new: no revision.
        assert!(revisions(&cluster, 0).is_empty());
        assert!(revisions(&cluster, 2).is_empty());
        // The same figure again is not a revision.
        let again = vec![
            docs[0].clone(),
            doc(
                "tue",
                "2026-04-07",
                "Divers searched Lake Orin on Tuesday. At least 12 people were killed, police said.",
            ),
        ];
        let cluster = Pipeline::default().prepare_documents(again);
        assert!(revisions(&cluster, 1).is_empty());
    }
}
