//! Timeline: dated and relative-time statements ("on Saturday", "last month", "on
//! February 3, 2019", "two years ago", "in 2014"), resolved against the article's
//! publication date (from its metadata, else a date line in its first lines) to ISO dates
//! at day, month or year precision. Statements that cannot be resolved come last.

use super::tokens::{is_capitalized, tokenize, Token, TokenKind};
use super::{Mention, TimelineEntry};
use crate::dates::{parse_day, parse_leading_day, Date, Precision};
use crate::lang::{lookup, Language, NumberWords};
use crate::prepared::PreparedCluster;
use std::collections::{BTreeSet, HashMap};

/// The words this analyzer reads: it reads English rules.
fn number_words() -> &'static NumberWords {
    Language::English.number_words()
}

/// Why a relative date is left unresolved: its source gives no date of its own.
const UNDATED_SOURCE: &str = "relative to its source's date, which the source does not give";

/// Why a date is left unresolved: it names no day of the calendar ("February 30").
const NOT_A_DATE: &str = "not a date of the calendar";

/// The most entries with the same date a statement is compared with when merging.
const MERGE_CANDIDATES: usize = 64;

/// A date expression in a sentence.
#[derive(Debug, Clone, PartialEq)]
struct Expression {
    /// First and past-the-end token.
    first: usize,
    end: usize,
    /// The resolved date, or `None` when it needs a publication date that is unknown.
    date: Option<(Date, Precision)>,
}

struct Words<'a> {
    text: &'a str,
    tokens: &'a [Token],
    lower: Vec<String>,
}

impl Words<'_> {
    fn w(&self, i: usize) -> &str {
        self.lower.get(i).map(String::as_str).unwrap_or("")
    }

    fn raw(&self, i: usize) -> &str {
        self.tokens.get(i).map_or("", |t| t.text(self.text))
    }

    fn month(&self, i: usize) -> Option<u32> {
        // Month names are capitalized ("march" and "may" are also verbs).
        if !is_capitalized(self.raw(i)) {
            return None;
        }
        Language::English.dates().month(self.w(i))
    }

    fn number(&self, i: usize) -> Option<u32> {
        let t = self.tokens.get(i)?;
        if t.kind != TokenKind::Number {
            return None;
        }
        let raw = t.text(self.text);
        let digits = raw.trim_end_matches(|c: char| c.is_alphabetic());
        if digits.is_empty() || !digits.chars().all(|c| c.is_ascii_digit()) {
            return None;
        }
        digits.parse().ok()
    }

    fn year(&self, i: usize) -> Option<i32> {
        let raw = self.raw(i);
        if raw.len() == 4 && raw.chars().all(|c| c.is_ascii_digit()) {
            let y: i32 = raw.parse().ok()?;
            return (1800..=2100).contains(&y).then_some(y);
        }
        None
    }

    /// Skip an abbreviation dot after a month ("Feb.").
    fn skip_dot(&self, i: usize) -> usize {
        if self.w(i) == "." {
            i + 1
        } else {
            i
        }
    }
}

/// The most recent date on or before `publication` with this month (and day).
fn recent_month(month: u32, publication: Date, ahead: bool) -> Date {
    let mut year = publication.year;
    if ahead {
        if month <= publication.month {
            year += 1;
        }
    } else if month > publication.month {
        year -= 1;
    }
    Date {
        year,
        month,
        day: 1,
    }
}

/// The date with this month and day nearest to `publication`, in its year or the one before
/// or after: "Dec. 2" written in November is that December, "Jan. 29" written in July is
/// that January.
fn nearest(publication: Date, month: u32, day: u32) -> Option<Date> {
    (publication.year - 1..=publication.year + 1)
        .filter_map(|y| Date::new(y, month, day))
        .min_by_key(|d| (d.days() - publication.days()).abs())
}

/// How many words before a weekday are read for a future cue.
const CUE_WINDOW: usize = 8;

