//! An HTML tokenizer: start and end tags with their attributes, text with character
//! references decoded, comments and doctypes skipped, and the raw text of `<script>`,
//! `<style>`, `<title>` ... up to their end tag.
//!
//! Our own rather than html5ever's spec tokenizer because measurement said so: on the 454
//! real pages of `data/html/` html5ever's tokenizer (a state machine fed one character at a
//! time through tendrils) was 63% of the extraction time. This one jumps between `<` and `&`
//! with memchr and slices the input, so a page's text costs a copy. It follows the WHATWG
//! tokenizer where pages differ in practice (attribute quoting, duplicate attributes, named
//! references with and without `;` and their attribute-value exception, numeric references
//! with the windows-1252 remapping, bogus comments, `<!-->`, end tags of raw text) and leaves
//! out what does not change a page's text (parse errors, CDATA outside SVG/MathML). Work is linear in the input: every scan moves forward.

use std::borrow::Cow;
use std::fmt;
use std::ops::Deref;

/// A lower-case tag or attribute name. The common ones are static strings, so that an
/// element and its attributes do not allocate a name each (a page has thousands).
#[derive(Clone, PartialEq, Eq, Hash)]
pub struct Name(Cow<'static, str>);

/// Tag and attribute names frequent enough on pages to keep as static strings.
#[rustfmt::skip]
const COMMON_NAMES: &[&str] = &[
    // Tags.
    "a", "abbr", "address", "article", "aside", "audio", "b", "base", "blockquote", "body",
    "br", "button", "caption", "cite", "code", "col", "dd", "del", "details", "div", "dl", "dt",
    "em", "figcaption", "figure", "font", "footer", "form", "h1", "h2", "h3", "h4", "h5", "h6",
    "head", "header", "hr", "html", "i", "iframe", "img", "input", "label", "li", "link",
    "main", "meta", "nav", "noscript", "ol", "option", "p", "path", "picture", "pre", "q", "s",
    "script", "section", "select", "small", "source", "span", "strong", "style", "sub",
    "summary", "sup", "svg", "table", "tbody", "td", "template", "textarea", "th", "thead",
    "time", "title", "tr", "u", "ul", "video", "g", "use", "center", "tt",
    // Attributes.
    "class", "id", "href", "src", "rel", "type", "name", "content", "property", "itemprop",
    "itemscope", "itemtype", "role", "lang", "style", "title", "alt", "width", "height",
    "target", "hidden", "aria-hidden", "aria-label", "datetime", "data-src", "srcset", "sizes",
    "loading", "charset", "http-equiv", "value", "action", "method", "for", "tabindex",
    "viewbox", "xmlns", "d", "fill", "async", "defer", "crossorigin", "integrity", "media",
    "data-component", "dir", "border", "align", "valign", "colspan", "rowspan", "cellpadding",
    "cellspacing", "bgcolor", "color", "face", "size", "onclick", "aria-expanded",
    "aria-controls", "aria-labelledby", "decoding", "referrerpolicy", "data-id", "placeholder",
    "autocomplete", "checked", "selected", "disabled",
];

/// Slots of the table of common names: a power of two, about seven times their number, so
/// that a lookup mostly reads one slot.
const NAME_SLOTS: usize = 1024;

/// The first slot of a name (multiplicative hash of its first eight bytes, its length and its
/// last byte).
const fn name_slot(b: &[u8]) -> usize {
    let n = b.len();
    let mut w = 0u64;
    let mut i = 0;
    while i < n && i < 8 {
        w |= (b[i] as u64) << (8 * i);
        i += 1;
    }
    if n > 0 {
        w ^= ((n as u64) << 56) ^ ((b[n - 1] as u64) << 48);
    }
    (w.wrapping_mul(0x9E37_79B9_7F4A_7C15) >> (64 - NAME_SLOTS.trailing_zeros())) as usize
}

/// The common names by slot (open addressing, linear probing), built at compile time; `""`
/// marks a free slot.
static NAME_TABLE: [&str; NAME_SLOTS] = {
    let mut table = [""; NAME_SLOTS];
    let mut i = 0;
    while i < COMMON_NAMES.len() {
        let name = COMMON_NAMES[i];
        let mut slot = name_slot(name.as_bytes());
        loop {
            if table[slot].is_empty() {
                table[slot] = name;
                break;
            }
            if const_eq(table[slot].as_bytes(), name.as_bytes()) {
                break;
            }
            slot = (slot + 1) % NAME_SLOTS;
        }
        i += 1;
    }
    table
};

const fn const_eq(a: &[u8], b: &[u8]) -> bool {
    if a.len() != b.len() {
        return false;
    }
    let mut i = 0;
    while i < a.len() {
        if a[i] != b[i] {
            return false;
        }
        i += 1;
    }
    true
}

impl Name {
    /// The name of a lower-case string, static when it is a common one.
    pub fn new(lower: &str) -> Name {
        let mut slot = name_slot(lower.as_bytes());
        loop {
            let common = NAME_TABLE[slot];
            if common.is_empty() {
                return Name(Cow::Owned(lower.to_string()));
            }
            if common == lower {
                return Name(Cow::Borrowed(common));
            }
            slot = (slot + 1) % NAME_SLOTS;
        }
    }

    /// The name as a string.
    pub fn as_str(&self) -> &str {
        &self.0
    }
}

impl Deref for Name {
    type Target = str;
    fn deref(&self) -> &str {
        &self.0
    }
}

impl PartialEq<str> for Name {
    fn eq(&self, other: &str) -> bool {
        *self.0 == *other
    }
}

impl PartialEq<&str> for Name {
    fn eq(&self, other: &&str) -> bool {
        *self.0 == **other
    }
}

impl fmt::Debug for Name {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        fmt::Debug::fmt(&*self.0, f)
    }
}

