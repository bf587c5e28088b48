//! Page metadata: title, publication date, outlet name and canonical URL, from `<meta>` tags,
//! JSON-LD, `<time datetime>` and the headline elements.

use super::dom::{Dom, NodeData, NodeId};

/// What the page says about itself.
#[derive(Debug, Default, Clone, PartialEq, Eq)]
pub struct PageMetadata {
    /// Headline.
    pub title: Option<String>,
    /// Publication date as written by the page (ISO 8601 on most sites).
    pub published: Option<String>,
    /// Outlet name.
    pub site_name: Option<String>,
    /// Canonical URL.
    pub url: Option<String>,
    /// Author or byline (several authors joined by ", ").
    pub author: Option<String>,
    /// The language the page declares (`<html lang>`, `content-language`), as written.
    pub declared_language: Option<String>,
    /// The story text the page gives in JSON-LD (`articleBody`), when it does.
    pub article_body: Option<String>,
    /// The title is only the `<title>` element (often "Site - Section"), or missing.
    pub(super) weak_title: bool,
}

/// `<meta>` keys (name/property/itemprop) giving the publication date, best first.
const DATE_KEYS: &[&str] = &[
    "article:published_time",
    "og:article:published_time",
    "datepublished",
    "article.published",
    "published_time",
    "publishdate",
    "publish-date",
    "pubdate",
    "parsely-pub-date",
    "sailthru.date",
    "dc.date.issued",
    "dcterms.date",
    "dc.date",
    "date",
];

fn normalize_space(s: &str) -> String {
    s.split_whitespace().collect::<Vec<_>>().join(" ")
}

fn non_empty(s: &str) -> Option<String> {
    let s = normalize_space(s);
    (!s.is_empty()).then_some(s)
}

/// Read metadata from a parsed page.
pub fn read_metadata(dom: &Dom) -> PageMetadata {
    let mut meta: Vec<(String, String)> = Vec::new();
    let mut json_ld: Vec<serde_json::Value> = Vec::new();
    let mut title_tag = None;
    let mut first_h1 = None;
    let mut first_time = None;
    let mut canonical = None;
    let mut html_lang = None;
    let mut skip_until: Option<NodeId> = None;
    for id in dom.preorder() {
        // Skip the subtree of a comment section when looking for <time>.
        if let Some(end) = skip_until {
            if is_descendant(dom, id, end) {
                continue;
            }
            skip_until = None;
        }
        let node = &dom.nodes[id];
        let NodeData::Element { name, .. } = &node.data else {
            continue;
        };
        match name.as_str() {
            "meta" => {
                let key = node
                    .attr("property")
                    .or_else(|| node.attr("name"))
                    .or_else(|| node.attr("itemprop"));
                if let (Some(k), Some(v)) = (key, node.attr("content")) {
                    meta.push((k.to_ascii_lowercase(), v.to_string()));
                }
            }
            "script" => {
                let is_ld = node
                    .attr("type")
                    .is_some_and(|t| t.trim().eq_ignore_ascii_case("application/ld+json"));
                if is_ld {
                    if let Ok(v) = serde_json::from_str(dom.text_of(id).trim()) {
                        json_ld.push(v);
                    }
                }
            }
            "html" if html_lang.is_none() => html_lang = node.attr("lang").and_then(non_empty),
            "title" if title_tag.is_none() => title_tag = non_empty(&dom.text_of(id)),
            "h1" if first_h1.is_none() => first_h1 = non_empty(&dom.text_of(id)),
            "link" if canonical.is_none() => {
                if node
                    .attr("rel")
                    .is_some_and(|r| r.eq_ignore_ascii_case("canonical"))
                {
                    canonical = node.attr("href").and_then(non_empty);
                }
            }
            "time" if first_time.is_none() => {
                first_time = node
                    .attr("datetime")
                    .or_else(|| node.attr("content"))
                    .and_then(non_empty);
            }
            _ => {
                let comment = |v: &str| {
                    v.as_bytes()
                        .windows(7)
                        .any(|w| w.eq_ignore_ascii_case(b"comment"))
                };
                if node.attr("class").is_some_and(comment) || node.attr("id").is_some_and(comment) {
                    skip_until = Some(id);
                }
            }
        }
        // Microdata on any element: <span itemprop="datePublished" content="...">.
        if name != "meta"
            && node
                .attr("itemprop")
                .is_some_and(|p| p.eq_ignore_ascii_case("datepublished"))
        {
            if let Some(v) = node.attr("datetime").or_else(|| node.attr("content")) {
                meta.push(("datepublished".to_string(), v.to_string()));
            }
        }
    }
    let meta_value = |keys: &[&str]| {
        keys.iter().find_map(|k| {
            meta.iter()
                .find(|(mk, v)| mk == k && !v.trim().is_empty())
                .map(|(_, v)| normalize_space(v))
        })
    };
    let ld_date = json_ld.iter().find_map(|v| ld_find(v, "datePublished"));
    let ld_headline = json_ld.iter().find_map(|v| ld_find(v, "headline"));
    let ld_publisher = json_ld.iter().find_map(ld_publisher_name);
    let ld_author = json_ld.iter().find_map(ld_author);
    // The longest articleBody: pages with several JSON-LD objects (a teaser list) hold short ones.
    let article_body = json_ld
        .iter()
        .flat_map(|v| ld_all(v, "articleBody"))
        .max_by_key(|b| b.len());
    // article:author is often a profile URL.
    let meta_author = [
        "author",
        "article:author",
        "parsely-author",
        "sailthru.author",
        "dc.creator",
        "byl",
    ]
    .iter()
    .find_map(|k| meta_value(&[k]).filter(|a| !a.starts_with("http")));
    let published = meta_value(&DATE_KEYS[..2])
        .or(ld_date)
        .or_else(|| meta_value(&DATE_KEYS[2..DATE_KEYS.len() - 1]))
        .or(first_time)
        .or_else(|| meta_value(&DATE_KEYS[DATE_KEYS.len() - 1..]));
    let strong_title = meta_value(&["og:title", "twitter:title"])
        .or(ld_headline)
        .or(first_h1);
    let weak_title = strong_title.is_none();
    let title = strong_title.or_else(|| title_tag.map(|t| strip_site_suffix(&t)));
    PageMetadata {
        weak_title,
        title,
        published,
        site_name: meta_value(&["og:site_name", "application-name"]).or(ld_publisher),
        url: canonical.or_else(|| meta_value(&["og:url"])),
        author: meta_author.or(ld_author),
        declared_language: html_lang
            .or_else(|| meta_value(&["content-language", "og:locale", "language"])),
        article_body: article_body.map(str::to_string),
    }
}

