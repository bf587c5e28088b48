//! Reading who said a quotation from the words around it: "X said:", "said X, a ...",
//! "X, the head of ..., told Reuters", "according to X", "he said".

use crate::analyze::tokens::{is_capitalized, tokenize, Token, TokenKind};
use crate::lang::english_quotes::MORE_REPORTING_VERBS;
use crate::lang::{EntityWords, Language, QuoteWords};

use super::gender::Gender;

/// The words this analyzer reads: it reads English rules.
fn lex() -> &'static QuoteWords {
    Language::English.quote_words()
}

/// The words this analyzer reads: it reads English rules.
fn ent() -> &'static EntityWords {
    Language::English.entity_words()
}

/// Who the words around a quote name as its speaker.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) enum Subject {
    /// A name ("Mustafa Bali", "Trump", "the White House"), with a role when given.
    Named {
        /// The name with titles removed.
        name: String,
        /// Role from an apposition, a title or a pre-modifier.
        role: Option<String>,
    },
    /// A bare surname that the cluster's person of that name cannot be (a family member:
    /// "Ames ... he said" where the Ames named so far is a woman), kept as written.
    Surname(String),
    /// A pronoun ("he said"), with the gender it asks of its referent.
    Pronoun(Option<Gender>),
    /// A reporting verb without a subject ("Later also tweeted:").
    Implicit,
    /// An unnamed speaker described by a noun phrase ("a White House spokeswoman").
    Description(String),
}

struct Words<'a> {
    text: &'a str,
    tokens: Vec<Token>,
}

impl<'a> Words<'a> {
    fn new(text: &'a str) -> Self {
        Words {
            text,
            tokens: tokenize(text),
        }
    }

    fn word(&self, i: usize) -> &'a str {
        self.tokens[i].text(self.text)
    }

    fn lower(&self, i: usize) -> String {
        self.word(i).to_lowercase()
    }

    fn is_punct(&self, i: usize, p: &str) -> bool {
        self.tokens[i].kind == TokenKind::Punct && self.word(i) == p
    }

    /// The text from token `a` to token `b` (exclusive), as written.
    fn slice(&self, a: usize, b: usize) -> &'a str {
        if a >= b || a >= self.tokens.len() {
            return "";
        }
        &self.text[self.tokens[a].start..self.tokens[b - 1].end]
    }
}

fn is_speech_verb(lower: &str) -> bool {
    lex().speech_verbs.contains(&lower)
        || lex().participle_speech_verbs.contains(&lower)
        || MORE_REPORTING_VERBS.contains(&lower)
}

/// The text with SGML entity references of wire copy ("&UR;", "&LR;") blanked to spaces of
/// the same length: they are typesetting codes, not words ("Sen &UR; . &LR; Kohl").
fn blank_markup(text: &str) -> std::borrow::Cow<'_, str> {
    if !text.contains('&') {
        return std::borrow::Cow::Borrowed(text);
    }
    let b = text.as_bytes();
    let mut out = b.to_vec();
    let mut i = 0;
    while i < b.len() {
        if b[i] == b'&' {
            let letters = b[i + 1..]
                .iter()
                .take(7)
                .take_while(|c| c.is_ascii_alphabetic())
                .count();
            if (1..=6).contains(&letters) && b.get(i + 1 + letters) == Some(&b';') {
                for c in &mut out[i..i + letters + 2] {
                    *c = b' ';
                }
                i += letters + 2;
                continue;
            }
        }
        i += 1;
    }
    // Only ASCII bytes were replaced by ASCII spaces: still UTF-8.
    std::borrow::Cow::Owned(String::from_utf8(out).unwrap_or_else(|_| text.to_string()))
}

/// A subject pronoun as a [`Subject`] ("she" -> a pronoun asking for a woman).
fn pronoun(lower: &str) -> Option<Subject> {
    lex()
        .subject_pronouns
        .contains(&lower)
        .then(|| Subject::Pronoun(Gender::of_pronoun(lower)))
}

fn is_role_noun(lower: &str) -> bool {
    ent().role_nouns.contains(&lower)
        || matches!(
            lower,
            "source"
                | "sources"
                | "statement"
                | "report"
                | "document"
                | "documents"
                | "papers"
                | "filing"
                | "filings"
                | "ruling"
                | "resolution"
                | "letter"
                | "memo"
                | "mailing"
                | "lawsuit"
                | "complaint"
                | "opinion"
                | "official"
                | "officials"
                | "diplomat"
                | "deputy"
                | "commissioner"
                | "investigator"
                | "detective"
                | "sheriff"
                | "neighbor"
                | "neighbour"
                | "friend"
                | "relative"
                | "student"
                | "teacher"
                | "fan"
                | "fans"
                | "protesters"
                | "witnesses"
                | "contender"
                | "hopeful"
        )
}

fn is_title(lower: &str) -> bool {
    ent().titles.contains(&lower)
}

/// Whether a lowercased word is a title written as an abbreviation ("adm", "gov"), whose dot
/// ends no sentence.
fn is_title_abbreviation(lower: &str) -> bool {
    Language::English
        .resources()
        .segmentation
        .titles
        .contains(&lower)
}

/// Whether a lowercased word can end a description of a speaker: a role ("the sheriff",
/// "a spokeswoman") or a body or document an organisation stands behind ("the journal",
/// "the movement"), resolved later.
fn is_description_head(lower: &str) -> bool {
    is_role_noun(lower)
        || super::ORGANISATION_NOUNS.contains(&lower)
        || lower.ends_with("man")
        || lower.ends_with("woman")
}

/// Whether a lowercased word is a role noun or a title ("leader", "judge", "senator").
pub(crate) fn is_role_or_title(lower: &str) -> bool {
    is_role_noun(lower) || is_title(lower)
}

fn is_name_word(w: &str) -> bool {
    is_capitalized(w)
        || ["al-", "el-", "bin-", "ibn-"]
            .iter()
            .any(|p| w.starts_with(p))
        || glued_particle_name(w)
}