impl fmt::Display for Name {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.0)
    }
}

/// How the text after a start tag is read, up to the matching end tag.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum RawKind {
    /// Text as is (`<style>`, `<noscript>`, `<iframe>` ...).
    Rawtext,
    /// A script: text as is, but inside `<!--` a `<script>` ... `</script>` pair is text
    /// (`document.write('<script>...</script>')`).
    ScriptData,
    /// Text with character references decoded (`<title>`, `<textarea>`).
    Rcdata,
}

/// What the tokenizer reports, in document order.
pub trait TokenSink {
    /// A start tag (name lower-case, attributes in source order, the first of duplicates
    /// kept). The sink answers whether the element's content is raw text.
    fn start_tag(
        &mut self,
        name: &str,
        attrs: Vec<(Name, String)>,
        self_closing: bool,
    ) -> Option<RawKind>;
    /// An end tag (name lower-case).
    fn end_tag(&mut self, name: &str);
    /// Character data, references decoded. Consecutive calls continue the same text.
    fn text(&mut self, text: &str);
}

fn is_space(b: u8) -> bool {
    matches!(b, b'\t' | b'\n' | b'\x0c' | b' ' | b'\r')
}

/// Tokenize a whole page into `sink`. Never fails: what is not markup is text.
pub fn tokenize(html: &str, sink: &mut impl TokenSink) {
    // The input stream preprocessing of the standard: CR LF and CR become LF; NULs go.
    let html: Cow<str> = if memchr::memchr2(b'\r', b'\0', html.as_bytes()).is_some() {
        Cow::Owned(normalize_newlines(html))
    } else {
        Cow::Borrowed(html)
    };
    let html: &str = &html;
    let b = html.as_bytes();
    let len = b.len();
    // Text goes to the sink as slices of the page (the sink joins consecutive calls), a run of
    // text with character references decoded in this buffer: the page's text is copied once by
    // the sink (and a run with references once more, into the buffer).
    let mut decoded = String::new();
    // The current tag's lower-case name, one buffer for the whole page.
    let mut name = String::new();
    let mut pos = 0;
    while pos < len {
        let Some(off) = memchr::memchr2(b'<', b'&', &b[pos..]) else {
            text(sink, &html[pos..]);
            break;
        };
        let at = pos + off;
        if b[at] == b'&' {
            // The rest of the text up to the next tag, its references decoded into the buffer,
            // goes to the sink in one piece: the sink then allocates its text once instead of
            // growing it reference by reference. A reference never reaches past a `<` (its
            // name and digits are alphanumeric, its end a `;`); should one, the run goes on.
            let next_tag = |from: usize| memchr::memchr(b'<', &b[from..]).map_or(len, |o| from + o);
            let mut run_end = next_tag(at);
            decoded.clear();
            decoded.push_str(&html[pos..at]);
            let mut p = at;
            loop {
                p = char_ref(html, p, false, &mut decoded);
                if p > run_end {
                    run_end = next_tag(p);
                }
                match memchr::memchr(b'&', &b[p..run_end]) {
                    Some(o) => {
                        decoded.push_str(&html[p..p + o]);
                        p += o;
                    }
                    None => break,
                }
            }
            decoded.push_str(&html[p..run_end]);
            text(sink, &decoded);
            pos = run_end;
            continue;
        }
        text(sink, &html[pos..at]);
        match b.get(at + 1).copied() {
            Some(c) if c.is_ascii_alphabetic() => {
                let Some(tag) = read_tag(html, at + 1, &mut name) else {
                    // A tag cut off by the end of the page is dropped.
                    break;
                };
                let raw = sink.start_tag(&name, tag.attrs, tag.self_closing);
                pos = tag.end;
                if let (Some(kind), false) = (raw, tag.self_closing) {
                    pos = raw_text(html, pos, &name, kind, sink);
                }
            }
            Some(b'/') => match b.get(at + 2).copied() {
                Some(c) if c.is_ascii_alphabetic() => {
                    let Some(tag) = read_tag(html, at + 2, &mut name) else {
                        break;
                    };
                    sink.end_tag(&name);
                    pos = tag.end;
                }
                Some(b'>') => pos = at + 3,
                None => {
                    text(sink, "</");
                    pos = len;
                }
                Some(_) => pos = skip_to_gt(b, at + 2),
            },
            Some(b'!') => pos = skip_markup_declaration(b, at + 2),
            Some(b'?') => pos = skip_to_gt(b, at + 1),
            _ => {
                text(sink, "<");
                pos = at + 1;
            }
        }
    }
}

