//! Saying why a command has nothing to print (exit 4), instead of printing nothing.

use corroborate::{Budget, Method, PreparedCluster};

/// Why a summary of `cluster` by `method` within `budget` selected no sentence.
pub fn why_no_summary(cluster: &PreparedCluster, method: Method, budget: Budget) -> String {
    if method == Method::Oracle && cluster.refs.is_empty() {
        return "--method oracle needs reference summaries (cluster JSONL with references), \
                and this input has none"
            .to_string();
    }
    if let Some(why) = why_no_sentences(cluster) {
        return why;
    }
    if let Budget::Words(words) = budget {
        let shortest = cluster.sentences.iter().map(|s| s.words).min();
        if shortest.is_some_and(|w| w > words) {
            return format!(
                "every sentence is longer than the budget of {words} words (the shortest has \
                 {} words: text without sentence punctuation reads as one sentence)",
                shortest.unwrap_or(0)
            );
        }
    }
    format!("the {} method selected no sentence", method.name())
}

/// Why `cluster` has no sentence with words, or `None` when it has one.
pub fn why_no_sentences(cluster: &PreparedCluster) -> Option<String> {
    if cluster.sentences.iter().any(|s| s.words > 0) {
        return None;
    }
    let kept: usize = cluster
        .cleaned
        .iter()
        .zip(&cluster.docs)
        .map(|(c, d)| c.text(d).trim().len())
        .sum();
    Some(if kept == 0 {
        "no story text is left once page furniture is removed (too short, only symbols or emoji, or \
         all navigation and boilerplate)"
            .to_string()
    } else {
        "the text has no words to make sentences of (only symbols, emoji or numbers?)".to_string()
    })
}

/// Report on stderr that `what` has no output, and why.
pub fn report(what: &str, why: &str) {
    eprintln!("corroborate: no output for {what}: {why}");
}