/// Whether the weekday at token `i` is ahead of the writing: a future cue ("will",
/// "expected", "scheduled", "due", "plans to", "next") stands before it in its clause, with no
/// report of what was said ("said", "told") or past verb ("was") in between; the look back
/// stops at clause punctuation. Otherwise a weekday is the last one (news reports the past).
fn weekday_ahead(s: &Words<'_>, i: usize) -> bool {
    let calendar = Language::English.dates();
    for j in (i.saturating_sub(CUE_WINDOW)..i).rev() {
        let w = s.w(j);
        if s.tokens.get(j).is_some_and(|t| t.kind == TokenKind::Punct) {
            return false;
        }
        if calendar.past_cues.contains(&w) {
            return false;
        }
        if calendar.future_cues.contains(&w) {
            return true;
        }
    }
    false
}

/// The date expression starting at token `i`.
fn expression_at(s: &Words<'_>, i: usize, publication: Option<Date>) -> Option<Expression> {
    let at = |end: usize, date: Option<(Date, Precision)>| Expression {
        first: i,
        end,
        date,
    };
    let prev = if i > 0 { s.w(i - 1) } else { "" };
    // Month D, YYYY / Month D / Month YYYY / Month
    if let Some(m) = s.month(i) {
        let j = s.skip_dot(i + 1);
        if let Some(d) = s.number(j).filter(|&d| (1..=31).contains(&d)) {
            let k = if s.w(j + 1) == "," { j + 2 } else { j + 1 };
            if let Some(y) = s.year(k) {
                return Some(at(k + 1, Date::new(y, m, d).map(|x| (x, Precision::Day))));
            }
            let date = publication.and_then(|p| nearest(p, m, d).map(|x| (x, Precision::Day)));
            return Some(at(j + 1, date));
        }
        if let Some(y) = s.year(j) {
            return Some(at(
                j + 1,
                Some((
                    Date {
                        year: y,
                        month: m,
                        day: 1,
                    },
                    Precision::Month,
                )),
            ));
        }
        // A bare month needs a cue that it is a time ("in December", "last month").
        if matches!(
            prev,
            "in" | "since"
                | "last"
                | "early"
                | "late"
                | "mid"
                | "by"
                | "until"
                | "from"
                | "this"
                | "next"
                | "during"
                | "before"
                | "after"
        ) {
            let date = publication.map(|p| {
                let d = match prev {
                    "next" => recent_month(m, p, true),
                    "last" | "since" | "until" => recent_month(m, p, false),
                    _ => nearest(p, m, 1).unwrap_or_else(|| recent_month(m, p, false)),
                };
                (d, Precision::Month)
            });
            return Some(at(j, date));
        }
        return None;
    }
    // D Month [YYYY]
    if let Some(d) = s.number(i).filter(|&d| (1..=31).contains(&d)) {
        if let Some(m) = s.month(i + 1) {
            let j = s.skip_dot(i + 2);
            if let Some(y) = s.year(j) {
                return Some(at(j + 1, Date::new(y, m, d).map(|x| (x, Precision::Day))));
            }
            let date = publication.and_then(|p| nearest(p, m, d).map(|x| (x, Precision::Day)));
            return Some(at(j, date));
        }
    }
    let w = s.w(i);
    // Weekdays.
    let in_name = is_capitalized(s.raw(i + 1))
        && s.tokens
            .get(i + 1)
            .is_some_and(|t| t.kind == TokenKind::Word);
    if let Some(wd) = Language::English
        .dates()
        .weekday(w)
        .filter(|_| is_capitalized(s.raw(i)) && !in_name)
    {
        let ahead = weekday_ahead(s, i);
        let date = publication.map(|p| {
            let back = (p.weekday() + 7 - wd) % 7;
            let forward = (wd + 7 - p.weekday()) % 7;
            let d = match prev {
                "next" => p.add_days(i64::from(forward).max(1)),
                "last" if back == 0 => p.add_days(-7),
                "last" => p.add_days(-i64::from(back)),
                _ if ahead => p.add_days(i64::from(forward)),
                _ => p.add_days(-i64::from(back)),
            };
            (d, Precision::Day)
        });
        return Some(at(i + 1, date));
    }
    match w {
        "yesterday" | "today" | "tonight" => {
            let offset = if w == "yesterday" { -1 } else { 0 };
            return Some(at(
                i + 1,
                publication.map(|p| (p.add_days(offset), Precision::Day)),
            ));
        }
        "last" | "next" | "this" | "past" => {
            let unit = s.w(i + 1);
            let sign = if w == "next" {
                1
            } else if w == "this" {
                0
            } else {
                -1
            };
            let date = |p: Date| match unit {
                "week" => Some((p.add_days(7 * i64::from(sign)), Precision::Month)),
                "month" => Some((p.add_months(sign), Precision::Month)),
                "year" => Some((
                    Date {
                        year: p.year + sign,
                        month: 1,
                        day: 1,
                    },
                    Precision::Year,
                )),
                _ => None,
            };
            if matches!(unit, "week" | "month" | "year") && !(w == "past" && unit != "week") {
                return Some(at(i + 2, publication.and_then(date)));
            }
        }
        _ => {}
    }
    // N units ago
    let n = s
        .number(i)
        .map(f64::from)
        .or_else(|| lookup(number_words().number_words, w));
    if let Some(n) = n {
        let unit = s.w(i + 1);
        if s.w(i + 2) == "ago" {
            let n = n as i64;
            let date = |p: Date| match unit.trim_end_matches('s') {
                "day" => Some((p.add_days(-n), Precision::Day)),
                "week" => Some((p.add_days(-7 * n), Precision::Day)),
                "month" => Some((p.add_months(-(n as i32)), Precision::Month)),
                "year" => Some((
                    Date {
                        year: p.year - n as i32,
                        month: 1,
                        day: 1,
                    },
                    Precision::Year,
                )),
                _ => None,
            };
            if matches!(
                unit.trim_end_matches('s'),
                "day" | "week" | "month" | "year"
            ) {
                return Some(at(i + 3, publication.and_then(date)));
            }
        }
    }
    // A year on its own, unless it counts something ("2000 troops").
    if let Some(y) = s.year(i) {
        let next = s.w(i + 1);
        let counts = lookup(number_words().noun_classes, next).is_some()
            || lookup(number_words().units, next).is_some();
        if !counts {
            return Some(at(
                i + 1,
                Some((
                    Date {
                        year: y,
                        month: 1,
                        day: 1,
                    },
                    Precision::Year,
                )),
            ));
        }
    }
    None
}

