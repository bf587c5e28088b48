//! Main-text extraction: split the page into text blocks, score the elements that hold them
//! (text length, commas, link density, class/id hints), keep the best element and its
//! text-bearing siblings, and drop furniture blocks inside it.
//!
//! Our own block scorer rather than a readability crate: dom_smoothie (the maintained
//! readability.js port) scored F1 0.908 on our test pages against trafilatura's 0.915 but took
//! 85 s on 10,000 nested `<div>`s; see `tests/ingest_html.rs` and the branch report.

use super::dom::{Dom, NodeData, NodeId};
use crate::clean::line_features::{is_cjk, is_unspaced, word_units};
use rustc_hash::FxHashMap;

/// Elements whose whole subtree is never story text.
fn is_skipped_tag(name: &str) -> bool {
    matches!(
        name,
        "script"
            | "style"
            | "noscript"
            | "template"
            | "svg"
            | "math"
            | "iframe"
            | "object"
            | "embed"
            | "canvas"
            | "video"
            | "audio"
            | "map"
            | "head"
            | "title"
            | "button"
            | "input"
            | "select"
            | "textarea"
            | "label"
            | "figure"
            | "figcaption"
            | "picture"
            | "dialog"
            | "menu"
            | "amp-sidebar"
            | "amp-ad"
            | "amp-social-share"
            | "amp-img"
    )
}

/// Elements that start a new block of text.
fn is_block_tag(name: &str) -> bool {
    matches!(
        name,
        "#root"
            | "html"
            | "body"
            | "p"
            | "div"
            | "section"
            | "article"
            | "main"
            | "h1"
            | "h2"
            | "h3"
            | "h4"
            | "h5"
            | "h6"
            | "ul"
            | "ol"
            | "li"
            | "dl"
            | "dt"
            | "dd"
            | "blockquote"
            | "pre"
            | "table"
            | "thead"
            | "tbody"
            | "tfoot"
            | "tr"
            | "td"
            | "th"
            | "caption"
            | "center"
            | "address"
            | "fieldset"
            | "details"
            | "summary"
            | "hr"
            | "br"
            | "hgroup"
    )
}

fn is_heading(name: &str) -> bool {
    matches!(name, "h1" | "h2" | "h3" | "h4" | "h5" | "h6")
}

/// Substrings of class/id tokens that always mark furniture: comments, sharing, consent
/// banners, navigation and teasers of other stories.
const STRONG_NEGATIVE: &[&str] = &[
    "share",
    "social",
    "related",
    "cookie",
    "consent",
    "gdpr",
    "newsletter",
    "footer",
    "navigation",
    "navbar",
    "menu",
    "breadcrumb",
    "most-read",
    "mostread",
    "most-popular",
    "trending",
    "read-more",
    "readmore",
    "read-next",
    "read-also",
    "recommend",
    "skip-link",
    "screen-reader",
    "sr-only",
    "visually-hidden",
    "pagination",
];

/// Substrings of class/id/itemprop tokens that mark readers' comments: furniture on an
/// article, the content itself on a thread page.
const COMMENT: &[&str] = &[
    "comment",
    "kommentar",
    "komentar",
    "comentario",
    "commentaire",
    "reactie",
    "disqus",
];

/// Substrings of class/id tokens that mark furniture only on small parts of the page: sites
/// also put them on wrappers of the whole story (`overflow-hidden`, `subscriber-only`).
const WEAK_NEGATIVE: &[&str] = &[
    "promo",
    "sidebar",
    "footnote",
    "byline",
    "author",
    "caption",
    "credit",
    "widget",
    "subscri",
    "paywall",
    "popup",
    "modal",
    "overlay",
    "advert",
    "ad-slot",
    "ad-label",
    "adslot",
    "sponsor",
    "banner",
    "ticker",
    "masthead",
    "pullquote",
    "pull-quote",
    "tags",
    "hidden",
    "print-only",
    "toolbar",
    "timestamp",
];

/// Substrings of class/id/itemprop tokens that mark the story body.
const POSITIVE: &[&str] = &[
    "articlebody",
    "article-body",
    "article_body",
    "article-content",
    "article_content",
    "articlecontent",
    "entry-content",
    "post-content",
    "post-body",
    "postbody",
    "story-body",
    "storybody",
    "story-content",
    "body-text",
    "content-body",
    "main-content",
    "article-text",
    "text-block",
    "richtext",
];

/// Longest text (bytes) an `<a>` may hold and still count as a link (measured on html/ dev:
/// off 0.8394, 1000 0.8412).
const MAX_LINK_CHARS: usize = 1000;
/// The story region grows to the nearest ancestor holding this many times its good text (the
/// posts of a thread, the sections of a landing page) with few links. Measured on html/ dev:
/// parent only 0.8553; any ancestor with ratio 1.3 0.8723, 1.6 0.8737, 2.0 0.8713; not past
/// a page's only `<article>` 0.8751.
const CLIMB_GOOD_RATIO: f64 = 1.6;
/// Largest link density of a parent the region grows into.
const CLIMB_MAX_LINK_DENSITY: f64 = 0.3;
/// A competing region outside the best one replaces it when its best element scores at least
/// this share of the best score ...
const ALT_MIN_SCORE_SHARE: f64 = 0.3;
/// ... and its region holds this many times the prose characters (and as many paragraphs).
/// Measured on html/ dev: ratio 1.5 and 2.0 0.9230 (two pages change, both up), 3.0 0.9206
/// (none); score share 0.2, 0.3 and 0.5 the same.
const ALT_MASS_RATIO: f64 = 2.0;

/// Share of the page's text above which a strong furniture hint is taken for a mislabelled
/// wrapper ("has-mega-menu" on a page wrapper, a story inside an unclosed `<footer>`).
const STRONG_HINT_MAX_SHARE: f64 = 0.5;
/// The same for weak hints.
const WEAK_HINT_MAX_SHARE: f64 = 0.3;

/// What an element's class, id and tag say about it.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Hint {
    /// Story body.
    Story,
    /// Furniture wherever it is, by its tag (`nav`, `aside`, `footer`).
    FurnitureTag,
    /// Furniture wherever it is, by its class, id or role.
    Furniture,
    /// Furniture when it holds only a small part of the page's text.
    SmallFurniture,
    /// Readers' comments on an article (furniture, by its class, id or itemprop).
    Comment,
    /// Nothing either way.
    Neutral,
}

/// Which hint lists a class/id token matched.
#[derive(Default, Clone, Copy)]
struct TokenHints {
    story: bool,
    strong: bool,
    comment: bool,
    weak: bool,
}

/// One automaton over every hint substring (and "commentary"), ASCII case-insensitive: a
/// token is scanned once instead of once per substring (the substring loop was a seventh of
/// the extraction time on html/).
fn hint_automaton() -> &'static (aho_corasick::AhoCorasick, [usize; 4]) {
    static AUTOMATON: std::sync::OnceLock<(aho_corasick::AhoCorasick, [usize; 4])> =
        std::sync::OnceLock::new();
    AUTOMATON.get_or_init(|| {
        let patterns: Vec<&str> = POSITIVE
            .iter()
            .chain(STRONG_NEGATIVE)
            .chain(COMMENT)
            .chain(WEAK_NEGATIVE)
            .chain(&["commentary"])
            .copied()
            .collect();
        let ac = aho_corasick::AhoCorasick::builder()
            .ascii_case_insensitive(true)
            .build(&patterns)
            .expect("a few short literal patterns always build");
        let strong = POSITIVE.len();
        let comment = strong + STRONG_NEGATIVE.len();
        let weak = comment + COMMENT.len();
        let commentary = weak + WEAK_NEGATIVE.len();
        (ac, [strong, comment, weak, commentary])
    })
}

/// Hints of attribute values already read on the page (pages repeat their class names).
type HintCache<'a> = FxHashMap<&'a str, TokenHints>;

/// What the class, id, itemprop, role and data-component tokens of an element say.
fn token_hints<'a>(dom: &'a Dom, id: NodeId, cache: &mut HintCache<'a>) -> TokenHints {
    let mut out = TokenHints::default();
    let NodeData::Element { attrs, .. } = &dom.nodes[id].data else {
        return out;
    };
    // One walk over the attributes (their names are unique).
    for (key, v) in attrs {
        if !matches!(
            key.as_str(),
            "class" | "id" | "itemprop" | "role" | "data-component"
        ) {
            continue;
        }
        let h = *cache.entry(v).or_insert_with(|| value_hints(v));
        out.story |= h.story;
        out.strong |= h.strong;
        out.comment |= h.comment;
        out.weak |= h.weak;
    }
    out
}

