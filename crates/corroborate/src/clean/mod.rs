//! Clean: separate the story from page furniture, line by line, keeping spans into the text.
//!
//! One component per file:
//! - `line_features`: what one line looks like (length, ending, capitals, links);
//! - `furniture_patterns`: universal furniture (labels, forms, prompts, credits, bylines);
//! - `repetition`: lines the article repeats (twin captions, pull quotes, copies);
//! - `story_region`: the densest run of prose lines, and the lines outside it;
//! - `position`: the story's first and last sentences, and what lies around them;
//! - `cluster_similarity`: headlines of other stories, judged against the article and the
//!   other reports of the cluster.
//!
//! [`Cleaner`] runs them in that order. Every kept line is a [`Block`] and every removed line a
//! [`Removal`] with a stable `reason` key and a human `detail`.

internal_mod! {
    cluster_similarity;
    furniture_patterns;
    line_features;
    position;
    repetition;
    story_region;
}

internal_use!(cluster_similarity::{ClusterSimilarity, ClusterTerms, TermSet});
internal_use!(furniture_patterns::FurniturePatterns);
internal_use!(line_features::{Ending, LineFeatures});
internal_use!(position::{PositionRules, StoryBounds});
internal_use!(repetition::RepetitionDetector);
internal_use!(story_region::StoryRegion);

use crate::document::Document;
use crate::lang::furniture::{all_languages, REPLY_ENDINGS, REPLY_OPENINGS};
use crate::lang::Language;
use crate::segment::Lexicon;
use position::PositionLine;
use repetition::RepetitionLine;
use serde::{Deserialize, Serialize};
use std::ops::Range;
use story_region::RegionLine;

/// What a kept line is.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum BlockKind {
    /// A headline or section heading (no sentence punctuation, short).
    Heading,
    /// A line of running story text.
    Paragraph,
}

/// A kept line of the story: a byte range into [`Document::text`].
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Block {
    /// Byte range of the line (without its line break) in the document text.
    pub span: Range<usize>,
    /// What the line is.
    pub kind: BlockKind,
}

/// Why a line was removed.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Removal {
    /// Byte range of the removed line in the document text.
    pub span: Range<usize>,
    /// Short machine-readable reason (e.g. `repeated_line`, `furniture_pattern`).
    pub reason: String,
    /// Human explanation, as shown by `clean --explain`.
    pub detail: String,
}

/// The result of cleaning one document.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct CleanedDocument {
    /// Kept lines, in text order.
    pub kept: Vec<Block>,
    /// Removed lines, in text order.
    pub removed: Vec<Removal>,
}

impl CleanedDocument {
    /// The kept text, lines joined by blank lines.
    pub fn text(&self, doc: &Document) -> String {
        let mut out = String::new();
        for (i, b) in self.kept.iter().enumerate() {
            if i > 0 {
                out.push_str("\n\n");
            }
            out.push_str(&doc.text[b.span.clone()]);
        }
        out
    }
}

