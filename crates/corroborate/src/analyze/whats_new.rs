//! What is new for a reader who has read some of the articles (the CLI's `brief --since`
//! and `brief --seen`). The articles are split into those read and the new ones; the brief then opens
//! with a "What's new" section (the new sources, and the new facts: the update summary of
//! the new articles given the read ones, see `Seen` in summarize), followed by
//! the brief of the new articles alone. When no article is new it says so plainly. A figure
//! the new articles report with another value than the read ones is listed as revised
//! ("now 31, was 12 on a date"; see `revisions` in analyze), an update of the
//! figure rather than a disagreement.

use crate::analyze::brief::Brief;
use crate::analyze::revisions::revisions;
use crate::{Budget, Cluster, Document, Error, ErrorKind, Method, Pipeline, PreparedCluster};
use serde_json::json;

/// A cluster's articles, split into those the reader has read and the new ones.
#[derive(Debug)]
pub struct Split {
    /// Articles read already.
    pub seen: Vec<Document>,
    /// New articles, in input order.
    pub new: Vec<Document>,
    /// New articles that have no date (only with `--since DATE`).
    pub undated: usize,
}

/// The articles published before `since`, or up to and including the article with id
/// `since` in publication order (input order among equal dates, or when that article has
/// no date), are read. A date is
/// compared as text with the articles' ISO dates (`2026-03-04` or `2026-03-04T10:00`), so a
/// day includes the whole day; an article without a date counts as new. `since` naming
/// neither an article nor a date starting with four digits is an error (kind
/// [`ErrorKind::Config`], input `since`).
pub fn split_since(docs: Vec<Document>, since: &str) -> crate::Result<Split> {
    if let Some(at) = docs.iter().position(|d| d.id == since) {
        let cut = docs[at].published.clone();
        let (mut seen, mut new, mut undated) = (Vec::new(), Vec::new(), 0);
        for (k, d) in docs.into_iter().enumerate() {
            let before = match (&d.published, &cut) {
                (Some(p), Some(c)) => p < c || (p == c && k <= at),
                // Against a dated article an undated one counts as new.
                (None, Some(_)) => {
                    undated += 1;
                    false
                }
                // An undated article: input order.
                (_, None) => k <= at,
            };
            if before {
                seen.push(d);
            } else {
                new.push(d);
            }
        }
        return Ok(Split { seen, new, undated });
    }
    let looks_like_date = since.len() >= 4 && since.bytes().take(4).all(|b| b.is_ascii_digit());
    if !looks_like_date {
        return Err(Error::new(
            ErrorKind::Config,
            "since",
            format!("{since:?} is neither an article id of the inputs nor a date (YYYY-MM-DD)"),
        ));
    }
    let (mut seen, mut new, mut undated) = (Vec::new(), Vec::new(), 0);
    for d in docs {
        match &d.published {
            Some(p) if p.as_str() < since => seen.push(d),
            Some(_) => new.push(d),
            None => {
                undated += 1;
                new.push(d);
            }
        }
    }
    Ok(Split { seen, new, undated })
}

/// The articles of `docs` that are in `read` (same id, or the same text up to white space)
/// are read; the others are new.
pub fn split_seen(docs: Vec<Document>, read: &[Document]) -> Split {
    let key = |d: &Document| d.text.split_whitespace().collect::<Vec<_>>().join(" ");
    let ids: std::collections::BTreeSet<&str> = read.iter().map(|d| d.id.as_str()).collect();
    let texts: std::collections::BTreeSet<String> = read.iter().map(key).collect();
    let (mut seen, mut new) = (Vec::new(), Vec::new());
    for d in docs {
        if ids.contains(d.id.as_str()) || texts.contains(&key(&d)) {
            seen.push(d);
        } else {
            new.push(d);
        }
    }
    // Articles the reader read that are not among the inputs still count as read.
    for d in read {
        if !seen.iter().any(|s| s.id == d.id) {
            seen.push(d.clone());
        }
    }
    Split {
        seen,
        new,
        undated: 0,
    }
}

/// A new article.
#[derive(Debug)]
pub struct NewSource {
    /// Article id.
    pub id: String,
    /// Title.
    pub title: Option<String>,
    /// Outlet.
    pub source: Option<String>,
    /// Publication date.
    pub published: Option<String>,
}

