//! A summary (not a brief) as plain text, cited Markdown or one JSON line.

use crate::prepared::PreparedCluster;
use crate::summarize::{display_text, Budget, Summary};
use serde::{Deserialize, Serialize};

/// An output format of a summary.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum SummaryFormat {
    /// One sentence per line.
    Text,
    /// The sentences as one paragraph, each followed by its source number (`[2]`), and the
    /// numbered sources below.
    #[serde(rename = "md")]
    Markdown,
    /// One JSON object on one line: cluster id, method, budget, words, and each sentence with
    /// its document id and byte span.
    Json,
}

impl SummaryFormat {
    /// Every format, in the order help lists them.
    pub const ALL: &'static [SummaryFormat] = &[
        SummaryFormat::Text,
        SummaryFormat::Markdown,
        SummaryFormat::Json,
    ];

    /// The format's name on the command line.
    pub fn name(self) -> &'static str {
        match self {
            SummaryFormat::Text => "text",
            SummaryFormat::Markdown => "md",
            SummaryFormat::Json => "json",
        }
    }

    /// The format with this name (`markdown` is accepted for `md`).
    pub fn from_name(name: &str) -> Option<SummaryFormat> {
        match name {
            "markdown" => Some(SummaryFormat::Markdown),
            _ => SummaryFormat::ALL
                .iter()
                .copied()
                .find(|f| f.name() == name),
        }
    }
}

/// `summary` of `cluster` in `format`, ending with a newline.
pub(crate) fn render_summary(
    format: SummaryFormat,
    cluster: &PreparedCluster,
    summary: &Summary,
    budget: Budget,
) -> String {
    match format {
        SummaryFormat::Json => format!("{}\n", json(cluster, summary, budget)),
        SummaryFormat::Markdown => markdown(cluster, summary),
        SummaryFormat::Text => summary
            .sentences
            .iter()
            .map(|&i| format!("{}\n", display_text(cluster.text(i))))
            .collect(),
    }
}

fn json(cluster: &PreparedCluster, summary: &Summary, budget: Budget) -> serde_json::Value {
    serde_json::json!({
        "id": cluster.id,
        "method": summary.method,
        "budget": budget,
        "words": summary.words(cluster),
        "sentences": summary.sentences.iter().map(|&i| {
            let s = &cluster.sentences[i];
            serde_json::json!({
                "doc": cluster.docs[s.doc].id,
                "start": s.span.start,
                "end": s.span.end,
                "text": display_text(cluster.text(i)),
            })
        }).collect::<Vec<_>>(),
    })
}

/// Sentences as one paragraph, each followed by `[n]`; sources numbered in input order (as
/// the brief numbers them) and listed below.
fn markdown(cluster: &PreparedCluster, summary: &Summary) -> String {
    let body: Vec<String> = summary
        .sentences
        .iter()
        .map(|&i| {
            format!(
                "{} [{}]",
                display_text(cluster.text(i)),
                cluster.sentences[i].doc + 1
            )
        })
        .collect();
    let mut out = format!("## {}\n\n{}\n\n", cluster.id, body.join(" "));
    if !cluster.docs.is_empty() {
        out.push_str("Sources:\n\n");
    }
    for (n, doc) in cluster.docs.iter().enumerate() {
        let mut line = format!("{}. ", n + 1);
        line.push_str(doc.title.as_deref().unwrap_or(&doc.id));
        for extra in [
            doc.source.as_deref(),
            doc.published.as_deref(),
            doc.origin.url.as_deref(),
        ]
        .into_iter()
        .flatten()
        {
            line.push_str(", ");
            line.push_str(extra);
        }
        if doc.title.is_some() {
            line.push_str(&format!(" ({})", doc.id));
        }
        out.push_str(&line);
        out.push('\n');
    }
    out
}
