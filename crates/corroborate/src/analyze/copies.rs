//! Near copies: a source that repeats an earlier source of its cluster with light edits (a
//! changed headline or dateline, a sentence added or removed, a few words changed, paragraphs
//! reflowed). The brief counts a copy's support once and marks the copy.
//!
//! Two texts are compared by their word 5-gram shingles: edits touch only the shingles around
//! them, reflowing touches none (the shingles run over the story's words in order, across
//! sentence and paragraph breaks), while two reports written apart share a quote or a stock
//! sentence at most (no pair of the neus-val clusters, three outlets each, shares more than
//! 36% of either's shingles unless it is a copy; docs/notes/tidy.md lists the pairs marked on
//! the shared sets).

use crate::prepared::PreparedCluster;
use std::collections::HashMap;

/// Words per shingle.
const SHINGLE: usize = 5;

/// Share of one text's distinct shingles that must appear in the other for a near copy, in
/// either direction (so a copy with sentences added or cut is one).
const COPY_SHARE: f64 = 0.6;

/// Fewest distinct shingles the contained text needs: a shorter one says too little to be
/// called a copy of anything.
const MIN_SHINGLES: usize = 10;

/// Fewest story sentences the contained text needs.
const MIN_SENTENCES: usize = 2;

/// Least size of the contained text, as a share of the other's shingles. A shortened version
/// of a story keeps a good part of it (a third on DUC 2007 D0730G); a long digest that quotes
/// most of a short article (9%), or an article that embeds a whole two-line statement (4%),
/// is not a copy of it (multinews 8180 and 38618, docs/notes/tidy.md).
const MIN_SIZE_SHARE: f64 = 0.25;

/// Earlier documents the index keeps per shingle (the first ones holding it). Bounds the
/// work of a shingle many sources share (a stock phrase, one story sent 200 times) so that
/// finding copies is linear in the words of the cluster; a copy of a widely copied text still
/// finds the first of them.
const HOLDERS: usize = 8;

/// For each document, the earlier document it nearly copies, if any: at least [`COPY_SHARE`]
/// of the distinct shingles of its story text are in the other's, or of the other's in its
/// own (the contained text has at least [`MIN_SENTENCES`] story sentences, [`MIN_SHINGLES`]
/// shingles and [`MIN_SIZE_SHARE`] of the other's). Of several, the one sharing the most
/// shingles, then the earliest.
///
/// One pass over the documents with a hash index from shingle to the first [`HOLDERS`]
/// documents holding it: each shingle is counted against at most [`HOLDERS`] documents, and
/// the counts touched are reset one by one, so time is linear in the words of the cluster.
pub(crate) fn near_copies(cluster: &PreparedCluster) -> Vec<Option<usize>> {
    let n = cluster.docs.len();
    let mut index: HashMap<u64, Vec<usize>> = HashMap::new();
    // Per document: distinct shingles, and whether it is long enough to be contained.
    let mut sizes = vec![0usize; n];
    let mut containable = vec![false; n];
    // Shared shingles with each earlier document, for the document at hand; reset through
    // `touched`.
    let mut shared = vec![0usize; n];
    let mut touched: Vec<usize> = Vec::new();
    let mut out = vec![None; n];
    for (d, range) in cluster.doc_sentences.iter().enumerate().take(n) {
        let body: Vec<&str> = range
            .clone()
            .filter(|&i| !cluster.sentences[i].heading)
            .map(|i| cluster.text(i))
            .collect();
        let set = shingles(&body);
        sizes[d] = set.len();
        containable[d] = body.len() >= MIN_SENTENCES && set.len() >= MIN_SHINGLES;
        for &h in &set {
            let holders = index.entry(h).or_default();
            for &e in holders.iter() {
                if shared[e] == 0 {
                    touched.push(e);
                }
                shared[e] += 1;
            }
            if holders.len() < HOLDERS {
                holders.push(d);
            }
        }
        // Whether `part` is contained in `whole`, sharing `c` shingles with it.
        let contained = |part: usize, whole: usize, c: usize| {
            containable[part]
                && c as f64 >= COPY_SHARE * sizes[part] as f64
                && sizes[part] as f64 >= MIN_SIZE_SHARE * sizes[whole] as f64
        };
        out[d] = touched
            .iter()
            .map(|&e| (e, shared[e]))
            .filter(|&(e, c)| contained(d, e, c) || contained(e, d, c))
            .max_by(|a, b| a.1.cmp(&b.1).then(b.0.cmp(&a.0)))
            .map(|(e, _)| e);
        for e in touched.drain(..) {
            shared[e] = 0;
        }
    }
    out
}

/// The distinct shingle hashes of a text given as its sentences in order, sorted: word
/// 5-grams over the lowercased words (runs of letters and digits) of all the sentences in a
/// row. A text of fewer words than a shingle has none.
fn shingles(sentences: &[&str]) -> Vec<u64> {
    let words: Vec<u64> = sentences.iter().flat_map(|s| words(s)).collect();
    let mut set: Vec<u64> = words
        .windows(SHINGLE)
        .map(|w| {
            w.iter().fold(0x9e37_79b9_7f4a_7c15_u64, |h, &x| {
                (h.rotate_left(5) ^ x).wrapping_mul(0x0100_0000_01b3)
            })
        })
        .collect();
    set.sort_unstable();
    set.dedup();
    set
}

/// FNV-1a hashes of the lowercased words of a text, in order.
fn words(text: &str) -> impl Iterator<Item = u64> + '_ {
    text.split(|c: char| !c.is_alphanumeric())
        .filter(|w| !w.is_empty())
        .map(|w| {
            let mut h: u64 = 0xcbf2_9ce4_8422_2325;
            let mut buf = [0u8; 4];
            for c in w.chars().flat_map(char::to_lowercase) {
                for &b in c.encode_utf8(&mut buf).as_bytes() {
                    h ^= u64::from(b);
                    h = h.wrapping_mul(0x0000_0100_0000_01b3);
                }
            }
            h
        })
}

