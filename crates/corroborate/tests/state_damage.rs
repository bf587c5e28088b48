//! A damaged story state: every kind of damage gives a clear error naming the file and saying
//! it is damaged (never a panic), the copy saved after the last good run rolls it back, and a
//! state open elsewhere is reported as in use.

use corroborate::stories::state::{BACKUP_NAME, FILE_NAME};
use corroborate::stories::stream::prepare;
use corroborate::stories::{StoryConfig, StoryStore};
use corroborate::Document;
use corroborate::ErrorKind;
use std::path::{Path, PathBuf};

fn tempdir(tag: &str) -> PathBuf {
    let dir = std::env::temp_dir().join(format!("corroborate-damage-{tag}-{}", std::process::id()));
    let _ = std::fs::remove_dir_all(&dir);
    dir
}

/// Invented articles on a few topics.
fn articles(n: usize) -> Vec<Document> {
    let topics = [
        "harbour fire",
        "river flood",
        "council vote",
        "bridge closure",
    ];
    (0..n)
        .map(|i| {
            let t = topics[i % topics.len()];
            let mut a = Document::from_text(
                format!("a{i}"),
                format!(
                    "The {t} in Quillby drew crowds on Monday. Officials said {i} people were \
                     involved in the {t}. Residents described the {t} as the worst in years."
                ),
            );
            a.title = Some(format!("Quillby {t}, report {i}"));
            a.published = Some(format!("2024-03-{:02}", 1 + i % 28));
            a
        })
        .collect()
}

/// A state holding `n` articles, closed after a successful run (so a saved copy exists).
fn good_state(tag: &str, n: usize) -> PathBuf {
    let dir = tempdir(tag);
    let (mut store, mut g) = StoryStore::open(&dir, StoryConfig::default()).expect("open");
    let (ordered, _) = prepare(articles(n));
    for a in &ordered {
        g.add_stream(a);
    }
    store.commit(&mut g).expect("commit");
    store.close().expect("close");
    dir
}

fn damage(path: &Path, how: &str) {
    let mut bytes = std::fs::read(path).expect("read state");
    let len = bytes.len();
    match how {
        "truncate-4096" => bytes.truncate(4096),
        "truncate-half" => bytes.truncate(len / 2),
        "truncate-one" => bytes.truncate(len - 1),
        "flip-header" => {
            for b in &mut bytes[9..13] {
                *b ^= 0xFF;
            }
        }
        "flip-magic" => {
            for b in &mut bytes[..4] {
                *b ^= 0xFF;
            }
        }
        "flip-100" => {
            // 100 bytes flipped at positions spread over the file (a fixed LCG: deterministic).
            let mut x: u64 = 0x9E37_79B9_7F4A_7C15;
            for _ in 0..100 {
                x = x
                    .wrapping_mul(6364136223846793005)
                    .wrapping_add(1442695040888963407);
                let at = (x >> 33) as usize % len;
                bytes[at] ^= 0xFF;
            }
        }
        other => panic!("unknown damage {other}"),
    }
    std::fs::write(path, bytes).expect("write damaged state");
}

fn check_case(how: &str, must_fail: bool) {
    let dir = good_state(how, 40);
    let path = dir.join(FILE_NAME);
    damage(&path, how);
    match StoryStore::open(&dir, StoryConfig::default()) {
        Err(err) => {
            assert_eq!(err.kind(), &ErrorKind::StateDamaged, "{how}: {err}");
            let msg = err.to_string();
            assert!(msg.contains(&path.display().to_string()), "{how}: {msg}");
            assert!(msg.contains("damaged"), "{how}: {msg}");
            assert!(msg.contains("--rollback"), "{how}: {msg}");
        }
        Ok(_) => assert!(!must_fail, "{how}: a damaged state opened"),
    }
    // Roll back to the saved copy: the state opens again with its 40 articles.
    StoryStore::rollback(&dir).expect("rollback");
    let (store, _) = StoryStore::open(&dir, StoryConfig::default()).expect("open after rollback");
    assert_eq!(store.records().expect("records").len(), 40, "{how}");
    drop(store);
    let _ = std::fs::remove_dir_all(&dir);
}

#[test]
fn state_truncated_to_4096_bytes_is_reported_damaged() {
    check_case("truncate-4096", true);
}

#[test]
fn state_truncated_to_half_is_reported_damaged() {
    check_case("truncate-half", true);
}

#[test]
fn state_truncated_by_one_byte_is_reported_damaged() {
    check_case("truncate-one", true);
}

#[test]
fn state_with_flipped_header_bytes_is_reported_damaged() {
    check_case("flip-header", true);
    check_case("flip-magic", true);
}

#[test]
fn state_with_100_flipped_bytes_is_reported_damaged_or_still_reads() {
    // Flips may land in free pages; then the state still reads. Never a panic.
    check_case("flip-100", false);
}

#[test]
fn rollback_without_a_saved_copy_says_so() {
    let dir = tempdir("no-copy");
    let (store, _) = StoryStore::open(&dir, StoryConfig::default()).expect("open");
    drop(store);
    assert!(!dir.join(BACKUP_NAME).exists());
    let err = StoryStore::rollback(&dir).expect_err("nothing to roll back to");
    assert!(err.to_string().contains("no saved copy"), "{err}");
    let _ = std::fs::remove_dir_all(&dir);
}

#[test]
fn a_state_open_elsewhere_is_in_use() {
    let dir = good_state("in-use", 8);
    let (held, _) = StoryStore::open(&dir, StoryConfig::default()).expect("open");
    let err = StoryStore::open(&dir, StoryConfig::default()).expect_err("locked");
    assert_eq!(err.kind(), &ErrorKind::StateInUse, "{err}");
    assert!(
        err.to_string().contains("in use by another process"),
        "{err}"
    );
    let err = StoryStore::rollback(&dir).expect_err("locked");
    assert_eq!(err.kind(), &ErrorKind::StateInUse, "{err}");
    drop(held);
    let _ = std::fs::remove_dir_all(&dir);
}
