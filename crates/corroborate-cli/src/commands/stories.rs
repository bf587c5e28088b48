//! `corroborate stories`: group a stream of articles into stories, optionally continuing a
//! persisted state and writing a brief per story.

use crate::Outcome;
use anyhow::Context;
use corroborate::stories::brief::{date_span, write_briefs};
use corroborate::stories::reader::StoryInputs;
use corroborate::stories::{
    read_story_inputs, stream, ArticleRecord, Assignment, Decision, Merge, StoryConfig,
    StoryGrouper, StoryStore,
};
use std::collections::{BTreeMap, BTreeSet};
use std::io::Write;
use std::path::PathBuf;

/// Group articles into stories, in publication order.
#[derive(clap::Args)]
#[command(
    after_help = "Output: a story list, or with --json one line per article:\n  \
    {\"doc_id\": ..., \"story\": N, \"duplicate_of\": null | \"doc id\"}\n\
    printed at the end of the run (a story of one or two articles may be folded into a \
    larger one once the stream has moved on; see docs/stories.md).\n\
    With --explain each line also has \"why\": {\"candidate\", \"score\", \"robust\", \
    \"joined\", \"matched\": [words], \"reason\"}, the decision when the article arrived \
    (candidate: the story id then), and \"merges\": [{\"story\", \"into\", \"rule\", \"score\", \
    \"needed\", \"robust\", \"matched\"}], each step that took its story from that one to the \
    one it is reported under (rule: fold, absolute, relative or fragment; see docs/stories.md).\n\n\
    Example:\n  corroborate stories --state ~/.corroborate/stories --json today.jsonl"
)]
pub struct Args {
    /// One JSON line per article instead of the story list.
    #[arg(long)]
    json: bool,
    /// With each JSON line (implies --json), why the article joined its story or started
    /// one: the best candidate story, its score, the robust score, the words that matched.
    #[arg(long)]
    explain: bool,
    /// Keep the story index in this directory and continue it on the next run.
    #[arg(long, value_name = "DIR")]
    state: Option<PathBuf>,
    /// Restore the --state copy saved after the last successful run (a damaged state), then
    /// process the inputs, if any, as usual.
    #[arg(long, requires = "state")]
    rollback: bool,
    /// Write a Markdown brief per story with two or more articles into this directory. With
    /// --state, a story that grew since the last run opens with "New since the last run".
    #[arg(long, value_name = "DIR")]
    brief: Option<PathBuf>,
    /// Grouping parameters as JSON (StoryConfig), for tuning.
    #[arg(long, hide = true)]
    config: Option<String>,
    /// Articles per state transaction.
    #[arg(long, hide = true, default_value_t = 1000)]
    commit_every: usize,
    /// Article files (JSONL, text, HTML), directories, or `-` for standard input.
    #[arg(required_unless_present = "rollback")]
    inputs: Vec<String>,
}

/// Read the inputs, reporting problems on stderr; fail when no article was read.
pub fn read_articles(inputs: &[String]) -> anyhow::Result<(StoryInputs, bool)> {
    let read = read_story_inputs(inputs);
    for w in &read.warnings {
        eprintln!("corroborate: warning: {w}");
    }
    for e in &read.errors {
        eprintln!("corroborate: error: {e}");
    }
    if read.articles.is_empty() {
        anyhow::bail!("no articles in: {}", inputs.join(", "));
    }
    let partial = !read.errors.is_empty();
    Ok((read, partial))
}

/// The configuration given by `--config`, or the default.
pub fn parse_config(raw: Option<&str>) -> anyhow::Result<StoryConfig> {
    match raw {
        Some(json) => {
            serde_json::from_str(json).context("--config is not a valid story configuration")
        }
        None => Ok(StoryConfig::default()),
    }
}

#[derive(serde::Serialize)]
struct JsonLine<'a> {
    doc_id: &'a str,
    story: u32,
    duplicate_of: Option<&'a str>,
    #[serde(skip_serializing_if = "Option::is_none")]
    why: Option<&'a Decision>,
    #[serde(skip_serializing_if = "Vec::is_empty")]
    merges: Vec<&'a Merge>,
}

