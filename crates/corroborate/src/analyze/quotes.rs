//! Quotes: direct quotations with their speakers, merged across the outlets that carry them.
//!
//! Quotation marks are read per paragraph (“...”, "...", ‘...’, ``...''); a paragraph that
//! opens a quote without closing it continues into the next paragraph when that one opens
//! with a quotation mark. The speaker comes from the words around the quote, resolved to a
//! full name (and a role) with the cluster's entities; pronouns go to the last person named.

mod attribution;
mod gender;
#[cfg_attr(not(feature = "unstable-internals"), allow(dead_code))] // for tests and the lab
pub mod score;

use super::entities::EntityIndex;
use super::{Entity, EntityKind, Mention, Quote, Speaker};
use crate::clean::BlockKind;
use crate::lang::Language;
use crate::prepared::PreparedCluster;
use attribution::Subject;
use gender::Gender;
use std::collections::{BTreeMap, HashMap};
use std::ops::Range;

/// The words this analyzer reads: it reads English rules.
fn lex() -> &'static crate::lang::QuoteWords {
    Language::English.quote_words()
}

/// Quotes with fewer words are scare quotes or phrases ("caliphate", "100 percent").
const MIN_WORDS: usize = 4;

/// The most earlier quotes per shared word a quote is compared with when merging.
const MERGE_CANDIDATES: usize = 64;

/// Which quotation marks a quote uses.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Style {
    Curly,
    Straight,
    Single,
    Duc,
}

impl Style {
    /// The opening mark at the start of `s`, with its byte length.
    fn opening(s: &str, prev: Option<char>) -> Option<(Style, usize)> {
        let c = s.chars().next()?;
        match c {
            '\u{201c}' => Some((Style::Curly, c.len_utf8())),
            '"' => Some((Style::Straight, 1)),
            '\u{2018}' if !prev.is_some_and(char::is_alphanumeric) => {
                Some((Style::Single, c.len_utf8()))
            }
            '`' if s.starts_with("``") => Some((Style::Duc, 2)),
            // Wire copy that opens with two apostrophes (''Put them out ...,'' he said):
            // at a word's start, with a word right after.
            '\'' if s.starts_with("''")
                && !prev.is_some_and(|p| p.is_alphanumeric() || ".,;:!?'".contains(p))
                && s[2..].starts_with(|n: char| n.is_alphanumeric() || n == '(') =>
            {
                Some((Style::Duc, 2))
            }
            _ => None,
        }
    }

    /// The closing mark of this style at the start of `s`, with its byte length.
    fn closing(self, s: &str) -> Option<usize> {
        let c = s.chars().next()?;
        let next = s[c.len_utf8()..].chars().next();
        match (self, c) {
            (Style::Curly, '\u{201d}') => Some(c.len_utf8()),
            (Style::Straight, '"') => Some(1),
            (Style::Single, '\u{2019}') if !next.is_some_and(char::is_alphabetic) => {
                Some(c.len_utf8())
            }
            // `'''` closes an inner quotation, then this one: the last two marks close.
            (Style::Duc, '\'') if s.starts_with("''") && !s.starts_with("'''") => Some(2),
            _ => None,
        }
    }
}

/// One quoted stretch inside one paragraph.
#[derive(Debug, Clone)]
struct Segment {
    /// Byte offset of the opening mark in the document.
    open: usize,
    /// The quoted words (document byte range).
    content: Range<usize>,
    /// Byte offset just after the closing mark, if closed in this paragraph.
    close: Option<usize>,
    /// Index of the block.
    block: usize,
}

/// Quoted segments of one paragraph.
fn segments(text: &str, base: usize, block: usize) -> Vec<Segment> {
    let mut out = Vec::new();
    let mut open: Option<(Style, usize, usize)> = None;
    let mut prev: Option<char> = None;
    let mut i = 0;
    while i < text.len() {
        let rest = &text[i..];
        let c = rest
            .chars()
            .next()
            .expect("i is a char boundary inside text");
        match open {
            None => {
                if let Some((style, len)) = Style::opening(rest, prev) {
                    open = Some((style, i, i + len));
                    i += len;
                    prev = Some(c);
                    continue;
                }
            }
            Some((style, o, cs)) => {
                if let Some(len) = style.closing(rest) {
                    out.push(Segment {
                        open: base + o,
                        content: base + cs..base + i,
                        close: Some(base + i + len),
                        block,
                    });
                    open = None;
                    i += len;
                    prev = Some(c);
                    continue;
                }
            }
        }
        prev = Some(c);
        i += c.len_utf8();
    }
    if let Some((_, o, cs)) = open {
        out.push(Segment {
            open: base + o,
            content: base + cs..base + text.len(),
            close: None,
            block,
        });
    }
    out
}

/// A quotation: one or more segments (a quote running over paragraphs).
#[derive(Debug, Clone)]
struct Chain {
    segments: Vec<Segment>,
}

fn chains(cluster: &PreparedCluster, doc: usize) -> Vec<Chain> {
    let text = &cluster.docs[doc].text;
    let blocks = &cluster.cleaned[doc].kept;
    let mut out: Vec<Chain> = Vec::new();
    let mut continuing = false;
    for (b, block) in blocks.iter().enumerate() {
        if block.kind == BlockKind::Heading {
            continuing = false;
            continue;
        }
        let segs = segments(&text[block.span.clone()], block.span.start, b);
        for (k, seg) in segs.into_iter().enumerate() {
            let opens_block = k == 0 && seg.open == block.span.start;
            let unclosed = seg.close.is_none();
            match out.last_mut() {
                Some(chain) if continuing && opens_block => chain.segments.push(seg),
                _ => out.push(Chain {
                    segments: vec![seg],
                }),
            }
            continuing = unclosed;
        }
        if out
            .last()
            .is_none_or(|c| c.segments.last().is_none_or(|s| s.block != b))
        {
            continuing = false;
        }
    }
    out
}

impl Chain {
    fn first(&self) -> &Segment {
        self.segments.first().expect("a chain has a segment")
    }

    fn last(&self) -> &Segment {
        self.segments.last().expect("a chain has a segment")
    }

    fn text(&self, doc_text: &str) -> String {
        let parts: Vec<&str> = self
            .segments
            .iter()
            .map(|s| doc_text[s.content.clone()].trim())
            .filter(|s| !s.is_empty())
            .collect();
        parts.join(" ")
    }
}

/// Start of the sentence of `doc` that contains byte `offset` (sentences are in text order:
/// a binary search keeps many quotes in one long document linear).
fn sentence_start(cluster: &PreparedCluster, doc: usize, offset: usize) -> Option<usize> {
    let range = cluster.doc_sentences[doc].clone();
    let sentences = &cluster.sentences[range];
    let k = sentences.partition_point(|s| s.span.start <= offset);
    let s = &sentences[k.checked_sub(1)?].span;
    (offset < s.end.max(s.start + 1)).then_some(s.start)
}

/// Start of the last sentence of `doc` that starts before byte `offset`.
fn previous_sentence_start(cluster: &PreparedCluster, doc: usize, offset: usize) -> Option<usize> {
    let range = cluster.doc_sentences[doc].clone();
    let sentences = &cluster.sentences[range];
    let k = sentences.partition_point(|s| s.span.start < offset);
    Some(sentences[k.checked_sub(1)?].span.start)
}

/// The opening of a sentence, where its subject stands: a bounded prefix, so that reading
/// it costs the same in a run-on sentence as in a short one.
fn prefix(text: &str) -> &str {
    let mut end = text.len().min(240);
    while !text.is_char_boundary(end) {
        end -= 1;
    }
    &text[..end]
}

/// The most sentences before a quote read for the person a "he said" refers to.
const LEADING_SENTENCES: usize = 4;

/// The most fronted adverbial phrases read before a sentence's subject.
const FRONTED_ADVERBIALS: usize = 3;

