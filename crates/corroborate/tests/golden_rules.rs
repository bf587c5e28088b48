//! The 48 English Golden Rules of sentence boundary detection (pragmatic_segmenter, as
//! packaged with pySBD's benchmark), read from the shared data. pySBD passes 47, NLTK punkt 27.

mod common;

use corroborate::segment::split_sentences;

/// Fewer passing rules than this fails the test.
const MIN_PASSING: usize = 46;

#[test]
fn english_golden_rules() {
    let Some(path) = common::shared("data/segmentation/golden-rules-en.jsonl") else {
        return;
    };
    let data = std::fs::read_to_string(&path).expect("golden rules readable");
    let mut total = 0;
    let mut failures = Vec::new();
    for line in data.lines().filter(|l| !l.trim().is_empty()) {
        let rule: serde_json::Value = serde_json::from_str(line).expect("golden rule is JSON");
        let text = rule["text"].as_str().expect("rule has text");
        let want: Vec<String> = rule["sentences"]
            .as_array()
            .expect("rule has sentences")
            .iter()
            .map(|s| s.as_str().expect("sentence is a string").to_string())
            .collect();
        let got: Vec<String> = split_sentences(text)
            .into_iter()
            .map(|r| text[r].trim().to_string())
            .collect();
        total += 1;
        if got != want {
            failures.push((rule["rule"].clone(), want, got));
        }
    }
    let passed = total - failures.len();
    println!("golden rules: {passed}/{total} passed");
    for (rule, want, got) in &failures {
        println!("rule {rule} failed\n  want: {want:?}\n  got:  {got:?}");
    }
    assert_eq!(total, 48, "the file holds 48 rules");
    assert!(
        passed >= MIN_PASSING,
        "only {passed}/{total} golden rules pass"
    );
}
