//! Peak memory of extracting a 20 MB page, measured in a child process (this test binary run
//! again on one test) so that other tests do not share the high-water mark. Linux only: the
//! peak is VmHWM from /proc/self/status. Deterministic: the page is generated, the bound is a
//! multiple of its size, no clock is read.

#![cfg(target_os = "linux")]

use corroborate::ingest::read_bytes;
use std::process::Command;

/// The child runs only under this variable.
const CHILD: &str = "CORROBORATE_MEMORY_CHILD";
/// Peak resident memory allowed, as a multiple of the page's size (measured: 15.1x: the page,
/// its element tree and the block texts).
const MAX_PEAK_PER_INPUT_BYTE: u64 = 20;

/// An invented 20 MB page, deep and wide: 2,000 sections, each a nest of 40 wrappers holding
/// paragraphs with links and inline markup, a list and a small table, then closing only some
/// wrappers (unclosed tags are common).
fn generated_page() -> String {
    let mut page =
        String::from("<!DOCTYPE html><html><head><title>Harbour log</title></head><body>");
    let mut section = 0usize;
    while page.len() < 20 << 20 {
        for depth in 0..40 {
            page.push_str(&format!(
                "<div class=\"wrap w{depth}\" data-n=\"{section}\">"
            ));
        }
        for p in 0..12 {
            page.push_str(&format!(
                "<p>Entry {section}.{p}: the <b>ferry</b> left at <i>dawn</i>, carrying \
                 <a href=\"/crew/{p}\">crew</a> and cargo &amp; mail to the outer islands, \
                 as it has done every week.</p>"
            ));
        }
        page.push_str("<ul><li>Nets<li>Rope<li>Fuel</ul><table><tr><td>Tide<td>4.2 m</table>");
        page.push_str(&"</div>".repeat(30));
        section += 1;
    }
    page.push_str("</body></html>");
    page
}

fn peak_resident_bytes() -> u64 {
    let status = std::fs::read_to_string("/proc/self/status").expect("Linux has /proc");
    let line = status
        .lines()
        .find(|l| l.starts_with("VmHWM:"))
        .expect("VmHWM is reported");
    let kb: u64 = line
        .split_whitespace()
        .nth(1)
        .and_then(|v| v.parse().ok())
        .expect("VmHWM is a number of kB");
    kb * 1024
}

/// The child: extract the page, print its size and the peak.
#[test]
fn child_extracts_a_twenty_megabyte_page() {
    if std::env::var_os(CHILD).is_none() {
        return;
    }
    let page = generated_page();
    let got = read_bytes("big.html", page.as_bytes());
    let text = &got.documents[0].text;
    assert!(
        text.contains("carrying crew and cargo & mail"),
        "{}",
        &text[..200]
    );
    println!("PEAK {} {}", page.len(), peak_resident_bytes());
}

#[test]
fn twenty_megabyte_page_has_bounded_peak_memory() {
    let exe = std::env::current_exe().expect("the test binary has a path");
    let out = Command::new(exe)
        .args([
            "--exact",
            "child_extracts_a_twenty_megabyte_page",
            "--nocapture",
            "--test-threads=1",
        ])
        .env(CHILD, "1")
        .output()
        .expect("the test binary runs again");
    let stdout = String::from_utf8_lossy(&out.stdout);
    assert!(out.status.success(), "child failed: {stdout}");
    let at = stdout
        .find("PEAK ")
        .unwrap_or_else(|| panic!("no PEAK line in {stdout}"));
    let nums: Vec<u64> = stdout[at + 5..]
        .split_whitespace()
        .take(2)
        .map(|n| n.parse().expect("numbers"))
        .collect();
    let (input, peak) = (nums[0], nums[1]);
    eprintln!(
        "page {input} bytes, peak RSS {peak} bytes ({:.1}x)",
        peak as f64 / input as f64
    );
    assert!(
        peak < MAX_PEAK_PER_INPUT_BYTE * input,
        "peak {peak} bytes for a {input}-byte page"
    );
}