/// Run the command.
pub fn run(args: Args) -> anyhow::Result<Outcome> {
    let config = parse_config(args.config.as_deref())?;
    if args.rollback {
        let dir = args
            .state
            .as_deref()
            .expect("clap requires --state with --rollback");
        let path = StoryStore::rollback(dir)?;
        eprintln!(
            "corroborate: restored {} from the copy saved after the last successful run",
            path.display()
        );
        if args.inputs.is_empty() {
            return Ok(Outcome::Success);
        }
    }
    let (read, partial) = read_articles(&args.inputs)?;
    let (ordered, notes) = stream::prepare(read.articles);
    for m in notes.messages() {
        eprintln!("corroborate: note: {m}");
    }
    if ordered.is_empty() {
        anyhow::bail!("no article with text in: {}", args.inputs.join(", "));
    }
    let (mut store, mut grouper) = match &args.state {
        Some(dir) => {
            let (store, grouper) = StoryStore::open(dir, config)?;
            (Some(store), grouper)
        }
        None => (None, StoryGrouper::new(config)),
    };
    let json = args.json || args.explain;
    grouper.explain(args.explain);
    let mut decisions: Vec<Option<Decision>> = Vec::new();
    let progress = if ordered.len() >= 10_000 {
        indicatif::ProgressBar::new(ordered.len() as u64)
    } else {
        indicatif::ProgressBar::hidden()
    };
    let stdout = std::io::stdout();
    let mut out = std::io::BufWriter::new(stdout.lock());
    let mut assignments = Vec::with_capacity(ordered.len());
    let mut resumed = 0usize;
    let every = args.commit_every.max(1);
    for (i, item) in ordered.iter().enumerate() {
        let known = grouper.assignment(&item.article.id).is_some();
        resumed += usize::from(known);
        let a = grouper.add_stream(item);
        assignments.push(a);
        if args.explain {
            decisions.push(grouper.take_decision());
        }
        if let Some(store) = store.as_mut() {
            if (i + 1) % every == 0 {
                store.commit(&mut grouper)?;
            }
        }
        progress.inc(1);
    }
    if let Some(store) = store.as_mut() {
        store.commit(&mut grouper)?;
    }
    progress.finish_and_clear();
    // Stories as reported at the end of this run (small-story folds followed).
    let (reported, merges) = if args.explain {
        grouper.reported_stories_explained()
    } else {
        (grouper.reported_stories(), Vec::new())
    };
    // Each article's path from the story it joined to the one it is reported under.
    let paths: Vec<Vec<&Merge>> = if args.explain {
        let mut moved: BTreeMap<u32, &Merge> = BTreeMap::new();
        for m in &merges {
            moved.entry(m.story).or_insert(m);
        }
        assignments
            .iter()
            .map(|a| merge_path(&moved, a.story))
            .collect()
    } else {
        Vec::new()
    };
    for a in &mut assignments {
        a.story = reported[a.story as usize];
    }
    if json {
        for (i, a) in assignments.iter().enumerate() {
            let line = JsonLine {
                doc_id: &a.doc_id,
                story: a.story,
                duplicate_of: a.duplicate_of.as_deref(),
                why: decisions.get(i).and_then(Option::as_ref),
                merges: paths.get(i).cloned().unwrap_or_default(),
            };
            serde_json::to_writer(&mut out, &line)?;
            out.write_all(b"\n")?;
        }
    }
    if resumed > 0 {
        eprintln!("corroborate: note: {resumed} article(s) were already in the state; their stories are kept");
    }
    let foreign = assignments
        .iter()
        .filter(|a| !grouper.stories()[a.story as usize].english)
        .count();
    if foreign > 0 {
        eprintln!("corroborate: note: {foreign} article(s) do not read as English; they are grouped among themselves");
    }
    if !json {
        print_story_list(&mut out, &grouper, &assignments, &reported)?;
    }
    out.flush()?;
    // Every article of the state (or of this run) under its story as reported now.
    let records = match &store {
        Some(store) => Some(store.records()?),
        None => args
            .brief
            .as_ref()
            .map(|_| records_of_run(&assignments, &ordered)),
    };
    let records = records.map(|mut records| {
        for r in &mut records {
            r.story = reported[r.story as usize];
        }
        records
    });
    if let (Some(dir), Some(records)) = (&args.brief, &records) {
        // What the last run covered, under the stories its stories are reported in now.
        let last_run = store.as_ref().and_then(StoryStore::last_run).map(|runs| {
            let mut now: BTreeMap<u32, BTreeSet<String>> = BTreeMap::new();
            for (&id, ids) in runs {
                let id = reported.get(id as usize).copied().unwrap_or(id);
                now.entry(id).or_default().extend(ids.iter().cloned());
            }
            now
        });
        let articles: Vec<_> = ordered.into_iter().map(|s| s.article).collect();
        let written = write_briefs(
            dir,
            grouper.stories(),
            records,
            &articles,
            last_run.as_ref(),
        )?;
        eprintln!(
            "corroborate: wrote {} brief(s) to {}",
            written.len(),
            dir.display()
        );
    }
    if let Some(mut store) = store {
        let mut coverage: BTreeMap<u32, Vec<String>> = BTreeMap::new();
        for r in records.iter().flatten() {
            coverage.entry(r.story).or_default().push(r.doc_id.clone());
        }
        store.record_run(&coverage)?;
        store.close()?;
    }
    Ok(if partial {
        Outcome::Partial
    } else {
        Outcome::Success
    })
}

