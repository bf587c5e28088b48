//! Dates: the one parser of publication dates, and the calendar arithmetic the timeline and
//! the stories share (proleptic Gregorian, days from 1970-01-01 after H. Hinnant's
//! `days_from_civil`: a few lines, no date crate).
//!
//! `parse` reads the forms news feeds use, in this order, the first that reads wins:
//! - numeric dates, the whole string: ISO 8601 (`2019-03-23`, `2019-03-23T10:05:00Z`,
//!   `2019-03-23 10:05`, with an offset), `2019/03/23`, `2019.03.23`, the compact `20190323`.
//!   A date whose middle field cannot be a month but whose last field can (`1998-14-06`) is
//!   read as year-day-month, as some feeds write it;
//! - a numeric date at the start, the rest not read (`2019-2-11`, `2019-02-11 (updated)`);
//! - written dates anywhere in the string: `March 23, 2019`, `23 March 2019`, RFC 2822
//!   (`Sat, 23 Mar 2019 10:05:00 +0000`), with a year above 31;
//! - written dates at the start, after an optional weekday, with any year (`Feb 11 19`).
//!
//! A line of running text is read by `parse_leading_day`: the same forms, but a written
//! date only at the start of the line.
//!
//! The result carries the calendar date as written (what a timeline shows) and, when the
//! whole string was read, the instant in minutes since 1970-01-01 UTC (what orders a stream).
//! Month and weekday names come from the language resources (`crate::lang`).

use crate::lang::Language;

/// Minutes since 1970-01-01 00:00 UTC.
pub type Minutes = i64;

/// Minutes in a day.
pub const MINUTES_PER_DAY: i64 = 24 * 60;

/// A calendar date.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
pub(crate) struct Date {
    pub year: i32,
    pub month: u32,
    pub day: u32,
}

/// How precise a resolved date is.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Precision {
    Day,
    Month,
    Year,
}

/// A parsed date.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) struct Stamp {
    /// The calendar date as written (before any offset is applied).
    pub date: Date,
    /// The instant in minutes since 1970-01-01 UTC, offset applied; `None` when only a
    /// leading date was read (the rest of the string is not a time).
    pub minutes: Option<Minutes>,
}

/// Parse a publication date; `None` when it is not a date this parser recognises.
pub(crate) fn parse(raw: &str) -> Option<Stamp> {
    let s = raw.trim();
    if s.is_empty() {
        return None;
    }
    parse_numeric(s)
        .or_else(|| parse_leading_numeric(s))
        .or_else(|| parse_written(s))
        .or_else(|| parse_leading_written(s))
}

/// The instant of a publication date (see `parse`): what orders a stream.
#[cfg_attr(not(feature = "stories"), allow(dead_code))] // the stories read instants
pub fn parse_date(raw: &str) -> Option<Minutes> {
    parse(raw)?.minutes
}

/// The calendar date of a publication date (see `parse`): what a timeline shows.
pub(crate) fn parse_day(raw: &str) -> Option<Date> {
    parse(raw).map(|s| s.date)
}

/// The calendar date at the start of a line of text ("4 March 2026", "2026-03-04 07:15"):
/// the forms of `parse` but the written date anywhere in the string, which in running
/// text ("Coastline News, Wednesday 4 March 2026") is not the line's own date.
pub(crate) fn parse_leading_day(raw: &str) -> Option<Date> {
    let s = raw.trim();
    if s.is_empty() {
        return None;
    }
    parse_numeric(s)
        .or_else(|| parse_leading_numeric(s))
        .or_else(|| parse_leading_written(s))
        .map(|s| s.date)
}

/// Days since 1970-01-01 of a proleptic Gregorian date (H. Hinnant's `days_from_civil`).
pub fn days_from_civil(year: i64, month: u32, day: u32) -> i64 {
    let y = if month <= 2 { year - 1 } else { year };
    let era = if y >= 0 { y } else { y - 399 } / 400;
    let yoe = y - era * 400;
    let m = i64::from(month);
    let mp = (m + 9) % 12;
    let doy = (153 * mp + 2) / 5 + i64::from(day) - 1;
    let doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
    era * 146_097 + doe - 719_468
}