/// A source's date and, when its metadata and its own date line disagree, a note saying so.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) struct SourceDate {
    /// The date the source's relative dates are read against.
    pub date: Option<Date>,
    /// Why another date the source gives was not used, when it gives two.
    pub conflict: Option<String>,
}

/// The publication date of a document: its metadata (`published`) and a short date line
/// among its first lines. When both are given and differ ("datePublished" says 2019-02-14,
/// the text's date line February 11, 2019), the earlier is used: a text is written no later
/// than any date given for it, and the later one is most often an update or a republication.
/// The disagreement is returned as a note.
pub(crate) fn source_date(cluster: &PreparedCluster, doc: usize) -> SourceDate {
    let d = &cluster.docs[doc];
    let meta = d.published.as_deref().and_then(parse_day);
    let line = date_line(&d.text);
    match (meta, line) {
        (Some(m), Some(l)) if m != l => {
            let (used, other) = if l.days() < m.days() { (l, m) } else { (m, l) };
            let (used_by, other_by) = if used == l {
                ("its date line", "its metadata")
            } else {
                ("its metadata", "its date line")
            };
            let days = (m.days() - l.days()).abs();
            SourceDate {
                date: Some(used),
                conflict: Some(format!(
                    "{other_by} dates it {} and {used_by} {} ({days} day{} apart): \
                     the earlier, {}, is used",
                    other.iso(Precision::Day),
                    used.iso(Precision::Day),
                    if days == 1 { "" } else { "s" },
                    used.iso(Precision::Day),
                )),
            }
        }
        (m, l) => SourceDate {
            date: m.or(l),
            conflict: None,
        },
    }
}

