//! Per-story briefs: one Markdown file per story with two or more articles: for a story that
//! grew since the last run over the same state, a "New since the last run" section first
//! ([`new_since_section`]); then the story's cited brief ([`build_brief`], rendered as
//! Markdown) of the member articles whose text is at hand (syndicated copies left out), and
//! the list of every member article.

use super::grouper::{ArticleRecord, Story};
use crate::analyze::brief::{build_brief, BriefConfig};
use crate::dates::format_day;
use crate::document::{Cluster, Document};
use crate::error::{Error, ErrorKind, Result};
use crate::pipeline::Pipeline;
use crate::render::markdown;
use crate::summarize::{Budget, Method};
use std::collections::{BTreeMap, BTreeSet, HashMap};
use std::path::{Path, PathBuf};

/// Words in a story brief's summary.
pub const SUMMARY_WORDS: usize = 120;
/// Words in the update summary of a "New since the last run" section.
pub const NEW_WORDS: usize = 60;

/// The file name of a story's brief.
pub fn brief_file_name(story: u32) -> String {
    format!("story-{story:06}.md")
}

/// The brief of one story. `members` are its article records in stream order; `texts` maps
/// doc ids to the articles read in this run (earlier runs' articles are listed, not summarized).
/// `covered`: the article ids of the story at the end of the last run (`None`: no last run);
/// when some member is not among them, the brief opens with [`new_since_section`].
pub fn story_brief(
    pipeline: &Pipeline,
    story: &Story,
    members: &[&ArticleRecord],
    texts: &HashMap<&str, &Document>,
    covered: Option<&BTreeSet<&str>>,
) -> String {
    let mut head = format!(
        "Story {}: {} article(s), {} independent",
        story.id, story.size, story.independent
    );
    if !story.sources.is_empty() {
        head.push_str(&format!(", sources: {}", story.sources.join(", ")));
    }
    if let Some(span) = date_span(story) {
        head.push_str(&format!(", {span}"));
    }
    head.push_str(".\n\n");
    let docs: Vec<Document> = members
        .iter()
        .filter(|r| r.duplicate_of.is_none())
        .filter_map(|r| texts.get(r.doc_id.as_str()))
        .map(|a| document_of(a))
        .collect();
    let mut out = String::new();
    if let Some(covered) = covered {
        if let Some(section) = new_since_section(pipeline, members, texts, covered) {
            out.push_str(&section);
        }
    }
    if docs.is_empty() {
        // No text at hand (earlier runs' articles): the headline, then the list.
        let title = if story.headline.is_empty() {
            "(untitled story)"
        } else {
            &story.headline
        };
        out.push_str(&format!("# {title}\n\n"));
    } else {
        // The cited brief of the articles at hand (their sentences with support counts).
        let cluster = Cluster {
            id: format!("story-{}", story.id),
            docs,
            ..Cluster::default()
        };
        let prepared = pipeline.prepare(cluster);
        let config = BriefConfig {
            budget: Budget::Words(SUMMARY_WORDS),
            ..BriefConfig::default()
        };
        let brief = build_brief(&prepared, &config);
        out.push_str(&markdown::render(&brief));
        if !out.ends_with('\n') {
            out.push('\n');
        }
        out.push('\n');
    }
    out.push_str("## Story articles\n\n");
    out.push_str(&head);
    for r in members {
        out.push_str(&article_line(r));
        out.push('\n');
    }
    out
}

/// The fields of an article a story brief reads.
fn document_of(a: &Document) -> Document {
    Document {
        id: a.id.clone(),
        title: a.title.clone(),
        text: a.text.clone(),
        source: a.source.clone(),
        published: a.published.clone(),
        ..Document::default()
    }
}

fn article_line(r: &ArticleRecord) -> String {
    let mut line = format!("- `{}`", r.doc_id);
    if let Some(d) = r.date {
        line.push_str(&format!(" {}", format_day(d)));
    }
    if let Some(s) = &r.source {
        line.push_str(&format!(" ({s})"));
    }
    if let Some(t) = &r.title {
        line.push_str(&format!(": {t}"));
    }
    if let Some(o) = &r.duplicate_of {
        line.push_str(&format!(" (copy of `{o}`)"));
    }
    line
}

