//! Entities: people, organisations and places found by rules and statistics over
//! capitalized spans, with aliases merged (acronyms, curated aliases, transliteration
//! variants, surname-only references).
//!
//! No trained model: capitalized runs are read from the cleaned sentences, common words at
//! the start of a sentence are told apart from names by how the cluster writes them
//! elsewhere, and the kind is voted from cue words, a small gazetteer and the context.

mod alias;

use super::tokens::{is_all_caps, is_capitalized, strip_possessive, tokenize, Token, TokenKind};
use super::{Entity, EntityKind, Mention};
use crate::lang::{lookup, set, EntityWords, Language};
use crate::prepared::PreparedCluster;
use std::collections::{BTreeMap, HashMap, HashSet};

/// The words this analyzer reads: it reads English rules.
fn lex() -> &'static EntityWords {
    Language::English.entity_words()
}

/// One occurrence of a candidate name.
#[derive(Debug, Clone)]
struct Occurrence {
    mention: Mention,
    /// Index of the sentence it is in.
    sentence: usize,
    /// Display form as written (possessive stripped, titles removed).
    surface: String,
    /// Kind evidence from this occurrence.
    evidence: Evidence,
    /// Whether it starts its sentence.
    initial: bool,
}

/// Votes for each kind.
#[derive(Debug, Clone, Copy, Default)]
pub(crate) struct Evidence {
    person: u32,
    org: u32,
    place: u32,
}

impl Evidence {
    fn add(&mut self, o: Evidence) {
        self.person += o.person;
        self.org += o.org;
        self.place += o.place;
    }
}

/// A found entity mention: which entity, where.
#[derive(Debug, Clone)]
pub(crate) struct EntityMention {
    /// Index into [`EntityIndex::entities`].
    pub entity: usize,
    /// Where.
    pub mention: Mention,
}

/// The entities of a cluster and where they are mentioned, for the other analyzers.
#[derive(Debug, Clone, Default)]
pub(crate) struct EntityIndex {
    /// The entities, in output order.
    pub entities: Vec<Entity>,
    /// Every mention, sorted by document and offset.
    pub mentions: Vec<EntityMention>,
    /// Lowercased alias key -> entity.
    by_key: HashMap<String, usize>,
    /// Last word of a person's name key -> (entity, name key), by entity: the surname
    /// lookup of [`Self::resolve`] without a pass over every entity.
    people_by_last: HashMap<String, Vec<(usize, String)>>,
    /// The last word of the name of every person named in two words or more, as written:
    /// [`Self::is_surname`] without a pass over every entity.
    surnames: HashSet<String>,
}

impl EntityIndex {
    /// The entity a name refers to: an exact alias, or a unique person by surname.
    pub fn resolve(&self, name: &str) -> Option<usize> {
        let key = name_key(name);
        if let Some(&e) = self.by_key.get(&key) {
            return Some(e);
        }
        let last = key.rsplit(' ').next().unwrap_or(&key);
        let mut found = None;
        for (i, full) in self.people_by_last.get(last).map_or(&[][..], Vec::as_slice) {
            if full.ends_with(&key) {
                if found.is_some() {
                    return None;
                }
                found = Some(*i);
            }
        }
        found
    }

    /// Whether `word` is the last word, as written, of a person named in two words or more
    /// ("Jones" of "Ann Jones").
    pub fn is_surname(&self, word: &str) -> bool {
        self.surnames.contains(word)
    }

    /// [`Self::surnames`] of `entities`.
    fn surnames(entities: &[Entity]) -> HashSet<String> {
        entities
            .iter()
            .filter(|x| x.kind == EntityKind::Person && x.name.split_whitespace().count() >= 2)
            .filter_map(|x| x.name.rsplit(' ').next())
            .map(str::to_string)
            .collect()
    }

    /// [`Self::people_by_last`] of `entities`.
    fn people_by_last(entities: &[Entity]) -> HashMap<String, Vec<(usize, String)>> {
        let mut out: HashMap<String, Vec<(usize, String)>> = HashMap::new();
        for (i, e) in entities.iter().enumerate() {
            if e.kind != EntityKind::Person {
                continue;
            }
            let full = name_key(&e.name);
            let last = full.rsplit(' ').next().unwrap_or("").to_string();
            out.entry(last).or_default().push((i, full));
        }
        out
    }
}

/// Lowercased comparison key of a name: hyphens and dots as spaces/nothing, possessive off.
pub(crate) fn name_key(name: &str) -> String {
    let mut out = String::with_capacity(name.len());
    for w in name.split_whitespace() {
        let w = strip_possessive(w);
        if !out.is_empty() {
            out.push(' ');
        }
        for c in w.chars() {
            match c {
                '.' => {}
                '-' | '\u{2010}' | '\u{2011}' => out.push(' '),
                _ => out.extend(c.to_lowercase()),
            }
        }
    }
    out
}

