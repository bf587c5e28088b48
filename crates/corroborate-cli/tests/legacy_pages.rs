//! `corroborate clean` on the bad pages of issue 17, from the outside: legacy charsets with a
//! missing or lying declaration, a PDF or an image saved as `.html`, a page that is all
//! furniture beside a good one. Invented pages only.

mod common;
use common::{assert_code, clean, scratch, stderr, stdout, write};

const STORY: &str = "The ferry between Holm and Vask resumed on Tuesday after a week of storms, \
    the operator said. Passengers queued at the caf\u{e9} on the quay; the fare rises to \u{20ac}12 \
    \u{2014} \u{201c}a fair price\u{201d}, said the manager.";
const POLISH: &str = "Prom mi\u{119}dzy Holm a Vask zn\u{f3}w kursuje od wtorku po tygodniu \
    sztorm\u{f3}w, poinformowa\u{142} przewo\u{17a}nik. Pasa\u{17c}erowie czekali w kawiarni na \
    nabrze\u{17c}u; \u{17c}\u{f3}\u{142}\u{107}, \u{17a}d\u{17a}b\u{142}o, \u{142}\u{f3}d\u{17a}, \
    \u{15b}nieg i g\u{119}\u{15b}.";
const JAPANESE: &str = "\u{30db}\u{30eb}\u{30e0}\u{3068}\u{30f4}\u{30a1}\u{30b9}\u{30af}\u{3092}\
    \u{7d50}\u{3076}\u{30d5}\u{30a7}\u{30ea}\u{30fc}\u{306f}\u{3001}\u{4e00}\u{9031}\u{9593}\u{306e}\
    \u{5d50}\u{306e}\u{5f8c}\u{3001}\u{706b}\u{66dc}\u{65e5}\u{306b}\u{904b}\u{822a}\u{3092}\u{518d}\
    \u{958b}\u{3057}\u{305f}\u{3068}\u{904b}\u{822a}\u{4f1a}\u{793e}\u{304c}\u{767a}\u{8868}\u{3057}\
    \u{305f}\u{3002}";
const CHINESE: &str = "\u{970d}\u{5c14}\u{59c6}\u{548c}\u{74e6}\u{65af}\u{514b}\u{4e4b}\u{95f4}\
    \u{7684}\u{6e21}\u{8f6e}\u{5728}\u{7ecf}\u{5386}\u{4e86}\u{4e00}\u{5468}\u{7684}\u{98ce}\u{66b4}\
    \u{4e4b}\u{540e}\u{4e8e}\u{661f}\u{671f}\u{4e8c}\u{6062}\u{590d}\u{8fd0}\u{8425}\u{ff0c}\u{8fd0}\
    \u{8425}\u{5546}\u{8868}\u{793a}\u{3002}\u{4e58}\u{5ba2}\u{5728}\u{7801}\u{5934}\u{7684}\u{5496}\
    \u{5561}\u{9986}\u{6392}\u{961f}\u{3002}";

fn page(meta: &str, text: &str) -> String {
    format!(
        "<html><head>{meta}<title>Ferry</title></head><body><nav><a href=/>Home</a></nav>\
         <article><h1>Ferry</h1><p>{text}</p><p>{text}</p></article></body></html>"
    )
}

fn encode(encoding: &'static encoding_rs::Encoding, text: &str) -> Vec<u8> {
    let (bytes, _, unmappable) = encoding.encode(text);
    assert!(!unmappable, "{} holds the text", encoding.name());
    bytes.into_owned()
}

