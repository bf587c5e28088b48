//! A synthetic article stream for benchmarks: real articles recombined into many more
//! stories than the seed set has, deterministically from a seed.
//!
//! A window of active stories runs at any time; each article goes to one of them, in
//! increasing time. A story is a seed story (a gold group of the input) with its own
//! entity substitution: every capitalized word is replaced by a made-up name drawn from a
//! hash of (word, story), so two stories built from the same seed differ in their names,
//! as two earthquakes in different places do. Articles are seed articles with shuffled
//! sentences, a random share of them dropped, some cut to a one- or two-sentence snippet,
//! and a few exact syndicated copies of an earlier article of the story.

use corroborate::dates::{format_day, MINUTES_PER_DAY};
use corroborate::internals::SplitMix64;
use corroborate::Document;
use std::collections::BTreeMap;

/// Generator settings.
#[derive(Debug, Clone, PartialEq)]
pub struct StreamGenConfig {
    /// Seed of the pseudo-random sequence.
    pub seed: u64,
    /// Stories running at the same time.
    pub active_stories: usize,
    /// Largest story (sizes are uniform in 2..=max).
    pub max_story_size: usize,
    /// Articles per simulated day.
    pub articles_per_day: usize,
    /// Share of articles cut to a short snippet.
    pub snippet_share: f64,
    /// Share of articles that are syndicated copies.
    pub copy_share: f64,
}

impl Default for StreamGenConfig {
    fn default() -> Self {
        StreamGenConfig {
            seed: 7,
            active_stories: 60,
            max_story_size: 40,
            articles_per_day: 200,
            snippet_share: 0.2,
            copy_share: 0.05,
        }
    }
}

/// The generator of the synthetic streams; `below` keeps its modulo reduction so that the
/// streams behind the documented scale numbers stay the same.
#[derive(Debug, Clone)]
struct Rng(SplitMix64);

impl Rng {
    fn next(&mut self) -> u64 {
        self.0.next_u64()
    }

    fn below(&mut self, n: usize) -> usize {
        (self.next() % n.max(1) as u64) as usize
    }

    fn chance(&mut self, p: f64) -> bool {
        ((self.next() >> 11) as f64 / (1u64 << 53) as f64) < p
    }
}

#[derive(Debug, Clone)]
struct Active {
    id: u64,
    seed_story: usize,
    remaining: usize,
    last_text: Option<String>,
}

/// The generator: an endless iterator of articles in publication order.
#[derive(Debug, Clone)]
pub struct StreamGenerator {
    seeds: Vec<Vec<Document>>,
    config: StreamGenConfig,
    rng: Rng,
    active: Vec<Active>,
    next_story: u64,
    produced: u64,
}

const SYLLABLES: [&str; 16] = [
    "ka", "lo", "mir", "ven", "tas", "ru", "dor", "el", "qui", "sa", "bren", "to", "vik", "an",
    "zul", "ome",
];

fn hash2(a: u64, b: &str) -> u64 {
    let mut h = a ^ 0xcbf2_9ce4_8422_2325;
    for &byte in b.as_bytes() {
        h ^= u64::from(byte);
        h = h.wrapping_mul(0x0000_0100_0000_01b3);
    }
    let mut r = Rng(SplitMix64(h));
    r.next()
}

fn made_up_name(h: u64) -> String {
    let mut r = Rng(SplitMix64(h));
    let n = 2 + r.below(2);
    let mut s: String = (0..n)
        .map(|_| SYLLABLES[r.below(SYLLABLES.len())])
        .collect();
    if let Some(first) = s.get_mut(0..1) {
        first.make_ascii_uppercase();
    }
    s
}

impl StreamGenerator {
    /// A generator over the seed articles, grouped by their `gold` label (articles without
    /// one form their own seed story). `None` when there are no seed articles.
    pub fn new(articles: Vec<Document>, config: StreamGenConfig) -> Option<Self> {
        let mut groups: BTreeMap<String, Vec<Document>> = BTreeMap::new();
        for a in articles.into_iter().filter(|a| !a.text.trim().is_empty()) {
            let key = a.gold.clone().unwrap_or_else(|| a.id.clone());
            groups.entry(key).or_default().push(a);
        }
        if groups.is_empty() {
            return None;
        }
        let rng = Rng(SplitMix64(config.seed));
        let mut g = StreamGenerator {
            seeds: groups.into_values().collect(),
            config,
            rng,
            active: Vec::new(),
            next_story: 0,
            produced: 0,
        };
        for _ in 0..g.config.active_stories.max(1) {
            let s = g.new_story();
            g.active.push(s);
        }
        Some(g)
    }

    fn new_story(&mut self) -> Active {
        let id = self.next_story;
        self.next_story += 1;
        Active {
            id,
            seed_story: self.rng.below(self.seeds.len()),
            remaining: 2 + self.rng.below(self.config.max_story_size.max(2) - 1),
            last_text: None,
        }
    }