/// Words that may join capitalized words inside a name ("Department of Defense").
const CONNECTORS: &[&str] = &[
    "of", "for", "de", "al", "el", "bin", "ibn", "von", "van", "der", "du", "la", "le", "da",
];

/// Whether a word is a name particle written in lower case before a capital ("al-Hol").
fn is_particle_name(word: &str) -> bool {
    [
        "al-", "el-", "ad-", "as-", "ash-", "ar-", "at-", "bin-", "ibn-",
    ]
    .iter()
    .any(|p| {
        word.strip_prefix(p)
            .is_some_and(|rest| rest.chars().next().is_some_and(char::is_uppercase))
    })
}

/// The word lists, as sets built once.
struct WordLists {
    countries: HashSet<String>,
    cities: HashSet<String>,
    demonyms: HashSet<&'static str>,
    not_names: HashSet<&'static str>,
    titles: HashSet<&'static str>,
    org_cues: HashSet<&'static str>,
    place_cues: HashSet<&'static str>,
    known_orgs: HashSet<&'static str>,
    first_names: HashSet<&'static str>,
    role_nouns: HashSet<&'static str>,
}

fn word_lists() -> &'static WordLists {
    static LISTS: std::sync::OnceLock<WordLists> = std::sync::OnceLock::new();
    LISTS.get_or_init(|| WordLists {
        countries: lex().countries.iter().map(|c| name_key(c)).collect(),
        cities: lex().cities.iter().map(|c| name_key(c)).collect(),
        demonyms: set(lex().demonyms),
        not_names: (lex().not_names)(),
        titles: set(lex().titles),
        org_cues: set(lex().org_cues),
        place_cues: set(lex().place_cues),
        known_orgs: set(lex().known_orgs),
        first_names: Language::English
            .given_names()
            .names
            .iter()
            .filter(|g| g.marks_person)
            .map(|g| g.name)
            .collect(),
        role_nouns: set(lex().role_nouns),
    })
}

/// Cluster-wide facts used to tell sentence-initial common words from names.
struct NameCues {
    lower_words: HashSet<String>,
    lists: &'static WordLists,
}

impl std::ops::Deref for NameCues {
    type Target = WordLists;

    fn deref(&self) -> &WordLists {
        self.lists
    }
}

impl NameCues {
    fn new(cluster: &PreparedCluster) -> Self {
        let mut lower_words = HashSet::new();
        for i in 0..cluster.sentences.len() {
            let text = cluster.text(i);
            let words = text.split(|c: char| {
                !(c.is_alphanumeric() || c == '\'' || c == '\u{2019}' || c == '-')
            });
            for w in words {
                if w.chars().next().is_some_and(char::is_lowercase) && !lower_words.contains(w) {
                    lower_words.insert(w.to_string());
                }
            }
        }
        NameCues {
            lower_words,
            lists: word_lists(),
        }
    }

    fn is_gazetteer(&self, key: &str) -> bool {
        self.countries.contains(key) || self.cities.contains(key)
    }

    /// Whether a capitalized word at the start of a sentence is probably a common word.
    fn is_common(&self, word: &str) -> bool {
        let lower = word.to_lowercase();
        if is_shouted_function_word(word) {
            return true;
        }
        if is_all_caps(word) {
            return false;
        }
        if self.is_gazetteer(&lower)
            || self.known_orgs.contains(lower.as_str())
            || self.first_names.contains(lower.as_str())
        {
            return false;
        }
        Language::English.is_stop_word(&lower)
            || self.not_names.contains(lower.as_str())
            || lookup(Language::English.number_words().number_words, &lower).is_some()
            || self.lower_words.contains(&lower)
    }
}

/// Function words written in capitals at the start of a story ("THE US-backed ...");
/// other all-capital words are acronyms ("IS", "US", "WHO").
fn is_shouted_function_word(word: &str) -> bool {
    matches!(
        word,
        "THE"
            | "A"
            | "AN"
            | "AND"
            | "OF"
            | "IN"
            | "ON"
            | "AT"
            | "TO"
            | "FOR"
            | "BY"
            | "WITH"
            | "BUT"
    )
}

/// Whether most longer words of a sentence are capitalized (a title-case headline).
fn is_title_case(text: &str, tokens: &[Token]) -> bool {
    let mut long = 0;
    let mut caps = 0;
    for t in tokens.iter().filter(|t| t.kind == TokenKind::Word) {
        let w = t.text(text);
        if w.chars().count() > 3 {
            long += 1;
            if is_capitalized(w) {
                caps += 1;
            }
        }
    }
    let unpunctuated = !text.trim_end().ends_with(['.', '!', '?', '"', '\u{201d}']);
    long >= 3 && unpunctuated && caps * 10 >= long * 7
}