/// CR LF and lone CR become LF, NULs go: in one pass.
fn normalize_newlines(html: &str) -> String {
    let b = html.as_bytes();
    let mut out = String::with_capacity(html.len());
    let mut pos = 0;
    while let Some(off) = memchr::memchr2(b'\r', b'\0', &b[pos..]) {
        let at = pos + off;
        out.push_str(&html[pos..at]);
        if b[at] == b'\r' && b.get(at + 1) != Some(&b'\n') {
            out.push('\n');
        }
        pos = at + 1;
    }
    out.push_str(&html[pos..]);
    out
}

/// Text to the sink, unless empty.
fn text(sink: &mut impl TokenSink, text: &str) {
    if !text.is_empty() {
        sink.text(text);
    }
}

/// Past the next `>` (a bogus comment), or the end.
fn skip_to_gt(b: &[u8], from: usize) -> usize {
    memchr::memchr(b'>', &b[from.min(b.len())..]).map_or(b.len(), |i| from + i + 1)
}

/// `<!` seen: a comment `<!-- ... -->` (also ended by `--!>`; `<!-->` and `<!--->` are empty
/// comments), else a doctype or bogus comment up to `>`.
fn skip_markup_declaration(b: &[u8], from: usize) -> usize {
    if !b[from..].starts_with(b"--") {
        return skip_to_gt(b, from);
    }
    let body = from + 2;
    if b[body..].starts_with(b">") {
        return body + 1;
    }
    if b[body..].starts_with(b"->") {
        return body + 2;
    }
    let mut i = body;
    while let Some(off) = memchr::memchr(b'-', &b[i..]) {
        let at = i + off;
        if b[at..].starts_with(b"-->") {
            return at + 3;
        }
        if b[at..].starts_with(b"--!>") {
            return at + 4;
        }
        i = at + 1;
    }
    b.len()
}

struct Tag {
    attrs: Vec<(Name, String)>,
    self_closing: bool,
    /// Byte just past the tag's `>`.
    end: usize,
}

