//! Alias merging: curated aliases, initial letters, transliteration variants and
//! surname-only references.

use super::name_key;
use crate::analyze::tokens::is_all_caps;
use crate::analyze::EntityKind;
use crate::lang::{EntityWords, Language};
use std::collections::{BTreeMap, HashMap};
use std::sync::OnceLock;

/// The words this analyzer reads: it reads English rules.
fn lex() -> &'static EntityWords {
    Language::English.entity_words()
}

/// Disjoint sets over candidate keys.
#[derive(Debug)]
pub(crate) struct UnionFind {
    parent: Vec<usize>,
}

impl UnionFind {
    pub fn new(n: usize) -> Self {
        UnionFind {
            parent: (0..n).collect(),
        }
    }

    pub fn find(&mut self, mut x: usize) -> usize {
        while self.parent[x] != x {
            self.parent[x] = self.parent[self.parent[x]];
            x = self.parent[x];
        }
        x
    }

    /// Join two sets; the smaller index becomes the root (deterministic).
    pub fn union(&mut self, a: usize, b: usize) {
        let (ra, rb) = (self.find(a), self.find(b));
        if ra != rb {
            let (lo, hi) = if ra < rb { (ra, rb) } else { (rb, ra) };
            self.parent[hi] = lo;
        }
    }
}

/// Curated aliases indexed once: exact forms of acronyms, comparison keys of other names.
struct CuratedIndex {
    exact: BTreeMap<&'static str, usize>,
    keyed: HashMap<String, usize>,
}

fn curated_index() -> &'static CuratedIndex {
    static INDEX: OnceLock<CuratedIndex> = OnceLock::new();
    INDEX.get_or_init(|| {
        let mut exact = BTreeMap::new();
        let mut keyed = HashMap::new();
        for (g, (_, names)) in lex().aliases.iter().enumerate() {
            for n in names.iter() {
                if is_all_caps(n) {
                    exact.entry(*n).or_insert(g);
                } else {
                    keyed.entry(name_key(n)).or_insert(g);
                }
            }
        }
        CuratedIndex { exact, keyed }
    })
}

/// The curated group a surface form belongs to.
fn curated_group(surface: &str) -> Option<usize> {
    let index = curated_index();
    if is_all_caps(surface) {
        return index.exact.get(surface).copied();
    }
    index.keyed.get(&name_key(surface)).copied()
}

/// Whether a word is a curated alias written exactly so.
pub(crate) fn is_curated(word: &str) -> bool {
    lex().aliases.iter().any(|(_, names)| names.contains(&word))
}

/// The canonical curated name of a key (case-insensitive), if any.
pub(crate) fn curated_canonical(key: &str) -> Option<&'static str> {
    let index = curated_index();
    index
        .keyed
        .get(key)
        .or_else(|| {
            index
                .exact
                .iter()
                .find(|(n, _)| name_key(n) == key)
                .map(|(_, g)| g)
        })
        .map(|&g| lex().aliases[g].1[0])
}

/// The curated kind of a name, if any.
pub(crate) fn curated_kind(name: &str) -> Option<EntityKind> {
    curated_group(name).map(|g| match lex().aliases[g].0 {
        "place" => EntityKind::Place,
        _ => EntityKind::Organization,
    })
}

/// Join keys that belong to the same curated alias group.
pub(crate) fn merge_curated(
    keys: &[String],
    surfaces: &[BTreeMap<String, usize>],
    uf: &mut UnionFind,
) {
    let mut first_of_group: BTreeMap<usize, usize> = BTreeMap::new();
    for (k, forms) in surfaces.iter().enumerate() {
        let group = forms.keys().find_map(|s| curated_group(s));
        if let Some(g) = group {
            match first_of_group.get(&g) {
                Some(&f) => uf.union(f, k),
                None => {
                    first_of_group.insert(g, k);
                }
            }
        }
    }
    let _ = keys;
}

/// Words that do not count for initials.
const MINOR: &[&str] = &["of", "for", "the", "and", "al", "de", "on", "in"];

/// Initial letters of a name, all letters of words written in capitals ("U.S. Geological
/// Survey" -> "usgs"), minor words skipped.
fn initials(surface: &str) -> String {
    let mut out = String::new();
    for w in surface.split([' ', '-']) {
        if MINOR.contains(&w.to_lowercase().as_str()) {
            continue;
        }
        if is_all_caps(w) {
            out.extend(
                w.chars()
                    .filter(|c| c.is_alphabetic())
                    .flat_map(char::to_lowercase),
            );
        } else if let Some(c) = w.chars().next() {
            out.extend(c.to_lowercase());
        }
    }
    out
}