/// Removes page furniture from the documents of one cluster.
///
/// Stages, in order (each sees only the lines the earlier ones kept):
/// 1. `FurniturePatterns`: universal furniture (labels, forms, credits, bylines, dates);
/// 2. `RepetitionDetector`: repeated lines, twin captions, pull quotes;
/// 3. `StoryRegion`: lines outside the densest run of prose, comment threads;
/// 4. `PositionRules`: short lines after the story's last sentence, bylines above it;
/// 5. `ClusterSimilarity`: headline-like lines inside the story whose words belong neither
///    to the article nor to the other reports (headlines of other stories).
///
/// Rules per kind of input: on an HTML page (`Origin::markup`) the story was chosen from the
/// page's structure, so the line-shape region search (3) does not run, and neither do the
/// rules that guess from a line's shape what the structure already decided: a date with only
/// names around it (a forum post's header there: kept), a name with a role above the story (a list
/// of papers with their authors), a heading over removed links, a headline-like line sharing
/// no words with the story (a post's title or a section heading). eval-extract on html/ gold,
/// dev split, with the last one: 0.9143, without: 0.9183 (held out 0.9294 and 0.9317).
/// There, too, a thread's repeated lines (quoted posts, "Re:" headers), repeated fields of
/// listed items, prompts inside lines of more than 8 words and legal notices between two lines
/// of prose are what a reader of the page reads, and stay (dev: 0.9230 removing them, 0.9269
/// keeping them; held out 0.9333 and 0.9338).
///
/// A line that ends like a sentence is only removed by a pattern or as an exact repeat, so
/// running prose stays. Kept lines without sentence punctuation become
/// [`BlockKind::Heading`]. Cleaning is idempotent: cleaning the kept text removes nothing.
#[derive(Debug, Clone, Default)]
pub struct Cleaner {
    /// Context-free furniture patterns.
    pub patterns: FurniturePatterns,
    /// Repeats inside an article.
    pub repetition: RepetitionDetector,
    /// Rules on the position of a line relative to the story.
    pub position: PositionRules,
    /// Relatedness of headline-like lines to the article and cluster.
    pub similarity: ClusterSimilarity,
    /// The story's densest run of prose and what lies outside it.
    pub region: StoryRegion,
    /// Keep every non-empty line (no furniture removal): for tools that must see all the
    /// text, such as `split`.
    pub keep_all: bool,
}

/// One non-empty line of a document while it is being cleaned.
#[derive(Debug)]
struct Line {
    /// Trimmed byte range in the document text.
    span: Range<usize>,
    features: LineFeatures,
    /// No blank line between this line and the previous non-empty one.
    joined_to_previous: bool,
    /// A sentence ends inside the line and more text follows (left false for a line that ends
    /// like a sentence, where no rule reads it).
    holds_sentence: bool,
    removal: Option<(&'static str, String)>,
    /// Kept whatever the later stages find, which do not see it (as if removed).
    pinned: bool,
}

impl Line {
    fn alive(&self) -> bool {
        self.removal.is_none() && !self.pinned
    }

    fn remove(&mut self, reason: &'static str, detail: String) {
        if self.removal.is_none() && !self.pinned {
            self.removal = Some((reason, detail));
        }
    }
}

/// A document after the stages that need no other document.
#[derive(Debug)]
struct DocumentLines {
    lines: Vec<Line>,
    bounds: Option<StoryBounds>,
    /// The document is plain text, not the story of an HTML page: the rules that guess from a
    /// line's shape alone apply (see [`Cleaner`]).
    plain_text: bool,
}

/// Reasons of removed lines that link to other pages.
const LINK_REASONS: [&str; 7] = [
    "unrelated_headline",
    "related_link",
    "link_line",
    "link_prompt",
    "navigation",
    "teaser_list",
    "repeated_line",
];

impl DocumentLines {
    /// Remove the heading of a box of links inside the story ("Today in Sports" over the
    /// headlines of other stories): a short line without punctuation, between the story's first
    /// and last sentences, whose next two or more lines were all removed as links.
    fn link_box_headings(&mut self) {
        let Some(b) = self.bounds else { return };
        for i in b.first + 1..b.last {
            let l = &self.lines[i];
            if !l.alive()
                || l.features.ending != Ending::Bare
                || !(1..=6).contains(&l.features.words)
            {
                continue;
            }
            let removed: Vec<&str> = self.lines[i + 1..]
                .iter()
                .map_while(|l| l.removal.as_ref().map(|(r, _)| *r))
                .collect();
            if removed.len() >= 2 && removed.iter().all(|r| LINK_REASONS.contains(r)) {
                self.lines[i].remove(
                    "link_box_heading",
                    "heading of a box of links to other stories".to_string(),
                );
            }
        }
    }