/// The person one of the sentences just before `offset` opens with (not before `floor`,
/// not a sentence that opens with a quotation), nearest first: "Killorin disputed early
/// reports that Rudolph's fingerprints were found. ``...,'' he said" is Killorin's.
fn leading_person(
    ctx: &mut Context<'_>,
    doc: usize,
    offset: usize,
    floor: usize,
    wanted: Option<Gender>,
) -> Option<Subject> {
    let (cluster, entities) = (ctx.cluster, ctx.entities);
    let range = cluster.doc_sentences[doc].clone();
    let sentences = &cluster.sentences[range.clone()];
    let k = sentences.partition_point(|s| s.span.start < offset);
    for (j, s) in sentences[..k]
        .iter()
        .enumerate()
        .rev()
        .take(LEADING_SENTENCES)
    {
        let text = cluster.text(range.start + j);
        let head = prefix(&text[..text.len().min(offset - s.span.start)]);
        let opens_quote = head
            .trim_start()
            .starts_with(['"', '`', '\u{201c}', '\u{2018}', '\'']);
        // Names before the previous quotation are not referents; the sentence that
        // quotation opens still is, through its speaker.
        // Names before the previous quotation's end are not referents, but a sentence the
        // segmenter ran on past it ("... deplored ``...'' At the meeting, X ridiculed")
        // still holds one after it.
        let before_floor = s.span.start < floor && !opens_quote;
        if opens_quote {
            // A sentence that opens with a quotation is led by its speaker.
            // (The sentence may start at the mark or at the words after it.)
            let open = s.span.start + (head.len() - head.trim_start().len());
            let speaker = ctx
                .speakers
                .range((doc, open.saturating_sub(3))..=(doc, open + 3))
                .next()
                .map(|(_, p)| p.clone());
            match speaker {
                Some((Some(p), _)) if ctx.agrees(p, wanted) => {
                    return Some(Subject::Named {
                        name: entities.entities[p].name.clone(),
                        role: None,
                    })
                }
                Some((None, Some(name))) if gender::agrees(gender::of_written(&name), wanted) => {
                    return Some(Subject::Surname(name))
                }
                _ if s.span.start < floor => break,
                _ => continue,
            }
        }
        // The sentence's own subject, and that of any sentence the segmenter ran into it
        // ("... the police said. Deputy Ann Lee defended ..."), nearest first.
        // A dot after an abbreviation ("based in St. Paul, said") ends no sentence; a
        // closing mark after the dot does not hide one (``...enforcement.'' At the").
        let starts = std::iter::once(0).chain(
            head.match_indices(' ')
                .filter(|&(i, _)| {
                    let before = &head[..i];
                    let bare = before.trim_end_matches(['\'', '"', '\u{201d}']);
                    if bare.len() < before.len() {
                        bare.ends_with(['.', '?', '!'])
                    } else {
                        bare.ends_with('.') && !after_abbreviation(bare)
                    }
                })
                .map(|(i, _)| i + 1)
                .filter(|&i| head[i..].starts_with(|c: char| c.is_uppercase())),
        );
        let starts: Vec<usize> = starts
            .filter(|&from| !before_floor || s.span.start + from >= floor)
            .collect();
        // A narrative sentence with a parenthetical attribution ("X's remarks were
        // inspirational, Biggert said, but different"): its speaker.
        if let Some(Subject::Named { name, role }) = said_inside(head)
            .filter(|&i| !before_floor || s.span.start + i >= floor)
            .and_then(|i| attribution::leading_name(&head[i..]))
        {
            let e = ctx.resolve(&name);
            let agrees = match e {
                Some(e) => ctx.agrees(e, wanted),
                None => gender::agrees(gender::of_written(&name), wanted),
            };
            if agrees && ctx.person_like(&name, head) {
                return Some(Subject::Named { name, role });
            }
        }
        // A narrative sentence that ends with its attribution ("..., said Ann Lee, head of
        // the board."): the person after the verb is whom it is about.
        if let Some(Subject::Named { name, role }) = said_at_end(head)
            .filter(|&i| !before_floor || s.span.start + i >= floor)
            .and_then(|i| attribution::after(&head[i..]))
        {
            let e = ctx.resolve(&name);
            let agrees = match e {
                Some(e) => ctx.agrees(e, wanted),
                None => gender::agrees(gender::of_written(&name), wanted),
            };
            let person = e.is_some_and(|e| entities.entities[e].kind == EntityKind::Person)
                || (e.is_none() && name.contains(' '));
            if agrees && person {
                return Some(Subject::Named { name, role });
            }
        }
        for &from in starts.iter().rev() {
            let piece = &head[from..];
            // A subject after fronted adverbials ("In the end, Bush said ...", "At the
            // meeting, in Augusta, Bush said ...").
            let after_adverbial = || {
                let mut rest = piece;
                for _ in 0..FRONTED_ADVERBIALS {
                    let Some(comma) = rest.find(", ") else { break };
                    let lead = &rest[..comma];
                    let short = lead.split_whitespace().count() <= 5;
                    let adverbial = lead.split_whitespace().next().is_some_and(|w| {
                        lex()
                            .fronted_adverbial_openers
                            .contains(&w.to_lowercase().as_str())
                    });
                    if !(short && adverbial) {
                        break;
                    }
                    rest = &rest[comma + 2..];
                }
                (rest.len() < piece.len()).then_some(rest)
            };
            let (piece, found) = match attribution::leading_name(piece) {
                Some(s) => (piece, Some(s)),
                None => match after_adverbial() {
                    Some(rest) => (rest, attribution::leading_name(rest)),
                    None => (piece, None),
                },
            };
            let Some(Subject::Named { name, role }) = found else {
                continue;
            };
            {
                let e = ctx.resolve(&name);
                // The listener of "he told X" is no referent of its pronoun.
                if e.is_some() && e == ctx.excluded {
                    continue;
                }
                if let Some(e) = e.filter(|&e| !ctx.agrees(e, wanted)) {
                    // A bare surname of a family ("Ames, looking drawn, rose" after Mrs. Ames
                    // spoke) is another member when no honorific says otherwise.
                    let honorific = gender::of_honorific(piece, &name);
                    let bare = !name.contains(' ')
                        && entities.entities[e].kind == EntityKind::Person
                        && (honorific.is_none() || honorific == wanted);
                    if bare {
                        return Some(Subject::Surname(name));
                    }
                    break;
                }
                // An unknown name of unknown gender only answers a pronoun without one.
                let agrees = e.is_some() || gender::agrees(gender::of_written(&name), wanted);
                // A name with a title ("Deputy Commissioner Ann Lee") is a person's.
                let titled = role.is_some() && name.contains(' ');
                if agrees
                    && (titled
                        || ctx.person_like(&name, piece)
                        || attribution::speaks(piece, &name))
                {
                    return Some(Subject::Named { name, role });
                }
            }
        }
        if before_floor {
            break;
        }
    }
    None
}

/// Whom a narrative paragraph (`para`, before a quote at `offset`) is about: the person one
/// of its sentences opens with, else the referent of a "He ..." / "She ..." that opens it when
/// it names no person itself (the last person named before it).
fn narrative_subject(
    ctx: &mut Context<'_>,
    doc: usize,
    para: &crate::clean::Block,
    offset: usize,
) -> Option<Subject> {
    if para.kind == BlockKind::Heading {
        return None;
    }
    let start = para.span.start;
    if let Some(s @ (Subject::Named { .. } | Subject::Surname(_))) =
        leading_person(ctx, doc, offset, start, None)
    {
        return Some(s);
    }
    let text = &ctx.cluster.docs[doc].text;
    let first = text.get(start..para.span.end)?.split_whitespace().next()?;
    let wanted = match first.to_lowercase().as_str() {
        "he" => Some(Gender::Male),
        "she" => Some(Gender::Female),
        _ => return None,
    };
    let named_inside = ctx
        .people
        .last_before(doc, para.span.end, |_, _| true)
        .is_some_and(|(_, s)| s >= start);
    if named_inside {
        return None;
    }
    let (e, _) = ctx.people.last_before(doc, start, |e, s| {
        gender::agrees(ctx.genders[e], wanted) && !ctx.is_quoted(s)
    })?;
    Some(Subject::Named {
        name: ctx.entities.entities[e].name.clone(),
        role: None,
    })
}

/// Byte offset in `ctx` of the last "he" / "she" (of gender `g`) that stands as a word.
fn pronoun_offset(ctx: &str, g: Option<Gender>) -> Option<usize> {
    let word = match g? {
        Gender::Male => "he",
        Gender::Female => "she",
    };
    ctx.match_indices(|c: char| c.is_alphabetic())
        .map(|(i, _)| i)
        .rfind(|&i| {
            let starts = i == 0 || !ctx[..i].ends_with(char::is_alphabetic);
            let rest = &ctx[i..];
            starts
                && rest.len() >= word.len()
                && rest.is_char_boundary(word.len())
                && rest[..word.len()].eq_ignore_ascii_case(word)
                && !rest[word.len()..].starts_with(char::is_alphabetic)
        })
}

/// Where the name of a reporting clause inside a sentence opening without quotation marks
/// starts: a parenthetical ", X said," or an apposition ", X, said" (one to three capitalized
/// words after a comma), or an example of a group that speaks ("officials such as X of Y
/// said").
fn said_inside(head: &str) -> Option<usize> {
    if head.contains(['`', '"', '\u{201c}', '\u{201d}']) || head.contains("''") {
        return None;
    }
    let verb = head.rfind(" said").or_else(|| head.rfind(" says"))?;
    let capitalized = |name: &str| {
        let words = name.split(' ').count();
        (1..=3).contains(&words)
            && name.split(' ').all(|w| {
                w.starts_with(char::is_uppercase)
                    && w.chars().all(|c| c.is_alphabetic() || c == '.')
            })
    };
    // "officials such as Kathy Huit of the governor's office said".
    if let Some(such) = head[..verb].rfind("such as ") {
        let start = such + "such as ".len();
        let between = &head[start..verb];
        if between.split(' ').count() <= 8 && !between.contains(',') {
            let name: Vec<&str> = between
                .split(' ')
                .take_while(|w| w.starts_with(char::is_uppercase))
                .collect();
            if !name.is_empty() && capitalized(&name.join(" ")) {
                return Some(start);
            }
        }
    }
    let before = head[..verb].strip_suffix(',').unwrap_or(&head[..verb]);
    let comma = before.rfind(", ")?;
    capitalized(&before[comma + 2..]).then_some(comma + 2)
}

