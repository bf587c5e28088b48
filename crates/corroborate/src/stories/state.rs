//! The story index on disk, so that yesterday's run continues today.
//!
//! redb (pure Rust, copy-on-write B-trees, ACID transactions) rather than SQLite: no C
//! toolchain, a fast build, and typed tables are all we need. Each [`StoryStore::commit`] is
//! one write transaction holding every change since the last one: a run killed midway
//! leaves the state of its last commit, and rerunning the same input continues from there
//! (articles already in the state keep their stories and are not grouped again).
//!
//! Tables: `meta` (format version, configuration, counters), `terms` (id -> df + text),
//! `stories` (id -> JSON), `articles` (stream position -> JSON record), `covered` (story id
//! as reported at the end of the last run -> JSON list of the article ids it had then; see
//! [`StoryStore::last_run`]). The postings and the syndication index are rebuilt on open by
//! replaying the article records in stream order.

use super::grouper::{ArticleRecord, Story, StoryGrouper};
use super::StoryConfig;
use crate::error::{Error, ErrorKind, Result};
use redb::{Database, ReadableTable, ReadableTableMetadata, TableDefinition};
use std::collections::BTreeMap;
use std::path::{Path, PathBuf};

/// The state format this build reads and writes. Bump on any change of table layout or
/// record meaning.
///
/// Version 2: IDF blends a background prior (`super::background`) with the stream's
/// counts, so version-1 document frequencies would be read with another meaning.
/// Version 3: small-story folding; stories record their last member's stream position
/// (when their fold is due) and the story they were folded into.
/// Version 5: the `covered` table (what each story had at the end of the last run). A
/// version-4 state is upgraded in place on open: its last run is taken to have covered
/// every article it holds.
pub const FORMAT: &str = "corroborate-stories/5";
/// The previous format, upgraded on open (see [`FORMAT`]).
const FORMAT_4: &str = "corroborate-stories/4";
/// The database file inside the state directory.
pub const FILE_NAME: &str = "stories.redb";

const META: TableDefinition<&str, &[u8]> = TableDefinition::new("meta");
const TERMS: TableDefinition<u32, &[u8]> = TableDefinition::new("terms");
const STORIES: TableDefinition<u32, &[u8]> = TableDefinition::new("stories");
const ARTICLES: TableDefinition<u64, &[u8]> = TableDefinition::new("articles");
const COVERED: TableDefinition<u32, &[u8]> = TableDefinition::new("covered");

/// What the last run covered: per story (its id as reported at the end of that run), the
/// ids of its articles then.
pub type Coverage = BTreeMap<u32, Vec<String>>;

/// An open state directory.
pub struct StoryStore {
    db: QuietDb,
    path: PathBuf,
    /// What the last run covered, read on open; `None` for a state no run has filled yet.
    last_run: Option<Coverage>,
}

/// A redb database whose drop cannot panic out: redb flushes its allocator state when the
/// database is dropped and asserts on some damaged files there (the 1-hour fuzz run found two),
/// which would abort a command that already reported the damage.
struct QuietDb(Option<Database>);

impl QuietDb {
    fn new(db: Database) -> QuietDb {
        QuietDb(Some(db))
    }

    /// Drop the database now; `false` when redb panicked while closing it.
    fn close(mut self) -> bool {
        self.drop_quietly()
    }

    fn drop_quietly(&mut self) -> bool {
        let Some(db) = self.0.take() else {
            return true;
        };
        let hook = std::panic::take_hook();
        std::panic::set_hook(Box::new(|_| {}));
        let got = std::panic::catch_unwind(std::panic::AssertUnwindSafe(move || drop(db)));
        std::panic::set_hook(hook);
        got.is_ok()
    }
}

impl Drop for QuietDb {
    fn drop(&mut self) {
        self.drop_quietly();
    }
}

impl std::ops::Deref for QuietDb {
    type Target = Database;
    fn deref(&self) -> &Database {
        // Only `close` and `drop` take the database, and both consume the wrapper.
        self.0
            .as_ref()
            .expect("the database is open until the store is closed")
    }
}

impl std::fmt::Debug for StoryStore {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("StoryStore")
            .field("path", &self.path)
            .finish()
    }
}

