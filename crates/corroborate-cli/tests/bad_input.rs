//! `corroborate clean` on bad inputs: a clear message naming the input on stderr, the right
//! exit code (0 success, 1 nothing usable, 2 usage, 3 some inputs skipped), never a panic.

use std::io::Write;
use std::process::{Command, Output, Stdio};

mod common;
use common::{assert_code, clean, scratch, stderr, stdout, write};

const STORY: &str = "Ferry service resumes\n\nThe ferry between Holm and Vask resumed on \
    Tuesday after a week of storms. The operator said all sailings would run as normal.\n";

fn clean_stdin(input: &[u8]) -> Output {
    let mut child = Command::new(env!("CARGO_BIN_EXE_corroborate"))
        .args(["clean", "-"])
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .expect("the binary runs");
    let mut stdin = child.stdin.take().expect("piped stdin");
    stdin.write_all(input).expect("write stdin");
    drop(stdin);
    child.wait_with_output().expect("the binary finishes")
}

#[test]
fn nonexistent_path_is_an_error_naming_it() {
    let dir = scratch("missing");
    let missing = dir.join("no-such-article.txt").display().to_string();
    let out = clean(&[&missing]);
    assert_code(&out, 1, &missing);
    assert!(
        stderr(&out).contains(&format!("{missing}: no such file")),
        "{}",
        stderr(&out)
    );
}

#[test]
fn missing_input_next_to_a_good_one_is_skipped_with_exit_3() {
    let dir = scratch("partial");
    let good = write(&dir, "ferry.txt", STORY.as_bytes());
    let missing = dir.join("gone.txt").display().to_string();
    let out = clean(&[&good, &missing]);
    assert_code(&out, 3, &missing);
    assert!(stdout(&out).contains("ferry between Holm and Vask"));
    assert!(stderr(&out).contains(&missing));
}

#[test]
fn directory_without_articles_is_an_error() {
    let dir = scratch("no-articles");
    write(&dir, "notes.md", b"# not an article format");
    write(&dir, "photo.jpg", b"\xff\xd8\xff\xe0");
    let name = dir.display().to_string();
    let out = clean(&[&name]);
    assert_code(&out, 1, &name);
    assert!(stderr(&out).contains(&format!("{name}: directory holds no readable articles")));
}

#[test]
fn empty_file_is_an_error() {
    let dir = scratch("empty");
    let empty = write(&dir, "empty.txt", b"");
    let out = clean(&[&empty]);
    assert_code(&out, 1, &empty);
    assert!(
        stderr(&out).contains(&format!("{empty}: empty input")),
        "{}",
        stderr(&out)
    );
}

#[test]
fn binary_file_is_an_error() {
    let dir = scratch("binary");
    let bytes: Vec<u8> = (0..4096u32).map(|i| (i * 7 % 256) as u8).collect();
    let bin = write(&dir, "image.txt", &bytes);
    let out = clean(&[&bin]);
    assert_code(&out, 1, &bin);
    assert!(stderr(&out).contains(&format!("{bin}: looks like binary data")));
}

#[test]
fn invalid_utf8_is_read_lossily_with_a_warning() {
    let dir = scratch("latin1");
    let file = write(
        &dir,
        "cafe.txt",
        b"Caf\xe9 reopens\n\nThe caf\xe9 on the quay reopened on Monday after repairs.\n",
    );
    let out = clean(&[&file]);
    assert_code(&out, 0, &file);
    assert!(stderr(&out).contains(&format!("warning: {file}: invalid UTF-8")));
    assert!(stdout(&out).contains("on the quay reopened on Monday"));
}

#[test]
fn malformed_jsonl_line_is_reported_and_the_others_read() {
    let dir = scratch("jsonl");
    let file = write(
        &dir,
        "articles.jsonl",
        b"{\"id\":\"a\",\"text\":\"The ferry resumed on Tuesday after the storms.\"}\n\
          {\"id\":\"b\",\"text\":\"unterminated\n\
          {\"id\":\"c\",\"text\":\"The operator said sailings run as normal.\"}\n",
    );
    let out = clean(&[&file]);
    assert_code(&out, 3, &file);
    assert!(
        stderr(&out).contains(&format!("{file}:2: line skipped")),
        "{}",
        stderr(&out)
    );
    assert!(stdout(&out).contains("ferry resumed on Tuesday"));
    assert!(stdout(&out).contains("sailings run as normal"));
}

#[test]
fn html_on_stdin_is_sniffed_and_extracted() {
    let page = b"<!DOCTYPE html><html><head><title>Ferry back | Gazette</title></head><body>\
        <nav><a href=/>Home</a> <a href=/news>News</a></nav><article><h1>Ferry back</h1>\
        <p>The ferry between Holm and Vask resumed on Tuesday, after a week of storms.</p>\
        <p>The operator said all sailings would run as normal from Wednesday.</p></article>\
        <footer>Copyright Gazette, all rights reserved.</footer></body></html>";
    let out = clean_stdin(page);
    assert_code(&out, 0, "html on stdin");
    let text = stdout(&out);
    assert!(text.contains("resumed on Tuesday"), "{text}");
    assert!(!text.contains("Copyright"), "{text}");
    assert!(!text.contains("<p>"), "{text}");
}

#[test]
fn deeply_nested_html_does_not_crash() {
    let mut page = String::from("<html><body>");
    page.push_str(&"<div>".repeat(100_000));
    page.push_str(
        "<p>The ferry resumed on Tuesday, after a week of storms, the operator said.</p>",
    );
    page.push_str(&"</div>".repeat(100_000));
    let dir = scratch("deep");
    let file = write(&dir, "deep.html", page.as_bytes());
    let out = clean(&[&file]);
    assert_code(&out, 0, &file);
    assert!(stdout(&out).contains("ferry resumed on Tuesday"));
}

#[test]
fn broken_html_is_read_or_reported() {
    let dir = scratch("broken");
    let broken = write(
        &dir,
        "broken.html",
        b"<html><body><div><p>The ferry resumed on Tuesday, after storms, said the operator.\
          <table><td><b><i>unclosed <a href='x>garbage <<>> </p></div></span></table",
    );
    let garbage = write(&dir, "garbage.htm", b"<<<<>>>></></></div<<!--");
    let out = clean(&[&broken, &garbage]);
    assert_code(&out, 3, &garbage);
    assert!(stdout(&out).contains("ferry resumed on Tuesday"));
    assert!(stderr(&out).contains(&garbage));
}

#[test]
fn no_inputs_is_a_usage_error() {
    let out = clean(&[]);
    assert_code(&out, 2, "no inputs");
}