/// The ISO date (`YYYY-MM-DD`) of a minute count, for display.
#[cfg_attr(not(feature = "stories"), allow(dead_code))] // the stories read instants
pub fn format_day(minutes: Minutes) -> String {
    Date::from_days(minutes.div_euclid(MINUTES_PER_DAY)).iso(Precision::Day)
}

impl Date {
    /// A date if the day exists.
    pub fn new(year: i32, month: u32, day: u32) -> Option<Date> {
        ((1..=12).contains(&month) && day >= 1 && day <= days_in_month(i64::from(year), month))
            .then_some(Date { year, month, day })
    }

    /// Days since 1970-01-01.
    pub fn days(self) -> i64 {
        days_from_civil(i64::from(self.year), self.month, self.day)
    }

    /// The date `days` days since 1970-01-01.
    pub fn from_days(days: i64) -> Date {
        let z = days + 719_468;
        let era = if z >= 0 { z } else { z - 146_096 } / 146_097;
        let doe = z - era * 146_097;
        let yoe = (doe - doe / 1460 + doe / 36_524 - doe / 146_096) / 365;
        let doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
        let mp = (5 * doy + 2) / 153;
        let day = (doy - (153 * mp + 2) / 5 + 1) as u32;
        let month = if mp < 10 { mp + 3 } else { mp - 9 } as u32;
        let year = (yoe + era * 400 + i64::from(month <= 2)) as i32;
        Date { year, month, day }
    }

    /// Day of the week, Monday = 0.
    pub fn weekday(self) -> u32 {
        // 1970-01-01 was a Thursday (3).
        (self.days() + 3).rem_euclid(7) as u32
    }

    /// The date `n` days later (earlier when negative).
    pub fn add_days(self, n: i64) -> Date {
        Date::from_days(self.days() + n)
    }

    /// The first day of the month `n` months later (earlier when negative).
    pub fn add_months(self, n: i32) -> Date {
        let total = self.year * 12 + self.month as i32 - 1 + n;
        Date {
            year: total.div_euclid(12),
            month: total.rem_euclid(12) as u32 + 1,
            day: 1,
        }
    }

    /// ISO 8601 at a precision.
    pub fn iso(self, precision: Precision) -> String {
        match precision {
            Precision::Day => format!("{:04}-{:02}-{:02}", self.year, self.month, self.day),
            Precision::Month => format!("{:04}-{:02}", self.year, self.month),
            Precision::Year => format!("{:04}", self.year),
        }
    }
}

fn days_in_month(year: i64, month: u32) -> u32 {
    match month {
        1 | 3 | 5 | 7 | 8 | 10 | 12 => 31,
        4 | 6 | 9 | 11 => 30,
        2 if (year % 4 == 0 && year % 100 != 0) || year % 400 == 0 => 29,
        2 => 28,
        _ => 0,
    }
}

fn valid(year: i64, month: u32, day: u32) -> bool {
    (1..=9999).contains(&year)
        && (1..=12).contains(&month)
        && day >= 1
        && day <= days_in_month(year, month)
}

/// `YYYY-MM-DD`, `YYYY/MM/DD`, `YYYYMMDD`, each optionally followed by a time and an offset.
fn parse_numeric(s: &str) -> Option<Stamp> {
    let bytes = s.as_bytes();
    let digits = |r: std::ops::Range<usize>| -> Option<i64> {
        let part = s.get(r)?;
        if part.is_empty() || !part.bytes().all(|b| b.is_ascii_digit()) {
            return None;
        }
        part.parse().ok()
    };
    let (year, a, b, rest) =
        if bytes.len() >= 10 && matches!(bytes[4], b'-' | b'/' | b'.') && bytes[7] == bytes[4] {
            (digits(0..4)?, digits(5..7)?, digits(8..10)?, &s[10..])
        } else if bytes.len() >= 8
            && bytes[..8].iter().all(u8::is_ascii_digit)
            && !bytes.get(8).is_some_and(u8::is_ascii_digit)
        {
            (digits(0..4)?, digits(4..6)?, digits(6..8)?, &s[8..])
        } else {
            return None;
        };
    let (a, b) = (u32::try_from(a).ok()?, u32::try_from(b).ok()?);
    // Year-month-day, unless the middle field cannot be a month and the last can.
    let (month, day) = if valid(year, a, b) {
        (a, b)
    } else if valid(year, b, a) {
        (b, a)
    } else {
        return None;
    };
    let date = Date {
        year: i32::try_from(year).ok()?,
        month,
        day,
    };
    let minutes = date.days() * MINUTES_PER_DAY + parse_time(rest)?;
    Some(Stamp {
        date,
        minutes: Some(minutes),
    })
}

