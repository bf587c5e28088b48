//! The HTML brief in a real browser (Debian's headless Chromium): the page renders on a laptop
//! and a phone screen, a click on a citation highlights the cited sentence, and script in
//! article text never runs.
//!
//! Needs `chromium` (`scripts/install-chromium.sh`; `$CHROMIUM` overrides the path). When it
//! is missing the tests fail, unless `CORROBORATE_SKIP_BROWSER=1` is set outside CI (a skip
//! has to be asked for: libtest hides a skip note, so an absent browser passed unseen).

use std::path::{Path, PathBuf};
use std::process::{Command, Stdio};
use std::time::{Duration, Instant};

const TIMEOUT: Duration = Duration::from_secs(90);

fn chromium() -> Option<PathBuf> {
    if let Some(p) = std::env::var_os("CHROMIUM") {
        return Some(PathBuf::from(p));
    }
    let candidates = ["/usr/bin/chromium", "/usr/bin/chromium-browser"];
    if let Some(p) = candidates.iter().map(PathBuf::from).find(|p| p.exists()) {
        return Some(p);
    }
    if std::env::var_os("CI").is_some() {
        panic!("chromium missing in CI: run scripts/install-chromium.sh");
    }
    if std::env::var_os("CORROBORATE_SKIP_BROWSER").is_some_and(|v| v == "1") {
        eprintln!("skipping (CORROBORATE_SKIP_BROWSER=1): chromium not found");
        return None;
    }
    panic!(
        "chromium not found: install it with scripts/install-chromium.sh (or set $CHROMIUM), \
         or set CORROBORATE_SKIP_BROWSER=1 to skip the browser tests"
    );
}

/// A fresh scratch directory for one test.
fn scratch(name: &str) -> PathBuf {
    let dir = std::env::temp_dir().join(format!(
        "corroborate-chromium-{name}-{}",
        std::process::id()
    ));
    let _ = std::fs::remove_dir_all(&dir);
    std::fs::create_dir_all(&dir).expect("scratch dir");
    dir
}

/// Write the HTML brief of `input` to `out`.
fn brief_html(input: &Path, out: &Path) {
    let status = Command::new(env!("CARGO_BIN_EXE_corroborate"))
        .args(["brief", "--format", "html", "-o"])
        .arg(out)
        .arg(input)
        .status()
        .expect("corroborate runs");
    assert!(status.success());
}

/// Run headless Chromium on `url` with `extra` arguments; returns its standard output.
fn run_chromium(bin: &Path, dir: &Path, extra: &[String], url: &str) -> String {
    let profile = dir.join(format!("profile-{}", extra.join("").len()));
    let _ = std::fs::remove_dir_all(&profile);
    let mut child = Command::new(bin)
        .args([
            "--headless",
            "--no-sandbox",
            "--disable-gpu",
            "--disable-quic",
            "--no-first-run",
            "--disable-background-networking",
            "--disable-component-update",
            "--disable-sync",
            "--disable-dev-shm-usage",
            "--hide-scrollbars",
        ])
        .arg(format!("--user-data-dir={}", profile.display()))
        .args(extra)
        .arg(url)
        .stdout(Stdio::piped())
        .stderr(Stdio::null())
        .spawn()
        .expect("chromium starts");
    let mut stdout = child.stdout.take().expect("piped stdout");
    let reader = std::thread::spawn(move || {
        let mut s = String::new();
        std::io::Read::read_to_string(&mut stdout, &mut s).ok();
        s
    });
    let start = Instant::now();
    loop {
        match child.try_wait().expect("wait on chromium") {
            Some(status) => {
                assert!(status.success(), "chromium failed: {status}");
                break;
            }
            None if start.elapsed() > TIMEOUT => {
                let _ = child.kill();
                let _ = child.wait();
                panic!("chromium did not finish in {TIMEOUT:?}");
            }
            None => std::thread::sleep(Duration::from_millis(50)),
        }
    }
    reader.join().expect("reader thread")
}

