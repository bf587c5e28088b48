//! `corroborate brief --since/--seen` on the invented example cluster.

use std::path::PathBuf;
use std::process::{Command, Output};

fn example() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("../../examples/harbor-fire")
}

fn run(args: &[&str]) -> Output {
    Command::new(env!("CARGO_BIN_EXE_corroborate"))
        .args(args)
        .output()
        .expect("the binary runs")
}

fn ok(out: &Output) -> String {
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    String::from_utf8(out.stdout.clone()).expect("UTF-8 output")
}

#[test]
fn seen_articles_are_not_new_and_new_ones_are_marked() {
    let ex = example();
    let dir = std::env::temp_dir().join(format!("corroborate-seen-{}", std::process::id()));
    std::fs::create_dir_all(&dir).expect("temp dir");
    for name in ["01-kessel-courier.txt", "02-coastline-news.txt"] {
        std::fs::copy(ex.join(name), dir.join(name)).expect("copy");
    }
    let md = ok(&run(&[
        "brief",
        "--seen",
        dir.to_str().expect("UTF-8 path"),
        ex.to_str().expect("UTF-8 path"),
    ]));
    assert!(md.starts_with("## What's new\n"), "{md}");
    assert!(md.contains("3 new sources since what you saw (2 articles read)"));
    assert!(md.contains("- NEW 03-northshore-daily"));
    assert!(!md.contains("NEW 01-kessel-courier") && !md.contains("NEW 02-coastline-news"));
    let facts = md.split("New facts:").nth(1).expect("facts section");
    let facts: Vec<&str> = facts
        .lines()
        .take_while(|l| !l.starts_with('#'))
        .filter(|l| l.starts_with("- NEW "))
        .collect();
    assert!(!facts.is_empty());
    // Every new fact cites a new article.
    assert!(facts.iter().all(|f| f.ends_with("[03-northshore-daily]")
        || f.ends_with("[04-harbour-radio]")
        || f.ends_with("[05-valley-ledger]")));
    // The brief that follows covers the three new articles only.
    assert!(md.contains("3 sources"));
    std::fs::remove_dir_all(&dir).ok();

    // The same, said with --since the second article (undated articles: input order).
    let since = ok(&run(&[
        "brief",
        "--since",
        "02-coastline-news",
        ex.to_str().expect("UTF-8 path"),
    ]));
    assert_eq!(since, md);
}

#[test]
fn nothing_new_is_said_plainly() {
    let ex = example();
    let ex = ex.to_str().expect("UTF-8 path");
    let md = ok(&run(&["brief", "--seen", ex, ex]));
    assert_eq!(
        md,
        "## What's new\n\nNothing new was reported: every article (5) is one you have seen.\n"
    );
    let json = ok(&run(&["brief", "--format", "json", "--seen", ex, ex]));
    let v: serde_json::Value = serde_json::from_str(&json).expect("JSON");
    assert_eq!(v["nothing_new"], true);
    assert_eq!(v["seen_articles"], 5);
}

#[test]
fn since_something_unknown_fails() {
    let ex = example();
    let out = run(&[
        "brief",
        "--since",
        "no-such-article",
        ex.to_str().expect("UTF-8 path"),
    ]);
    assert!(!out.status.success());
    assert!(String::from_utf8_lossy(&out.stderr).contains("neither an article id"));
}