fn is_descendant(dom: &Dom, mut node: NodeId, ancestor: NodeId) -> bool {
    // Bounded by the tree's depth cap.
    while node != 0 {
        if node == ancestor {
            return true;
        }
        node = dom.nodes[node].parent;
    }
    ancestor == 0
}

/// First string value of `key` in a JSON-LD value (objects, arrays, `@graph`), breadth-first.
fn ld_find(v: &serde_json::Value, key: &str) -> Option<String> {
    let mut queue = std::collections::VecDeque::from([v]);
    while let Some(v) = queue.pop_front() {
        match v {
            serde_json::Value::Object(map) => {
                if let Some(s) = map.get(key).and_then(|x| x.as_str()).and_then(non_empty) {
                    return Some(s);
                }
                queue.extend(map.values());
            }
            serde_json::Value::Array(items) => queue.extend(items),
            _ => {}
        }
    }
    None
}

/// Every string value of `key` in a JSON-LD value (raw, not space-normalised: paragraphs
/// are separated by newlines).
fn ld_all<'a>(v: &'a serde_json::Value, key: &str) -> Vec<&'a str> {
    let mut out = Vec::new();
    let mut stack = vec![v];
    while let Some(v) = stack.pop() {
        match v {
            serde_json::Value::Object(map) => {
                if let Some(s) = map.get(key).and_then(|x| x.as_str()) {
                    out.push(s);
                }
                stack.extend(map.values());
            }
            serde_json::Value::Array(items) => stack.extend(items),
            _ => {}
        }
    }
    out
}

/// The `author` of the first object that names one: a string, `{"name"}` or a list of them.
fn ld_author(v: &serde_json::Value) -> Option<String> {
    fn name(a: &serde_json::Value) -> Option<String> {
        match a {
            serde_json::Value::String(s) => non_empty(s),
            serde_json::Value::Object(m) => {
                m.get("name").and_then(|n| n.as_str()).and_then(non_empty)
            }
            _ => None,
        }
    }
    let mut queue = std::collections::VecDeque::from([v]);
    while let Some(v) = queue.pop_front() {
        match v {
            serde_json::Value::Object(map) => {
                let names: Vec<String> = match map.get("author") {
                    Some(serde_json::Value::Array(items)) => {
                        items.iter().filter_map(name).collect()
                    }
                    Some(a) => name(a).into_iter().collect(),
                    None => Vec::new(),
                };
                if !names.is_empty() {
                    return Some(names.join(", "));
                }
                queue.extend(map.values());
            }
            serde_json::Value::Array(items) => queue.extend(items),
            _ => {}
        }
    }
    None
}

