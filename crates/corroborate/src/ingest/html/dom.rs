//! A small, forgiving element tree built from our [`tokenizer`](super::tokenizer).
//!
//! Not html5ever's tree builder: it scans the stack of open elements on many tags, which is
//! quadratic in nesting depth (measured: 30,000 nested `<div>` took 9.5 s to parse, and
//! dom_smoothie on top of it took 85 s for 10,000). This builder does O(1) work per token
//! (amortised), caps nesting depth, and never fails: garbage becomes text or is dropped.

pub use super::tokenizer::Name;
use super::tokenizer::{tokenize, RawKind, TokenSink};
use rustc_hash::FxHashMap;
use smallvec::SmallVec;

/// Deepest nesting kept; deeper elements are attached flat to the element at this depth.
const MAX_DEPTH: usize = 512;

/// Children of a node kept without a heap allocation: an element with one child element
/// between two runs of white space has three.
const CHILDREN_INLINE: usize = 3;

/// Index of a node in [`Dom::nodes`].
pub type NodeId = usize;

/// One element or text run.
#[derive(Debug)]
pub enum NodeData {
    /// An element with its lower-case tag name and attributes.
    Element {
        /// Lower-case tag name.
        name: Name,
        /// Attributes, names lower-case, in source order.
        attrs: Vec<(Name, String)>,
    },
    /// Character data (entities decoded).
    Text(String),
}

/// A node with its links.
#[derive(Debug)]
pub struct Node {
    /// What the node is.
    pub data: NodeData,
    /// Parent element (the root is its own parent).
    pub parent: NodeId,
    /// Children in document order (most elements have a few: those stay inline).
    pub children: SmallVec<[NodeId; CHILDREN_INLINE]>,
}

impl Node {
    /// The tag name, or `""` for text.
    pub fn name(&self) -> &str {
        match &self.data {
            NodeData::Element { name, .. } => name,
            NodeData::Text(_) => "",
        }
    }

    /// Value of an attribute.
    pub fn attr(&self, key: &str) -> Option<&str> {
        match &self.data {
            NodeData::Element { attrs, .. } => attrs
                .iter()
                .find(|(k, _)| k.as_str() == key)
                .map(|(_, v)| v.as_str()),
            NodeData::Text(_) => None,
        }
    }
}

/// The parsed page: node 0 is a synthetic root element.
#[derive(Debug)]
pub struct Dom {
    /// All nodes; parents come before their children.
    pub nodes: Vec<Node>,
}

impl Dom {
    /// Parse HTML text. Never fails.
    pub fn parse(html: &str) -> Dom {
        let mut state = BuildState::new();
        // About as many nodes as `<` (measured 1.1 per `<` on real pages): reserved at once
        // rather than grown by copying; capped so that `<` in a script cannot reserve much.
        let tags = memchr::memchr_iter(b'<', html.as_bytes()).count();
        state.nodes.reserve((tags + tags / 4).min(html.len() / 16));
        tokenize(html, &mut state);
        state.finish()
    }

    /// Concatenated text under a node (no separators), for metadata such as `<title>`.
    pub fn text_of(&self, id: NodeId) -> String {
        let mut out = String::new();
        let mut stack = vec![id];
        while let Some(n) = stack.pop() {
            match &self.nodes[n].data {
                NodeData::Text(t) => out.push_str(t),
                NodeData::Element { .. } => stack.extend(self.nodes[n].children.iter().rev()),
            }
        }
        out
    }

    /// Every node in document order (pre-order), without recursion.
    pub fn preorder(&self) -> impl Iterator<Item = NodeId> + '_ {
        let mut stack = vec![0];
        std::iter::from_fn(move || {
            let n = stack.pop()?;
            stack.extend(self.nodes[n].children.iter().rev());
            Some(n)
        })
    }
}

struct BuildState {
    nodes: Vec<Node>,
    /// Open elements, root first.
    open: Vec<NodeId>,
    /// How many elements of each name are open, so that a stray end tag costs O(1).
    open_count: FxHashMap<String, usize>,
}

fn is_void(name: &str) -> bool {
    matches!(
        name,
        "area"
            | "base"
            | "br"
            | "col"
            | "embed"
            | "hr"
            | "img"
            | "input"
            | "link"
            | "meta"
            | "param"
            | "source"
            | "track"
            | "wbr"
            | "keygen"
            | "frame"
    )
}

/// Start tags that implicitly close an open `<p>`.
fn closes_p(name: &str) -> bool {
    matches!(
        name,
        "p" | "div"
            | "ul"
            | "ol"
            | "dl"
            | "table"
            | "h1"
            | "h2"
            | "h3"
            | "h4"
            | "h5"
            | "h6"
            | "blockquote"
            | "section"
            | "article"
            | "aside"
            | "header"
            | "footer"
            | "nav"
            | "figure"
            | "form"
            | "pre"
            | "hr"
            | "main"
            | "address"
            | "fieldset"
    )
}

impl BuildState {
    fn new() -> Self {
        BuildState {
            nodes: vec![Node {
                data: NodeData::Element {
                    name: Name::new("#root"),
                    attrs: Vec::new(),
                },
                parent: 0,
                children: SmallVec::new(),
            }],
            open: vec![0],
            open_count: FxHashMap::default(),
        }
    }

    fn current(&self) -> NodeId {
        *self.open.last().expect("the root is never popped")
    }

    fn append(&mut self, data: NodeData) -> NodeId {
        let parent = self.current();
        let id = self.nodes.len();
        self.nodes.push(Node {
            data,
            parent,
            children: SmallVec::new(),
        });
        self.nodes[parent].children.push(id);
        id
    }