/// A surname with a lowercase particle written into it ("diGenova", "deWitt", "vanHorn"):
/// one to three lowercase letters, then a capital and a lowercase letter.
fn glued_particle_name(w: &str) -> bool {
    let mut chars = w.char_indices();
    let lower = chars.by_ref().take_while(|(_, c)| c.is_lowercase()).count();
    let rest = &w[w.char_indices().nth(lower).map_or(w.len(), |(i, _)| i)..];
    let mut r = rest.chars();
    (1..=3).contains(&lower)
        && r.next().is_some_and(char::is_uppercase)
        && r.next().is_some_and(char::is_lowercase)
}

/// Attribution written before the quote ("Mustafa Bali, the head of ..., said: “").
pub(crate) fn before(ctx: &str) -> Option<Subject> {
    let ctx = blank_markup(ctx);
    let w = Words::new(&ctx);
    let n = w.tokens.len();
    if n == 0 {
        return None;
    }
    // "according to X," before the quote.
    if let Some(s) = according_to(&w, 0, n) {
        return Some(s);
    }
    // A passive reporting verb ("asks that X be ordered to stop") is not the clause's.
    let Some(verb) = (0..n)
        .rev()
        .find(|&i| is_speech_verb(&w.lower(i)) && !passive(&w, i))
    else {
        return colon_subject(&w);
    };
    // An inverted attribution right before the quote ("Whether ..., says Stern, ``"): the
    // name after the verb, then only punctuation.
    if let Some(s) = inverted_before(&w, verb) {
        return Some(s);
    }
    // The verb must be the main verb of the clause that opens the quote: nothing but a
    // listener, a channel or a short clause between it and the quote.
    if n - verb > 16 {
        // Reported speech running on into a partial quotation: "Ames said that she and
        // her sister drove home ``and hid the keys''" is Ames's.
        let reported = w.lower(verb + 1) == "that" && n - verb <= 48;
        return subject_before(&w, verb)
            .filter(|s| reported && matches!(s, Subject::Named { .. } | Subject::Pronoun(_)));
    }
    // "heckled by fans who shouted ``": the people the relative clause hangs on.
    if n - verb <= 3 {
        if let Some(s) = relative_subject(&w, verb) {
            return Some(s);
        }
    }
    // "he turned to the court, saying": the subject of the clause the participle hangs on.
    if lex()
        .participle_speech_verbs
        .contains(&w.lower(verb).as_str())
    {
        if let Some(s) = clause_subject(&w, verb) {
            return Some(s);
        }
    }
    subject_before(&w, verb)
}

/// Whether the verb at token `i` is passive ("be ordered", "was told"): its subject is not
/// the speaker.
fn passive(w: &Words<'_>, i: usize) -> bool {
    i > 0
        && matches!(
            w.lower(i - 1).as_str(),
            "be" | "been" | "being" | "is" | "was" | "were" | "are"
        )
}

/// The speaker of an inverted attribution that ends the words before a quote ("says
/// Stern, ``", "said Ann Lee:"): a name right after the verb and nothing but punctuation
/// after the name.
fn inverted_before(w: &Words<'_>, verb: usize) -> Option<Subject> {
    let n = w.tokens.len();
    let name_end = (verb + 1..n)
        .find(|&i| w.tokens[i].kind == TokenKind::Punct && !abbreviation_dot(w, i))
        .unwrap_or(n);
    let only_punct = (name_end..n).all(|i| w.tokens[i].kind == TokenKind::Punct);
    // Inverted: the verb opens the clause or follows a comma.
    let opens = verb == 0 || w.is_punct(verb - 1, ",");
    if !opens || name_end == verb + 1 || name_end == n || !only_punct || name_end - verb > 5 {
        return None;
    }
    match trailing_name(w, verb + 1, name_end) {
        Some(Subject::Named { name, role }) if name_end == verb + 1 + name.split(' ').count() => {
            Some(Subject::Named { name, role })
        }
        _ => None,
    }
}

/// A quote after a colon that ends a clause without a reporting verb ("She rolled her
/// eyes: ``...''", "The governor waved them away: ``...''"): the clause's subject, when it
/// opens the clause as a pronoun, a person's name or "the" and a role noun.
fn colon_subject(w: &Words<'_>) -> Option<Subject> {
    let n = w.tokens.len();
    if n < 3 || !w.is_punct(n - 1, ":") {
        return None;
    }
    let mut a = 0;
    while a < n && matches!(w.lower(a).as_str(), "but" | "and" | "then" | "so" | "yet") {
        a += 1;
    }
    if a + 2 >= n {
        return None;
    }
    if let Some(p) = pronoun(&w.lower(a)) {
        return Some(p);
    }
    if w.lower(a) == "the" {
        let head = w.lower(a + 1);
        let last_part = head.rsplit('-').next().unwrap_or(&head);
        if is_role_noun(&head) || is_role_noun(last_part) || is_title(last_part) {
            return Some(Subject::Description(format!("the {last_part}")));
        }
        return None;
    }
    match leading_name(w.slice(a, n)) {
        Some(s @ Subject::Named { .. }) => Some(s),
        _ => None,
    }
}

/// The noun phrase a relative clause ending at token `verb` hangs on ("fans who shouted").
fn relative_subject(w: &Words<'_>, verb: usize) -> Option<Subject> {
    let end = verb;
    if end >= 2 && w.lower(end - 1) == "who" {
        let np_end = end - 1;
        let mut np_start = np_end;
        while np_start > 0
            && np_end - np_start < 5
            && w.tokens[np_start - 1].kind == TokenKind::Word
            && !matches!(
                w.lower(np_start - 1).as_str(),
                "by" | "of" | "to" | "from" | "with" | "and" | "as" | "for"
            )
        {
            np_start -= 1;
        }
        if np_start < np_end {
            if let Some(s) = trailing_name(w, np_start, np_end) {
                return Some(s);
            }
            let head = w.lower(np_end - 1);
            if is_role_noun(&head)
                || head.ends_with("man")
                || head.ends_with("woman")
                || head.ends_with('s')
            {
                return Some(Subject::Description(w.slice(np_start, np_end).to_string()));
            }
        }
    }
    None
}

