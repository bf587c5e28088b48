//! Lists written on one line: bullets ("• one • two") and numbered or lettered items
//! ("1. one 2. two", "1) one 2) two", "a. one b. two"). Each item is a sentence of its own, and
//! the period of an item marker ("1.") never ends a sentence.

/// Characters that start a list item.
const BULLETS: &[char] = &[
    '•', '◦', '▪', '▫', '‣', '⁃', '●', '○', '■', '□', '►', '▶', '✓', '✔', '➢', '❖',
];

/// Largest item number recognised in a marker.
const MAX_ITEM_NUMBER: u32 = 999;

/// List items found in a text.
#[derive(Debug, Default, Clone, PartialEq, Eq)]
pub(crate) struct ListItems {
    /// Byte positions where an item other than the first of its line starts, ascending.
    pub starts: Vec<usize>,
    /// Byte positions of the periods of item markers, ascending.
    pub marker_periods: Vec<usize>,
}

/// The value of an item marker: a number or a lowercase letter.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum ItemValue {
    Number(u32),
    Letter(u8),
}

/// How a marker ends: "1.", "1)" or "1.)".
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum MarkerStyle {
    Period,
    Paren,
    PeriodParen,
}

impl MarkerStyle {
    fn suffix(self) -> &'static str {
        match self {
            MarkerStyle::Period => ".",
            MarkerStyle::Paren => ")",
            MarkerStyle::PeriodParen => ".)",
        }
    }
}

/// An item marker found at some position.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
struct Marker {
    value: ItemValue,
    style: MarkerStyle,
    /// Byte length of the marker.
    len: usize,
}

impl Marker {
    /// The marker after this one ("2." after "1.", "c)" after "b)").
    fn next(self) -> Option<String> {
        let value = match self.value {
            ItemValue::Number(n) if n < MAX_ITEM_NUMBER => (n + 1).to_string(),
            ItemValue::Letter(b) if b < b'z' => char::from(b + 1).to_string(),
            _ => return None,
        };
        Some(value + self.style.suffix())
    }

    /// Offset of the period in the marker, if it has one.
    fn period(self) -> Option<usize> {
        match self.style {
            MarkerStyle::Paren => None,
            MarkerStyle::Period | MarkerStyle::PeriodParen => {
                Some(self.len - self.style.suffix().len())
            }
        }
    }
}

/// Find the list items of `text`, line by line. Linear in the length of the text.
pub(crate) fn find(text: &str) -> ListItems {
    let mut items = ListItems::default();
    let mut line_start = 0;
    for line in text.split('\n') {
        find_in_line(line, line_start, &mut items);
        line_start += line.len() + 1;
    }
    items
}

fn find_in_line(line: &str, offset: usize, items: &mut ListItems) {
    let lead = line.len() - line.trim_start().len();
    let body = &line[lead..];
    if let Some(bullet) = body.chars().next().filter(|c| BULLETS.contains(c)) {
        // A bulleted line: every further bullet after a space starts an item.
        let mut at = lead;
        loop {
            let after = at + bullet.len_utf8();
            let marker_at = after + (line[after..].len() - line[after..].trim_start().len());
            protect_marker(line, marker_at, offset, items);
            let Some(found) = next_after_space(line, after, &bullet.to_string()) else {
                break;
            };
            items.starts.push(offset + found);
            at = found;
        }
        return;
    }
    let Some(mut marker) = protect_marker(line, lead, offset, items) else {
        return;
    };
    // A line opening with an item marker: the following markers in sequence start items.
    let mut from = lead + marker.len;
    while let Some(expected) = marker.next() {
        let Some(found) = next_after_space(line, from, &expected) else {
            break;
        };
        let Some(m) = protect_marker(line, found, offset, items) else {
            break;
        };
        items.starts.push(offset + found);
        marker = m;
        from = found + m.len;
    }
}

/// Parse a marker at `at` in `line`; record its period; return it.
fn protect_marker(line: &str, at: usize, offset: usize, items: &mut ListItems) -> Option<Marker> {
    let marker = parse_marker(&line[at..])?;
    if let Some(p) = marker.period() {
        items.marker_periods.push(offset + at + p);
    }
    Some(marker)
}

/// An item marker at the start of `s`, followed by white space.
fn parse_marker(s: &str) -> Option<Marker> {
    let bytes = s.as_bytes();
    let digits = bytes.iter().take_while(|b| b.is_ascii_digit()).count();
    let (value, mut len) = if digits > 0 {
        let n: u32 = s[..digits.min(4)].parse().ok()?;
        if digits > 3 || n == 0 || n > MAX_ITEM_NUMBER {
            return None;
        }
        (ItemValue::Number(n), digits)
    } else if bytes.first().is_some_and(u8::is_ascii_lowercase) {
        (ItemValue::Letter(bytes[0]), 1)
    } else {
        return None;
    };
    let style = if s[len..].starts_with(".)") {
        MarkerStyle::PeriodParen
    } else if s[len..].starts_with(')') {
        MarkerStyle::Paren
    } else if s[len..].starts_with('.') {
        MarkerStyle::Period
    } else {
        return None;
    };
    len += style.suffix().len();
    let followed_by_space = s[len..].chars().next().is_some_and(char::is_whitespace);
    followed_by_space.then_some(Marker { value, style, len })
}

/// The first occurrence of `needle` in `line` at or after `from` that follows white space.
fn next_after_space(line: &str, from: usize, needle: &str) -> Option<usize> {
    let mut pos = from;
    while let Some(found) = line.get(pos..)?.find(needle) {
        let at = pos + found;
        if line[..at].ends_with(char::is_whitespace) {
            return Some(at);
        }
        pos = at + needle.len();
    }
    None
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn numbered_items_in_sequence() {
        let text = "1. One thing 2. Two things 4. Not next";
        let items = find(text);
        assert_eq!(items.starts, vec![13]);
        assert_eq!(items.marker_periods, vec![1, 14]);
    }

    #[test]
    fn parenthesised_and_lettered_items() {
        assert_eq!(find("1) one 2) two").starts, vec![7]);
        assert_eq!(find("1.) one 2.) two").marker_periods, vec![1, 9]);
        assert_eq!(find("a. one b. two c. three").starts, vec![7, 14]);
    }

    #[test]
    fn markers_must_open_the_line() {
        assert!(find("Reasons: 1) cost and 2) time.").starts.is_empty());
        assert!(find("In 2005. Then 2006.").marker_periods.is_empty());
    }

    #[test]
    fn bullets_start_items() {
        let text = "• 9. First • 10. Second";
        let items = find(text);
        assert_eq!(items.starts, vec![text.rfind('•').expect("bullet")]);
        assert_eq!(items.marker_periods.len(), 2);
    }

    #[test]
    fn marker_inside_a_longer_number_is_not_an_item() {
        assert!(find("1. one 12. two").starts.is_empty());
    }
}
