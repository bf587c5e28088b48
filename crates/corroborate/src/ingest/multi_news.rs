//! Multi-News source files: one cluster per line, its articles separated by `|||||`, and
//! line breaks inside an article written as `NEWLINE_CHAR`.

use crate::document::{Cluster, Document, Origin};

/// The article separator of Multi-News.
pub const SEPARATOR: &str = "|||||";

/// Whether text is in the Multi-News format (some line holds the separator).
pub fn looks_like_multi_news(text: &str) -> bool {
    text.lines().take(1000).any(|l| l.contains(SEPARATOR))
}

/// Parse Multi-News lines into clusters named `stem:line`; empty articles are dropped.
pub fn parse_multi_news(name: &str, stem: &str, text: &str) -> Vec<Cluster> {
    let mut clusters = Vec::new();
    for (i, line) in text.lines().enumerate() {
        let line_no = i + 1;
        if line.trim().is_empty() {
            continue;
        }
        let id = format!("{stem}:{line_no}");
        let docs: Vec<Document> = line
            .split(SEPARATOR)
            .map(|a| restore_newlines(a.trim()))
            .filter(|a| !a.trim().is_empty())
            .enumerate()
            .map(|(j, text)| Document {
                id: format!("{id}/{j}"),
                text,
                origin: Origin {
                    path: Some(name.to_string()),
                    line: Some(line_no),
                    url: None,
                    ..Origin::default()
                },
                ..Document::default()
            })
            .collect();
        if !docs.is_empty() {
            clusters.push(Cluster {
                id,
                docs,
                ..Cluster::default()
            });
        }
    }
    clusters
}

/// `NEWLINE_CHAR` tokens back to line breaks, one paragraph per line.
fn restore_newlines(article: &str) -> String {
    let mut out = String::with_capacity(article.len());
    for (k, part) in article.split("NEWLINE_CHAR").enumerate() {
        let part = part.trim();
        if k > 0 && !part.is_empty() && !out.is_empty() {
            out.push_str("\n\n");
        }
        out.push_str(part);
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn splits_clusters_and_articles() {
        let text =
            "First story. NEWLINE_CHAR NEWLINE_CHAR Second para. ||||| Other report. |||||\n\
                    \n\
                    Only one article here.\n";
        assert!(looks_like_multi_news(text));
        let clusters = parse_multi_news("mn.src", "mn", text);
        assert_eq!(clusters.len(), 2);
        assert_eq!(clusters[0].id, "mn:1");
        let texts: Vec<_> = clusters[0].docs.iter().map(|d| d.text.as_str()).collect();
        assert_eq!(texts, ["First story.\n\nSecond para.", "Other report."]);
        assert_eq!(clusters[1].docs[0].id, "mn:3/0");
        assert_eq!(clusters[1].docs[0].origin.line, Some(3));
    }
}
