//! Position: page furniture gathers above the story's first sentence and below its last one.
//!
//! The story runs from its first to its last line of prose (a line that ends like a sentence).
//! Above it sit the headline, the standfirst and the byline; below it, links to other stories,
//! site signatures and comment prompts. Short lines without sentence punctuation after the
//! last sentence are removed; above the first sentence only bylines go (the headline stays).

use super::furniture_patterns::is_date_line;
use super::line_features::{Ending, LineFeatures};
use crate::lang::Language;

/// A line as the position rules see it.
#[derive(Debug, Clone, Copy)]
pub struct PositionLine<'a> {
    /// The trimmed line.
    pub text: &'a str,
    /// The line's features.
    pub features: &'a LineFeatures,
    /// The line is still a candidate (not removed by an earlier stage).
    pub alive: bool,
    /// A sentence of several words ends inside the line and more text follows.
    pub holds_sentence: bool,
}

/// Where the story starts and ends, as line indices (`first..=last` are the prose anchors).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct StoryBounds {
    /// Index of the first line of prose.
    pub first: usize,
    /// Index of the last line of prose.
    pub last: usize,
}

/// A position finding for line `index`.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct PositionFinding {
    /// Index of the removed line.
    pub index: usize,
    /// Machine-readable reason.
    pub reason: &'static str,
    /// Human explanation.
    pub detail: String,
}

/// Settings of the position rules.
#[derive(Debug, Clone)]
pub struct PositionRules {
    /// At most this many surviving lines may follow the last sentence for them to be removed;
    /// a longer run is a list or table that belongs to the story.
    pub max_trailing_lines: usize,
    /// Longest trailing line removed, in words.
    pub max_trailing_words: usize,
    /// Language of the date words.
    pub language: Language,
}

impl Default for PositionRules {
    fn default() -> Self {
        PositionRules {
            max_trailing_lines: 3,
            max_trailing_words: 25,
            language: Language::English,
        }
    }
}

