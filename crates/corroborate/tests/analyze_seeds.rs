//! Structural facts the analyzers must find in the example cluster (five outlets on the fall
//! of Baghouz, ../shared/seeds). Assertions use names, counts, values and positions only.

mod common;

use corroborate::analyze::{analyze, Analysis, EntityKind};
use corroborate::ingest::{read_inputs, IngestOptions};
use corroborate::{Pipeline, PreparedCluster};

fn seeds() -> Option<PreparedCluster> {
    let dir = common::shared("seeds")?;
    let ingested = read_inputs(&[dir.display().to_string()], &IngestOptions::default());
    assert_eq!(ingested.documents.len(), 5);
    Some(Pipeline::default().prepare_documents(ingested.documents))
}

fn entity_with<'a>(a: &'a Analysis, name: &str) -> &'a corroborate::analyze::Entity {
    a.entities
        .iter()
        .find(|e| e.name == name || e.aliases.iter().any(|x| x == name))
        .unwrap_or_else(|| panic!("no entity named {name}"))
}

#[test]
fn bali_quotes_resolve_to_the_full_name_with_a_role() {
    let Some(cluster) = seeds() else { return };
    let a = analyze(&cluster);
    let bali: Vec<_> = a
        .quotes
        .iter()
        .filter(|q| q.speaker.as_ref().is_some_and(|s| s.name == "Mustafa Bali"))
        .collect();
    assert!(
        bali.len() >= 5,
        "only {} quotes resolved to Mustafa Bali",
        bali.len()
    );
    let docs: std::collections::BTreeSet<usize> = bali
        .iter()
        .flat_map(|q| q.sources.iter().copied())
        .collect();
    assert!(docs.len() >= 4, "Bali quoted in {docs:?}");
    let role = bali[0]
        .speaker
        .as_ref()
        .and_then(|s| s.role.clone())
        .expect("a role for Mustafa Bali");
    assert!(
        role.contains("SDF") || role.contains("Syrian Democratic Forces"),
        "{role}"
    );
    assert!(
        a.quotes
            .iter()
            .all(|q| q.speaker.as_ref().is_none_or(|s| s.name != "Bali")),
        "a surname-only speaker was left unresolved"
    );
}

#[test]
fn multi_paragraph_quotes_are_joined() {
    let Some(cluster) = seeds() else { return };
    let a = analyze(&cluster);
    // Document 0 has two quotes that run over two paragraphs: their spans contain a break.
    let joined = a
        .quotes
        .iter()
        .flat_map(|q| q.mentions.iter())
        .filter(|m| m.doc == 0 && cluster.docs[0].text[m.span.clone()].contains("\n\n"))
        .count();
    assert!(joined >= 2, "{joined} multi-paragraph quotes in document 0");
}

#[test]
fn aliases_are_merged() {
    let Some(cluster) = seeds() else { return };
    let a = analyze(&cluster);
    let is = entity_with(&a, "Islamic State");
    assert_eq!(is.kind, EntityKind::Organization);
    for alias in ["ISIS", "IS"] {
        assert!(
            is.aliases.iter().any(|x| x == alias),
            "{alias} not merged: {is:?}"
        );
    }
    assert_eq!(is.sources, vec![0, 1, 2, 3, 4]);
    let baghouz = entity_with(&a, "Baghouz");
    assert_eq!(baghouz.kind, EntityKind::Place);
    assert!(baghouz.name == "Baghuz" || baghouz.aliases.iter().any(|x| x == "Baghuz"));
    let sdf = entity_with(&a, "SDF");
    assert_eq!(sdf.name, "Syrian Democratic Forces");
    let bali = entity_with(&a, "Bali");
    assert_eq!(bali.name, "Mustafa Bali");
    assert_eq!(bali.kind, EntityKind::Person);
    let trump = entity_with(&a, "Trump");
    assert_eq!(trump.name, "Donald Trump");
    let deir = entity_with(&a, "Deir Ezzor");
    assert!(deir.aliases.len() >= 2, "{deir:?}");
}

#[test]
fn disagreements_are_found() {
    let Some(cluster) = seeds() else { return };
    let a = analyze(&cluster);
    // How many civilians left: documents 0, 2 and 3 give three different figures.
    let left = a
        .numbers
        .iter()
        .find(|g| {
            g.disagree
                && [0, 2, 3]
                    .iter()
                    .all(|d| g.values.iter().any(|v| v.sources.contains(d)))
        })
        .expect("a disagreement on people who left");
    assert!(left.values.len() >= 3);
    // How many died on the way: 138 against 106.
    let died = a
        .numbers
        .iter()
        .find(|g| {
            g.values.iter().any(|v| v.value == 138.0) && g.values.iter().any(|v| v.value == 106.0)
        })
        .expect("138 and 106 grouped");
    // Different organisations give them ("138 (IRC) vs 106 (WHO)"): shown as different
    // sources of the figure rather than a flat disagreement.
    assert!(died.disagree || died.scoped, "{died:?}");
    // US troops staying: around 200 in two outlets, no disagreement.
    let staying = a
        .numbers
        .iter()
        .find(|g| {
            g.values
                .iter()
                .any(|v| v.value == 200.0 && v.sources == vec![0, 1])
        })
        .expect("200 troops in documents 0 and 1");
    assert!(!staying.disagree);
    // Militants: 400 to 600 is a range.
    assert!(a
        .numbers
        .iter()
        .flat_map(|g| g.values.iter())
        .any(|v| v.low == 400.0 && v.high == 600.0));
}

#[test]
fn timeline_uses_the_date_line() {
    let Some(cluster) = seeds() else { return };
    let a = analyze(&cluster);
    // Document 4 carries a date line (February 11, 2019).
    let dates: Vec<&str> = a
        .timeline
        .iter()
        .filter(|e| e.resolved && e.sources.contains(&4))
        .map(|e| e.date.as_str())
        .collect();
    for expected in ["2019-02-03", "2019-02-06", "2019-01-29", "2018-12"] {
        assert!(dates.contains(&expected), "{expected} not in {dates:?}");
    }
    // Resolved entries are in date order and come before unresolved ones.
    let resolved: Vec<&str> = a
        .timeline
        .iter()
        .take_while(|e| e.resolved)
        .map(|e| e.date.as_str())
        .collect();
    assert!(resolved.windows(2).all(|w| w[0] <= w[1]));
    assert!(a.timeline.iter().skip(resolved.len()).all(|e| !e.resolved));
}

#[test]
fn spans_slice_their_documents_and_output_is_deterministic() {
    let Some(cluster) = seeds() else { return };
    let a = analyze(&cluster);
    let b = analyze(&cluster);
    assert_eq!(
        serde_json::to_string(&a).expect("serializes"),
        serde_json::to_string(&b).expect("serializes")
    );
    let mentions = a
        .quotes
        .iter()
        .flat_map(|q| q.mentions.iter())
        .chain(
            a.numbers
                .iter()
                .flat_map(|g| g.values.iter().flat_map(|v| v.mentions.iter())),
        )
        .chain(a.timeline.iter().flat_map(|e| e.mentions.iter()));
    for m in mentions {
        let text = &cluster.docs[m.doc].text;
        assert!(m.span.start < m.span.end && m.span.end <= text.len());
        assert!(text.is_char_boundary(m.span.start) && text.is_char_boundary(m.span.end));
    }
    for q in &a.quotes {
        let m = &q.mentions[0];
        let first_word = q.text.split_whitespace().next().expect("quotes have words");
        assert!(cluster.docs[m.doc].text[m.span.clone()].starts_with(first_word));
    }
}