fn state_err(path: &Path, msg: impl std::fmt::Display) -> Error {
    Error::new(
        ErrorKind::State,
        path.display().to_string(),
        msg.to_string(),
    )
}

/// The copy of the state saved after the last successful run (see [`StoryStore::close`]).
pub const BACKUP_NAME: &str = "stories.redb.prev";

/// How the error about a state of another format version begins (that state is not damaged).
const VERSION_MISMATCH: &str = "state format is";

/// The first bytes of every redb file.
const REDB_MAGIC: &[u8] = b"redb\x1A\x0A\xA9\x0D\x0A";

fn damaged(path: &Path, detail: impl std::fmt::Display) -> Error {
    let backup = path.with_file_name(BACKUP_NAME);
    let remedy = if backup.exists() {
        format!(
            "restore the copy saved after the last good run ({}) with `stories --state DIR \
             --rollback`, or move the file away to start a new state",
            backup.display()
        )
    } else {
        "no saved copy exists; move the file away to start a new state".to_string()
    };
    Error::new(
        ErrorKind::StateDamaged,
        path.display().to_string(),
        format!("the story state is damaged ({detail}); {remedy}"),
    )
}

fn in_use(path: &Path) -> Error {
    Error::new(
        ErrorKind::StateInUse,
        path.display().to_string(),
        "the story state is in use by another process; wait for it to finish",
    )
}

/// Run `f`, turning a panic inside redb (it asserts on some damaged files, e.g. a truncated
/// one) into an error. The panic message is not printed: the caller reports the damage.
fn guarded<T>(path: &Path, f: impl FnOnce() -> Result<T>) -> Result<T> {
    let hook = std::panic::take_hook();
    std::panic::set_hook(Box::new(|_| {}));
    let got = std::panic::catch_unwind(std::panic::AssertUnwindSafe(f));
    std::panic::set_hook(hook);
    match got {
        Ok(r) => r,
        Err(payload) => {
            let what = payload
                .downcast_ref::<&str>()
                .map(|s| s.to_string())
                .or_else(|| payload.downcast_ref::<String>().cloned())
                .unwrap_or_else(|| "the database library stopped".to_string());
            let what = what.split_whitespace().collect::<Vec<_>>().join(" ");
            Err(damaged(path, what))
        }
    }
}

/// Open an existing redb file: a lock held elsewhere is "in use", anything else unreadable
/// is damage.
fn open_existing(path: &Path) -> Result<Database> {
    let mut head = [0u8; 9];
    let magic_ok = std::fs::File::open(path)
        .and_then(|mut f| std::io::Read::read_exact(&mut f, &mut head))
        .is_ok()
        && head == REDB_MAGIC;
    if !magic_ok {
        return Err(damaged(path, "not a database file: its header is wrong"));
    }
    guarded(path, || match Database::open(path) {
        Ok(db) => Ok(db),
        Err(redb::DatabaseError::DatabaseAlreadyOpen) => Err(in_use(path)),
        Err(e) => Err(damaged(path, e)),
    })
}

fn copy_atomically(from: &Path, to: &Path) -> std::io::Result<()> {
    let tmp = to.with_extension("tmp");
    std::fs::copy(from, &tmp)?;
    std::fs::File::open(&tmp)?.sync_all()?;
    std::fs::rename(&tmp, to)
}

impl StoryStore {
    /// Open (or create) the state in `dir` and rebuild the grouper it holds. A new state
    /// takes `config`; an existing one keeps the configuration it was created with.
    ///
    /// Errors: [`ErrorKind::StateInUse`] when another process has it open,
    /// [`ErrorKind::StateDamaged`] when the file cannot be read (the message names the file
    /// and the saved copy), [`ErrorKind::State`] for a state of another format version.
    pub fn open(dir: &Path, config: StoryConfig) -> Result<(StoryStore, StoryGrouper)> {
        std::fs::create_dir_all(dir)
            .map_err(|e| state_err(dir, format!("cannot create state directory: {e}")))?;
        let path = dir.join(FILE_NAME);
        let existed = path.exists();
        let db = if existed {
            open_existing(&path)?
        } else {
            Database::create(&path)
                .map_err(|e| state_err(&path, format!("cannot create state: {e}")))?
        };
        let mut store = StoryStore {
            db: QuietDb::new(db),
            path,
            last_run: None,
        };
        let grouper = guarded(&store.path, || {
            if !existed || store.is_blank()? {
                store.initialise(&config)?;
            }
            store.upgrade()?;
            store.load()
        })
        .map_err(|e| match e.kind() {
            ErrorKind::State if existed && !e.message().starts_with(VERSION_MISMATCH) => {
                damaged(&store.path, e.message())
            }
            _ => e,
        })?;
        store.last_run = guarded(&store.path, || store.read_coverage())?;
        Ok((store, grouper))
    }

