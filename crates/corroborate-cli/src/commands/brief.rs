//! `corroborate brief`: the cited brief of a cluster (the tool's main command).

use crate::empty_output;
use crate::inputs::load;
use crate::Outcome;
use corroborate::analyze::brief::{default_method, BriefConfig};
use corroborate::analyze::whats_new::{split_seen, split_since};
use corroborate::render::Format;
use corroborate::{Budget, Config, Corroborate, Method};

/// Write a brief: a summary whose every sentence cites all the sources that report it, with
/// support counts, then quotes, numbers (disagreements side by side), entities, a timeline
/// and the numbered sources.
#[derive(clap::Args)]
#[command(
    after_help = "Examples:\n  corroborate brief examples/harbor-fire/\n  \
    corroborate brief --format html -o brief.html examples/harbor-fire/\n  \
    corroborate brief --format json --cluster ID clusters.jsonl\n  \
    corroborate brief --since 2026-03-05 examples/harbor-fire/\n  \
    corroborate brief --seen yesterday/ today/"
)]
pub struct Args {
    /// Output format.
    #[arg(long, default_value = "md", value_parser = format_names())]
    format: String,
    /// Word budget of the summary.
    #[arg(long, default_value_t = 250, value_parser = clap::value_parser!(u64).range(1..))]
    words: u64,
    /// Summarization method of the summary [default: `default` when available, else the
    /// first method listed].
    #[arg(long, value_parser = method_names())]
    method: Option<String>,
    /// Only the cluster with this id (cluster-format JSONL inputs hold many).
    #[arg(long)]
    cluster: Option<String>,
    /// Show what is new since DATE (YYYY-MM-DD...; articles published before it count as
    /// read) or since the article with id ARTICLE_ID (it and the ones published before it
    /// count as read): the brief opens with the new sources and new facts, and covers only
    /// the new articles.
    #[arg(long, value_name = "DATE|ARTICLE_ID", conflicts_with = "seen")]
    since: Option<String>,
    /// Show what is new relative to the articles in DIR_OR_FILE (read already; matched by
    /// id or by identical text), as with --since.
    #[arg(long, value_name = "DIR_OR_FILE")]
    seen: Option<String>,
    /// Write to this file instead of standard output.
    #[arg(short, long)]
    output: Option<std::path::PathBuf>,
    /// Files, directories or `-` for standard input. Loose articles form one cluster.
    #[arg(required = true)]
    inputs: Vec<String>,
}

fn method_names() -> clap::builder::PossibleValuesParser {
    clap::builder::PossibleValuesParser::new(Method::ALL.iter().map(|m| m.name()))
}

fn format_names() -> clap::builder::PossibleValuesParser {
    clap::builder::PossibleValuesParser::new(
        Format::ALL
            .iter()
            .map(|f| f.name())
            .chain(std::iter::once("markdown")),
    )
}

/// Run the command.
pub fn run(args: Args) -> anyhow::Result<Outcome> {
    let format = Format::from_name(&args.format).expect("clap checked the format name");
    let method = match &args.method {
        Some(name) => Method::from_name(name).expect("clap checked the method name"),
        None => default_method(),
    };
    let corroborate = Corroborate::new(Config {
        brief: BriefConfig {
            method,
            budget: Budget::Words(usize::try_from(args.words).unwrap_or(usize::MAX)),
            ..BriefConfig::default()
        },
        ..Config::default()
    });
    let loaded = load(&corroborate, &args.inputs)?;
    let mut clusters = loaded.clusters;
    if let Some(id) = &args.cluster {
        clusters.retain(|c| &c.id == id);
        if clusters.is_empty() {
            anyhow::bail!("no cluster with id {id:?} in the inputs");
        }
    }
    if format == Format::Html && clusters.len() > 1 {
        anyhow::bail!(
            "the inputs hold {} clusters; an HTML brief shows one: choose it with --cluster ID",
            clusters.len()
        );
    }
    if (args.since.is_some() || args.seen.is_some()) && format == Format::Html {
        anyhow::bail!("--since and --seen write md, text or json");
    }
    let read: Option<Vec<corroborate::Document>> = match &args.seen {
        Some(path) => Some(
            load(&corroborate, std::slice::from_ref(path))?
                .clusters
                .into_iter()
                .flat_map(|c| c.docs)
                .collect(),
        ),
        None => None,
    };
    let several = clusters.len() > 1;
    let mut text = String::new();
    let (mut k, mut empty) = (0usize, 0usize);
    for mut cluster in clusters {
        let split = match (&args.since, &read) {
            (Some(since), _) => Some(
                split_since(std::mem::take(&mut cluster.docs), since)
                    .map_err(|e| anyhow::anyhow!("--since {}", e.message()))?,
            ),
            (None, Some(read)) => Some(split_seen(std::mem::take(&mut cluster.docs), read)),
            (None, None) => None,
        };
        let mut whats_new = None;
        if let Some(split) = split {
            cluster.docs = split.new;
            let new = corroborate.prepare(cluster.clone());
            whats_new = Some(corroborate.whats_new(&new, split.seen, split.undated));
        }
        if let Some(w) = whats_new.as_ref().filter(|w| w.sources.is_empty()) {
            // Nothing new: say so, and no brief of nothing.
            if k > 0 {
                text.push('\n');
            }
            k += 1;
            match format {
                Format::Json => text.push_str(&w.to_json().to_string()),
                _ => text.push_str(&w.to_text(format == Format::Markdown)),
            }
            if !text.ends_with('\n') {
                text.push('\n');
            }
            continue;
        }
        let prepared = corroborate.prepare(cluster);
        let brief = corroborate.brief(&prepared);
        for s in &brief.sources {
            crate::inputs::warn_date_note(&prepared.id, s.n, s.date_note.as_deref());
        }
        if brief.summary.is_empty() {
            let why = corroborate.why_no_summary(&prepared);
            empty_output::report(&format!("cluster {}", prepared.id), &why);
            empty += 1;
            continue;
        }
        k += 1;
        if let Some(w) = &whats_new {
            if format == Format::Json {
                text.push_str(&w.to_json_with_brief(&brief).to_string());
                text.push('\n');
                continue;
            }
            if k > 1 {
                text.push('\n');
            }
            text.push_str(&w.to_text(format == Format::Markdown));
        }
        match format {
            Format::Json if several => {
                text.push_str(&corroborate.render_json_line(&brief));
                text.push('\n');
            }
            _ => {
                if k > 1 {
                    text.push_str(if format == Format::Markdown {
                        "\n---\n\n"
                    } else {
                        "\n"
                    });
                }
                text.push_str(&corroborate.render(format, &brief, &prepared));
                if !text.ends_with('\n') {
                    text.push('\n');
                }
            }
        }
    }
    if k == 0 {
        return Ok(Outcome::NoOutput);
    }
    crate::output::write_output(args.output.as_deref(), &text)?;
    Ok(if loaded.partial || empty > 0 {
        Outcome::Partial
    } else {
        Outcome::Success
    })
}