/// What the tokens of one attribute value say.
fn value_hints(v: &str) -> TokenHints {
    let (ac, [strong_at, comment_at, weak_at, commentary_at]) = hint_automaton();
    let mut out = TokenHints::default();
    for t in v.split_whitespace() {
        // Layout classes of page builders and of pages with a sidebar name no part of the page.
        if is_layout_token(t) {
            continue;
        }
        let (mut story, mut strong, mut comment, mut weak, mut commentary) =
            (false, false, false, false, false);
        for m in ac.find_overlapping_iter(t) {
            let p = m.pattern().as_usize();
            if p < *strong_at {
                story = true;
            } else if p < *comment_at {
                strong = true;
            } else if p < *weak_at {
                comment = true;
            } else if p < *commentary_at {
                weak = true;
            } else {
                commentary = true;
            }
        }
        let is = |s: &str| t.eq_ignore_ascii_case(s);
        let ends = |s: &str| {
            t.len() >= s.len()
                && t.is_char_boundary(t.len() - s.len())
                && t[t.len() - s.len()..].eq_ignore_ascii_case(s)
        };
        let starts = |s: &str| {
            t.len() >= s.len()
                && t.is_char_boundary(s.len())
                && t[..s.len()].eq_ignore_ascii_case(s)
        };
        out.story |= story;
        // "commentary" is an opinion piece, not a comment section.
        out.strong |= strong || is("nav") || ends("-nav");
        out.comment |= comment && !commentary;
        out.weak |= weak
            || is("meta")
            || ends("-meta")
            || starts("meta-")
            || is("ad")
            || starts("ad-")
            || is("ads");
    }
    out
}

/// `thread`: the page is a discussion, whose comments are its content.
fn hint<'a>(dom: &'a Dom, id: NodeId, thread: bool, cache: &mut HintCache<'a>) -> Hint {
    if matches!(dom.nodes[id].data, NodeData::Text(_)) {
        return Hint::Neutral;
    }
    let name = dom.nodes[id].name();
    // Sites put state and theme classes on the page wrappers ("mega-menu-primary").
    if matches!(name, "html" | "body" | "#root") {
        return Hint::Neutral;
    }
    if matches!(name, "nav" | "aside" | "footer") {
        return Hint::FurnitureTag;
    }
    let tokens = token_hints(dom, id, cache);
    if tokens.story {
        return Hint::Story;
    }
    if tokens.strong {
        return Hint::Furniture;
    }
    if tokens.comment && !thread {
        return Hint::Comment;
    }
    // ASP.NET sites wrap the whole page in a <form>; hidden wrappers are common too.
    if tokens.weak || matches!(name, "form" | "header") || is_hidden(dom, id) {
        // A collapsed accordion or tab panel holds content the reader opens: its hidden state
        // and its `...--hidden` class say nothing about its text.
        if is_collapsible(dom, id) {
            return Hint::Neutral;
        }
        Hint::SmallFurniture
    } else {
        Hint::Neutral
    }
}

/// Class tokens that describe the page's layout, not the element's role: page-builder
/// wrappers (`elementor-widget-container`) and pages that have a sidebar (`has-sidebar`).
/// ASCII case-insensitive.
fn is_layout_token(t: &str) -> bool {
    let starts =
        |t: &[u8], p: &str| t.len() >= p.len() && t[..p.len()].eq_ignore_ascii_case(p.as_bytes());
    let t = t.as_bytes();
    starts(t, "elementor")
        || ["has-", "with-", "w-", "no-"]
            .iter()
            .any(|p| starts(t, p) && starts(&t[p.len()..], "sidebar"))
}

/// Substrings of class, id and role tokens of the panels of accordions and tabs.
const COLLAPSIBLE: &[&str] = &[
    "accordion",
    "collaps",
    "tabpanel",
    "tab-pane",
    "tab-panel",
    "tabs-panel",
    "tab-content",
];

/// Whether the element, or its parent, is a panel of an accordion or of tabs (shown when the
/// reader opens it).
fn is_collapsible(dom: &Dom, id: NodeId) -> bool {
    [id, dom.nodes[id].parent].into_iter().any(|n| {
        ["class", "id", "role"].iter().any(|key| {
            dom.nodes[n].attr(key).is_some_and(|v| {
                let v = v.to_ascii_lowercase();
                COLLAPSIBLE.iter().any(|c| v.contains(c))
            })
        })
    })
}

fn is_hidden(dom: &Dom, id: NodeId) -> bool {
    let NodeData::Element { attrs, .. } = &dom.nodes[id].data else {
        return false;
    };
    // One walk over the attributes (their names are unique).
    attrs.iter().any(|(key, value)| match key.as_str() {
        "hidden" => true,
        "aria-hidden" => value == "true",
        "style" => {
            let s: String = value
                .chars()
                .filter(|c| !c.is_whitespace())
                .collect::<String>()
                .to_ascii_lowercase();
            s.contains("display:none") || s.contains("visibility:hidden")
        }
        _ => false,
    })
}

/// A run of inline text between block boundaries.
#[derive(Debug)]
struct TextBlock {
    /// The nearest block-level element holding the text.
    container: NodeId,
    text: String,
    /// [`text_units`] of the text, counted once.
    units: usize,
    /// Characters of the text inside links.
    link_chars: usize,
    heading: bool,
    /// Judged furniture (from the hints below and the share of text their elements hold).
    furniture: bool,
    /// The innermost enclosing element with a strong furniture hint.
    strong: Option<NodeId>,
    /// The innermost enclosing `nav`, `aside` or `footer`.
    tag_strong: Option<NodeId>,
    /// The innermost enclosing element with a weak furniture hint.
    weak: Option<NodeId>,
    /// The innermost enclosing element marked as readers' comments.
    comment: Option<NodeId>,
}

struct BlockCollector<'a> {
    dom: &'a Dom,
    blocks: Vec<TextBlock>,
    current: Option<TextBlock>,
}

impl BlockCollector<'_> {
    fn flush(&mut self) {
        if let Some(mut b) = self.current.take() {
            let trimmed = b.text.trim_end().len();
            b.text.truncate(trimmed);
            if !b.text.is_empty() {
                b.units = text_units(&b.text);
                self.blocks.push(b);
            }
        }
    }

    fn push_text(&mut self, container: NodeId, raw: &str, in_link: bool, ctx: Ctx) {
        let block = self.current.get_or_insert_with(|| TextBlock {
            container,
            text: String::new(),
            units: 0,
            link_chars: 0,
            heading: ctx.heading,
            furniture: false,
            strong: ctx.strong,
            tag_strong: ctx.tag_strong,
            weak: ctx.weak,
            comment: ctx.comment,
        });
        let before = block.text.len();
        // At most the raw text and a space: one allocation instead of doubling word by word.
        block.text.reserve(raw.len() + 1);
        if raw.is_ascii() {
            // The words of ASCII text found on its bytes (`split_whitespace` decodes chars).
            let bytes = raw.as_bytes();
            let mut i = 0;
            loop {
                while i < bytes.len() && is_ascii_space(bytes[i]) {
                    i += 1;
                }
                if i == bytes.len() {
                    break;
                }
                let start = i;
                while i < bytes.len() && !is_ascii_space(bytes[i]) {
                    i += 1;
                }
                if !block.text.is_empty() && !block.text.ends_with(' ') {
                    block.text.push(' ');
                }
                block.text.push_str(&raw[start..i]);
            }
        } else {
            for word in raw.split_whitespace() {
                if !block.text.is_empty() && !block.text.ends_with(' ') {
                    block.text.push(' ');
                }
                block.text.push_str(word);
            }
        }
        if raw.ends_with(char::is_whitespace) && !block.text.is_empty() {
            block.text.push(' ');
        }
        if in_link {
            block.link_chars += block.text.len() - before;
        }
    }
}