    /// What the last run covered: per story (its id as reported at the end of that run), the
    /// article ids it had. `None` when no run has added an article to this state yet.
    pub fn last_run(&self) -> Option<&Coverage> {
        self.last_run.as_ref()
    }

    /// Record what this run covered (replacing the last run's record), in one transaction.
    /// The next open reads it back as [`StoryStore::last_run`].
    pub fn record_run(&mut self, coverage: &Coverage) -> Result<()> {
        let txn = self.db.begin_write().map_err(|e| self.err(e))?;
        {
            let mut table = txn.open_table(COVERED).map_err(|e| self.err(e))?;
            table.retain(|_, _| false).map_err(|e| self.err(e))?;
            for (id, ids) in coverage {
                let bytes = serde_json::to_vec(ids).map_err(|e| self.err(e))?;
                table
                    .insert(id, bytes.as_slice())
                    .map_err(|e| self.err(e))?;
            }
        }
        txn.commit().map_err(|e| self.err(e))
    }

    /// The `covered` table; `None` when it is empty and the state holds no article.
    fn read_coverage(&self) -> Result<Option<Coverage>> {
        let txn = self.db.begin_read().map_err(|e| self.err(e))?;
        let table = txn.open_table(COVERED).map_err(|e| self.err(e))?;
        let mut out = Coverage::new();
        for item in table.iter().map_err(|e| self.err(e))? {
            let (k, v) = item.map_err(|e| self.err(e))?;
            let ids: Vec<String> = serde_json::from_slice(v.value())
                .map_err(|e| self.err(format!("bad coverage record {}: {e}", k.value())))?;
            out.insert(k.value(), ids);
        }
        let articles = txn.open_table(ARTICLES).map_err(|e| self.err(e))?;
        let empty = articles.len().map_err(|e| self.err(e))? == 0;
        Ok(if out.is_empty() && empty {
            None
        } else {
            Some(out)
        })
    }

    /// Upgrade a version-4 state to [`FORMAT`]: add the `covered` table, filled with every
    /// article the state holds under its story (the last run covered all of them).
    fn upgrade(&self) -> Result<()> {
        let format = {
            let txn = self.db.begin_read().map_err(|e| self.err(e))?;
            let meta = txn.open_table(META).map_err(|e| self.err(e))?;
            let v = meta.get("format").map_err(|e| self.err(e))?;
            v.map(|v| v.value().to_vec())
        };
        if format.as_deref() != Some(FORMAT_4.as_bytes()) {
            return Ok(());
        }
        let mut coverage = Coverage::new();
        {
            let txn = self.db.begin_read().map_err(|e| self.err(e))?;
            for r in self.records_in(&txn)? {
                coverage.entry(r.story).or_default().push(r.doc_id);
            }
        }
        let txn = self.db.begin_write().map_err(|e| self.err(e))?;
        {
            let mut table = txn.open_table(COVERED).map_err(|e| self.err(e))?;
            for (id, ids) in &coverage {
                let bytes = serde_json::to_vec(ids).map_err(|e| self.err(e))?;
                table
                    .insert(id, bytes.as_slice())
                    .map_err(|e| self.err(e))?;
            }
            let mut meta = txn.open_table(META).map_err(|e| self.err(e))?;
            meta.insert("format", FORMAT.as_bytes())
                .map_err(|e| self.err(e))?;
        }
        txn.commit().map_err(|e| self.err(e))
    }

    /// Close the state and keep a copy of it as it is now ([`BACKUP_NAME`], written
    /// atomically), the state [`StoryStore::rollback`] restores. Call after a successful run.
    pub fn close(self) -> Result<()> {
        let StoryStore { db, path, .. } = self;
        if !db.close() {
            return Err(damaged(
                &path,
                "the database library stopped while closing it",
            ));
        }
        copy_atomically(&path, &path.with_file_name(BACKUP_NAME))
            .map_err(|e| state_err(&path, format!("cannot save a copy of the state: {e}")))
    }