/// One word of a capitalized run.
#[derive(Debug, Clone)]
struct RunWord {
    text: String,
    start: usize,
    end: usize,
}

/// Find the entities of a cluster.
pub(crate) fn find(cluster: &PreparedCluster) -> EntityIndex {
    let lexicon = NameCues::new(cluster);
    let mut occurrences = Vec::new();
    let mut acronym_pairs = Vec::new();
    for (si, s) in cluster.sentences.iter().enumerate() {
        let text = cluster.text(si);
        let tokens = tokenize(text);
        if s.heading || is_title_case(text, &tokens) {
            continue;
        }
        scan_sentence(
            cluster,
            si,
            text,
            &tokens,
            &lexicon,
            &mut occurrences,
            &mut acronym_pairs,
        );
    }
    build(occurrences, &acronym_pairs, &lexicon)
}

/// Collect the capitalized runs of one sentence.
fn scan_sentence(
    cluster: &PreparedCluster,
    si: usize,
    text: &str,
    tokens: &[Token],
    lexicon: &NameCues,
    out: &mut Vec<Occurrence>,
    acronym_pairs: &mut Vec<(String, String)>,
) {
    let s = &cluster.sentences[si];
    let base = s.span.start;
    let mut i = 0;
    // Index of the first word token: sentence-initial position (after opening marks).
    let first_word = tokens.iter().position(|t| t.is_wordlike());
    while i < tokens.len() {
        let t = tokens[i];
        let w = t.text(text);
        let is_first = Some(i) == first_word
            || (i > 0 && tokens[i - 1].kind == TokenKind::Punct && {
                let p = tokens[i - 1].text(text);
                matches!(
                    p,
                    ":" | "." | "!" | "?" | "\u{201c}" | "\"" | "\u{2018}" | "(" | "\u{2014}" | "_"
                )
            });
        if !starts_name(w, t.kind) || (is_first && lexicon.is_common(strip_possessive(w))) {
            i += 1;
            continue;
        }
        // Grow the run.
        let mut words: Vec<RunWord> = Vec::new();
        let mut j = i;
        let mut ended_by_possessive = false;
        while j < tokens.len() {
            let tj = tokens[j];
            let wj = tj.text(text);
            if j > i
                && tokens[j - 1].end != tj.start
                && !text[tokens[j - 1].end..tj.start]
                    .chars()
                    .all(char::is_whitespace)
            {
                break;
            }
            if starts_name(wj, tj.kind) {
                let (head, split) = split_hyphen_modifier(wj);
                let stripped = strip_possessive(head);
                words.push(RunWord {
                    text: stripped.to_string(),
                    start: base + tj.start,
                    end: base + tj.start + stripped.len(),
                });
                j += 1;
                if split || stripped.len() != head.len() {
                    ended_by_possessive = true;
                    break;
                }
                continue;
            }
            if CONNECTORS.contains(&wj)
                && !words.is_empty()
                && tokens
                    .get(j + 1)
                    .is_some_and(|n| starts_name(n.text(text), n.kind))
            {
                words.push(RunWord {
                    text: wj.to_string(),
                    start: base + tj.start,
                    end: base + tj.end,
                });
                j += 1;
                continue;
            }
            break;
        }
        let _ = ended_by_possessive;
        let next = j;
        // Context around the run.
        let prev_words: Vec<String> = tokens[..i]
            .iter()
            .rev()
            .take(3)
            .map(|t| t.text(text).to_lowercase())
            .collect();
        let next_tokens: Vec<&str> = tokens[next..]
            .iter()
            .take(4)
            .map(|t| t.text(text))
            .collect();
        // Parenthesised acronym after the run: "Syrian Democratic Forces (SDF)".
        if next_tokens.len() >= 3 && next_tokens[0] == "(" && next_tokens[2] == ")" {
            let acr = next_tokens[1];
            let full: Vec<&str> = words.iter().map(|w| w.text.as_str()).collect();
            let full = full.join(" ");
            if is_all_caps(acr) && acr.chars().count() <= 6 && spells_acronym(&full, acr) {
                acronym_pairs.push((full, acr.to_string()));
            }
        }
        emit_run(
            cluster,
            si,
            &words,
            i == first_word.unwrap_or(0),
            &prev_words,
            &next_tokens,
            lexicon,
            out,
        );
        i = next.max(i + 1);
    }
}

/// Whether the letters of `acr` appear in order in `full`, starting with its first letter
/// ("Islamic State" / "ISIS"; not "BEIRUT" / "AP").
fn spells_acronym(full: &str, acr: &str) -> bool {
    let full: Vec<char> = full
        .to_lowercase()
        .chars()
        .filter(|c| c.is_alphabetic())
        .collect();
    let acr: Vec<char> = acr
        .to_lowercase()
        .chars()
        .filter(|c| c.is_alphabetic())
        .collect();
    if full.first() != acr.first() || full.len() <= acr.len() {
        return false;
    }
    let mut it = full.iter();
    acr.iter().all(|a| it.any(|f| f == a))
}

