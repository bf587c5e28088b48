//! Quotes: direct quotations with their speakers, merged across the outlets that carry them.
//!
//! Quotation marks are read per paragraph (“...”, "...", ‘...’, ``...''); a paragraph that
//! opens a quote without closing it continues into the next paragraph when that one opens
//! with a quotation mark. The speaker comes from the words around the quote, resolved to a
//! full name (and a role) with the cluster's entities; pronouns go to the last person named.

mod attribution;
#[cfg_attr(not(feature = "unstable-internals"), allow(dead_code))] // for tests and the lab
pub mod score;

use super::entities::EntityIndex;
use super::{EntityKind, Mention, Quote, Speaker};
use crate::clean::BlockKind;
use crate::prepared::PreparedCluster;
use attribution::Subject;
use std::collections::{BTreeMap, HashMap};
use std::ops::Range;

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
            (Style::Duc, '\'') if s.starts_with("''") => Some(2),
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

/// The person one of the sentences just before `offset` opens with (not before `floor`,
/// not a sentence that opens with a quotation), nearest first: "Killorin disputed early
/// reports that Rudolph's fingerprints were found. ``...,'' he said" is Killorin's.
fn leading_person(
    cluster: &PreparedCluster,
    entities: &EntityIndex,
    resolved: &mut HashMap<String, Option<usize>>,
    doc: usize,
    offset: usize,
    floor: usize,
) -> Option<Subject> {
    let range = cluster.doc_sentences[doc].clone();
    let sentences = &cluster.sentences[range.clone()];
    let k = sentences.partition_point(|s| s.span.start < offset);
    for (j, s) in sentences[..k]
        .iter()
        .enumerate()
        .rev()
        .take(LEADING_SENTENCES)
    {
        if s.span.start < floor {
            break;
        }
        let text = cluster.text(range.start + j);
        let head = prefix(&text[..text.len().min(offset - s.span.start)]);
        if head
            .trim_start()
            .starts_with(['"', '`', '\u{201c}', '\u{2018}', '\''])
        {
            continue;
        }
        if let Some(Subject::Named { name, role }) = attribution::leading_name(head) {
            let e = *resolved
                .entry(name.clone())
                .or_insert_with(|| entities.resolve(&name));
            // An unknown single word is a person only with an honorific ("Mrs. Lindqvist")
            // or as the surname of a person named in the cluster ("Jones").
            let known_surname = || {
                let honorific = head
                    .find(name.as_str())
                    .map(|at| head[..at].trim_end())
                    .is_some_and(|h| {
                        h.ends_with("Mr.")
                            || h.ends_with("Mrs.")
                            || h.ends_with("Ms.")
                            || h.ends_with("Dr.")
                    });
                honorific
                    || entities.entities.iter().any(|x| {
                        x.kind == EntityKind::Person
                            && x.name.split_whitespace().count() >= 2
                            && x.name.rsplit(' ').next() == Some(name.as_str())
                    })
            };
            match e.map(|e| entities.entities[e].kind) {
                Some(EntityKind::Person) => return Some(Subject::Named { name, role }),
                None if name.split_whitespace().count() >= 2 || known_surname() => {
                    return Some(Subject::Named { name, role })
                }
                _ => {}
            }
        }
    }
    None
}

/// The person a description with a title refers to ("the judge" -> the last person named
/// with "Judge" before them or ", the judge" after them in this document).
fn titled_person(
    people: &People,
    text: &str,
    doc: usize,
    offset: usize,
    description: &str,
) -> Option<usize> {
    let words: Vec<&str> = description.split_whitespace().collect();
    let [article, title] = words.as_slice() else {
        return None;
    };
    if !article.eq_ignore_ascii_case("the") {
        return None;
    }
    let title = title.to_lowercase();
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
            let before_title = before
                .split_whitespace()
                .last()
                .is_some_and(|w| w.to_lowercase() == title);
            let after_title = after
                .trim_start_matches([',', ' '])
                .split_whitespace()
                .take(3)
                .any(|w| w.trim_end_matches([',', '.']).to_lowercase() == title);
            before_title || after_title
        })
        .map(|&(_, _, _, p)| p)
}

/// Person mentions in text order, for "the last person named before here".
struct People(Vec<(usize, usize, usize, usize)>);

impl People {
    fn new(entities: &EntityIndex) -> Self {
        Self(
            entities
                .mentions
                .iter()
                .filter(|m| entities.entities[m.entity].kind == EntityKind::Person)
                .map(|m| {
                    (
                        m.mention.doc,
                        m.mention.span.start,
                        m.mention.span.end,
                        m.entity,
                    )
                })
                .collect(),
        )
    }

