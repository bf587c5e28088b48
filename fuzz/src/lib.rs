//! Mutation fuzzing of every path input reaches, on the stable toolchain (no nightly, so no
//! cargo-fuzz/libFuzzer instrumentation): a seeded generator mutates a corpus of invented
//! inputs, each mutant runs through one target under `catch_unwind`, and a panic or a slow
//! run is saved as a regression input (`fuzz/regressions/<target>/`), which
//! `tests/corpus.rs` replays on every test run.
//!
//! Without coverage feedback a mutant joins the in-memory corpus when it gives an outcome
//! signature (counts of documents, sentences, errors, brief sections) not seen before, so
//! the search keeps inputs that reach different shapes of output.

use corroborate::analyze::brief::{build_brief, BriefConfig};
use corroborate::ingest::read_bytes;
use corroborate::stories::reader::{parse_article_lines, StoryInputs};
use corroborate::stories::{StoryConfig, StoryStore};
use corroborate::{Cluster, Pipeline};
use std::path::{Path, PathBuf};

/// A fuzz target: a name (the corpus folder) and what it runs.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Target {
    /// Plain-text ingest (`.txt`).
    IngestText,
    /// HTML ingest (`.html`).
    IngestHtml,
    /// Cluster JSONL ingest.
    IngestClusters,
    /// Article JSONL ingest, and the story stream's line reader.
    IngestArticles,
    /// Cleaning of ingested documents.
    Clean,
    /// Cleaning and sentence splitting (the prepared cluster).
    Segment,
    /// The whole brief: analysis (quotes, numbers, entities, timeline) and summary.
    Analyze,
    /// Opening a story state file holding arbitrary bytes.
    State,
}

impl Target {
    /// Every target, in the order runs cover them.
    pub const ALL: [Target; 8] = [
        Target::IngestText,
        Target::IngestHtml,
        Target::IngestClusters,
        Target::IngestArticles,
        Target::Clean,
        Target::Segment,
        Target::Analyze,
        Target::State,
    ];

    /// The target's name (its corpus folder).
    pub fn name(self) -> &'static str {
        match self {
            Target::IngestText => "ingest-text",
            Target::IngestHtml => "ingest-html",
            Target::IngestClusters => "ingest-clusters",
            Target::IngestArticles => "ingest-articles",
            Target::Clean => "clean",
            Target::Segment => "segment",
            Target::Analyze => "analyze",
            Target::State => "state",
        }
    }

    /// Look a target up by name.
    pub fn from_name(name: &str) -> Option<Target> {
        Target::ALL.into_iter().find(|t| t.name() == name)
    }

    /// The file name an input is read under (its extension picks the ingest format).
    fn file_name(self) -> &'static str {
        match self {
            Target::IngestHtml => "page.html",
            Target::IngestClusters | Target::IngestArticles => "lines.jsonl",
            _ => "article.txt",
        }
    }

    /// Run the target on `bytes`; the result is an outcome signature (which shapes of output
    /// it reached). A panic propagates: the caller catches it.
    pub fn run(self, bytes: &[u8], scratch: &Path) -> u64 {
        let ingested = read_bytes(self.file_name(), bytes);
        let mut sig = mix(0, self as u64);
        sig = mix(sig, ingested.documents.len() as u64);
        sig = mix(sig, ingested.clusters.len() as u64);
        sig = mix(sig, ingested.errors.len().min(4) as u64);
        sig = mix(sig, ingested.warnings.len().min(4) as u64);
        let cluster = || {
            let mut docs = ingested.documents.clone();
            docs.extend(ingested.clusters.iter().flat_map(|c| c.docs.clone()));
            Cluster {
                id: "fuzz".to_string(),
                docs,
                ..Cluster::default()
            }
        };
        match self {
            Target::IngestText | Target::IngestHtml | Target::IngestClusters => sig,
            Target::IngestArticles => {
                let mut out = StoryInputs::default();
                parse_article_lines("lines.jsonl", &String::from_utf8_lossy(bytes), &mut out);
                mix(sig, out.articles.len().min(8) as u64)
            }
            Target::Clean => {
                let docs = cluster().docs;
                let cleaned = Pipeline::default().cleaner.clean_cluster(&docs);
                let kept: usize = cleaned.iter().map(|c| c.kept.len()).sum();
                let removed: usize = cleaned.iter().map(|c| c.removed.len()).sum();
                mix(mix(sig, bucket(kept)), bucket(removed))
            }
            Target::Segment => {
                let prepared = Pipeline::default().prepare(cluster());
                for i in 0..prepared.sentences.len() {
                    // Every sentence slices back to text of its document.
                    let _ = prepared.text(i);
                }
                mix(sig, bucket(prepared.sentences.len()))
            }
            Target::Analyze => {
                let prepared = Pipeline::default().prepare(cluster());
                let brief = build_brief(&prepared, &BriefConfig::default());
                let mut s = mix(sig, bucket(brief.summary.len()));
                s = mix(s, bucket(brief.quotes.len()));
                s = mix(s, bucket(brief.numbers.len()));
                s = mix(s, bucket(brief.entities.len()));
                mix(s, bucket(brief.timeline.len()))
            }
            Target::State => {
                let dir = scratch.join("state");
                let _ = std::fs::remove_dir_all(&dir);
                std::fs::create_dir_all(&dir).expect("scratch state directory");
                std::fs::write(dir.join(corroborate::stories::state::FILE_NAME), bytes)
                    .expect("write scratch state");
                let got = StoryStore::open(&dir, StoryConfig::default());
                let kind = match &got {
                    Ok(_) => 1,
                    Err(e) => 2 + format!("{:?}", e.kind()).len() as u64,
                };
                drop(got);
                mix(0, kind)
            }
        }
    }
}

