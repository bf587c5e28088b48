//! `corroborate eval` on a small invented dataset: the table and JSON report, the timed
//! passes, and usage errors.

use std::path::PathBuf;
use std::process::{Command, Output};

/// Two invented clusters in the cluster JSONL format, with reference summaries.
const DATASET: &str = concat!(
    r#"{"id":"ferry","docs":[{"id":"a","text":"The ferry between Holm and Vask resumed on Tuesday after a week of storms. The operator said all sailings would run as normal. Passengers had waited in the harbor for days."},"#,
    r#"{"id":"b","text":"Ferry sailings between Holm and Vask restarted on Tuesday. Storms had stopped the service for a week, the operator said. Some passengers slept in the terminal."}],"#,
    r#""refs":[{"id":"r","text":"The Holm-Vask ferry resumed on Tuesday after a week of storms."}]}"#,
    "\n",
    r#"{"id":"mine","docs":[{"id":"a","text":"Rescuers freed four miners trapped underground in Karsk on Sunday. The miners were trapped for two days after a tunnel collapsed. All four were taken to hospital."},"#,
    r#"{"id":"b","text":"Four miners were rescued in Karsk on Sunday, two days after a tunnel collapse. Officials said the men were in stable condition in hospital."}],"#,
    r#""refs":[{"id":"r","text":"Four miners trapped by a tunnel collapse in Karsk were rescued after two days."}]}"#,
    "\n"
);

fn dataset(test: &str) -> PathBuf {
    let dir = std::env::temp_dir().join(format!("corroborate-eval-{}-{test}", std::process::id()));
    let _ = std::fs::remove_dir_all(&dir);
    std::fs::create_dir_all(&dir).expect("scratch dir");
    let path = dir.join("set.jsonl");
    std::fs::write(&path, DATASET).expect("write dataset");
    path
}

fn eval(args: &[&str]) -> Output {
    Command::new(env!("CARGO_BIN_EXE_corroborate"))
        .arg("eval")
        .args(args)
        .output()
        .expect("the binary runs")
}

#[test]
fn the_report_gives_the_median_pass_and_the_first() {
    let path = dataset("passes");
    let path = path.to_str().expect("utf-8 path");
    let out = eval(&[
        path, "--method", "default", "--method", "lead", "--passes", "3", "--json",
    ]);
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    let report: serde_json::Value = serde_json::from_slice(&out.stdout).expect("one JSON object");
    assert_eq!(report["clusters"], 2);
    for m in report["methods"].as_array().expect("methods") {
        // Two tiny clusters take far less than a second: every pass asked for is timed.
        assert_eq!(m["passes"], 3, "{m}");
        assert!(m["clusters_per_s"].as_f64().expect("rate") > 0.0);
        assert!(m["first_pass_clusters_per_s"].as_f64().expect("rate") > 0.0);
        assert!(m["rouge1"]["f"].as_f64().expect("score") > 0.2);
    }
    let once = eval(&[
        path, "--method", "default", "--method", "lead", "--passes", "1", "--json",
    ]);
    let once: serde_json::Value = serde_json::from_slice(&once.stdout).expect("JSON");
    for (a, b) in once["methods"]
        .as_array()
        .expect("methods")
        .iter()
        .zip(report["methods"].as_array().expect("methods"))
    {
        assert_eq!(a["passes"], 1);
        assert_eq!(a["rouge1"], b["rouge1"], "scores come from the first pass");
        assert_eq!(a["rougeLsum"], b["rougeLsum"]);
    }
    let table = eval(&[path, "--method", "default"]);
    let text = String::from_utf8_lossy(&table.stdout);
    assert!(
        text.contains("passes") && text.contains("1st pass"),
        "{text}"
    );
}

#[test]
fn zero_passes_is_a_usage_error() {
    let path = dataset("zero");
    let out = eval(&[path.to_str().expect("utf-8 path"), "--passes", "0"]);
    assert_eq!(out.status.code(), Some(2));
    assert!(String::from_utf8_lossy(&out.stderr).contains("--passes"));
}