fn file_url(path: &Path) -> String {
    format!(
        "file://{}",
        path.canonicalize().expect("absolute path").display()
    )
}

fn example_dir() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("../../examples/harbor-fire")
}

#[test]
fn page_renders_on_laptop_and_phone_screens() {
    let Some(bin) = chromium() else { return };
    let dir = scratch("screens");
    let page = dir.join("brief.html");
    brief_html(&example_dir(), &page);
    for (name, size) in [("laptop", "1280,900"), ("phone", "390,844")] {
        let png = dir.join(format!("{name}.png"));
        run_chromium(
            &bin,
            &dir,
            &[
                format!("--window-size={size}"),
                format!("--screenshot={}", png.display()),
            ],
            &file_url(&page),
        );
        let bytes = std::fs::read(&png).expect("screenshot written");
        assert!(bytes.starts_with(b"\x89PNG\r\n\x1a\n"), "{name}: not a PNG");
        // A blank page of this size compresses to a few kilobytes; text makes it much larger.
        assert!(
            bytes.len() > 20_000,
            "{name}: screenshot looks empty ({} bytes)",
            bytes.len()
        );
    }
    std::fs::remove_dir_all(&dir).ok();
}

#[test]
fn clicking_a_citation_highlights_the_cited_sentence() {
    let Some(bin) = chromium() else { return };
    let dir = scratch("click");
    let page = dir.join("brief.html");
    brief_html(&example_dir(), &page);
    let url = format!("{}#test-click", file_url(&page));
    let dom = run_chromium(&bin, &dir, &["--dump-dom".to_string()], &url);
    let attr = |name: &str| -> String {
        let key = format!("{name}=\"");
        let at = dom
            .find(&key)
            .unwrap_or_else(|| panic!("no {name} in the DOM"))
            + key.len();
        dom[at..at + dom[at..].find('"').expect("closing quote")].to_string()
    };
    let lit = attr("data-test-click");
    let href = attr("data-test-href");
    assert!(lit.starts_with('s'), "no sentence highlighted: {lit}");
    assert_eq!(
        format!("#{lit}"),
        href,
        "the highlighted sentence is the cited one"
    );
    assert!(dom.contains(&format!("class=\"sent hl\" id=\"{lit}\"")));
    std::fs::remove_dir_all(&dir).ok();
}

#[test]
fn script_in_article_text_never_runs() {
    let Some(bin) = chromium() else { return };
    let dir = scratch("inject");
    let articles = dir.join("articles");
    std::fs::create_dir_all(&articles).expect("dir");
    let payload = "<script>document.body.setAttribute('data-pwned','1')</script>\
        <img src=x onerror=\"document.body.setAttribute('data-pwned','2')\">";
    std::fs::write(
        articles.join("a.txt"),
        format!("Fire at the harbor {payload}\n\nA fire destroyed three warehouses at Kessel harbor on Tuesday night. {payload} The harbor will reopen on Friday.\n"),
    )
    .expect("write");
    std::fs::write(
        articles.join("b.txt"),
        "Warehouses burn\n\nThree warehouses at Kessel harbor were destroyed by a fire on Tuesday \
         night. \"><svg onload=\"document.body.setAttribute('data-pwned','3')\"> Nobody died.\n",
    )
    .expect("write");
    let page = dir.join("brief.html");
    brief_html(&articles, &page);
    let url = format!("{}#test-click", file_url(&page));
    let dom = run_chromium(&bin, &dir, &["--dump-dom".to_string()], &url);
    assert!(
        dom.contains("data-test-click=\"s"),
        "the page's own script ran"
    );
    let body = &dom[dom.find("<body").expect("body")..];
    let body_tag = &body[..body.find('>').expect("tag end")];
    assert!(
        !body_tag.contains("data-pwned"),
        "article script ran: {body_tag}"
    );
    assert!(!dom.contains("<img"), "article markup became an element");
    assert!(!dom.contains("<svg"), "article markup became an element");
    assert!(dom.contains("&lt;script&gt;document.body.setAttribute"));
    std::fs::remove_dir_all(&dir).ok();
}
