//! HTML pages: the story text, headline, publication date and outlet of a news page.
//!
//! The page is parsed into a forgiving tree ([`dom`]), metadata is read from `<meta>`, JSON-LD
//! and `<time>` ([`metadata`]), and the story text is picked out by block scoring
//! ([`main_text`]). The text has one paragraph per line with blank lines between paragraphs.

mod dom;
mod main_text;
mod markdown;
mod metadata;
mod tokenizer;

pub use markdown::story_markdown;
pub use metadata::PageMetadata;

use crate::document::{Document, Origin};
use dom::Dom;

/// Extract the story text and metadata of an HTML page. Never fails: a page with no story
/// text gives a document with empty text.
pub fn parse_html(id: &str, html: &str, mut origin: Origin) -> Document {
    let dom = Dom::parse(html);
    let mut meta = metadata::read_metadata(&dom);
    let mut text = main_text::extract_main_text(&dom, meta.title.as_deref());
    // A page rendered by script may keep its text for browsers without JavaScript in
    // `<noscript>` (forum software serves its posts there): read it when the page gave little.
    let inner = noscript_html(&dom);
    // Also when that markup is far longer than the text found: a blog whose post body is a
    // script template, shown by script, with only the page's sidebar outside it.
    if !inner.is_empty()
        && (inner.len() >= NOSCRIPT_MARKUP_RATIO * text.len()
            || main_text::text_units_capped(&text, main_text::RELAX_BELOW_WORDS)
                < main_text::RELAX_BELOW_WORDS)
    {
        let units = main_text::text_units(&text);
        let alt = main_text::extract_main_text(&Dom::parse(&inner), meta.title.as_deref());
        let alt_units = main_text::text_units(&alt);
        // "Please enable JavaScript" is not the story.
        if alt_units >= NOSCRIPT_MIN_WORDS
            && alt_units as f64 >= main_text::RELAX_GAIN * units.max(1) as f64
        {
            text = alt;
        }
    }
    // The story in JSON-LD only (a script-rendered page), or far longer there than what the
    // markup gave: take the page's own articleBody.
    if let Some(body) = meta.article_body.as_deref() {
        let body = json_ld_body_text(body);
        let theirs = word_count(&body);
        if theirs >= 20 && theirs as f64 > 1.5 * word_count(&text) as f64 {
            text = body;
        }
    }
    // No headline markup and a <title> too short to be a headline ("Gazette - Local News"):
    // a headline-like first line of the story is the headline.
    let short_title = meta
        .title
        .as_deref()
        .is_none_or(|t| t.split_whitespace().count() < 5);
    if meta.weak_title && short_title {
        let first = text.split('\n').next().unwrap_or("");
        let words = first.split_whitespace().count();
        // Not the page's only paragraph, not a sentence (CJK full stops too), headline-sized.
        let rest = text[first.len()..].trim();
        if (4..=20).contains(&words)
            && first.chars().count() <= MAX_HEADLINE_CHARS
            && !rest.is_empty()
            && !first.ends_with(['.', '!', '?', ':', ',', ';', '"', '。', '！', '？', '」'])
        {
            meta.title = Some(first.to_string());
            text = text[first.len()..].trim_start_matches('\n').to_string();
        }
    }
    if origin.url.is_none() {
        origin.url = meta.url.clone();
    }
    origin.markup = true;
    let language = detect_language(meta.title.as_deref(), &text);
    Document {
        id: id.to_string(),
        title: meta.title,
        text,
        source: meta.site_name,
        published: meta.published,
        author: meta.author,
        language,
        gold: None,
        origin,
    }
}

/// Longest first line taken for a headline.
const MAX_HEADLINE_CHARS: usize = 160;

/// Fewest words taken from `<noscript>`: fewer is a notice to enable JavaScript.
const NOSCRIPT_MIN_WORDS: usize = 25;

/// Bytes of `<noscript>` and template markup, as a multiple of the text found, above which
/// that markup is read even when the page gave a long text.
const NOSCRIPT_MARKUP_RATIO: usize = 4;

