//! Contradictions: another source gives a different value for the same quantity, for the
//! same scope.
//!
//! Built on the numbers analysis, which reads what each quantity counts (its noun class, the
//! event it refers to, the words that narrow it), who gives it and its time window. A claim's
//! quantity and a quantity of another source are *the same quantity* when they have the same
//! unit, counted thing, event and narrowing words, both are daily figures or neither, and
//! neither gives a different source or time window than the other (a figure from the IRC
//! and one from the WHO are two figures, not a contradiction). Only counts of an event
//! (died, left, arrested, gathered, won) and shares of a name are compared; a part of a set
//! or an increment ("another 187", "two of the guards") is not. Their sentences must put them
//! in the same place (not each naming a place the other does not mention, unless the cluster
//! writes the two together, "Bern, Switzerland") and on the same day (no two different days
//! named; crowds and shares of a name not from articles days apart). They are *about the same
//! event* when they share a distinctive word near them (or count a share of the same name,
//! "the Kessel index fell 6.3%") and each is the other's best match between the two sources.
//! They *contradict* when their values cannot both hold: approximations, ranges and bounds
//! are bands ("nearly 300" holds for 297, "more than 200" for 247), a round figure is read
//! to within [`ROUNDING`], and "about 6.3%" to its last written digit. A source that also
//! gives an agreeing value for the quantity does not contradict it, and a count that grows
//! from an earlier article to a later one (a rising toll) is a revision, not a contradiction.

use super::SupportIndex;
use crate::analyze::numbers::{self, Found};
use crate::analyze::tokens::{is_capitalized, tokenize, Token, TokenKind};
use crate::dates::days_from_civil;
use crate::lang::{lookup, Language};
use crate::prepared::PreparedCluster;
use std::collections::{BTreeMap, BTreeSet};

/// Smallest topic score ([`super::MatchScore::topic`]) of two sentences that give no other
/// sign of speaking of the same event (no shared distinctive word near their quantities).
pub const CONTRADICTION_TOPIC: f64 = 0.45;

/// The largest ratio between two figures believed to report the same quantity (as in the
/// numbers analysis).
const MAX_RATIO: f64 = 3.0;

/// The most different precise values the cluster may give for a counted noun without an
/// event before they are taken for several quantities (as in the numbers analysis).
const MAX_COMPETING: usize = 4;

/// How far from a round figure ("2,000", "300") its true value may be: round figures are
/// rounded.
pub const ROUNDING: f64 = 0.03;

/// The quantities of a cluster, ready to be compared across sources.
#[derive(Debug, Clone)]
pub struct Contradictions {
    found: Vec<Found>,
    /// For each sentence, its quantities (indices into `found`).
    by_sentence: Vec<Vec<usize>>,
    /// For each document and kind of quantity (unit, class, event, narrowing words), its
    /// quantities.
    by_kind: BTreeMap<(usize, Kind), Vec<usize>>,
    /// Publication day of each document (days since 1970).
    dates: Vec<Option<i64>>,
    /// Kinds without an event that the cluster gives more than [`MAX_COMPETING`] different
    /// values for: several quantities that share a noun ("tribes"), not one.
    bags: BTreeSet<Kind>,
    /// The scope each comparable quantity's sentence gives it (places, day), by index into
    /// `found`.
    scopes: BTreeMap<usize, Scope>,
    /// Pairs of places the cluster writes as "Bern, Switzerland" (both orders), lowercase:
    /// one inside the other.
    nested: BTreeSet<(String, String)>,
}

/// Where and when a quantity's sentence puts it.
#[derive(Debug, Clone, Default)]
struct Scope {
    /// Places and groups the sentence puts the quantity in, lowercase: names after a
    /// locative preposition ("in Cyprus", "at the Kessel sawmill"), possessive names
    /// ("Dunmore's"), capitalized modifiers of the counted noun ("Mossad agents").
    places: BTreeSet<String>,
    /// Every word of the sentence, lowercase (hyphenated words also by their parts).
    words: BTreeSet<String>,
    /// The day the sentence says its event happened ("today", "on Tuesday", "Aug. 7"),
    /// resolved against the article's date (days since 1970), when it names one.
    day: Option<i64>,
    /// The article's date (days since 1970).
    published: Option<i64>,
}