/// A numeric date at the start (`2019-2-11`, `2019/02/11 (updated)`), the rest not read:
/// four digits of year, then month and day separated by `-` or `/`, in the first ten
/// characters.
fn parse_leading_numeric(s: &str) -> Option<Stamp> {
    let head: String = s.chars().take(10).collect();
    let parts: Vec<&str> = head.split(['-', '/']).collect();
    if parts.len() != 3 || parts[0].len() != 4 {
        return None;
    }
    let y = parts[0].parse().ok()?;
    let m = parts[1].parse().ok()?;
    let d = parts[2].get(..2.min(parts[2].len()))?.parse().ok()?;
    Some(Stamp {
        date: Date::new(y, m, d)?,
        minutes: None,
    })
}

/// An optional time of day (`T10:05`, ` 10:05:00`, `10:05:00.123Z`, `+02:00`) in minutes
/// after midnight UTC; `None` when the rest is not a time.
fn parse_time(rest: &str) -> Option<Minutes> {
    let rest = rest.trim_start_matches(['T', 't', ' ']);
    if rest.is_empty() {
        return Some(0);
    }
    let mut parts = rest.splitn(2, |c: char| !c.is_ascii_digit() && c != ':' && c != '.');
    let clock = parts.next().unwrap_or("");
    let zone = rest[clock.len()..].trim();
    let mut fields = clock.split(':');
    let h: i64 = fields.next()?.parse().ok()?;
    let m: i64 = fields.next().unwrap_or("0").parse().ok()?;
    if !(0..24).contains(&h) || !(0..60).contains(&m) {
        return None;
    }
    Some(h * 60 + m - zone_offset(zone)?)
}

/// A zone suffix in minutes east of UTC: `Z`, `UTC`, `GMT`, `+0200`, `-05:00`, or nothing.
fn zone_offset(zone: &str) -> Option<Minutes> {
    let z = zone.trim();
    if z.is_empty()
        || z.eq_ignore_ascii_case("z")
        || z.eq_ignore_ascii_case("utc")
        || z.eq_ignore_ascii_case("gmt")
    {
        return Some(0);
    }
    let sign = match z.as_bytes()[0] {
        b'+' => 1,
        b'-' => -1,
        // Named zones other than UTC are rare in feeds; keep the date, ignore the zone.
        _ if z.bytes().all(|b| b.is_ascii_alphabetic()) => return Some(0),
        _ => return None,
    };
    let d: String = z[1..].chars().filter(char::is_ascii_digit).collect();
    if d.len() != 4 && d.len() != 2 {
        return None;
    }
    let h: i64 = d[..2].parse().ok()?;
    let m: i64 = if d.len() == 4 {
        d[2..].parse().ok()?
    } else {
        0
    };
    Some(sign * (h * 60 + m))
}

fn month_of(word: &str) -> Option<u32> {
    Language::English
        .dates()
        .month(&word.trim_end_matches('.').to_lowercase())
}

/// `March 23, 2019`, `23 March 2019`, `Sat, 23 Mar 2019 10:05:00 +0000`.
fn parse_written(s: &str) -> Option<Stamp> {
    let words: Vec<&str> = s
        .split(|c: char| c.is_whitespace() || c == ',')
        .filter(|w| !w.is_empty())
        .collect();
    let mi = words.iter().position(|w| month_of(w).is_some())?;
    let month = month_of(words[mi])?;
    let num = |w: &str| -> Option<i64> {
        let t = w.trim_end_matches(|c: char| c.is_ascii_alphabetic() || c == '.');
        (!t.is_empty() && t.len() <= 4 && t.bytes().all(|b| b.is_ascii_digit()))
            .then(|| t.parse().ok())?
    };
    let before = mi.checked_sub(1).and_then(|i| num(words[i]));
    let after = words.get(mi + 1).and_then(|w| num(w));
    let after2 = words.get(mi + 2).and_then(|w| num(w));
    let (day, year, time_at) = match (before, after, after2) {
        (Some(d), Some(y), _) if d <= 31 && y > 31 => (d, y, mi + 2),
        (_, Some(d), Some(y)) if d <= 31 && y > 31 => (d, y, mi + 3),
        _ => return None,
    };
    let day = u32::try_from(day).ok()?;
    if !valid(year, month, day) {
        return None;
    }
    let date = Date {
        year: i32::try_from(year).ok()?,
        month,
        day,
    };
    let mut minutes = date.days() * MINUTES_PER_DAY;
    if let Some(clock) = words.get(time_at).filter(|w| w.contains(':')) {
        let zone = words.get(time_at + 1).copied().unwrap_or("");
        let t = parse_time(&format!("{clock} {zone}")).or_else(|| parse_time(clock));
        minutes += t.unwrap_or(0);
    }
    Some(Stamp {
        date,
        minutes: Some(minutes),
    })
}