/// Tokens `0..end` split at commas outside brackets, empty parts dropped.
fn comma_parts(w: &Words<'_>, end: usize) -> Vec<(usize, usize)> {
    let mut parts: Vec<(usize, usize)> = Vec::new();
    let mut depth = 0i32;
    let mut part_start = 0;
    for i in 0..end {
        match w.word(i) {
            "(" | "[" => depth += 1,
            ")" | "]" => depth -= 1,
            "," if depth <= 0 => {
                parts.push((part_start, i));
                part_start = i + 1;
            }
            _ => {}
        }
    }
    parts.push((part_start, end));
    parts.retain(|&(a, b)| b > a);
    parts
}

/// The subject of the clause a participle ("saying", "adding") at token `verb` hangs on: a
/// parenthetical "she intimated", else a part that opens with a pronoun and its verb
/// ("he turned ..."), else a part that opens with a name ("Ames, who ..., rose").
fn clause_subject(w: &Words<'_>, verb: usize) -> Option<Subject> {
    let parts = comma_parts(w, verb);
    for &(a, b) in &parts {
        let l = w.lower((a + 1).min(b - 1));
        let parenthetical = b - a == 2
            && (lex().speech_verbs.contains(&l.as_str())
                || lex().parenthetical_speech_verbs.contains(&l.as_str()));
        if parenthetical {
            if let Some(p) = pronoun(&w.lower(a)) {
                return Some(p);
            }
            if let Some(s) = trailing_name(w, a, a + 1) {
                return Some(s);
            }
        }
    }
    for &(a, b) in &parts {
        if b - a >= 2 {
            if let Some(p) = pronoun(&w.lower(a)) {
                return Some(p);
            }
        }
    }
    // The first part that opens with a name ("Under questioning, Yeager read ...").
    parts.iter().find_map(|&(a, _)| {
        let text = &w.text[w.tokens[a].start..w.tokens[verb].start];
        leading_name(text)
    })
}

/// Whether a reporting verb stands right beside a quote: ending the words before it
/// ("taunted him, saying, ``") or opening the words after it (`'' taunted one of them`).
pub(crate) fn verb_beside(before_ctx: &str, after_ctx: &str) -> bool {
    let b = Words::new(before_ctx);
    let last_word = (0..b.tokens.len())
        .rev()
        .find(|&i| b.tokens[i].kind == TokenKind::Word);
    let before_verb = last_word.is_some_and(|i| {
        is_speech_verb(&b.lower(i))
            && (i + 1..b.tokens.len()).all(|k| b.tokens[k].kind == TokenKind::Punct)
    });
    let a = Words::new(after_ctx);
    let first_word = (0..a.tokens.len().min(3)).find(|&i| a.tokens[i].kind == TokenKind::Word);
    let after_verb = first_word.is_some_and(|i| {
        is_speech_verb(&a.lower(i)) && (0..i).all(|k| matches!(a.word(k), "," | "!" | "?"))
    });
    before_verb || after_verb
}

/// Whether `name` in `head` is followed by an apposition with a person's role ("Victor
/// Rodriguez, chairman of the board,"): the name is a person's.
pub(crate) fn person_apposition(head: &str, name: &str) -> bool {
    let Some(at) = head.find(name) else {
        return false;
    };
    let w = Words::new(&head[at + name.len()..]);
    w.tokens.len() >= 2
        && w.is_punct(0, ",")
        && (1..w.tokens.len().min(5))
            .take_while(|&i| w.tokens[i].kind == TokenKind::Word)
            .any(|i| ent().role_nouns.contains(&w.lower(i).as_str()))
}

/// Whether `name` in `head` is followed within a few words by a reporting verb ("Ames of
/// the Harbour Trust said ..."): the name is a speaker, so a person.
pub(crate) fn speaks(head: &str, name: &str) -> bool {
    let Some(at) = head.find(name) else {
        return false;
    };
    let w = Words::new(&head[at + name.len()..]);
    // "Ames of the Trust said", not "Rather, he said".
    if w.tokens.first().is_none_or(|t| t.kind == TokenKind::Punct) {
        return false;
    }
    (0..w.tokens.len().min(6))
        .take_while(|&i| !w.is_punct(i, ",") && pronoun(&w.lower(i)).is_none())
        .any(|i| lex().speech_verbs.contains(&w.lower(i).as_str()))
}