#[derive(Clone, Copy)]
struct Ctx {
    container: NodeId,
    in_link: bool,
    heading: bool,
    strong: Option<NodeId>,
    tag_strong: Option<NodeId>,
    weak: Option<NodeId>,
    comment: Option<NodeId>,
    /// Inside `<pre>` or `<code>`, whose classes name syntax ("hljs-comment"), not page parts.
    in_code: bool,
}

/// Split the page into text blocks, skipping non-content subtrees. Iterative: pages can nest
/// deeply.
fn collect_blocks(dom: &Dom, hints: &[Hint]) -> Vec<TextBlock> {
    // Characters of text under each node: parents come before children, so one backward pass.
    let mut subtree_text = vec![0usize; dom.nodes.len()];
    for id in (1..dom.nodes.len()).rev() {
        if let NodeData::Text(t) = &dom.nodes[id].data {
            subtree_text[id] += t.len();
        }
        let parent = dom.nodes[id].parent;
        subtree_text[parent] += subtree_text[id];
    }
    enum Step {
        Enter(NodeId, Ctx),
        Leave(bool),
    }
    let mut c = BlockCollector {
        dom,
        blocks: Vec::new(),
        current: None,
    };
    let root = Ctx {
        container: 0,
        in_link: false,
        heading: false,
        strong: None,
        tag_strong: None,
        weak: None,
        comment: None,
        in_code: false,
    };
    let mut stack = vec![Step::Enter(0, root)];
    while let Some(step) = stack.pop() {
        match step {
            Step::Leave(block) => {
                if block {
                    c.flush();
                }
            }
            Step::Enter(id, ctx) => match &dom.nodes[id].data {
                NodeData::Text(t) => {
                    if t.trim().is_empty() {
                        if let Some(b) = c.current.as_mut() {
                            if !b.text.ends_with(' ') {
                                b.text.push(' ');
                            }
                        }
                    } else {
                        c.push_text(ctx.container, t, ctx.in_link, ctx);
                    }
                }
                NodeData::Element { name, .. } => {
                    if is_skipped_tag(name) {
                        continue;
                    }
                    let block = is_block_tag(name);
                    if block {
                        c.flush();
                    }
                    let mut inner = ctx;
                    if block && name != "br" && name != "hr" {
                        inner.container = id;
                    }
                    // An anchor over pages of text is an unclosed `<a>`, not a link.
                    inner.in_link |= name == "a" && subtree_text[id] <= MAX_LINK_CHARS;
                    inner.heading |= is_heading(name);
                    inner.in_code |= matches!(name.as_str(), "pre" | "code");
                    if id != 0 && !ctx.in_code {
                        match hints[id] {
                            Hint::FurnitureTag => {
                                inner.strong = Some(id);
                                inner.tag_strong = Some(id);
                            }
                            Hint::Furniture => inner.strong = Some(id),
                            Hint::Comment => {
                                inner.strong = Some(id);
                                inner.comment = Some(id);
                            }
                            Hint::SmallFurniture => inner.weak = Some(id),
                            Hint::Story | Hint::Neutral => {}
                        }
                    }
                    stack.push(Step::Leave(block));
                    for &child in c.dom.nodes[id].children.iter().rev() {
                        stack.push(Step::Enter(child, inner));
                    }
                }
            },
        }
    }
    c.flush();
    c.blocks
}

/// schema.org types of a page that is a discussion: its replies are its content.
const THREAD_TYPES: &[&str] = &["DiscussionForumPosting", "QAPage"];

/// URL paths of forum software's thread pages (phpBB, vBulletin, XenForo, SMF, Discourse, ...).
const THREAD_PATHS: &[&str] = &[
    "viewtopic",
    "showthread",
    "/thread/",
    "/threads/",
    "/topic/",
    "/topics/",
    "index.php?topic=",
    "/t/",
    "/forum/",
    "/forums/",
    "/questions/",
];

/// Whether the page is a discussion thread (a forum topic, a Q&A page): by the schema.org
/// type it declares (microdata or JSON-LD) or by its canonical URL.
fn is_thread_page(dom: &Dom) -> bool {
    for (id, node) in dom.nodes.iter().enumerate() {
        match node.name() {
            "script" if node.attr("type").is_some_and(|t| t.contains("ld+json")) => {
                let json = dom.text_of(id);
                if THREAD_TYPES.iter().any(|t| json.contains(t)) {
                    return true;
                }
            }
            "link"
                if node
                    .attr("rel")
                    .is_some_and(|r| r.eq_ignore_ascii_case("canonical")) =>
            {
                if node.attr("href").is_some_and(is_thread_url) {
                    return true;
                }
            }
            "meta" if node.attr("property") == Some("og:url") => {
                if node.attr("content").is_some_and(is_thread_url) {
                    return true;
                }
            }
            _ => {
                if node
                    .attr("itemtype")
                    .is_some_and(|t| THREAD_TYPES.iter().any(|x| t.contains(x)))
                {
                    return true;
                }
            }
        }
    }
    false
}

fn is_thread_url(url: &str) -> bool {
    let lower = url.to_ascii_lowercase();
    // The path only: a host named "forum.example" says nothing about this page.
    let path = lower.split_once("://").map_or(lower.as_str(), |(_, rest)| {
        rest.find('/').map_or("", |i| &rest[i..])
    });
    THREAD_PATHS.iter().any(|p| path.contains(p))
}

/// How much a block says about its container being the story.
fn block_score(b: &TextBlock) -> f64 {
    // A CJK character carries about as much as a short word: three characters' worth.
    let ascii = b.text.is_ascii();
    let chars = if ascii {
        b.text.len()
    } else {
        b.text.chars().count() + 2 * b.text.chars().filter(|&c| is_cjk(c)).count()
    };
    if chars < 25 || b.furniture {
        return 0.0;
    }
    let commas = if ascii {
        memchr::memchr_iter(b',', b.text.as_bytes()).count()
    } else {
        b.text.matches([',', '，', '、', '،']).count()
    };
    let link_share = b.link_chars as f64 / b.text.len().max(1) as f64;
    (1.0 + commas as f64 + (chars as f64 / 100.0).min(3.0)) * (1.0 - link_share)
}

/// Prose characters of a block (a CJK character as three), without its links; 0 for furniture
/// and blocks too short to score.
fn block_mass(b: &TextBlock) -> f64 {
    let chars = if b.text.is_ascii() {
        b.text.len()
    } else {
        b.text.chars().count() + 2 * b.text.chars().filter(|&c| is_cjk(c)).count()
    };
    if chars < 25 || b.furniture {
        return 0.0;
    }
    let link_share = b.link_chars as f64 / b.text.len().max(1) as f64;
    chars as f64 * (1.0 - link_share)
}

/// `char::is_whitespace` on an ASCII byte: tab to carriage return, and space (branch-free,
/// so that counting loops vectorize).
fn is_ascii_space(b: u8) -> bool {
    (b == b' ') | (b.wrapping_sub(b'\t') < 5)
}

/// Words of a text, a CJK character counting as one, four characters
/// of Thai, Lao, Myanmar or Khmer as one.
pub(super) fn text_units(text: &str) -> usize {
    text_units_capped(text, usize::MAX)
}

/// `text_units(text).min(cap)`, reading only as much of the text as it takes.
pub(super) fn text_units_capped(text: &str, cap: usize) -> usize {
    // ASCII text (most blocks): one unit per word, word starts counted on the bytes, a chunk
    // at a time.
    if text.is_ascii() {
        let mut words = 0;
        let mut space_before = true;
        for chunk in text.as_bytes().chunks(4096) {
            words += usize::from(space_before && !is_ascii_space(chunk[0]));
            words += chunk
                .iter()
                .zip(&chunk[1..])
                .map(|(&p, &c)| usize::from(is_ascii_space(p) & !is_ascii_space(c)))
                .sum::<usize>();
            if words >= cap {
                return cap;
            }
            space_before = is_ascii_space(chunk[chunk.len() - 1]);
        }
        return words;
    }
    // Else in one pass over the chars: a word counts its CJK characters and its unspaced-script
    // characters by the word, plus one when it has neither or has another letter or digit.
    let mut units = 0;
    let (mut in_word, mut cjk, mut unspaced, mut other) = (false, 0usize, 0usize, false);
    for c in text.chars() {
        if c.is_whitespace() {
            if in_word {
                units += word_units(cjk, unspaced, other);
                if units >= cap {
                    return cap;
                }
            }
            (in_word, cjk, unspaced, other) = (false, 0, 0, false);
        } else {
            in_word = true;
            if is_cjk(c) {
                cjk += 1;
            } else if is_unspaced(c) {
                unspaced += 1;
            } else if c.is_alphanumeric() {
                other = true;
            }
        }
    }
    if in_word {
        units += word_units(cjk, unspaced, other);
    }
    units.min(cap)
}