    fn transform(&mut self, story: u64, text: &str) -> String {
        let mut sentences: Vec<&str> = text
            .split_inclusive(['.', '!', '?'])
            .map(str::trim)
            .filter(|s| !s.is_empty())
            .collect();
        // Shuffle (Fisher-Yates), keeping the first sentence first as a lede.
        for i in (2..sentences.len()).rev() {
            let j = 1 + self.rng.below(i);
            sentences.swap(i, j);
        }
        let keep = if self.rng.chance(self.config.snippet_share) {
            1 + self.rng.below(2)
        } else {
            let min = (sentences.len() * 6).div_ceil(10);
            min + self.rng.below(sentences.len() - min + 1)
        };
        sentences.truncate(keep.max(1));
        let mut out = String::with_capacity(text.len());
        for (i, s) in sentences.iter().enumerate() {
            if i > 0 {
                out.push(' ');
            }
            let mut word = String::new();
            for c in s.chars() {
                if c.is_alphanumeric() {
                    word.push(c);
                } else {
                    substitute(story, &word, &mut out);
                    word.clear();
                    out.push(c);
                }
            }
            substitute(story, &word, &mut out);
        }
        out
    }
}

/// Capitalized words become the story's made-up names; other words stay.
fn substitute(story: u64, word: &str, out: &mut String) {
    let capital = word.chars().next().is_some_and(char::is_uppercase)
        && word.chars().skip(1).any(char::is_lowercase);
    if capital && word.len() > 3 {
        out.push_str(&made_up_name(hash2(story, word)));
    } else {
        out.push_str(word);
    }
}

impl Iterator for StreamGenerator {
    type Item = Document;

    fn next(&mut self) -> Option<Document> {
        let slot = self.rng.below(self.active.len());
        let n = self.produced;
        self.produced += 1;
        let minutes = (n as i64 * MINUTES_PER_DAY) / self.config.articles_per_day.max(1) as i64;
        let day = format_day(10_957 * MINUTES_PER_DAY + minutes); // from 2000-01-01
        let hhmm = minutes.rem_euclid(MINUTES_PER_DAY);
        let date = format!("{day}T{:02}:{:02}:00Z", hhmm / 60, hhmm % 60);
        let story = self.active[slot].clone();
        let copy = story.last_text.is_some() && self.rng.chance(self.config.copy_share);
        let seed_list = &self.seeds[story.seed_story];
        let base = seed_list[self.rng.below(seed_list.len())].clone();
        let text = match (copy, &story.last_text) {
            (true, Some(t)) => t.clone(),
            _ => self.transform(story.id, &base.text),
        };
        let title = base.title.as_deref().map(|t| {
            let mut out = String::new();
            let mut word = String::new();
            for c in t.chars() {
                if c.is_alphanumeric() {
                    word.push(c);
                } else {
                    substitute(story.id, &word, &mut out);
                    word.clear();
                    out.push(c);
                }
            }
            substitute(story.id, &word, &mut out);
            out
        });
        let slot_story = &mut self.active[slot];
        slot_story.last_text = Some(text.clone());
        slot_story.remaining -= 1;
        if slot_story.remaining == 0 {
            let fresh = self.new_story();
            self.active[slot] = fresh;
        }
        Some(Document {
            id: format!("syn{n:07}"),
            title,
            text,
            source: Some(format!("outlet{}", self.rng.below(12))),
            published: Some(date),
            gold: Some(format!("s{}", story.id)),
            ..Document::default()
        })
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn seeds() -> Vec<Document> {
        let mut v = Vec::new();
        for (g, text) in [
            ("a", "Rescuers in Quillby searched the rubble. The quake struck at dawn. Officials in Quillby counted damage."),
            ("b", "The Varnia central bank raised rates. Inflation in Varnia rose. Markets in Varnia fell."),
        ] {
            for i in 0..3 {
                v.push(Document { gold: Some(g.into()), ..Document::from_text(format!("{g}{i}"), text) });
            }
        }
        v
    }

    #[test]
    fn is_deterministic_and_dated_in_order() {
        let a: Vec<Document> = StreamGenerator::new(seeds(), StreamGenConfig::default())
            .expect("seeds")
            .take(300)
            .collect();
        let b: Vec<Document> = StreamGenerator::new(seeds(), StreamGenConfig::default())
            .expect("seeds")
            .take(300)
            .collect();
        assert_eq!(a, b);
        let dates: Vec<&str> = a
            .iter()
            .map(|x| x.published.as_deref().expect("dated"))
            .collect();
        assert!(dates.windows(2).all(|w| w[0] <= w[1]));
        let other = StreamGenConfig {
            seed: 8,
            ..StreamGenConfig::default()
        };
        let c: Vec<Document> = StreamGenerator::new(seeds(), other)
            .expect("seeds")
            .take(300)
            .collect();
        assert_ne!(a, c);
    }

    #[test]
    fn stories_get_their_own_names() {
        let arts: Vec<Document> = StreamGenerator::new(seeds(), StreamGenConfig::default())
            .expect("seeds")
            .take(500)
            .collect();
        assert!(arts
            .iter()
            .all(|a| !a.text.contains("Quillby") && !a.text.contains("Varnia")));
        let stories: std::collections::BTreeSet<&str> =
            arts.iter().filter_map(|a| a.gold.as_deref()).collect();
        assert!(stories.len() > 60, "{}", stories.len());
        assert!(StreamGenerator::new(Vec::new(), StreamGenConfig::default()).is_none());
    }
}