/// Join an all-capital acronym with the one multi-word name whose initials spell it.
///
/// The multi-word keys are indexed once by the initials of their surface forms, so each
/// acronym is one lookup rather than a pass over every key (linear in the keys).
pub(crate) fn merge_initials(
    keys: &[String],
    surfaces: &[BTreeMap<String, usize>],
    uf: &mut UnionFind,
) {
    let acronyms: Vec<(usize, String)> = surfaces
        .iter()
        .enumerate()
        .filter_map(|(a, forms)| {
            let acr = forms.keys().find(|s| {
                is_all_caps(s) && !s.contains(' ') && (2..=6).contains(&s.chars().count())
            })?;
            let acr: String = acr
                .chars()
                .filter(|c| c.is_alphabetic())
                .collect::<String>()
                .to_lowercase();
            Some((a, acr))
        })
        .collect();
    if acronyms.is_empty() {
        return;
    }
    // Initials -> the multi-word keys one of whose surface forms has them, ascending.
    let mut by_initials: HashMap<String, Vec<usize>> = HashMap::new();
    for (b, key) in keys.iter().enumerate() {
        if !key.contains(' ') {
            continue;
        }
        let mut spelled: Vec<String> = surfaces[b].keys().map(|s| initials(s)).collect();
        spelled.sort_unstable();
        spelled.dedup();
        for i in spelled {
            by_initials.entry(i).or_default().push(b);
        }
    }
    for (a, acr) in acronyms {
        let mut matches = by_initials
            .get(&acr)
            .map_or(&[][..], Vec::as_slice)
            .iter()
            .filter(|&&b| b != a);
        if let (Some(&b), None) = (matches.next(), matches.next()) {
            uf.union(a, b);
        }
    }
}

/// Consonant skeleton of one word: vowels dropped, repeated letters collapsed.
fn skeleton(word: &str) -> String {
    let mut out = String::new();
    let mut last = None;
    for c in word.chars().filter(|c| c.is_alphabetic()) {
        if matches!(c, 'a' | 'e' | 'i' | 'o' | 'u' | 'y') {
            continue;
        }
        if Some(c) != last {
            out.push(c);
        }
        last = Some(c);
    }
    out
}

/// Words of a key without Arabic article particles and trailing place cue words.
fn core_words(key: &str) -> Vec<&str> {
    let mut words: Vec<&str> = key
        .split(' ')
        .filter(|w| !matches!(*w, "al" | "el" | "ad" | "ash" | "as" | "ar" | "at"))
        .collect();
    if words.len() >= 2 && words.last().is_some_and(|w| lex().place_cues.contains(w)) {
        words.pop();
    }
    words
}

/// Levenshtein distance over chars.
fn edit_distance(a: &str, b: &str) -> usize {
    let b: Vec<char> = b.chars().collect();
    let mut prev: Vec<usize> = (0..=b.len()).collect();
    let mut cur = vec![0; b.len() + 1];
    for (i, ca) in a.chars().enumerate() {
        cur[0] = i + 1;
        for (j, &cb) in b.iter().enumerate() {
            let sub = prev[j] + usize::from(ca != cb);
            cur[j + 1] = sub.min(prev[j + 1] + 1).min(cur[j] + 1);
        }
        std::mem::swap(&mut prev, &mut cur);
    }
    prev[b.len()]
}

/// Join transliteration variants of the same kind ("Baghouz" / "Baghuz", "Deir al-Zor" /
/// "Deir Ezzor" / "Deir al-Zor Province"). Guards: same kind (people only with people),
/// same number of core words, equal skeletons of at least three letters, same first letter,
/// and a small edit distance.
pub(crate) fn merge_variants(keys: &[String], kinds: &[EntityKind], uf: &mut UnionFind) {
    let cores: Vec<Vec<&str>> = keys.iter().map(|k| core_words(k)).collect();
    let skeletons: Vec<Vec<String>> = cores
        .iter()
        .map(|ws| ws.iter().map(|w| skeleton(w)).collect())
        .collect();
    // Only keys with the same skeleton can be variants: bucket them first.
    let mut buckets: BTreeMap<Vec<String>, Vec<usize>> = BTreeMap::new();
    for (k, sk) in skeletons.iter().enumerate() {
        buckets.entry(sk.clone()).or_default().push(k);
    }
    for bucket in buckets.values().filter(|b| b.len() >= 2) {
        for (i, &a) in bucket.iter().enumerate() {
            for &b in &bucket[i + 1..] {
                merge_variant_pair(keys, kinds, &cores, &skeletons, a, b, uf);
            }
        }
    }
}

