//! Language resources (stop words, abbreviations), keyed by language.

pub mod english;
pub mod english_furniture;
pub mod furniture;

/// A language whose resources the pipeline uses.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Hash)]
pub enum Language {
    /// English.
    #[default]
    English,
}

impl Language {
    /// Cues of page furniture (interface labels, prompts, credits, dates).
    pub fn furniture(self) -> &'static furniture::FurnitureCues {
        match self {
            Language::English => &english_furniture::FURNITURE,
        }
    }

    /// Whether the lowercased word is a stop word.
    pub fn is_stop_word(self, lower: &str) -> bool {
        match self {
            Language::English => english::is_stop_word(lower),
        }
    }
}
