//! Rendering the brief: escaping of hostile article text, JSON shape, determinism, and
//! arbitrary input never panicking.

use corroborate::analyze::brief::{build_brief, build_brief_with, BriefConfig};
use corroborate::analyze::{Analysis, Mention, NumberGroup, NumberValue, Quote, Speaker};
use corroborate::render::{html, json, markdown, render, text, Format};
use corroborate::{Document, Pipeline, PreparedCluster};
use proptest::prelude::*;

// The markup sits in each document's first sentence, one of which the (compressed) summary of
// this short cluster keeps.
const HOSTILE: &str = "<script>document.body.dataset.pwned='1'</script> A fire destroyed three \
    warehouses at Kessel harbor on Tuesday night, *officials* said [link](http://evil.invalid). \"><img src=x onerror=\"document.body.dataset.pwned='1'\"> \
    The harbor will reopen on Friday, *officials* said [link](http://evil.invalid) | a </textarea> & more.";

fn hostile_cluster() -> PreparedCluster {
    let mut a = Document::from_text("a", format!("Fire <b>at</b> the \"harbor\"\n\n{HOSTILE}"));
    a.title = Some("Fire <b>at</b> the \"harbor\" 'x'".into());
    a.origin.url = Some("javascript:alert(1)\"><script>x</script>".into());
    let b = Document::from_text(
        "b",
        "Three warehouses at Kessel harbor were destroyed by a fire on Tuesday night, *officials* \
         said [link](http://evil.invalid). \
         <iframe src=\"http://evil.invalid\"></iframe> Nobody was killed.",
    );
    Pipeline::default().prepare_documents(vec![a, b])
}

/// An analysis whose strings are hostile too, with mentions into the documents.
fn hostile_analysis(c: &PreparedCluster) -> Analysis {
    let at = c.docs[0].text.find("A fire").expect("fixture text");
    Analysis {
        quotes: vec![Quote {
            text: "<script>alert('q')</script>".into(),
            speaker: Some(Speaker {
                name: "Ilse <i>Varga</i>".into(),
                role: Some("mayor\" onmouseover=\"x".into()),
            }),
            sources: vec![0],
            mentions: vec![Mention {
                doc: 0,
                span: at..at + 6,
            }],
        }],
        numbers: vec![NumberGroup {
            what: "people <u>injured</u>".into(),
            values: vec![NumberValue {
                value: 12.0,
                low: 12.0,
                high: 12.0,
                qualifier: String::new(),
                text: "12 <img src=y>".into(),
                by: Some("<b>agency</b>".into()),
                when: Some("since <i>May</i>".into()),
                sources: vec![0],
                mentions: vec![],
            }],
            disagree: true,
            within_source: vec![0],
            scoped: false,
        }],
        ..Analysis::default()
    }
}

#[test]
fn html_escapes_article_text_titles_origins_and_analysis() {
    let c = hostile_cluster();
    let brief = build_brief_with(&c, &hostile_analysis(&c), &BriefConfig::default());
    let page = html::render(&brief, &c);
    assert_eq!(
        page.matches("<script").count(),
        1,
        "only the page's own script"
    );
    assert_eq!(page.matches("</script>").count(), 1);
    for bad in [
        "<img",
        "<iframe",
        "<b>",
        "<i>",
        "<u>",
        "</textarea>",
        "onerror=\"",
    ] {
        assert!(!page.contains(bad), "unescaped {bad:?} in the page");
    }
    assert!(page.contains("&lt;script&gt;document.body.dataset.pwned"));
    assert!(page.contains("Fire &lt;b&gt;at&lt;/b&gt; the &quot;harbor&quot; &#39;x&#39;"));
    assert!(page.contains("mayor&quot; onmouseover=&quot;x"));
}

#[test]
fn html_makes_no_external_request() {
    let c = hostile_cluster();
    let page = html::render(&build_brief(&c, &BriefConfig::default()), &c);
    assert!(page.contains("Content-Security-Policy"));
    assert!(page.contains("default-src 'none'"));
    // Article text is escaped, so every '<' left in the page opens one of our own tags.
    let cut = |s: &str, open: &str, close: &str| -> String {
        let a = s.find(open).expect("opening tag") + open.len();
        let b = s.find(close).expect("closing tag");
        format!("{}{}", &s[..a], &s[b..])
    };
    let markup = cut(&cut(&page, "<style>", "</style>"), "<script>", "</script>");
    for tag in markup.split('<').skip(1) {
        let tag = &tag[..tag.find('>').expect("tags close")];
        // Attribute values hold no raw '"' (escaped), so odd pieces are values.
        let pieces: Vec<&str> = tag.split('"').collect();
        for (k, piece) in pieces.iter().enumerate().step_by(2) {
            assert!(
                !piece.contains("src="),
                "an element loads something: <{tag}>"
            );
            if piece.ends_with("href=") {
                let value = pieces.get(k + 1).copied().unwrap_or("");
                assert!(value.starts_with('#'), "only in-page links: <{tag}>");
            }
        }
    }
    assert!(!page.contains("<link"));
}

