//! Per-story briefs: one Markdown file per story with two or more articles, holding a lead
//! summary of the articles whose text is at hand and the list of every member article.

use super::dates::format_day;
use super::grouper::{ArticleRecord, Story};
use super::reader::StoryArticle;
use crate::document::Document;
use crate::error::{Error, ErrorKind, Result};
use crate::pipeline::Pipeline;
use crate::summarize::{Budget, Method};
use std::collections::{BTreeMap, HashMap};
use std::path::{Path, PathBuf};

/// Words in a story's summary.
pub const SUMMARY_WORDS: usize = 120;

/// The file name of a story's brief.
pub fn brief_file_name(story: u32) -> String {
    format!("story-{story:06}.md")
}

/// The brief of one story. `members` are its article records in stream order; `texts` maps
/// doc ids to the articles read in this run (earlier runs' articles are listed, not summarized).
pub fn story_brief(
    pipeline: &Pipeline,
    story: &Story,
    members: &[&ArticleRecord],
    texts: &HashMap<&str, &StoryArticle>,
) -> String {
    let mut out = format!(
        "# {}\n\n",
        if story.headline.is_empty() {
            "(untitled story)"
        } else {
            &story.headline
        }
    );
    out.push_str(&format!(
        "Story {}: {} article(s), {} independent",
        story.id, story.size, story.independent
    ));
    if !story.sources.is_empty() {
        out.push_str(&format!(", sources: {}", story.sources.join(", ")));
    }
    if let Some(span) = date_span(story) {
        out.push_str(&format!(", {span}"));
    }
    out.push_str(".\n\n");
    let docs: Vec<Document> = members
        .iter()
        .filter(|r| r.duplicate_of.is_none())
        .filter_map(|r| texts.get(r.doc_id.as_str()))
        .map(|a| Document {
            id: a.doc_id.clone(),
            title: a.title.clone(),
            text: a.text.clone(),
            source: a.source.clone(),
            published: a.date.clone(),
            ..Document::default()
        })
        .collect();
    if !docs.is_empty() {
        let prepared = pipeline.prepare_documents(docs);
        let summary = pipeline.summarize(&prepared, Method::Lead, Budget::Words(SUMMARY_WORDS));
        out.push_str("## Summary\n\n");
        for &i in &summary.sentences {
            let s = &prepared.sentences[i];
            out.push_str(&format!(
                "{} [{}]\n",
                prepared.text(i).trim(),
                prepared.docs[s.doc].id
            ));
        }
        out.push('\n');
    }
    out.push_str("## Articles\n\n");
    for r in members {
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
        out.push_str(&line);
        out.push('\n');
    }
    out
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
pub fn write_briefs(
    dir: &Path,
    stories: &[Story],
    records: &[ArticleRecord],
    articles: &[StoryArticle],
) -> Result<Vec<PathBuf>> {
    std::fs::create_dir_all(dir).map_err(|e| {
        Error::new(
            ErrorKind::Io,
            dir.display().to_string(),
            format!("cannot create brief directory: {e}"),
        )
    })?;
    let texts: HashMap<&str, &StoryArticle> =
        articles.iter().map(|a| (a.doc_id.as_str(), a)).collect();
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
        std::fs::write(&path, story_brief(&pipeline, story, list, &texts)).map_err(|e| {
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
