//! Invented clusters for the unit tests of the methods.

use crate::document::Document;
use crate::pipeline::Pipeline;
use crate::prepared::PreparedCluster;

/// Three invented reports of a harbor fire. Every article opens with the same fact
/// (reworded), two share a follow-up fact, each has an off-topic line, one has a heading
/// and a fragment.
pub(crate) fn harbor_fire() -> PreparedCluster {
    let docs = vec![
        Document::from_text(
            "a",
            "Harbor fire\n\n\
             A warehouse fire at the Eastport harbor destroyed three fishing boats on Monday night. \
             Firefighters from four towns fought the harbor blaze for six hours before it was contained. \
             Nobody was injured in the fire, the harbor master said. \
             Read more.\n\n\
             The local bakery will open a second shop in the spring.",
        ),
        Document::from_text(
            "b",
            "A fire at a harbor warehouse in Eastport destroyed three fishing boats late on Monday. \
             Firefighters from four neighboring towns needed six hours to contain the harbor blaze. \
             The warehouse stored nets, fuel and rope for the fishing fleet. \
             A school choir won a regional singing contest last week.",
        ),
        Document::from_text(
            "c",
            "Three fishing boats were destroyed when fire swept through a warehouse at Eastport harbor on Monday. \
             Insurance adjusters will inspect the burned boats and the warehouse this week. \
             The fishing fleet lost nets, fuel and rope stored in the warehouse. \
             Tickets for the summer concert series go on sale in April.",
        ),
    ];
    Pipeline::default().prepare_documents(docs)
}

/// The index of the first sentence whose text contains `needle`.
pub(crate) fn find(cluster: &PreparedCluster, needle: &str) -> usize {
    (0..cluster.sentences.len())
        .find(|&i| cluster.text(i).contains(needle))
        .unwrap_or_else(|| panic!("no sentence contains {needle:?}"))
}

/// Whether any chosen sentence contains `needle`.
pub(crate) fn chose(cluster: &PreparedCluster, chosen: &[usize], needle: &str) -> bool {
    chosen.iter().any(|&i| cluster.text(i).contains(needle))
}

/// How many chosen sentences report the opening fact (three boats destroyed).
pub(crate) fn openings(cluster: &PreparedCluster, chosen: &[usize]) -> usize {
    chosen
        .iter()
        .filter(|&&i| cluster.text(i).contains("destroyed"))
        .count()
}