/// `February 11, 2019`, `Feb. 11 2019`, `11 February 2019` at the start, after an optional
/// weekday, with any year; the rest not read.
fn parse_leading_written(s: &str) -> Option<Stamp> {
    let dates = Language::English.dates();
    let words: Vec<String> = s
        .split(|c: char| c.is_whitespace() || c == ',')
        .filter(|w| !w.is_empty())
        .map(|w| w.trim_end_matches('.').to_lowercase())
        .collect();
    let skip = usize::from(words.first().is_some_and(|w| dates.weekday(w).is_some()));
    let w = |k: usize| words.get(skip + k).map(String::as_str).unwrap_or("");
    let num =
        |s: &str| -> Option<u32> { s.trim_end_matches(|c: char| c.is_alphabetic()).parse().ok() };
    let year = |s: &str| s.parse::<i32>().ok();
    let date = if let (Some(m), Some(d), Some(y)) = (dates.month(w(0)), num(w(1)), year(w(2))) {
        Date::new(y, m, d)
    } else if let (Some(d), Some(m), Some(y)) = (num(w(0)), dates.month(w(1)), year(w(2))) {
        Date::new(y, m, d)
    } else {
        None
    };
    Some(Stamp {
        date: date?,
        minutes: None,
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    macro_rules! dates {
        ($( $raw:expr => $want:expr ),* $(,)?) => {
            $( assert_eq!(parse_date($raw).map(format_day).as_deref(), $want, "parsing {:?}", $raw); )*
        };
    }

    #[test]
    fn parses_the_forms_feeds_use() {
        dates! {
            "1996-01-04 11:05" => Some("1996-01-04"),
            "1996-01-04" => Some("1996-01-04"),
            "2019-03-23T23:30:00-05:00" => Some("2019-03-24"),
            "2019-03-23T10:05:00Z" => Some("2019-03-23"),
            "20190323" => Some("2019-03-23"),
            "2019/03/23" => Some("2019-03-23"),
            "Sat, 23 Mar 2019 10:05:00 +0000" => Some("2019-03-23"),
            "March 23, 2019" => Some("2019-03-23"),
            "23 March 2019" => Some("2019-03-23"),
            "Sept. 4, 1998" => Some("1998-09-04"),
        }
    }

    #[test]
    fn year_day_month_is_detected_by_impossible_month() {
        dates! {
            "1998-14-06 14:27:00" => Some("1998-06-14"),
            "1998-30-06" => Some("1998-06-30"),
            // Ambiguous: read as year-month-day.
            "1998-06-07" => Some("1998-06-07"),
        }
    }

    #[test]
    fn rejects_what_is_not_a_date() {
        dates! {
            "" => None,
            "yesterday" => None,
            "1998-14-14" => None,
            "2019-02-30" => None,
            "12345" => None,
            "marsh 12, 2019" => None,
            "2019-03-23 25:00" => None,
        }
    }

    #[test]
    fn time_and_offset_shift_minutes() {
        let a = parse_date("2019-03-23T10:05:00Z").expect("date");
        let b = parse_date("2019-03-23T12:05:00+02:00").expect("date");
        assert_eq!(a, b);
        assert_eq!(parse_date("1970-01-01"), Some(0));
        assert_eq!(parse_date("1970-01-02 00:01"), Some(MINUTES_PER_DAY + 1));
    }

    #[test]
    fn civil_round_trip() {
        for days in [-700_000_i64, -1, 0, 1, 10_957, 19_000, 2_000_000] {
            let s = format_day(days * MINUTES_PER_DAY);
            let parsed = parse_date(&s).expect("formatted date parses");
            assert_eq!(parsed, days * MINUTES_PER_DAY, "{s}");
        }
    }

    #[test]
    fn day_arithmetic_round_trips() {
        for days in [-1000, 0, 17_938, 20_000] {
            assert_eq!(Date::from_days(days).days(), days);
        }
        let d = Date::new(2019, 2, 11).expect("valid");
        assert_eq!(d.weekday(), 0, "2019-02-11 was a Monday");
        assert_eq!(d.add_days(-5).iso(Precision::Day), "2019-02-06");
        assert_eq!(d.add_months(-2).iso(Precision::Month), "2018-12");
    }

    #[test]
    fn publication_dates() {
        let d = Date::new(2019, 2, 11);
        assert_eq!(parse_day("2019-02-11"), d);
        assert_eq!(parse_day("2019-02-11T09:30:00Z"), d);
        assert_eq!(parse_day("February 11, 2019"), d);
        assert_eq!(parse_day("Feb. 11 2019"), d);
        assert_eq!(parse_day("Monday, 11 February 2019"), d);
        assert_eq!(parse_day("Minnie Murray"), None);
        assert_eq!(parse_day("2019-02-30"), None);
    }

    /// The timeline (calendar dates) and the stories (instants) read one parser: on a table
    /// of invented strings, where both read a date it is the same day (the instant's day
    /// moves only by an offset), and a line of text is read only when it starts with a date.
    #[test]
    fn timeline_and_stories_agree() {
        // (string, the timeline's date, the stories' day)
        let table: &[(&str, Option<&str>, Option<&str>)] = &[
            ("2021-07-09", Some("2021-07-09"), Some("2021-07-09")),
            ("2021-07-09 08:15", Some("2021-07-09"), Some("2021-07-09")),
            ("2021-07-09T08:15:00Z", Some("2021-07-09"), Some("2021-07-09")),
            ("2021-07-09T22:30:00-04:00", Some("2021-07-09"), Some("2021-07-10")),
            ("2021/07/09", Some("2021-07-09"), Some("2021-07-09")),
            ("20210709", Some("2021-07-09"), Some("2021-07-09")),
            ("2021-31-07", Some("2021-07-31"), Some("2021-07-31")),
            ("2021-7-9", Some("2021-07-09"), None),
            ("2021-07-09 (corrected)", Some("2021-07-09"), None),
            ("2021-07-09 26:00", Some("2021-07-09"), None),
            ("July 9, 2021", Some("2021-07-09"), Some("2021-07-09")),
            ("9 July 2021", Some("2021-07-09"), Some("2021-07-09")),
            ("Jul. 9 2021", Some("2021-07-09"), Some("2021-07-09")),
            ("Friday, 9 July 2021", Some("2021-07-09"), Some("2021-07-09")),
            ("Fri, 09 Jul 2021 08:15:00 +0000", Some("2021-07-09"), Some("2021-07-09")),
            ("Updated July 9, 2021", Some("2021-07-09"), Some("2021-07-09")),
            ("July 9 21", Some("0021-07-09"), None),
            ("2021-02-29", None, None),
            ("07/09/2021", None, None),
            ("Maxine Julyan", None, None),
            ("", None, None),
        ];
        assert_eq!(parse_leading_day("Updated July 9, 2021"), None);
        assert_eq!(parse_leading_day("Coastline Post, Friday 9 July 2021"), None);
        assert_eq!(
            parse_leading_day("Friday, 9 July 2021, 08:15").map(|d| d.iso(Precision::Day)),
            Some("2021-07-09".to_string())
        );
        for &(raw, timeline, stories) in table {
            if parse_leading_day(raw).is_some() {
                assert_eq!(parse_leading_day(raw), parse_day(raw), "{raw:?}");
            }
            let day = parse_day(raw).map(|d| d.iso(Precision::Day));
            assert_eq!(day.as_deref(), timeline, "timeline reading {raw:?}");
            let instant = parse_date(raw).map(format_day);
            assert_eq!(instant.as_deref(), stories, "stories reading {raw:?}");
            if let Some(minutes) = parse_date(raw) {
                let date = parse_day(raw).expect("an instant has a date");
                assert!((minutes.div_euclid(MINUTES_PER_DAY) - date.days()).abs() <= 1);
            }
        }
    }
}