#[test]
fn legacy_charsets_declared_missing_or_lying_are_decoded() {
    let dir = scratch("charsets");
    let cases: [(&str, &'static encoding_rs::Encoding, &str); 4] = [
        ("windows-1252", encoding_rs::WINDOWS_1252, STORY),
        ("ISO-8859-2", encoding_rs::ISO_8859_2, POLISH),
        ("Shift_JIS", encoding_rs::SHIFT_JIS, JAPANESE),
        ("GB2312", encoding_rs::GBK, CHINESE),
    ];
    for (label, encoding, text) in cases {
        // A wrong declaration: UTF-8, or another legacy charset the bytes are not valid in
        // (a lie the bytes do not contradict, Shift_JIS read as GBK, cannot be caught).
        let wrong = if encoding == encoding_rs::GBK {
            "shift_jis"
        } else {
            "utf-8"
        };
        let metas = [
            (format!("<meta charset=\"{label}\">"), None),
            (String::new(), Some("declares no charset")),
            (
                format!("<meta charset=\"{wrong}\">"),
                Some("but its bytes are not in it"),
            ),
        ];
        for (i, (meta, warning)) in metas.into_iter().enumerate() {
            let name = format!("{label}-{i}.html");
            let file = write(&dir, &name, &encode(encoding, &page(&meta, text)));
            let out = clean(&[&file]);
            assert_code(&out, 0, &name);
            let (stdout, stderr) = (stdout(&out), stderr(&out));
            assert!(stdout.contains(text), "{name}: {stdout}");
            assert!(!stdout.contains('\u{FFFD}'), "{name}: {stdout}");
            match warning {
                None => assert!(stderr.is_empty(), "{name}: {stderr}"),
                Some(w) => {
                    assert!(
                        stderr.contains(&format!("warning: {file}: the page")),
                        "{stderr}"
                    );
                    assert!(stderr.contains(w), "{name}: {stderr}");
                    assert!(stderr.contains(encoding.name()), "{name}: {stderr}");
                }
            }
        }
    }
}

#[test]
fn a_pdf_or_an_image_named_html_is_refused_by_name() {
    let dir = scratch("not-html");
    // A PDF whose first stream is text: no NUL byte anywhere.
    let pdf = b"%PDF-1.4\n1 0 obj\n<< /Type /Catalog /Pages 2 0 R >>\nendobj\n\
        4 0 obj\n<< /Length 44 >>\nstream\nBT /F1 24 Tf 100 700 Td (The ferry resumed) Tj ET\n\
        endstream\nendobj\ntrailer\n<< /Root 1 0 R >>\n%%EOF\n";
    let png = b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR\x00\x00\x00\x04";
    let gif = b"GIF89a\x04\x00\x04\x00\x80\xff\xff\xff\xff\xff\xff!\xf9\x04";
    let good = write(&dir, "good.html", page("", STORY).as_bytes());
    for (name, bytes, what) in [
        ("paper.html", &pdf[..], "a PDF document"),
        ("photo.html", &png[..], "a PNG image"),
        ("anim.htm", &gif[..], "a GIF image"),
    ] {
        let file = write(&dir, name, bytes);
        let out = clean(&[&file]);
        assert_code(&out, 1, name);
        assert!(out.stdout.is_empty(), "{name}");
        let stderr = stderr(&out);
        assert!(
            stderr.contains(&format!("{file}: looks like {what}, not text")),
            "{stderr}"
        );
        let out = clean(&[&good, &file]);
        assert_code(&out, 3, &format!("{name} beside a good page"));
        assert!(stdout(&out).contains("resumed on Tuesday"));
    }
}

#[test]
fn a_page_of_only_furniture_prints_nothing_or_is_named_as_skipped() {
    let dir = scratch("furniture");
    // A frameset whose only text is the browser notice: extraction finds it, cleaning drops it.
    let frames = write(
        &dir,
        "frames.html",
        b"<html><head><title>Gazette</title></head><frameset cols=\"20%,80%\">\
          <frame src=menu.html><frame src=story.html><noframes>Your browser does not support \
          frames.</noframes></frameset></html>",
    );
    for format in ["text", "json", "md"] {
        let out = clean(&["--format", format, &frames]);
        assert_code(&out, 4, format);
        assert!(out.stdout.is_empty(), "exit 4 prints nothing ({format})");
        let stderr = stderr(&out);
        assert!(
            stderr.contains(&format!("no output for {frames}")),
            "{stderr}"
        );
    }
    let good = write(&dir, "good.html", page("", STORY).as_bytes());
    let out = clean(&[&frames, &good]);
    assert_code(&out, 3, "a frameset beside a good page");
    let (stdout, stderr) = (stdout(&out), stderr(&out));
    assert!(
        stdout.starts_with("The ferry between"),
        "no empty block first: {stdout:?}"
    );
    assert!(
        stderr.contains(&format!("{frames}: skipped: no story text")),
        "{stderr}"
    );
}