/// A valid story state holding a few invented articles (the seed of the `state` target,
/// built at run time rather than kept as a binary file).
pub fn seed_state(scratch: &Path) -> Vec<u8> {
    use corroborate::stories::stream::prepare;
    use corroborate::Document;
    let dir = scratch.join("seed-state");
    let _ = std::fs::remove_dir_all(&dir);
    let (mut store, mut grouper) =
        StoryStore::open(&dir, StoryConfig::default()).expect("a new state opens");
    let articles = (0..6)
        .map(|i| {
            Document::from_text(
                format!("a{i}"),
                format!(
                    "The ferry to Holm stopped for {i} days. The operator said storms closed \
                     the harbour. Passengers waited in Vask."
                ),
            )
        })
        .collect();
    let (ordered, _) = prepare(articles);
    for a in &ordered {
        grouper.add_stream(a);
    }
    store.commit(&mut grouper).expect("commit the seed state");
    drop(store);
    std::fs::read(dir.join(corroborate::stories::state::FILE_NAME)).expect("read the seed state")
}

/// Counts bucketed by powers of two, so a signature does not grow with every count.
fn bucket(n: usize) -> u64 {
    u64::from(usize::BITS - n.leading_zeros())
}

fn mix(h: u64, v: u64) -> u64 {
    (h ^ v)
        .wrapping_mul(0x0100_0000_01b3)
        .rotate_left(17)
        .wrapping_add(v)
}

/// The library's seeded SplitMix64 (reached through `unstable-internals`), so a run is
/// reproducible from its seed.
pub use corroborate::internals::SplitMix64 as Rng;

/// Fragments that reach the interesting paths: number words, quotes, brackets, sentence
/// marks of other scripts, markup, JSON punctuation, dates.
const TOKENS: &[&str] = &[
    "ten of ",
    "twenty-one ",
    "1,200 ",
    "3.5 million ",
    "\"",
    "\u{201c}",
    "\u{201d}",
    "'",
    "(",
    ")",
    "[",
    "]",
    "{",
    "}",
    ". ",
    "? ",
    "! ",
    "\u{3002}",
    "\u{ff01}",
    "Mr. ",
    "U.S. ",
    "\n\n",
    "\n",
    "<p>",
    "</p>",
    "<script>",
    "<div class=\"nav\">",
    "&amp;",
    "\":\"",
    "\",\"",
    "{\"text\":\"",
    "{\"id\":\"c\",\"docs\":[",
    "said ",
    "on Monday ",
    "March 3, 2024 ",
    "2024-03-01",
    "\u{1F600}",
    "\u{FEFF}",
    "\u{0301}",
    "\u{00a0}",
    "|||||",
    "Copyright ",
    "Share this ",
];

