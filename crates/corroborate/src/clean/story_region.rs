//! The story's region: the densest run of prose lines, found from line shapes alone (no word
//! lists), and what lies outside it.
//!
//! Each live line gets a score: a sentence line of at least [`StoryRegion::full_sentence_words`]
//! words counts its words twice, a shorter sentence line once, a line that introduces a list
//! (ends with a colon) opens the list items that follow at zero, and any other line (a
//! label, a link, a title, a date) costs [`StoryRegion::gap_cost`]. The region is the run of
//! lines with the highest total (maximum subarray, linear). Outside it, lines go unless they
//! are:
//! - a run of prose of at least [`StoryRegion::kept_run_words`] words (a story cut in two by
//!   a box of links keeps both halves; teasers of other stories are one sentence each);
//! - one of the [`StoryRegion::headline_window`] lines just above the region that is not a
//!   date, a time stamp or a byline (the headline, a standfirst), or the page's first line
//!   when it is shaped like a title (the headline above a box of links), if it shares a
//!   content word with the region's prose. A headline is written with the story's words; a
//!   site's name, a section label or a teaser above the story shares none. The candidate of
//!   three or more words sharing the largest part of its words stays in any case. (L3S lines,
//!   chosen on the dev pages: furniture removed on dev 0.886 -> 0.905, held out 0.669 ->
//!   0.772, no story or headline line lost.)
//!
//! From the region's start on, a comment thread is cut off: two or more short lines without sentence
//! punctuation holding a clock time ("Posted by ... at 12:02PM", "Comment by ... @ 8:48 pm"),
//! each followed by prose, start a thread that runs to the end of the page.
//!
//! Pages with fewer than [`StoryRegion::min_lines`] live lines are left alone: a short text
//! is all story or too small to tell.

use super::furniture_patterns::is_date_line;
use super::line_features::{Ending, LineFeatures};
use crate::lang::Language;
use std::collections::HashSet;

/// The view of one line the region rules read.
#[derive(Debug, Clone, Copy)]
pub struct RegionLine<'a> {
    /// Features of the line.
    pub features: &'a LineFeatures,
    /// Not removed by an earlier stage.
    pub alive: bool,
}

/// A line the region rules remove.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct RegionFinding {
    /// Index of the line.
    pub index: usize,
    /// Machine-readable reason.
    pub reason: &'static str,
    /// Human explanation.
    pub detail: String,
}

/// Settings of the story-region rules (see the module documentation).
#[derive(Debug, Clone)]
pub struct StoryRegion {
    /// Cost of a line that is not prose.
    pub gap_cost: i64,
    /// Words from which a sentence line counts double.
    pub full_sentence_words: usize,
    /// Words of a prose run outside the region that keep it.
    pub kept_run_words: usize,
    /// Live lines above the region read as headline candidates.
    pub headline_window: usize,
    /// Live lines a page needs before the rules apply.
    pub min_lines: usize,
    /// Language of the date words.
    pub language: Language,
}

impl Default for StoryRegion {
    fn default() -> Self {
        StoryRegion {
            gap_cost: 12,
            full_sentence_words: 8,
            kept_run_words: 40,
            headline_window: 5,
            min_lines: 8,
            language: Language::English,
        }
    }
}

/// Longest post header (in words) of a comment thread.
const MAX_POST_HEADER_WORDS: usize = 20;