    /// Replace the state in `dir` with the copy saved after the last successful run. Refused
    /// while another process has the state open.
    pub fn rollback(dir: &Path) -> Result<PathBuf> {
        let path = dir.join(FILE_NAME);
        let backup = dir.join(BACKUP_NAME);
        if !backup.exists() {
            return Err(state_err(
                &backup,
                "no saved copy to roll back to (one is written after each successful run)",
            ));
        }
        if path.exists() {
            // Only the lock matters here: a damaged file is what rollback is for.
            if let Err(e) = open_existing(&path) {
                if e.kind() == &ErrorKind::StateInUse {
                    return Err(e);
                }
            }
        }
        copy_atomically(&backup, &path)
            .map_err(|e| state_err(&path, format!("cannot restore the saved copy: {e}")))?;
        Ok(path)
    }

    fn is_blank(&self) -> Result<bool> {
        let txn = self.db.begin_read().map_err(|e| self.err(e))?;
        match txn.open_table(META) {
            Ok(t) => Ok(t.len().map_err(|e| self.err(e))? == 0),
            Err(redb::TableError::TableDoesNotExist(_)) => Ok(true),
            Err(e) => Err(self.err(e)),
        }
    }

    fn initialise(&self, config: &StoryConfig) -> Result<()> {
        let txn = self.db.begin_write().map_err(|e| self.err(e))?;
        {
            let mut meta = txn.open_table(META).map_err(|e| self.err(e))?;
            let config = serde_json::to_vec(config).map_err(|e| self.err(e))?;
            meta.insert("format", FORMAT.as_bytes())
                .map_err(|e| self.err(e))?;
            meta.insert("config", config.as_slice())
                .map_err(|e| self.err(e))?;
            meta.insert("docs", 0u64.to_le_bytes().as_slice())
                .map_err(|e| self.err(e))?;
            txn.open_table(TERMS).map_err(|e| self.err(e))?;
            txn.open_table(STORIES).map_err(|e| self.err(e))?;
            txn.open_table(ARTICLES).map_err(|e| self.err(e))?;
            txn.open_table(COVERED).map_err(|e| self.err(e))?;
        }
        txn.commit().map_err(|e| self.err(e))
    }

    fn err(&self, e: impl std::fmt::Display) -> Error {
        state_err(&self.path, e)
    }

    fn load(&self) -> Result<StoryGrouper> {
        let txn = self.db.begin_read().map_err(|e| self.err(e))?;
        let meta = txn.open_table(META).map_err(|e| self.err(e))?;
        let get = |key: &str| -> Result<Option<Vec<u8>>> {
            Ok(meta
                .get(key)
                .map_err(|e| self.err(e))?
                .map(|v| v.value().to_vec()))
        };
        let format = get("format")?.map(|v| String::from_utf8_lossy(&v).into_owned());
        if format.as_deref() != Some(FORMAT) {
            return Err(self.err(format!(
                "{VERSION_MISMATCH} {}, this build reads {FORMAT}; use a new --state directory \
                 (or the corroborate version that wrote this one)",
                format.as_deref().unwrap_or("missing")
            )));
        }
        let config: StoryConfig = serde_json::from_slice(&get("config")?.unwrap_or_default())
            .map_err(|e| self.err(format!("bad configuration record: {e}")))?;
        let docs = get("docs")?
            .and_then(|v| <[u8; 8]>::try_from(v.as_slice()).ok())
            .map(u64::from_le_bytes)
            .ok_or_else(|| self.err("bad document count record"))?;
        let terms_table = txn.open_table(TERMS).map_err(|e| self.err(e))?;
        let mut terms = Vec::new();
        for item in terms_table.iter().map_err(|e| self.err(e))? {
            let (k, v) = item.map_err(|e| self.err(e))?;
            let bytes = v.value();
            if bytes.len() < 4 {
                return Err(self.err(format!("bad term record {}", k.value())));
            }
            let df = u32::from_le_bytes(bytes[..4].try_into().expect("4 bytes"));
            let text = String::from_utf8(bytes[4..].to_vec()).map_err(|e| self.err(e))?;
            terms.push((k.value(), text, df));
        }
        let stories_table = txn.open_table(STORIES).map_err(|e| self.err(e))?;
        let mut stories: Vec<Story> = Vec::new();
        for item in stories_table.iter().map_err(|e| self.err(e))? {
            let (k, v) = item.map_err(|e| self.err(e))?;
            let story: Story = serde_json::from_slice(v.value())
                .map_err(|e| self.err(format!("bad story record {}: {e}", k.value())))?;
            stories.push(story);
        }
        let records = self.records_in(&txn)?;
        let mut grouper = StoryGrouper::restore(config, docs, terms, stories, records)
            .map_err(|e| self.err(e))?;
        grouper.track_changes();
        Ok(grouper)
    }