/// The markup inside the page's `<noscript>` elements and HTML templates of scripts (kept as
/// raw text by the tree), joined.
fn noscript_html(dom: &Dom) -> String {
    let mut out = String::new();
    for id in dom.preorder() {
        let node = &dom.nodes[id];
        let template = node.name() == "script"
            && node.attr("type").is_some_and(|t| {
                matches!(
                    t.trim().to_ascii_lowercase().as_str(),
                    "text/template" | "text/html" | "text/x-template"
                )
            });
        if node.name() == "noscript" || template {
            out.push_str(&dom.text_of(id));
            out.push('\n');
        }
    }
    out
}

fn word_count(text: &str) -> usize {
    text.split_whitespace().count()
}

/// articleBody as text: one paragraph per line. Some sites put HTML in it.
fn json_ld_body_text(body: &str) -> String {
    if body.contains("</p>") || body.contains("<br") {
        let dom = Dom::parse(body);
        return main_text::extract_main_text(&dom, None);
    }
    body.lines()
        .map(|l| l.split_whitespace().collect::<Vec<_>>().join(" "))
        .filter(|l| !l.is_empty())
        .collect::<Vec<_>>()
        .join("\n\n")
}

/// Bytes of text given to the language detector (its cost is linear in them; with 4 KB it
/// was a sixth of extraction time).
const LANGUAGE_SAMPLE_BYTES: usize = 1024;

/// The language of a story (ISO 639-3), from its text by whatlang's trigram model; `None`
/// when the text is too short or the guess unreliable.
pub fn detect_language(title: Option<&str>, text: &str) -> Option<String> {
    let mut sample = String::with_capacity(LANGUAGE_SAMPLE_BYTES + 256);
    if let Some(t) = title {
        sample.push_str(t);
        sample.push('\n');
    }
    let mut end = text.len().min(LANGUAGE_SAMPLE_BYTES);
    while !text.is_char_boundary(end) {
        end -= 1;
    }
    sample.push_str(&text[..end]);
    if sample.chars().filter(|c| c.is_alphabetic()).count() < 20 {
        return None;
    }
    let info = whatlang::detect(&sample)?;
    (info.is_reliable() || info.confidence() >= 0.5).then(|| info.lang().code().to_string())
}

/// Why a page gave no story text, for the error message: a frameset, a shell whose text a
/// script renders, or only navigation and furniture.
pub fn empty_page_reason(html: &str) -> &'static str {
    let dom = Dom::parse(html);
    let mut scripts = 0usize;
    let mut frames = false;
    for id in dom.preorder() {
        match dom.nodes[id].name() {
            "script" => scripts += 1,
            "frameset" | "frame" => frames = true,
            _ => {}
        }
    }
    // One walk carrying whether an ancestor hides its text.
    let mut visible = false;
    let mut stack = vec![(0, false)];
    while let Some((id, hidden)) = stack.pop() {
        let node = &dom.nodes[id];
        match &node.data {
            dom::NodeData::Text(t) => visible |= !hidden && t.chars().any(char::is_alphanumeric),
            dom::NodeData::Element { name, .. } => {
                let hides = matches!(
                    name.as_str(),
                    "script" | "style" | "noscript" | "template" | "head" | "title"
                );
                stack.extend(node.children.iter().map(|&c| (c, hidden || hides)));
            }
        }
    }
    if frames {
        "the page is a frameset: its text is in the framed pages"
    } else if !visible && scripts > 0 {
        "the page has no text without JavaScript (only scripts)"
    } else if !visible {
        "the page has no visible text"
    } else {
        "its text is only navigation, links and page furniture"
    }
}

/// Read only the metadata of an HTML page.
#[cfg_attr(not(feature = "unstable-internals"), allow(dead_code))] // for tests and the lab
pub fn html_metadata(html: &str) -> PageMetadata {
    metadata::read_metadata(&Dom::parse(html))
}