/// Whether a token can start or continue a name.
fn starts_name(w: &str, kind: TokenKind) -> bool {
    kind == TokenKind::Word && (is_capitalized(w) || is_particle_name(w))
}

/// "US-backed" -> ("US", true); "al-Hol" -> ("al-Hol", false); "South-East" unchanged.
fn split_hyphen_modifier(w: &str) -> (&str, bool) {
    if let Some(pos) = w.find('-') {
        let rest = &w[pos + 1..];
        let head = &w[..pos];
        if is_capitalized(head)
            && rest.chars().next().is_some_and(char::is_lowercase)
            && !rest.contains('-')
        {
            return (head, true);
        }
    }
    (w, false)
}

/// Turn a run into one or more occurrences: strip leading function words and titles, drop
/// demonyms, and collect kind evidence.
#[allow(clippy::too_many_arguments)]
fn emit_run(
    cluster: &PreparedCluster,
    si: usize,
    words: &[RunWord],
    initial: bool,
    prev_words: &[String],
    next_tokens: &[&str],
    lexicon: &NameCues,
    out: &mut Vec<Occurrence>,
) {
    let doc = cluster.sentences[si].doc;
    let mut start = 0;
    // Leading function words ("The", "THE") and connectors.
    while start < words.len() {
        let lower = words[start].text.to_lowercase();
        let function_word = if is_all_caps(&words[start].text) {
            is_shouted_function_word(&words[start].text)
        } else {
            Language::English.is_stop_word(&lower)
        };
        if function_word || CONNECTORS.contains(&lower.as_str()) {
            start += 1;
        } else {
            break;
        }
    }
    let mut end = words.len();
    while end > start && CONNECTORS.contains(&words[end - 1].text.as_str()) {
        end -= 1;
    }
    if start >= end {
        return;
    }
    let words = &words[start..end];
    let mut evidence = Evidence::default();
    // Titles: the last title word before the name.
    let lowers: Vec<String> = words.iter().map(|w| w.text.to_lowercase()).collect();
    let mut name_from = 0;
    for (k, l) in lowers.iter().enumerate() {
        if k + 1 < words.len() && lexicon.titles.contains(l.as_str()) {
            name_from = k + 1;
        }
    }
    if name_from > 0 {
        evidence.person += 3;
        // Capitalized words before the titles that are places or orgs ("US President").
        for w in &words[..name_from] {
            let l = w.text.to_lowercase();
            if !lexicon.titles.contains(l.as_str()) && lexicon.is_gazetteer(&name_key(&w.text)) {
                push(
                    out,
                    doc,
                    si,
                    std::slice::from_ref(w),
                    Evidence {
                        place: 3,
                        ..Evidence::default()
                    },
                    false,
                );
            }
        }
    }
    let mut name = &words[name_from..];
    let mut name_lowers = &lowers[name_from..];
    if lowers.iter().all(|l| lexicon.titles.contains(l.as_str())) {
        return;
    }
    if lowers
        .last()
        .is_some_and(|l| lexicon.titles.contains(l.as_str()))
    {
        // "US President" with no name after it: only the place before the title counts.
        let first_key = name_key(&words[0].text);
        if lexicon.is_gazetteer(&first_key) || alias::curated_kind(&words[0].text).is_some() {
            push(
                out,
                doc,
                si,
                &words[..1],
                Evidence {
                    place: 3,
                    ..Evidence::default()
                },
                false,
            );
        }
        return;
    }
    // A country before an organisation name: "US Defense Department".
    if words.len() >= 3 && name_from == 0 {
        let first_key = name_key(&words[0].text);
        let rest = join(&words[1..]);
        let rest_org = alias::curated_kind(&rest).is_some()
            || lowers[1..]
                .iter()
                .any(|l| lexicon.org_cues.contains(l.as_str()));
        if rest_org
            && (lexicon.is_gazetteer(&first_key)
                || alias::curated_kind(&words[0].text) == Some(EntityKind::Place))
        {
            push(
                out,
                doc,
                si,
                &words[..1],
                Evidence {
                    place: 3,
                    ..Evidence::default()
                },
                false,
            );
            name = &words[1..];
            name_lowers = &lowers[1..];
        }
    }
    // Leading demonym before an acronym or a known name: "Canadian ISIS".
    let full_known = {
        let full = join(name);
        alias::curated_kind(&full).is_some() || lexicon.is_gazetteer(&name_key(&full))
    };
    if name.len() >= 2 && !full_known && lexicon.demonyms.contains(name_lowers[0].as_str()) {
        let rest_key = name_key(&join(&name[1..]));
        let org_like = name_lowers[1..]
            .iter()
            .any(|l| lexicon.org_cues.contains(l.as_str()));
        let rest_known = !org_like
            && (is_all_caps(&name[1].text)
                || lexicon.is_gazetteer(&rest_key)
                || lexicon.known_orgs.contains(rest_key.as_str())
                || name.len() >= 2);
        if rest_known {
            name = &name[1..];
            name_lowers = &name_lowers[1..];
        }
    }
    let key = name_key(&join(name));
    if name.len() == 1
        && (lexicon.demonyms.contains(key.as_str())
            || lexicon.not_names.contains(key.as_str())
            || lexicon.role_nouns.contains(key.as_str()))
    {
        return;
    }
    // Kind evidence from the name itself.
    let last = name_lowers.last().map(String::as_str).unwrap_or("");
    if lexicon.is_gazetteer(&key) {
        evidence.place += 4;
    }
    if lexicon.known_orgs.contains(key.as_str())
        || alias::curated_kind(&join(name)) == Some(EntityKind::Organization)
    {
        evidence.org += 4;
    }
    if alias::curated_kind(&join(name)) == Some(EntityKind::Place) {
        evidence.place += 4;
    }
    if name.len() >= 2
        && name_lowers
            .iter()
            .any(|l| lexicon.org_cues.contains(l.as_str()))
    {
        evidence.org += 3;
    }
    if name.len() >= 2 && lexicon.place_cues.contains(last) {
        evidence.place += 3;
    }
    if name.len() == 1
        && is_all_caps(&name[0].text)
        && name[0].text.chars().count() <= 4
        && !lexicon.is_gazetteer(&key)
        && !lexicon.role_nouns.contains(key.as_str())
    {
        evidence.org += 1;
    }
    if name.len() >= 2
        && lexicon.first_names.contains(name_lowers[0].as_str())
        && !is_all_caps(&name[0].text)
    {
        evidence.person += 2;
    }
    // Context evidence.
    let p0 = prev_words.first().map(String::as_str).unwrap_or("");
    let p1 = prev_words.get(1).map(String::as_str).unwrap_or("");
    if matches!(p0, "of")
        && matches!(
            p1,
            "village" | "town" | "city" | "province" | "region" | "outskirts"
        )
    {
        evidence.place += 3;
    } else if lex().place_prepositions.contains(&p0) {
        evidence.place += 1;
    }
    if lexicon.role_nouns.contains(p0) && !matches!(p0, "head" | "member") {
        evidence.person += 2;
    }
    let n0 = next_tokens
        .first()
        .map(|s| s.to_lowercase())
        .unwrap_or_default();
    let n1 = next_tokens
        .get(1)
        .map(|s| s.to_lowercase())
        .unwrap_or_default();
    if matches!(
        n0.as_str(),
        "province"
            | "village"
            | "town"
            | "city"
            | "camp"
            | "border"
            | "river"
            | "region"
            | "valley"
            | "countryside"
            | "governorate"
    ) {
        evidence.place += 3;
    }
    if matches!(
        n0.as_str(),
        "group"
            | "militia"
            | "movement"
            | "party"
            | "organisation"
            | "organization"
            | "faction"
            | "agency"
            | "network"
            | "company"
    ) {
        evidence.org += 2;
    }
    if Language::English
        .quote_words()
        .speech_verbs
        .contains(&n0.as_str())
        && evidence.org == 0
        && evidence.place == 0
    {
        evidence.person += 1;
    }
    if n0 == "," && matches!(n1.as_str(), "a" | "an" | "the") {
        // Apposition: "Mustafa Bali, the head of ..." (only a hint; places take these too).
        evidence.person += 1;
    }
    if initial && name.len() == 1 && lexicon.is_common(&name[0].text) {
        return;
    }
    push(out, doc, si, name, evidence, initial);
}

