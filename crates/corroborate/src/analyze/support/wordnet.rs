//! WordNet relatives of common English words, for soft matching in support: a claim's word
//! that the candidate does not use may be carried by a synonym ("auto" for "car"), a
//! derivationally related form ("nomination" for "nominate") or, for nouns, a direct
//! hypernym ("cyclone" for "hurricane").
//!
//! The table (`data/wordnet-en.txt`, written by `scripts/wordnet-table.py` from the WordNet 3.0
//! database, licence in `data/wordnet-LICENSE`) lists, for the base forms of the 30,000 most
//! frequent words of `data/wordfreq-en.txt`, the one-word relatives of their first two senses.
//! It is parsed and stemmed once per process; relations are made symmetric (if "blaze" lists
//! "fire", "fire" has "blaze").

use crate::segment::EnglishStemmer;
use std::collections::HashMap;
use std::sync::OnceLock;

const TABLE: &str = include_str!("../../../data/wordnet-en.txt");

/// Which relations of the table to read.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) struct Relations {
    /// Synonyms (lemmas of the word's first senses).
    pub synonyms: bool,
    /// Derivationally related forms.
    pub derived: bool,
    /// Direct hypernyms of the first noun sense.
    pub hypernyms: bool,
}

/// Stemmed relatives by stemmed word, for one choice of relations.
#[derive(Debug, Default)]
pub(crate) struct Relatives {
    map: HashMap<String, Vec<String>>,
}

impl Relatives {
    /// Parse `table` (the format of `data/wordnet-en.txt`), keeping `relations`; stems with
    /// the English stemmer of the rest of the crate.
    pub(crate) fn parse(table: &str, relations: Relations) -> Self {
        let stemmer = EnglishStemmer::default();
        let stem = |w: &str| -> String { stemmer.stem(w).into_owned() };
        let mut map: HashMap<String, Vec<String>> = HashMap::new();
        for line in table.lines().filter(|l| !l.starts_with('#')) {
            let mut cols = line.split('\t');
            let Some(word) = cols.next() else { continue };
            let key = stem(word);
            let keep = [relations.synonyms, relations.derived, relations.hypernyms];
            for (col, on) in cols.zip(keep) {
                if !on {
                    continue;
                }
                for rel in col.split(' ').filter(|r| !r.is_empty()) {
                    let r = stem(rel);
                    if r != key {
                        map.entry(key.clone()).or_default().push(r.clone());
                        map.entry(r).or_default().push(key.clone());
                    }
                }
            }
        }
        for v in map.values_mut() {
            v.sort_unstable();
            v.dedup();
        }
        Relatives { map }
    }

    /// The relatives of a stem (stems too), empty when the table has none.
    pub(crate) fn of(&self, stem: &str) -> &[String] {
        self.map.get(stem).map_or(&[], Vec::as_slice)
    }

    /// The embedded table with synonyms and derived forms (the relations support uses;
    /// hypernyms added false matches on the development fold).
    pub(crate) fn embedded() -> &'static Relatives {
        static REL: OnceLock<Relatives> = OnceLock::new();
        REL.get_or_init(|| {
            Relatives::parse(
                TABLE,
                Relations {
                    synonyms: true,
                    derived: true,
                    hypernyms: false,
                },
            )
        })
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    const ALL: Relations = Relations {
        synonyms: true,
        derived: true,
        hypernyms: true,
    };

    #[test]
    fn relations_are_stemmed_and_symmetric() {
        let table = "# comment\nvanish\tdisappear\tvanishing\t\nglobe\t\t\tsphere\n";
        let r = Relatives::parse(table, ALL);
        let stem = |w: &str| EnglishStemmer::default().stem(w).into_owned();
        assert!(r.of(&stem("vanished")).contains(&stem("disappear")));
        assert!(r.of(&stem("disappears")).contains(&stem("vanish")));
        assert!(r.of(&stem("spheres")).contains(&stem("globe")));
        let no_hyp = Relatives::parse(
            table,
            Relations {
                hypernyms: false,
                ..ALL
            },
        );
        assert!(no_hyp.of(&stem("globe")).is_empty());
        assert!(r.of(&stem("unlisted")).is_empty());
    }

    #[test]
    fn embedded_table_links_common_news_words() {
        let r = Relatives::parse(TABLE, ALL);
        let stem = |w: &str| EnglishStemmer::default().stem(w).into_owned();
        // "nominate" and "nomination" share a stem already: no entry needed.
        assert!(r.of(&stem("cars")).contains(&stem("automobile")));
        assert!(r.of(&stem("resigned")).contains(&stem("quit")));
        assert!(r.of(&stem("assaulted")).contains(&stem("attack")));
        assert!(!r.of(&stem("car")).contains(&stem("fire")));
    }
}