/// Whether text looks like an HTML page rather than plain text (for standard input and files
/// without a telling extension).
pub fn looks_like_html(text: &str) -> bool {
    let head: String = text
        .trim_start_matches('\u{feff}')
        .trim_start()
        .chars()
        .take(1024)
        .collect::<String>()
        .to_ascii_lowercase();
    if head.starts_with("<!doctype html") || head.starts_with("<html") || head.starts_with("<?xml")
    {
        return true;
    }
    const TAGS: &[&str] = &[
        "<head", "<body", "<div", "<p>", "<p ", "<meta", "<title", "<article", "<script", "<br",
    ];
    head.starts_with('<') && TAGS.iter().any(|t| head.contains(t))
}

/// Decode a page that is not valid UTF-8 with the charset its `<meta>` or XML declaration
/// names (windows-1252, Shift_JIS, GBK, ...), or, when it declares none or its bytes contradict
/// the declaration, with the charset guessed from its bytes. `None` when neither decodes
/// the page without errors.
pub fn decode_declared_charset(bytes: &[u8]) -> Option<String> {
    decode_page_charset(bytes).map(|page| page.text)
}

/// A page decoded from a legacy charset, with a note when the charset was guessed.
pub(crate) struct DecodedPage {
    /// The page as text.
    pub text: String,
    /// Why the page was not decoded as it declares, for a warning naming the file.
    pub guessed: Option<String>,
}

/// The work of [`decode_declared_charset`], saying when the charset was guessed.
pub(crate) fn decode_page_charset(bytes: &[u8]) -> Option<DecodedPage> {
    let head = &bytes[..bytes.len().min(4096)];
    let lower: Vec<u8> = head.to_ascii_lowercase();
    let label = find_label(&lower, b"charset=").or_else(|| find_label(&lower, b"encoding="));
    let declared = label.and_then(encoding_rs::Encoding::for_label);
    if let Some(encoding) = declared.filter(|&e| e != encoding_rs::UTF_8) {
        let (text, _, errors) = encoding.decode(bytes);
        if !errors {
            return Some(DecodedPage {
                text: text.into_owned(),
                guessed: None,
            });
        }
    }
    // Firefox's detector reads about 2.5 MB/s: it is given only the non-ASCII runs, each with
    // the ASCII letters beside it, up to 16 KB of them (enough for a sure guess).
    let sample = non_ascii_sample(bytes, 16 << 10);
    let mut detector = chardetng::EncodingDetector::new(chardetng::Iso2022JpDetection::Deny);
    // Not `last`: the sample may end inside a character.
    detector.feed(&sample, false);
    let guess = detector.guess(None, chardetng::Utf8Detection::Deny);
    let (text, _, errors) = guess.decode(bytes);
    let said = match declared {
        Some(e) => format!("declares charset {} but its bytes are not in it", e.name()),
        None => "declares no charset and is not UTF-8".to_string(),
    };
    if !errors {
        return Some(DecodedPage {
            text: text.into_owned(),
            guessed: Some(format!(
                "{said}; decoded as {} (guessed from its bytes)",
                guess.name()
            )),
        });
    }
    // Neither decodes cleanly: the declared charset if any, as browsers do.
    let encoding = declared.filter(|&e| e != encoding_rs::UTF_8)?;
    let (text, _, _) = encoding.decode(bytes);
    Some(DecodedPage {
        text: text.into_owned(),
        guessed: Some(format!(
            "has bytes that are not in its declared charset {}; they are replaced with U+FFFD",
            encoding.name()
        )),
    })
}