/// Where ", said X" / ", says X" stands in a sentence opening without quotation marks.
fn said_at_end(head: &str) -> Option<usize> {
    if head.contains(['`', '"', '\u{201c}', '\u{201d}']) || head.contains("''") {
        return None;
    }
    head.rfind(", said ").or_else(|| head.rfind(", says "))
}

/// Whether text ends with a short capitalized abbreviation and its dot ("St.", "Mt.",
/// "Gov."), so that what follows goes on the same sentence.
fn after_abbreviation(before: &str) -> bool {
    let t = before.trim_end();
    let Some(stem) = t.strip_suffix('.') else {
        return false;
    };
    let word = stem
        .rsplit(|c: char| !c.is_alphabetic())
        .next()
        .unwrap_or("");
    let lower = word.to_lowercase();
    (2..=4).contains(&word.len())
        && word.starts_with(char::is_uppercase)
        && matches!(
            lower.as_str(),
            "st" | "mt"
                | "ft"
                | "mr"
                | "mrs"
                | "ms"
                | "dr"
                | "gov"
                | "sen"
                | "rep"
                | "gen"
                | "lt"
                | "col"
                | "sgt"
                | "capt"
                | "rev"
                | "prof"
        )
}

/// The person a description with a title refers to: "the judge" -> the last person of this
/// document named with "Judge" before them (or inside the name the entity stage read:
/// "Sheriff Ann Lee") or ", the judge" after them; "the Green chief" -> the last person named
/// right after a title phrase with every capitalized modifier of the description ("Green
/// leader Ann Lee").
fn titled_person(
    people: &People,
    text: &str,
    doc: usize,
    offset: usize,
    description: &str,
) -> Option<usize> {
    let words: Vec<&str> = description.split_whitespace().collect();
    let (article, rest) = words.split_first()?;
    let (title, modifiers) = rest.split_last()?;
    if !article.eq_ignore_ascii_case("the") || modifiers.len() > 3 {
        return None;
    }
    let title = title.to_lowercase();
    // Capitalized modifiers ("Communist" of "the Communist chief"); lowercase ones ("the
    // 36-year-old resident") say nothing a name's neighbours would repeat.
    let marks: Vec<&str> = modifiers
        .iter()
        .copied()
        .filter(|m| m.starts_with(char::is_uppercase))
        .collect();
    if marks.len() < modifiers.len() && !modifiers.is_empty() {
        return None;
    }
    let k = people
        .0
        .partition_point(|&(d, s, _, _)| (d, s) < (doc, offset));
    people.0[..k]
        .iter()
        .rev()
        .take_while(|&&(d, _, _, _)| d == doc)
        .take(200)
        .find(|&&(_, start, end, _)| {
            let before = text.get(start.saturating_sub(40)..start).unwrap_or("");
            let after = text.get(end..(end + 40).min(text.len())).unwrap_or("");
            let written = text.get(start..end).unwrap_or("");
            let clean = |w: &str| w.trim_end_matches([',', ';', '.']).to_lowercase();
            let before_words: Vec<&str> = before.split_whitespace().rev().take(4).collect();
            if !marks.is_empty() {
                // "Communist leader X": the title phrase right before the name holds every
                // capitalized modifier and ends in a title or role word.
                let ends_in_role = before_words.first().is_some_and(|w| {
                    let w = clean(w);
                    w == title || attribution::is_role_or_title(&w)
                });
                return ends_in_role
                    && marks
                        .iter()
                        .all(|m| before_words.iter().skip(1).any(|w| clean(w) == clean(m)));
            }
            let before_title = before_words.first().is_some_and(|w| clean(w) == title);
            // The entity stage may have read the title into the name ("Sheriff Ann Lee",
            // "Polk County Sheriff Ann Lee").
            let written: Vec<&str> = written.split_whitespace().collect();
            let inside = written.len() >= 3
                && written[..written.len() - 2]
                    .iter()
                    .any(|w| clean(w) == title);
            let after_title = after
                .trim_start_matches([',', ' '])
                .split_whitespace()
                .take(3)
                .any(|w| clean(w) == title);
            before_title || inside || after_title
        })
        .map(|&(_, _, _, p)| p)
}

/// Nouns of a description that an organisation stands behind ("the report said", "the
/// group", "the agency"): the description is the organisation named with that noun.
pub(crate) const ORGANISATION_NOUNS: &[&str] = &[
    "report",
    "study",
    "survey",
    "group",
    "organization",
    "organisation",
    "agency",
    "journal",
    "editorial",
    "brochure",
    "commission",
    "committee",
    "association",
    "company",
    "firm",
    "board",
    "panel",
    "institute",
    "council",
    "union",
    "coalition",
    "foundation",
    "department",
    "ministry",
    "movement",
    "party",
    "campaign",
];

/// Nouns of a body (not a document): "the movement said" after a sentence that names one
/// organisation first is that organisation's.
const BODY_NOUNS: &[&str] = &[
    "group",
    "organization",
    "organisation",
    "agency",
    "commission",
    "committee",
    "association",
    "company",
    "firm",
    "movement",
    "party",
    "campaign",
];

/// How far back (bytes) a description looks for the organisation it stands for.
const DESCRIBED_WINDOW: usize = 4000;

/// The organisation a description stands for: for each "the N" in it (N an
/// [`ORGANISATION_NOUNS`] noun, last first), the last organisation of this document, within a
/// few paragraphs, named right before N ("the Amnesty International report", "a Corps
/// brochure"), right after "N by" ("a study by the Centers for ..."), with N ending an
/// apposition after it ("Amnesty International, an anti-death penalty group") or with N in
/// its name ("the journal" -> "Journal of ..."); else the organisation named first after the
/// last "a/an/one ... N" that brought N in ("In a report ..., the Ocean Institute declares");
/// else, for a body ("the movement"), the organisation a sentence just before names first.
fn described_organisation(
    orgs: &People,
    entities: &EntityIndex,
    text: &str,
    doc: usize,
    offset: usize,
    description: &str,
) -> Option<usize> {
    let words: Vec<String> = description
        .split_whitespace()
        .map(|w| {
            w.trim_matches(|c: char| !c.is_alphanumeric())
                .to_lowercase()
        })
        .collect();
    let nouns = words.iter().enumerate().rev().filter(|&(k, w)| {
        ORGANISATION_NOUNS.contains(&w.as_str())
            && words[..k]
                .iter()
                .rev()
                .take(3)
                .any(|d| matches!(d.as_str(), "the" | "a" | "an" | "its" | "their"))
    });
    let k = orgs
        .0
        .partition_point(|&(d, s, _, _)| (d, s) < (doc, offset));
    let recent = || {
        orgs.0[..k]
            .iter()
            .rev()
            .take_while(|&&(d, s, _, _)| d == doc && s + DESCRIBED_WINDOW >= offset)
            .take(200)
    };
    let is_org = |e: usize| entities.entities[e].kind == EntityKind::Organization;
    for (_, noun) in nouns {
        let found = recent().find(|&&(_, start, end, e)| {
            let after = text.get(end..(end + 80).min(text.len())).unwrap_or("");
            let after = after.strip_prefix("'s").unwrap_or(after);
            let next: Vec<String> = after
                .split_whitespace()
                .map(|w| w.to_lowercase())
                .take(9)
                .collect();
            let adjacent = next
                .first()
                .is_some_and(|w| w.trim_end_matches([',', '.']) == noun);
            // ", a/an/the ... N" up to the apposition's end (a comma standing alone after
            // the name opens it, it does not end it).
            let rest = match next.first().map(String::as_str) {
                Some(",") => &next[1..],
                _ => &next[..],
            };
            let apposition = after.trim_start().starts_with(',')
                && rest
                    .first()
                    .is_some_and(|w| matches!(w.trim_start_matches(','), "" | "a" | "an" | "the"))
                && rest
                    .iter()
                    .take_while(|w| !w.starts_with('('))
                    .scan(false, |ended, w| {
                        let r = (!*ended).then_some(w);
                        *ended |= w.ends_with([',', '.', ';']);
                        r
                    })
                    .any(|w| w.trim_end_matches([',', '.', ';']) == noun);
            // "a study by (the) X".
            let before = text.get(start.saturating_sub(40)..start).unwrap_or("");
            let by: Vec<String> = before
                .split_whitespace()
                .rev()
                .take(3)
                .map(|w| w.to_lowercase())
                .collect();
            let by_noun = by.iter().position(|w| w == "by").is_some_and(|i| {
                by.get(i + 1)
                    .is_some_and(|w| w.trim_end_matches(['.', ',']) == noun)
            });
            // "the journal" for the "Journal of ..." (a name word, capitalized).
            let named = is_org(e)
                && entities.entities[e]
                    .name
                    .split_whitespace()
                    .any(|w| w.starts_with(char::is_uppercase) && w.to_lowercase() == *noun);
            adjacent || apposition || by_noun || named
        });
        if let Some(&(_, _, _, e)) = found {
            return Some(e);
        }
        if let Some(e) = introduced_with(orgs, &is_org, text, doc, offset, noun) {
            return Some(e);
        }
        if BODY_NOUNS.contains(&noun.as_str()) {
            if let Some(e) = first_of_previous_sentence(orgs, &is_org, text, doc, offset) {
                return Some(e);
            }
        }
    }
    None
}

