//! Publication dates: parse the forms news feeds use into minutes since 1970-01-01 UTC.
//!
//! Accepted: ISO 8601 (`2019-03-23`, `2019-03-23T10:05:00Z`, `2019-03-23 10:05`, with an
//! offset), the compact `20190323`, RFC 2822 (`Sat, 23 Mar 2019 10:05:00 +0000`) and written
//! dates (`March 23, 2019`, `23 March 2019`). A numeric date whose middle field cannot be a
//! month but whose last field can (`1998-14-06`) is read as year-day-month, as some feeds
//! write it. Anything else is `None`: the caller falls back to input order.

/// Minutes since 1970-01-01 00:00 UTC.
pub type Minutes = i64;

/// Minutes in a day.
pub const MINUTES_PER_DAY: i64 = 24 * 60;

/// Parse a publication date; `None` when it is not a date this parser recognises.
pub fn parse_date(raw: &str) -> Option<Minutes> {
    let s = raw.trim();
    if s.is_empty() {
        return None;
    }
    parse_numeric(s).or_else(|| parse_written(s))
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
pub fn format_day(minutes: Minutes) -> String {
    let z = minutes.div_euclid(MINUTES_PER_DAY) + 719_468;
    let era = z.div_euclid(146_097);
    let doe = z - era * 146_097;
    let yoe = (doe - doe / 1460 + doe / 36_524 - doe / 146_096) / 365;
    let doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
    let mp = (5 * doy + 2) / 153;
    let d = doy - (153 * mp + 2) / 5 + 1;
    let m = if mp < 10 { mp + 3 } else { mp - 9 };
    let y = yoe + era * 400 + i64::from(m <= 2);
    format!("{y:04}-{m:02}-{d:02}")
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
fn parse_numeric(s: &str) -> Option<Minutes> {
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
    let minutes = days_from_civil(year, month, day) * MINUTES_PER_DAY;
    Some(minutes + parse_time(rest)?)
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
    crate::lang::english_dates::month(&word.trim_end_matches('.').to_ascii_lowercase())
}

/// `March 23, 2019`, `23 March 2019`, `Sat, 23 Mar 2019 10:05:00 +0000`.
fn parse_written(s: &str) -> Option<Minutes> {
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
    let mut minutes = days_from_civil(year, month, day) * MINUTES_PER_DAY;
    if let Some(clock) = words.get(time_at).filter(|w| w.contains(':')) {
        let zone = words.get(time_at + 1).copied().unwrap_or("");
        let t = parse_time(&format!("{clock} {zone}")).or_else(|| parse_time(clock));
        minutes += t.unwrap_or(0);
    }
    Some(minutes)
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
}