    fn records_in(&self, txn: &redb::ReadTransaction) -> Result<Vec<ArticleRecord>> {
        let table = txn.open_table(ARTICLES).map_err(|e| self.err(e))?;
        let mut out = Vec::new();
        for item in table.iter().map_err(|e| self.err(e))? {
            let (k, v) = item.map_err(|e| self.err(e))?;
            let r: ArticleRecord = serde_json::from_slice(v.value())
                .map_err(|e| self.err(format!("bad article record {}: {e}", k.value())))?;
            out.push(r);
        }
        Ok(out)
    }

    /// Every article record in stream order (for listings and briefs over the whole state).
    pub fn records(&self) -> Result<Vec<ArticleRecord>> {
        let txn = self.db.begin_read().map_err(|e| self.err(e))?;
        self.records_in(&txn)
    }

    /// Write every change the grouper made since the last commit, in one transaction.
    pub fn commit(&mut self, grouper: &mut StoryGrouper) -> Result<()> {
        let changes = grouper.take_changes();
        let txn = self.db.begin_write().map_err(|e| self.err(e))?;
        {
            let mut terms = txn.open_table(TERMS).map_err(|e| self.err(e))?;
            let known = terms.len().map_err(|e| self.err(e))?;
            // New terms (ids past the stored ones) come in order, then changed frequencies.
            let mut buf = Vec::new();
            let total = grouper.terms.len() as u64;
            let write =
                |id: u32, buf: &mut Vec<u8>, terms: &mut redb::Table<u32, &[u8]>| -> Result<()> {
                    let (text, df) = grouper.term_entry(id);
                    buf.clear();
                    buf.extend_from_slice(&df.to_le_bytes());
                    buf.extend_from_slice(text.as_bytes());
                    terms.insert(id, buf.as_slice()).map_err(|e| self.err(e))?;
                    Ok(())
                };
            for id in known..total {
                write(
                    u32::try_from(id).expect("term ids are u32"),
                    &mut buf,
                    &mut terms,
                )?;
            }
            for &id in changes.terms.iter().filter(|&&id| u64::from(id) < known) {
                write(id, &mut buf, &mut terms)?;
            }
            let mut stories = txn.open_table(STORIES).map_err(|e| self.err(e))?;
            for &id in &changes.stories {
                let bytes =
                    serde_json::to_vec(&grouper.stories[id as usize]).map_err(|e| self.err(e))?;
                stories
                    .insert(id, bytes.as_slice())
                    .map_err(|e| self.err(e))?;
            }
            let mut articles = txn.open_table(ARTICLES).map_err(|e| self.err(e))?;
            for r in &changes.articles {
                let bytes = serde_json::to_vec(r).map_err(|e| self.err(e))?;
                articles
                    .insert(r.seq, bytes.as_slice())
                    .map_err(|e| self.err(e))?;
            }
            let mut meta = txn.open_table(META).map_err(|e| self.err(e))?;
            meta.insert("docs", grouper.idf_docs().to_le_bytes().as_slice())
                .map_err(|e| self.err(e))?;
        }
        txn.commit().map_err(|e| self.err(e))
    }

    /// Write a different format record (tests of the version check).
    #[doc(hidden)]
    pub fn set_format_for_test(&self, format: &str) -> Result<()> {
        let txn = self.db.begin_write().map_err(|e| self.err(e))?;
        {
            let mut meta = txn.open_table(META).map_err(|e| self.err(e))?;
            meta.insert("format", format.as_bytes())
                .map_err(|e| self.err(e))?;
        }
        txn.commit().map_err(|e| self.err(e))
    }
}
