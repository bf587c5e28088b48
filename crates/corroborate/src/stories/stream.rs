//! Putting a batch of articles into stream order, and noting what was wrong with them.
//!
//! - Publication order by parsed date; an article without a usable date keeps its place after
//!   the dated article before it in the input (input order when nothing is dated); the sort
//!   is stable, so equal dates keep input order.
//! - A doc id seen earlier in the batch is disambiguated (`id~2`, `id~3`, ...), not dropped:
//!   two different articles sharing an id is a feed error, not a reason to lose one.
//! - Articles with no text are skipped.
//! - A date before 1971 (an unset date read as the epoch, 1970-01-01) or more than a day
//!   after the run (year 9999 and other placeholders) is noted with the article's id; the
//!   article is grouped by it all the same (the order and the grouping do not depend on the
//!   clock).

use crate::dates::{format_day, parse_date, Minutes, MINUTES_PER_DAY};
use crate::document::Document;
use std::collections::HashMap;

/// An article ready for the grouper.
#[derive(Debug, Clone, PartialEq)]
pub struct StreamArticle {
    /// The article (its `id` possibly disambiguated).
    pub article: Document,
    /// Parsed publication date.
    pub date: Option<Minutes>,
}

/// What [`prepare`] changed or dropped.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct StreamNotes {
    /// `(original id, new id)` for repeated doc ids.
    pub renamed: Vec<(String, String)>,
    /// Ids of articles skipped for having no text.
    pub empty: Vec<String>,
    /// Articles with a date that could not be parsed.
    pub unparseable_dates: usize,
    /// Articles with no date at all.
    pub missing_dates: usize,
    /// Articles with a parsed date.
    pub dated: usize,
    /// `(id, date)` of articles whose date is implausible: before 1971 or more than a day
    /// after the run.
    pub implausible: Vec<(String, Minutes)>,
}

/// Ids named in a note before "...".
const NOTE_EXAMPLES: usize = 5;

/// Dates before this (1971-01-01) are implausible: an unset date read as the epoch.
const EARLIEST_PLAUSIBLE: Minutes = 365 * MINUTES_PER_DAY;

impl StreamNotes {
    /// Human-readable notes, one per kind of problem (for stderr).
    pub fn messages(&self) -> Vec<String> {
        let mut out = Vec::new();
        if !self.renamed.is_empty() {
            let examples: Vec<String> = self
                .renamed
                .iter()
                .take(3)
                .map(|(a, b)| format!("{a} -> {b}"))
                .collect();
            out.push(format!(
                "{} repeated doc id(s) renamed to keep both articles ({})",
                self.renamed.len(),
                examples.join(", ")
            ));
        }
        if !self.empty.is_empty() {
            let examples: Vec<&str> = self.empty.iter().take(3).map(String::as_str).collect();
            out.push(format!(
                "{} article(s) with no text skipped ({})",
                self.empty.len(),
                examples.join(", ")
            ));
        }
        if !self.implausible.is_empty() {
            let mut examples: Vec<String> = self
                .implausible
                .iter()
                .take(NOTE_EXAMPLES)
                .map(|(id, d)| format!("{id} {}", format_day(*d)))
                .collect();
            if self.implausible.len() > NOTE_EXAMPLES {
                examples.push("...".to_string());
            }
            out.push(format!(
                "{} article(s) with an implausible date (before 1971 or in the future), grouped by it all the same: {}",
                self.implausible.len(),
                examples.join(", ")
            ));
        }
        let undated = self.unparseable_dates + self.missing_dates;
        if undated > 0 && self.dated > 0 {
            out.push(format!(
                "{undated} article(s) without a usable date ({} unparseable, {} missing) keep their input position",
                self.unparseable_dates, self.missing_dates
            ));
        } else if self.unparseable_dates > 0 {
            out.push(format!(
                "{} article(s) with unparseable dates; using input order",
                self.unparseable_dates
            ));
        }
        out
    }
}

/// Order a batch for grouping: see the module documentation. Dates are judged against the
/// clock ([`prepare_at`] with the time now).
pub fn prepare(articles: Vec<Document>) -> (Vec<StreamArticle>, StreamNotes) {
    let now = std::time::SystemTime::now()
        .duration_since(std::time::UNIX_EPOCH)
        .map_or(0, |d| (d.as_secs() / 60) as Minutes);
    prepare_at(articles, now)
}