impl StoryRegion {
    /// The lines outside the story's region, and a comment thread inside it.
    pub fn outside(&self, lines: &[RegionLine<'_>]) -> Vec<RegionFinding> {
        let live: Vec<usize> = (0..lines.len()).filter(|&i| lines[i].alive).collect();
        if live.len() < self.min_lines {
            return Vec::new();
        }
        let teasers = teaser_lists(lines, &live);
        if teasers.is_empty() {
            return self.outside_live(lines, &live, Vec::new());
        }
        let found: Vec<RegionFinding> = teasers
            .iter()
            .map(|&i| RegionFinding {
                index: i,
                reason: "teaser_list",
                detail: "in a list of other stories: a title, one sentence, a title, ..."
                    .to_string(),
            })
            .collect();
        let live: Vec<usize> = live
            .into_iter()
            .filter(|i| teasers.binary_search(i).is_err())
            .collect();
        if live.len() < self.min_lines {
            return found;
        }
        self.outside_live(lines, &live, found)
    }

    /// [`StoryRegion::outside`] on the live lines `live`, adding to `out`.
    fn outside_live(
        &self,
        lines: &[RegionLine<'_>],
        live: &[usize],
        mut out: Vec<RegionFinding>,
    ) -> Vec<RegionFinding> {
        let Some((first, mut last)) = self.densest_run(lines, live) else {
            out.sort_by_key(|f| f.index);
            return out;
        };
        // The items of a list the run ends on (scored zero) belong to it.
        if lines[live[last]].features.ending == Ending::Colon {
            while last + 1 < live.len() && !lines[live[last + 1]].features.ending.is_sentence() {
                last += 1;
            }
        }
        let mut in_thread = vec![false; live.len()];
        if let Some(thread) = self.comment_thread(lines, &live[first..]) {
            let cut = live[first..]
                .iter()
                .position(|&i| i == thread)
                .map_or(last, |k| first + k);
            for (k, &i) in live.iter().enumerate().skip(cut) {
                in_thread[k] = true;
                out.push(RegionFinding {
                    index: i,
                    reason: "comment_thread",
                    detail: "in a thread of posts headed by a name and a clock time".to_string(),
                });
            }
            last = last.min(cut.saturating_sub(1)).max(first);
            if cut == first {
                out.sort_by_key(|f| f.index);
                return out;
            }
        }
        let keep_run = self.long_prose_runs(lines, live, first, last);
        let above = self.headline_candidates(lines, &live[..first], &live[first..=last]);
        for (k, &i) in live.iter().enumerate() {
            if (first..=last).contains(&k) || keep_run[k] || in_thread[k] {
                continue;
            }
            let candidate = k < first && above[k].is_some();
            if candidate && above[k] != Some(false) {
                continue;
            }
            out.push(RegionFinding {
                index: i,
                reason: "outside_story",
                detail: if candidate {
                    "above the story's main run of prose, sharing no word with it".to_string()
                } else if k < first {
                    "above the story's main run of prose, not its headline".to_string()
                } else {
                    "below the story's main run of prose, not a long paragraph".to_string()
                },
            });
        }
        out.sort_by_key(|f| f.index);
        out
    }

    /// Per line above the region (`above`, live line indices before `region`): `None` when it
    /// cannot be the headline, else whether it stays. A candidate is one of the
    /// [`StoryRegion::headline_window`] lines just above the region with 2 to 25 words, or the
    /// page's first line shaped like a title, and not a date, a time stamp or a byline. It
    /// stays when it shares a content word with the region's prose (a headline is written with
    /// the story's words; a site's name, a section or a link box share none), and the
    /// candidate of three or more words sharing the largest part of its words stays in any
    /// case: a page keeps one headline.
    fn headline_candidates(
        &self,
        lines: &[RegionLine<'_>],
        above: &[usize],
        region: &[usize],
    ) -> Vec<Option<bool>> {
        let cues = self.language.furniture();
        let headline_from = above.len().saturating_sub(self.headline_window);
        let mut out: Vec<Option<bool>> = above
            .iter()
            .enumerate()
            .map(|(k, &i)| {
                let f = lines[i].features;
                let stamp = is_date_line(cues, &f.lower)
                    || has_clock_time(&f.lower)
                    || opens_with_byline(cues.byline_words, &f.lower);
                let window = k >= headline_from && (2..=25).contains(&f.words);
                // The page's first line: its title.
                let first_title = k == 0 && is_title_shaped(f);
                ((window || first_title) && !stamp).then_some(false)
            })
            .collect();
        if out.iter().all(Option::is_none) {
            return out;
        }
        let story: HashSet<&str> = region
            .iter()
            .map(|&i| lines[i].features)
            .filter(|f| f.is_prose())
            .flat_map(|f| content_stems(self.language, &f.key))
            .collect();
        // (shared, content words) per candidate; the best by share, the nearest on ties.
        let mut best: Option<(usize, usize, usize)> = None;
        for (k, &i) in above.iter().enumerate() {
            let Some(keep) = out[k].as_mut() else { continue };
            let f = lines[i].features;
            let (shared, total) = content_stems(self.language, &f.key)
                .fold((0, 0), |(s, t), w| (s + usize::from(story.contains(w)), t + 1));
            *keep = shared > 0;
            let better = best.is_none_or(|(_, s, t)| shared * t.max(1) >= s * total.max(1));
            if f.words >= 3 && better {
                best = Some((k, shared, total));
            }
        }
        if let Some((k, _, _)) = best {
            out[k] = Some(true);
        }
        out
    }

    /// First and last position (in `live`) of the run of lines with the highest score.
    fn densest_run(&self, lines: &[RegionLine<'_>], live: &[usize]) -> Option<(usize, usize)> {
        let mut best = 0i64;
        let mut best_run = None;
        let mut current = 0i64;
        let mut start = 0;
        let mut in_list = false;
        let prose = |k: usize| lines[live[k]].features.is_prose();
        for (k, &i) in live.iter().enumerate() {
            let f = lines[i].features;
            // A sentence standing alone between labels is a teaser or a caption: the story's
            // paragraphs follow one another.
            let isolated = !((k > 0 && prose(k - 1)) || (k + 1 < live.len() && prose(k + 1)));
            let score = if in_list && !f.ending.is_sentence() {
                0
            } else {
                in_list = f.ending == Ending::Colon && f.words >= 4;
                if in_list
                    || (f.is_prose() && f.words >= self.full_sentence_words && !isolated)
                {
                    2 * f.words as i64
                } else if f.is_prose() {
                    f.words as i64
                } else {
                    -self.gap_cost
                }
            };
            if current <= 0 {
                current = 0;
                start = k;
            }
            current += score;
            if current > best {
                best = current;
                best_run = Some((start, k));
            }
        }
        best_run
    }

    /// The first post header of a comment thread among `region` (line indices from the
    /// region's start to the page's end), if there is one.
    fn comment_thread(&self, lines: &[RegionLine<'_>], region: &[usize]) -> Option<usize> {
        let header = |i: usize| {
            let f = lines[i].features;
            !f.ending.is_sentence()
                && (2..=MAX_POST_HEADER_WORDS).contains(&f.words)
                && has_clock_time(&f.lower)
        };
        let mut headers = region
            .windows(2)
            .filter(|w| header(w[0]) && lines[w[1]].features.ending.is_sentence())
            .map(|w| w[0]);
        let first = headers.next()?;
        // A thread has a story above it: a header opening the region is a dateline.
        (headers.next().is_some() && first != region[0]).then_some(first)
    }

    /// Per position in `live`: whether the line belongs to a run of prose outside the region
    /// long enough to keep. Lines of at most three words inside a run do not break it.
    fn long_prose_runs(
        &self,
        lines: &[RegionLine<'_>],
        live: &[usize],
        first: usize,
        last: usize,
    ) -> Vec<bool> {
        let mut keep = vec![false; live.len()];
        let mut run: Vec<usize> = Vec::new();
        let mut words = 0;
        // Whether two prose lines of the run follow one another, and the run's longest line:
        // a list of teasers (a title, one sentence, a title, ...) has neither.
        let mut paragraphs = false;
        let mut longest = 0;
        let mut flush = |run: &mut Vec<usize>, words: &mut usize, paragraphs: &mut bool, longest: &mut usize| {
            if *words >= self.kept_run_words && (*paragraphs || *longest >= self.kept_run_words) {
                for &k in run.iter() {
                    keep[k] = true;
                }
            }
            run.clear();
            *words = 0;
            *paragraphs = false;
            *longest = 0;
        };
        for (k, &i) in live.iter().enumerate() {
            let f = lines[i].features;
            if (first..=last).contains(&k) {
                flush(&mut run, &mut words, &mut paragraphs, &mut longest);
            } else if f.is_prose() {
                paragraphs |= run.last() == Some(&(k.wrapping_sub(1)));
                longest = longest.max(f.words);
                run.push(k);
                words += f.words;
            } else if f.words > 3 {
                flush(&mut run, &mut words, &mut paragraphs, &mut longest);
            }
        }
        flush(&mut run, &mut words, &mut paragraphs, &mut longest);
        keep
    }
}

/// Fewest title-and-sentence pairs of a list of teasers.
const MIN_TEASERS: usize = 3;

/// Lines of lists of teasers (sorted): three or more pairs of a title (one to twelve words,
/// not a sentence) and one sentence of at most 35 words that no other sentence follows. The
/// story's sections have paragraphs; a box of other stories has one sentence each. A label
/// ending in a colon ("DAMAGE:") heads a fact box of the story, not another story's title.
fn teaser_lists(lines: &[RegionLine<'_>], live: &[usize]) -> Vec<usize> {
    let f = |k: usize| lines[live[k]].features;
    let title =
        |k: usize| !f(k).is_prose() && f(k).ending != Ending::Colon && (1..=12).contains(&f(k).words);
    let teaser = |k: usize| {
        f(k).is_prose() && f(k).words <= 35 && (k + 1 >= live.len() || !f(k + 1).is_prose())
    };
    let mut out = Vec::new();
    let mut k = 0;
    while k + 1 < live.len() {
        let mut pairs = 0;
        while k + 2 * pairs + 1 < live.len()
            && title(k + 2 * pairs)
            && teaser(k + 2 * pairs + 1)
        {
            pairs += 1;
        }
        if pairs >= MIN_TEASERS {
            out.extend((k..k + 2 * pairs).map(|j| live[j]));
            k += 2 * pairs;
        } else {
            k += 1;
        }
    }
    out
}

/// Content words of a line's `key` (letters and digits, three characters or more, not a
/// number, not a stop word of `language`), cut to their first five characters: a stem that
/// needs no language's rules ("floods", "flooded": "flood").
fn content_stems(language: Language, key: &str) -> impl Iterator<Item = &str> {
    key.split(' ')
        .filter(move |w| {
            w.chars().nth(2).is_some()
                && !w.bytes().all(|b| b.is_ascii_digit())
                && !language.is_stop_word(w)
        })
        .map(|w| w.char_indices().nth(5).map_or(w, |(at, _)| &w[..at]))
}

/// Whether the line opens with a byline word ("By Name", "Posted by: Name").
fn opens_with_byline(byline_words: &[&str], lower: &str) -> bool {
    byline_words.iter().any(|w| {
        lower
            .strip_prefix(w)
            .is_some_and(|rest| rest.starts_with([' ', ':']))
    })
}

/// A title: three to 25 words without sentence punctuation, and no separators of a
/// breadcrumb or a row of links ("Home » Sport", "Email | Print").
fn is_title_shaped(f: &LineFeatures) -> bool {
    (3..=25).contains(&f.words)
        && f.ending == Ending::Bare
        && !f.lower.contains(['|', '»', '>', '/', '·'])
}

/// Whether the line holds a clock time: one or two digits, `:`, two digits ("8:48 pm",
/// "12:02PM"), not inside a longer number ("1:100").
pub fn has_clock_time(lower: &str) -> bool {
    let b = lower.as_bytes();
    let digit = |i: usize| b.get(i).is_some_and(u8::is_ascii_digit);
    b.iter().enumerate().any(|(i, &c)| {
        c == b':'
            && i >= 1
            && digit(i - 1)
            && !(i >= 3 && digit(i - 2) && digit(i - 3))
            && digit(i + 1)
            && digit(i + 2)
            && !digit(i + 3)
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    fn run(texts: &[&str]) -> Vec<(usize, &'static str)> {
        let f: Vec<LineFeatures> = texts.iter().map(|t| LineFeatures::of(t)).collect();
        let view: Vec<RegionLine<'_>> = f
            .iter()
            .map(|features| RegionLine {
                features,
                alive: true,
            })
            .collect();
        StoryRegion::default()
            .outside(&view)
            .into_iter()
            .map(|x| (x.index, x.reason))
            .collect()
    }

    const STORY: [&str; 4] = [
        "The river rose above its banks on Monday night and flooded the lower town.",
        "Residents were moved to the school on the hill, the mayor told reporters.",
        "Boats carried the last families out before dawn, officials said on Tuesday.",
        "The water is expected to fall by the weekend if the rain stops as forecast.",
    ];

    #[test]
    fn navigation_around_the_story_goes_and_the_headline_stays() {
        let mut page = vec!["Home", "World", "Sports", "River floods the lower town"];
        page.extend(STORY);
        page.extend(["Most read", "Weather", "Contact us"]);
        assert_eq!(
            run(&page),
            [
                (0, "outside_story"),
                (1, "outside_story"),
                (2, "outside_story"),
                (8, "outside_story"),
                (9, "outside_story"),
                (10, "outside_story"),
            ]
        );
    }

    #[test]
    fn lines_above_the_story_sharing_no_word_with_it_go() {
        let mut page = vec![
            "Harbor Gazette Online",
            "Sports Desk Today",
            "River floods the lower town",
        ];
        page.extend(STORY);
        page.extend(["Most read", "Weather", "Contact us"]);
        let removed: Vec<usize> = run(&page).iter().map(|&(i, _)| i).collect();
        assert_eq!(removed, [0, 1, 7, 8, 9]);
    }

    #[test]
    fn the_best_headline_candidate_stays_even_sharing_no_word() {
        let mut page = vec!["Evening Bulletin Special"];
        page.extend(STORY);
        page.extend(["Most read", "Weather", "Contact us"]);
        let removed: Vec<usize> = run(&page).iter().map(|&(i, _)| i).collect();
        assert_eq!(removed, [5, 6, 7]);
    }

    #[test]
    fn content_stems_skip_stop_words_and_numbers_and_cut_to_five_characters() {
        let stems: Vec<&str> = content_stems(Language::English, "the river floods 2024 at übermäßig").collect();
        assert_eq!(stems, ["river", "flood", "überm"]);
    }

    #[test]
    fn a_title_on_the_first_line_stays_above_a_box_of_links() {
        let mut page = vec![
            "River floods the lower town",
            "By A Writer",
            "Home",
            "World",
            "Sports",
            "Business",
            "Weather",
            "Opinion",
        ];
        page.extend(STORY);
        let found = run(&page);
        let removed: Vec<usize> = found.iter().map(|&(i, _)| i).collect();
        assert_eq!(removed, (1..=7).collect::<Vec<_>>(), "{found:?}");
    }

    #[test]
    fn a_comment_thread_is_cut_off() {
        let mut page = vec!["River floods the lower town"];
        page.extend(STORY);
        page.extend([
            "Posted by reader1 on 01/13/08 at 12:02PM",
            "What a terrible night for the town.",
            "Posted by reader2 on 01/13/08 at 1:54PM",
            "I hope everyone is safe now.",
        ]);
        let found = run(&page);
        assert_eq!(found.len(), 4, "{found:?}");
        assert!(found.iter().all(|&(i, r)| i >= 5 && r == "comment_thread"));
    }

    #[test]
    fn a_list_after_a_colon_stays_with_the_story() {
        let mut page = vec!["River floods the lower town"];
        page.extend(STORY);
        page.extend([
            "The shelters open tonight are the following:",
            "North school",
            "Town hall",
            "Sports centre",
        ]);
        assert_eq!(run(&page), []);
    }

    #[test]
    fn a_list_of_teasers_goes() {
        let mut page = vec!["River floods the lower town"];
        page.extend(STORY);
        page.extend([
            "Bridge reopens",
            "The old bridge opened again after two years of repairs.",
            "Market day",
            "Farmers bring their last apples to the square.",
            "School wins prize",
            "The town's school won a national science prize.",
        ]);
        let found = run(&page);
        assert_eq!(found.len(), 6, "{found:?}");
        assert!(found.iter().all(|&(i, r)| i >= 5 && r == "teaser_list"));
    }

    #[test]
    fn a_fact_box_of_labels_stays() {
        let mut page = vec!["River floods the lower town"];
        page.extend(STORY);
        page.extend([
            "DAMAGE:",
            "Forty homes and the old mill were flooded.",
            "RESCUE:",
            "Two hundred volunteers filled sandbags through the night.",
            "ROADS:",
            "The valley road stays closed until Friday.",
        ]);
        page.extend(STORY);
        assert_eq!(run(&page), []);
    }

    #[test]
    fn short_pages_are_left_alone() {
        assert_eq!(run(&["Home", STORY[0], "Contact us"]), []);
    }

    #[test]
    fn clock_times() {
        assert!(has_clock_time("comment by d @ 8:48 pm"));
        assert!(has_clock_time("posted at 12:02pm"));
        assert!(!has_clock_time("ratio 1:100"));
        assert!(!has_clock_time("the score was 102:30"));
    }
}