/// Attribution written after the quote (`," said X.` / `," X said.` / `", X told Reuters.`).
pub(crate) fn after(ctx: &str) -> Option<Subject> {
    let ctx = blank_markup(ctx);
    let w = Words::new(&ctx);
    let mut start = 0;
    while start < w.tokens.len() && w.tokens[start].kind == TokenKind::Punct {
        let p = w.word(start);
        // A stray mark of an inner quotation closed with the outer one (`,''' Will wrote`).
        if matches!(p, "," | "\u{2014}" | "-" | "\u{2013}" | "'" | "\u{2019}") {
            start += 1;
        } else {
            return None;
        }
    }
    // The clause ends at the first sentence end.
    let end = (start..w.tokens.len())
        .find(|&i| matches!(w.word(i), "." | "!" | "?" | ";") && !abbreviation_dot(&w, i))
        .unwrap_or(w.tokens.len());
    if end <= start {
        return None;
    }
    // Only the opening of a long clause holds its attribution ("said Ann Lee, director of
    // ..., a group that ..."): the verb and its subject come first.
    let end = end.min(start + 30);
    if let Some(s) = according_to(&w, start, end) {
        return Some(s);
    }
    let first = w.lower(start);
    if is_speech_verb(&first) {
        return subject_after_verb(&w, start + 1, end);
    }
    // A passive attribution (`,'' by Ann Lee, the editor`): the name after "by".
    if first == "by" && start + 1 < end && is_capitalized(w.word(start + 1)) {
        if let Some(s @ Subject::Named { .. }) = subject_after_verb(&w, start + 1, end) {
            return Some(s);
        }
    }
    // The verb comes within a few words, or after an apposition between commas ("Bob
    // Smith, a Republican who is running for president, said").
    let verb = (start..end.min(start + 14))
        .find(|&i| is_speech_verb(&w.lower(i)))
        .or_else(|| {
            (start..end)
                .find(|&i| is_speech_verb(&w.lower(i)))
                .filter(|&v| {
                    v >= 2 && w.is_punct(v - 1, ",") && (start..v - 1).any(|k| w.is_punct(k, ","))
                })
        })?;
    if verb == start {
        return None;
    }
    // One capitalized word between the closing mark and the verb is a name even when it
    // is also a common word (`,'' Will wrote`, `,'' Young said`).
    if verb == start + 1
        && w.tokens[start].kind == TokenKind::Word
        && is_capitalized(w.word(start))
        && w.word(start).chars().skip(1).all(char::is_lowercase)
        && pronoun(&w.lower(start)).is_none()
        && !matches!(
            w.lower(start).as_str(),
            "i" | "it" | "this" | "that" | "who" | "one"
        )
    {
        return Some(Subject::Named {
            name: w.word(start).to_string(),
            role: None,
        });
    }
    subject_before(&w, verb)
        .filter(|s| !matches!(s, Subject::Implicit))
        .and_then(|s| {
            // The subject must start the clause ("Mr Trump said"), not be buried in it.
            let head_words = verb - start;
            (head_words <= 20).then_some(s)
        })
        .or_else(|| {
            // The rest of a sentence the quote began, then the attribution after a comma
            // (`'' with their plan, said Ann Lee`).
            w.is_punct(verb - 1, ",")
                .then(|| subject_after_verb(&w, verb + 1, end))
                .flatten()
        })
}

/// The listener of "``...,'' he told Mallot" (a pronoun, "told", a name): whom the
/// pronoun cannot be.
pub(crate) fn listener(ctx: &str) -> Option<String> {
    let w = Words::new(ctx);
    let a = (0..w.tokens.len().min(3)).find(|&i| w.tokens[i].kind == TokenKind::Word)?;
    if pronoun(&w.lower(a)).is_none() || w.tokens.get(a + 1).is_none() || w.lower(a + 1) != "told" {
        return None;
    }
    let start = a + 2;
    let mut end = start;
    while end < w.tokens.len()
        && end < start + 4
        && w.tokens[end].kind == TokenKind::Word
        && is_name_word(w.word(end))
    {
        end += 1;
    }
    (end > start).then(|| w.slice(start, end).to_string())
}

/// Whether a reporting verb stands anywhere in `ctx` (someone speaks there, even when who
/// cannot be read).
pub(crate) fn has_reporting_verb(ctx: &str) -> bool {
    let w = Words::new(ctx);
    (0..w.tokens.len()).any(|i| is_speech_verb(&w.lower(i)))
}

/// Whether the attribution after a quote is a reply ("she replied", "answered Lee").
pub(crate) fn replies(ctx: &str) -> bool {
    let w = Words::new(ctx);
    (0..w.tokens.len().min(4))
        .filter(|&i| w.tokens[i].kind == TokenKind::Word)
        .take(2)
        .any(|i| {
            matches!(
                w.lower(i).as_str(),
                "replied" | "replies" | "answered" | "answers" | "retorted" | "responded"
            )
        })
}

/// "according to X" inside tokens `a..b`.
/// A dot that ends an abbreviation or initial ("Mrs.", "Howard E. King"), not a sentence.
fn abbreviation_dot(w: &Words<'_>, i: usize) -> bool {
    if w.word(i) != "." || i == 0 || w.tokens[i - 1].kind != TokenKind::Word {
        return false;
    }
    // A dot before a comma ends an abbreviation ("Rep. Ann Lee, R-Fla., said").
    if w.tokens.get(i + 1).is_some_and(|_| w.is_punct(i + 1, ",")) {
        return true;
    }
    let before = w.word(i - 1);
    (before.len() == 1 && before.chars().all(|c| c.is_uppercase()))
        || (is_capitalized(before) && is_title_abbreviation(&before.to_lowercase()))
        || is_title(&before.to_lowercase())
        || is_title(&format!("{}.", before.to_lowercase()))
        || ent()
            .plain_honorifics
            .contains(&before.to_lowercase().as_str())
}

fn according_to(w: &Words<'_>, a: usize, b: usize) -> Option<Subject> {
    let at =
        (a..b.saturating_sub(1)).find(|&i| w.lower(i) == "according" && w.lower(i + 1) == "to")?;
    subject_after_verb(w, at + 2, b)
}