/// Read a tag whose name starts at `start`, its lower-case name into `name`; `None` when the
/// page ends inside it.
fn read_tag(html: &str, start: usize, name: &mut String) -> Option<Tag> {
    let b = html.as_bytes();
    let len = b.len();
    let mut i = start;
    while i < len && !is_space(b[i]) && b[i] != b'/' && b[i] != b'>' {
        i += 1;
    }
    name.clear();
    name.push_str(&html[start..i]);
    name.make_ascii_lowercase();
    let mut attrs: Vec<(Name, String)> = Vec::new();
    loop {
        while i < len && is_space(b[i]) {
            i += 1;
        }
        match b.get(i).copied()? {
            b'>' => {
                return Some(Tag {
                    attrs,
                    self_closing: false,
                    end: i + 1,
                })
            }
            b'/' => {
                if b.get(i + 1) == Some(&b'>') {
                    return Some(Tag {
                        attrs,
                        self_closing: true,
                        end: i + 2,
                    });
                }
                i += 1;
                continue;
            }
            _ => {}
        }
        // An attribute name: its first character may be `=`.
        let name_start = i;
        i += 1;
        while i < len && !is_space(b[i]) && !matches!(b[i], b'/' | b'>' | b'=') {
            i += 1;
        }
        // Multi-byte characters end on a boundary: the stops above are all ASCII.
        let attr_name = &html[name_start..i];
        while i < len && is_space(b[i]) {
            i += 1;
        }
        let mut value = String::new();
        if b.get(i) == Some(&b'=') {
            i += 1;
            while i < len && is_space(b[i]) {
                i += 1;
            }
            match b.get(i).copied()? {
                q @ (b'"' | b'\'') => {
                    let close = i + 1 + memchr::memchr(q, &b[i + 1..])?;
                    value = decode(&html[i + 1..close], true);
                    i = close + 1;
                }
                b'>' => {}
                _ => {
                    let vs = i;
                    while i < len && !is_space(b[i]) && b[i] != b'>' {
                        i += 1;
                    }
                    value = decode(&html[vs..i], true);
                }
            }
        }
        if !attrs.iter().any(|(k, _)| k.eq_ignore_ascii_case(attr_name)) {
            let attr_name = if attr_name.bytes().any(|c| c.is_ascii_uppercase()) {
                Name::new(&attr_name.to_ascii_lowercase())
            } else {
                Name::new(attr_name)
            };
            attrs.push((attr_name, value));
        }
    }
}

/// The content of a raw-text element up to its end tag (`</name` then a space, `/` or `>`),
/// left for the main loop to read. Returns where that end tag starts (or the end).
fn raw_text(
    html: &str,
    from: usize,
    name: &str,
    kind: RawKind,
    sink: &mut impl TokenSink,
) -> usize {
    let b = html.as_bytes();
    let end = if kind == RawKind::ScriptData {
        script_end(b, from)
    } else {
        let mut i = from;
        loop {
            let Some(off) = memchr::memchr(b'<', &b[i..]) else {
                break b.len();
            };
            let at = i + off;
            if b.get(at + 1) == Some(&b'/') && names_at(b, at + 2, name.as_bytes()) {
                break at;
            }
            i = at + 1;
        }
    };
    match kind {
        RawKind::Rawtext | RawKind::ScriptData => text(sink, &html[from..end]),
        RawKind::Rcdata => text(sink, &decode(&html[from..end], false)),
    }
    end
}

/// Whether `name` (case-insensitive) stands at `at`, followed by a space, `/` or `>`.
fn names_at(b: &[u8], at: usize, name: &[u8]) -> bool {
    b.len() > at + name.len()
        && b[at..at + name.len()].eq_ignore_ascii_case(name)
        && matches!(
            b[at + name.len()],
            b'\t' | b'\n' | b'\x0c' | b' ' | b'\r' | b'/' | b'>'
        )
}

/// Where a script's `</script>` starts, with the standard's escape states: after `<!--` a
/// `<script>` opens a nested pair whose `</script>` does not end the script; `-->` leaves.
fn script_end(b: &[u8], from: usize) -> usize {
    let (mut escaped, mut double) = (false, false);
    let mut i = from;
    while let Some(off) = memchr::memchr2(b'<', b'-', &b[i..]) {
        let at = i + off;
        i = at + 1;
        if b[at] == b'-' {
            if b[at..].starts_with(b"-->") {
                (escaped, double) = (false, false);
                i = at + 3;
            }
            continue;
        }
        if !escaped && b[at..].starts_with(b"<!--") {
            escaped = true;
            i = at + 4;
        } else if escaped && !double && names_at(b, at + 1, b"script") {
            double = true;
        } else if b.get(at + 1) == Some(&b'/') && names_at(b, at + 2, b"script") {
            if !double {
                return at;
            }
            double = false;
        }
    }
    b.len()
}

/// Text with its character references decoded.
fn decode(s: &str, in_attr: bool) -> String {
    let b = s.as_bytes();
    let mut out = String::with_capacity(s.len());
    let mut pos = 0;
    while let Some(off) = memchr::memchr(b'&', &b[pos..]) {
        let at = pos + off;
        out.push_str(&s[pos..at]);
        pos = char_ref(s, at, in_attr, &mut out);
    }
    out.push_str(&s[pos..]);
    out
}