/// The lowercase words of a token, hyphenated words also by their parts ("atlanta-area":
/// "atlanta", "area"), a possessive without its "'s".
fn word_forms(raw: &str) -> impl Iterator<Item = String> + '_ {
    let lower = raw
        .trim_end_matches("'s")
        .trim_end_matches("\u{2019}s")
        .to_lowercase();
    let parts: Vec<String> = if lower.contains('-') {
        lower
            .split('-')
            .filter(|p| !p.is_empty())
            .map(str::to_string)
            .collect()
    } else {
        Vec::new()
    };
    std::iter::once(lower).chain(parts)
}

/// Whether a capitalized word names a time (a month, a weekday), not a place.
fn is_time_word(lower: &str) -> bool {
    let dates = Language::English.dates();
    let lower = lower.trim_end_matches("'s").trim_end_matches("\u{2019}s");
    dates.month(lower.trim_end_matches('.')).is_some()
        || dates.weekday(lower).is_some()
        || matches!(lower, "today" | "yesterday" | "tonight")
}

/// A publication date as a day number: the forms `dates::parse` reads, and "MM/DD/YYYY".
fn day_of(raw: &str) -> Option<i64> {
    if let Some(d) = crate::dates::parse_day(raw) {
        return Some(days_from_civil(i64::from(d.year), d.month, d.day));
    }
    let head = raw.split_whitespace().next()?;
    let mut it = head.split('/').map(|p| p.parse::<u32>().ok());
    let (m, d, y) = (it.next()??, it.next()??, it.next()??);
    ((1..=12).contains(&m) && (1..=31).contains(&d) && y > 1000)
        .then(|| days_from_civil(i64::from(y), m, d))
}

/// The day a sentence says its event happened, resolved against its article's date: the
/// first of "today"/"tonight", "yesterday", a weekday (the last one on or before the
/// article's date) or a month and day ("Aug. 7", "October 6": in the article's year, the
/// year before when that would be more than a month after the article).
fn day_named(lower: &[String], tokens: &[Token], published: Option<i64>) -> Option<i64> {
    let dates = Language::English.dates();
    let at = published?;
    for (i, w) in lower.iter().enumerate() {
        match w.trim_end_matches("'s").trim_end_matches("\u{2019}s") {
            "today" | "tonight" => return Some(at),
            "yesterday" => return Some(at - 1),
            _ => {}
        }
        // "Friday's bombing".
        let w = w.trim_end_matches("'s").trim_end_matches("\u{2019}s");
        if let Some(wd) = dates.weekday(w) {
            // 1970-01-01 was a Thursday (Monday = 0).
            let today = (at + 3).rem_euclid(7);
            return Some(at - (today - i64::from(wd)).rem_euclid(7));
        }
        if let Some(m) = dates.month(w.trim_end_matches('.')) {
            // "Aug. 7", "October 6": the day number after the month (and its dot).
            let mut k = i + 1;
            if lower.get(k).is_some_and(|t| t == ".") {
                k += 1;
            }
            let day = tokens
                .get(k)
                .filter(|t| t.kind == TokenKind::Number)
                .and_then(|_| lower[k].parse::<u32>().ok())
                .filter(|d| (1..=31).contains(d));
            if let Some(d) = day {
                let year = i64::from(crate::dates::Date::from_days(at).year);
                let this = days_from_civil(year, m, d);
                return Some(if this > at + 31 {
                    days_from_civil(year - 1, m, d)
                } else {
                    this
                });
            }
        }
    }
    None
}

/// Places a cluster writes as "Bern, Switzerland": two capitalized words around a comma,
/// both orders, lowercase. Only the words beside a comma followed by a capital are
/// tokenized, each between the white space or commas around it: a token never spans white
/// space, nor a word a comma, and tokens do not depend on the text past those, so every
/// character is read at most twice (the tests check the pairs against the whole text's
/// tokens).
fn nested_places(cluster: &PreparedCluster) -> BTreeSet<(String, String)> {
    let mut out = BTreeSet::new();
    for d in &cluster.docs {
        nested_in(&d.text, &mut out);
    }
    out
}

/// [`nested_places`] of one text, added to `out`.
fn nested_in(text: &str, out: &mut BTreeSet<(String, String)>) {
    for (comma, _) in text.match_indices(',') {
        let after = text[comma + 1..].trim_start();
        if !is_capitalized(after) {
            continue;
        }
        let edge = |c: char| c.is_whitespace() || c == ',';
        let after = &after[..after.find(edge).unwrap_or(after.len())];
        let before = text[..comma].trim_end();
        let run = before
            .char_indices()
            .rev()
            .find(|&(_, c)| edge(c))
            .map_or(0, |(k, c)| k + c.len_utf8());
        let before = &before[run..];
        let (Some(a), Some(&b)) = (tokenize(before).pop(), tokenize(after).first()) else {
            continue;
        };
        let name = |t: &Token, r: &str| t.kind == TokenKind::Word && is_capitalized(r);
        if name(&a, a.text(before)) && name(&b, b.text(after)) {
            let (a, b) = (a.text(before).to_lowercase(), b.text(after).to_lowercase());
            out.insert((b.clone(), a.clone()));
            out.insert((a, b));
        }
    }
}

