//! Render: a [`Brief`] as plain text, Markdown, JSON or one self-contained HTML page.
//!
//! Citations are source numbers in brackets (`[2]`), matching the numbered list of sources at
//! the end of every format. Text and Markdown are for the terminal and for pasting into
//! reports; JSON is for programs (see `docs/brief-json.md`); HTML embeds the source texts so a
//! click on a citation shows the cited sentence in its source.

mod cleaning;
mod summary;
internal_mod! {
    html;
    json;
    markdown;
    text;
}

pub(crate) use cleaning::{cleaned_markdown, cleaning_json, removal_lines};
pub(crate) use summary::render_summary;
pub use summary::SummaryFormat;

use crate::analyze::brief::{Brief, NumberItem, ValueItem};
use serde::{Deserialize, Serialize};

/// An output format of the brief.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum Format {
    /// Markdown (the default).
    Markdown,
    /// Plain text, wrapped for a terminal.
    Text,
    /// One JSON object.
    Json,
    /// One self-contained HTML page.
    Html,
}

impl Format {
    /// Every format, in the order help lists them.
    pub const ALL: &'static [Format] =
        &[Format::Markdown, Format::Text, Format::Json, Format::Html];

    /// The format's name on the command line.
    pub fn name(self) -> &'static str {
        match self {
            Format::Markdown => "md",
            Format::Text => "text",
            Format::Json => "json",
            Format::Html => "html",
        }
    }

    /// Look a format up by name (`markdown` is accepted for `md`).
    pub fn from_name(name: &str) -> Option<Format> {
        if name == "markdown" {
            return Some(Format::Markdown);
        }
        Format::ALL.iter().copied().find(|f| f.name() == name)
    }
}

internal_use!(any_format::render);

/// The one dispatch over brief formats (`Corroborate::render` calls it).
mod any_format {
    use super::{html, json, markdown, text, Format};
    use crate::analyze::brief::Brief;
    use crate::prepared::PreparedCluster;

    /// Render `brief` (built from `cluster`) in `format`. Only HTML reads the cluster, for the
    /// source texts it embeds.
    pub fn render(format: Format, brief: &Brief, cluster: &PreparedCluster) -> String {
        match format {
            Format::Markdown => markdown::render(brief),
            Format::Text => text::render(brief, text::DEFAULT_WIDTH),
            Format::Json => json::render(brief, true),
            Format::Html => html::render(brief, cluster),
        }
    }
}

/// How many sources report something, in words: "3 of 5 sources", "all 5 sources",
/// "single source" (only when there is more than one source).
pub(crate) fn support_label(support: usize, total: usize) -> String {
    match (support, total) {
        (_, 0 | 1) => "1 source".to_string(),
        (1, _) => "single source".to_string(),
        (s, t) if s >= t => format!("all {t} sources"),
        (s, t) => format!("{s} of {t} sources"),
    }
}

/// Whether a finding is reported by one source only, out of several.
pub(crate) fn is_single_source(support: usize, total: usize) -> bool {
    support == 1 && total > 1
}

/// Citations in brackets: `[1][3]`.
pub(crate) fn cite_list(sources: &[usize]) -> String {
    sources.iter().map(|n| format!("[{n}]")).collect()
}

/// How many entities the text, Markdown and HTML formats list: all the brief holds (it
/// keeps those named by more than one source or more than once, most widely reported first).
pub(crate) fn entities_shown(brief: &Brief) -> usize {
    brief.entities.len()
}

/// The line under a capped section: "5 more quotes in `corroborate analyze --json`", or
/// `None` when nothing was left out. `what` is the plural noun.
pub(crate) fn more_line(n: usize, what: &str) -> Option<String> {
    (n > 0).then(|| format!("{n} more {what} in `corroborate analyze --json`"))
}

/// A value's scope for display: "IRC", "since January", "IRC, since January", or empty.
pub(crate) fn value_scope(v: &ValueItem) -> String {
    [v.by.as_deref(), v.when.as_deref()]
        .into_iter()
        .flatten()
        .map(one_line)
        .collect::<Vec<_>>()
        .join(", ")
}

/// What a quantity's values say together, for display: "sources disagree", "[3] gives
/// different values", "different sources of the figure", or `None` when they agree.
pub(crate) fn number_flag(g: &NumberItem) -> Option<String> {
    if g.disagree {
        let inside = cite_list(&g.within_source);
        let across = g.values.iter().any(|v| {
            g.values.iter().any(|w| {
                v.sources.iter().any(|s| !w.sources.contains(s))
                    && w.sources.iter().any(|s| !v.sources.contains(s))
            })
        });
        return Some(match (g.within_source.is_empty(), across) {
            (true, _) => "sources disagree".to_string(),
            (false, false) => format!("{inside} gives different values"),
            (false, true) => format!("sources disagree; {inside} gives different values"),
        });
    }
    if g.scoped {
        let by: std::collections::BTreeSet<&Option<String>> =
            g.values.iter().map(|v| &v.by).collect();
        return Some(if by.len() > 1 {
            "different sources of the figure".to_string()
        } else {
            "different time windows".to_string()
        });
    }
    None
}

/// Quoted words for display: on one line, without the comma or colon that led back into the
/// reporting clause ("... safe," Varga said).
pub(crate) fn quote_text(s: &str) -> String {
    one_line(s)
        .trim_end_matches([',', ';', ':'])
        .trim_end()
        .to_string()
}

/// Collapse runs of white space (line breaks included) to single spaces.
pub(crate) fn one_line(s: &str) -> String {
    s.split_whitespace().collect::<Vec<_>>().join(" ")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn support_labels() {
        assert_eq!(support_label(1, 1), "1 source");
        assert_eq!(support_label(1, 5), "single source");
        assert_eq!(support_label(3, 5), "3 of 5 sources");
        assert_eq!(support_label(5, 5), "all 5 sources");
        assert!(is_single_source(1, 2));
        assert!(!is_single_source(1, 1));
    }

    #[test]
    fn formats_round_trip_by_name() {
        for f in Format::ALL {
            assert_eq!(Format::from_name(f.name()), Some(*f));
        }
        assert_eq!(Format::from_name("markdown"), Some(Format::Markdown));
        assert_eq!(Format::from_name("pdf"), None);
    }

    #[test]
    fn citations_and_lines() {
        assert_eq!(cite_list(&[1, 3]), "[1][3]");
        assert_eq!(one_line(" a\n b  c "), "a b c");
        assert_eq!(quote_text("We will not reopen,"), "We will not reopen");
    }
}