fn join(words: &[RunWord]) -> String {
    let mut s = String::new();
    for (i, w) in words.iter().enumerate() {
        if i > 0 {
            s.push(' ');
        }
        s.push_str(&w.text);
    }
    s
}

fn push(
    out: &mut Vec<Occurrence>,
    doc: usize,
    si: usize,
    name: &[RunWord],
    evidence: Evidence,
    initial: bool,
) {
    let (Some(first), Some(last)) = (name.first(), name.last()) else {
        return;
    };
    out.push(Occurrence {
        mention: Mention {
            doc,
            span: first.start..last.end,
        },
        sentence: si,
        surface: display_form(&join(name)),
        evidence,
        initial,
    });
}

/// Display form: all-capital words longer than four letters in title case ("BEIRUT" ->
/// "Beirut"); acronyms kept.
fn display_form(name: &str) -> String {
    let shouted = name.contains(' ') && name.split(' ').all(is_all_caps);
    name.split(' ')
        .map(|w| {
            if is_all_caps(w)
                && (shouted || w.chars().filter(|c| c.is_alphabetic()).count() > 4)
                && !alias::is_curated(w)
            {
                let mut out = String::new();
                let mut upper_next = true;
                for c in w.chars() {
                    if upper_next {
                        out.extend(c.to_uppercase());
                    } else {
                        out.extend(c.to_lowercase());
                    }
                    upper_next = c == '-';
                }
                out
            } else {
                w.to_string()
            }
        })
        .collect::<Vec<_>>()
        .join(" ")
}