/// Read a quantity's scope from its sentence.
fn scope_of(text: &str, tokens: &[Token], f: &Found, published: Option<i64>) -> Scope {
    let nw = Language::English.number_words();
    let lower: Vec<String> = tokens.iter().map(|t| t.text(text).to_lowercase()).collect();
    let raw = |k: usize| tokens[k].text(text);
    let name_word = |k: usize| {
        tokens[k].kind == TokenKind::Word
            && is_capitalized(raw(k))
            && !is_time_word(&lower[k])
            && !Language::English.is_stop_word(&lower[k])
    };
    let mut places = BTreeSet::new();
    for (i, w) in lower.iter().enumerate() {
        if nw.locative.contains(&w.as_str()) {
            let mut k = i + 1;
            while lower.get(k).is_some_and(|t| t == "the") {
                k += 1;
            }
            while k < tokens.len() && k < i + 8 {
                if name_word(k) {
                    places.extend(word_forms(raw(k)));
                } else if !(matches!(lower[k].as_str(), "and" | "of")
                    && k + 1 < tokens.len()
                    && name_word(k + 1))
                {
                    break;
                }
                k += 1;
            }
        }
        let r = raw(i);
        if name_word(i) && (r.ends_with("'s") || r.ends_with("\u{2019}s")) {
            places.extend(word_forms(r));
        }
    }
    // Capitalized modifiers of the counted noun ("Mossad agents", "Atlanta-area bombings");
    // a share of a name is counted by the name itself ("the S&P 500 fell 6%").
    let head = f.noun.rsplit(' ').next().unwrap_or("");
    let modifiers = f
        .noun
        .split(' ')
        .filter(|m| *m != head && is_capitalized(m));
    for m in modifiers.filter(|_| !f.named) {
        places.extend(word_forms(m));
    }
    let words = tokens
        .iter()
        .filter(|t| t.kind == TokenKind::Word)
        .flat_map(|t| word_forms(t.text(text)))
        .collect();
    Scope {
        places,
        words,
        day: day_named(&lower, tokens, published),
        published,
    }
}

/// Whether a quantity is a part of a set or an increment rather than the count of an
/// event: "another 187", "the other two", "one of four", "two of the guards".
fn is_part(text: &str, tokens: &[Token], f: &Found) -> bool {
    let nw = Language::English.number_words();
    let lower = |k: usize| tokens.get(k).map(|t| t.text(text).to_lowercase());
    let q = &f.quantity;
    let before = q.first.checked_sub(1).and_then(lower);
    let possessive = before
        .as_deref()
        .is_some_and(|b| b.ends_with("'s") || b.ends_with("\u{2019}s"));
    let counted = f.quantity.unit.is_empty();
    let part_before = before
        .as_deref()
        .is_some_and(|b| nw.part_before.contains(&b));
    let of_the = lower(q.end).as_deref() == Some("of")
        && lower(q.end + 1).is_some_and(|w| nw.part_of.contains(&w.as_str()));
    // "194 members of parliament are among the arrested".
    let among = (q.end..(q.end + 8).min(tokens.len())).any(|k| {
        lower(k).as_deref() == Some("among")
            && k.checked_sub(1)
                .and_then(lower)
                .is_some_and(|w| matches!(w.as_str(), "is" | "are" | "was" | "were"))
    });
    counted && (part_before || possessive || of_the || among)
}

/// What a quantity counts: unit, noun class, event, narrowing words, daily or not.
type Kind = (String, String, String, String, bool);

fn kind(f: &Found) -> Kind {
    (
        f.quantity.unit.clone(),
        f.class.clone(),
        f.event.clone(),
        f.scope.clone(),
        numbers::is_daily(&f.when),
    )
}

/// Whether two scopes (who gives a figure, its time window) can be the same: equal, or one
/// not said.
fn same_scope(a: &str, b: &str) -> bool {
    a.is_empty() || b.is_empty() || a == b
}

