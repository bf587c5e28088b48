//! Saying why a command has nothing to print (exit 4), instead of printing nothing; the
//! reasons come from the library (`Corroborate::why_no_summary`, `why_no_sentences`).

/// Report on stderr that `what` has no output, and why.
pub fn report(what: &str, why: &str) {
    eprintln!("corroborate: no output for {what}: {why}");
}