    /// Indices of the live lines inside the story (after its first sentence, before its last)
    /// that have the shape of a headline of another story.
    fn headline_candidates<'a>(&'a self, doc: &'a Document) -> impl Iterator<Item = usize> + 'a {
        let inside = match self.bounds {
            Some(b) if self.plain_text => b.first + 1..b.last.max(b.first + 1),
            _ => 0..0,
        };
        // Items of a list that a line ending with a colon opens are not headlines.
        let mut in_list = false;
        inside.filter(move |&i| {
            let l = &self.lines[i];
            if !l.alive() {
                return false;
            }
            let item = in_list && !l.features.ending.is_sentence();
            in_list = item || l.features.ending == Ending::Colon;
            !item && looks_like_other_headline(&doc.text[l.span.clone()], &l.features)
        })
    }
}

/// Words of a headline of another story: a short section heading ("The rescue") is too
/// short to judge by its words, a longer line without punctuation is prose.
const OTHER_HEADLINE_WORDS: std::ops::RangeInclusive<usize> = 5..=20;

/// Whether a line has the shape of a headline of another story: no sentence punctuation, one
/// clause of 5 to 20 words, not a list item, not a credit heading ("Analysis by ..."), not a
/// post quoted from a social network.
fn looks_like_other_headline(line: &str, f: &LineFeatures) -> bool {
    matches!(f.ending, Ending::Bare | Ending::Continuation)
        && OTHER_HEADLINE_WORDS.contains(&f.words)
        && !line.starts_with(['•', '*', '-', '–', '·', '_'])
        && !LineFeatures::has_inner_sentence_end(line)
        && !f.is_attribution_heading(line)
        && !furniture_patterns::is_embedded_post(&f.lower)
}

/// Longest line, in words, that a prompt to click or read more removes on an HTML page.
const MAX_HTML_PROMPT_WORDS: usize = 8;

/// On an HTML page, a legal notice between two kept lines of prose is part of the story (a
/// photo's credit, an agency's mark under a paragraph): only the notices at the story's
/// edges, before its first or after its last line of prose, stay removed.
fn restore_inner_legal_lines(lines: &mut [Line]) {
    let prose = |l: &Line| l.removal.is_none() && l.features.is_prose();
    let (Some(first), Some(last)) = (lines.iter().position(prose), lines.iter().rposition(prose))
    else {
        return;
    };
    for l in &mut lines[first..last] {
        if l.removal
            .as_ref()
            .is_some_and(|(r, _)| *r == "legal_notice")
        {
            l.removal = None;
        }
    }
}

/// Whether the text is a thread of posts: two or more lines head a reply or a quoted post.
fn is_thread(lines: &[Line]) -> bool {
    lines
        .iter()
        .filter(|l| {
            let lower = &l.features.lower;
            l.features.words <= 16
                && (all_languages(REPLY_OPENINGS).any(|o| lower.starts_with(o))
                    || all_languages(REPLY_ENDINGS).any(|e| lower.ends_with(e)))
        })
        .nth(1)
        .is_some()
}

/// A field of a listed item: a label of one to three words, a colon, a short value
/// ("Difficulty: Beginner", "Length: 5 miles"), without sentence punctuation.
fn is_field_line(f: &LineFeatures) -> bool {
    if f.ending.is_sentence() || f.words > 8 {
        return false;
    }
    let Some((label, value)) = f.lower.split_once(':') else {
        return false;
    };
    let label_words = label.split_whitespace().count();
    (1..=3).contains(&label_words) && !value.trim().is_empty() && !value.starts_with("//")
}

impl Cleaner {
    /// A cleaner reading the furniture cues, stop words and stemmer of `language`.
    pub fn new(language: Language) -> Cleaner {
        Cleaner {
            patterns: FurniturePatterns { language },
            repetition: RepetitionDetector {
                language,
                ..RepetitionDetector::default()
            },
            position: PositionRules {
                language,
                ..PositionRules::default()
            },
            similarity: ClusterSimilarity::new(language),
            region: StoryRegion {
                language,
                ..StoryRegion::default()
            },
            keep_all: false,
        }
    }