    fn text(&mut self, s: &str) {
        let parent = self.current();
        if let Some(&last) = self.nodes[parent].children.last() {
            if let NodeData::Text(t) = &mut self.nodes[last].data {
                t.push_str(s);
                return;
            }
        }
        self.append(NodeData::Text(s.to_string()));
    }

    fn pop(&mut self) {
        if self.open.len() <= 1 {
            return;
        }
        let id = self.open.pop().expect("checked above");
        let name = self.nodes[id].name();
        if let Some(c) = self.open_count.get_mut(name) {
            *c = c.saturating_sub(1);
        }
    }

    fn is_open(&self, name: &str) -> bool {
        self.open_count.get(name).is_some_and(|&c| c > 0)
    }

    /// Close elements up to and including the innermost open `name`.
    fn close(&mut self, name: &str) {
        if !self.is_open(name) {
            return;
        }
        while self.open.len() > 1 {
            let top = self.current();
            let done = self.nodes[top].name() == name;
            self.pop();
            if done {
                break;
            }
        }
    }

    fn top_is(&self, name: &str) -> bool {
        self.nodes[self.current()].name() == name
    }

    fn start(&mut self, name: &str, attrs: Vec<(Name, String)>, self_closing: bool) {
        // Old pages often never close <head>: body content implicitly ends it.
        if self.is_open("head") && !in_head(name) {
            self.close("head");
        }
        if closes_p(name) && self.top_is("p") {
            self.pop();
        }
        match name {
            "li" if self.top_is("li") => self.pop(),
            "dt" | "dd" if self.top_is("dt") || self.top_is("dd") => self.pop(),
            "td" | "th" if self.top_is("td") || self.top_is("th") => self.pop(),
            "tr" => {
                if self.top_is("td") || self.top_is("th") {
                    self.pop();
                }
                if self.top_is("tr") {
                    self.pop();
                }
            }
            "option" if self.top_is("option") => self.pop(),
            _ => {}
        }
        let void = is_void(name) || self_closing;
        let id = self.append(NodeData::Element {
            name: Name::new(name),
            attrs,
        });
        if !void && self.open.len() < MAX_DEPTH {
            self.open.push(id);
            match self.open_count.get_mut(name) {
                Some(c) => *c += 1,
                None => {
                    self.open_count.insert(name.to_string(), 1);
                }
            }
        }
    }

    fn finish(self) -> Dom {
        Dom { nodes: self.nodes }
    }
}

/// Elements that may stand in `<head>`.
fn in_head(name: &str) -> bool {
    matches!(
        name,
        "meta" | "link" | "title" | "style" | "script" | "base" | "noscript" | "template" | "head"
    )
}

fn raw_kind(name: &str) -> Option<RawKind> {
    match name {
        "script" => Some(RawKind::ScriptData),
        "style" | "xmp" | "iframe" | "noembed" | "noframes" | "noscript" => Some(RawKind::Rawtext),
        "title" | "textarea" => Some(RawKind::Rcdata),
        _ => None,
    }
}

impl TokenSink for BuildState {
    fn start_tag(
        &mut self,
        name: &str,
        attrs: Vec<(Name, String)>,
        self_closing: bool,
    ) -> Option<RawKind> {
        self.start(name, attrs, self_closing);
        raw_kind(name)
    }

    fn end_tag(&mut self, name: &str) {
        if name == "br" {
            // `</br>` is treated as `<br>` by browsers.
            self.start("br", Vec::new(), true);
        } else {
            self.close(name);
        }
    }

    fn text(&mut self, text: &str) {
        BuildState::text(self, text);
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn names(dom: &Dom) -> Vec<&str> {
        dom.preorder().map(|n| dom.nodes[n].name()).collect()
    }

    #[test]
    fn builds_nested_elements_and_decodes_entities() {
        let dom = Dom::parse("<div class=a><p>Fish &amp; chips<p>Two</div>");
        assert_eq!(names(&dom), ["#root", "div", "p", "", "p", ""]);
        assert_eq!(dom.text_of(0), "Fish & chipsTwo");
    }

    #[test]
    fn script_content_is_not_parsed_as_tags() {
        let dom = Dom::parse("<script>if (a < b) { x = '<p>'; }</script><p>Hi</p>");
        assert_eq!(names(&dom), ["#root", "script", "", "p", ""]);
    }

    #[test]
    fn stray_end_tags_are_ignored() {
        let dom = Dom::parse("</div></span><p>a</b>b</p>");
        assert_eq!(dom.text_of(0), "ab");
    }

    #[test]
    fn unclosed_head_ends_at_body_content() {
        let dom = Dom::parse("<html><head><title>T</title><body><p>Story</p></html>");
        let p = dom
            .preorder()
            .find(|&n| dom.nodes[n].name() == "p")
            .expect("p");
        let mut n = p;
        while n != 0 {
            assert_ne!(dom.nodes[n].name(), "head");
            n = dom.nodes[n].parent;
        }
    }

    #[test]
    fn deep_nesting_is_capped() {
        let html = "<div>".repeat(5000) + "deep";
        let dom = Dom::parse(&html);
        assert_eq!(dom.text_of(0), "deep");
        let mut depth = 0;
        let mut n = dom.nodes.len() - 1;
        while n != 0 {
            n = dom.nodes[n].parent;
            depth += 1;
        }
        assert!(depth <= MAX_DEPTH + 1, "depth {depth}");
    }
}