/// Merge occurrences into entities.
fn build(
    occurrences: Vec<Occurrence>,
    acronym_pairs: &[(String, String)],
    lexicon: &NameCues,
) -> EntityIndex {
    // Distinct keys in order of first occurrence.
    let mut key_ids: BTreeMap<String, usize> = BTreeMap::new();
    let mut keys: Vec<String> = Vec::new();
    let mut occ_key = Vec::with_capacity(occurrences.len());
    for o in &occurrences {
        let k = name_key(&o.surface);
        let id = *key_ids.entry(k.clone()).or_insert_with(|| {
            keys.push(k);
            keys.len() - 1
        });
        occ_key.push(id);
    }
    let n = keys.len();
    let mut evidence = vec![Evidence::default(); n];
    let mut count = vec![0usize; n];
    let mut mid_sentence = vec![0usize; n];
    let mut surfaces: Vec<BTreeMap<String, usize>> = vec![BTreeMap::new(); n];
    for (o, &k) in occurrences.iter().zip(&occ_key) {
        evidence[k].add(o.evidence);
        count[k] += 1;
        if !o.initial {
            mid_sentence[k] += 1;
        }
        *surfaces[k].entry(o.surface.clone()).or_insert(0) += 1;
    }
    let words_of: Vec<usize> = keys.iter().map(|k| k.split(' ').count()).collect();
    // Drop single words only ever seen at a sentence start with no kind evidence.
    let keep: Vec<bool> = (0..n)
        .map(|k| {
            let e = evidence[k];
            !(words_of[k] == 1 && mid_sentence[k] == 0 && e.person + e.org + e.place == 0)
        })
        .collect();
    let mut uf = alias::UnionFind::new(n);
    // Curated aliases.
    alias::merge_curated(&keys, &surfaces, &mut uf);
    // Acronyms in parentheses.
    for (full, acr) in acronym_pairs {
        if let (Some(&a), Some(&b)) = (key_ids.get(&name_key(full)), key_ids.get(&name_key(acr))) {
            uf.union(a, b);
        }
    }
    // Initial letters.
    alias::merge_initials(&keys, &surfaces, &mut uf);
    // Transliteration variants (same provisional kind only).
    let provisional: Vec<EntityKind> = (0..n)
        .map(|k| decide_kind(evidence[k], &keys[k], lexicon))
        .collect();
    alias::merge_variants(&keys, &provisional, &mut uf);
    // Surname-only references to a unique full name.
    let mut group_evidence: HashMap<usize, Evidence> = HashMap::new();
    for (k, e) in evidence.iter().enumerate() {
        group_evidence.entry(uf.find(k)).or_default().add(*e);
    }
    alias::merge_surnames(
        &keys,
        &mut uf,
        |k| {
            let e = group_evidence.get(&k).copied().unwrap_or_default();
            e.person > 0 && e.person >= e.org && e.person >= e.place
        },
        |k| lexicon.is_gazetteer(&keys[k]) || is_all_caps(keys[k].as_str()),
    );

    // Build groups.
    let mut groups: BTreeMap<usize, Vec<usize>> = BTreeMap::new();
    for k in 0..n {
        groups.entry(uf.find(k)).or_default().push(k);
    }
    groups.retain(|_, members| members.iter().any(|&k| keep[k]));
    struct Draft {
        entity: Entity,
        members: Vec<usize>,
        first: (usize, usize),
    }
    let mut first_seen = vec![(usize::MAX, usize::MAX); n];
    for (o, &k) in occurrences.iter().zip(&occ_key) {
        let pos = (o.mention.doc, o.mention.span.start);
        if pos < first_seen[k] {
            first_seen[k] = pos;
        }
    }
    let mut doc_sets: Vec<HashSet<usize>> = vec![HashSet::new(); n];
    for (o, &k) in occurrences.iter().zip(&occ_key) {
        doc_sets[k].insert(o.mention.doc);
    }
    let core_len: Vec<usize> = keys
        .iter()
        .map(|k| {
            let ws: Vec<&str> = k.split(' ').collect();
            ws.len()
                - usize::from(
                    ws.len() >= 2 && ws.last().is_some_and(|w| lexicon.place_cues.contains(w)),
                )
        })
        .collect();
    let mut drafts = Vec::new();
    for members in groups.into_values() {
        let mut e = Evidence::default();
        let mut mentions = 0;
        let mut all_surfaces: BTreeMap<String, usize> = BTreeMap::new();
        for &k in &members {
            e.add(evidence[k]);
            mentions += count[k];
            for (s, c) in &surfaces[k] {
                *all_surfaces.entry(s.clone()).or_insert(0) += c;
            }
        }
        // Canonical: most words, then not all-caps, then most used, then alphabetical.
        let canonical_key = members
            .iter()
            .copied()
            .max_by(|&a, &b| {
                core_len[a]
                    .cmp(&core_len[b])
                    .then(count[a].cmp(&count[b]))
                    .then(keys[b].cmp(&keys[a]))
            })
            .expect("groups are not empty");
        let curated = members
            .iter()
            .find_map(|&k| alias::curated_canonical(&keys[k]));
        let name = match curated {
            Some(c) => c.to_string(),
            None => best_surface(&surfaces[canonical_key]),
        };
        let kind = decide_kind(e, &name_key(&name), lexicon);
        let kind = members
            .iter()
            .find_map(|&k| alias::curated_kind(&keys[k]))
            .unwrap_or(kind);
        let mut aliases: Vec<String> = Vec::new();
        let name_k = name_key(&name);
        for s in all_surfaces.keys() {
            let k = name_key(s);
            if k != name_k && !aliases.iter().any(|a| name_key(a) == k) {
                aliases.push(best_surface_for_key(&all_surfaces, &k));
            }
        }
        aliases.sort();
        aliases.dedup();
        let docs: HashSet<usize> = members
            .iter()
            .flat_map(|&k| doc_sets[k].iter().copied())
            .collect();
        if kind == EntityKind::Other && (mentions < 2 || (docs.len() < 2 && !name.contains(' '))) {
            continue;
        }
        let first = members
            .iter()
            .map(|&k| first_seen[k])
            .min()
            .unwrap_or((0, 0));
        drafts.push(Draft {
            entity: Entity {
                name,
                kind,
                aliases,
                sources: Vec::new(),
                mentions,
            },
            members,
            first,
        });
    }
    // Sources and mentions.
    let mut key_entity: HashMap<usize, usize> = HashMap::new();
    for (d, draft) in drafts.iter().enumerate() {
        for &k in &draft.members {
            key_entity.insert(k, d);
        }
    }
    let mut mentions = Vec::new();
    for (o, &k) in occurrences.iter().zip(&occ_key) {
        if let Some(&d) = key_entity.get(&k) {
            mentions.push(EntityMention {
                entity: d,
                mention: o.mention.clone(),
            });
            drafts[d].entity.sources.push(o.mention.doc);
        }
        let _ = o.sentence;
    }
    for d in &mut drafts {
        d.entity.sources.sort_unstable();
        d.entity.sources.dedup();
    }
    // Output order: most sources, most mentions, first seen.
    let mut order: Vec<usize> = (0..drafts.len()).collect();
    order.sort_by(|&a, &b| {
        let (x, y) = (&drafts[a], &drafts[b]);
        y.entity
            .sources
            .len()
            .cmp(&x.entity.sources.len())
            .then(y.entity.mentions.cmp(&x.entity.mentions))
            .then(x.first.cmp(&y.first))
    });
    let mut rank = vec![0; drafts.len()];
    for (r, &d) in order.iter().enumerate() {
        rank[d] = r;
    }
    for m in &mut mentions {
        m.entity = rank[m.entity];
    }
    mentions.sort_by(|a, b| {
        (a.mention.doc, a.mention.span.start).cmp(&(b.mention.doc, b.mention.span.start))
    });
    let mut by_key = HashMap::new();
    for (k, key) in keys.iter().enumerate() {
        if let Some(&d) = key_entity.get(&k) {
            by_key.insert(key.clone(), rank[d]);
        }
    }
    let mut entities: Vec<Option<Entity>> = drafts.into_iter().map(|d| Some(d.entity)).collect();
    let entities = order
        .iter()
        .map(|&d| entities[d].take().expect("each draft is taken once"))
        .collect::<Vec<_>>();
    for (i, e) in entities.iter().enumerate() {
        by_key.insert(name_key(&e.name), i);
    }
    EntityIndex {
        people_by_last: EntityIndex::people_by_last(&entities),
        surnames: EntityIndex::surnames(&entities),
        entities,
        mentions,
        by_key,
    }
}

