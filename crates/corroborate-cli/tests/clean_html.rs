//! `corroborate clean` on HTML pages: metadata in `--format json`, and pages with no story text
//! (script-only shells, framesets, a PDF named `.html`) reported with the reason, never a panic.

mod common;
use common::{clean, scratch, write};

#[test]
fn json_format_carries_page_metadata() {
    let dir = scratch("meta");
    let page = r#"<html lang="de"><head><title>Fähre fällt aus | Inselbote</title>
        <meta property="og:site_name" content="Inselbote">
        <meta name="author" content="Ida Kern">
        <meta property="article:published_time" content="2025-02-03T08:00:00+01:00">
        <link rel="canonical" href="https://inselbote.invalid/faehre"></head>
        <body><nav><a href="/">Start</a> <a href="/lokales">Lokales</a></nav><article>
        <h1>Fähre fällt aus</h1>
        <p>Die Fähre zwischen den beiden Inseln fällt wegen des Sturms bis Montag aus, teilte die Reederei mit.</p>
        <p>Die Fahrgäste sollen sich vor der Abfahrt informieren; bereits gekaufte Fahrkarten werden erstattet.</p>
        </article></body></html>"#;
    let file = write(&dir, "faehre.html", page.as_bytes());
    for flag in [&["--format", "json"][..], &["--json"][..]] {
        let mut args = flag.to_vec();
        args.push(&file);
        let out = clean(&args);
        assert!(
            out.status.success(),
            "{}",
            String::from_utf8_lossy(&out.stderr)
        );
        let v: serde_json::Value = serde_json::from_slice(&out.stdout).expect("one JSON object");
        assert_eq!(v["title"], "Fähre fällt aus");
        assert_eq!(v["source"], "Inselbote");
        assert_eq!(v["author"], "Ida Kern");
        assert_eq!(v["published"], "2025-02-03T08:00:00+01:00");
        assert_eq!(v["language"], "deu");
        assert_eq!(v["url"], "https://inselbote.invalid/faehre");
        let text = v["text"].as_str().expect("text");
        assert!(text.starts_with("Die Fähre"), "{text}");
        assert!(!text.contains("Lokales"), "{text}");
    }
}

#[test]
fn pages_without_story_text_say_why() {
    let dir = scratch("empty");
    let cases: [(&str, &[u8], &str); 3] = [
        (
            "shell.html",
            b"<html><head><script>window.app = {}</script></head><body><div id=root></div>\
              <script src=app.js></script></body></html>",
            "JavaScript",
        ),
        (
            "frames.html",
            b"<html><frameset cols=\"20%,80%\"><frame src=menu.html><frame src=story.html>\
              </frameset></html>",
            "frameset",
        ),
        (
            "paper.html",
            b"%PDF-1.7\n%\xe2\xe3\xcf\xd3\n1 0 obj\n<< >>\nendobj\n\0\0",
            "",
        ),
    ];
    for (name, bytes, reason) in cases {
        let file = write(&dir, name, bytes);
        let out = clean(&[&file]);
        let err = String::from_utf8_lossy(&out.stderr);
        assert_eq!(out.status.code(), Some(1), "{name}: {err}");
        assert!(err.contains(name), "{name}: {err}");
        assert!(err.contains(reason), "{name}: {err}");
        assert!(!err.contains("panicked"), "{name}: {err}");
    }
}