/// [`prepare`], with dates more than a day after `now` (minutes since 1970-01-01 UTC)
/// noted as implausible.
pub fn prepare_at(articles: Vec<Document>, now: Minutes) -> (Vec<StreamArticle>, StreamNotes) {
    let latest_plausible = now.saturating_add(MINUTES_PER_DAY);
    let mut notes = StreamNotes::default();
    let mut seen: HashMap<String, usize> = HashMap::new();
    let mut keyed = Vec::with_capacity(articles.len());
    let mut last_date = i64::MIN;
    for mut article in articles {
        if article.text.trim().is_empty() {
            notes.empty.push(article.id);
            continue;
        }
        let count = seen.entry(article.id.clone()).or_insert(0);
        *count += 1;
        if *count > 1 {
            let mut n = *count;
            let mut new_id = format!("{}~{n}", article.id);
            while seen.contains_key(&new_id) {
                n += 1;
                new_id = format!("{}~{n}", article.id);
            }
            seen.insert(new_id.clone(), 1);
            notes.renamed.push((article.id.clone(), new_id.clone()));
            article.id = new_id;
        }
        let date = match article.published.as_deref() {
            Some(raw) if !raw.trim().is_empty() => {
                let d = parse_date(raw);
                if d.is_none() {
                    notes.unparseable_dates += 1;
                }
                d
            }
            _ => {
                notes.missing_dates += 1;
                None
            }
        };
        if let Some(d) = date {
            notes.dated += 1;
            last_date = d;
            if !(EARLIEST_PLAUSIBLE..=latest_plausible).contains(&d) {
                notes.implausible.push((article.id.clone(), d));
            }
        }
        keyed.push((date.unwrap_or(last_date), StreamArticle { article, date }));
    }
    keyed.sort_by_key(|(k, _)| *k);
    (keyed.into_iter().map(|(_, a)| a).collect(), notes)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn art(id: &str, date: Option<&str>, text: &str) -> Document {
        Document {
            published: date.map(str::to_string),
            ..Document::from_text(id, text)
        }
    }

    fn ids(v: &[StreamArticle]) -> Vec<&str> {
        v.iter().map(|a| a.article.id.as_str()).collect()
    }

    #[test]
    fn sorts_by_date_stably() {
        let (out, notes) = prepare(vec![
            art("c", Some("2020-01-03"), "x"),
            art("a", Some("2020-01-01"), "x"),
            art("b1", Some("2020-01-02"), "x"),
            art("b2", Some("2020-01-02"), "x"),
        ]);
        assert_eq!(ids(&out), ["a", "b1", "b2", "c"]);
        assert_eq!(notes.dated, 4);
        assert!(notes.messages().is_empty());
    }

    #[test]
    fn undated_articles_follow_their_input_neighbour() {
        let (out, notes) = prepare(vec![
            art("u0", None, "x"),
            art("d3", Some("2020-01-03"), "x"),
            art("u1", Some("not a date"), "x"),
            art("d1", Some("2020-01-01"), "x"),
        ]);
        assert_eq!(ids(&out), ["u0", "d1", "d3", "u1"]);
        assert_eq!((notes.unparseable_dates, notes.missing_dates), (1, 1));
        assert_eq!(notes.messages().len(), 1);
    }

    #[test]
    fn implausible_dates_are_noted_by_id() {
        let now = crate::dates::days_from_civil(2026, 1, 1) * MINUTES_PER_DAY;
        let (out, notes) = prepare_at(
            vec![
                art("late", Some("9999-12-31"), "x"),
                art("epoch", Some("1970-01-01"), "x"),
                art("ok", Some("2025-12-31"), "x"),
                art("tomorrow", Some("2026-01-01T20:00:00Z"), "x"),
                art("next-week", Some("2026-01-08"), "x"),
            ],
            now,
        );
        assert_eq!(ids(&out), ["epoch", "ok", "tomorrow", "next-week", "late"]);
        let named: Vec<&str> = notes
            .implausible
            .iter()
            .map(|(id, _)| id.as_str())
            .collect();
        assert_eq!(named, ["late", "epoch", "next-week"]);
        let messages = notes.messages();
        assert_eq!(messages.len(), 1, "{messages:?}");
        assert!(
            messages[0].contains("3 article(s) with an implausible date")
                && messages[0].contains("late 9999-12-31, epoch 1970-01-01, next-week 2026-01-08"),
            "{messages:?}"
        );
    }

    #[test]
    fn no_dates_means_input_order() {
        let (out, notes) = prepare(vec![art("b", None, "x"), art("a", None, "x")]);
        assert_eq!(ids(&out), ["b", "a"]);
        assert!(
            notes.messages().is_empty(),
            "a stream without dates is not a problem"
        );
    }

    #[test]
    fn repeated_ids_are_renamed_and_empty_texts_skipped() {
        let (out, notes) = prepare(vec![
            art("a", None, "one"),
            art("a", None, "two"),
            art("a~2", None, "three"),
            art("e", None, "  \n"),
        ]);
        assert_eq!(ids(&out), ["a", "a~2", "a~2~2"]);
        assert_eq!(notes.renamed.len(), 2);
        assert_eq!(notes.empty, ["e"]);
        assert_eq!(notes.messages().len(), 2);
    }
}
