//! WordNet 2.0 morphological exception lists (irregular forms: `took -> take`,
//! `children -> child`), which ROUGE-1.5.5 consults before its Porter stemmer when run with
//! `-m`.
//!
//! The lists ship inside the library (`wordnet/*.exc`, redistributed under the WordNet
//! licence in `wordnet/LICENSE`), so scoring needs no external files.

use std::collections::HashMap;
use std::sync::OnceLock;

/// The four lists. A form listed in more than one file keeps the base of the last file read;
/// ROUGE-1.5.5's database builder reads them in directory order, which is not fixed. The
/// reference scores (the shared DUC 2006 fixtures, and the script run on a database built
/// both ways) agree only when adj.exc wins over adv.exc: `better` is `good`, not `well`.
const EMBEDDED: &[(&str, &str)] = &[
    ("adv.exc", include_str!("wordnet/adv.exc")),
    ("adj.exc", include_str!("wordnet/adj.exc")),
    ("noun.exc", include_str!("wordnet/noun.exc")),
    ("verb.exc", include_str!("wordnet/verb.exc")),
];

/// Irregular inflected form -> base form.
#[derive(Debug, Clone, Default)]
pub struct WordNetExceptions {
    map: HashMap<String, String>,
}

impl WordNetExceptions {
    /// The lists embedded in the library.
    pub fn embedded() -> &'static WordNetExceptions {
        static LISTS: OnceLock<WordNetExceptions> = OnceLock::new();
        LISTS.get_or_init(|| WordNetExceptions::from_lists(EMBEDDED.iter().map(|(_, text)| *text)))
    }

    /// Build from `.exc` texts (one `form base [base...]` entry per line), read in order;
    /// as in ROUGE-1.5.5, only the first base of a line counts and later lines win.
    pub fn from_lists<'a>(lists: impl IntoIterator<Item = &'a str>) -> WordNetExceptions {
        let mut map = HashMap::new();
        for text in lists {
            for line in text.lines() {
                let mut fields = line.split_ascii_whitespace();
                if let (Some(form), Some(base)) = (fields.next(), fields.next()) {
                    map.insert(form.to_string(), base.to_string());
                }
            }
        }
        WordNetExceptions { map }
    }

    /// The base form of `word`, if it is a listed irregular form.
    pub fn base(&self, word: &str) -> Option<&str> {
        self.map.get(word).map(String::as_str)
    }

    /// Number of listed forms.
    pub fn len(&self) -> usize {
        self.map.len()
    }

    /// Whether no form is listed.
    pub fn is_empty(&self) -> bool {
        self.map.is_empty()
    }
}

#[cfg(test)]
mod tests {
    use super::WordNetExceptions;

    #[test]
    fn embedded_lists_map_irregular_forms() {
        let wn = WordNetExceptions::embedded();
        assert!(wn.len() > 5000);
        assert_eq!(wn.base("children"), Some("child"));
        assert_eq!(wn.base("took"), Some("take"));
        assert_eq!(wn.base("table"), None);
        // adj.exc is read after adv.exc, as in the database that produced the reference scores.
        assert_eq!(wn.base("better"), Some("good"));
        assert_eq!(wn.base("offer"), Some("offer"));
    }

    #[test]
    fn later_lines_win_and_only_the_first_base_counts() {
        let wn = WordNetExceptions::from_lists(["axes ax axis\nbetter good", "better well\n"]);
        assert_eq!(wn.base("axes"), Some("ax"));
        assert_eq!(wn.base("better"), Some("well"));
    }
}