/// The speaker named after a verb: "said Mustafa Bali, head of the SDF media office".
fn subject_after_verb(w: &Words<'_>, a: usize, b: usize) -> Option<Subject> {
    if a >= b {
        return None;
    }
    let first = w.lower(a);
    if let Some(p) = pronoun(&first) {
        return Some(p);
    }
    // Noun phrase up to a comma, bracket or preposition that starts a channel.
    let mut end = a;
    while end < b {
        let l = w.lower(end);
        // An initial's dot stays in the name ("said Richard C. Dieter").
        let initial = w.word(end) == "."
            && end > a
            && (w.word(end - 1).len() == 1
                || is_title(&format!("{}.", w.lower(end - 1)))
                || is_title_abbreviation(&w.lower(end - 1)));
        if w.tokens[end].kind == TokenKind::Punct
            && !matches!(w.word(end), "'" | "\u{2019}")
            && !initial
        {
            break;
        }
        // "said Ada Morel of the Harbour Trust ...": the name ends at "of".
        // So does a lone surname ("said Lee of her plans"), not a title ("Secretary of").
        let lone_surname = end == a + 1 && !is_title(&w.lower(a)) && !is_role_noun(&w.lower(a));
        if (end > a + 1 || lone_surname)
            && l == "of"
            && is_name_word(w.word(end - 1))
            && is_name_word(w.word(a))
        {
            break;
        }
        if end > a
            && matches!(
                l.as_str(),
                "on" | "in"
                    | "told"
                    | "at"
                    | "during"
                    | "when"
                    | "who"
                    | "which"
                    | "after"
                    | "while"
            )
        {
            break;
        }
        end += 1;
    }
    if end == a {
        return None;
    }
    let np = noun_phrase(w, a, end)?;
    // Apposition: ", a spokesman for ..." / ", head of ...".
    let role = if end < b && w.is_punct(end, ",") {
        apposition(w, end + 1, b)
    } else if end < b && w.lower(end) == "of" {
        let mut stop = end + 1;
        while stop < b
            && w.tokens[stop].kind == TokenKind::Word
            && !matches!(w.lower(stop).as_str(), "in" | "on" | "at" | "who" | "told")
        {
            stop += 1;
        }
        clean_role(w.slice(end, stop))
    } else {
        None
    };
    Some(with_role(np, role))
}

/// The speaker named before a verb at token `verb`.
fn subject_before(w: &Words<'_>, verb: usize) -> Option<Subject> {
    // Drop adverbs right before the verb ("also", "later").
    let mut end = verb;
    while end > 0
        && matches!(
            w.lower(end - 1).as_str(),
            "also"
                | "later"
                | "again"
                | "previously"
                | "then"
                | "earlier"
                | "once"
                | "has"
                | "had"
                | "have"
                | "would"
                | "will"
                | "reportedly"
                | "repeatedly"
                | "recently"
                | "separately"
                | "further"
        )
    {
        end -= 1;
    }
    while end > 0 && w.is_punct(end - 1, ",") {
        end -= 1;
    }
    if end == 0 {
        return Some(Subject::Implicit);
    }
    // "the detective quoted Ames as saying": Ames.
    if end >= 3 && w.lower(end - 1) == "as" {
        let quoted = (end.saturating_sub(8)..end - 1)
            .rev()
            .find(|&i| matches!(w.lower(i).as_str(), "quoted" | "quotes" | "quote"));
        if let Some(q) = quoted {
            if let Some(s) = trailing_name(w, q + 1, end - 1) {
                return Some(s);
            }
        }
    }
    // Parts separated by commas (brackets kept inside their part).
    let mut parts = comma_parts(w, end);
    // A party and state tag after a name ("Lott, R-Miss., told", "Helms, R-N.C., chairman
    // of ..., said"): not a part of the subject.
    if parts.len() >= 2 {
        let first = parts[0];
        parts.retain(|&(la, lb)| (la, lb) == first || !party_tag(w.slice(la, lb)));
    }
    // A relative clause after a name ("Gorton, who is running again, said", "Lee, who
    // said"): not a part of the subject.
    while parts.len() >= 2 && matches!(w.lower(parts[parts.len() - 1].0).as_str(), "who" | "whose")
    {
        parts.pop();
    }
    // An age after a name ("Butler, 82, said"): not a part of the subject.
    if parts.len() >= 2 {
        let (la, lb) = parts[parts.len() - 1];
        if lb == la + 1 && w.word(la).chars().all(|c| c.is_ascii_digit()) {
            parts.pop();
        }
    }
    let &(la, lb) = parts.last()?;
    // Apposition before the verb: "Mustafa Bali, the head of the SDF media office, said",
    // also several ("X, director of Y, the legal arm of Z, said": X, the first role).
    if parts.len() >= 2 && starts_role(w, la, lb) {
        let mut k = parts.len() - 1;
        while k >= 2 && starts_role(w, parts[k - 1].0, parts[k - 1].1) {
            k -= 1;
        }
        for k in (k..parts.len()).filter(|&k| k >= 1) {
            let (pa, pb) = parts[k - 1];
            if pb == pa + 1 && pa == 0 && fronted_adverb(w.word(pa)) {
                continue;
            }
            if let Some(np) = trailing_name(w, pa, pb) {
                let role = clean_role(w.slice(parts[k].0, parts[k].1));
                return Some(with_role(np, role));
            }
        }
    }
    // "X, a Canadian ISIS fighter captured by ... told": the role part is the last part.
    let last = w.lower(lb - 1);
    if let Some(p) = pronoun(&last) {
        return Some(p);
    }
    if let Some(np) = trailing_name(w, la, lb) {
        return Some(np);
    }
    // The subject opens the clause, a verb phrase stands between it and the speech verb:
    // "she looked up at the court and said", "the judge turned to Varga and said".
    if lb > la + 1 && matches!(last.as_str(), "and" | "then") {
        let first = w.lower(la);
        if let Some(p) = pronoun(&first) {
            return Some(p);
        }
        if matches!(first.as_str(), "the") && la + 1 < lb && is_role_noun(&w.lower(la + 1)) {
            return Some(Subject::Description(w.slice(la, la + 2).to_string()));
        }
        if let Some(Subject::Named { name, role }) = leading_name(w.slice(la, lb)) {
            return Some(Subject::Named { name, role });
        }
    }
    if is_description_head(&last) {
        // Description: from the last determiner.
        let det = (la..lb).rev().find(|&i| {
            matches!(
                w.lower(i).as_str(),
                "a" | "an" | "the" | "one" | "another" | "two" | "three" | "some"
            )
        })?;
        if lb - det > 8 {
            return None;
        }
        return Some(Subject::Description(w.slice(det, lb).to_string()));
    }
    // Adverbials only ("On Wednesday", "Overnight"): no subject written.
    let all_adverbial = (la..lb).all(|i| {
        let l = w.lower(i);
        matches!(
            l.as_str(),
            "on" | "in"
                | "at"
                | "overnight"
                | "later"
                | "earlier"
                | "then"
                | "and"
                | "but"
                | "yesterday"
                | "today"
        ) || crate::lang::Language::English.dates().weekday(&l).is_some()
    });
    all_adverbial.then_some(Subject::Implicit)
}

