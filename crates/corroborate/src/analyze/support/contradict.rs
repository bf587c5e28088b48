//! Contradictions: another source gives a different value for the same quantity, for the
//! same scope.
//!
//! Built on the numbers analysis, which reads what each quantity counts (its noun class, the
//! event it refers to, the words that narrow it), who gives it and its time window. A claim's
//! quantity and a quantity of another source are *the same quantity* when they have the same
//! unit, counted thing, event and narrowing words, both are daily figures or neither, and
//! neither gives a different source or time window than the other (a figure from the IRC
//! and one from the WHO are two figures, not a contradiction). They are *about the same
//! event* when they share a distinctive word near them (or count a share of the same name,
//! "the Kessel index fell 6.3%") and each is the other's best match between the two sources.
//! They *contradict* when their values cannot both hold: approximations, ranges and bounds
//! are bands ("nearly 300" holds for 297, "more than 200" for 247), a round figure is read
//! to within [`ROUNDING`], and "about 6.3%" to its last written digit. A source that also
//! gives an agreeing value for the quantity does not contradict it, and a count that grows
//! from an earlier article to a later one (a rising toll) is a revision, not a contradiction.

use super::SupportIndex;
use crate::analyze::numbers::{self, Found};
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
    /// Publication date of each document, as written (ISO dates sort as text).
    dates: Vec<Option<String>>,
    /// Kinds without an event that the cluster gives more than [`MAX_COMPETING`] different
    /// values for: several quantities that share a noun ("tribes"), not one.
    bags: BTreeSet<Kind>,
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
    unit && noun
}

impl Contradictions {
    /// Read the quantities of a cluster.
    pub fn new(cluster: &PreparedCluster) -> Self {
        Self::from_quantities(cluster, numbers::quantities(cluster))
    }

    /// From the quantities the numbers analysis already read (`numbers::quantities`).
    pub(crate) fn from_quantities(cluster: &PreparedCluster, found: Vec<numbers::Found>) -> Self {
        let mut by_sentence = vec![Vec::new(); cluster.sentences.len()];
        let mut by_kind: BTreeMap<(usize, Kind), Vec<usize>> = BTreeMap::new();
        for (k, f) in found.iter().enumerate() {
            if !comparable(f) {
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
        Contradictions {
            found,
            by_sentence,
            by_kind,
            dates: cluster.docs.iter().map(|d| d.published.clone()).collect(),
            bags,
        }
    }

    /// How closely two quantities of the same kind speak of the same event: shared
    /// distinctive words near them, `None` when nothing ties them (no shared word, not a
    /// share of the same name, and sentences further apart than [`CONTRADICTION_TOPIC`]) or
    /// their scopes differ.
    fn affinity(&self, index: &SupportIndex, a: usize, b: usize) -> Option<usize> {
        let (fa, fb) = (&self.found[a], &self.found[b]);
        if !same_scope(&fa.by, &fb.by) || !same_scope(&fa.when, &fb.when) {
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
        if fa.event.is_empty() {
            return false;
        }
        let da = self.dates.get(fa.mention.doc).cloned().flatten();
        let db = self.dates.get(fb.mention.doc).cloned().flatten();
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
            [Some("2026-04-06"), Some("2026-04-08")] => &[];
        a_falling_toll_is_a_contradiction:
            "The fire at the Kessel sawmill killed 19 workers on Tuesday night.",
            "The fire at the Kessel sawmill killed 14 workers on Tuesday night.",
            [Some("2026-04-06"), Some("2026-04-08")] => &["workers: 19 / 14"];
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
        durations_are_not_compared:
            "Kessel shares fell to a three-year low on Tuesday after the sawmill fire.",
            "Kessel shares fell to an 18-year low on Tuesday after the sawmill fire." => &[];
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