    /// Clean every document of a cluster (the cluster is context: lines repeated across
    /// unrelated positions, similarity to the other reports).
    pub fn clean_cluster(&self, docs: &[Document]) -> Vec<CleanedDocument> {
        if self.keep_all {
            return docs.iter().map(keep_every_line).collect();
        }
        let mut states: Vec<DocumentLines> = docs.iter().map(|d| self.single_pass(d)).collect();
        // The term sets only serve to judge headline-like lines: most clusters have none, and
        // stemming every word of the cluster was a sixth of the cleaning time.
        if !docs
            .iter()
            .zip(&states)
            .any(|(doc, st)| st.headline_candidates(doc).next().is_some())
        {
            return states.into_iter().map(finish).collect();
        }
        // Stems are numbered by the thread's lexicon (held for the whole judgement, so its
        // ids stay valid).
        Lexicon::with(self.similarity.language(), |lexicon| {
            let sets: Vec<TermSet> = docs
                .iter()
                .zip(&states)
                .map(|(doc, st)| {
                    self.similarity.terms(
                        lexicon,
                        st.lines
                            .iter()
                            .filter(|l| l.alive() && l.features.is_prose())
                            .map(|l| &doc.text[l.span.clone()]),
                    )
                })
                .collect();
            let cluster = ClusterTerms::new(&sets);
            for ((doc, st), own) in docs.iter().zip(&mut states).zip(&sets) {
                self.unrelated_headlines(lexicon, doc, st, own, &cluster);
            }
        });
        states.into_iter().map(finish).collect()
    }

    /// Clean one document on its own.
    pub fn clean_document(&self, doc: &Document) -> CleanedDocument {
        self.clean_cluster(std::slice::from_ref(doc))
            .pop()
            .expect("one result per document")
    }