/// The runs of non-ASCII bytes of a page with up to three bytes of context on each side,
/// separated by spaces, until `limit` bytes are collected. Linear in the page.
fn non_ascii_sample(bytes: &[u8], limit: usize) -> Vec<u8> {
    const CONTEXT: usize = 3;
    let mut sample = Vec::new();
    let mut i = 0;
    while i < bytes.len() && sample.len() < limit {
        if bytes[i].is_ascii() {
            i += 1;
            continue;
        }
        // The window runs on while the next non-ASCII byte is near: no character is cut.
        let from = i.saturating_sub(CONTEXT);
        let mut to = i;
        let mut last = i;
        while to < bytes.len() && to - last <= 2 * CONTEXT && to - from < limit {
            if !bytes[to].is_ascii() {
                last = to;
            }
            to += 1;
        }
        let to = (last + 1 + CONTEXT).min(bytes.len()).min(to);
        sample.extend_from_slice(&bytes[from..to]);
        sample.push(b' ');
        i = to;
    }
    sample
}

fn find_label<'a>(head: &'a [u8], key: &[u8]) -> Option<&'a [u8]> {
    let at = head.windows(key.len()).position(|w| w == key)? + key.len();
    let rest = &head[at..];
    let rest = rest
        .strip_prefix(b"\"")
        .or_else(|| rest.strip_prefix(b"'"))
        .unwrap_or(rest);
    let end = rest
        .iter()
        .position(|b| !(b.is_ascii_alphanumeric() || matches!(b, b'-' | b'_' | b'.' | b':')))
        .unwrap_or(rest.len());
    (end > 0).then(|| &rest[..end])
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn declared_legacy_charsets_are_decoded() {
        let page =
            b"<html><head><meta http-equiv=Content-Type content='text/html; charset=ISO-8859-1'>\
            </head><body><p>Caf\xe9 na\xefve</p></body></html>";
        let text = decode_declared_charset(page).expect("declared charset");
        assert!(text.contains("Caf\u{e9} na\u{ef}ve"));
        let sjis = b"<meta charset=\"shift_jis\"><p>\x93\xfa\x96\x7b</p>";
        assert!(decode_declared_charset(sjis)
            .expect("sjis")
            .contains("\u{65e5}\u{672c}"));
        // No charset, or one the bytes contradict: guessed from the bytes, and said so.
        let page = "<p>Caf\u{e9} na\u{ef}ve, \u{201c}quoted\u{201d} \u{2014} \u{20ac}12</p>";
        let (cp1252, _, _) = encoding_rs::WINDOWS_1252.encode(page);
        for prefix in [
            &b""[..],
            b"<meta charset=utf-8>",
            b"<meta charset=shift_jis>",
        ] {
            let bytes = [prefix, &cp1252[..]].concat();
            let got = decode_page_charset(&bytes).expect("guessed");
            assert!(got.text.ends_with(page), "{}", got.text);
            assert!(got.guessed.expect("said").contains("windows-1252"));
        }
        let (gbk, _, _) = encoding_rs::GBK.encode(
            "<p>\u{6e21}\u{8f6e}\u{5728}\u{7ecf}\u{5386}\u{4e86}\u{4e00}\u{5468}\u{7684}\u{98ce}\u{66b4}\u{4e4b}\u{540e}\u{6062}\u{590d}\u{8fd0}\u{8425}\u{3002}</p>",
        );
        let got = decode_page_charset(&gbk).expect("guessed");
        assert!(got.text.contains("\u{6e21}\u{8f6e}"), "{}", got.text);
    }

    #[test]
    fn headline_without_markup_comes_from_the_first_line() {
        let html = "<title>Gazette - Local News</title><td><b>Beach cleared of litter</b><br><br>\
            Volunteers cleared the beach on Saturday, collecting three tonnes of litter.<br><br>\
            The clean-up was organised by residents, for the ninth year running.</td>";
        let doc = parse_html("a", html, Origin::default());
        assert_eq!(doc.title.as_deref(), Some("Beach cleared of litter"));
        assert!(doc.text.starts_with("Volunteers cleared"), "{}", doc.text);
    }

    #[test]
    fn a_pages_only_paragraph_is_not_its_headline() {
        let html = "<title>Tales</title><p>犬が 肉を くわえて 橋を 渡って いました。</p>";
        let doc = parse_html("a", html, Origin::default());
        assert_eq!(doc.text, "犬が 肉を くわえて 橋を 渡って いました。");
        let html = "<title>Tales</title><p>A dog carried a bone across the bridge</p>";
        assert!(parse_html("a", html, Origin::default())
            .text
            .starts_with("A dog"));
    }

    #[test]
    fn text_only_in_noscript_is_read() {
        let html = "<html><body><div id=app></div><noscript><div class=posts>\
            <p>The first post of the thread, with a comma, long enough to be scored.</p>\
            <p>A reply to it, with a comma, also long enough to be scored.</p>\
            <p>Another reply, with a comma, that says it agrees with the first.</p></div>\
            </noscript></body></html>";
        let doc = parse_html("a", html, Origin::default());
        assert!(doc.text.starts_with("The first post"), "{}", doc.text);
        assert!(doc.text.ends_with("with the first."), "{}", doc.text);
        let shell = "<body><div id=app></div><noscript>You need to enable JavaScript.</noscript>";
        assert_eq!(parse_html("a", shell, Origin::default()).text, "");
    }

    #[test]
    fn a_post_body_in_a_script_template_is_read() {
        let para = "<p>The body of the post, with a comma, long enough to be scored here.</p>";
        let labels: String = (0..30)
            .map(|n| format!("<li><a href=/l{n}>Label {n}</a></li>"))
            .collect();
        let html = format!(
            "<body><div class=post-body><script type=text/template>{}</script></div>\
             <div class=sidebar><h2>Labels</h2><ul>{labels}</ul><p>About this blog, a few \
             words.</p></div></body>",
            para.repeat(8)
        );
        let doc = parse_html("a", &html, Origin::default());
        assert_eq!(
            doc.text.matches("The body of the post").count(),
            8,
            "{}",
            doc.text
        );
    }

    #[test]
    fn story_only_in_json_ld_and_language() {
        let html = r#"<html><head><script type="application/ld+json">{"@type":"NewsArticle",
            "headline":"Fähre fällt aus","author":{"name":"Ida Kern"},
            "articleBody":"Die Fähre zwischen den beiden Inseln fällt wegen des Sturms bis Montag aus.\nDie Reederei bittet die Fahrgäste, sich vor der Abfahrt über die Lage zu informieren, und erstattet die Tickets."}
            </script></head><body><div id=app></div></body></html>"#;
        let doc = parse_html("a", html, Origin::default());
        assert!(doc.text.starts_with("Die Fähre"), "{}", doc.text);
        assert_eq!(doc.text.matches("\n\n").count(), 1);
        assert_eq!(doc.author.as_deref(), Some("Ida Kern"));
        assert_eq!(doc.language.as_deref(), Some("deu"));
    }

    #[test]
    fn sniffs_html() {
        assert!(looks_like_html("<!DOCTYPE html><html>"));
        assert!(looks_like_html("  <html lang=en>"));
        assert!(looks_like_html("<div class=x><p>Hi</p></div>"));
        assert!(!looks_like_html(
            "Storm hits coast\n\nA storm <b>hit</b> the coast."
        ));
        assert!(!looks_like_html("<3 this story"));
    }

    #[test]
    fn document_from_page() {
        let html = r#"<html><head><title>Storm hits coast - Gazette</title>
            <meta property="article:published_time" content="2024-01-02"></head>
            <body><h1>Storm hits coast</h1><p>A storm hit the coast on Monday, damaging ten homes.</p>
            <p>Officials said repairs would begin soon, and roads would reopen.</p></body></html>"#;
        let doc = parse_html("a", html, Origin::default());
        assert_eq!(doc.title.as_deref(), Some("Storm hits coast"));
        assert_eq!(doc.published.as_deref(), Some("2024-01-02"));
        assert_eq!(
            doc.text,
            "A storm hit the coast on Monday, damaging ten homes.\n\n\
             Officials said repairs would begin soon, and roads would reopen."
        );
    }
}