/// Units counted past this say nothing more to the choices between texts below (each compares
/// a count under [`RELAX_BELOW_WORDS`], or [`RELAX_GAIN`] times one).
fn units_cap() -> usize {
    (RELAX_GAIN * RELAX_BELOW_WORDS as f64).ceil() as usize
}

/// How much of the page's markup is trusted to mark furniture.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
enum Trust {
    /// Only `nav`, `aside` and `footer` elements.
    Tags,
    /// Tags and strong class hints (comments, share, menu, ...).
    Strong,
    /// Tags, strong and weak class hints.
    All,
}

/// Length (bytes) of a paragraph that counts towards prose under a furniture hint.
const PROSE_PARAGRAPH_CHARS: usize = 150;
/// Fewest such paragraphs that make the hinted element part of the story.
const PROSE_MIN_PARAGRAPHS: u32 = 3;

/// The extracted text is taken as missing the story when it has fewer words than this (a CJK
/// character counting as a word) and trusting fewer furniture hints gives ... Measured on
/// html/ dev: never 0.8881 (3 empty pages), 30 0.8999, 100 0.9007, 150 0.8984, 300 0.9053,
/// 1000 0.8993; the gains above 100 are single pages either way while the risk (a short story
/// taken with its comment section) grows, so 100.
pub(super) const RELAX_BELOW_WORDS: usize = 100;
/// ... unless it has a paragraph of this many words (measured on html/ dev: the same 0.9007 as
/// without this condition; it keeps the comments out of short stories) ...
const RELAX_PARAGRAPH_WORDS: usize = 25;
/// ... at least this many times its words.
pub(super) const RELAX_GAIN: f64 = 2.0;

/// The story text: one paragraph per line, blank lines between paragraphs. `title` is dropped
/// when it opens the text.
///
/// Pages mislabel their story (a blog whose entries carry an `author-...` class, a thread whose
/// posts are `comment` elements, a paywalled `subscriber-preview`): when the text found is
/// short, furniture hints are trusted less (weak hints, then class hints) if that finds
/// several times more.
pub fn extract_main_text(dom: &Dom, title: Option<&str>) -> String {
    let thread = is_thread_page(dom);
    let mut cache = HintCache::default();
    let hints: Vec<Hint> = (0..dom.nodes.len())
        .map(|id| hint(dom, id, thread, &mut cache))
        .collect();
    let mut blocks = collect_blocks(dom, &hints);
    let mut text = select_text(dom, &mut blocks, &hints, Trust::All, false, title);
    // The units of `text`, counted once per text, up to what the choices below read.
    let cap = units_cap();
    let mut units = text_units_capped(&text, cap);
    // A short story was found: readers' comments must not take its place.
    let comments_out = units >= RELAX_PARAGRAPH_WORDS;
    for trust in [Trust::Strong, Trust::Tags] {
        // A short story that has a real paragraph is found: its page's comments, newsletter
        // box and sidebar must not join it.
        let longest = || {
            text.split("\n\n")
                .map(|p| text_units_capped(p, RELAX_PARAGRAPH_WORDS))
                .max()
                .unwrap_or(0)
        };
        if units >= RELAX_BELOW_WORDS || longest() >= RELAX_PARAGRAPH_WORDS {
            break;
        }
        let relaxed = select_text(dom, &mut blocks, &hints, trust, comments_out, title);
        let relaxed_units = text_units_capped(&relaxed, cap);
        if relaxed_units as f64 >= RELAX_GAIN * units.max(1) as f64 {
            text = relaxed;
            units = relaxed_units;
        }
    }
    if units < RELAX_BELOW_WORDS {
        if let Some(listing) = listing_text(dom, &blocks, title) {
            if text_units_capped(&listing, cap) as f64 >= RELAX_GAIN * units.max(1) as f64 {
                // The page's own text outside the list (its heading, an introduction) opens it.
                text = if !text.is_empty() && !listing.contains(text.as_str()) {
                    format!("{text}\n\n{listing}")
                } else {
                    listing
                };
            }
        }
    }
    text
}

/// Fewest items of a listing.
const LISTING_MIN_ITEMS: usize = 4;
/// Fewest words of an item (a title, a teaser); menu entries have one to three.
const LISTING_ITEM_WORDS: usize = 4;

/// The text of a page whose main content is a list of items (a job board, an index of
/// stories): the element whose children repeat one structure (tag and class), at least
/// [`LISTING_MIN_ITEMS`] of them with a title-sized text, with the most words in the repeated
/// children. Its blocks
/// are kept although their titles are links. Outside navigation, asides and footers, and
/// outside elements whose class marks furniture.
fn listing_text(dom: &Dom, blocks: &[TextBlock], title: Option<&str>) -> Option<String> {
    let n = dom.nodes.len();
    let mut text_chars = vec![0usize; n];
    for b in blocks {
        let mut node = b.container;
        loop {
            text_chars[node] += b.text.len();
            if node == 0 {
                break;
            }
            node = dom.nodes[node].parent;
        }
    }
    let page_chars = text_chars[0] as f64;
    let furniture = |b: &TextBlock| {
        b.tag_strong.is_some()
            || b.strong
                .is_some_and(|f| (text_chars[f] as f64) < STRONG_HINT_MAX_SHARE * page_chars)
    };
    // Words of the non-furniture text under each element.
    let mut words = vec![0usize; n];
    for b in blocks.iter().filter(|b| !furniture(b)) {
        let w = b.units;
        let mut node = b.container;
        loop {
            words[node] += w;
            if node == 0 {
                break;
            }
            node = dom.nodes[node].parent;
        }
    }
    let mut best: Option<(usize, NodeId)> = None;
    let mut sigs: Vec<(&str, &str, usize)> = Vec::new();
    for (id, node) in dom.nodes.iter().enumerate() {
        if node.children.len() < LISTING_MIN_ITEMS
            || words[id] < LISTING_MIN_ITEMS * LISTING_ITEM_WORDS
            || best.is_some_and(|(w, _)| words[id] <= w)
        {
            continue;
        }
        sigs.clear();
        sigs.extend(node.children.iter().filter_map(|&c| {
            let child = &dom.nodes[c];
            matches!(child.data, NodeData::Element { .. })
                .then(|| (child.name(), child.attr("class").unwrap_or(""), words[c]))
        }));
        sigs.sort_unstable_by(|a, b| (a.0, a.1).cmp(&(b.0, b.1)));
        for run in sigs.chunk_by(|a, b| (a.0, a.1) == (b.0, b.1)) {
            let items = run.iter().filter(|x| x.2 >= LISTING_ITEM_WORDS).count();
            let total: usize = run.iter().map(|x| x.2).sum();
            if items >= LISTING_MIN_ITEMS
                && total >= LISTING_ITEM_WORDS * run.len()
                && best.is_none_or(|(w, _)| total > w)
            {
                best = Some((total, id));
            }
        }
    }
    let (_, list) = best?;
    let under_list = |mut node: NodeId| loop {
        if node == list {
            return true;
        }
        if node == 0 {
            return false;
        }
        node = dom.nodes[node].parent;
    };
    let text = join_blocks(
        blocks.iter().filter(|b| {
            !furniture(b)
                && under_list(b.container)
                && (b.units >= 2 || b.text.contains(|c: char| c.is_ascii_digit()))
        }),
        title,
    );
    (!text.is_empty()).then_some(text)
}

/// Levels above the best element searched for the list of items it belongs to.
const ITEM_LIST_CLIMB: usize = 3;

