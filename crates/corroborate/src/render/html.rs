//! HTML: one self-contained page (inline CSS and script, no external request: a
//! Content-Security-Policy forbids them). The source texts are embedded, every sentence of a
//! source is an element with an id, and every citation is a link to the cited sentence: a
//! click highlights it and scrolls it into view (without script, the `:target` style does the
//! same). On a wide screen the sources sit in a scrolling panel beside the brief; on a phone
//! they follow it.
//!
//! All article text is escaped with [`escape`]; the page's own script reads only element ids
//! and classes, never article text.
//!
//! Opening the page with the fragment `#test-click` clicks the first citation on load and
//! records the highlighted element's id in `body[data-test-click]`: the headless browser test
//! uses it.

use super::markdown::{kind_name, plural};
use super::{
    entities_shown, is_single_source, more_line, number_flag, one_line, quote_text, support_label,
    value_scope,
};
use crate::analyze::brief::{Brief, Passage, SourceEntry};
use crate::clean::BlockKind;
use crate::prepared::PreparedCluster;
use std::fmt::Write;

const STYLE: &str = include_str!("assets/brief.css");
const SCRIPT: &str = include_str!("assets/brief.js");

/// Base64 SHA-256 of [`SCRIPT`]: the page's policy lets only this script run, so even markup
/// that escaped escaping could not run script (a unit test checks the hash).
const SCRIPT_SHA256: &str = "BNPV1VnTrL+UQsv4LFkg11GGPYdPxbecvrm8xvZ0EGk=";

