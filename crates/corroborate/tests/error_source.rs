//! Errors keep their cause: a caller matches the kind and reaches the I/O error.

use corroborate::ingest::{read_inputs, IngestOptions};
use corroborate::ErrorKind;
use std::error::Error as _;
use std::io;

#[test]
fn a_missing_file_is_an_io_error_whose_source_is_not_found() {
    let dir = std::env::temp_dir().join(format!("corroborate-error-source-{}", std::process::id()));
    let missing = dir.join("no-such-article.txt").display().to_string();
    let got = read_inputs(std::slice::from_ref(&missing), &IngestOptions::default());
    assert_eq!(got.errors.len(), 1, "{:?}", got.errors);
    let err = &got.errors[0];
    assert_eq!(err.kind(), &ErrorKind::Io);
    assert_eq!(err.input(), missing);
    assert_eq!(
        err.to_string(),
        format!("{missing}: no such file or directory")
    );
    assert_eq!(
        err.io_error().map(io::Error::kind),
        Some(io::ErrorKind::NotFound)
    );
    let source = err.source().expect("the cause is kept");
    assert!(source.downcast_ref::<io::Error>().is_some());
}

#[test]
fn a_directory_read_as_a_file_keeps_the_os_error() {
    // Reading a directory's entries works, but reading a file path that is a directory
    // inside a path that is a file fails with an OS error other than NotFound.
    let dir = std::env::temp_dir().join(format!("corroborate-error-notdir-{}", std::process::id()));
    std::fs::create_dir_all(&dir).unwrap();
    let file = dir.join("article.txt");
    std::fs::write(&file, "A short invented article. It has two sentences.").unwrap();
    let below_a_file = file.join("child.txt").display().to_string();
    let got = read_inputs(
        std::slice::from_ref(&below_a_file),
        &IngestOptions::default(),
    );
    std::fs::remove_dir_all(&dir).ok();
    assert_eq!(got.errors.len(), 1, "{:?}", got.errors);
    let err = &got.errors[0];
    assert_eq!(err.kind(), &ErrorKind::Io);
    let io = err.io_error().expect("an I/O cause");
    assert_ne!(io.kind(), io::ErrorKind::NotFound);
    // The message names the input and says what the OS said.
    assert!(
        err.to_string()
            .starts_with(&format!("{below_a_file}: cannot read: ")),
        "{err}"
    );
    assert!(err.to_string().ends_with(&io.to_string()), "{err}");
}

#[test]
fn malformed_lines_are_located_and_matchable() {
    let text = "{\"id\": \"c1\", \"docs\": [{\"id\": \"a\", \"text\": \"One. Two.\"}]}\nnot json\n";
    let (clusters, errors) = corroborate::ingest::parse_clusters("clusters.jsonl", text);
    assert_eq!(clusters.len(), 1);
    assert_eq!(errors.len(), 1);
    assert!(matches!(errors[0].kind(), ErrorKind::Malformed));
    assert_eq!(errors[0].line(), Some(2));
    assert!(
        errors[0].to_string().starts_with("clusters.jsonl:2: "),
        "{}",
        errors[0]
    );
}