/// The band of values a quantity's text allows: its bounds, narrowed for an approximation
/// of a number written with decimals to one unit of its last digit ("about 6.3%": 6.2 to
/// 6.4), and widened by [`ROUNDING`] for an exact round figure.
fn band(f: &Found) -> (f64, f64) {
    let q = &f.quantity;
    let (mut low, mut high) = (q.low, q.high);
    let digits: String = f
        .text
        .chars()
        .skip_while(|c| !c.is_ascii_digit())
        .take_while(|c| c.is_ascii_digit() || *c == '.' || *c == ',')
        .collect();
    let digits = digits.trim_end_matches(['.', ',']);
    let approximate = !q.vague && low < q.value && q.value < high && high.is_finite();
    if let Some((_, decimals)) = digits.split_once('.') {
        if approximate && !decimals.is_empty() {
            let unit = 10f64.powi(-i32::try_from(decimals.len()).unwrap_or(i32::MAX));
            low = low.max(q.value - unit);
            high = high.min(q.value + unit);
        }
    } else if !q.vague && q.qualifier.is_empty() && low == high {
        let zeros = digits
            .chars()
            .rev()
            .filter(|&c| c != ',')
            .take_while(|&c| c == '0')
            .count();
        if zeros >= 2 {
            low *= 1.0 - ROUNDING;
            high *= 1.0 + ROUNDING;
        }
    }
    (low, high)
}

/// Whether two quantities' values can both hold.
fn compatible(a: &Found, b: &Found) -> bool {
    let ((al, ah), (bl, bh)) = (band(a), band(b));
    al <= bh && bl <= ah
}

/// Whether two values too far apart to be reports of one quantity: the nearest ends of
/// their bands differ by more than [`MAX_RATIO`] ("killed 247" and "killed 11" count
/// different attacks).
fn too_far(a: &Found, b: &Found) -> bool {
    let ((al, ah), (bl, bh)) = (band(a), band(b));
    let (gap_low, gap_high) = if ah < bl { (ah, bl) } else { (bh, al) };
    gap_low <= 0.0 || gap_high / gap_low > MAX_RATIO
}

/// Whether a quantity counts something a contradiction can be about: a count, a share or an
/// amount of money (not a duration or a distance: "a three-year low", "100 miles east"), of
/// a known or plural noun or a share of a name (not the last word of a phrase).
fn comparable(f: &Found) -> bool {
    let unit = matches!(f.quantity.unit.as_str(), "" | "percent" | "$" | "£" | "€");
    let noun = f.named
        || lookup(Language::English.number_words().noun_classes, &f.class).is_some()
        || (f.class.len() > 3 && f.class.ends_with('s') && !f.class.ends_with("ss"));
    // A count without an event ("four moons", "37 states") is a fact about a set, which
    // reports rarely dispute; the disputes are about what happened: how many died, left,
    // were arrested, and how much a named share moved.
    unit && noun && (f.named || !f.event.is_empty())
}

impl Contradictions {
    /// Read the quantities of a cluster.
    pub fn new(cluster: &PreparedCluster) -> Self {
        Self::from_quantities(cluster, numbers::quantities(cluster))
    }

    /// From the quantities the numbers analysis already read (`numbers::quantities`).
    pub(crate) fn from_quantities(cluster: &PreparedCluster, found: Vec<numbers::Found>) -> Self {
        let published: Vec<Option<i64>> = cluster
            .docs
            .iter()
            .map(|d| d.published.as_deref().and_then(day_of))
            .collect();
        // The scope of each comparable quantity, read from the tokens the numbers analysis
        // made of its sentence; parts of sets ("another 187", "two of the guards") are left
        // out.
        let mut scopes: BTreeMap<usize, Scope> = BTreeMap::new();
        for (k, f) in found.iter().enumerate() {
            if !comparable(f) {
                continue;
            }
            let text = cluster.text(f.sentence);
            if is_part(text, &f.tokens, f) {
                continue;
            }
            let at = published.get(f.mention.doc).copied().flatten();
            scopes.insert(k, scope_of(text, &f.tokens, f, at));
        }
        let usable = |k: usize| scopes.contains_key(&k);
        let mut by_sentence = vec![Vec::new(); cluster.sentences.len()];
        let mut by_kind: BTreeMap<(usize, Kind), Vec<usize>> = BTreeMap::new();
        for (k, f) in found.iter().enumerate() {
            if !usable(k) {
                continue;
            }
            if let Some(v) = by_sentence.get_mut(f.sentence) {
                v.push(k);
            }
            by_kind.entry((f.mention.doc, kind(f))).or_default().push(k);
        }
        let mut values: BTreeMap<Kind, BTreeSet<(u64, u64)>> = BTreeMap::new();
        for f in found.iter().filter(|f| comparable(f) && !f.quantity.vague) {
            let q = &f.quantity;
            values
                .entry(kind(f))
                .or_default()
                .insert(((q.low + 0.0).to_bits(), (q.high + 0.0).to_bits()));
        }
        let bags = values
            .into_iter()
            .filter(|(k, v)| k.2.is_empty() && v.len() > MAX_COMPETING)
            .map(|(k, _)| k)
            .collect();
        // Nested places are only read when two scoped quantities are compared: a cluster with
        // none is not tokenized a second time for them.
        let nested = if scopes.is_empty() {
            BTreeSet::new()
        } else {
            nested_places(cluster)
        };
        Contradictions {
            found,
            by_sentence,
            by_kind,
            dates: published,
            bags,
            scopes,
            nested,
        }
    }

