//! The update task (DUC 2007): which articles each cluster's reader has read already, and
//! scores per batch.
//!
//! A cluster of an update set names the articles of its earlier batches in
//! `meta.earlier_batch_doc_ids`; those articles are in the set's other clusters. Cluster ids
//! end in the batch letter (`D0703A-B`: topic D0703A, batch B).

use super::run::Report;
use super::scores::Variant;
use crate::document::Cluster;
use std::collections::BTreeMap;

/// Per cluster id, the ids of the articles its reader has read, from the JSONL text of a
/// cluster set (`meta.earlier_batch_doc_ids`). Lines that are not JSON objects, or have no
/// such list, are skipped.
pub fn earlier_doc_ids(jsonl: &str) -> BTreeMap<String, Vec<String>> {
    let mut out = BTreeMap::new();
    for line in jsonl.lines() {
        let Ok(value) = serde_json::from_str::<serde_json::Value>(line) else {
            continue;
        };
        let (Some(id), Some(list)) = (
            value.get("id").and_then(|v| v.as_str()),
            value
                .pointer("/meta/earlier_batch_doc_ids")
                .and_then(|v| v.as_array()),
        ) else {
            continue;
        };
        let ids: Vec<String> = list
            .iter()
            .filter_map(|v| v.as_str().map(str::to_string))
            .collect();
        out.insert(id.to_string(), ids);
    }
    out
}

/// Each cluster with the articles its reader has read (from `earlier`, looked up by article
/// id among all clusters' articles; the first article of an id wins), or `None` when it names
/// none that the set holds.
pub fn with_earlier(
    clusters: Vec<Cluster>,
    earlier: &BTreeMap<String, Vec<String>>,
) -> Vec<(Cluster, Option<Cluster>)> {
    let mut by_id = BTreeMap::new();
    for c in &clusters {
        for d in &c.docs {
            by_id.entry(d.id.clone()).or_insert_with(|| d.clone());
        }
    }
    clusters
        .into_iter()
        .map(|c| {
            let docs: Vec<_> = earlier
                .get(&c.id)
                .into_iter()
                .flatten()
                .filter_map(|id| by_id.get(id).cloned())
                .collect();
            let seen = (!docs.is_empty()).then(|| Cluster {
                id: format!("{} (read)", c.id),
                docs,
                refs: Vec::new(),
                topic: c.topic.clone(),
            });
            (c, seen)
        })
        .collect()
}

/// The batch of a cluster id: what follows its last `-` (`D0703A-B` -> `B`), or the whole id.
pub fn batch_of(id: &str) -> &str {
    id.rsplit_once('-').map_or(id, |(_, b)| b)
}

/// Mean recall of each method per batch and over batches, for `variants`.
#[derive(Debug, Clone, PartialEq, serde::Serialize)]
pub struct BatchRow {
    /// Batch label (`A`, `B`, `B+C`, `all`).
    pub batch: String,
    /// Clusters in it.
    pub clusters: usize,
    /// Per method (in report order), per variant: mean recall over the clusters.
    pub recall: Vec<Vec<f64>>,
}

/// Rows for every batch in id order, then every batch but the first together (the batches
/// that test updating, `B+C`) when there are three or more, then `all`. Means over clusters
/// of the per-cluster recall, as ROUGE-1.5.5's `-t 0` average is.
pub fn batch_rows(report: &Report, variants: &[Variant]) -> Vec<BatchRow> {
    let mut batches: BTreeMap<&str, Vec<usize>> = BTreeMap::new();
    for (k, c) in report.per_cluster.iter().enumerate() {
        batches.entry(batch_of(&c.id)).or_default().push(k);
    }
    let row = |label: String, members: Vec<usize>| BatchRow {
        batch: label,
        clusters: members.len(),
        recall: (0..report.methods.len())
            .map(|m| {
                variants
                    .iter()
                    .map(|&v| {
                        let sum: f64 = members
                            .iter()
                            .map(|&k| {
                                report.per_cluster[k].runs[m]
                                    .scores
                                    .get(v)
                                    .map_or(0.0, |p| p.r)
                            })
                            .sum();
                        sum / members.len().max(1) as f64
                    })
                    .collect()
            })
            .collect(),
    };
    let mut rows: Vec<BatchRow> = batches
        .iter()
        .map(|(b, m)| row((*b).to_string(), m.clone()))
        .collect();
    if batches.len() >= 3 {
        let later: Vec<&str> = batches.keys().skip(1).copied().collect();
        let members: Vec<usize> = batches.values().skip(1).flatten().copied().collect();
        rows.push(row(later.join("+"), members));
    }
    rows.push(row(
        "all".to_string(),
        (0..report.per_cluster.len()).collect(),
    ));
    rows
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::document::Document;

    #[test]
    fn earlier_ids_are_read_from_meta_and_bad_lines_skipped() {
        let text = "{\"id\":\"t-A\",\"meta\":{\"earlier_batch_doc_ids\":[]}}\nnot json\n\
                    {\"id\":\"t-B\",\"meta\":{\"earlier_batch_doc_ids\":[\"a1\",7]}}\n{\"id\":\"x\"}";
        let ids = earlier_doc_ids(text);
        assert_eq!(ids.len(), 2);
        assert_eq!(ids["t-B"], ["a1"]);
        assert!(ids["t-A"].is_empty());
    }

    #[test]
    fn earlier_articles_are_found_in_other_clusters() {
        let cluster = |id: &str, doc: &str| Cluster {
            id: id.into(),
            docs: vec![Document::from_text(doc, "Some text here.")],
            refs: Vec::new(),
            topic: None,
        };
        let mut earlier = BTreeMap::new();
        earlier.insert(
            "t-B".to_string(),
            vec!["a1".to_string(), "gone".to_string()],
        );
        let pairs = with_earlier(vec![cluster("t-A", "a1"), cluster("t-B", "b1")], &earlier);
        assert!(pairs[0].1.is_none());
        let seen = pairs[1].1.as_ref().expect("a1 is read before t-B");
        assert_eq!(seen.docs.len(), 1);
        assert_eq!(seen.docs[0].id, "a1");
        assert_eq!(batch_of("D0703A-B"), "B");
        assert_eq!(batch_of("plain"), "plain");
    }
}