/// The items of `list` when its children repeat one structure (tag and class), at least
/// [`LISTING_MIN_ITEMS`] of them, and at least half of them hold both a linked title and a text
/// of their own (a menu's entries are links only, a story's paragraphs have no titles).
fn item_list(
    dom: &Dom,
    list: NodeId,
    link_blocks: &[u32],
    prose_blocks: &[u32],
) -> Option<Vec<NodeId>> {
    let children = &dom.nodes[list].children;
    if children.len() < LISTING_MIN_ITEMS {
        return None;
    }
    let mut sigs: Vec<(&str, &str, NodeId)> = children
        .iter()
        .filter(|&&c| matches!(dom.nodes[c].data, NodeData::Element { .. }))
        .map(|&c| {
            (
                dom.nodes[c].name(),
                dom.nodes[c].attr("class").unwrap_or(""),
                c,
            )
        })
        .collect();
    let mut best: Option<Vec<NodeId>> = None;
    let mut consider = |run: &mut dyn Iterator<Item = NodeId>, run_len: usize| {
        let items: Vec<NodeId> = run
            .filter(|&c| link_blocks[c] > 0 && prose_blocks[c] > 0)
            .collect();
        if items.len() >= LISTING_MIN_ITEMS
            && 2 * items.len() >= run_len
            && best.as_ref().is_none_or(|b| items.len() > b.len())
        {
            best = Some(items);
        }
    };
    // Items of one kind: the same tag and class, or (when their classes vary: "rowodd" and
    // "roweven", grid columns of several widths) the same tag and shape.
    let mut shaped: Vec<(&str, u64, NodeId)> = sigs
        .iter()
        .map(|&(tag, _, c)| (tag, item_shape(dom, c), c))
        .collect();
    shaped.sort_unstable_by(|a, b| (a.0, a.1, a.2).cmp(&(b.0, b.1, b.2)));
    for run in shaped.chunk_by(|a, b| (a.0, a.1) == (b.0, b.1)) {
        consider(&mut run.iter().map(|x| x.2), run.len());
    }
    sigs.sort_unstable_by(|a, b| (a.0, a.1, a.2).cmp(&(b.0, b.1, b.2)));
    for run in sigs.chunk_by(|a, b| (a.0, a.1) == (b.0, b.1)) {
        consider(&mut run.iter().map(|x| x.2), run.len());
    }
    best
}

/// Elements read for an item's shape.
const SHAPE_MAX_NODES: usize = 64;
/// Levels below an item read for its shape (measured on html/ dev: 1 0.92800, 2 0.92796, 3
/// 0.92755; 2 is the stricter likeness of the two best).
const SHAPE_DEPTH: usize = 2;

/// A hash (FNV-1a) of the tag names and depths of an element and its first [`SHAPE_DEPTH`]
/// levels of elements, in document order, reading at most [`SHAPE_MAX_NODES`] elements.
fn item_shape(dom: &Dom, id: NodeId) -> u64 {
    let mut hash: u64 = 0xcbf2_9ce4_8422_2325;
    let mut mix = |byte: u8| hash = (hash ^ u64::from(byte)).wrapping_mul(0x100_0000_01b3);
    let mut stack = vec![(id, 0usize)];
    let mut seen = 0;
    while let Some((node, depth)) = stack.pop() {
        seen += 1;
        if seen > SHAPE_MAX_NODES {
            break;
        }
        dom.nodes[node].name().bytes().for_each(&mut mix);
        mix(depth as u8 + 1);
        if depth < SHAPE_DEPTH {
            let children = &dom.nodes[node].children;
            for &c in children[..children.len().min(SHAPE_MAX_NODES)].iter().rev() {
                if matches!(dom.nodes[c].data, NodeData::Element { .. }) {
                    stack.push((c, depth + 1));
                }
            }
        }
    }
    hash
}