/// The date of a short date line among a text's first lines ("February 11, 2019", "Posted:
/// Feb. 11, 2019").
fn date_line(text: &str) -> Option<Date> {
    // The cleaner may drop a bare date line as page furniture: read the raw first lines.
    text.lines()
        .filter(|l| !l.trim().is_empty())
        .take(12)
        .find_map(|line| {
            let line = line.trim();
            let line = line
                .split_once(':')
                .filter(|(head, _)| head.split_whitespace().count() <= 2)
                .map_or(line, |(_, rest)| rest.trim());
            (line.split_whitespace().count() <= 6)
                .then(|| parse_leading_day(line))
                .flatten()
        })
}

/// Find the dated statements of a cluster, in date order.
pub(crate) fn find(cluster: &PreparedCluster) -> Vec<TimelineEntry> {
    struct Found {
        date: String,
        resolved: bool,
        undatable: Option<String>,
        sentence: usize,
        terms: BTreeSet<u32>,
        mention: Mention,
    }
    let mut found: Vec<Found> = Vec::new();
    for doc in 0..cluster.docs.len() {
        let publication = source_date(cluster, doc).date;
        for si in cluster.doc_sentences[doc].clone() {
            let sentence = &cluster.sentences[si];
            if sentence.heading || sentence.words < 4 {
                continue;
            }
            let text = cluster.text(si);
            let tokens = tokenize(text);
            let words = Words {
                text,
                tokens: &tokens,
                lower: tokens.iter().map(|t| t.text(text).to_lowercase()).collect(),
            };
            let mut seen: BTreeSet<String> = BTreeSet::new();
            let mut i = 0;
            while i < tokens.len() {
                let Some(e) = expression_at(&words, i, publication) else {
                    i += 1;
                    continue;
                };
                let span = sentence.span.start + tokens[e.first].start
                    ..sentence.span.start + tokens[e.end.max(e.first + 1) - 1].end;
                let (date, resolved) = match e.date {
                    Some((d, p)) => (d.iso(p), true),
                    None => (cluster.docs[doc].text[span.clone()].to_string(), false),
                };
                let undatable = (!resolved).then(|| {
                    if publication.is_none() {
                        UNDATED_SOURCE.to_string()
                    } else {
                        NOT_A_DATE.to_string()
                    }
                });
                if seen.insert(date.clone()) {
                    found.push(Found {
                        date,
                        resolved,
                        undatable,
                        sentence: si,
                        terms: sentence.terms.iter().copied().collect(),
                        mention: Mention { doc, span },
                    });
                }
                i = e.end.max(i + 1);
            }
        }
    }
    // Merge the same date stated in similar sentences across documents.
    // Candidates share the date: the first few entries with it (a bound that keeps one
    // date repeated thousands of times linear).
    let mut entries: Vec<(TimelineEntry, BTreeSet<u32>, (usize, usize))> = Vec::new();
    let mut by_date: HashMap<(bool, String), Vec<usize>> = HashMap::new();
    for f in found {
        let key = (f.resolved, f.date.to_lowercase());
        let similar = by_date.get(&key).and_then(|c| {
            c.iter()
                .take(MERGE_CANDIDATES)
                .copied()
                .find(|&k| jaccard(&entries[k].1, &f.terms) >= 0.3)
        });
        match similar.map(|k| &mut entries[k]) {
            Some((e, terms, _)) => {
                if !e.sources.contains(&f.mention.doc) {
                    e.sources.push(f.mention.doc);
                    e.sources.sort_unstable();
                }
                e.mentions.push(f.mention);
                terms.extend(f.terms.iter().copied());
            }
            None => {
                let first = (f.mention.doc, f.mention.span.start);
                by_date.entry(key).or_default().push(entries.len());
                entries.push((
                    TimelineEntry {
                        date: f.date,
                        resolved: f.resolved,
                        undatable: f.undatable,
                        text: cluster.text(f.sentence).to_string(),
                        sources: vec![f.mention.doc],
                        mentions: vec![f.mention],
                    },
                    f.terms,
                    first,
                ));
            }
        }
    }
    entries.sort_by(|a, b| {
        b.0.resolved
            .cmp(&a.0.resolved)
            .then_with(|| {
                if a.0.resolved {
                    a.0.date.cmp(&b.0.date)
                } else {
                    std::cmp::Ordering::Equal
                }
            })
            .then(a.2.cmp(&b.2))
    });
    entries.into_iter().map(|(e, _, _)| e).collect()
}