/// The most used surface form, preferring mixed case over all capitals.
fn best_surface(surfaces: &BTreeMap<String, usize>) -> String {
    surfaces
        .iter()
        .max_by(|a, b| {
            let caps_a = a.0.split(' ').all(is_all_caps);
            let caps_b = b.0.split(' ').all(is_all_caps);
            a.1.cmp(b.1).then(caps_b.cmp(&caps_a)).then(b.0.cmp(a.0))
        })
        .map(|(s, _)| s.clone())
        .unwrap_or_default()
}

fn best_surface_for_key(surfaces: &BTreeMap<String, usize>, key: &str) -> String {
    let subset: BTreeMap<String, usize> = surfaces
        .iter()
        .filter(|(s, _)| name_key(s) == key)
        .map(|(s, c)| (s.clone(), *c))
        .collect();
    best_surface(&subset)
}

/// The kind with the most votes; ties and no votes fall back on the shape of the name.
fn decide_kind(e: Evidence, key: &str, lexicon: &NameCues) -> EntityKind {
    let best = e.person.max(e.org).max(e.place);
    if best == 0 {
        let words: Vec<&str> = key.split(' ').collect();
        if words.len() >= 2 && words.len() <= 4 && lexicon.first_names.contains(words[0]) {
            return EntityKind::Person;
        }
        return EntityKind::Other;
    }
    if e.org == best {
        EntityKind::Organization
    } else if e.place == best {
        EntityKind::Place
    } else {
        EntityKind::Person
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn entities(texts: &[&str]) -> Vec<Entity> {
        find(&crate::analyze::test_cluster(texts)).entities
    }

    fn get<'a>(es: &'a [Entity], name: &str) -> &'a Entity {
        es.iter()
            .find(|e| e.name == name)
            .unwrap_or_else(|| panic!("no entity {name} in {es:#?}"))
    }

    #[test]
    fn acronym_in_parentheses_merges_with_expansion() {
        let es = entities(&[
            "The Northern Rivers Alliance (NRA) met on Monday. The NRA said it would vote.",
        ]);
        let e = get(&es, "Northern Rivers Alliance");
        assert_eq!(e.kind, EntityKind::Organization);
        assert_eq!(e.aliases, vec!["NRA"]);
        assert_eq!(e.mentions, 3);
    }

    #[test]
    fn surname_only_resolves_to_full_name() {
        eprintln!(
            "{:#?}",
            entities(&[
                "Talia Brennock, a spokeswoman for the port, said the ships had left.",
                "Brennock said the port was calm. Later Brennock added more."
            ])
        );
        let es = entities(&[
            "Talia Brennock, a spokeswoman for the port, said the ships had left.",
            "Brennock said the port was calm. Later Brennock added more.",
        ]);
        let e = get(&es, "Talia Brennock");
        assert_eq!(e.kind, EntityKind::Person);
        assert_eq!(e.aliases, vec!["Brennock"]);
        assert_eq!(e.sources, vec![0, 1]);
        assert_eq!(e.mentions, 3);
    }

    #[test]
    fn titles_mark_people_and_are_stripped() {
        let es = entities(&["Yesterday Colonel Ardo Venn visited the base. Mr Venn left."]);
        let e = get(&es, "Ardo Venn");
        assert_eq!(e.kind, EntityKind::Person);
    }

    #[test]
    fn transliteration_variants_merge() {
        let es = entities(&[
            "Fighting went on in the village of Qasrouk near the river.",
            "Families fled from Qasruk in the morning.",
        ]);
        let e = get(&es, "Qasrouk");
        assert_eq!(e.kind, EntityKind::Place);
        assert_eq!(e.aliases, vec!["Qasruk"]);
    }

    #[test]
    fn sentence_initial_common_words_are_not_names() {
        let es =
            entities(&["Thousands fled. Speaking later, officials in Syria said thousands left."]);
        assert!(
            es.iter()
                .all(|e| e.name != "Thousands" && e.name != "Speaking"),
            "{es:#?}"
        );
        assert_eq!(get(&es, "Syria").kind, EntityKind::Place);
    }

    #[test]
    fn curated_aliases_merge_acronyms_and_names() {
        let es = entities(&[
            "Islamic State (IS) fighters held the town. ISIS lost it later.",
            "Daesh fighters fled toward Iraq.",
        ]);
        let e = get(&es, "Islamic State");
        assert_eq!(e.kind, EntityKind::Organization);
        assert_eq!(e.aliases, vec!["Daesh", "IS", "ISIS"]);
        assert_eq!(e.sources, vec![0, 1]);
    }

    #[test]
    fn different_cue_words_keep_places_apart() {
        let es =
            entities(&["They camped near Marlow Park and climbed Marlow Mountain near the river."]);
        assert!(es.iter().any(|e| e.name == "Marlow Park"), "{es:#?}");
        assert!(es.iter().any(|e| e.name == "Marlow Mountain"), "{es:#?}");
    }

    #[test]
    fn organisation_cue_words() {
        let es = entities(&["Aid came from the Valdoran Relief Committee on Monday."]);
        assert_eq!(
            get(&es, "Valdoran Relief Committee").kind,
            EntityKind::Organization
        );
    }
}