#[test]
fn html_citations_point_at_sentence_elements_that_exist() {
    let c = hostile_cluster();
    let brief = build_brief(&c, &BriefConfig::default());
    let page = html::render(&brief, &c);
    let mut n = 0;
    for (i, _) in page.match_indices("class=\"cite\" href=\"#") {
        let rest = &page[i + 20..];
        let id = &rest[..rest.find('"').expect("closing quote")];
        assert!(
            page.contains(&format!("id=\"{id}\"")),
            "missing target {id}"
        );
        n += 1;
    }
    let cites: usize = brief.summary.iter().map(|s| s.sources.len()).sum::<usize>()
        + brief.quotes.iter().map(|q| q.sources.len()).sum::<usize>()
        + brief
            .numbers
            .iter()
            .flat_map(|g| &g.values)
            .map(|v| v.sources.len())
            .sum::<usize>()
        + brief
            .entities
            .iter()
            .map(|e| e.sources.len())
            .sum::<usize>()
        + brief
            .timeline
            .iter()
            .map(|t| t.sources.len())
            .sum::<usize>();
    assert_eq!(n, cites);
}

#[test]
fn markdown_and_text_escape_or_flatten_markup() {
    let c = hostile_cluster();
    let brief = build_brief_with(&c, &hostile_analysis(&c), &BriefConfig::default());
    let md = markdown::render(&brief);
    // Outside code spans (which Markdown prints literally) every '<' is backslash-escaped.
    for (k, part) in md.split('`').enumerate() {
        if k % 2 == 0 {
            for (i, _) in part.match_indices('<') {
                assert!(
                    part[..i].ends_with('\\'),
                    "raw '<' in: {}",
                    &part[i.saturating_sub(30)..]
                );
            }
        }
    }
    assert!(md.contains(r"\*officials\*"), "{md}");
    assert!(md.contains(r"\[link\](http://evil.invalid)"));
    // The hostile analysis' two values come from one source: a conflict inside it.
    assert!(md.contains("**[1] gives different values**"), "{md}");
    let txt = text::render(&brief, 80);
    assert!(txt.contains("[1] GIVES DIFFERENT VALUES"), "{txt}");
    assert!(txt.lines().all(|l| l.chars().count() <= 80
        || !l.trim().contains(' ')
        || l.split_whitespace().any(|w| w.chars().count() > 40)));
}

#[test]
fn json_has_the_documented_keys_and_one_based_sources() {
    let c = hostile_cluster();
    let brief = build_brief_with(&c, &hostile_analysis(&c), &BriefConfig::default());
    let v: serde_json::Value = serde_json::from_str(&json::render(&brief, true)).expect("JSON");
    for key in [
        "title", "method", "sources", "summary", "quotes", "numbers", "entities", "timeline",
    ] {
        assert!(v.get(key).is_some(), "missing {key}");
    }
    let ns: Vec<u64> = v["sources"]
        .as_array()
        .expect("array")
        .iter()
        .map(|s| s["n"].as_u64().expect("n"))
        .collect();
    assert_eq!(ns, vec![1, 2]);
    for item in v["summary"].as_array().expect("array") {
        assert!(item["text"].is_string());
        assert_eq!(
            item["support"].as_u64(),
            Some(item["sources"].as_array().expect("array").len() as u64)
        );
        for p in item["passages"].as_array().expect("array") {
            let n = p["source"].as_u64().expect("source") as usize;
            let (s, e) = (
                p["start"].as_u64().expect("start") as usize,
                p["end"].as_u64().expect("end") as usize,
            );
            assert_eq!(&c.docs[n - 1].text[s..e], p["text"].as_str().expect("text"));
        }
    }
    assert_eq!(v["quotes"][0]["sources"], serde_json::json!([1]));
    assert_eq!(v["quotes"][0]["speaker"]["name"], "Ilse <i>Varga</i>");
    assert_eq!(v["numbers"][0]["values"][0]["value"], 12.0);
    assert_eq!(v["numbers"][0]["disagree"], true);
    let back: corroborate::analyze::brief::Brief =
        serde_json::from_value(v).expect("a brief reads back");
    assert_eq!(back, brief);
}

#[test]
fn every_format_is_deterministic() {
    let c = hostile_cluster();
    for f in Format::ALL {
        let a = render(*f, &build_brief(&c, &BriefConfig::default()), &c);
        let b = render(*f, &build_brief(&c, &BriefConfig::default()), &c);
        assert_eq!(a, b, "{f:?}");
    }
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(48))]

    /// Arbitrary Unicode articles never panic the brief or any renderer, and the page never
    /// gains a script element.
    #[test]
    fn arbitrary_articles_render_safely(texts in proptest::collection::vec("\\PC{0,200}", 1..4)) {
        let docs: Vec<Document> = texts
            .iter()
            .enumerate()
            .map(|(i, t)| Document::from_text(format!("d{i}"), t.clone()))
            .collect();
        let c = Pipeline::default().prepare_documents(docs);
        let brief = build_brief(&c, &BriefConfig::default());
        for f in Format::ALL {
            let out = render(*f, &brief, &c);
            if *f == Format::Html {
                prop_assert_eq!(out.matches("<script").count(), 1);
            }
        }
    }
}