/// Largest mutant, in bytes (state files are larger: redb allocates whole regions).
pub const MAX_LEN: usize = 16 * 1024;
const MAX_STATE_LEN: usize = 8 * 1024 * 1024;

/// One mutant of `input` (`other` is a second corpus entry for splicing) for `target`.
pub fn mutate_for(target: Target, rng: &mut Rng, input: &[u8], other: &[u8]) -> Vec<u8> {
    if target != Target::State {
        return mutate(rng, input, other);
    }
    // A state: flip, overwrite or zero a few bytes, or truncate, keeping the length otherwise.
    let mut out = input.to_vec();
    if out.is_empty() {
        return out;
    }
    for _ in 0..1 + rng.below(8) {
        let i = rng.below(out.len());
        match rng.below(4) {
            0 => out[i] ^= 1 << rng.below(8),
            1 => out[i] = rng.next_u64() as u8,
            2 => {
                let end = (i + 1 + rng.below(64)).min(out.len());
                out[i..end].fill(0);
            }
            _ if rng.below(8) == 0 => out.truncate(i),
            _ => out[i] = 0xFF,
        }
    }
    out.truncate(MAX_STATE_LEN);
    out
}

/// One mutant of `input` (`other` is a second corpus entry for splicing).
pub fn mutate(rng: &mut Rng, input: &[u8], other: &[u8]) -> Vec<u8> {
    let mut out = input.to_vec();
    let rounds = 1 + rng.below(4);
    for _ in 0..rounds {
        let at = if out.is_empty() {
            0
        } else {
            rng.below(out.len() + 1)
        };
        match rng.below(9) {
            0 if !out.is_empty() => {
                let i = rng.below(out.len());
                out[i] ^= 1 << rng.below(8);
            }
            1 if !out.is_empty() => {
                let i = rng.below(out.len());
                out[i] = rng.next_u64() as u8;
            }
            2 => {
                let t = TOKENS[rng.below(TOKENS.len())];
                out.splice(at..at, t.bytes());
            }
            3 => {
                // A token repeated: the shape of the superlinear inputs found so far.
                let t = TOKENS[rng.below(TOKENS.len())];
                let times = 1 + rng.below(200);
                let rep: Vec<u8> = t.bytes().cycle().take(t.len() * times).collect();
                out.splice(at..at, rep);
            }
            4 if !out.is_empty() => {
                let len = rng.below(out.len() - at.min(out.len()) + 1).min(64);
                out.drain(at..(at + len).min(out.len()));
            }
            5 if !other.is_empty() => {
                let from = rng.below(other.len());
                let len = rng.below(other.len() - from + 1);
                out.splice(at..at, other[from..from + len].iter().copied());
            }
            6 if !out.is_empty() => {
                // Duplicate a slice of the input in place.
                let from = rng.below(out.len());
                let len = rng.below(out.len() - from + 1).min(512);
                let piece: Vec<u8> = out[from..from + len].to_vec();
                out.splice(at..at, piece);
            }
            7 if !out.is_empty() => out.truncate(at),
            _ => {
                let b =
                    [b' ', b'.', b'\n', b'"', b'<', b'>', b'{', b'}', b',', b'0'][rng.below(10)];
                out.insert(at, b);
            }
        }
    }
    out.truncate(MAX_LEN);
    out
}

/// Files of a folder in name order (none when it is missing).
pub fn files_in(dir: &Path) -> Vec<PathBuf> {
    let mut files: Vec<PathBuf> = std::fs::read_dir(dir)
        .map(|rd| {
            rd.filter_map(|e| e.ok().map(|e| e.path()))
                .filter(|p| p.is_file())
                .collect()
        })
        .unwrap_or_default();
    files.sort();
    files
}

/// The fuzz folder (`fuzz/` in the repository).
pub fn fuzz_dir() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR"))
}

/// A stable hex name for an input.
pub fn input_name(bytes: &[u8]) -> String {
    let mut h = 0xcbf2_9ce4_8422_2325u64;
    for &b in bytes {
        h = (h ^ u64::from(b)).wrapping_mul(0x0100_0000_01b3);
    }
    format!("{h:016x}")
}