/// Whether a comma part is a party and state tag ("R-Miss.", "D-N.Y.").
fn party_tag(tag: &str) -> bool {
    let mut chars = tag.chars();
    matches!(chars.next(), Some('R' | 'D' | 'I'))
        && matches!(chars.next(), Some('-' | '\u{2010}' | '\u{2013}'))
        && chars.next().is_some_and(char::is_uppercase)
        && tag.len() <= 12
}

/// Whether a one-word "name" is an adverb that opened the sentence ("Afterward, a
/// prosecutor said"): not a name before an apposition.
fn fronted_adverb(word: &str) -> bool {
    let lower = word.to_lowercase();
    lex().fronted_adverbial_openers.contains(&lower.as_str()) || lower.ends_with("ly")
}

/// Whether tokens `a..b` read as a role ("the head of ...", "a spokesman for ...").
fn starts_role(w: &Words<'_>, a: usize, b: usize) -> bool {
    if a >= b || b - a > 18 {
        return false;
    }
    let first = w.lower(a);
    matches!(first.as_str(), "a" | "an" | "the")
        || (first == "one" && a + 1 < b && w.lower(a + 1) == "of")
        || (a..b.min(a + 3)).any(|i| is_role_noun(&w.lower(i)))
}

/// A name ending at token `b` (capitalized words, with a title or role words before it).
fn trailing_name(w: &Words<'_>, a: usize, b: usize) -> Option<Subject> {
    let mut i = b;
    // Skip a parenthesised acronym or party tag after the name: "the Syrian Democratic
    // Forces (SDF)", "Rep. Bob Barr (R-Ga.)".
    if i >= a + 3 && w.is_punct(i - 1, ")") {
        if let Some(open) = (i.saturating_sub(7).max(a)..i - 1)
            .rev()
            .find(|&k| w.is_punct(k, "("))
        {
            i = open;
        }
    }
    let name_end = i;
    while i > a {
        let word = w.word(i - 1);
        let lower = word.to_lowercase();
        if w.tokens[i - 1].kind == TokenKind::Word
            && (is_name_word(word)
                || (i < name_end
                    && matches!(lower.as_str(), "al" | "bin" | "de" | "of" | "for")
                    && i - 1 > a))
        {
            i -= 1;
        } else {
            break;
        }
    }
    if i == name_end {
        return None;
    }
    // Connectors and capitalized common words cannot start a name ("Later Wirth"); a
    // capitalized "Al" or "De" can ("Al Burke").
    while i < name_end {
        let l = w.lower(i);
        let connector = matches!(l.as_str(), "of" | "for")
            || (matches!(l.as_str(), "al" | "bin" | "de") && !is_capitalized(w.word(i)));
        if connector
            || Language::English.is_not_name(&l)
            || crate::lang::Language::English.is_stop_word(&l)
        {
            i += 1;
        } else {
            break;
        }
    }
    let words: Vec<&str> = (i..name_end).map(|k| w.word(k)).collect();
    if words.is_empty() {
        return None;
    }
    // Title words inside the run: "US President Donald Trump", "Colonel Sean Ryan"; a role
    // noun before a name of two words or more too ("Deputy Police Commissioner Ann Lee").
    let last_title = words
        .iter()
        .enumerate()
        .rev()
        .find(|(k, x)| {
            let lower = x.to_lowercase();
            (*k + 1 < words.len() && is_title(&lower))
                || (*k + 2 < words.len() && is_role_noun(&lower))
        })
        .map(|(k, _)| k);
    let (role_words, name_words) = match last_title {
        Some(k) => (&words[..=k], &words[k + 1..]),
        None => (&words[..0], &words[..]),
    };
    // A capitalized title word alone right before the verb is a surname ("King said").
    let lone_surname = words.len() == 1
        && name_end == b
        && (i == a || !matches!(w.lower(i - 1).as_str(), "the" | "a" | "an"));
    if !lone_surname
        && name_words
            .iter()
            .all(|x| is_title(&x.to_lowercase()) || x.to_lowercase() == "the")
    {
        return None;
    }
    let mut role: Vec<&str> = role_words
        .iter()
        .copied()
        .filter(|x| !ent().plain_honorifics.contains(&x.to_lowercase().as_str()))
        .collect();
    // Lowercase role words before the name: "SDF spokesman Mustafa Bali", "US president".
    let mut j = i;
    let mut pre = Vec::new();
    while j > a && pre.len() < 5 {
        let word = w.word(j - 1);
        let lower = word.to_lowercase();
        if w.tokens[j - 1].kind != TokenKind::Word {
            break;
        }
        if is_role_noun(&lower)
            || (is_capitalized(word) && !pre.is_empty())
            || (!pre.is_empty() && is_adjective_like(&lower))
        {
            pre.push(word);
            j -= 1;
        } else {
            break;
        }
    }
    if !pre.is_empty() && pre.iter().any(|x| is_role_noun(&x.to_lowercase())) {
        pre.reverse();
        let mut all = pre;
        all.extend(role);
        role = all;
    }
    let name = name_words.join(" ");
    let role = (!role.is_empty()).then(|| role.join(" "));
    Some(Subject::Named { name, role })
}