#[cfg(test)]
pub(crate) mod tests {
    use super::*;

    /// An invented wire story: six paragraphs.
    pub(crate) const ORIGINAL: &str =
        "A fire destroyed three warehouses at Kessel harbor on Tuesday \
        night, the harbor office said.\n\nFirefighters from four towns fought the blaze for six \
        hours before they brought it under control in the early morning.\n\nNobody was hurt, \
        but the port will stay closed until Friday while engineers check the quay walls for \
        damage.\n\n\"We have never seen a fire like this in the harbor,\" said Mara Lind, who \
        runs the harbor office.\n\nThe warehouses held grain, timber and machine parts for the \
        shipyard, and their owners have not yet put a figure on the loss.\n\nInvestigators said \
        on Wednesday that the fire started in a storage hall near the quay.";

    /// The same story lightly edited by another outlet: a dateline, paragraphs joined, a
    /// sentence cut, one added, a few words changed.
    pub(crate) const EDITED: &str =
        "KESSEL (Coast News) -- A fire destroyed three warehouses at Kessel \
        harbor late on Tuesday night, the harbor office said. Firefighters from four towns \
        fought the blaze for six hours before they brought it under control in the early \
        morning.\n\nNobody was injured, but the port will stay closed until Friday while \
        engineers check the quay walls for damage. \"We have never seen a fire like this in \
        the harbor,\" said Mara Lind, who runs the harbor office.\n\nInvestigators said on \
        Wednesday that the fire started in a storage hall near the quay. Ferries to the \
        islands will leave from the fishing port until then.";

    /// Another outlet's own report of the same fire: it shares the quote and one sentence.
    pub(crate) const OWN_REPORT: &str =
        "Three warehouses burned down at Kessel harbor late on Tuesday, \
        and the port will be shut for the rest of the week.\n\n\"We have never seen a fire \
        like this in the harbor,\" said Mara Lind, who runs the harbor office.\n\nThe blaze \
        began in a storage hall and spread quickly in a strong westerly wind, witnesses said, \
        sending smoke over the old town.\n\nInvestigators said on Wednesday that the fire \
        started in a storage hall near the quay. Grain and timber worth several million \
        crowns were lost, according to the chamber of commerce.\n\nCrews from four towns \
        needed most of the night to put it out.";

    fn cluster(texts: &[&str]) -> PreparedCluster {
        crate::analyze::test_cluster(texts)
    }

    #[test]
    fn a_lightly_edited_copy_is_found_in_either_order() {
        assert_eq!(
            near_copies(&cluster(&[ORIGINAL, EDITED])),
            vec![None, Some(0)]
        );
        assert_eq!(
            near_copies(&cluster(&[EDITED, ORIGINAL])),
            vec![None, Some(0)]
        );
    }

    #[test]
    fn a_copy_with_sentences_added_or_cut_is_found() {
        let longer = format!(
            "{ORIGINAL}\n\nThe harbor office will publish a report on the fire next month. \
             The shipyard said its work would go on from a temporary store on the other bank."
        );
        let shorter: String = ORIGINAL
            .split("\n\n")
            .filter(|p| !p.starts_with("The warehouses held"))
            .collect::<Vec<_>>()
            .join(" ");
        let c = cluster(&[ORIGINAL, &longer, &shorter]);
        assert_eq!(near_copies(&c), vec![None, Some(0), Some(0)]);
    }

    #[test]
    fn different_reports_that_share_a_quote_and_a_sentence_are_not_copies() {
        let c = cluster(&[ORIGINAL, OWN_REPORT, EDITED]);
        assert_eq!(near_copies(&c), vec![None, None, Some(0)]);
    }

    #[test]
    fn a_statement_quoted_whole_in_a_much_longer_text_is_not_a_copy() {
        let statement = "\"We have never seen a fire like this in the harbor,\" said Mara \
            Lind, who runs the harbor office. Investigators said on Wednesday that the fire \
            started in a storage hall near the quay.";
        let long = format!("{OWN_REPORT}\n\n{ORIGINAL}");
        assert_eq!(near_copies(&cluster(&[statement, &long])), vec![None, None]);
        assert_eq!(near_copies(&cluster(&[&long, statement])), vec![None, None]);
    }

    #[test]
    fn one_sentence_or_a_few_words_is_never_a_copy() {
        let one = "A fire destroyed three warehouses at Kessel harbor on Tuesday night, the \
            harbor office said.";
        let c = cluster(&[ORIGINAL, one, "Fire at Kessel harbor.", ""]);
        assert_eq!(near_copies(&c), vec![None; 4]);
        assert_eq!(near_copies(&cluster(&[])), Vec::<Option<usize>>::new());
    }

    #[test]
    fn many_copies_of_one_story_all_point_at_the_first() {
        let texts = vec![EDITED; 40];
        let got = near_copies(&cluster(&texts));
        assert_eq!(got[0], None);
        assert!(got[1..].iter().all(|&c| c == Some(0)), "{got:?}");
    }

    #[test]
    fn shingles_ignore_case_punctuation_and_line_breaks() {
        let a = shingles(&["The fire, at Kessel harbor, destroyed three warehouses."]);
        let b = shingles(&["the fire at kessel\nharbor destroyed", "three warehouses"]);
        assert_eq!(a, b);
        assert_eq!(a.len(), 4);
        assert!(shingles(&["four words only here"]).is_empty());
        assert!(shingles(&[]).is_empty());
    }
}
