//! Markdown: the default format, for reading in a terminal and pasting into reports.

use super::{
    cite_list, entities_shown, is_single_source, more_line, number_flag, one_line, quote_text,
    support_label, value_scope,
};
use crate::analyze::brief::{Brief, SourceEntry};
use crate::analyze::EntityKind;
use std::fmt::Write;

/// Render the brief as Markdown. Article text is escaped so that it cannot change the
/// document's structure (no stray emphasis, links, HTML or table cells).
pub fn render(brief: &Brief) -> String {
    let total = brief.source_count();
    let mut out = String::new();
    let _ = writeln!(out, "# {}\n", escape(&brief.title));
    let _ = writeln!(
        out,
        "{} · summary by `{}` · [n] cites source n (list at the end)\n",
        plural(total, "source"),
        brief.method
    );

    out.push_str("## Summary\n\n");
    if brief.summary.is_empty() {
        out.push_str("_No sentences to summarize._\n");
    }
    for item in &brief.summary {
        let label = support_label(item.support, total);
        let label = if is_single_source(item.support, total) {
            format!("**{label}**")
        } else {
            label
        };
        let _ = writeln!(
            out,
            "- {} {} · {}",
            escape(&one_line(&item.text)),
            cite_list(&item.sources),
            label
        );
    }

    out.push_str("\n## Quotes\n\n");
    if brief.quotes.is_empty() {
        out.push_str("_None found._\n");
    }
    for q in &brief.quotes {
        let speaker = match &q.speaker {
            Some(s) => match &s.role {
                Some(role) => format!(" — {}, {}", escape(&s.name), escape(role)),
                None => format!(" — {}", escape(&s.name)),
            },
            None => " — speaker not named".to_string(),
        };
        let _ = writeln!(
            out,
            "- “{}”{} {}",
            escape(&quote_text(&q.text)),
            speaker,
            cite_list(&q.sources)
        );
    }

    more(&mut out, brief.omitted.quotes, "quotes");

    out.push_str("\n## Numbers\n\n");
    if brief.numbers.is_empty() {
        out.push_str("_None found._\n");
    }
    for g in &brief.numbers {
        let values: Vec<String> = g
            .values
            .iter()
            .map(|v| {
                let scope = value_scope(v);
                let scope = if scope.is_empty() {
                    String::new()
                } else {
                    format!(" ({})", escape(&scope))
                };
                format!(
                    "{}{scope} {}",
                    escape(&one_line(&v.text)),
                    cite_list(&v.sources)
                )
            })
            .collect();
        let flag = match number_flag(g) {
            Some(f) if g.disagree => format!(" · **{f}**"),
            Some(f) => format!(" · {f}"),
            None => String::new(),
        };
        let _ = writeln!(
            out,
            "- **{}**: {}{}",
            escape(&one_line(&g.what)),
            values.join(" vs "),
            flag
        );
    }

    more(&mut out, brief.omitted.numbers, "quantities");

    out.push_str("\n## Entities\n\n");
    if brief.entities.is_empty() {
        out.push_str("_None found._\n");
    } else {
        out.push_str("| Name | Kind | Also called | Sources | Mentions |\n|---|---|---|---|---|\n");
        let shown = entities_shown(brief);
        for e in &brief.entities[..shown] {
            let _ = writeln!(
                out,
                "| {} | {} | {} | {} | {} |",
                escape(&e.name),
                kind_name(e.kind),
                escape(&e.aliases.join(", ")),
                cite_list(&e.sources),
                e.mentions
            );
        }
    }

    more(&mut out, brief.omitted.entities, "entities");

    out.push_str("\n## Timeline\n\n");
    if brief.timeline.is_empty() {
        out.push_str("_None found._\n");
    }
    for t in &brief.timeline {
        let date = if t.resolved {
            format!("**{}**", escape(&t.date))
        } else {
            format!("_{}_", escape(&t.date))
        };
        let _ = writeln!(
            out,
            "- {}: {} {}",
            date,
            escape(&one_line(&t.text)),
            cite_list(&t.sources)
        );
    }

    more(&mut out, brief.omitted.timeline, "timeline entries");

    out.push_str("\n## Sources\n\n");
    for s in &brief.sources {
        let _ = writeln!(out, "{}. {}", s.n, source_line(s));
    }
    out
}

/// The "N more ... in `corroborate analyze --json`" line under a capped section.
fn more(out: &mut String, n: usize, what: &str) {
    if let Some(line) = more_line(n, what) {
        let _ = writeln!(out, "\n_{line}._");
    }
}

fn source_line(s: &SourceEntry) -> String {
    let mut parts = vec![format!(
        "**{}**",
        escape(&one_line(s.title.as_deref().unwrap_or(&s.id)))
    )];
    let meta: Vec<String> = [s.outlet.as_deref(), s.date.as_deref()]
        .into_iter()
        .flatten()
        .map(escape)
        .collect();
    if !meta.is_empty() {
        parts.push(meta.join(", "));
    }
    if let Some(n) = s.copy_of {
        parts.push(format!("near copy of [{n}], not counted as independent support"));
    }
    if let Some(note) = &s.date_note {
        parts.push(format!("dates disagree: {}", escape(note)));
    }
    if let Some(origin) = &s.origin {
        parts.push(format!("`{}`", origin.replace('`', "'")));
    }
    parts.push(format!(
        "{} kept, {} removed",
        plural(s.words_kept, "word"),
        plural(s.lines_removed, "furniture line")
    ));
    parts.join(" · ")
}

/// "1 source", "5 sources".
pub(crate) fn plural(n: usize, what: &str) -> String {
    if n == 1 {
        format!("1 {what}")
    } else {
        format!("{n} {what}s")
    }
}

/// Lowercase name of an entity kind.
pub(crate) fn kind_name(kind: EntityKind) -> &'static str {
    match kind {
        EntityKind::Person => "person",
        EntityKind::Organization => "organization",
        EntityKind::Place => "place",
        EntityKind::Other => "other",
    }
}

/// Backslash-escape the characters that Markdown (CommonMark and GFM tables) would read as
/// markup inside a line.
pub fn escape(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    for c in s.chars() {
        if matches!(
            c,
            '\\' | '`' | '*' | '_' | '[' | ']' | '<' | '>' | '|' | '#' | '~'
        ) {
            out.push('\\');
        }
        out.push(c);
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn markup_in_article_text_is_escaped() {
        assert_eq!(
            escape("a *b* [c](d) <e> |f| _g_"),
            r"a \*b\* \[c\](d) \<e\> \|f\| \_g\_"
        );
    }
}