/// The person a sentence opens with ("But Mayor Ilse Varga, who ...", "Brandt said
/// that ..."): its subject, for resolving a "he said" that follows.
pub(crate) fn leading_name(ctx: &str) -> Option<Subject> {
    let w = Words::new(ctx);
    let n = w.tokens.len();
    let mut a = 0;
    while a < n
        && (matches!(
            w.lower(a).as_str(),
            "but" | "and" | "still" | "later" | "then" | "meanwhile" | "yet" | "so"
        ) || w.is_punct(a, ","))
    {
        a += 1;
    }
    let mut b = a;
    while b < n {
        let name_word = w.tokens[b].kind == TokenKind::Word
            && (is_name_word(w.word(b))
                || (b > a && matches!(w.lower(b).as_str(), "al" | "bin" | "de")));
        if name_word || (b > a && abbreviation_dot(&w, b)) {
            b += 1;
        } else {
            break;
        }
    }
    // A sentence that opens with a participle ("Standing at the podium, ...") names nobody.
    if b == a + 1 && w.lower(a).ends_with("ing") {
        return None;
    }
    // A possessive ("Gingrich's remarks were ...") is not the subject.
    if b > a && (w.word(b - 1).ends_with("'s") || w.word(b - 1).ends_with("\u{2019}s")) {
        return None;
    }
    if let Some(s) = name_after_role(&w, ctx, a, b) {
        return Some(s);
    }
    // The name is the subject: a comma, or a lowercase word (the verb) follows.
    let follows = w.tokens.get(b).map(|t| t.text(ctx))?;
    let lowercase_next = follows.starts_with(|c: char| c.is_lowercase());
    if b == a || !(follows == "," || lowercase_next) {
        return None;
    }
    match trailing_name(&w, a, b)? {
        Subject::Named { name, role } => Some(Subject::Named { name, role }),
        _ => None,
    }
}

/// A name after a role with capitalized modifiers ("GOP presidential contender Ann Lee
/// ridiculed"): the capitalized words at `a..b`, one to three lowercase words ending in a
/// role noun, then a name of two words or more that a comma or a lowercase verb follows.
fn name_after_role(w: &Words<'_>, ctx: &str, a: usize, b: usize) -> Option<Subject> {
    let n = w.tokens.len();
    let mut k = b;
    while k < n
        && k < b + 3
        && w.tokens[k].kind == TokenKind::Word
        && w.word(k).starts_with(char::is_lowercase)
        && !is_role_noun(&w.lower(k))
    {
        k += 1;
    }
    if b == a || k >= n || !is_role_noun(&w.lower(k)) {
        return None;
    }
    let start = k + 1;
    let mut end = start;
    while end < n && w.tokens[end].kind == TokenKind::Word && is_name_word(w.word(end)) {
        end += 1;
    }
    let follows = w.tokens.get(end).map(|t| t.text(ctx))?;
    let subject_follows = follows == "," || follows.starts_with(char::is_lowercase);
    (end >= start + 2 && subject_follows).then(|| Subject::Named {
        name: w.slice(start, end).to_string(),
        role: Some(w.slice(a, start).to_string()),
    })
}

fn is_adjective_like(lower: &str) -> bool {
    matches!(
        lower,
        "senior"
            | "chief"
            | "deputy"
            | "former"
            | "top"
            | "local"
            | "military"
            | "foreign"
            | "defence"
            | "defense"
            | "media"
            | "press"
    )
}

/// A role given as an apposition starting at token `a`, up to the next comma or the end.
fn apposition(w: &Words<'_>, a: usize, b: usize) -> Option<String> {
    if !starts_role(w, a, b) {
        return None;
    }
    let mut end = a;
    while end < b && !w.is_punct(end, ",") {
        end += 1;
    }
    clean_role(w.slice(a, end))
}

/// A role without its article and without a trailing channel ("on Twitter").
pub(crate) fn clean_role(role: &str) -> Option<String> {
    let mut r = role
        .trim()
        .trim_end_matches(['.', ',', ':', ';'])
        .trim()
        .to_string();
    for art in ["the ", "a ", "an ", "The ", "A ", "An "] {
        if let Some(rest) = r.strip_prefix(art) {
            r = rest.to_string();
            break;
        }
    }
    let lower = r.to_lowercase();
    for tail in lex().channel_tails {
        if let Some(pos) = lower.find(tail) {
            r.truncate(pos);
            break;
        }
    }
    let r = r.trim();
    if r.is_empty() || r.split_whitespace().count() > 18 {
        return None;
    }
    Some(r.to_string())
}

/// A noun phrase at `a..b` after a verb: a name, or a description.
fn noun_phrase(w: &Words<'_>, a: usize, b: usize) -> Option<Subject> {
    // "according to a report the group released": a document with a reduced relative
    // clause naming who made it; the whole phrase is the description.
    if b >= a + 3
        && matches!(w.lower(a).as_str(), "a" | "an" | "the")
        && super::ORGANISATION_NOUNS.contains(&w.lower(a + 1).as_str())
        && matches!(w.lower(a + 2).as_str(), "the" | "its" | "their")
    {
        return Some(Subject::Description(w.slice(a, b).to_string()));
    }
    if let Some(np) = trailing_name(w, a, b) {
        // The name must reach the start of the phrase (apart from an article).
        return Some(np);
    }
    let last = w.lower(b - 1);
    if is_description_head(&last) {
        return Some(Subject::Description(w.slice(a, b).to_string()));
    }
    None
}