/// The merges that took `story` to the story it is reported under, in order (each story
/// moves at most once; the walk stops after as many steps as there are merges).
fn merge_path<'a>(moved: &BTreeMap<u32, &'a Merge>, mut story: u32) -> Vec<&'a Merge> {
    let mut path = Vec::new();
    while let Some(&m) = moved.get(&story) {
        if path.len() >= moved.len() {
            break;
        }
        path.push(m);
        story = m.into;
    }
    path
}

fn records_of_run(
    assignments: &[Assignment],
    ordered: &[stream::StreamArticle],
) -> Vec<ArticleRecord> {
    assignments
        .iter()
        .zip(ordered)
        .enumerate()
        .map(|(i, (a, s))| ArticleRecord {
            seq: i as u64,
            doc_id: a.doc_id.clone(),
            story: a.story,
            duplicate_of: a.duplicate_of.clone(),
            title: s.article.title.clone(),
            source: s.article.source.clone(),
            date: s.date,
            indexed: Vec::new(),
            signature: None,
            terms: Vec::new(),
        })
        .collect()
}

/// The stories this run touched (as reported), largest first (ties: older story first).
/// Sizes count the small stories reported under a story while their fold is pending.
fn print_story_list(
    out: &mut impl Write,
    grouper: &StoryGrouper,
    assignments: &[Assignment],
    reported: &[u32],
) -> anyhow::Result<()> {
    let mut in_run: BTreeMap<u32, usize> = BTreeMap::new();
    for a in assignments {
        *in_run.entry(a.story).or_default() += 1;
    }
    let mut ids: Vec<u32> = in_run.keys().copied().collect();
    let stories = grouper.stories();
    // (size, independent) per reported story: its own plus the pending ones shown in it.
    let mut sizes: Vec<(u32, u32)> = stories.iter().map(|s| (s.size, s.independent)).collect();
    for (s, &r) in stories.iter().zip(reported) {
        if s.folded_into.is_none() && r != s.id {
            sizes[r as usize].0 += s.size;
            sizes[r as usize].1 += s.independent;
        }
    }
    ids.sort_by(|a, b| {
        sizes[*b as usize]
            .0
            .cmp(&sizes[*a as usize].0)
            .then(a.cmp(b))
    });
    writeln!(
        out,
        "{} stories from {} articles",
        ids.len(),
        assignments.len()
    )?;
    for id in ids {
        let s = &stories[id as usize];
        let (size, independent) = sizes[id as usize];
        let mut line = format!(
            "story {id}: {} ({size} article{}, {independent} independent",
            s.headline,
            if size == 1 { "" } else { "s" },
        );
        if !s.sources.is_empty() {
            line.push_str(&format!("; sources: {}", s.sources.join(", ")));
        }
        if let Some(span) = date_span(s) {
            line.push_str(&format!("; {span}"));
        }
        line.push(')');
        writeln!(out, "{line}")?;
    }
    Ok(())
}