fn ld_publisher_name(v: &serde_json::Value) -> Option<String> {
    let mut queue = std::collections::VecDeque::from([v]);
    while let Some(v) = queue.pop_front() {
        match v {
            serde_json::Value::Object(map) => {
                if let Some(name) = map
                    .get("publisher")
                    .and_then(|p| p.get("name"))
                    .and_then(|n| n.as_str())
                    .and_then(non_empty)
                {
                    return Some(name);
                }
                queue.extend(map.values());
            }
            serde_json::Value::Array(items) => queue.extend(items),
            _ => {}
        }
    }
    None
}

/// "Headline | Site" or "Headline - Site" -> "Headline" (the longest part).
fn strip_site_suffix(title: &str) -> String {
    for sep in [" | ", " - ", " – ", " — ", " :: ", " · "] {
        if title.contains(sep) {
            if let Some(best) = title.split(sep).max_by_key(|p| p.chars().count()) {
                return best.trim().to_string();
            }
        }
    }
    title.to_string()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn meta(html: &str) -> PageMetadata {
        read_metadata(&Dom::parse(html))
    }

    #[test]
    fn open_graph_and_article_meta() {
        let m = meta(
            r#"<head><meta property="og:title" content="Bridge  approved">
            <meta property="article:published_time" content="2024-03-14T09:30:00Z">
            <meta property="og:site_name" content="Courier"></head>"#,
        );
        assert_eq!(m.title.as_deref(), Some("Bridge approved"));
        assert_eq!(m.published.as_deref(), Some("2024-03-14T09:30:00Z"));
        assert_eq!(m.site_name.as_deref(), Some("Courier"));
    }

    #[test]
    fn json_ld_graph_date_and_publisher() {
        let m = meta(
            r#"<script type="application/ld+json">{"@graph":[{"@type":"WebPage"},
            {"@type":"NewsArticle","headline":"Ice closes strait","datePublished":"2023-11-02",
            "publisher":{"name":"Polar Wire"}}]}</script>"#,
        );
        assert_eq!(m.title.as_deref(), Some("Ice closes strait"));
        assert_eq!(m.published.as_deref(), Some("2023-11-02"));
        assert_eq!(m.site_name.as_deref(), Some("Polar Wire"));
    }

    #[test]
    fn author_language_and_article_body() {
        let m = meta(
            r#"<html lang="de-DE"><script type="application/ld+json">{"@type":"NewsArticle",
            "author":[{"@type":"Person","name":"Ida Kern"},{"name":"Olaf Brandt"}],
            "articleBody":"Erster Absatz.\nZweiter Absatz."}</script>"#,
        );
        assert_eq!(m.author.as_deref(), Some("Ida Kern, Olaf Brandt"));
        assert_eq!(m.declared_language.as_deref(), Some("de-DE"));
        assert_eq!(
            m.article_body.as_deref(),
            Some("Erster Absatz.\nZweiter Absatz.")
        );
        let m = meta(
            r#"<meta name="author" content="https://x.invalid/a"><meta name="byl" content="By Ann Lee">"#,
        );
        assert_eq!(m.author.as_deref(), Some("By Ann Lee"));
    }

    #[test]
    fn time_element_outside_comments_and_title_suffix() {
        let m = meta(
            r#"<title>Library opens Sundays | Ashgrove Post</title><div class="comments">
            <time datetime="2024-09-06">later</time></div><time datetime="2024-09-05">5 Sep</time>"#,
        );
        assert_eq!(m.title.as_deref(), Some("Library opens Sundays"));
        assert_eq!(m.published.as_deref(), Some("2024-09-05"));
    }

    #[test]
    fn broken_json_ld_is_ignored() {
        let m = meta(r#"<script type="application/ld+json">{"datePublished": </script><h1>T</h1>"#);
        assert_eq!(m.published, None);
        assert_eq!(m.title.as_deref(), Some("T"));
    }
}