    /// Patterns, repetition and position: everything that reads only this document.
    fn single_pass(&self, doc: &Document) -> DocumentLines {
        let text = doc.text.as_str();
        let plain_text = !doc.origin.markup;
        let mut lines = Vec::new();
        let mut blank_before = true;
        for span in line_spans(text) {
            let raw = &text[span.clone()];
            let trimmed = raw.trim();
            if trimmed.is_empty() {
                blank_before = true;
                continue;
            }
            let start = span.start + (raw.len() - raw.trim_start().len());
            let features = LineFeatures::of(trimmed);
            // Only read for lines that do not end like a sentence: skip the scan otherwise.
            let holds_sentence =
                !features.ending.is_sentence() && LineFeatures::holds_sentence(trimmed);
            let found = self.patterns.matches(trimmed, &features);
            // On an HTML page, a date with only names around it heads a post of the story the
            // page's structure chose ("June 03, 2020, 04:19 PM"): it stays, out of the later
            // stages' sight (eval-extract on html/ gold: mean F1 0.9037 removing it, 0.9048
            // keeping it; 0.9311 held out leaving it to the later stages, 0.9317 pinned).
            let pinned = !plain_text && found.as_ref().is_some_and(|m| m.reason == "stamp_line");
            // On an HTML page the structure already dropped the page's own prompts (buttons,
            // link boxes): a longer line with a prompt is a sentence the author wrote ("To
            // find out more, please click here"), which a reader keeps.
            let prose_prompt = !plain_text
                && features.words > MAX_HTML_PROMPT_WORDS
                && found.as_ref().is_some_and(|m| m.reason == "link_prompt");
            let removal = found
                .filter(|_| !pinned && !prose_prompt)
                .map(|m| (m.reason, m.detail));
            lines.push(Line {
                span: start..start + trimmed.len(),
                features,
                joined_to_previous: !blank_before,
                holds_sentence,
                removal,
                pinned,
            });
            blank_before = false;
        }

        if !plain_text {
            restore_inner_legal_lines(&mut lines);
        }

        let rep_view = |lines: &[Line], bounds: Option<StoryBounds>| -> Vec<(bool, bool)> {
            lines
                .iter()
                .enumerate()
                .map(|(i, l)| (l.alive(), bounds.is_some_and(|b| i > b.first)))
                .collect()
        };
        let run =
            |lines: &mut Vec<Line>,
             bounds: Option<StoryBounds>,
             f: &dyn Fn(&[RepetitionLine<'_>]) -> Vec<repetition::RepetitionFinding>| {
                let flags = rep_view(lines, bounds);
                let found = {
                    let view: Vec<RepetitionLine<'_>> = lines
                        .iter()
                        .zip(&flags)
                        .map(|(l, &(alive, in_body))| RepetitionLine {
                            features: &l.features,
                            joined_to_previous: l.joined_to_previous,
                            alive,
                            in_body,
                        })
                        .collect();
                    f(&view)
                };
                for r in found {
                    lines[r.index].remove(r.reason, r.detail);
                }
            };
        // On an HTML page, a thread quotes earlier posts and repeats its "Re:" headers, and a
        // list repeats its items' fields ("Difficulty: Beginner"): both are what a reader of
        // the page reads, so neither is a repeat to remove.
        let thread = !plain_text && is_thread(&lines);
        run(&mut lines, None, &|v| {
            let mut found = self.repetition.exact_repeats(v);
            if !plain_text {
                found.retain(|r| !thread && !is_field_line(v[r.index].features));
            }
            found
        });
        run(&mut lines, None, &|v| self.repetition.caption_pairs(v));
        // An HTML page's region was chosen from its structure, which measures better on real
        // pages than the line-shape search (eval-extract on html/ gold: mean F1 0.884 with it
        // skipped, 0.866 with it).
        let found = if doc.origin.markup {
            Vec::new()
        } else {
            let view: Vec<RegionLine<'_>> = lines
                .iter()
                .map(|l| RegionLine {
                    features: &l.features,
                    alive: l.alive(),
                })
                .collect();
            self.region.outside(&view)
        };
        for r in found {
            lines[r.index].remove(r.reason, r.detail);
        }
        let bounds = self.bounds(text, &lines);
        run(&mut lines, bounds, &|v| self.repetition.pull_quotes(v));

        if let Some(b) = bounds {
            let found = {
                let view = position_view(text, &lines);
                let mut found = self.position.trailing(&view, b);
                found.extend(self.position.leading_bylines(&view, b, plain_text));
                found
            };
            for r in found {
                lines[r.index].remove(r.reason, r.detail);
            }
        }
        DocumentLines {
            lines,
            bounds,
            plain_text,
        }
    }

    fn bounds(&self, text: &str, lines: &[Line]) -> Option<StoryBounds> {
        self.position.bounds(&position_view(text, lines))
    }

    /// Remove headline-like lines inside the story that share too few words with it.
    fn unrelated_headlines(
        &self,
        lexicon: &mut Lexicon,
        doc: &Document,
        st: &mut DocumentLines,
        own: &TermSet,
        cluster: &ClusterTerms,
    ) {
        let candidates: Vec<usize> = st.headline_candidates(doc).collect();
        for i in candidates {
            let l = &mut st.lines[i];
            let line = &doc.text[l.span.clone()];
            if let Some(u) = self.similarity.unrelated(lexicon, line, own, cluster) {
                l.remove(
                    "unrelated_headline",
                    format!(
                        "headline-like line; {} of its {} content words ({}) appear neither in \
                         the article's sentences nor in the other reports",
                        u.novel.len(),
                        u.total,
                        u.novel.join(", ")
                    ),
                );
            }
        }
    }
}

fn position_view<'a>(text: &'a str, lines: &'a [Line]) -> Vec<PositionLine<'a>> {
    lines
        .iter()
        .map(|l| PositionLine {
            text: &text[l.span.clone()],
            features: &l.features,
            alive: l.alive(),
            holds_sentence: l.holds_sentence,
        })
        .collect()
}

/// Every non-empty line of `doc` kept, as [`Cleaner::keep_all`] asks.
fn keep_every_line(doc: &Document) -> CleanedDocument {
    let text = doc.text.as_str();
    let mut out = CleanedDocument::default();
    for span in line_spans(text) {
        let raw = &text[span.clone()];
        let trimmed = raw.trim();
        if trimmed.is_empty() {
            continue;
        }
        let start = span.start + (raw.len() - raw.trim_start().len());
        out.kept.push(Block {
            span: start..start + trimmed.len(),
            kind: if LineFeatures::of(trimmed).is_heading() {
                BlockKind::Heading
            } else {
                BlockKind::Paragraph
            },
        });
    }
    out
}

/// Turn the line decisions into kept blocks and removals.
fn finish(mut st: DocumentLines) -> CleanedDocument {
    if st.plain_text {
        st.link_box_headings();
    }
    let mut out = CleanedDocument::default();
    for l in st.lines {
        match l.removal {
            Some((reason, detail)) => out.removed.push(Removal {
                span: l.span,
                reason: reason.to_string(),
                detail,
            }),
            None => out.kept.push(Block {
                span: l.span,
                kind: if l.features.is_heading() {
                    BlockKind::Heading
                } else {
                    BlockKind::Paragraph
                },
            }),
        }
    }
    out
}

/// Byte ranges of the lines of `text`, without line terminators.
pub fn line_spans(text: &str) -> impl Iterator<Item = Range<usize>> + '_ {
    let mut pos = 0;
    text.split_inclusive('\n').map(move |l| {
        let start = pos;
        pos += l.len();
        let body = l.strip_suffix('\n').unwrap_or(l);
        let body = body.strip_suffix('\r').unwrap_or(body);
        start..start + body.len()
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    fn doc(id: &str, lines: &[&str]) -> Document {
        Document::from_text(id, lines.join("\n\n"))
    }

    /// The text of an HTML page's story, as extraction hands it to the cleaner.
    fn html_doc(lines: &[&str]) -> Document {
        let mut d = doc("page", lines);
        d.origin.markup = true;
        d
    }

    fn reasons(d: &Document) -> Vec<String> {
        let c = Cleaner::new(Language::English).clean_document(d);
        c.removed.iter().map(|r| r.reason.clone()).collect()
    }

    #[test]
    fn a_threads_quotes_and_reply_headers_stay_on_an_html_page() {
        let lines = [
            "Which kayak for a first river trip?",
            "I am looking at two boats and cannot decide between them for calm rivers.",
            "Re: Which kayak for a first river trip?",
            "Marta wrote:",
            "I am looking at two boats and cannot decide between them for calm rivers.",
            "Take the shorter one, it turns more easily in narrow bends.",
            "Re: Which kayak for a first river trip?",
            "Both are fine; rent each for a day before you buy one.",
        ];
        assert!(reasons(&html_doc(&lines)).is_empty());
        // Plain text keeps its rule: the later copies are repeats.
        let plain = reasons(&doc("t", &lines));
        assert_eq!(plain.iter().filter(|r| *r == "repeated_line").count(), 2);
    }

    #[test]
    fn repeated_fields_of_listed_items_stay_on_an_html_page() {
        let lines = [
            "Trails near the lake, with their length and difficulty for new walkers.",
            "North loop",
            "Difficulty: Easy",
            "The path follows the shore and crosses two wooden bridges.",
            "Pine ridge",
            "Difficulty: Easy",
            "A slow climb through the pines ends at a view over the valley.",
        ];
        assert!(reasons(&html_doc(&lines)).is_empty());
        assert_eq!(reasons(&doc("t", &lines)), ["repeated_line"]);
    }

    #[test]
    fn a_prompt_inside_a_longer_html_line_stays_and_a_short_one_goes() {
        let lines = [
            "The museum opens its new wing to visitors on Saturday morning.",
            "To see the full list of the exhibits on show this month, please click here.",
            "The wing holds ceramics from three centuries.",
            "Click here for more",
        ];
        assert_eq!(reasons(&html_doc(&lines)), ["link_prompt"]);
        assert_eq!(reasons(&doc("t", &lines)), ["link_prompt", "link_prompt"]);
    }

    #[test]
    fn chinese_sentences_are_prose_and_credits_after_them_go() {
        let lines = [
            "北京启动城市交通改造计划",
            "北京市政府周二宣布，将在明年年初启动新的城市交通改造计划，涉及全市十六个区的主要道路。",
            "专家表示，这一计划的关键在于地铁与公交的衔接，以及老旧小区周边道路的拓宽工程",
            "部分市民对施工期间可能造成的交通拥堵表示担忧，市政府承诺将提前发布绕行方案。",
            "责任编辑：王明",
            "分享到：微信 微博",
        ];
        assert_eq!(
            reasons(&html_doc(&lines)),
            ["after_story_end", "after_story_end"]
        );
    }

    #[test]
    fn a_legal_notice_inside_an_html_story_stays_and_one_at_its_end_goes() {
        let lines = [
            "The river rose two metres overnight and closed the old bridge.",
            "(c) Valley Wire Service",
            "Engineers will inspect the bridge once the water falls.",
            "Copyright 2031 Valley Wire Service. All rights reserved.",
        ];
        assert_eq!(reasons(&html_doc(&lines)), ["legal_notice"]);
        assert_eq!(reasons(&doc("t", &lines)), ["legal_notice", "legal_notice"]);
    }

    fn removed<'a>(d: &'a Document, c: &'a CleanedDocument) -> Vec<(&'a str, &'a str)> {
        c.removed
            .iter()
            .map(|r| (&d.text[r.span.clone()], r.reason.as_str()))
            .collect()
    }

    fn cluster() -> Vec<Document> {
        vec![
            doc(
                "a",
                &[
                    "Harbor fire destroys old pier",
                    "Fire crews fought a blaze on the old pier for three days, officials said.",
                    "Football club signs young striker from abroad",
                    "The warehouses near the pier were evacuated on Monday night.",
                    "What caused the fire?",
                    "Investigators said the cause of the fire was still unknown.",
                    "Share this article",
                ],
            ),
            doc(
                "b",
                &[
                    "Pier blaze forces evacuation",
                    "Police evacuated the warehouses as the fire spread along the pier.",
                    "The mayor said the pier would be rebuilt.",
                ],
            ),
            doc(
                "c",
                &[
                    "Firefighters contain harbor blaze",
                    "Firefighters contained the harbor fire on Wednesday, officials said.",
                    "Harbor Daily / JR / Wire",
                ],
            ),
        ]
    }

    #[test]
    fn cluster_cleaning_removes_furniture_and_keeps_the_story() {
        let docs = cluster();
        let cleaned = Cleaner::default().clean_cluster(&docs);
        assert_eq!(
            removed(&docs[0], &cleaned[0]),
            [
                (
                    "Football club signs young striker from abroad",
                    "unrelated_headline"
                ),
                ("Share this article", "interface_label"),
            ]
        );
        assert!(cleaned[1].removed.is_empty());
        assert_eq!(
            removed(&docs[2], &cleaned[2]),
            [("Harbor Daily / JR / Wire", "credit_line")]
        );
        let kinds: Vec<BlockKind> = cleaned[0].kept.iter().map(|b| b.kind).collect();
        assert_eq!(
            kinds,
            [
                BlockKind::Heading,
                BlockKind::Paragraph,
                BlockKind::Paragraph,
                BlockKind::Heading,
                BlockKind::Paragraph,
            ]
        );
    }

    #[test]
    fn cleaned_text_joins_kept_lines_with_blank_lines() {
        let docs = cluster();
        let cleaned = Cleaner::default().clean_cluster(&docs);
        let text = cleaned[2].text(&docs[2]);
        assert_eq!(
            text,
            "Firefighters contain harbor blaze\n\nFirefighters contained the harbor fire on \
             Wednesday, officials said."
        );
    }

    #[test]
    fn empty_and_blank_documents() {
        let cleaner = Cleaner::default();
        for text in ["", "\n\n", "   \r\n\t"] {
            let c = cleaner.clean_document(&Document::from_text("x", text));
            assert!(c.kept.is_empty() && c.removed.is_empty());
        }
        assert!(cleaner.clean_cluster(&[]).is_empty());
    }
}