/// Named references frequent on pages (`&quot;` fills JSON in attributes), with their characters.
const COMMON_REFERENCES: [(&str, char); 6] = [
    ("quot;", '"'),
    ("amp;", '&'),
    ("nbsp;", '\u{a0}'),
    ("lt;", '<'),
    ("gt;", '>'),
    ("apos;", '\''),
];

/// Decode the character reference at `at` (an `&`) into `out`; returns where the text goes on.
/// Not a reference: the `&` stays as text.
fn char_ref(s: &str, at: usize, in_attr: bool, out: &mut String) -> usize {
    let b = s.as_bytes();
    let len = b.len();
    let i = at + 1;
    if b.get(i) == Some(&b'#') {
        let mut j = i + 1;
        let hex = b.get(j).is_some_and(|&c| c | 0x20 == b'x');
        if hex {
            j += 1;
        }
        let digits = j;
        let mut value: u32 = 0;
        while j < len {
            let d = match (hex, b[j]) {
                (_, c @ b'0'..=b'9') => u32::from(c - b'0'),
                (true, c @ (b'a'..=b'f' | b'A'..=b'F')) => u32::from((c | 0x20) - b'a' + 10),
                _ => break,
            };
            value = value
                .saturating_mul(if hex { 16 } else { 10 })
                .saturating_add(d)
                .min(0x11_0000);
            j += 1;
        }
        if j == digits {
            out.push('&');
            return i;
        }
        if b.get(j) == Some(&b';') {
            j += 1;
        }
        out.push(numeric_char(value));
        return j;
    }
    // The commonest references first, without the walk below (a lookup per character): the
    // same longest match, since no name goes on past its `;`.
    for (name, ch) in COMMON_REFERENCES {
        if b[i..].starts_with(name.as_bytes()) {
            out.push(ch);
            return i + name.len();
        }
    }
    // The longest entity name that matches: the table also holds every prefix of a name
    // (mapped to 0), so the walk stops as soon as no name can match.
    let mut j = i;
    let mut best = None;
    while j < len && j - i < 40 {
        let c = b[j];
        if !(c.is_ascii_alphanumeric() || c == b';') {
            break;
        }
        j += 1;
        match web_atoms::NAMED_ENTITIES.get(&s[i..j]) {
            None => break,
            Some(&(0, _)) => {}
            Some(&v) => best = Some((j, v)),
        }
        if c == b';' {
            break;
        }
    }
    let Some((end, (c1, c2))) = best else {
        out.push('&');
        return i;
    };
    // In an attribute, `&amp=` and `&copyright` are left as written (URLs with query strings).
    if in_attr
        && b[end - 1] != b';'
        && b.get(end)
            .is_some_and(|&c| c == b'=' || c.is_ascii_alphanumeric())
    {
        out.push_str(&s[at..end]);
        return end;
    }
    for c in [c1, c2] {
        if let Some(ch) = char::from_u32(c).filter(|_| c != 0) {
            out.push(ch);
        }
    }
    end
}