fn select_text(
    dom: &Dom,
    blocks: &mut [TextBlock],
    hints: &[Hint],
    trust: Trust,
    comments_out: bool,
    title: Option<&str>,
) -> String {
    let n = dom.nodes.len();
    // Text and link totals of every element (walks bounded by the tree's depth cap).
    let mut text_chars = vec![0usize; n];
    let mut link_chars = vec![0usize; n];
    for b in blocks.iter() {
        let mut node = b.container;
        loop {
            text_chars[node] += b.text.len();
            link_chars[node] += b.link_chars;
            if node == 0 {
                break;
            }
            node = dom.nodes[node].parent;
        }
    }
    // A furniture hint counts only on an element holding a small share of the page's text.
    let page_chars = text_chars[0] as f64;
    let small = |f: Option<NodeId>, share: f64| {
        f.is_some_and(|f| (text_chars[f] as f64) < share * page_chars)
    };
    for b in blocks.iter_mut() {
        let strong = match trust {
            Trust::Tags => b.tag_strong,
            Trust::Strong | Trust::All => b.strong,
        };
        b.furniture = small(strong, STRONG_HINT_MAX_SHARE)
            || (comments_out && small(b.comment, STRONG_HINT_MAX_SHARE))
            || (trust == Trust::All && small(b.weak, WEAK_HINT_MAX_SHARE));
    }
    let blocks = &*blocks;
    let block_scores: Vec<f64> = blocks.iter().map(block_score).collect();
    // Scores of elements: a block adds to its container and, decaying, to a few ancestors.
    let mut score = vec![0.0f64; n];
    for (b, &s) in blocks.iter().zip(&block_scores) {
        if s <= 0.0 {
            continue;
        }
        let mut node = b.container;
        for level in 0..6 {
            score[node] += s / (level as f64 + 1.0);
            if node == 0 {
                break;
            }
            node = dom.nodes[node].parent;
        }
    }
    let mut best: Option<(f64, NodeId)> = None;
    for id in 0..n {
        if score[id] <= 0.0 {
            continue;
        }
        let density = link_chars[id] as f64 / text_chars[id].max(1) as f64;
        let hint = match (hints[id], trust) {
            (Hint::Story, _) => 1.25,
            (Hint::FurnitureTag, _) => 0.5,
            (Hint::Furniture | Hint::Comment, Trust::Strong | Trust::All) => 0.5,
            (Hint::Comment, Trust::Tags) if comments_out => 0.5,
            (Hint::SmallFurniture, Trust::All) => 0.5,
            _ => 1.0,
        };
        let s = score[id] * (1.0 - density) * hint;
        score[id] = s;
        if best.is_none_or(|(b, _)| s > b) {
            best = Some((s, id));
        }
    }
    let Some((best_score, best_id)) = best else {
        // No block long enough to score: keep every non-furniture block.
        return fallback(blocks, title);
    };
    // Good text (block scores, undecayed) under each element: the story may hold more than
    // its best-scoring part (the posts of a thread, the items of a listing).
    let mut good = vec![0.0f64; n];
    for (b, &s) in blocks.iter().zip(&block_scores) {
        if s <= 0.0 {
            continue;
        }
        let mut node = b.container;
        loop {
            good[node] += s;
            if node == 0 {
                break;
            }
            node = dom.nodes[node].parent;
        }
    }
    // Any ancestor, not only the parent: a thread's first post and its replies meet several
    // wrappers up. Each step walks at most the depth cap, and there are at most that many steps.
    // A page's only <article> bounds the story: teasers around a short story must not join it.
    let single_article = dom.nodes.iter().filter(|x| x.name() == "article").count() == 1;
    let climb = |mut top: NodeId, mut top_score: f64, bar: Option<&[bool]>| {
        loop {
            let mut anc = top;
            let mut found = None;
            loop {
                if single_article && dom.nodes[anc].name() == "article" {
                    break;
                }
                anc = dom.nodes[anc].parent;
                let density = link_chars[anc] as f64 / text_chars[anc].max(1) as f64;
                if anc == 0 || density > CLIMB_MAX_LINK_DENSITY || bar.is_some_and(|bar| bar[anc]) {
                    break;
                }
                if good[anc] >= CLIMB_GOOD_RATIO * good[top] {
                    found = Some(anc);
                    break;
                }
            }
            let Some(a) = found else { break };
            top = a;
            top_score = top_score.max(score[a]);
        }
        (top, top_score)
    };
    let (mut top, mut top_score) = climb(best_id, best_score, None);
    // Region choice by text mass: the best element outside the region found (neither inside
    // it nor one of its ancestors) competes with it. A story of many short paragraphs loses
    // to one long comma-heavy paragraph of a blog column on score, not on the prose it holds.
    {
        // The elements inside `root` (a parent's id is below its children's), and the prose
        // characters and scored paragraphs of its blocks.
        let subtree = |root: NodeId| {
            let mut inside = vec![false; n];
            inside[root] = true;
            for id in root + 1..n {
                inside[id] = inside[dom.nodes[id].parent];
            }
            inside
        };
        let mass = |inside: &[bool]| {
            blocks
                .iter()
                .filter(|b| inside[b.container])
                .map(block_mass)
                .filter(|&m| m > 0.0)
                .fold((0.0, 0u32), |(m, p), x| (m + x, p + 1))
        };
        // related[i]: i is inside the region or one of its ancestors.
        let mut related = subtree(top);
        let (top_mass, top_paras) = mass(&related);
        let mut anc = top;
        while anc != 0 {
            anc = dom.nodes[anc].parent;
            related[anc] = true;
        }
        let mut alt: Option<(f64, NodeId)> = None;
        for id in 0..n {
            if !related[id] && score[id] > 0.0 && alt.is_none_or(|(s, _)| score[id] > s) {
                alt = Some((score[id], id));
            }
        }
        if let Some((alt_score, alt_id)) =
            alt.filter(|&(s, _)| s >= ALT_MIN_SCORE_SHARE * best_score)
        {
            let (alt_top, alt_top_score) = climb(alt_id, alt_score, Some(&related));
            let (alt_mass, alt_paras) = mass(&subtree(alt_top));
            if alt_mass >= ALT_MASS_RATIO * top_mass && alt_paras >= top_paras {
                top = alt_top;
                top_score = alt_top_score;
            }
        }
    }
    // A list of items (search results, a publication list, a product grid) is the region as a
    // whole: the best element is one of its items, or the list itself.
    let mut is_item = vec![false; n];
    let mut has_items = false;
    {
        let mut link_blocks = vec![0u32; n];
        let mut prose_blocks = vec![0u32; n];
        for b in blocks.iter().filter(|b| !b.furniture && b.units >= 2) {
            let linked = b.link_chars * 10 > b.text.len() * 4;
            let mut node = b.container;
            loop {
                if linked {
                    link_blocks[node] += 1;
                } else {
                    prose_blocks[node] += 1;
                }
                if node == 0 {
                    break;
                }
                node = dom.nodes[node].parent;
            }
        }
        let mut path_child = None;
        let mut anc = top;
        for _ in 0..=ITEM_LIST_CLIMB {
            if let Some(items) = item_list(dom, anc, &link_blocks, &prose_blocks) {
                if path_child.is_none_or(|c| items.contains(&c)) {
                    for &c in &items {
                        is_item[c] = true;
                    }
                    has_items = true;
                    top = anc;
                    top_score = top_score.max(score[anc]);
                    break;
                }
            }
            if anc == 0 || (single_article && dom.nodes[anc].name() == "article") {
                break;
            }
            path_child = Some(anc);
            anc = dom.nodes[anc].parent;
        }
    }
    // The story may continue in siblings of the best element (text split across wrappers).
    let parent = dom.nodes[top].parent;
    let mut is_root = vec![false; n];
    is_root[top] = true;
    // A page's only <article> is the whole story: its siblings are teasers and furniture.
    if top != 0 && !(single_article && dom.nodes[top].name() == "article") {
        for &sib in &dom.nodes[parent].children {
            if score[sib] >= 0.2 * top_score && score[sib] > 0.0 {
                is_root[sib] = true;
            }
        }
    }
    let in_roots = |mut node: NodeId| loop {
        if is_root[node] {
            return true;
        }
        if node == 0 {
            return false;
        }
        node = dom.nodes[node].parent;
    };
    let under_item = |mut node: NodeId| loop {
        if is_item[node] {
            return true;
        }
        if node == 0 || node == top {
            return false;
        }
        node = dom.nodes[node].parent;
    };
    // Blocks of the story region with whether each is kept.
    // Paragraphs of the story under a class hint inside the region (a "read-more" expander
    // holding the rest of the story, a mislabelled wrapper) are story: several long
    // paragraphs with almost no links are no share bar, menu or teaser list.
    let mut long_paragraphs = vec![0u32; n];
    for b in blocks {
        if let Some(h) = b.strong {
            if b.text.len() >= PROSE_PARAGRAPH_CHARS && b.link_chars * 10 < b.text.len() {
                long_paragraphs[h] += 1;
            }
        }
    }
    let prose = |b: &TextBlock| {
        b.tag_strong.is_none()
            && b.comment.is_none()
            && !(trust == Trust::All && small(b.weak, WEAK_HINT_MAX_SHARE))
            && b.strong.is_some_and(|h| {
                hints[h] == Hint::Furniture
                    && in_roots(h)
                    && long_paragraphs[h] >= PROSE_MIN_PARAGRAPHS
                    && link_chars[h] * 10 < text_chars[h]
            })
    };
    // Whether a table row or definition list holds two cells or more: a one-word cell of it is a
    // value ("Weight | 2 kg", "Colour: Red"), not a label. Counted once per row.
    let mut row_cells: FxHashMap<NodeId, bool> = FxHashMap::default();
    let mut is_cell = |b: &TextBlock| {
        if !is_cell_tag(dom.nodes[b.container].name()) {
            return false;
        }
        let row = dom.nodes[b.container].parent;
        *row_cells.entry(row).or_insert_with(|| {
            dom.nodes[row]
                .children
                .iter()
                .filter(|&&c| is_cell_tag(dom.nodes[c].name()))
                .nth(1)
                .is_some()
        })
    };
    let region: Vec<(&TextBlock, bool, bool)> = blocks
        .iter()
        .filter(|b| in_roots(b.container))
        .map(|b| {
            let words = b.units;
            let link_share = b.link_chars as f64 / b.text.len().max(1) as f64;
            let furniture = b.furniture && !prose(b);
            // Link lists and one-word labels ("Advertisement") go, headings may be one word.
            // The fields of an item: its linked title, a rank, a price, a year.
            let item = has_items && under_item(b.container);
            let keep = !furniture
                && (link_share <= 0.4 || (item && words >= 2))
                && (b.heading
                    || words >= 2
                    || (item && b.text.contains(|c: char| c.is_ascii_digit()))
                    || is_cell(b));
            (b, furniture, keep)
        })
        .collect();
    // A heading is kept only when the next block, past furniture (an inline newsletter box),
    // is a kept paragraph: otherwise it headed something dropped ("Related topics").
    // next_story[i]: the first block after i that is not furniture (one backward pass).
    let mut next_story = vec![None; region.len()];
    let mut following = None;
    for i in (0..region.len()).rev() {
        next_story[i] = following;
        if !region[i].1 {
            following = Some(i);
        }
    }
    let kept = region.iter().enumerate().filter_map(|(i, &(b, _, keep))| {
        let headed = || {
            next_story[i].is_some_and(|j| {
                let (next, _, next_keep) = region[j];
                next_keep && !next.heading
            })
        };
        (keep && (!b.heading || headed())).then_some(b)
    });
    let text = join_blocks(kept, title);
    if text.is_empty() {
        return fallback(blocks, title);
    }
    text
}

/// Cells of a table row or a definition list.
fn is_cell_tag(name: &str) -> bool {
    matches!(name, "td" | "th" | "dd" | "dt")
}

/// No story region: every non-furniture block that is not a link list, else every block.
fn fallback(blocks: &[TextBlock], title: Option<&str>) -> String {
    let text = join_blocks(
        blocks
            .iter()
            .filter(|b| !b.furniture && b.link_chars * 10 <= b.text.len() * 4 && b.units >= 2),
        title,
    );
    if !text.is_empty() {
        return text;
    }
    join_blocks(blocks.iter().filter(|b| !b.furniture), title)
}

fn join_blocks<'a>(blocks: impl Iterator<Item = &'a TextBlock>, title: Option<&str>) -> String {
    let mut out = String::new();
    for b in blocks {
        if out.is_empty() && title.is_some_and(|t| same_text(t, &b.text)) {
            continue;
        }
        if !out.is_empty() {
            out.push_str("\n\n");
        }
        out.push_str(&b.text);
    }
    out
}

fn same_text(a: &str, b: &str) -> bool {
    a.split_whitespace().eq(b.split_whitespace())
}

#[cfg(test)]
mod tests {
    use super::*;

    fn extract(html: &str) -> String {
        extract_main_text(&Dom::parse(html), None)
    }