/// Bounds of the sentence around byte `at` of `text`, by its dots and paragraph breaks (the
/// context of a noun, not the segmenter's sentence).
/// Both ends are looked for within [`LOOKBACK`] bytes of `at`.
fn rough_sentence(text: &str, at: usize) -> Range<usize> {
    let head = lookback(text, at).unwrap_or("");
    let base = at - head.len();
    let start = [". ", ".\n", "\n\n", "? ", "! "]
        .iter()
        .filter_map(|p| head.rfind(p).map(|i| base + i + 2))
        .max()
        .unwrap_or(base);
    let mut limit = at.saturating_add(LOOKBACK).min(text.len());
    while !text.is_char_boundary(limit) {
        limit -= 1;
    }
    let tail = text.get(at..limit).unwrap_or("");
    let end = [". ", "\n\n"]
        .iter()
        .filter_map(|p| tail.find(p).map(|i| at + i + 1))
        .min()
        .unwrap_or(limit);
    start.min(at)..end.max(at)
}

/// Bytes before a quote that the name and description lookups read: each lookup costs at
/// most this much, so a long document with many quotes stays linear.
const LOOKBACK: usize = 16_000;

/// The last [`LOOKBACK`] bytes of `text[..offset]` (from a character boundary), `None` when
/// `offset` is not a boundary of `text`.
fn lookback(text: &str, offset: usize) -> Option<&str> {
    let before = text.get(..offset)?;
    let mut start = offset.saturating_sub(LOOKBACK);
    while !before.is_char_boundary(start) {
        start += 1;
    }
    before.get(start..)
}

/// The text before each whole-word `surname` in `before` that a space precedes (where a
/// given name may stand).
fn heads_before_surname<'a>(before: &'a str, surname: &'a str) -> impl Iterator<Item = &'a str> {
    before.match_indices(surname).filter_map(move |(at, _)| {
        let after_ok = before[at + surname.len()..]
            .chars()
            .next()
            .is_none_or(|c| !c.is_alphanumeric());
        before[..at].strip_suffix(' ').filter(|_| after_ok)
    })
}

/// The organisation named first after the last "a/an/one (up to two words) N" of `doc` before
/// `offset` in that sentence (else first in the sentence before the noun).
fn introduced_with(
    orgs: &People,
    is_org: &impl Fn(usize) -> bool,
    text: &str,
    doc: usize,
    offset: usize,
    noun: &str,
) -> Option<usize> {
    let before = text.get(offset.saturating_sub(DESCRIBED_WINDOW)..offset)?;
    let base = offset - before.len();
    let mut at = None;
    for (i, _) in before.match_indices(noun) {
        let word_start = i == 0 || !before[..i].ends_with(|c: char| c.is_alphanumeric());
        let word_end = !before[i + noun.len()..].starts_with(|c: char| c.is_alphanumeric());
        let lead: Vec<String> = before[..i]
            .split_whitespace()
            .rev()
            .take(3)
            .map(|w| w.to_lowercase())
            .collect();
        let indefinite = lead
            .iter()
            .position(|w| matches!(w.as_str(), "a" | "an" | "one"))
            .is_some_and(|p| lead[..p].iter().all(|w| w.chars().all(char::is_alphabetic)));
        if word_start && word_end && indefinite {
            at = Some(base + i);
        }
    }
    let at = at?;
    let sentence = rough_sentence(text, at);
    let in_sentence = |&&(d, s, e, p): &&(usize, usize, usize, usize)| {
        d == doc && s >= sentence.start && e <= sentence.end && is_org(p)
    };
    let k = orgs
        .0
        .partition_point(|&(d, s, _, _)| (d, s) < (doc, sentence.start));
    let mentions = || orgs.0[k..].iter().take(100).filter(in_sentence);
    mentions()
        .find(|&&(_, s, _, _)| s > at)
        .or_else(|| mentions().next())
        .map(|&(_, _, _, p)| p)
}

/// The organisation named first in the nearest of the two sentences before the one that
/// holds byte `offset`.
fn first_of_previous_sentence(
    orgs: &People,
    is_org: &impl Fn(usize) -> bool,
    text: &str,
    doc: usize,
    offset: usize,
) -> Option<usize> {
    let mut end = rough_sentence(text, offset).start;
    for _ in 0..2 {
        let Some(last) = end.checked_sub(2).filter(|&l| text.is_char_boundary(l)) else {
            break;
        };
        let sentence = rough_sentence(text, last);
        let k = orgs
            .0
            .partition_point(|&(d, s, _, _)| (d, s) < (doc, sentence.start));
        let first = orgs.0[k..]
            .iter()
            .take_while(|&&(d, s, _, _)| d == doc && s < sentence.end)
            .find(|&&(_, _, _, p)| is_org(p));
        if let Some(&(_, _, _, p)) = first {
            return Some(p);
        }
        end = sentence.start;
    }
    None
}

/// The most mentions a bounded look-back over a paragraph reads.
const MENTIONS_READ: usize = 200;

/// Person mentions in text order, for "the last person named before here".
struct People(Vec<(usize, usize, usize, usize)>);

impl People {
    fn new(entities: &EntityIndex) -> Self {
        Self::of_kind(entities, |k| k == EntityKind::Person)
    }

    /// Mentions of entities of the kinds `kind` accepts, in text order.
    fn of_kind(entities: &EntityIndex, kind: impl Fn(EntityKind) -> bool) -> Self {
        let mut all: Vec<(usize, usize, usize, usize)> = entities
            .mentions
            .iter()
            .filter(|m| {
                let e = &entities.entities[m.entity];
                // A lone letter ("X" of "X-rays") is no one's name.
                kind(e.kind) && e.name.chars().count() > 1
            })
            .map(|m| {
                (
                    m.mention.doc,
                    m.mention.span.start,
                    m.mention.span.end,
                    m.entity,
                )
            })
            .collect();
        all.sort_unstable();
        Self(all)
    }

    /// The last person mentioned in `doc` before byte `offset` (a binary search, then back
    /// over the mentions that start before it).
    fn last_before(
        &self,
        doc: usize,
        offset: usize,
        agrees: impl Fn(usize, usize) -> bool,
    ) -> Option<(usize, usize)> {
        let k = self
            .0
            .partition_point(|&(d, s, _, _)| (d, s) < (doc, offset));
        self.0[..k]
            .iter()
            .rev()
            .take_while(|&&(d, _, _, _)| d == doc)
            .find(|&&(_, s, e, p)| e <= offset && agrees(p, s))
            .map(|&(_, s, _, p)| (p, s))
    }
}

impl People {
    /// Whether a person is mentioned in `doc` inside `range` at a start that `keep` accepts
    /// (the last [`MENTIONS_READ`] mentions before its end are read).
    fn named_between(&self, doc: usize, range: Range<usize>, keep: impl Fn(usize) -> bool) -> bool {
        let k = self
            .0
            .partition_point(|&(d, s, _, _)| (d, s) < (doc, range.end));
        self.0[..k]
            .iter()
            .rev()
            .take_while(|&&(d, s, _, _)| d == doc && s >= range.start)
            .take(MENTIONS_READ)
            .any(|&(_, s, _, _)| keep(s))
    }

    /// The text of the mention of `doc` that starts at byte `start`.
    fn written<'t>(&self, text: &'t str, doc: usize, start: usize) -> Option<&'t str> {
        let k = self
            .0
            .partition_point(|&(d, s, _, _)| (d, s) < (doc, start));
        let &(d, s, e, _) = self.0.get(k)?;
        (d == doc && s == start).then(|| text.get(s..e)).flatten()
    }
}

/// What resolving speakers reads and remembers across the quotes of a cluster.
struct Context<'a> {
    cluster: &'a PreparedCluster,
    entities: &'a EntityIndex,
    people: People,
    /// Mentions of everything but people in text order, for "the report said".
    orgs: People,
    /// The gender of each entity.
    genders: Vec<Option<Gender>>,
    /// Names already resolved to entities.
    resolved: HashMap<String, Option<usize>>,
    /// The quoted words of the current document (byte ranges, in order): the names
    /// inside them are not referents of a "he said".
    quoted: Vec<Range<usize>>,
    /// The person and the speaker's name each quotation found so far is given, by
    /// (document, opening mark).
    speakers: BTreeMap<(usize, usize), (Option<usize>, Option<String>)>,
    /// The person the current quote's pronoun cannot be: the listener of "he told X", the
    /// previous speaker of a "she replied".
    excluded: Option<usize>,
}