/// The character of a numeric reference: windows-1252 for the C1 range, U+FFFD for zero,
/// surrogates and values past Unicode.
fn numeric_char(value: u32) -> char {
    if (0x80..=0x9f).contains(&value) {
        if let Some(c) = web_atoms::C1_REPLACEMENTS[(value - 0x80) as usize] {
            return c;
        }
    }
    if value == 0 {
        return '\u{fffd}';
    }
    char::from_u32(value).unwrap_or('\u{fffd}')
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn common_names_are_static_and_others_owned() {
        for &n in COMMON_NAMES {
            let name = Name::new(n);
            assert!(matches!(name.0, Cow::Borrowed(_)), "{n}");
            assert_eq!(name.as_str(), n);
        }
        for n in [
            "",
            "x-custom",
            "divs",
            "articlebody",
            "data-very-long-attribute-name",
        ] {
            let name = Name::new(n);
            assert!(matches!(name.0, Cow::Owned(_)), "{n}");
            assert_eq!(name, n);
        }
    }

    /// The tokens, and whether the last one is text.
    #[derive(Default)]
    struct Log(Vec<String>, bool);

    impl TokenSink for Log {
        fn start_tag(
            &mut self,
            name: &str,
            attrs: Vec<(Name, String)>,
            self_closing: bool,
        ) -> Option<RawKind> {
            let attrs: Vec<String> = attrs.iter().map(|(k, v)| format!(" {k}={v:?}")).collect();
            let slash = if self_closing { "/" } else { "" };
            self.0.push(format!("<{name}{}{slash}>", attrs.concat()));
            self.1 = false;
            match name {
                "style" => Some(RawKind::Rawtext),
                "script" => Some(RawKind::ScriptData),
                "title" => Some(RawKind::Rcdata),
                _ => None,
            }
        }
        fn end_tag(&mut self, name: &str) {
            self.0.push(format!("</{name}>"));
            self.1 = false;
        }
        fn text(&mut self, text: &str) {
            // Consecutive calls continue the same text.
            if self.1 {
                self.0.last_mut().expect("text was pushed").push_str(text);
            } else {
                self.0.push(text.to_string());
            }
            self.1 = true;
        }
    }

    macro_rules! tokenizes {
        ($($name:ident: $html:expr => [$($tok:expr),* $(,)?];)*) => {$(
            #[test]
            fn $name() {
                let mut log = Log::default();
                tokenize($html, &mut log);
                let want: Vec<String> = vec![$($tok.to_string()),*];
                assert_eq!(log.0, want, "{:?}", $html);
            }
        )*};
    }

    tokenizes! {
        tags_and_text: "<P Class=a>Hi <b>there</B></p>" =>
            ["<p class=\"a\">", "Hi ", "<b>", "there", "</b>", "</p>"];
        quoted_attributes_and_duplicates: "<a href='x>y' title=\"t\" href=z data-x>k</a>" =>
            ["<a href=\"x>y\" title=\"t\" data-x=\"\">", "k", "</a>"];
        self_closing_and_bare_slash: "<br/><img src=a / alt=b>" =>
            ["<br/>", "<img src=\"a\" alt=\"b\">"];
        named_references: "Fish &amp; chips &copy 2024 &notit; &bogus; &" =>
            ["Fish & chips \u{a9} 2024 \u{ac}it; &bogus; &"];
        common_references: "&quot;a&quot; &lt;b&gt;&nbsp;&apos;&ampx &amp;&amp" =>
            ["\"a\" <b>\u{a0}'&x &&"];
        numeric_references: "&#65;&#x42;&#X43 &#150; &#0; &#xD800; &#99999999; &#;" =>
            ["ABC \u{2013} \u{fffd} \u{fffd} \u{fffd} &#;"];
        attribute_reference_exception: "<a href=\"?a=1&copy=2&amp;b\">" =>
            ["<a href=\"?a=1&copy=2&b\">"];
        comments_and_doctypes: "<!DOCTYPE html><!-- <p>no</p> -->a<!-->b<!--->c<?xml v?>d</ >e" =>
            ["abcde"];
        raw_text_is_not_parsed: "<script>if (a<b) x='</p>';</script ><p>t" =>
            ["<script>", "if (a<b) x='</p>';", "</script>", "<p>", "t"];
        escaped_script_pairs_are_text:
            "<script><!-- document.write('<script>x</script>'); //--></script>t" =>
            ["<script>", "<!-- document.write('<script>x</script>'); //-->", "</script>", "t"];
        rcdata_decodes_references: "<title>A &amp; B <i></title>" =>
            ["<title>", "A & B <i>", "</title>"];
        stray_less_than_is_text: "1 < 2 <3 </" => ["1 < 2 <3 </"];
        unclosed_tag_at_the_end_is_dropped: "text<div class=\"a" => ["text"];
        carriage_returns_become_newlines: "a\r\nb\rc\0d" => ["a\nb\ncd"];
        unclosed_comment_runs_to_the_end: "a<!-- b <p>c" => ["a"];
        non_ascii_names_and_values: "<p data-ü=\"é\">ß</p>" =>
            ["<p data-ü=\"é\">", "ß", "</p>"];
    }

    #[test]
    fn arbitrary_bytes_never_panic() {
        let mut rng = crate::rng::SplitMix64(7);
        let alphabet = [
            "<", ">", "&", "#", "x", ";", "/", "=", "\"", "'", "!", "-", "a", "é", " ", "amp",
            "script", "\r",
        ];
        for _ in 0..2000 {
            let n = rng.below(40);
            let s: String = (0..n)
                .map(|_| alphabet[rng.below(alphabet.len())])
                .collect();
            tokenize(&s, &mut Log::default());
        }
    }
}