    /// The last person mentioned in `doc` before byte `offset` (a binary search, then back
    /// over the mentions that start before it).
    fn last_before(&self, doc: usize, offset: usize) -> Option<(usize, usize)> {
        let k = self
            .0
            .partition_point(|&(d, s, _, _)| (d, s) < (doc, offset));
        self.0[..k]
            .iter()
            .rev()
            .take_while(|&&(d, _, _, _)| d == doc)
            .find(|&&(_, _, e, _)| e <= offset)
            .map(|&(_, s, _, p)| (p, s))
    }
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
    let people = People::new(entities);
    let mut resolved: HashMap<String, Option<usize>> = HashMap::new();
    for doc in 0..cluster.docs.len() {
        let text = &cluster.docs[doc].text;
        let blocks = &cluster.cleaned[doc].kept;
        let doc_chains = chains(cluster, doc);
        // The previous quotation: its last block, subject, person and end.
        let mut previous: Option<(usize, Option<Subject>, Option<usize>, usize)> = None;
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
            let subject = attribution::after(after_ctx)
                .filter(|_| {
                    ends_open
                        || !after_ctx
                            .trim_start()
                            .starts_with(|c: char| c.is_lowercase())
                })
                .or_else(|| attribution::before(before_ctx));
            // A quote inside a sentence with no attribution read: the person the sentence
            // opens with ("Still, Ulrich, who ..., admitted he ``can barely ...''").
            let subject = subject.or_else(|| {
                (!before_ctx.trim().is_empty() && !after_ctx.trim_start().starts_with(','))
                    .then(|| attribution::leading_name(before_ctx))
                    .flatten()
            });
            // A quote that opens its paragraph, or opens a sentence right after another
            // quote, continues the previous speaker ("...," he said. "...").
            let opens_sentence = before_ctx.trim().is_empty();
            let inherited = subject.is_none();
            let subject = match subject {
                Some(s) => Some(s),
                None if first.open == block.span.start || opens_sentence => previous
                    .as_ref()
                    .filter(|(pb, _, _, _)| first.block <= pb + 1)
                    .and_then(|(_, s, _, _)| s.clone()),
                None => None,
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
            // "He said": the person a recent sentence opens with (its subject) is the
            // likeliest referent, before the last name mentioned.
            let subject = match subject {
                Some(Subject::Pronoun) if !inherited => Some(
                    leading_person(cluster, entities, &mut resolved, doc, first.open, floor)
                        .unwrap_or(Subject::Pronoun),
                ),
                other => other,
            };
            let (speaker, person, role) = resolve(
                subject.as_ref(),
                entities,
                &people,
                &mut resolved,
                &At {
                    text,
                    doc,
                    offset: first.open,
                    floor,
                    previous_person: previous.as_ref().and_then(|p| p.2),
                },
            );
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
            if speaker.is_none() && title_like {
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
}

/// Turn what the text says about the speaker into a [`Speaker`].
fn resolve(
    subject: Option<&Subject>,
    entities: &EntityIndex,
    people: &People,
    resolved: &mut HashMap<String, Option<usize>>,
    at: &At<'_>,
) -> (Option<Speaker>, Option<usize>, Option<String>) {
    let At {
        text,
        doc,
        offset,
        floor,
        previous_person,
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
        Some(Subject::Named { name, role }) => match *resolved
            .entry(name.clone())
            .or_insert_with(|| entities.resolve(name))
        {
            Some(e) => person_speaker(e, role.clone()),
            None => (
                Some(Speaker {
                    name: name.clone(),
                    role: role.clone(),
                }),
                None,
                None,
            ),
        },
        Some(Subject::Pronoun) | Some(Subject::Implicit) => {
            let last = people.last_before(doc, offset);
            let since = last.filter(|&(_, start)| start >= floor).map(|(e, _)| e);
            match since.or(previous_person).or(last.map(|(e, _)| e)) {
                Some(e) => person_speaker(e, None),
                None => (None, None, None),
            }
        }
        Some(Subject::Description(d)) => match titled_person(people, text, doc, offset, d) {
            Some(e) => person_speaker(e, None),
            None => (
                Some(Speaker {
                    name: d.clone(),
                    role: None,
                }),
                None,
                None,
            ),
        },
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
    use crate::{Document, Pipeline};

    fn quotes(texts: &[&str]) -> Vec<Quote> {
        let docs = texts
            .iter()
            .enumerate()
            .map(|(i, t)| Document::from_text(i.to_string(), *t))
            .collect();
        let c = Pipeline::default().prepare_documents(docs);
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
    fn pronoun_goes_to_last_person_named() {
        let qs = quotes(&[
            "Minister Ola Berg visited the site on Monday. Overnight she told the AP: \u{201c}The damage is worse than we feared.\u{201d}",
        ]);
        assert_eq!(speaker(&qs[0]).map(|s| s.0), Some("Ola Berg"));
    }
}