impl Context<'_> {
    /// Whether byte `at` of the current document is inside a quotation.
    fn is_quoted(&self, at: usize) -> bool {
        let k = self.quoted.partition_point(|r| r.start <= at);
        k > 0 && self.quoted[k - 1].contains(&at)
    }

    fn resolve(&mut self, name: &str) -> Option<usize> {
        let entities = self.entities;
        *self
            .resolved
            .entry(name.to_string())
            .or_insert_with(|| entities.resolve(name))
    }

    /// Whether entity `e` can be what a pronoun of gender `wanted` refers to.
    fn agrees(&self, e: usize, wanted: Option<Gender>) -> bool {
        gender::agrees(self.genders[e], wanted) && self.excluded != Some(e)
    }

    /// Whether a name read from a sentence opening is a person: a person entity, an unknown
    /// name of two words or more, or a single word with an honorific ("Mrs. Lindqvist") or
    /// that is the surname of a person named in the cluster ("Jones").
    fn person_like(&mut self, name: &str, head: &str) -> bool {
        let entities = self.entities;
        // A name of two words or more opening with a given name ("Victor Rodriguez") is a
        // person's even where the entity stage took it for something else.
        let given_first = name.split_whitespace().count() >= 2
            && name
                .split_whitespace()
                .next()
                .and_then(|f| crate::lang::english_names::given_name(&f.to_lowercase()))
                .is_some_and(|g| g.marks_person);
        match self.resolve(name).map(|e| entities.entities[e].kind) {
            Some(EntityKind::Person) => true,
            Some(_) => given_first || attribution::person_apposition(head, name),
            None => {
                attribution::person_apposition(head, name)
                    || name.split_whitespace().count() >= 2
                    || crate::lang::english_names::given_name(&name.to_lowercase())
                        .is_some_and(|g| g.marks_person)
                    || honorific_before(head, name)
                    || entities.is_surname(name)
            }
        }
    }
}

/// Whether `name` stands in `head` right after "Mr.", "Mrs.", "Ms." or "Dr.".
fn honorific_before(head: &str, name: &str) -> bool {
    head.find(name)
        .map(|at| head[..at].trim_end())
        .is_some_and(|h| {
            h.ends_with("Mr.") || h.ends_with("Mrs.") || h.ends_with("Ms.") || h.ends_with("Dr.")
        })
}

/// Where a role was seen for a person: documents, and the first (document, offset).
type RoleSeen = (Vec<usize>, (usize, usize));

/// A quote found in one document, before merging.
#[derive(Debug, Clone)]
struct Found {
    text: String,
    speaker: Option<Speaker>,
    /// Resolved person entity, for roles.
    person: Option<usize>,
    role: Option<String>,
    mention: Mention,
}

/// Find the quotes of a cluster.
pub(crate) fn find(cluster: &PreparedCluster, entities: &EntityIndex) -> Vec<Quote> {
    let mut found: Vec<Found> = Vec::new();
    // Roles seen for each person: role -> (docs, first position).
    let mut roles: BTreeMap<usize, BTreeMap<String, RoleSeen>> = BTreeMap::new();
    let mut ctx = Context {
        cluster,
        entities,
        people: People::new(entities),
        // Not only organisations: the entity stage takes some for places or others.
        orgs: People::of_kind(entities, |k| k != EntityKind::Person),
        genders: gender::genders(cluster, entities),
        resolved: HashMap::new(),
        quoted: Vec::new(),
        speakers: BTreeMap::new(),
        excluded: None,
    };
    for doc in 0..cluster.docs.len() {
        let text = &cluster.docs[doc].text;
        let blocks = &cluster.cleaned[doc].kept;
        let doc_chains = chains(cluster, doc);
        ctx.quoted = doc_chains
            .iter()
            .flat_map(|c| c.segments.iter().map(|s| s.content.clone()))
            .collect();
        // The previous quotation: its last block, subject, person and end.
        let mut previous: Option<(usize, Option<Subject>, Option<usize>, usize)> = None;
        let mut previous_name: Option<String> = None;
        for (ci, chain) in doc_chains.iter().enumerate() {
            let first = chain.first();
            let last = chain.last();
            let block = &blocks[first.block];
            // Context before: from the sentence start (or the previous quote's end).
            let prev_close = ci
                .checked_sub(1)
                .and_then(|p| doc_chains[p].last().close)
                .filter(|&c| c >= block.span.start && c <= first.open);
            let sent = sentence_start(cluster, doc, first.open).unwrap_or(block.span.start);
            let from = prev_close
                .unwrap_or(block.span.start)
                .max(sent.max(block.span.start));
            let before_ctx = &text[from.min(first.open)..first.open];
            // Context after: to the end of the paragraph or the next quote.
            let after_ctx = match last.close {
                Some(c) => {
                    let lb = &blocks[last.block];
                    let next_open = doc_chains
                        .get(ci + 1)
                        .map(|n| n.first().open)
                        .filter(|&o| o >= c && o <= lb.span.end)
                        .unwrap_or(lb.span.end);
                    &text[c..next_open]
                }
                None => "",
            };
            let quote_text = chain.text(text);
            let ends_open =
                quote_text.ends_with([',', '?', '!']) || after_ctx.trim_start().starts_with(',');
            let subject = attribution::after(after_ctx).filter(|s| {
                // A partial quote inside a sentence whose attribution follows after a
                // comma: "After drinking ``...'' at the bar, he said they left".
                let clause = after_ctx.split(['.', '!', '?', ';']).next().unwrap_or("");
                let comma_subject = matches!(s, Subject::Pronoun(_) | Subject::Named { .. })
                    && clause.contains(',');
                ends_open
                    || comma_subject
                    || !after_ctx
                        .trim_start()
                        .starts_with(|c: char| c.is_lowercase())
            });
            // A pronoun read before the quote refers to someone named before it, not to a
            // person named between it and the quote ("She asks that X be ordered to stop
            // ``...''"): where it stands.
            let pronoun_at = match (&subject, attribution::before(before_ctx)) {
                (None, Some(Subject::Pronoun(g))) => pronoun_offset(before_ctx, g)
                    .map(|i| from.min(first.open) + i)
                    .filter(|&at| at < first.open),
                _ => None,
            };
            let subject = subject.or_else(|| attribution::before(before_ctx));
            // A quote inside a sentence with no attribution read: the person the sentence
            // opens with ("Still, Ulrich, who ..., admitted he ``can barely ...''").
            let sentence_head = prefix(&text[sent.min(first.open)..first.open]);
            let subject = subject.or_else(|| {
                let inside =
                    !before_ctx.trim().is_empty() && !after_ctx.trim_start().starts_with(',');
                match attribution::leading_name(sentence_head).filter(|_| inside) {
                    Some(Subject::Named { name, role })
                        if ctx.person_like(&name, sentence_head) =>
                    {
                        Some(Subject::Named { name, role })
                    }
                    _ => None,
                }
            });
            // A quote that opens its paragraph, or opens a sentence right after another
            // quote, continues the previous speaker ("...," he said. "..."); so does a
            // quote that follows another in the same sentence ("called him ``a survivor''
            // whose ``...''").
            let opens_sentence = before_ctx.trim().is_empty();
            let same_sentence = prev_close.is_some_and(|c| c > sent);
            // A quote that opens a sentence after a narrative sentence of its paragraph
            // (no quotation before it there) is the words of that sentence's subject
            // ("Although Judge X upheld the law, he criticized it. ``...''"), not of the
            // previous paragraph's speaker.
            let after_narrative = subject.is_none()
                && opens_sentence
                && prev_close.is_none()
                && first.open > block.span.start;
            let subject = match subject {
                None if after_narrative => {
                    let previous_sentence = previous_sentence_start(cluster, doc, sent)
                        .filter(|&s| s >= block.span.start);
                    previous_sentence.and_then(|floor| {
                        match leading_person(&mut ctx, doc, first.open, floor, None) {
                            Some(s @ (Subject::Named { .. } | Subject::Surname(_))) => Some(s),
                            _ => None,
                        }
                    })
                }
                other => other,
            };
            let inherited = subject.is_none();
            // No reporting verb before the quote in its sentence, and no person named in
            // its paragraph before it (outside quotations).
            let nobody_before = || {
                !attribution::has_reporting_verb(before_ctx)
                    && !ctx
                        .people
                        .named_between(doc, block.span.start..first.open, |s| !ctx.is_quoted(s))
            };
            let subject = match subject {
                Some(s) => Some(s),
                None if first.open == block.span.start
                    || opens_sentence
                    || same_sentence
                    || nobody_before() =>
                {
                    previous
                        .as_ref()
                        .filter(|(pb, _, _, _)| first.block <= pb + 1)
                        .and_then(|(_, s, _, _)| s.clone())
                }
                None => None,
            };
            // A paragraph that opens with an unattributed quote after a narrative paragraph
            // (no quotation there) is the words of whom that paragraph is about.
            let subject = match subject {
                None if first.open == block.span.start
                    && !attribution::verb_beside(before_ctx, after_ctx)
                    && previous
                        .as_ref()
                        .is_none_or(|(pb, _, _, _)| first.block > pb + 1) =>
                {
                    first
                        .block
                        .checked_sub(1)
                        .and_then(|b| narrative_subject(&mut ctx, doc, &blocks[b], first.open))
                }
                other => other,
            };
            // "He said" after a quote that follows another speaker's quote names someone
            // mentioned since that quote (names inside it are quoted words, not the
            // speaker); with nobody mentioned since, the previous speaker goes on.
            let floor = previous
                .as_ref()
                .filter(|(pb, _, _, _)| first.block <= pb + 1)
                .map_or(0, |p| p.3);
            // A quote that goes on from the previous one keeps its speaker.
            let floor = if inherited { first.open } else { floor };
            // "``...,'' he told Mallot": not Mallot; "``...,'' she replied" after another
            // speaker's quote: not that speaker.
            let reply = attribution::replies(after_ctx);
            ctx.excluded = match attribution::listener(after_ctx) {
                Some(listener) => ctx.resolve(&listener),
                None if reply => previous
                    .as_ref()
                    .filter(|(pb, _, _, _)| first.block <= pb + 1)
                    .and_then(|p| p.2),
                None => None,
            };
            // "He said": the person a recent sentence opens with (its subject) is the
            // likeliest referent, before the last name mentioned.
            let subject = match subject {
                Some(Subject::Pronoun(g)) if !inherited => Some(
                    leading_person(&mut ctx, doc, pronoun_at.unwrap_or(first.open), floor, g)
                        .unwrap_or(Subject::Pronoun(g)),
                ),
                other => other,
            };
            let (speaker, person, role) = resolve(
                subject.as_ref(),
                &mut ctx,
                &At {
                    text,
                    doc,
                    offset: pronoun_at.unwrap_or(first.open),
                    floor,
                    previous_person: previous.as_ref().and_then(|p| p.2).filter(|_| !reply),
                    previous_name: previous_name.as_deref().filter(|_| !reply),
                },
            );
            ctx.excluded = None;
            // The person as this document names them ("Randolph Evans" where the cluster's
            // name is "Randy Evans").
            let speaker = speaker.map(|mut sp| {
                if let Some(e) = person.filter(|&e| sp.name == entities.entities[e].name) {
                    if let Some(own) = document_name(text, first.open, &entities.entities[e]) {
                        sp.name = own;
                    }
                }
                sp
            });
            if let (Some(p), Some(r)) = (person, role.as_ref()) {
                let entry = roles
                    .entry(p)
                    .or_default()
                    .entry(r.clone())
                    .or_insert((Vec::new(), (doc, first.open)));
                if !entry.0.contains(&doc) {
                    entry.0.push(doc);
                }
            }
            let name = speaker.as_ref().map(|s| s.name.clone());
            ctx.speakers
                .insert((doc, first.open), (person, name.clone()));
            // A named speaker without an entity, for a "she said" that follows.
            previous_name = name.filter(|n| person.is_none() && n.starts_with(char::is_uppercase));
            previous = Some((
                last.block,
                subject.clone(),
                person,
                last.close.unwrap_or(last.content.end),
            ));
            if quote_text.split_whitespace().count() < MIN_WORDS {
                continue;
            }
            // A title, slogan or name in quotation marks, said by nobody: not a quotation.
            let title_like = quote_text
                .split_whitespace()
                .all(|w| !w.chars().next().is_some_and(char::is_lowercase));
            // Unless a reporting verb stands right beside it (``It's Moving Day!'' taunted
            // one of them).
            let spoken =
                quote_text.ends_with(['!', '?']) || attribution::verb_beside(before_ctx, after_ctx);
            if speaker.is_none() && title_like && !spoken {
                continue;
            }
            let content_end = last.content.end;
            found.push(Found {
                text: quote_text,
                speaker,
                person,
                role,
                mention: Mention {
                    doc,
                    span: first.content.start..content_end,
                },
            });
        }
    }
    // One role per person: seen in most documents, then first seen.
    let best_role: BTreeMap<usize, String> = roles
        .into_iter()
        .filter_map(|(p, rs)| {
            rs.into_iter()
                .max_by(|a, b| a.1 .0.len().cmp(&b.1 .0.len()).then(b.1 .1.cmp(&a.1 .1)))
                .map(|(r, _)| (p, r))
        })
        .collect();
    for f in &mut found {
        if let (Some(p), Some(s)) = (f.person, f.speaker.as_mut()) {
            s.role = best_role.get(&p).cloned().or(f.role.clone());
        }
    }
    merge(found)
}