    /// Whether two places are one inside the other: the cluster writes them together as
    /// "Bern, Switzerland" (either order).
    fn nested(&self, a: &str, b: &str) -> bool {
        self.nested.contains(&(a.to_string(), b.to_string()))
    }

    /// Whether two quantities' sentences put them in the same place and on the same day:
    /// places each names and the other sentence does not mention (nor writes together with
    /// one of its places) make them two counts; two different days
    /// named make them two occasions; a share of a name is measured anew each day, so
    /// shares from articles of different days are two measurements.
    fn same_place_and_day(&self, a: usize, b: usize) -> bool {
        let (Some(sa), Some(sb)) = (self.scopes.get(&a), self.scopes.get(&b)) else {
            return false;
        };
        if let (Some(da), Some(db)) = (sa.day, sb.day) {
            if da != db {
                return false;
            }
        }
        // A gathering happens on one day: crowds reported days apart are other gatherings.
        if self.found[a].event == "gather" {
            if let (Some(pa), Some(pb)) = (sa.published, sb.published) {
                if (pa - pb).abs() > 1 && (sa.day.is_none() || sb.day.is_none()) {
                    return false;
                }
            }
        }
        if self.found[a].named {
            if let (Some(pa), Some(pb)) = (sa.published, sb.published) {
                if pa != pb && (sa.day.is_none() || sb.day.is_none()) {
                    return false;
                }
            }
        }
        if sa.places.is_empty() || sb.places.is_empty() {
            return true;
        }
        let foreign = |mine: &Scope, other: &Scope| {
            mine.places.iter().any(|p| {
                !other.words.contains(p) && !other.places.iter().any(|q| self.nested(p, q))
            })
        };
        // Each names a place the other does not: "in Cyprus" and "in Bern". One naming more
        // than the other ("at the embassy in Nairobi" and "in Kenya") is not enough: reports of
        // one event name it with more or fewer places.
        !(foreign(sa, sb) && foreign(sb, sa))
    }

    /// How closely two quantities of the same kind speak of the same event: shared
    /// distinctive words near them, `None` when nothing ties them (no shared word, not a
    /// share of the same name, and sentences further apart than [`CONTRADICTION_TOPIC`]) or
    /// their scopes differ.
    fn affinity(&self, index: &SupportIndex, a: usize, b: usize) -> Option<usize> {
        let (fa, fb) = (&self.found[a], &self.found[b]);
        if !same_scope(&fa.by, &fb.by)
            || !same_scope(&fa.when, &fb.when)
            || !self.same_place_and_day(a, b)
        {
            return None;
        }
        let shared = fa.context.intersection(&fb.context).count();
        // Without an event ("left", "died") a counted noun is broad: two shared words.
        let need = if fa.event.is_empty() { 2 } else { 1 };
        let tied = shared >= need
            || (fa.named && fb.named)
            || index.score(fa.sentence, fb.sentence).topic >= CONTRADICTION_TOPIC;
        tied.then_some(shared)
    }

    /// The quantity of document `doc` of the same kind as quantity `a` that is closest to it
    /// (most shared words, then first in the text), with its affinity.
    fn best_in(&self, index: &SupportIndex, a: usize, doc: usize) -> Option<(usize, usize)> {
        let mut best: Option<(usize, usize)> = None;
        for &b in self.by_kind.get(&(doc, kind(&self.found[a])))? {
            if let Some(s) = self.affinity(index, a, b) {
                if best.is_none_or(|(_, bs)| s > bs) {
                    best = Some((b, s));
                }
            }
        }
        best
    }

