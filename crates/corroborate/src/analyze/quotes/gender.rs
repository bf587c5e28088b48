//! The grammatical gender of the people a cluster names, for resolving "he said" and
//! "she said" to a person who agrees with the pronoun.
//!
//! Evidence, counted over every mention: an honorific right before the name ("Mrs."), a
//! gendered noun in an apposition right after it (", his grandmother"), and the first word
//! of the full name when it is a common given name.

use crate::analyze::entities::EntityIndex;
use crate::analyze::EntityKind;
use crate::lang::{Language, QuoteWords};
use crate::prepared::PreparedCluster;

/// The words this analyzer reads: it reads English rules.
fn lex() -> &'static QuoteWords {
    Language::English.quote_words()
}

/// The gender a pronoun or a person has.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Gender {
    Female,
    Male,
}

impl Gender {
    /// The gender of a subject pronoun ("she" -> female; "they", "I" -> none).
    pub(crate) fn of_pronoun(lower: &str) -> Option<Gender> {
        match lower {
            "she" => Some(Gender::Female),
            "he" => Some(Gender::Male),
            _ => None,
        }
    }

    /// The gender a word says ("Mrs.", "grandmother", "spokesman").
    fn of_word(lower: &str) -> Option<Gender> {
        if lex().female_words.contains(&lower) {
            Some(Gender::Female)
        } else if lex().male_words.contains(&lower) {
            Some(Gender::Male)
        } else {
            None
        }
    }
}

/// The gender a full name's given name says ("Ann Lee" -> female; "Lee" -> none).
pub(crate) fn of_name(name: &str) -> Option<Gender> {
    let mut words = name.split_whitespace();
    let first = words.next()?.to_lowercase();
    words.next()?;
    given_name(&first)
}

/// The gender a name as written says: a full name's given name, or a lone word that is a
/// given name ("Peter", "Marianne"; "Lee" -> none).
pub(crate) fn of_written(name: &str) -> Option<Gender> {
    if name.split_whitespace().count() == 1 {
        return given_name(&name.to_lowercase());
    }
    of_name(name)
}

/// The gender an honorific right before `name` in `head` says ("Mrs. Ames" -> female).
pub(crate) fn of_honorific(head: &str, name: &str) -> Option<Gender> {
    let at = head.find(name)?;
    let word = head[..at].split_whitespace().last()?.to_lowercase();
    Gender::of_word(&word)
}

fn given_name(lower: &str) -> Option<Gender> {
    use crate::lang::NameGender;
    match Language::English.given_name(lower)?.gender {
        NameGender::Female => Some(Gender::Female),
        NameGender::Male => Some(Gender::Male),
        NameGender::Unknown => None,
    }
}

/// Whether a person of gender `person` can be referred to by a pronoun of gender `pronoun`
/// (unknown on either side agrees).
pub(crate) fn agrees(person: Option<Gender>, pronoun: Option<Gender>) -> bool {
    match (person, pronoun) {
        (Some(a), Some(b)) => a == b,
        _ => true,
    }
}

/// The most words of an apposition read for a gendered noun.
const APPOSITION_WORDS: usize = 4;

/// The gender of each entity (none for entities that are not people or show no evidence).
pub(crate) fn genders(cluster: &PreparedCluster, entities: &EntityIndex) -> Vec<Option<Gender>> {
    // Votes per entity: (female, male).
    let mut votes = vec![(0u32, 0u32); entities.entities.len()];
    let mut vote = |e: usize, g: Option<Gender>, weight: u32| match g {
        Some(Gender::Female) => votes[e].0 += weight,
        Some(Gender::Male) => votes[e].1 += weight,
        None => {}
    };
    for m in &entities.mentions {
        if entities.entities[m.entity].kind != EntityKind::Person {
            continue;
        }
        let Some(text) = cluster.docs.get(m.mention.doc).map(|d| d.text.as_str()) else {
            continue;
        };
        let (start, end) = (m.mention.span.start, m.mention.span.end);
        // The word right before: "Mrs. Thompson" (not "Mr. and Mrs. Shepard" for the first).
        let before = text.get(start.saturating_sub(12)..start).unwrap_or("");
        if let Some(word) = before.split_whitespace().last() {
            vote(m.entity, Gender::of_word(&word.to_lowercase()), 1);
        }
        // The apposition right after: "Thompson, his maternal grandmother".
        let after = text.get(end..(end + 60).min(text.len())).unwrap_or("");
        if let Some(rest) = after.strip_prefix(", ") {
            let g = rest
                .split_whitespace()
                .take(APPOSITION_WORDS)
                .map(|w| w.trim_end_matches([',', '.', ';']))
                // "Ames, whose wife ..." says nothing of Ames; "Ames, the son of ..." does.
                .take_while(|w| {
                    // A capitalized word starts another name: a list, not an apposition.
                    !w.is_empty()
                        && w.starts_with(|c: char| c.is_lowercase())
                        && !matches!(*w, "who" | "whose" | "of" | "and" | "or" | "with")
                })
                .find_map(|w| Gender::of_word(&w.to_lowercase()));
            vote(m.entity, g, 1);
        }
    }
    for (e, entity) in entities.entities.iter().enumerate() {
        if entity.kind == EntityKind::Person {
            vote(e, of_name(&entity.name), 2);
        }
    }
    votes
        .into_iter()
        // Mixed evidence (a surname shared by a family: "Mr. and Mrs. Ames") says nothing.
        .map(|(f, m)| {
            if f > 0 && f >= 3 * m {
                Some(Gender::Female)
            } else if m > 0 && m >= 3 * f {
                Some(Gender::Male)
            } else {
                None
            }
        })
        .collect()
}
