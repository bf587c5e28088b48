//! Summaries on the shared evaluation sets hold no sentence that leans on a sentence left out
//! ("Four of them were hurt." without the one naming them): counted per method and printed
//! (run with `--nocapture` to read the table), and asserted to be zero on Multi-News.

mod common;

use corroborate::summarize::leans_back;
use corroborate::{Budget, Method, PreparedCluster};

/// Over the summaries of `method`: sentences, sentences that lean back, and those among them
/// not right after the sentence they lean on.
fn count(clusters: &[PreparedCluster], method: Method) -> (usize, usize, usize) {
    let (mut sentences, mut leaning, mut stranded) = (0, 0, 0);
    for c in clusters {
        let summary = method.summarize(c, Budget::Words(250));
        sentences += summary.sentences.len();
        for (k, &i) in summary.sentences.iter().enumerate() {
            if !leans_back(c.text(i)) {
                continue;
            }
            leaning += 1;
            let after_antecedent = k > 0
                && i > 0
                && summary.sentences[k - 1] == i - 1
                && c.sentences[i - 1].doc == c.sentences[i].doc;
            if !after_antecedent {
                stranded += 1;
            }
        }
    }
    (sentences, leaning, stranded)
}

fn table(rel: &str, methods: &[Method]) -> Option<Vec<(Method, usize)>> {
    let clusters = common::prepared_clusters(rel)?;
    let mut out = Vec::new();
    for &m in methods {
        let (sentences, leaning, stranded) = count(&clusters, m);
        println!(
            "{rel} {m}: {sentences} summary sentences, {leaning} lean back, {stranded} without \
             their antecedent"
        );
        out.push((m, stranded));
    }
    Some(out)
}

#[test]
fn no_summary_sentence_leans_on_a_sentence_left_out_on_multinews() {
    let methods: Vec<Method> = Method::ALL
        .iter()
        .copied()
        .filter(|&m| m != Method::Ilp && m != Method::Submodular) // slower; see below
        .filter(|&m| m != Method::Oracle) // the unconstrained ceiling takes sentences as they come
        .collect();
    let Some(counts) = table("data/summarization/multinews-sample100.jsonl", &methods) else {
        return;
    };
    for (m, stranded) in counts {
        assert_eq!(stranded, 0, "{m}");
    }
}

/// Every method but the oracle on the three sets, with the counts printed (slow in a debug
/// build): `cargo test --release --test summarize_context -- --ignored --nocapture`.
#[test]
#[ignore]
fn count_on_every_set_and_method() {
    for rel in [
        "data/summarization/multinews-sample100.jsonl",
        "data/summarization/duc2006.jsonl",
        "data/summarization/duc2007-main.jsonl",
    ] {
        let Some(counts) = table(rel, Method::ALL) else {
            return;
        };
        for (m, stranded) in counts {
            if m != Method::Oracle {
                assert_eq!(stranded, 0, "{rel} {m}");
            }
        }
    }
}
