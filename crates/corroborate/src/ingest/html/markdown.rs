//! The story text of an HTML page as Markdown: each kept paragraph of the story is found
//! among the page's text blocks (in order) and written by what its element is: `#` headings,
//! `-` and `1.` list items, `|` table rows, `>` quotes, plain paragraphs otherwise.
//!
//! It reads what extraction and cleaning kept rather than choosing text itself, so the
//! Markdown holds exactly the words of `corroborate clean`'s text output.

use super::dom::{Dom, NodeData, NodeId};
use std::collections::HashMap;

/// What element a block of text stands in.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Kind {
    Paragraph,
    /// `<h1>` ... `<h6>`: the level.
    Heading(usize),
    /// `<li>`: ordered or not, and the nesting depth of lists around it (1 = top).
    Item {
        ordered: bool,
        depth: usize,
    },
    /// `<td>`/`<th>`: the row element and whether it is a header cell.
    Cell {
        row: NodeId,
        header: bool,
    },
    Quote,
}

/// Every run of text between block boundaries, whitespace collapsed, with its kind.
fn blocks(dom: &Dom) -> Vec<(Kind, String)> {
    let mut out: Vec<(Kind, String)> = Vec::new();
    let mut current = String::new();
    let mut kind = Kind::Paragraph;
    enum Step {
        Enter(NodeId, Kind, usize),
        Leave(bool),
    }
    let mut stack = vec![Step::Enter(0, Kind::Paragraph, 0)];
    let flush = |current: &mut String, kind: Kind, out: &mut Vec<(Kind, String)>| {
        let t = current.split_whitespace().collect::<Vec<_>>().join(" ");
        if !t.is_empty() {
            out.push((kind, t));
        }
        current.clear();
    };
    while let Some(step) = stack.pop() {
        match step {
            Step::Leave(block) => {
                if block {
                    flush(&mut current, kind, &mut out);
                }
            }
            Step::Enter(id, inherited, lists) => match &dom.nodes[id].data {
                NodeData::Text(t) => {
                    if current.trim().is_empty() {
                        // A run takes the kind of the innermost block it starts in.
                        kind = inherited;
                    }
                    current.push_str(t);
                    current.push(' ');
                }
                NodeData::Element { name, .. } => {
                    let name = name.as_str();
                    if matches!(
                        name,
                        "script" | "style" | "noscript" | "template" | "head" | "title" | "svg"
                    ) {
                        continue;
                    }
                    let (mut inner, mut lists) = (inherited, lists);
                    let block = match name {
                        "h1" | "h2" | "h3" | "h4" | "h5" | "h6" => {
                            inner = Kind::Heading(usize::from(name.as_bytes()[1] - b'0'));
                            true
                        }
                        "ul" | "ol" => {
                            lists += 1;
                            true
                        }
                        "li" => {
                            let ordered = nearest_list(dom, id) == "ol";
                            inner = Kind::Item {
                                ordered,
                                depth: lists.max(1),
                            };
                            true
                        }
                        "td" | "th" => {
                            inner = Kind::Cell {
                                row: dom.nodes[id].parent,
                                header: name == "th",
                            };
                            true
                        }
                        "blockquote" => {
                            inner = Kind::Quote;
                            true
                        }
                        "p" | "div" | "section" | "article" | "main" | "dl" | "dt" | "dd"
                        | "pre" | "table" | "tr" | "br" | "hr" | "center" | "address"
                        | "figure" | "figcaption" | "header" | "footer" | "nav" | "aside" => true,
                        _ => false,
                    };
                    if block {
                        flush(&mut current, kind, &mut out);
                    }
                    stack.push(Step::Leave(block));
                    for &c in dom.nodes[id].children.iter().rev() {
                        stack.push(Step::Enter(c, inner, lists));
                    }
                }
            },
        }
    }
    flush(&mut current, kind, &mut out);
    out
}

fn nearest_list(dom: &Dom, mut id: NodeId) -> &str {
    while id != 0 {
        id = dom.nodes[id].parent;
        let name = dom.nodes[id].name();
        if name == "ul" || name == "ol" {
            return name;
        }
    }
    "ul"
}