fn jaccard(a: &BTreeSet<u32>, b: &BTreeSet<u32>) -> f64 {
    let inter = a.intersection(b).count();
    let union = a.len() + b.len() - inter;
    if union == 0 {
        0.0
    } else {
        inter as f64 / union as f64
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::{Document, Pipeline};

    fn timeline(text: &str, published: Option<&str>) -> Vec<(String, bool)> {
        let mut doc = Document::from_text("a", text);
        doc.published = published.map(str::to_string);
        let c = Pipeline::default().prepare_documents(vec![doc]);
        find(&c).into_iter().map(|e| (e.date, e.resolved)).collect()
    }

    fn resolved(text: &str, published: &str) -> Vec<String> {
        timeline(text, Some(published))
            .into_iter()
            .map(|(d, _)| d)
            .collect()
    }

    #[test]
    fn absolute_dates() {
        assert_eq!(
            resolved(
                "The town fell on February 3, 2019 after a siege.",
                "2019-03-01"
            ),
            vec!["2019-02-03"]
        );
        assert_eq!(
            resolved(
                "He spoke at the mosque on 5 July 2014 to followers.",
                "2019-03-01"
            ),
            vec!["2014-07-05"]
        );
        assert_eq!(
            resolved("The group was founded in 2014 by him.", "2019-03-01"),
            vec!["2014"]
        );
        assert_eq!(
            resolved("The last release was in August 2018 online.", "2019-03-01"),
            vec!["2018-08"]
        );
    }

    #[test]
    fn relative_dates_use_the_publication_date() {
        // 2019-02-11 was a Monday.
        assert_eq!(
            resolved("The attack began on Saturday near the river.", "2019-02-11"),
            vec!["2019-02-09"]
        );
        assert_eq!(
            resolved("The mayor resigned last month over it.", "2019-02-11"),
            vec!["2019-01"]
        );
        assert_eq!(
            resolved(
                "He announced the plan in December to everyone.",
                "2019-02-11"
            ),
            vec!["2018-12"]
        );
        assert_eq!(
            resolved("Two years ago the group held the city.", "2019-02-11"),
            vec!["2017"]
        );
        assert_eq!(
            resolved(
                "The officials said on January 29 that it was over.",
                "2019-02-11"
            ),
            vec!["2019-01-29"]
        );
    }

    #[test]
    fn weekdays_ahead_of_the_writing_resolve_forward() {
        // 2019-02-11 was a Monday.
        for (text, want) in [
            (
                "The ruling is expected on Wednesday in the capital.",
                "2019-02-13",
            ),
            (
                "The two leaders will meet on Friday in Hanoi.",
                "2019-02-15",
            ),
            (
                "The vote is scheduled for Thursday in the senate.",
                "2019-02-14",
            ),
            ("The report is due Tuesday from the panel.", "2019-02-12"),
            (
                "The union plans to strike on Saturday at noon.",
                "2019-02-16",
            ),
            (
                "The court will rule on Monday about the case.",
                "2019-02-11",
            ),
            // Past tense, or a report of what was said, stays backward.
            ("The two leaders met on Friday in Hanoi.", "2019-02-08"),
            (
                "He will resign, the minister said on Friday evening.",
                "2019-02-08",
            ),
            (
                "The officials said Wednesday that talks will go on.",
                "2019-02-06",
            ),
            (
                "The vote that was expected was held on Thursday there.",
                "2019-02-07",
            ),
        ] {
            assert_eq!(resolved(text, "2019-02-11"), vec![want], "{text}");
        }
    }

    #[test]
    fn conflicting_source_dates_use_the_earlier_and_say_so() {
        let dated = |text: &str, published: Option<&str>| {
            let mut doc = Document::from_text("a", text);
            doc.published = published.map(str::to_string);
            let c = Pipeline::default().prepare_documents(vec![doc]);
            let d = source_date(&c, 0);
            let first = find(&c).into_iter().next().map(|e| e.date);
            (d.date.map(|d| d.iso(Precision::Day)), d.conflict, first)
        };
        // 2019-02-11 was a Monday, 2019-02-14 a Thursday.
        let text = "February 11, 2019\n\nThe attack began on Wednesday near the river.";
        // Metadata three days later than the date line: the date line dates the text.
        let (date, conflict, first) = dated(text, Some("2019-02-14T08:00:00Z"));
        assert_eq!(date.as_deref(), Some("2019-02-11"));
        let conflict = conflict.expect("the disagreement is noted");
        assert!(
            conflict.contains("2019-02-14") && conflict.contains("3 days"),
            "{conflict}"
        );
        assert_eq!(first.as_deref(), Some("2019-02-06"));
        // Metadata earlier than the date line: the metadata.
        let (date, conflict, _) = dated(text, Some("2019-02-09"));
        assert_eq!(date.as_deref(), Some("2019-02-09"));
        assert!(conflict.is_some_and(|c| c.contains("its date line dates it 2019-02-11")));
        // Agreeing, or only one of them: no note.
        assert_eq!(dated(text, Some("2019-02-11")).1, None);
        assert_eq!(
            dated(text, None),
            (Some("2019-02-11".into()), None, Some("2019-02-06".into()))
        );
        let plain = "The attack began on Saturday near the river.";
        assert_eq!(dated(plain, Some("2019-02-14")).1, None);
    }

    #[test]
    fn unresolved_without_publication_date_come_last() {
        let t = timeline(
            "The attack began on Saturday near the river. The group was founded in 2014 by him.",
            None,
        );
        assert_eq!(
            t,
            vec![("2014".to_string(), true), ("Saturday".to_string(), false)]
        );
    }

    #[test]
    fn date_line_in_text_is_the_publication_date() {
        let t = timeline(
            "Fighters advance\n\nFebruary 11, 2019\n\nThe attack began on Saturday near the river.",
            None,
        );
        assert_eq!(t, vec![("2019-02-09".to_string(), true)]);
    }

    #[test]
    fn dates_without_a_year_go_forward_as_well_as_back() {
        assert_eq!(
            resolved(
                "He will be arraigned on Dec. 2 in the county court.",
                "1998-11-20"
            ),
            vec!["1998-12-02"]
        );
        assert_eq!(
            resolved(
                "The talks are due to resume in January at the earliest.",
                "1998-11-20"
            ),
            vec!["1999-01"]
        );
        assert_eq!(
            resolved("The bombing on Jan. 29 killed a guard.", "1998-07-14"),
            vec!["1998-01-29"]
        );
    }

    #[test]
    fn unresolved_dates_say_why() {
        let doc = Document::from_text("a", "The attack began on Saturday near the river.");
        let c = Pipeline::default().prepare_documents(vec![doc]);
        let t = find(&c);
        assert_eq!(t.len(), 1);
        assert!(!t[0].resolved);
        assert_eq!(t[0].undatable.as_deref(), Some(UNDATED_SOURCE));
        let doc = Document::from_text(
            "b",
            "February 11, 2019\n\nThe attack began on Saturday near the river.",
        );
        let t = find(&Pipeline::default().prepare_documents(vec![doc]));
        assert!(
            t.iter().all(|e| e.resolved && e.undatable.is_none()),
            "{t:?}"
        );
    }

    #[test]
    fn counts_and_verbs_are_not_dates() {
        assert!(timeline(
            "They may march with 2000 troops to the town.",
            Some("2019-02-11")
        )
        .is_empty());
    }
}