/// Render the brief as a self-contained HTML page; `cluster` supplies the source texts.
pub fn render(brief: &Brief, cluster: &PreparedCluster) -> String {
    let total = brief.source_count();
    let anchors = Anchors { cluster };
    let mut out = String::with_capacity(
        16 * 1024 + cluster.docs.iter().map(|d| d.text.len() * 2).sum::<usize>(),
    );
    let _ = write!(
        out,
        "<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n\
         <meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n\
         <meta http-equiv=\"Content-Security-Policy\" content=\"default-src 'none'; \
         style-src 'unsafe-inline'; script-src 'sha256-{SCRIPT_SHA256}'; img-src data:; \
         base-uri 'none'; form-action 'none'\">\n\
         <meta name=\"generator\" content=\"corroborate\">\n\
         <title>{}</title>\n<style>\n{STYLE}</style>\n</head>\n<body>\n<div class=\"layout\">\n\
         <main id=\"brief\">\n<header>\n<h1>{}</h1>\n\
         <p class=\"meta\">{} · summary by <code>{}</code> · click a number to see the sentence \
         in its source</p>\n</header>\n",
        escape(&one_line(&brief.title)),
        escape(&one_line(&brief.title)),
        plural(total, "source"),
        escape(brief.method.name()),
    );

    out.push_str("<section id=\"summary\">\n<h2>Summary</h2>\n");
    if brief.summary.is_empty() {
        out.push_str("<p class=\"none\">No sentences to summarize.</p>\n");
    } else {
        out.push_str("<ul class=\"claims\">\n");
        for item in &brief.summary {
            let single = is_single_source(item.support, total);
            let _ = writeln!(
                out,
                "<li{}>{} {} <span class=\"support{}\">{}</span></li>",
                if single { " class=\"single\"" } else { "" },
                escape(&one_line(&item.text)),
                anchors.cites(&item.sources, &item.passages),
                if single { " single" } else { "" },
                escape(&support_label(item.support, total)),
            );
        }
        out.push_str("</ul>\n");
    }
    out.push_str("</section>\n");

    out.push_str("<section id=\"quotes\">\n<h2>Quotes</h2>\n");
    if brief.quotes.is_empty() {
        out.push_str("<p class=\"none\">None found.</p>\n");
    } else {
        out.push_str("<ul class=\"quotes\">\n");
        for q in &brief.quotes {
            let who = match &q.speaker {
                Some(s) => {
                    let mut who = format!("<span class=\"speaker\">{}</span>", escape(&s.name));
                    if let Some(role) = &s.role {
                        let _ = write!(who, ", {}", escape(role));
                    }
                    who
                }
                None => "<span class=\"unnamed\">speaker not named</span>".to_string(),
            };
            let _ = writeln!(
                out,
                "<li><q>{}</q> — {} {}</li>",
                escape(&quote_text(&q.text)),
                who,
                anchors.cites(&q.sources, &q.passages)
            );
        }
        out.push_str("</ul>\n");
    }

    more(&mut out, brief.omitted.quotes, "quotes");
    out.push_str("</section>\n");

    out.push_str("<section id=\"numbers\">\n<h2>Numbers</h2>\n");
    if brief.numbers.is_empty() {
        out.push_str("<p class=\"none\">None found.</p>\n");
    } else {
        out.push_str("<ul class=\"numbers\">\n");
        for g in &brief.numbers {
            let values: Vec<String> = g
                .values
                .iter()
                .map(|v| {
                    let scope = value_scope(v);
                    let scope = if scope.is_empty() {
                        String::new()
                    } else {
                        format!(" <span class=\"scope\">({})</span>", escape(&scope))
                    };
                    format!(
                        "<span class=\"value\">{}</span>{scope} {}",
                        escape(&one_line(&v.text)),
                        anchors.cites(&v.sources, &v.passages)
                    )
                })
                .collect();
            let flag = match number_flag(g) {
                Some(f) if g.disagree => {
                    format!(" <span class=\"support single\">{}</span>", escape(&f))
                }
                Some(f) => format!(" <span class=\"support\">{}</span>", escape(&f)),
                None => String::new(),
            };
            let _ = writeln!(
                out,
                "<li{}><strong>{}</strong>: {}{}</li>",
                if g.disagree {
                    " class=\"disagree\""
                } else {
                    ""
                },
                escape(&one_line(&g.what)),
                values.join(" <span class=\"vs\">vs</span> "),
                flag
            );
        }
        out.push_str("</ul>\n");
    }

    more(&mut out, brief.omitted.numbers, "quantities");
    out.push_str("</section>\n");

    out.push_str("<section id=\"entities\">\n<h2>Entities</h2>\n");
    if brief.entities.is_empty() {
        out.push_str("<p class=\"none\">None found.</p>\n");
    } else {
        out.push_str(
            "<div class=\"scroll\"><table>\n<thead><tr><th>Name</th><th>Kind</th>\
             <th>Also called</th><th>Sources</th><th>Mentions</th></tr></thead>\n<tbody>\n",
        );
        let shown = entities_shown(brief);
        for (k, e) in brief.entities.iter().enumerate() {
            let _ = writeln!(
                out,
                "<tr{}><td>{}</td><td>{}</td><td>{}</td><td>{}</td><td>{}</td></tr>",
                if k >= shown { " class=\"minor\"" } else { "" },
                escape(&e.name),
                kind_name(e.kind),
                escape(&e.aliases.join(", ")),
                anchors.cites(&e.sources, &[]),
                e.mentions
            );
        }
        out.push_str("</tbody>\n</table></div>\n");
    }
    more(&mut out, brief.omitted.entities, "entities");
    out.push_str("</section>\n");

    out.push_str("<section id=\"timeline\">\n<h2>Timeline</h2>\n");
    if brief.timeline.is_empty() {
        out.push_str("<p class=\"none\">None found.</p>\n");
    } else {
        out.push_str("<ol class=\"timeline\">\n");
        for t in &brief.timeline {
            let _ = writeln!(
                out,
                "<li><span class=\"date{}\">{}</span> {} {}</li>",
                if t.resolved { "" } else { " unresolved" },
                escape(&one_line(&t.date)),
                escape(&one_line(&t.text)),
                anchors.cites(&t.sources, &t.passages)
            );
        }
        out.push_str("</ol>\n");
    }
    more(&mut out, brief.omitted.timeline, "timeline entries");
    out.push_str("</section>\n</main>\n");

    out.push_str("<aside id=\"sources\">\n<h2>Sources</h2>\n");
    for s in &brief.sources {
        source_panel(&mut out, s, cluster);
    }
    let _ = write!(
        out,
        "</aside>\n</div>\n<script>{SCRIPT}</script>\n</body>\n</html>\n"
    );
    out
}

/// Maps passages to the ids of the sentence elements that contain them.
struct Anchors<'a> {
    cluster: &'a PreparedCluster,
}

impl Anchors<'_> {
    /// Id of the element to show for a passage: the sentence containing its start, else the
    /// source panel.
    fn id(&self, p: &Passage) -> String {
        let doc = p.source.wrapping_sub(1);
        let sentence = self.cluster.doc_sentences.get(doc).and_then(|range| {
            let sentences = &self.cluster.sentences[range.clone()];
            let k = sentences.partition_point(|s| s.span.end <= p.start);
            sentences
                .get(k)
                .filter(|s| s.span.start <= p.start && p.start < s.span.end)
        });
        match sentence {
            Some(s) => sentence_id(p.source, s.span.start),
            None => format!("src{}", p.source),
        }
    }

    /// Citation links, one per source, each to that source's first passage.
    fn cites(&self, sources: &[usize], passages: &[Passage]) -> String {
        let mut out = String::from("<span class=\"cites\">");
        for &n in sources {
            let passage = passages.iter().find(|p| p.source == n);
            let (href, title) = match passage {
                Some(p) => (self.id(p), one_line(&p.text)),
                None => (format!("src{n}"), format!("source {n}")),
            };
            let _ = write!(
                out,
                "<a class=\"cite\" href=\"#{href}\" title=\"{}\">{n}</a>",
                escape(&title)
            );
        }
        out.push_str("</span>");
        out
    }
}

