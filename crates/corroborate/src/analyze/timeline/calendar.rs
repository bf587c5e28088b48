//! Calendar arithmetic and date parsing for the timeline.
//!
//! A few lines of proleptic Gregorian arithmetic (days from 1970-01-01, after H. Hinnant's
//! `days_from_civil`) are all the timeline needs: no date crate for that.

use crate::lang::english_dates;

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

impl Date {
    /// A date if the day exists.
    pub fn new(year: i32, month: u32, day: u32) -> Option<Date> {
        ((1..=12).contains(&month) && day >= 1 && day <= days_in_month(year, month))
            .then_some(Date { year, month, day })
    }

    /// Days since 1970-01-01.
    pub fn days(self) -> i64 {
        let y = i64::from(self.year) - i64::from(self.month <= 2);
        let era = if y >= 0 { y } else { y - 399 } / 400;
        let yoe = y - era * 400;
        let m = i64::from(self.month);
        let doy = (153 * (if m > 2 { m - 3 } else { m + 9 }) + 2) / 5 + i64::from(self.day) - 1;
        let doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
        era * 146_097 + doe - 719_468
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

fn days_in_month(year: i32, month: u32) -> u32 {
    match month {
        1 | 3 | 5 | 7 | 8 | 10 | 12 => 31,
        4 | 6 | 9 | 11 => 30,
        _ if (year % 4 == 0 && year % 100 != 0) || year % 400 == 0 => 29,
        _ => 28,
    }
}

/// Parse a publication date: ISO 8601 (`2019-02-11`, `2019-02-11T10:00:00Z`, `2019/02/11`),
/// `February 11, 2019`, `Feb. 11 2019`, `11 February 2019`, optionally after a weekday.
pub(crate) fn parse_date(text: &str) -> Option<Date> {
    let t = text.trim();
    // ISO-like: digits first.
    let head: String = t.chars().take(10).collect();
    let parts: Vec<&str> = head.split(['-', '/']).collect();
    if parts.len() == 3 && parts[0].len() == 4 {
        let y = parts[0].parse().ok()?;
        let m = parts[1].parse().ok()?;
        let d = parts[2].get(..2.min(parts[2].len()))?.parse().ok()?;
        return Date::new(y, m, d);
    }
    let words: Vec<String> = t
        .split(|c: char| c.is_whitespace() || c == ',')
        .filter(|w| !w.is_empty())
        .map(|w| w.trim_end_matches('.').to_lowercase())
        .collect();
    let mut i = 0;
    if words
        .first()
        .is_some_and(|w| english_dates::weekday(w).is_some())
    {
        i = 1;
    }
    let w = |k: usize| words.get(i + k).map(String::as_str).unwrap_or("");
    let num =
        |s: &str| -> Option<u32> { s.trim_end_matches(|c: char| c.is_alphabetic()).parse().ok() };
    // Month D, YYYY
    if let (Some(m), Some(d), Ok(y)) = (english_dates::month(w(0)), num(w(1)), w(2).parse::<i32>())
    {
        return Date::new(y, m, d);
    }
    // D Month YYYY
    if let (Some(d), Some(m), Ok(y)) = (num(w(0)), english_dates::month(w(1)), w(2).parse::<i32>())
    {
        return Date::new(y, m, d);
    }
    None
}

#[cfg(test)]
mod tests {
    use super::*;

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
        assert_eq!(parse_date("2019-02-11"), d);
        assert_eq!(parse_date("2019-02-11T09:30:00Z"), d);
        assert_eq!(parse_date("February 11, 2019"), d);
        assert_eq!(parse_date("Feb. 11 2019"), d);
        assert_eq!(parse_date("Monday, 11 February 2019"), d);
        assert_eq!(parse_date("Minnie Murray"), None);
        assert_eq!(parse_date("2019-02-30"), None);
    }
}