/// What is new: the new sources and the new facts (sentences of the new articles).
#[derive(Debug)]
pub struct WhatsNew {
    /// Articles read.
    pub seen: usize,
    /// New articles.
    pub sources: Vec<NewSource>,
    /// New facts: (sentence, id of its article).
    pub facts: Vec<(String, String)>,
    /// New articles without a date.
    pub undated: usize,
    /// Figures the new articles revise.
    pub revised: Vec<Revised>,
}

/// A figure the new articles report with another value than the read ones.
#[derive(Debug)]
pub struct Revised {
    /// What is counted.
    pub what: String,
    /// The value now, as written, and the id and date of the article giving it.
    pub now: (String, String, Option<String>),
    /// The value the reader saw, with its article's id and date.
    pub was: (String, String, Option<String>),
}

/// The day of an ISO date-time (`2026-03-04T10:00` -> `2026-03-04`).
fn day(date: &str) -> &str {
    date.get(..10).unwrap_or(date)
}

/// The new sources and facts of `new` (prepared) for a reader of `seen`, the facts chosen
/// by `method` in update mode within `budget`.
pub(crate) fn whats_new(
    pipeline: &Pipeline,
    new: &PreparedCluster,
    seen: Vec<Document>,
    undated: usize,
    method: Method,
    budget: Budget,
) -> WhatsNew {
    let read = seen.len();
    // The read and the new articles together, read ones first, for the revised figures.
    let both = pipeline.prepare(Cluster {
        id: format!("{} (read and new)", new.id),
        docs: seen.iter().chain(&new.docs).cloned().collect(),
        refs: Vec::new(),
        topic: new.topic.clone(),
    });
    let revised = revisions(&both, read)
        .into_iter()
        .map(|r| {
            let at = |d: usize| {
                let doc = &both.docs[d];
                (
                    doc.id.clone(),
                    doc.published.as_deref().map(|p| day(p).to_string()),
                )
            };
            let (now_id, now_date) = at(r.now_doc);
            let (was_id, was_date) = at(r.was_doc);
            Revised {
                what: r.what,
                now: (r.now, now_id, now_date),
                was: (r.was, was_id, was_date),
            }
        })
        .collect();
    let earlier = pipeline.prepare(Cluster {
        id: format!("{} (read)", new.id),
        docs: seen,
        refs: Vec::new(),
        topic: new.topic.clone(),
    });
    let summary = method.summarize_update(new, &earlier, budget);
    WhatsNew {
        seen: read,
        sources: new
            .docs
            .iter()
            .map(|d| NewSource {
                id: d.id.clone(),
                title: d.title.clone(),
                source: d.source.clone(),
                published: d.published.clone(),
            })
            .collect(),
        facts: summary
            .sentences
            .iter()
            .map(|&i| {
                let text = crate::summarize::display_text(new.text(i))
                    .split_whitespace()
                    .collect::<Vec<_>>()
                    .join(" ");
                (text, new.docs[new.sentences[i].doc].id.clone())
            })
            .collect(),
        undated,
        revised,
    }
}

impl WhatsNew {
    /// The "What's new" section in Markdown (`markdown`) or plain text.
    pub fn to_text(&self, markdown: bool) -> String {
        render_text(self, markdown)
    }

    /// The "What's new" section as JSON.
    pub fn to_json(&self) -> serde_json::Value {
        render_json(self)
    }

    /// The "What's new" section and the brief of the new articles, as one JSON object
    /// (`{"whats_new": ..., "brief": ...}`).
    pub fn to_json_with_brief(&self, brief: &Brief) -> serde_json::Value {
        // A brief holds plain strings and numbers: it always converts.
        let brief = serde_json::to_value(brief).expect("a brief always serializes");
        json!({"whats_new": self.to_json(), "brief": brief})
    }
}