/// Where a quote stands, for resolving who said it.
#[derive(Clone, Copy)]
struct At<'a> {
    /// The document's text.
    text: &'a str,
    /// The document.
    doc: usize,
    /// Byte offset of the opening mark.
    offset: usize,
    /// End of the previous quote nearby (0 when none): names before it are not referents.
    floor: usize,
    /// The previous quote's person.
    previous_person: Option<usize>,
    /// The previous quote's speaker when no entity of the cluster is (a name as written).
    previous_name: Option<&'a str>,
}

/// Turn what the text says about the speaker into a [`Speaker`].
fn resolve(
    subject: Option<&Subject>,
    ctx: &mut Context<'_>,
    at: &At<'_>,
) -> (Option<Speaker>, Option<usize>, Option<String>) {
    let entities = ctx.entities;
    let At {
        text,
        doc,
        offset,
        floor,
        previous_person,
        previous_name,
    } = *at;
    let person_speaker = |e: usize, role: Option<String>| {
        let entity = &entities.entities[e];
        (
            Some(Speaker {
                name: entity.name.clone(),
                role: role.clone(),
            }),
            (entity.kind == EntityKind::Person).then_some(e),
            role,
        )
    };
    match subject {
        None => (None, None, None),
        Some(Subject::Named { name, role }) => match ctx.resolve(name) {
            Some(e) if other_given_name(name, &entities.entities[e].name) => {
                // "Al Burke" read where the cluster's Burke is "Sean Burke": another person
                // of the family; "Kenneth Trump" for "Ken Trump": the same, named as here.
                let (written, canonical) = (given(name), given(&entities.entities[e].name));
                let same = written.starts_with(&canonical) || canonical.starts_with(&written);
                let person = (same && entities.entities[e].kind == EntityKind::Person).then_some(e);
                (
                    Some(Speaker {
                        name: name.clone(),
                        role: role.clone(),
                    }),
                    person,
                    role.clone().filter(|_| person.is_some()),
                )
            }
            Some(e) => match family_member(text, offset, name, &entities.entities[e]) {
                // "Burke said" in a document that names only "Al Burke", where the
                // cluster's Burke is "Sean Burke": the document's Burke.
                Some(full) => (
                    Some(Speaker {
                        name: full,
                        role: role.clone(),
                    }),
                    None,
                    None,
                ),
                None => person_speaker(e, role.clone()),
            },
            None => (
                Some(Speaker {
                    name: name.clone(),
                    role: role.clone(),
                }),
                None,
                None,
            ),
        },
        Some(Subject::Pronoun(_)) | Some(Subject::Implicit) => {
            let wanted = match subject {
                Some(Subject::Pronoun(g)) => *g,
                _ => None,
            };
            let last = ctx.people.last_before(doc, offset, |e, start| {
                ctx.agrees(e, wanted) && !ctx.is_quoted(start)
            });
            let since = last.filter(|&(_, start)| start >= floor).map(|(e, _)| e);
            let previous_person = previous_person.filter(|&e| ctx.agrees(e, wanted));
            // The previous speaker named without an entity ("Mrs. Ames") goes on before a
            // person named further back.
            if let (None, None, Some(name)) = (since, previous_person, previous_name) {
                if gender::agrees(gender::of_written(name), wanted) {
                    return (
                        Some(Speaker {
                            name: name.to_string(),
                            role: None,
                        }),
                        None,
                        None,
                    );
                }
            }
            let chosen = match (since, previous_person) {
                (Some(e), _) => last.filter(|&(p, _)| p == e),
                (None, Some(_)) => None,
                (None, None) => last,
            };
            match since.or(previous_person).or(last.map(|(e, _)| e)) {
                Some(e) => {
                    let mut out = person_speaker(e, None);
                    // The person as this document names them ("Kenneth Trump" where the
                    // cluster's name is "Ken Trump").
                    if let Some(written) =
                        chosen.and_then(|(_, s)| ctx.people.written(text, doc, s))
                    {
                        if other_given_name(written, &entities.entities[e].name) {
                            if let Some(sp) = out.0.as_mut() {
                                sp.name = written.to_string();
                            }
                        }
                    }
                    out
                }
                None => (None, None, None),
            }
        }
        Some(Subject::Surname(name)) => (
            Some(Speaker {
                name: name.clone(),
                role: None,
            }),
            None,
            None,
        ),
        Some(Subject::Description(d)) => match titled_person(&ctx.people, text, doc, offset, d)
            .or_else(|| described_organisation(&ctx.orgs, entities, text, doc, offset, d))
        {
            Some(e) => person_speaker(e, None),
            None => (
                Some(Speaker {
                    name: lowercase_determiner(d),
                    role: None,
                }),
                None,
                None,
            ),
        },
    }
}