/// The "New since the last run" section of a story whose `members` include articles not in
/// `covered` (what the story had at the end of the last run); `None` when it did not grow.
/// It counts the new articles, names the sources new to the story, gives the update summary
/// ([`Method::summarize_update`], [`NEW_WORDS`] words, each sentence citing its article) of
/// the new originals whose text is at hand for a reader of the covered ones at hand, then
/// lists the new articles.
pub fn new_since_section(
    pipeline: &Pipeline,
    members: &[&ArticleRecord],
    texts: &HashMap<&str, &Document>,
    covered: &BTreeSet<&str>,
) -> Option<String> {
    let (old, new): (Vec<&ArticleRecord>, Vec<&ArticleRecord>) = members
        .iter()
        .copied()
        .partition(|r| covered.contains(r.doc_id.as_str()));
    if new.is_empty() {
        return None;
    }
    let mut out = String::from(
        "## New since the last run

",
    );
    out.push_str(&format!(
        "{} new article(s) since the last run ({} before).",
        new.len(),
        old.len()
    ));
    let known: BTreeSet<&str> = old.iter().filter_map(|r| r.source.as_deref()).collect();
    let fresh: BTreeSet<&str> = new
        .iter()
        .filter_map(|r| r.source.as_deref())
        .filter(|s| !known.contains(s))
        .collect();
    if !fresh.is_empty() && !old.is_empty() {
        let list: Vec<&str> = fresh.into_iter().collect();
        out.push_str(&format!(" New sources: {}.", list.join(", ")));
    }
    out.push_str(
        "

",
    );
    let docs_of = |list: &[&ArticleRecord]| -> Vec<Document> {
        list.iter()
            .filter(|r| r.duplicate_of.is_none())
            .filter_map(|r| texts.get(r.doc_id.as_str()))
            .map(|a| document_of(a))
            .collect()
    };
    let new_docs = docs_of(&new);
    if !new_docs.is_empty() {
        let cluster = pipeline.prepare(Cluster {
            id: "new".into(),
            docs: new_docs,
            ..Cluster::default()
        });
        let earlier = pipeline.prepare(Cluster {
            id: "covered".into(),
            docs: docs_of(&old),
            ..Cluster::default()
        });
        let summary =
            Method::SupportCoverage.summarize_update(&cluster, &earlier, Budget::Words(NEW_WORDS));
        for &i in &summary.sentences {
            let doc = &cluster.docs[cluster.sentences[i].doc];
            out.push_str(&format!(
                "- {} [`{}`]\n",
                crate::summarize::display_text(cluster.text(i)),
                doc.id
            ));
        }
        if !summary.sentences.is_empty() {
            out.push('\n');
        }
    }
    for r in &new {
        out.push_str(&article_line(r));
        out.push('\n');
    }
    out.push('\n');
    Some(out)
}

/// `1998-06-14 to 1998-07-02`, or one day, or `None` when undated.
pub fn date_span(story: &Story) -> Option<String> {
    match (story.first, story.last) {
        (Some(a), Some(b)) if format_day(a) != format_day(b) => {
            Some(format!("{} to {}", format_day(a), format_day(b)))
        }
        (Some(a), _) => Some(format_day(a)),
        _ => None,
    }
}

/// Write a brief for every story with two or more articles into `dir`; returns the paths.
/// `last_run`: what each story covered at the end of the last run over the same state (keyed
/// by the story ids of `records`), `None` without a last run; a story that grew since gets a
/// "New since the last run" section first.
pub fn write_briefs(
    dir: &Path,
    stories: &[Story],
    records: &[ArticleRecord],
    articles: &[Document],
    last_run: Option<&BTreeMap<u32, BTreeSet<String>>>,
) -> Result<Vec<PathBuf>> {
    std::fs::create_dir_all(dir).map_err(|e| {
        Error::new(
            ErrorKind::Io,
            dir.display().to_string(),
            format!("cannot create brief directory: {e}"),
        )
    })?;
    let texts: HashMap<&str, &Document> = articles.iter().map(|a| (a.id.as_str(), a)).collect();
    let mut members: BTreeMap<u32, Vec<&ArticleRecord>> = BTreeMap::new();
    for r in records {
        members.entry(r.story).or_default().push(r);
    }
    let pipeline = Pipeline::default();
    let mut written = Vec::new();
    for (id, list) in members.iter().filter(|(_, l)| l.len() >= 2) {
        let Some(story) = stories.get(*id as usize) else {
            continue;
        };
        let path = dir.join(brief_file_name(*id));
        let covered: Option<BTreeSet<&str>> = last_run.map(|runs| {
            runs.get(id)
                .map(|ids| ids.iter().map(String::as_str).collect())
                .unwrap_or_default()
        });
        let text = story_brief(&pipeline, story, list, &texts, covered.as_ref());
        std::fs::write(&path, text).map_err(|e| {
            Error::new(
                ErrorKind::Io,
                path.display().to_string(),
                format!("cannot write: {e}"),
            )
        })?;
        written.push(path);
    }
    Ok(written)
}