    #[test]
    fn keeps_paragraphs_and_drops_navigation() {
        let html = "<nav><a href=/>Home</a> <a href=/n>News</a></nav><div class=story>\
            <p>First paragraph of the story, with a comma, and enough words to count.</p>\
            <p>Second paragraph of the story, also long enough, with commas, to score.</p></div>\
            <footer>Copyright, all rights reserved, and some more footer words here.</footer>";
        assert_eq!(
            extract(html),
            "First paragraph of the story, with a comma, and enough words to count.\n\n\
             Second paragraph of the story, also long enough, with commas, to score."
        );
    }

    #[test]
    fn br_pairs_split_paragraphs() {
        let html = "<table><tr><td><font>One long paragraph of text, with commas, here.<br><br>\
            Another long paragraph of text, with commas, here.</font></td></tr></table>";
        assert_eq!(
            extract(html),
            "One long paragraph of text, with commas, here.\n\n\
             Another long paragraph of text, with commas, here."
        );
    }

    #[test]
    fn inline_elements_keep_word_spacing() {
        let html =
            "<p>The <b>council</b> voted <a href=x>on</a> Monday, seven to two, in favour.</p>";
        assert_eq!(
            extract(html),
            "The council voted on Monday, seven to two, in favour."
        );
    }

    #[test]
    fn comment_sections_are_furniture() {
        // A comment section holding half the page's text or more is taken for a wrapper.
        let html = "<article><p>The story itself, with a comma, long enough to be scored.</p>\
            <p>More of the story, with a comma, long enough to be scored.</p>\
            <div id=comments><p>A reader's comment, with a comma, long enough to be scored.</p></div></article>";
        assert_eq!(
            extract(html),
            "The story itself, with a comma, long enough to be scored.\n\n\
             More of the story, with a comma, long enough to be scored."
        );
    }

    #[test]
    fn weak_hints_on_a_whole_page_wrapper_are_ignored() {
        let html = "<form id=aspnetForm><div class=\"overflow-hidden\">\
            <p>The story itself, with a comma, long enough to be scored.</p>\
            <p>More of the story, with a comma, long enough to be scored.</p>\
            <div class=ad-label>Advertisement here</div></div></form>";
        assert_eq!(
            extract(html),
            "The story itself, with a comma, long enough to be scored.\n\n\
             More of the story, with a comma, long enough to be scored."
        );
    }

    #[test]
    fn hidden_elements_are_dropped() {
        let html = "<p>The story itself, with a comma, long enough to be scored.</p>\
            <p>More of the story, with a comma, long enough to be scored.</p>\
            <div style=\"display: none\">A hidden notice, with a comma, here.</div>";
        assert!(!extract(html).contains("hidden notice"));
    }

    #[test]
    fn headings_of_dropped_furniture_go_too() {
        let html = "<div><p>The story itself, with a comma, long enough to be scored.</p>\
            <h2>Related topics</h2><ul><li><a href=a>Health</a></li><li><a href=b>Roofs</a></li></ul>\
            <p>More of the story, with a comma, long enough to be scored.</p>\
            <h2>What next?</h2><p>The last part, with a comma, long enough to be scored.</p>\
            <h2>Comments</h2><div class=comments><p>A reader wrote this, with a comma, at length.</p></div></div>";
        assert_eq!(
            extract(html),
            "The story itself, with a comma, long enough to be scored.\n\n\
             More of the story, with a comma, long enough to be scored.\n\n\
             What next?\n\n\
             The last part, with a comma, long enough to be scored."
        );
    }

    #[test]
    fn mislabelled_stories_are_found_by_trusting_fewer_hints() {
        // Every entry of a blog carries an author class (a weak hint), every post of a thread
        // is a "comment" element (a strong one): each alone is a small part of the page.
        let entry = |n: usize| {
            format!(
                "<div class=\"entry entry_author_{n}\"><p>Entry {n} of the blog, with a comma, \
                 and enough words to be scored as a paragraph.</p></div>"
            )
        };
        let blog: String = (0..4).map(entry).collect();
        let text = extract(&format!("<nav><a href=/>Home</a></nav><div>{blog}</div>"));
        assert_eq!(text.matches("of the blog").count(), 4, "{text}");
        let post = |n: usize| {
            format!(
                "<div class=comment><p>Reply {n} to the thread, with a comma, and \
                 enough words to be scored as a paragraph.</p></div>"
            )
        };
        let thread: String = (0..4).map(post).collect();
        let text = extract(&format!(
            "<nav><a href=/>Home</a> <a href=/f>Forums</a></nav><h1>A question</h1>{thread}"
        ));
        assert_eq!(text.matches("to the thread").count(), 4, "{text}");
        assert!(!text.contains("Forums"), "{text}");
    }

    #[test]
    fn page_builder_widgets_are_not_furniture() {
        let html = "<div class=elementor-widget-container><p>The story itself, with a comma, \
            long enough to be scored.</p></div><div class=elementor-widget-container><p>More \
            of the story, with a comma, long enough to be scored.</p></div>\
            <div class=\"widget\">A sidebar widget with a few words</div>\
            <div><p>Other text of the page, with a comma, long enough to be scored here.</p>\
            <p>And more of it, with a comma, to outweigh the story's share of the page.</p></div>";
        let text = extract(html);
        assert!(text.contains("The story itself"), "{text}");
        assert!(!text.contains("sidebar widget"), "{text}");
    }

    #[test]
    fn cjk_text_counts_characters_as_words() {
        assert_eq!(text_units("日本語 ok"), 4);
        assert_eq!(text_units("Straße, 2024"), 2);
        // A sentence of 15 characters is a paragraph, not a label.
        let html = "<div><a href=/>トップ</a></div><p>雨が降りましたが、晴れました。</p>";
        assert_eq!(extract(html), "雨が降りましたが、晴れました。");
    }

    #[test]
    fn scripts_without_spaces_count_their_words() {
        // 40 Thai characters: about ten words, not one; a paragraph without a space is no label.
        let thai = "วันนี้ฝนตกหนักในกรุงเทพมหานครและปริมณฑลท";
        assert_eq!(thai.chars().count(), 40);
        assert_eq!(text_units(thai), 10);
        // Thai paragraphs are story, not one-word labels; the link row is not.
        let p = |n: usize| format!("<p>{thai}{n}{thai}</p>");
        let html = format!(
            "<div><a href=/a>Home page</a> <a href=/b>World news</a></div><div>{}{}{}</div>",
            p(1),
            p(2),
            p(3)
        );
        let text = extract(&html);
        assert_eq!(text.matches(thai).count(), 6, "{text}");
        assert!(!text.contains("World news"), "{text}");
    }

    #[test]
    fn a_story_of_many_paragraphs_beats_a_comma_heavy_column() {
        // One long paragraph with many commas in a column of links outscores any element of a
        // story of fourteen short paragraphs; the story holds several times its prose.
        let story: String = (0..14)
            .map(|n| para(&format!("Story part {n}"), 25))
            .collect();
        let points: Vec<String> = (0..22).map(|n| format!("column point {n}")).collect();
        let links: String = (0..20)
            .map(|n| format!("<li><a href=/c{n}>Another column by the same writer {n}</a></li>"))
            .collect();
        let html = format!(
            "<table><tr><td><div id=middle>{story}</div></td>\
             <td><div><ul>{links}</ul><p>{}.</p></div></td></tr></table>",
            points.join(", ")
        );
        let text = extract(&html);
        assert_eq!(text.matches("Story part").count(), 14, "{text}");
        assert!(!text.contains("column point"), "{text}");
    }

    /// A paragraph of `words` words with a comma.
    fn para(topic: &str, words: usize) -> String {
        let filler: Vec<&str> = ["and", "then", "the", "group", "went", "on"]
            .iter()
            .copied()
            .cycle()
            .take(words.saturating_sub(3))
            .collect();
        format!("<p>{topic}, said {}.</p>", filler.join(" "))
    }