/// For a bare surname that resolved to a person whose full name this document does not
/// write in the [`LOOKBACK`] bytes before `offset`: the last other full name with that surname it does write ("Al
/// Burke" where the cluster's Burke is "Sean Burke"), for another member of a family.
fn family_member(text: &str, offset: usize, surname: &str, entity: &Entity) -> Option<String> {
    if surname.contains(' ') || entity.kind != EntityKind::Person {
        return None;
    }
    let full = &entity.name;
    let before = lookback(text, offset)?;
    if !full.contains(' ') || before.contains(full.as_str()) {
        return None;
    }
    let mut found = None;
    for head in heads_before_surname(before, surname) {
        let given = head
            .rsplit(|c: char| !c.is_alphanumeric())
            .next()
            .unwrap_or("");
        let lower = given.to_lowercase();
        let name_like = given.chars().count() >= 2
            && given.starts_with(char::is_uppercase)
            && given.chars().skip(1).all(char::is_lowercase)
            && crate::lang::english_names::given_name(&lower).is_some();
        if name_like {
            found = Some(format!("{given} {surname}"));
        }
    }
    found.filter(|f| f != full)
}

/// For a person whose full name this document does not write in the [`LOOKBACK`] bytes
/// before `offset`: the last full name it does write there with their surname and a variant of their first name (both start
/// with the same three letters: "Randolph Evans" for "Randy Evans", "Kenneth S. Trump" for
/// "Ken Trump"), so that the speaker reads as the document names them.
fn document_name(text: &str, offset: usize, entity: &Entity) -> Option<String> {
    let full = entity.name.as_str();
    let (first, surname) = (full.split_whitespace().next()?, full.rsplit(' ').next()?);
    let canonical = first.to_lowercase();
    let before = lookback(text, offset)?;
    if full == surname || canonical.chars().count() < 3 || before.contains(full) {
        return None;
    }
    let stem: String = canonical.chars().take(3).collect();
    let mut found = None;
    for head in heads_before_surname(before, surname) {
        let mut words = head.rsplit(' ');
        let mut given = words.next().unwrap_or("");
        // A middle initial ("Kenneth S. Trump").
        let initial = (given.len() == 2
            && given.ends_with('.')
            && given.starts_with(|c: char| c.is_ascii_uppercase()))
        .then_some(given);
        if initial.is_some() {
            given = words.next().unwrap_or("");
        }
        let lower = given.to_lowercase();
        let variant = given.chars().count() >= 3
            && given.starts_with(char::is_uppercase)
            && given.chars().skip(1).all(char::is_lowercase)
            && lower != canonical
            && lower.starts_with(&stem);
        if variant {
            found = Some(match initial {
                Some(i) => format!("{given} {i} {surname}"),
                None => format!("{given} {surname}"),
            });
        }
    }
    found
}

/// The lowercased first word of a name of two words or more ("" for one word).
fn given(name: &str) -> String {
    let mut words = name.split_whitespace();
    match (words.next(), words.next()) {
        (Some(first), Some(_)) => first.trim_end_matches('.').to_lowercase(),
        _ => String::new(),
    }
}

/// Whether a name read in the text ("Al Burke") gives another first name than the entity it
/// resolved to ("Sean Burke"): both have one, they differ, and neither is an initial.
fn other_given_name(written: &str, canonical: &str) -> bool {
    let (w, c) = (given(written), given(canonical));
    w.chars().count() > 1 && c.chars().count() > 1 && w != c
}

/// A description as it reads inside a sentence: a determiner capitalized only because it
/// opened one is lowercased ("The resolution" -> "the resolution").
fn lowercase_determiner(d: &str) -> String {
    let first = d.split_whitespace().next().unwrap_or("");
    if matches!(
        first,
        "The" | "A" | "An" | "One" | "Another" | "Some" | "Two" | "Three"
    ) {
        let mut out = first.to_lowercase();
        out.push_str(&d[first.len()..]);
        out
    } else {
        d.to_string()
    }
}

/// Lowercased words of a quote, for comparing outlets' versions.
fn normalized_words(text: &str) -> Vec<String> {
    text.split(|c: char| !c.is_alphanumeric())
        .filter(|w| !w.is_empty())
        .map(str::to_lowercase)
        .collect()
}

/// Whether two versions of a quote are the same quote: most of the shorter one's words
/// (all of them when one contains the other) are in the longer one.
fn same_quote(a: &QuoteWords, b: &QuoteWords) -> bool {
    let (short, long) = if a.count <= b.count { (a, b) } else { (b, a) };
    if short.count < MIN_WORDS {
        return false;
    }
    let shared = short.words.iter().filter(|w| long.set.contains(*w)).count();
    shared * 10 >= short.count * 8
}

/// The words of a quote, for comparison.
struct QuoteWords {
    words: Vec<String>,
    set: std::collections::HashSet<String>,
    count: usize,
}