    /// Whether quantity `b` (a later article's) reports a count that grew from `a` (an
    /// earlier article's): a rising toll is revised, not contradicted.
    fn revision(&self, a: usize, b: usize) -> bool {
        let (fa, fb) = (&self.found[a], &self.found[b]);
        // Only a running count grows: a share won or a crowd is said once.
        if fa.event.is_empty()
            || !fa.quantity.unit.is_empty()
            || matches!(fa.event.as_str(), "win" | "gather")
        {
            return false;
        }
        let da = self.dates.get(fa.mention.doc).copied().flatten();
        let db = self.dates.get(fb.mention.doc).copied().flatten();
        match (da, db) {
            (Some(da), Some(db)) if da != db => {
                let (early, late) = if da < db { (fa, fb) } else { (fb, fa) };
                late.quantity.value > early.quantity.value
            }
            _ => false,
        }
    }

    /// The sentences of other documents that give a different value for a quantity that
    /// sentence `claim` gives, for the same scope: (document, sentence, what differs as
    /// "noun: claim's value / other value"), one per document, by document.
    pub fn of(
        &self,
        cluster: &PreparedCluster,
        index: &SupportIndex,
        claim: usize,
    ) -> Vec<(usize, usize, String)> {
        let Some(own) = cluster.sentences.get(claim).map(|s| s.doc) else {
            return Vec::new();
        };
        let mut out: Vec<(usize, usize, String)> = Vec::new();
        for &a in self.by_sentence.get(claim).map_or(&[][..], Vec::as_slice) {
            let fa = &self.found[a];
            if self.bags.contains(&kind(fa)) {
                continue;
            }
            for doc in 0..cluster.docs.len() {
                if doc == own || out.iter().any(|(d, _, _)| *d == doc) {
                    continue;
                }
                let Some((b, _)) = self.best_in(index, a, doc) else {
                    continue;
                };
                // Mutual best: the claim's quantity is the closest the other source's has.
                if self.best_in(index, b, own).map(|(x, _)| x) != Some(a) {
                    continue;
                }
                if compatible(fa, &self.found[b])
                    || too_far(fa, &self.found[b])
                    || self.revision(a, b)
                {
                    continue;
                }
                // A source that also gives an agreeing value does not contradict.
                let agrees = self.by_kind[&(doc, kind(fa))].iter().any(|&c| {
                    compatible(fa, &self.found[c]) && self.affinity(index, a, c).is_some()
                });
                if agrees {
                    continue;
                }
                let fb = &self.found[b];
                out.push((
                    doc,
                    fb.sentence,
                    format!("{}: {} / {}", fa.noun, fa.text, fb.text),
                ));
            }
        }
        out.sort_by_key(|(d, _, _)| *d);
        out
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::{Document, Pipeline};

    /// Filler sentences so that the words of the cluster are not all common.
    const FILLER: &str = "Schools reopened after the holiday break. The council debated \
        parking fees again. A new bakery opened near the station. Weather in the region \
        stayed calm through the week.";

    /// What document 1 contradicts in the first sentence of document 0, with the dates of
    /// the two documents.
    fn contradicted(a: &str, b: &str, dates: [Option<&str>; 2]) -> Vec<String> {
        let docs = [a, b]
            .iter()
            .zip(dates)
            .enumerate()
            .map(|(i, (t, date))| {
                let mut d = Document::from_text(format!("d{i}"), format!("{t} {FILLER}"));
                d.published = date.map(str::to_string);
                d
            })
            .collect();
        let cluster = Pipeline::default().prepare_documents(docs);
        let index = SupportIndex::new(&cluster);
        Contradictions::new(&cluster)
            .of(&cluster, &index, 0)
            .into_iter()
            .map(|(_, _, what)| what)
            .collect()
    }

    macro_rules! contradiction_cases {
        ($($name:ident: $a:literal, $b:literal $(, $dates:expr)? => $expect:expr;)*) => {$(
            #[test]
            fn $name() {
                #[allow(unused_mut, unused_assignments)]
                let mut dates = [None, None];
                $(dates = $dates;)?
                let got = contradicted($a, $b, dates);
                let expect: &[&str] = $expect;
                assert_eq!(got, expect, "{:?}\n{:?}", $a, $b);
            }
        )*};
    }

    contradiction_cases! {
        another_toll_of_one_fire:
            "The fire at the Kessel sawmill killed 14 workers on Tuesday night.",
            "Nine workers were killed in the Tuesday night fire at the Kessel sawmill."
            => &["workers: 14 / Nine"];
        nearly_holds_for_a_value_below:
            "The fire at the Kessel sawmill killed nearly 300 workers on Tuesday night.",
            "The Tuesday night fire at the Kessel sawmill killed 297 workers." => &[];
        more_than_holds_for_a_larger_value:
            "The fire at the Kessel sawmill killed more than 200 workers on Tuesday night.",
            "The Tuesday night fire at the Kessel sawmill killed 247 workers." => &[];
        a_round_figure_is_rounded:
            "The fire at the Kessel sawmill killed 300 workers on Tuesday night.",
            "The Tuesday night fire at the Kessel sawmill killed 296 workers." => &[];
        figures_of_two_bodies_are_two_figures:
            "The Kessel fire killed 14 workers at the sawmill, according to the IRC.",
            "The WHO said the Kessel fire killed nine workers at the sawmill." => &[];
        figures_far_apart_count_different_things:
            "The bombing of the Kessel embassy killed 247 people on Friday.",
            "The bombing of the Dunmore embassy killed 11 people on Friday." => &[];
        a_rising_toll_is_a_revision:
            "The fire at the Kessel sawmill killed 14 workers on Tuesday night.",
            "The toll of the fire at the Kessel sawmill rose: it killed 19 workers on Tuesday night.",
            [Some("2026-04-08"), Some("2026-04-09")] => &[];
        a_falling_toll_is_a_contradiction:
            "The fire at the Kessel sawmill killed 19 workers on Tuesday night.",
            "The fire at the Kessel sawmill killed 14 workers on Tuesday night.",
            [Some("2026-04-08"), Some("2026-04-09")] => &["workers: 19 / 14"];
        a_share_of_the_same_name:
            "The Kessel Composite index tumbled about 6.3% on Tuesday as markets braced.",
            "The Kessel Composite dropped 5.8% and bond yields rose."
            => &["Kessel Composite: about 6.3% / 5.8%"];
        about_a_decimal_holds_to_its_last_digit:
            "The Kessel Composite index tumbled about 6.3% on Tuesday as markets braced.",
            "The Kessel Composite dropped 6.25% and bond yields rose." => &[];
        a_daily_count_is_not_the_total:
            "The Kessel flu has killed 2,108 people in the past 24 hours, officials said.",
            "The Kessel flu has killed 19,882 people, officials said." => &[];
        a_possessive_day_is_a_day_not_a_place:
            "The detentions were the first in Kessel since Friday's bombing, which killed 247 people.",
            "A bomb exploded outside the Dunmore Embassy in Kessel, killing 213 people."
            => &["people: 247 / 213"];
        tolls_in_other_places_count_other_attacks:
            "The bombing of the embassy in Kessel killed 224 people on Friday.",
            "The bombing of the courthouse in Dunmore killed 168 people on Friday." => &[];
        a_place_inside_another_is_the_same_place:
            "The fire at the sawmill in Kessel, Dunmore killed 14 workers on Tuesday night.",
            "The fire at the sawmill in Dunmore killed nine workers on Tuesday night."
            => &["workers: 14 / nine"];
        arrests_on_other_days_are_other_arrests:
            "Police arrested 40 people at the rally in the Kessel square on Monday.",
            "Police arrested 25 people at the rally in the Kessel square on Friday.",
            [Some("2026-04-06"), Some("2026-04-10")] => &[];
        arrests_on_the_same_day_are_compared:
            "Police arrested 40 people at the rally in the Kessel square on Monday.",
            "Police arrested 25 people at the rally in the Kessel square on Monday.",
            [Some("2026-04-06"), Some("2026-04-07")] => &["people: 40 / 25"];
        an_increment_is_not_the_count:
            "Another 187 members of the Kessel party were detained by police on Friday.",
            "Police detained 500 members of the Kessel party on Friday." => &[];
        a_part_of_a_set_is_not_the_count:
            "Two of the guards who beat the Kessel couple were arrested on Friday.",
            "Police arrested three guards who beat the Kessel couple on Friday." => &[];
        counts_without_an_event_are_not_compared:
            "The Kessel council has 12 members under the new charter of the town.",
            "The Kessel council has 11 members under the new charter of the town." => &[];
        crowds_months_apart_are_other_gatherings:
            "Thousands of people gathered in the Kessel square to demand his return.",
            "Hundreds of people gathered in the Kessel square to demand his return.",
            [Some("2026-01-07"), Some("2026-03-29")] => &[];
        crowds_the_same_day_are_compared:
            "Thousands of people gathered in the Kessel square to demand his return.",
            "Hundreds of people gathered in the Kessel square to demand his return.",
            [Some("2026-01-07"), Some("2026-01-07")] => &["people: Thousands / Hundreds"];
        shares_won_in_one_election:
            "The Kessel party won 82 percent of the seats in the 1990 election.",
            "The 1990 election, annulled by the army, saw the Kessel party win 80 percent of the seats.",
            [Some("2026-04-08"), Some("2026-03-09")] => &["seats: 82 percent / 80 percent"];
        arrests_at_one_rally:
            "The Kessel rally ended with nearly 100 arrests and several injuries.",
            "Clashes with police at the Kessel rally resulted in 120 arrests."
            => &["arrests: nearly 100 / 120"];
        durations_are_not_compared:
            "Kessel shares fell to a three-year low on Tuesday after the sawmill fire.",
            "Kessel shares fell to an 18-year low on Tuesday after the sawmill fire." => &[];
    }

    /// [`nested_places`] read from the whole text's tokens, as the reference.
    fn nested_by_tokens(text: &str) -> BTreeSet<(String, String)> {
        let tokens = tokenize(text);
        let mut out = BTreeSet::new();
        for w in tokens.windows(3) {
            let (a, comma, b) = (w[0].text(text), w[1].text(text), w[2].text(text));
            let name = |t: &Token, r: &str| t.kind == TokenKind::Word && is_capitalized(r);
            if comma == "," && name(&w[0], a) && name(&w[2], b) {
                let (a, b) = (a.to_lowercase(), b.to_lowercase());
                out.insert((b.clone(), a.clone()));
                out.insert((a, b));
            }
        }
        out
    }

    fn nested_of(text: &str) -> BTreeSet<(String, String)> {
        let mut out = BTreeSet::new();
        nested_in(text, &mut out);
        out
    }

    #[test]
    fn nested_places_are_the_whole_texts_token_pairs() {
        for text in [
            "The fire in Kessel, Dunmore killed 14.",
            "Kessel,Dunmore,Bern and Lund , Oslo; U.S., Canada",
            "In U.S.,Canada and 1,000, Kessel's, Dunmore-on-Sea, Old\u{2019}s,\tÉire",
            "5,A x, 3 A,1 St. Kessel,\u{00a0}Dunmore a.m., Bern ,Lund ,",
            ",Kessel , , Dunmore\n,\nBern",
            "\u{201c}Kessel,\u{201d} Dunmore, \u{201c}Bern\u{201d}, Lund,Ørsted, über,Über",
            "1,5Kessel,Bern 12,000,Lund Kessel1,5,Bern Kessel-1,Bern,X.Y,Z",
        ] {
            assert_eq!(nested_of(text), nested_by_tokens(text), "{text:?}");
        }
        let cluster = crate::Pipeline::default().prepare_documents(vec![Document::from_text(
            "d",
            "The fire in Kessel, Dunmore killed 14.",
        )]);
        assert!(nested_places(&cluster).contains(&("dunmore".into(), "kessel".into())));
    }

    #[test]
    fn nested_places_stay_linear_without_white_space() {
        let text = "Kessel,".repeat(200_000);
        assert_eq!(nested_of(&text).len(), 1);
    }

    proptest::proptest! {
        #[test]
        fn nested_places_match_the_whole_texts_tokens(
            parts in proptest::collection::vec(
                "Kessel|Bern|U\\.S\\.|a\\.m\\.|Old's|x-Y|-|'|\\.|,|1|,5|0|É|ü|\u{2019}|\u{201c}| |\n|\u{00a0}",
                0..16,
            ),
        ) {
            let text = parts.concat();
            proptest::prop_assert_eq!(nested_of(&text), nested_by_tokens(&text), "{:?}", text);
        }
    }

    #[test]
    fn hundreds_and_thousands_of_mourners_contradict() {
        let got = contradicted(
            "Hundreds of people paid their respects at the Kessel chapel on Monday.",
            "Thousands of mourners paid their respects at the Kessel chapel on Monday.",
            [None, None],
        );
        assert_eq!(got, ["people: Hundreds / Thousands"]);
    }

    #[test]
    fn a_source_that_also_agrees_does_not_contradict() {
        let got = contradicted(
            "The fire at the Kessel sawmill killed 14 workers on Tuesday night.",
            "The fire at the Kessel sawmill killed 14 workers on Tuesday night. Earlier \
             reports said the fire at the Kessel sawmill killed nine workers.",
            [None, None],
        );
        assert!(got.is_empty(), "{got:?}");
    }
}