    #[test]
    fn thread_pages_keep_replies_marked_as_comments() {
        let reply = |n: usize| {
            format!(
                "<article class=reply itemprop=comment>{}</article>",
                para(&format!("Reply {n}"), 40)
            )
        };
        let replies: String = (0..4).map(reply).collect();
        let body = format!(
            "<article class=topic><div itemprop=articleBody>{}{}{}</div></article>             <section id=replies>{replies}</section>",
            para("First post", 50),
            para("More of it", 50),
            para("The end of it", 40)
        );
        // An article: its comments are furniture.
        let article = extract(&format!("<body><div>{body}</div></body>"));
        assert!(
            article.contains("The end of it") && !article.contains("Reply 0"),
            "{article}"
        );
        // A thread, by its schema.org type or its URL: they are its content.
        let typed = extract(&format!(
            "<body><div itemscope itemtype=\"https://schema.org/DiscussionForumPosting\">{body}</div></body>"
        ));
        assert_eq!(typed.matches("Reply ").count(), 4, "{typed}");
        let by_url = extract(&format!(
            "<head><link rel=canonical href=\"https://example.org/forum/viewtopic.php?t=5\"></head>\
             <body><div>{body}</div></body>"
        ));
        assert_eq!(by_url.matches("Reply ").count(), 4, "{by_url}");
        assert!(!is_thread_url(
            "https://forum.example.org/news/storm-hits-coast"
        ));
        assert!(is_thread_url("https://example.org/t/slow-builds/7798"));
    }

    #[test]
    fn a_short_story_keeps_its_comments_out() {
        let comments: String = (0..6)
            .map(|n| {
                format!(
                    "<div class=comment>{}</div>",
                    para(&format!("Reader {n}"), 45)
                )
            })
            .collect();
        let html = format!(
            "<nav><a href=/>Home</a></nav><div class=post><h1>Rose shrine</h1>\
             <p>Whenever you have time, visit the rose shrine in the hills, it is open all year.</p>\
             <p>More about its history, with dates, is on the parish website.</p></div>\
             <div id=comments>{comments}</div>"
        );
        let text = extract(&html);
        assert!(text.contains("rose shrine"), "{text}");
        assert!(!text.contains("Reader"), "{text}");
    }

    #[test]
    fn listings_keep_their_linked_item_titles() {
        let item = |n: usize| {
            format!(
                "<tr class=item><td><a href=/j{n}>Harbour crew {n} is hiring deck hands for the \
                 winter season</a></td><td>{n} days ago</td></tr>"
            )
        };
        let items: String = (0..6).map(item).collect();
        let html = format!(
            "<nav><ul><li><a href=/>Home</a></li><li><a href=/jobs>Jobs</a></li>\
             <li><a href=/ask>Ask</a></li><li><a href=/new>New</a></li></ul></nav>\
             <div>Jobs at the harbour.</div><table>{items}</table>"
        );
        let text = extract(&html);
        assert_eq!(text.matches("is hiring deck hands").count(), 6, "{text}");
        assert!(text.contains("3 days ago"), "{text}");
        assert!(!text.contains("Ask"), "{text}");
        // The page's introduction outside the list opens it.
        assert!(text.starts_with("Jobs at the harbour."), "{text}");
    }

    #[test]
    fn a_list_of_items_keeps_each_items_title_and_fields() {
        // Rows of a publication list: a linked title, the authors, a year; the region is the
        // whole list, long enough that no relaxed run is needed.
        let row = |n: usize| {
            format!(
                "<tr class=row><td><a href=/p{n}>On the tides of the northern harbour, part {n}</a>\
                 <div>A. Fisher, B. Net, C. Quay, and the harbour survey team of the coast</div>\
                 <div>Journal of Coastal Notes {n}, pages 10-20, with maps and tables</div></td>\
                 <td>{}</td></tr>",
                1990 + n
            )
        };
        let rows: String = (0..8).map(row).collect();
        let html = format!(
            "<nav><ul><li><a href=/>Home</a></li><li><a href=/papers>Papers</a></li>\
             <li><a href=/about>About us</a></li><li><a href=/contact>Contact</a></li></ul></nav>\
             <table><tbody>{rows}</tbody></table>"
        );
        let text = extract(&html);
        assert_eq!(text.matches("On the tides").count(), 8, "{text}");
        assert!(text.contains("\n\n1994\n\n"), "{text}");
        assert!(!text.contains("About us"), "{text}");
        // A story's paragraphs are no items: a link line among them still goes.
        let story = format!(
            "<div>{}{}{}{}<p><a href=/x>Read our other story about the harbour</a></p></div>",
            para("First", 40),
            para("Second", 40),
            para("Third", 40),
            para("Fourth", 40)
        );
        assert!(!extract(&story).contains("other story"));
    }

    #[test]
    fn items_whose_classes_vary_are_one_list() {
        // Cards of a category page in grid columns of two widths (and one ad slot between
        // them): their classes differ, their shape does not. Each keeps its linked title.
        let card = |n: usize, width: &str| {
            format!(
                "<div class=\"{width} mb-4\"><div class=card><div class=card-body>\
                 <h4><a href=/a{n}>Build a tide clock for the harbour, part {n}</a></h4>\
                 <p>{}</p></div></div></div>",
                format_args!(
                    "Project {n}, with a comma, a short teaser of the article that explains \
                     what the reader builds and which parts it takes."
                )
            )
        };
        let widths = ["col-12", "col-md-8", "col-md-4", "col-md-6", "col-md-6"];
        let cards: String = widths.iter().enumerate().map(|(n, w)| card(n, w)).collect();
        let html = format!(
            "<nav><ul><li><a href=/>Home</a></li><li><a href=/p>Projects</a></li></ul></nav>\
             <div class=row>{cards}<div class=col-12><div class=ad>Advertisement</div></div></div>"
        );
        let text = extract(&html);
        assert_eq!(text.matches("Build a tide clock").count(), 5, "{text}");
        assert_eq!(text.matches("Project ").count(), 5, "{text}");
        assert!(!text.contains("Advertisement"), "{text}");
    }

    #[test]
    fn one_word_values_of_a_table_are_kept() {
        // A specification table in a product description: its one-word cells are values.
        let html = format!(
            "<div>{}{}<table><tr><th>Weight</th><td>2kg</td></tr>\
             <tr><th>Colour</th><td>Red</td></tr></table>\
             <dl><dt>Warranty</dt><dd>Two years</dd></dl></div>",
            para("The kettle", 40),
            para("Its base", 40)
        );
        let text = extract(&html);
        for value in ["Weight", "2kg", "Colour", "Red", "Warranty", "Two years"] {
            assert!(text.contains(&format!("\n\n{value}")), "{value}: {text}");
        }
        // A one-word block that is no cell of a row is still a label.
        let html = format!(
            "<div>{}<div>Advertisement</div>{}</div>",
            para("A", 40),
            para("B", 40)
        );
        assert!(!extract(&html).contains("Advertisement"));
    }

    #[test]
    fn collapsed_accordion_panels_are_content() {
        let panel = |n: usize| {
            format!(
                "<div class=accordion-item><h3>Service {n}</h3><div class=\"accordion-panel\" \
                 hidden>{}</div></div>",
                para(&format!("Offer {n}"), 40)
            )
        };
        let panels: String = (0..3).map(panel).collect();
        let html = format!(
            "<div>{}{}<div class=accordion>{panels}</div></div>\
             <div style=\"display:none\">{}</div>",
            para("Intro", 60),
            para("More", 60),
            para("A hidden notice", 40)
        );
        let text = extract(&html);
        assert_eq!(text.matches("Offer ").count(), 3, "{text}");
        assert!(!text.contains("hidden notice"), "{text}");
    }

    #[test]
    fn syntax_highlighting_classes_are_no_hints() {
        let html = format!(
            "<article>{}<pre><code><span class=hljs-comment># set up the tools</span>\n\
             make install-tools</code></pre>{}</article>",
            para("The build", 40),
            para("After that", 40)
        );
        let text = extract(&html);
        assert!(
            text.contains("# set up the tools make install-tools"),
            "{text}"
        );
    }

    #[test]
    fn story_paragraphs_under_a_read_more_expander_are_kept() {
        let more: String = (0..4).map(|n| para(&format!("Part {n}"), 40)).collect();
        let html = format!(
            "<div class=story-body>{}{}<div id=read-more><div id=read-more-content>{more}\
             </div></div></div><div class=related><a href=/a>Other story</a></div>",
            para("The start", 40),
            para("The next", 40)
        );
        let text = extract(&html);
        assert_eq!(text.matches("Part ").count(), 4, "{text}");
    }

    #[test]
    fn empty_and_garbage_pages_give_empty_text() {
        assert_eq!(extract(""), "");
        assert_eq!(extract("<<<>>></></p><div"), "<<<>>>");
    }
}