/// Markdown of `text` (the kept story, paragraphs separated by blank lines) from the page it
/// came from. A paragraph not found among the page's blocks stays a plain paragraph.
pub fn story_markdown(html: &str, text: &str) -> String {
    let dom = Dom::parse(html);
    let page = blocks(&dom);
    let mut at: HashMap<&str, Vec<usize>> = HashMap::new();
    for (i, (_, t)) in page.iter().enumerate() {
        at.entry(t.as_str()).or_default().push(i);
    }
    let mut next = 0usize;
    let mut kinds = Vec::new();
    for para in text.split("\n\n").filter(|p| !p.trim().is_empty()) {
        let key = para.split_whitespace().collect::<Vec<_>>().join(" ");
        let found = at.get(key.as_str()).and_then(|v| {
            let k = v.partition_point(|&i| i < next);
            v.get(k).copied()
        });
        let kind = match found {
            Some(i) => {
                next = i + 1;
                page[i].0
            }
            None => Kind::Paragraph,
        };
        kinds.push((kind, key));
    }
    render(&kinds)
}

fn render(blocks: &[(Kind, String)]) -> String {
    let mut out = String::new();
    let mut i = 0;
    let mut number = 0usize;
    while i < blocks.len() {
        let (kind, text) = &blocks[i];
        let prev = i.checked_sub(1).map(|j| blocks[j].0);
        match *kind {
            Kind::Item { ordered, depth } => {
                let same_list = matches!(prev, Some(Kind::Item { .. }));
                if !same_list {
                    number = 0;
                    if !out.is_empty() {
                        out.push('\n');
                    }
                }
                number += 1;
                out.push_str(&"  ".repeat(depth - 1));
                if ordered {
                    out.push_str(&format!("{number}. "));
                } else {
                    out.push_str("- ");
                }
                out.push_str(text);
                out.push('\n');
                i += 1;
            }
            Kind::Cell { .. } => {
                // A run of cells: one Markdown row per table row.
                let mut rows: Vec<(Vec<&str>, bool)> = Vec::new();
                let mut last_row = None;
                while let Some((Kind::Cell { row, header }, t)) = blocks.get(i) {
                    if last_row != Some(*row) {
                        rows.push((Vec::new(), true));
                        last_row = Some(*row);
                    }
                    let r = rows.last_mut().expect("pushed above");
                    r.0.push(t);
                    r.1 &= *header;
                    i += 1;
                }
                if !out.is_empty() {
                    out.push('\n');
                }
                let width = rows.iter().map(|r| r.0.len()).max().unwrap_or(1);
                for (n, (cells, _)) in rows.iter().enumerate() {
                    out.push('|');
                    for c in 0..width {
                        let cell = cells.get(c).copied().unwrap_or("").replace('|', "\\|");
                        out.push_str(&format!(" {cell} |"));
                    }
                    out.push('\n');
                    if n == 0 {
                        out.push('|');
                        out.push_str(&" --- |".repeat(width));
                        out.push('\n');
                    }
                }
            }
            Kind::Heading(level) => {
                block_gap(&mut out);
                out.push_str(&"#".repeat(level));
                out.push(' ');
                out.push_str(text);
                out.push('\n');
                i += 1;
            }
            Kind::Quote => {
                block_gap(&mut out);
                out.push_str("> ");
                out.push_str(text);
                out.push('\n');
                i += 1;
            }
            Kind::Paragraph => {
                block_gap(&mut out);
                out.push_str(text);
                out.push('\n');
                i += 1;
            }
        }
    }
    out
}

/// A blank line before a new block (none at the start).
fn block_gap(out: &mut String) {
    if !out.is_empty() && !out.ends_with("\n\n") {
        out.push('\n');
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn headings_lists_tables_and_quotes() {
        let html = "<article><h1>Ferry times</h1><p>The ferry runs twice a day.</p>\
            <h2>Stops</h2><ol><li>North pier</li><li>Island dock</li></ol>\
            <ul><li>Bikes free<ul><li>Dogs on leads</li></ul></li></ul>\
            <table><tr><th>Day</th><th>Leaves</th></tr><tr><td>Mon</td><td>07:10</td></tr></table>\
            <blockquote>Book ahead in summer.</blockquote></article>";
        let text = "Ferry times\n\nThe ferry runs twice a day.\n\nStops\n\nNorth pier\n\n\
            Island dock\n\nBikes free\n\nDogs on leads\n\nDay\n\nLeaves\n\nMon\n\n07:10\n\n\
            Book ahead in summer.";
        assert_eq!(
            story_markdown(html, text),
            "# Ferry times\n\nThe ferry runs twice a day.\n\n## Stops\n\n1. North pier\n\
             2. Island dock\n- Bikes free\n  - Dogs on leads\n\n| Day | Leaves |\n| --- | --- |\n\
             | Mon | 07:10 |\n\n> Book ahead in summer.\n"
        );
    }

    #[test]
    fn paragraphs_not_on_the_page_stay_plain() {
        assert_eq!(
            story_markdown("<p>Other</p>", "A line.\n\nAnother line."),
            "A line.\n\nAnother line.\n"
        );
    }
}