fn merge(found: Vec<Found>) -> Vec<Quote> {
    let words: Vec<QuoteWords> = found
        .iter()
        .map(|f| {
            let words = normalized_words(&f.text);
            QuoteWords {
                count: words.len(),
                set: words.iter().cloned().collect(),
                words,
            }
        })
        .collect();
    // Two versions of a quote share words: look for the earlier version among the earlier
    // quotes that share a word (the most recent few per word, so a page of one repeated
    // quote stays linear), and take the first that matches, as an all-pairs scan would.
    let mut group: Vec<usize> = (0..found.len()).collect();
    let mut postings: HashMap<&str, Vec<usize>> = HashMap::new();
    for i in 0..found.len() {
        let mut candidates: Vec<usize> = words[i]
            .set
            .iter()
            .filter_map(|w| postings.get(w.as_str()))
            .flat_map(|p| p.iter().rev().take(MERGE_CANDIDATES).copied())
            .collect();
        candidates.sort_unstable();
        candidates.dedup();
        for j in candidates {
            let compatible = match (&found[i].speaker, &found[j].speaker) {
                (Some(a), Some(b)) => a.name == b.name,
                _ => true,
            };
            if compatible && same_quote(&words[i], &words[j]) {
                group[i] = j;
                break;
            }
        }
        if group[i] == i {
            for w in &words[i].set {
                postings.entry(w.as_str()).or_default().push(i);
            }
        }
    }
    let mut quotes: Vec<Quote> = Vec::new();
    let mut index: BTreeMap<usize, usize> = BTreeMap::new();
    for (i, f) in found.into_iter().enumerate() {
        let g = group[i];
        match index.get(&g) {
            Some(&q) => {
                let quote = &mut quotes[q];
                if f.text.len() > quote.text.len() {
                    quote.text = f.text;
                }
                if quote.speaker.is_none() {
                    quote.speaker = f.speaker;
                }
                quote.mentions.push(f.mention);
            }
            None => {
                index.insert(g, quotes.len());
                quotes.push(Quote {
                    text: f.text,
                    speaker: f.speaker,
                    sources: Vec::new(),
                    mentions: vec![f.mention],
                });
            }
        }
    }
    for q in &mut quotes {
        q.sources = q.mentions.iter().map(|m| m.doc).collect();
        q.sources.sort_unstable();
        q.sources.dedup();
    }
    quotes.sort_by(|a, b| {
        b.sources.len().cmp(&a.sources.len()).then_with(|| {
            let fa = (a.mentions[0].doc, a.mentions[0].span.start);
            let fb = (b.mentions[0].doc, b.mentions[0].span.start);
            fa.cmp(&fb)
        })
    });
    quotes
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::analyze::entities;

    /// The speaker's name of the first quote whose text contains `t`.
    fn speaker_of(qs: &[Quote], t: &str) -> Option<String> {
        qs.iter()
            .find(|q| q.text.contains(t))
            .and_then(|q| q.speaker.as_ref().map(|s| s.name.clone()))
    }

    fn quotes(texts: &[&str]) -> Vec<Quote> {
        let c = crate::analyze::test_cluster(texts);
        let e = entities::find(&c);
        find(&c, &e)
    }

    fn speaker(q: &Quote) -> Option<(&str, Option<&str>)> {
        q.speaker
            .as_ref()
            .map(|s| (s.name.as_str(), s.role.as_deref()))
    }

    #[test]
    fn speaker_before_with_apposition_and_surname_resolution() {
        let qs = quotes(&[
            "Harbour news\n\nDana Wirth, the head of the port media office, said: \u{201c}We will not open the gates today.\u{201d}\n\nLater Wirth said: \u{201c}The storm has passed the northern coast.\u{201d}",
        ]);
        assert_eq!(qs.len(), 2, "{qs:#?}");
        assert_eq!(
            speaker(&qs[0]),
            Some(("Dana Wirth", Some("head of the port media office")))
        );
        assert_eq!(
            speaker(&qs[1]),
            Some(("Dana Wirth", Some("head of the port media office")))
        );
    }

    #[test]
    fn speaker_after_quote_and_merge_across_outlets() {
        let qs = quotes(&[
            "\"We expect the repairs to be over soon,\" said Dana Wirth, a spokeswoman for the port.",
            "Port news\n\n\"We expect the repairs to be over soon,\" Dana Wirth told Reuters on Monday.",
        ]);
        assert_eq!(qs.len(), 1, "{qs:#?}");
        assert_eq!(qs[0].sources, vec![0, 1]);
        assert_eq!(speaker(&qs[0]).map(|s| s.0), Some("Dana Wirth"));
    }

    #[test]
    fn multi_paragraph_quote_continues() {
        let text = "Officials spoke\n\nDana Wirth said: \u{201c}The first ships left at dawn.\n\n\u{201c}The rest will follow by the evening tide.\u{201d}\n\nOther news followed here.";
        let qs = quotes(&[text]);
        assert_eq!(qs.len(), 1, "{qs:#?}");
        assert!(qs[0].text.contains("dawn.") && qs[0].text.contains("evening tide"));
        let m = &qs[0].mentions[0];
        assert!(text[m.span.clone()].starts_with("The first ships"));
    }

    #[test]
    fn unattributed_titles_are_not_quotes() {
        let qs =
            quotes(&["The carts carried \u{201c}Keep The Valley Green Forever\u{201d} signs."]);
        assert!(qs.is_empty(), "{qs:#?}");
    }

    #[test]
    fn scare_quotes_are_skipped() {
        let qs = quotes(&["The group called it a \u{201c}caliphate\u{201d} and said it was \u{2018}100 percent\u{2019} done."]);
        assert!(qs.is_empty(), "{qs:#?}");
    }

    #[test]
    fn british_single_quotes_and_duc_quotes() {
        let qs = quotes(&[
            "Ann Lee said the plan was \u{2018}a complete and utter failure\u{2019} on Monday.",
            "``We will rebuild every single house,'' said Tom Hale.",
        ]);
        assert_eq!(qs.len(), 2, "{qs:#?}");
        let texts: Vec<&str> = qs.iter().map(|q| q.text.as_str()).collect();
        assert!(texts.contains(&"a complete and utter failure"));
        assert!(texts.contains(&"We will rebuild every single house,"));
    }

    #[test]
    fn descriptions_of_an_organisation_and_narrative_subjects() {
        let qs = quotes(&[
            "Port report\n\nThe Harbour Trust report was released on Monday. Its authors visited nine ports.\n\n\u{201c}The port has failed every single inspection this year,\u{201d} the report said.\n\nAlthough Judge Ann Lee upheld the port rules, she criticized them. \u{201c}A coin toss would be fairer than these inspections.\u{201d}",
        ]);
        let by_text = |t: &str| speaker_of(&qs, t);
        assert_eq!(
            by_text("failed every").as_deref(),
            Some("Harbour Trust"),
            "{qs:#?}"
        );
        assert_eq!(by_text("coin toss").as_deref(), Some("Ann Lee"), "{qs:#?}");
    }

    #[test]
    fn organisations_behind_a_body_a_journal_or_a_report() {
        let qs = quotes(&[
            "Harbour news\n\nIn a report due on Friday, the Tidewater Research Institute and the Dune Society declare that \u{201c}the shoreline is retreating faster than any model predicted.\u{201d} The authors visited nine beaches.\n\n\u{201c}Every beach we measured had lost sand since the last survey,\u{201d} the report says.\n\nThe Journal of Coastal Medicine urged doctors to warn swimmers.\n\n\u{201c}The time has come to post warnings on every beach with a rip current,\u{201d} the journal said.\n\nThe Blue Harbour Alliance, which backs the new plan, called on residents to vote. The plan \u{201c}is the best chance in a generation to save the dunes,\u{201d} the movement said in a statement.",
        ]);
        let by_text = |t: &str| speaker_of(&qs, t);
        assert_eq!(
            by_text("Every beach").as_deref(),
            Some("Tidewater Research Institute"),
            "{qs:#?}"
        );
        assert_eq!(
            by_text("post warnings").as_deref(),
            Some("Journal of Coastal Medicine"),
            "{qs:#?}"
        );
        assert_eq!(
            by_text("best chance").as_deref(),
            Some("Blue Harbour Alliance"),
            "{qs:#?}"
        );
    }

    #[test]
    fn descriptions_names_and_attributions_at_a_sentence_end() {
        let qs = quotes(&[
            "Vote news\n\nThe Green leader Tomas Varga spoke on Monday. Polls put him second. \u{201c}The choice is between renewal and decline for this country,\u{201d} the Green chief said recently.\n\nThe budget is the largest in a decade, said Walter Brandt, head of the planning office. Dora Quist disagreed.\n\nThe count was slow, said Marianne Holt, a clerk of the county board.\n\n\u{201c}We will publish every figure as soon as we have it,\u{201d} she said.",
        ]);
        let by_text = |t: &str| speaker_of(&qs, t);
        assert_eq!(
            by_text("renewal").as_deref(),
            Some("Tomas Varga"),
            "{qs:#?}"
        );
        assert_eq!(
            by_text("publish every").as_deref(),
            Some("Marianne Holt"),
            "{qs:#?}"
        );
    }

    #[test]
    fn a_quote_paragraph_after_narrative_about_one_person() {
        let qs = quotes(&[
            "School news\n\nThe notion that cadets are lazy is wrong, says Minister Ola Berg.\n\nShe should know. For ten years she has trained hundreds of them.\n\n\u{201c}This year we will train more cadets than in any year since the war.\u{201d}",
        ]);
        assert_eq!(
            speaker_of(&qs, "more cadets").as_deref(),
            Some("Ola Berg"),
            "{qs:#?}"
        );
    }

    #[test]
    fn lookups_read_a_bounded_window_and_cut_at_character_boundaries() {
        // "é" is two bytes: every cut below falls inside or beside one.
        let text = "é".repeat(LOOKBACK) + ". Then a report said so.";
        let at = text.len() - 3;
        assert!(lookback(&text, at).is_some_and(|b| b.len() <= LOOKBACK));
        assert_eq!(lookback(&text, 1), None);
        let s = rough_sentence(&text, at);
        assert_eq!(&text[s.start..s.start + 4], "Then");
        let long = "é".repeat(3 * LOOKBACK);
        let s = rough_sentence(&long, LOOKBACK + LOOKBACK % 2);
        assert!(s.end - s.start <= 2 * LOOKBACK + 1);
        assert_eq!(
            heads_before_surname("Al Burke and Burkes, Sean Burke", "Burke").collect::<Vec<_>>(),
            ["Al", "Al Burke and Burkes, Sean"]
        );
    }

    #[test]
    fn document_name_prefers_the_documents_own_first_name() {
        let entity = Entity {
            name: "Ken Lamb".to_string(),
            kind: EntityKind::Person,
            aliases: Vec::new(),
            sources: vec![0],
            mentions: 1,
        };
        let text = "Kenneth S. Lamb, a consultant, spoke. ``Schools need locks,'' he said.";
        let at = text.find("``").unwrap_or(0);
        assert_eq!(
            document_name(text, at, &entity).as_deref(),
            Some("Kenneth S. Lamb")
        );
        // A first name that is no variant ("Al" for "Ken") is another person's.
        let other = "Al Lamb spoke. ``Schools need locks,'' he said.";
        assert_eq!(
            document_name(other, other.find("``").unwrap_or(0), &entity),
            None
        );
        // A document that writes the cluster's name keeps it.
        let same = "Ken Lamb and Kenneth Lamb spoke. ``Locks,'' he said.";
        assert_eq!(
            document_name(same, same.find("``").unwrap_or(0), &entity),
            None
        );
    }

    #[test]
    fn pronoun_goes_to_last_person_named() {
        let qs = quotes(&[
            "Minister Ola Berg visited the site on Monday. Overnight she told the AP: \u{201c}The damage is worse than we feared.\u{201d}",
        ]);
        assert_eq!(speaker(&qs[0]).map(|s| s.0), Some("Ola Berg"));
    }

    #[test]
    fn pronoun_past_an_abbreviation_and_fronted_adverbials() {
        let qs = quotes(&[
            "Lund, director of a council based in St. Paul, said parents will struggle. ``The placement works if the child is confident,'' he said.",
            "Mayor Ann Vik praised ``a quiet year for the city.'' At the same meeting, in Dover, state party contender Tom Rask mocked the budget. ``In 1997,'' he said, ``they spent a lot more than now.''",
        ]);
        let by_start = |w: &str| {
            qs.iter()
                .find(|q| q.text.starts_with(w))
                .and_then(speaker)
                .map(|s| s.0)
        };
        assert_eq!(by_start("The placement"), Some("Lund"));
        assert_eq!(by_start("they spent"), Some("Tom Rask"));
    }
}