fn with_role(s: Subject, role: Option<String>) -> Subject {
    match s {
        Subject::Named { name, role: r } => Subject::Named {
            name,
            role: role.or(r),
        },
        other => other,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn name_after_a_role_with_modifiers() {
        assert_eq!(
            leading_name("GOP presidential contender Ann Lee mocked the plan."),
            named("Ann Lee", Some("GOP presidential contender"))
        );
        // A lowercase word that ends no role leaves the name to the usual reading.
        assert_eq!(
            leading_name("Republicans led by Ann Lee voted no."),
            leading_name("Republicans voted no.")
        );
    }

    #[test]
    fn passive_verbs_inverted_attributions_and_listeners() {
        // "be ordered" is passive: the speaker is the subject of "asks".
        assert_eq!(
            before("She also asks that Tomas Varga be ordered to stop any "),
            Some(Subject::Pronoun(Some(Gender::Female)))
        );
        // "says Stern, ``": the name after the verb.
        assert_eq!(
            before("Whether the plan works or not, says Stern, "),
            named("Stern", None)
        );
        // Not a weekday or a plain clause after a verb.
        assert_eq!(
            before("Dana Wirth said Tuesday: "),
            named("Dana Wirth", None)
        );
        assert_eq!(
            after(", by Ann Lee, the editor of the paper."),
            named("Ann Lee", Some("editor of the paper"))
        );
        assert_eq!(after(" by the time the vote came."), None);
        assert!(matches!(
            after(", said Rear Adm. Ivo Mark of the navy."),
            Some(Subject::Named { name, .. }) if name == "Ivo Mark"
        ));
        assert_eq!(listener(", he told Berg.").as_deref(), Some("Berg"));
        assert_eq!(listener(" he told reporters."), None);
        assert!(replies(" she replied."));
        assert!(!replies(", she said."));
    }

    fn named(name: &str, role: Option<&str>) -> Option<Subject> {
        Some(Subject::Named {
            name: name.to_string(),
            role: role.map(str::to_string),
        })
    }

    #[test]
    fn subject_before_colon() {
        assert_eq!(before("Dana Wirth said: "), named("Dana Wirth", None));
        assert_eq!(
            before("Dana Wirth, the head of the port authority, said: "),
            named("Dana Wirth", Some("head of the port authority"))
        );
        assert_eq!(
            before("Colonel Ivo Mark said: "),
            named("Ivo Mark", Some("Colonel"))
        );
        assert_eq!(
            before("On Monday he said: "),
            Some(Subject::Pronoun(Some(Gender::Male)))
        );
        assert_eq!(before("Later also tweeted: "), Some(Subject::Implicit));
        assert_eq!(
            before("A source told The Daily Mail: "),
            Some(Subject::Description("A source".to_string()))
        );
        assert_eq!(
            before("Port spokesman Dana Wirth said the ships were "),
            named("Dana Wirth", Some("Port spokesman"))
        );
    }

    #[test]
    fn party_tags_markup_colons_and_relayed_questions() {
        assert_eq!(
            after(", Rep. Dana Wirth, R-Fla., said."),
            named("Dana Wirth", None)
        );
        assert_eq!(
            after(", Sen &UR; . &LR; Dana Wirth, D-Wis., called it."),
            named("Dana Wirth", None)
        );
        assert_eq!(
            before("Ultimately, Wirth said, Berg would ask: "),
            named("Berg", None)
        );
        assert_eq!(
            before("She rolled her eyes and waved them away: "),
            Some(Subject::Pronoun(Some(Gender::Female)))
        );
        assert_eq!(
            before("The harbour-spokeswoman raised her hand: "),
            Some(Subject::Description("the spokeswoman".to_string()))
        );
        assert_eq!(before("The plan was simple: "), None);
        assert!(person_apposition(
            "Ann Lee, chairman of the board, said",
            "Ann Lee"
        ));
        assert!(!person_apposition(
            "Harbour Watch, a monitoring group, said",
            "Harbour Watch"
        ));
    }

    #[test]
    fn long_clauses_titles_tags_and_relative_clauses() {
        let name = |s: Option<Subject>| match s {
            Some(Subject::Named { name, .. }) => Some(name),
            _ => None,
        };
        let wirth = Some("Dana Wirth".to_string());
        // The clause runs past 30 tokens: its opening still names the speaker.
        let long = ", said Dana Wirth, director of the Harbour Watch Trust, a group of boat \
                    owners and fishermen that has nearly doubled to 5,500 members in the last \
                    two years of its campaign.";
        assert_eq!(name(after(long)), wirth);
        assert_eq!(
            name(after(", said Dr. Dana Wirth, a harbour engineer.")),
            wirth
        );
        assert_eq!(
            name(after(", said Wirth of her plans to sail.")),
            Some("Wirth".to_string())
        );
        assert_eq!(
            name(after(
                " with the board's view, said port spokesman Dana Wirth."
            )),
            wirth
        );
        assert_eq!(
            name(before(
                "Sen. Dana Wirth, R-N.C., chairman of the harbour panel, said the bill "
            )),
            wirth
        );
        assert_eq!(
            name(before(
                "Sen. Dana Wirth, R-Ore., who is running again, said the plan was "
            )),
            wirth
        );
        assert_eq!(
            name(before(
                "Rep. Dana Wirth (R-Ore.), a harbour panel member, described it as "
            )),
            wirth
        );
        assert_eq!(
            before("Afterward, a prosecutor said the goal was "),
            Some(Subject::Description("a prosecutor".to_string()))
        );
        assert_eq!(name(after(", said Al Berg.")), Some("Al Berg".to_string()));
    }

    #[test]
    fn subject_after_quote() {
        assert_eq!(after(", said Dana Wirth."), named("Dana Wirth", None));
        assert_eq!(
            after(" said Dana Wirth, head of the port media office on Twitter."),
            named("Dana Wirth", Some("head of the port media office"))
        );
        assert_eq!(
            after(" Dana Wirth, a spokeswoman for the Harbour Board (HB) told Reuters."),
            named("Dana Wirth", Some("spokeswoman for the Harbour Board (HB)"))
        );
        assert_eq!(after(", Mr Wirth said."), named("Wirth", None));
        assert_eq!(
            after(" Wirth said in a Twitter post."),
            named("Wirth", None)
        );
        assert_eq!(
            after(", a harbour spokeswoman said on Friday."),
            Some(Subject::Description("a harbour spokeswoman".to_string()))
        );
        assert_eq!(after(" approach to the port."), None);
        assert_eq!(
            after(", according to Dana Wirth."),
            named("Dana Wirth", None)
        );
    }
}