/// Join keys `a` and `b` if they are variants (same skeleton already checked by the caller).
fn merge_variant_pair(
    keys: &[String],
    kinds: &[EntityKind],
    cores: &[Vec<&str>],
    skeletons: &[Vec<String>],
    a: usize,
    b: usize,
    uf: &mut UnionFind,
) {
    {
        {
            let (ka, kb) = (kinds[a], kinds[b]);
            let compatible = ka == kb
                || (ka == EntityKind::Other && kb != EntityKind::Person)
                || (kb == EntityKind::Other && ka != EntityKind::Person);
            if !compatible || cores[a].len() != cores[b].len() || cores[a].is_empty() {
                return;
            }
            // "Frazier Park" and "Frazier Mountain" are different places: a cue word may be
            // missing on one side ("Deir al-Zor Province"), not different on both.
            let (wa, wb) = (keys[a].split(' ').count(), keys[b].split(' ').count());
            if wa > cores[a].len()
                && wb > cores[b].len()
                && keys[a].rsplit(' ').next() != keys[b].rsplit(' ').next()
            {
                return;
            }
            let total: usize = skeletons[a].iter().map(String::len).sum();
            if total < 3 || skeletons[a] != skeletons[b] {
                return;
            }
            // Words without consonants ("I", "II") must be equal.
            let vowel_words_differ = cores[a]
                .iter()
                .zip(&cores[b])
                .zip(&skeletons[a])
                .any(|((x, y), sk)| sk.is_empty() && x != y);
            if vowel_words_differ {
                return;
            }
            let ja = cores[a].join("");
            let jb = cores[b].join("");
            if ja == jb {
                uf.union(a, b);
                return;
            }
            let first_a = ja.chars().next();
            if first_a != jb.chars().next() {
                return;
            }
            // Acronyms are not transliterations.
            if keys[a].len() <= 4 || keys[b].len() <= 4 {
                return;
            }
            let limit = (ja.chars().count().max(jb.chars().count()) / 3).max(1);
            if edit_distance(&ja, &jb) <= limit {
                uf.union(a, b);
            }
        }
    }
}

/// Join a one-word name with the unique multi-word person whose last name it is.
pub(crate) fn merge_surnames(
    keys: &[String],
    uf: &mut UnionFind,
    is_person_group: impl Fn(usize) -> bool,
    excluded: impl Fn(usize) -> bool,
) {
    let roots: Vec<usize> = (0..keys.len()).map(|k| uf.find(k)).collect();
    // Multi-word people and their core words, computed once.
    let people: Vec<(usize, Vec<&str>)> = keys
        .iter()
        .enumerate()
        .filter(|(p, full)| full.contains(' ') && is_person_group(roots[*p]))
        .map(|(p, full)| (p, core_words(full)))
        .collect();
    // Last core word -> the people it ends, ascending: one lookup per one-word key.
    let mut by_last: HashMap<&str, Vec<usize>> = HashMap::new();
    for (p, core) in people.iter().filter(|(_, core)| core.len() >= 2) {
        if let Some(last) = core.last() {
            by_last.entry(last).or_default().push(*p);
        }
    }
    for (s, key) in keys.iter().enumerate() {
        if key.contains(' ') || excluded(s) {
            continue;
        }
        let mut target: Option<usize> = None;
        let mut ambiguous = false;
        for &p in by_last.get(key.as_str()).map_or(&[][..], Vec::as_slice) {
            match target {
                Some(t) if roots[t] != roots[p] => ambiguous = true,
                Some(_) => {}
                None => target = Some(p),
            }
        }
        if let (Some(t), false) = (target, ambiguous) {
            uf.union(s, t);
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn skeletons_of_variants_match() {
        assert_eq!(skeleton("baghouz"), skeleton("baghuz"));
        assert_eq!(core_words("deir al zor province"), vec!["deir", "zor"]);
        let a: Vec<String> = core_words("deir ezzor")
            .iter()
            .map(|w| skeleton(w))
            .collect();
        let b: Vec<String> = core_words("deir al zour")
            .iter()
            .map(|w| skeleton(w))
            .collect();
        assert_eq!(a, b);
    }

    #[test]
    fn different_names_stay_apart() {
        let keys = vec![
            "iran".to_string(),
            "oran".to_string(),
            "jordan".to_string(),
            "jardine".to_string(),
        ];
        let kinds = vec![EntityKind::Place; 4];
        let mut uf = UnionFind::new(4);
        merge_variants(&keys, &kinds, &mut uf);
        for k in 1..4 {
            assert_eq!(uf.find(k), k);
        }
    }

    #[test]
    fn edit_distance_counts() {
        assert_eq!(edit_distance("baghouz", "baghuz"), 1);
        assert_eq!(edit_distance("", "abc"), 3);
    }
}