fn render_text(w: &WhatsNew, markdown: bool) -> String {
    let mut out = String::new();
    out.push_str(if markdown {
        "## What's new\n\n"
    } else {
        "WHAT'S NEW\n\n"
    });
    if w.sources.is_empty() {
        out.push_str(&format!(
            "Nothing new was reported: every article ({}) is one you have seen.\n",
            w.seen
        ));
        return out;
    }
    out.push_str(&format!(
        "{} new source{} since what you saw ({} article{} read):\n\n",
        w.sources.len(),
        if w.sources.len() == 1 { "" } else { "s" },
        w.seen,
        if w.seen == 1 { "" } else { "s" },
    ));
    for src in &w.sources {
        let mut line = format!("- NEW {}", src.id);
        if let Some(t) = &src.title {
            line.push_str(&format!(": {t}"));
        }
        let extra: Vec<&str> = [src.source.as_deref(), src.published.as_deref()]
            .into_iter()
            .flatten()
            .collect();
        if !extra.is_empty() {
            line.push_str(&format!(" ({})", extra.join(", ")));
        }
        out.push_str(&line);
        out.push('\n');
    }
    if w.undated > 0 {
        out.push_str(&format!(
            "\n({} of them undated, counted as new.)\n",
            w.undated
        ));
    }
    out.push_str("\nNew facts:\n\n");
    if w.facts.is_empty() {
        out.push_str("- none: the new articles repeat what you have seen.\n");
    }
    for (text, id) in &w.facts {
        out.push_str(&format!("- NEW {text} [{id}]\n"));
    }
    if !w.revised.is_empty() {
        out.push_str("\nRevised figures:\n\n");
    }
    for r in &w.revised {
        let on = |date: &Option<String>| {
            date.as_ref()
                .map(|d| format!(" on {d}"))
                .unwrap_or_default()
        };
        out.push_str(&format!(
            "- UPDATED {}: now {} [{}{}], was {} [{}{}]\n",
            r.what,
            r.now.0,
            r.now.1,
            on(&r.now.2),
            r.was.0,
            r.was.1,
            on(&r.was.2),
        ));
    }
    out.push('\n');
    out
}

fn render_json(w: &WhatsNew) -> serde_json::Value {
    json!({
        "seen_articles": w.seen,
        "nothing_new": w.sources.is_empty(),
        "new_sources": w.sources.iter().map(|s| json!({
            "id": s.id, "title": s.title, "source": s.source, "published": s.published,
        })).collect::<Vec<_>>(),
        "undated_new_sources": w.undated,
        "new_facts": w.facts.iter().map(|(text, id)| json!({"text": text, "source": id})).collect::<Vec<_>>(),
        "revised_figures": w.revised.iter().map(|r| json!({
            "what": r.what,
            "now": {"value": r.now.0, "source": r.now.1, "published": r.now.2},
            "was": {"value": r.was.0, "source": r.was.1, "published": r.was.2},
        })).collect::<Vec<_>>(),
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    fn doc(id: &str, date: Option<&str>) -> Document {
        let mut d = Document::from_text(id, format!("Text of {id}."));
        d.published = date.map(str::to_string);
        d
    }

    #[test]
    fn since_a_date_or_an_article() {
        let docs = vec![
            doc("a", Some("2026-03-01")),
            doc("b", Some("2026-03-03T08:00")),
            doc("c", None),
            doc("d", Some("2026-03-02")),
        ];
        let s = split_since(docs.clone(), "2026-03-02").expect("a date");
        let ids = |v: &[Document]| v.iter().map(|d| d.id.clone()).collect::<Vec<_>>();
        assert_eq!(ids(&s.seen), ["a"]);
        assert_eq!(ids(&s.new), ["b", "c", "d"]);
        assert_eq!(s.undated, 1);
        let s = split_since(docs.clone(), "d").expect("an article");
        assert_eq!(ids(&s.seen), ["a", "d"]);
        assert_eq!(ids(&s.new), ["b", "c"]);
        assert_eq!(s.undated, 1);
        // Since an undated article: input order.
        let s = split_since(docs.clone(), "c").expect("an article");
        assert_eq!(ids(&s.seen), ["a", "b", "c"]);
        assert!(split_since(docs, "nope").is_err());
    }

    #[test]
    fn seen_by_id_or_text() {
        let mut copy = doc("other-id", None);
        copy.text = "Text  of\nb.".into();
        let s = split_seen(
            vec![doc("a", None), doc("b", None), doc("c", None)],
            &[doc("a", None), copy],
        );
        assert_eq!(s.new.len(), 1);
        assert_eq!(s.new[0].id, "c");
    }
}