impl PositionRules {
    /// The first and last prose lines among the live lines, if any.
    pub fn bounds(&self, lines: &[PositionLine<'_>]) -> Option<StoryBounds> {
        let prose = |l: &PositionLine<'_>| l.alive && l.features.is_prose();
        let first = lines.iter().position(prose)?;
        let last = lines.iter().rposition(prose)?;
        Some(StoryBounds { first, last })
    }

    /// Lines after the story's last sentence: removed when they are few and short. Lines that
    /// end like a sentence stay, so does a line holding a whole sentence followed by more text
    /// ("It rained all week. enditem 0617": text with a trailer glued on), and so does
    /// everything after a last sentence ending in a colon (it introduces a list).
    pub fn trailing(
        &self,
        lines: &[PositionLine<'_>],
        bounds: StoryBounds,
    ) -> Vec<PositionFinding> {
        // "Winners were named:" introduces what follows.
        if lines[bounds.last].features.ending == Ending::Colon {
            return Vec::new();
        }
        let tail: Vec<usize> = (bounds.last + 1..lines.len())
            .filter(|&i| lines[i].alive)
            .collect();
        if tail.is_empty()
            || tail.len() > self.max_trailing_lines
            || tail
                .iter()
                .any(|&i| lines[i].features.words > self.max_trailing_words)
        {
            return Vec::new();
        }
        tail.into_iter()
            .filter(|&i| !lines[i].features.ending.is_sentence() && !lines[i].holds_sentence)
            .filter(|&i| !continues_a_list(lines, bounds, i))
            .map(|index| PositionFinding {
                index,
                reason: "after_story_end",
                detail: "short line without sentence punctuation after the story's last sentence"
                    .to_string(),
            })
            .collect()
    }

    /// Name-only lines above the story's first sentence, next to a date line: a byline
    /// ("Jane Reporter" over "March 3, 2021"). The first live line (the headline) is never one.
    /// On plain text (`plain_text`), a name with an outlet or role goes too; on an HTML page
    /// such a line is as often the story's (a list of papers with their authors).
    pub fn leading_bylines(
        &self,
        lines: &[PositionLine<'_>],
        bounds: StoryBounds,
        plain_text: bool,
    ) -> Vec<PositionFinding> {
        let cues = self.language.furniture();
        let live: Vec<usize> = (0..bounds.first).filter(|&i| lines[i].alive).collect();
        let mut out = Vec::new();
        for &i in live.iter().skip(1) {
            let f = lines[i].features;
            // A name and its outlet or role: "JANE REPORTER, Harbor News Service".
            if is_name_with_role(f, lines[i].text) {
                if !plain_text {
                    continue;
                }
                out.push(PositionFinding {
                    index: i,
                    reason: "signature",
                    detail: "a name and an outlet or role above the story".to_string(),
                });
                continue;
            }
            if !is_name_line(f) {
                continue;
            }
            let near_date = [i.checked_sub(1), Some(i + 1)]
                .into_iter()
                .flatten()
                .filter(|&j| j < lines.len())
                .any(|j| is_date_line(cues, &lines[j].features.lower));
            if near_date {
                out.push(PositionFinding {
                    index: i,
                    reason: "byline",
                    detail: "a name above the story, next to a date line".to_string(),
                });
            }
        }
        out
    }
}

/// Two to four capitalized words (two or three in capitals), no digits and no sentence
/// punctuation: a person's name.
fn is_name_line(f: &LineFeatures) -> bool {
    (2..=4).contains(&f.words)
        && f.alphabetic_words == f.words
        && f.capitalized == f.words
        && (!f.all_caps || f.words <= 3)
        && !f.ending.is_sentence()
        && !f.lower.chars().any(|c| c.is_ascii_digit())
}

/// A name, then a comma or a dash, then capitalized words: "JANE REPORTER, Harbor News
/// Service", "Jane Reporter - Harbor Daily Staff Writer". At most ten words, no digits, no
/// sentence punctuation.
fn is_name_with_role(f: &LineFeatures, line: &str) -> bool {
    if f.words > 10 || f.ending.is_sentence() || f.lower.chars().any(|c| c.is_ascii_digit()) {
        return false;
    }
    let Some((name, role)) = line
        .split_once(", ")
        .or_else(|| line.split_once(" - "))
        .or_else(|| line.split_once(" – "))
    else {
        return false;
    };
    let capital = |w: &&str| w.chars().next().is_some_and(char::is_uppercase);
    let joiner = |w: &&str| matches!(*w, "of" | "and" | "the" | "for" | "&");
    let name: Vec<&str> = name.split_whitespace().collect();
    let role: Vec<&str> = role.split_whitespace().collect();
    (2..=3).contains(&name.len())
        && name.iter().all(|w| capital(w) && w.chars().all(|c| c.is_alphabetic() || c == '.'))
        && !role.is_empty()
        && role.iter().all(|w| capital(w) || joiner(w))
}

/// Whether trailing line `i` is one more item of a list the story holds: a line with a digit
/// whose shape (lowercased, each run of digits as one `0`) is that of a live line of the story
/// ("$ 14,999.00" after "$ 2,999.99", "Model 7 mower, 7 acres" after "Model 3 mower, 3 acres":
/// a product grid or a table of results running past the last sentence).
fn continues_a_list(lines: &[PositionLine<'_>], bounds: StoryBounds, i: usize) -> bool {
    let lower = lines[i].features.lower.as_str();
    if !lower.bytes().any(|b| b.is_ascii_digit()) {
        return false;
    }
    lines[bounds.first..=bounds.last].iter().any(|l| {
        l.alive
            && l.features.words == lines[i].features.words
            && digit_shape(&l.features.lower).eq(digit_shape(lower))
    })
}

/// The characters of `text` with each run of ASCII digits read as one `0`, without building
/// a string: two shapes are compared as they are read.
fn digit_shape(text: &str) -> impl Iterator<Item = char> + '_ {
    let mut chars = text.chars().peekable();
    std::iter::from_fn(move || {
        let c = chars.next()?;
        if c.is_ascii_digit() {
            while chars.next_if(char::is_ascii_digit).is_some() {}
            Some('0')
        } else {
            Some(c)
        }
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    fn lines(texts: &[&str]) -> Vec<LineFeatures> {
        texts.iter().map(|t| LineFeatures::of(t)).collect()
    }

    fn view(f: &[LineFeatures]) -> Vec<PositionLine<'_>> {
        f.iter()
            .map(|features| PositionLine {
                text: "",
                features,
                alive: true,
                holds_sentence: false,
            })
            .collect()
    }

    #[test]
    fn digit_shapes_read_each_run_of_digits_as_one_zero() {
        let shape = |t: &str| digit_shape(t).collect::<String>();
        assert_eq!(shape("$ 14,999.00"), "$ 0,0.0");
        assert_eq!(shape("model 7 mower, 12 acres"), "model 0 mower, 0 acres");
        assert_eq!(shape("2019"), "0");
        assert_eq!(shape(""), "");
        assert!(digit_shape("$ 2,999.99").eq(digit_shape("$ 14,999.00")));
        assert!(!digit_shape("$ 2,999").eq(digit_shape("$ 2,999.99")));
    }

    #[test]
    fn trailing_lines_after_the_story() {
        let f = lines(&[
            "Harbor fire spreads",
            "The fire burned for three days.",
            "Crews left on Friday.",
            "Other stories from the coast",
            "Harbor Daily / JR",
        ]);
        let rules = PositionRules::default();
        let v = view(&f);
        let b = rules.bounds(&v).expect("prose");
        assert_eq!(b, StoryBounds { first: 1, last: 2 });
        let t: Vec<usize> = rules.trailing(&v, b).iter().map(|x| x.index).collect();
        assert_eq!(t, [3, 4]);
    }

    #[test]
    fn a_long_trailing_list_is_kept() {
        let f = lines(&[
            "The winners were named:",
            "Jane Doe (gold)",
            "John Roe (silver)",
            "Ann Poe (bronze)",
            "Bo Lee (fourth)",
        ]);
        let rules = PositionRules::default();
        let v = view(&f);
        let b = rules.bounds(&v).expect("prose");
        assert!(rules.trailing(&v, b).is_empty());
    }

    #[test]
    fn items_of_a_list_past_the_last_sentence_are_kept() {
        let texts = [
            "Garden tools",
            "Each mower cuts a lawn of up to seven acres.",
            "Model 3 mower, 3 acres",
            "$ 2,999.99",
            "Model 6 mower, 6 acres, enhanced motor.",
            "Model 7 mower, 7 acres",
            "$ 14,999.00",
            "Share this page",
        ];
        let f = lines(&texts);
        let mut v = view(&f);
        for (l, t) in v.iter_mut().zip(texts) {
            l.text = t;
        }
        let rules = PositionRules::default();
        let b = rules.bounds(&v).expect("prose");
        assert_eq!(b, StoryBounds { first: 1, last: 4 });
        let t: Vec<usize> = rules.trailing(&v, b).iter().map(|x| x.index).collect();
        assert_eq!(t, [7]);
    }

    #[test]
    fn a_list_after_a_colon_is_kept() {
        let f = lines(&[
            "The fire burned for three days.",
            "Crews from these towns came:",
            "Northport",
            "Southport",
        ]);
        let rules = PositionRules::default();
        let v = view(&f);
        let b = rules.bounds(&v).expect("prose");
        assert!(rules.trailing(&v, b).is_empty());
    }

    #[test]
    fn byline_next_to_a_date() {
        let f = lines(&[
            "Harbor Fire Spreads",
            "Jane Reporter",
            "March 3, 2021",
            "The fire burned for three days.",
        ]);
        let rules = PositionRules::default();
        let v = view(&f);
        let b = rules.bounds(&v).expect("prose");
        let found: Vec<usize> = rules
            .leading_bylines(&v, b, true)
            .iter()
            .map(|x| x.index)
            .collect();
        assert_eq!(found, [1]);
    }

    #[test]
    fn a_name_with_its_outlet_above_the_story() {
        let texts = [
            "Harbor Fire Spreads",
            "JANE REPORTER, Harbor News Service",
            "The fire burned for three days.",
        ];
        let f = lines(&texts);
        let v: Vec<PositionLine<'_>> = f
            .iter()
            .zip(texts)
            .map(|(features, text)| PositionLine {
                text,
                features,
                alive: true,
                holds_sentence: false,
            })
            .collect();
        let rules = PositionRules::default();
        let b = rules.bounds(&v).expect("prose");
        let found: Vec<usize> = rules
            .leading_bylines(&v, b, true)
            .iter()
            .map(|x| x.index)
            .collect();
        assert_eq!(found, [1]);
    }

    #[test]
    fn a_title_cased_subheading_is_not_a_byline() {
        let f = lines(&[
            "Harbor Fire",
            "Key Facts",
            "The fire burned for three days.",
        ]);
        let rules = PositionRules::default();
        let v = view(&f);
        let b = rules.bounds(&v).expect("prose");
        assert!(rules.leading_bylines(&v, b, true).is_empty());
    }
}