fn sentence_id(source: usize, start: usize) -> String {
    format!("s{source}-{start}")
}

/// A source's header and its kept text, every sentence an addressable element.
fn source_panel(out: &mut String, s: &SourceEntry, cluster: &PreparedCluster) {
    let d = s.n - 1;
    let _ = writeln!(
        out,
        "<article class=\"source\" id=\"src{}\">\n<h3><span class=\"n\">{}</span> {}</h3>",
        s.n,
        s.n,
        escape(&one_line(s.title.as_deref().unwrap_or(&s.id)))
    );
    let mut meta: Vec<String> = [s.outlet.as_deref(), s.date.as_deref()]
        .into_iter()
        .flatten()
        .map(|m| escape(&one_line(m)))
        .collect();
    if let Some(n) = s.copy_of {
        meta.push(format!(
            "near copy of <a href=\"#src{n}\">[{n}]</a>, not counted as independent support"
        ));
    }
    if let Some(note) = &s.date_note {
        meta.push(format!("dates disagree: {}", escape(&one_line(note))));
    }
    if let Some(origin) = &s.origin {
        meta.push(format!("<code>{}</code>", escape(origin)));
    }
    meta.push(format!(
        "{} kept, {} removed",
        plural(s.words_kept, "word"),
        plural(s.lines_removed, "furniture line")
    ));
    let _ = writeln!(out, "<p class=\"meta\">{}</p>", meta.join(" · "));
    let (Some(doc), Some(cleaned), Some(range)) = (
        cluster.docs.get(d),
        cluster.cleaned.get(d),
        cluster.doc_sentences.get(d),
    ) else {
        out.push_str("</article>\n");
        return;
    };
    out.push_str("<div class=\"text\">\n");
    let sentences = &cluster.sentences[range.clone()];
    for (b, block) in cleaned.kept.iter().enumerate() {
        let tag = if block.kind == BlockKind::Heading {
            "h4"
        } else {
            "p"
        };
        let _ = write!(out, "<{tag}>");
        let mut pos = block.span.start;
        for sent in sentences.iter().filter(|x| x.block == b) {
            if sent.span.start < pos || sent.span.end > block.span.end {
                continue;
            }
            out.push_str(&escape(&doc.text[pos..sent.span.start]));
            let _ = write!(
                out,
                "<span class=\"sent\" id=\"{}\">{}</span>",
                sentence_id(s.n, sent.span.start),
                escape(&doc.text[sent.span.clone()])
            );
            pos = sent.span.end;
        }
        out.push_str(&escape(&doc.text[pos..block.span.end]));
        let _ = writeln!(out, "</{tag}>");
    }
    out.push_str(
        "</div>\n<p class=\"back\"><a href=\"#brief\">↑ back to the brief</a></p>\n</article>\n",
    );
}

/// Escape text for HTML element content and double- or single-quoted attribute values.
pub fn escape(s: &str) -> String {
    let mut out = String::with_capacity(s.len() + s.len() / 8);
    for c in s.chars() {
        match c {
            '&' => out.push_str("&amp;"),
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '"' => out.push_str("&quot;"),
            '\'' => out.push_str("&#39;"),
            _ => out.push(c),
        }
    }
    out
}

/// The "N more ... in `corroborate analyze --json`" paragraph under a capped section.
fn more(out: &mut String, n: usize, what: &str) {
    if let Some(line) = more_line(n, what) {
        let line = escape(&line).replace(
            "`corroborate analyze --json`",
            "<code>corroborate analyze --json</code>",
        );
        let _ = writeln!(out, "<p class=\"more\">{line}</p>");
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn policy_hash_matches_the_script() {
        use base64::Engine;
        use sha2::Digest;
        let digest = sha2::Sha256::digest(SCRIPT.as_bytes());
        let hash = base64::engine::general_purpose::STANDARD.encode(digest);
        assert_eq!(
            hash, SCRIPT_SHA256,
            "update SCRIPT_SHA256 after editing brief.js"
        );
    }

    #[test]
    fn escapes_every_markup_character() {
        assert_eq!(
            escape(r#"<a href="x" onclick='y'>&amp;</a>"#),
            "&lt;a href=&quot;x&quot; onclick=&#39;y&#39;&gt;&amp;amp;&lt;/a&gt;"
        );
    }
}
