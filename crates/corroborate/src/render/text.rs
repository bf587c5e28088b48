//! Plain text: the brief wrapped for a terminal, with hanging indents.

use super::markdown::{kind_name, plural};
use super::{
    cite_list, entities_shown, is_single_source, more_line, number_flag, one_line, quote_text,
    support_label, value_scope,
};
use crate::analyze::brief::Brief;
use std::fmt::Write;

/// Line width used by [`super::render`].
pub const DEFAULT_WIDTH: usize = 80;

/// Render the brief as plain text wrapped at `width` columns.
pub fn render(brief: &Brief, width: usize) -> String {
    let width = width.max(30);
    let total = brief.source_count();
    let mut out = String::new();
    out.push_str(&wrap(&one_line(&brief.title), width, "", ""));
    let _ = writeln!(
        out,
        "{} · summary by {} · [n] cites source n\n",
        plural(total, "source"),
        brief.method
    );

    heading(&mut out, "SUMMARY");
    if brief.summary.is_empty() {
        out.push_str("  No sentences to summarize.\n");
    }
    for item in &brief.summary {
        let mut label = support_label(item.support, total);
        if is_single_source(item.support, total) {
            label = label.to_uppercase();
        }
        let line = format!(
            "{} {} ({label})",
            one_line(&item.text),
            cite_list(&item.sources)
        );
        out.push_str(&wrap(&line, width, "  * ", "    "));
    }

    section(&mut out, "QUOTES", brief.quotes.is_empty());
    for q in &brief.quotes {
        let who = match &q.speaker {
            Some(s) => match &s.role {
                Some(role) => format!("{}, {}", s.name, role),
                None => s.name.clone(),
            },
            None => "speaker not named".to_string(),
        };
        let line = format!(
            "\"{}\" - {} {}",
            quote_text(&q.text),
            one_line(&who),
            cite_list(&q.sources)
        );
        out.push_str(&wrap(&line, width, "  * ", "    "));
    }

    more(&mut out, brief.omitted.quotes, "quotes");

    section(&mut out, "NUMBERS", brief.numbers.is_empty());
    for g in &brief.numbers {
        let values: Vec<String> = g
            .values
            .iter()
            .map(|v| {
                let scope = value_scope(v);
                let scope = if scope.is_empty() {
                    String::new()
                } else {
                    format!(" ({scope})")
                };
                format!("{}{scope} {}", one_line(&v.text), cite_list(&v.sources))
            })
            .collect();
        let flag = match number_flag(g) {
            Some(f) if g.disagree => format!(" ({})", f.to_uppercase()),
            Some(f) => format!(" ({f})"),
            None => String::new(),
        };
        let line = format!("{}: {}{flag}", one_line(&g.what), values.join(" vs "));
        out.push_str(&wrap(&line, width, "  * ", "    "));
    }

    more(&mut out, brief.omitted.numbers, "quantities");

    section(&mut out, "ENTITIES", brief.entities.is_empty());
    let shown = entities_shown(brief);
    for e in &brief.entities[..shown] {
        let aliases = if e.aliases.is_empty() {
            String::new()
        } else {
            format!(", also {}", e.aliases.join(", "))
        };
        let line = format!(
            "{} ({}{aliases}) {}, {}",
            e.name,
            kind_name(e.kind),
            cite_list(&e.sources),
            plural(e.mentions, "mention")
        );
        out.push_str(&wrap(&one_line(&line), width, "  * ", "    "));
    }

    more(&mut out, brief.omitted.entities, "entities");

    section(&mut out, "TIMELINE", brief.timeline.is_empty());
    for t in &brief.timeline {
        let line = format!(
            "{}: {} {}",
            one_line(&t.date),
            one_line(&t.text),
            cite_list(&t.sources)
        );
        out.push_str(&wrap(&line, width, "  * ", "    "));
    }

    more(&mut out, brief.omitted.timeline, "timeline entries");

    out.push('\n');
    heading(&mut out, "SOURCES");
    for s in &brief.sources {
        let title = one_line(s.title.as_deref().unwrap_or(&s.id));
        let mut line = title;
        for meta in [s.outlet.as_deref(), s.date.as_deref()]
            .into_iter()
            .flatten()
        {
            line.push_str(" · ");
            line.push_str(&one_line(meta));
        }
        let first = format!("  [{}] ", s.n);
        let indent = " ".repeat(first.len());
        out.push_str(&wrap(&line, width, &first, &indent));
        let mut detail = String::new();
        if let Some(n) = s.copy_of {
            let _ = write!(
                detail,
                "near copy of [{n}], not counted as independent support · "
            );
        }
        if let Some(note) = &s.date_note {
            let _ = write!(detail, "dates disagree: {} · ", one_line(note));
        }
        if let Some(origin) = &s.origin {
            detail.push_str(origin);
            detail.push_str(" · ");
        }
        let _ = write!(
            detail,
            "{} kept, {} removed",
            plural(s.words_kept, "word"),
            plural(s.lines_removed, "furniture line")
        );
        out.push_str(&wrap(&detail, width, &indent, &indent));
    }
    out
}

fn heading(out: &mut String, name: &str) {
    out.push_str(name);
    out.push('\n');
}

fn section(out: &mut String, name: &str, empty: bool) {
    out.push('\n');
    heading(out, name);
    if empty {
        out.push_str("  None found.\n");
    }
}

/// Wrap `line` at `width` with the given first-line and continuation indents, ending with a
/// line break. Long words (URLs) are left whole rather than broken.
fn wrap(line: &str, width: usize, first: &str, rest: &str) -> String {
    let options = textwrap::Options::new(width)
        .initial_indent(first)
        .subsequent_indent(rest)
        .break_words(false);
    let mut out = textwrap::wrap(line, options).join("\n");
    out.push('\n');
    out
}

/// The "(N more ... in `corroborate analyze --json`)" line under a capped section.
fn more(out: &mut String, n: usize, what: &str) {
    if let Some(line) = more_line(n, what) {
        let _ = writeln!(out, "  ({line})");
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn wrapping_keeps_indents_and_width() {
        let s = wrap(
            "one two three four five six seven eight nine ten eleven",
            20,
            "  * ",
            "    ",
        );
        for l in s.lines() {
            assert!(l.chars().count() <= 20, "{l:?}");
        }
        assert!(s.starts_with("  * one"));
        assert!(s.lines().skip(1).all(|l| l.starts_with("    ")));
    }
}
