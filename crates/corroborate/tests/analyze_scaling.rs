//! Analyze stays linear on adversarial inputs: for each input kind, four times the input
//! must cost at most ten times the CPU time of the thread (linear is four, quadratic
//! sixteen). CPU time, not wall-clock time, and a generous ratio, so a busy machine does
//! not fail it; sizes are chosen so the larger run takes a measurable time.
//!
//! Run: `cargo test --release -p corroborate --test analyze_scaling -- --nocapture`

use corroborate::analyze::analyze;
use corroborate::{Document, Pipeline};

/// Makes an input of size `n`.
type Make = Box<dyn Fn(usize) -> String>;

/// CPU time used by this thread so far, in seconds (Linux: `/proc/thread-self/stat`).
fn thread_cpu() -> Option<f64> {
    let stat = std::fs::read_to_string("/proc/thread-self/stat").ok()?;
    // Fields after the command name (which is in parentheses and may hold spaces).
    let rest = &stat[stat.rfind(')')? + 2..];
    let fields: Vec<&str> = rest.split_whitespace().collect();
    // utime and stime are fields 14 and 15 of the whole line: 12 and 13 here.
    let ticks: f64 = fields.get(11)?.parse::<f64>().ok()? + fields.get(12)?.parse::<f64>().ok()?;
    Some(ticks / 100.0)
}

/// CPU seconds analyze takes on the text `make(n)` (the best of two runs).
fn cost(make: &dyn Fn(usize) -> String, n: usize) -> Option<f64> {
    let doc = Document::from_text("scaling", make(n));
    let prepared = Pipeline::default().prepare_documents(vec![doc]);
    let mut best = f64::INFINITY;
    for _ in 0..2 {
        let t0 = thread_cpu()?;
        let a = analyze(&prepared);
        let t1 = thread_cpu()?;
        std::hint::black_box(a);
        best = best.min(t1 - t0);
    }
    Some(best)
}

fn check(name: &str, n: usize, make: &dyn Fn(usize) -> String) {
    let (Some(small), Some(large)) = (cost(make, n), cost(make, 4 * n)) else {
        if std::env::var_os("CI").is_some() {
            panic!("no thread CPU clock in CI");
        }
        eprintln!("skipping {name}: no /proc/thread-self/stat");
        return;
    };
    // The clock ticks at 10 ms: a small run below two ticks counts as two.
    let ratio = large / small.max(0.02);
    eprintln!("{name}: n={n} {small:.3}s, 4n {large:.3}s, ratio {ratio:.1}");
    assert!(
        ratio <= 10.0,
        "{name}: four times the input took {ratio:.1} times the CPU time ({small:.3}s -> {large:.3}s)"
    );
}

#[test]
fn analyze_is_linear_on_adversarial_inputs() {
    let cases: Vec<(&str, usize, Make)> = vec![
        (
            "repeated number words",
            20000,
            Box::new(|n| format!("Title\n\n{}people died.\n", "ten of ".repeat(n))),
        ),
        (
            "repeated quotes",
            5000,
            Box::new(|n| {
                (0..n)
                    .map(|i| format!("\u{201c}We will rebuild every house on the shore {i},\u{201d} said Dana Wirth.\n\n"))
                    .collect()
            }),
        ),
        (
            "one giant sentence of numbers",
            5000,
            Box::new(|n| {
                let body: Vec<String> = (0..n)
                    .map(|i| format!("{} boats and word{} sailors", 10 + i % 90, i))
                    .collect();
                format!("Title\n\n{} left.\n", body.join(" and "))
            }),
        ),
        (
            "many quoted speakers",
            2500,
            Box::new(|n| {
                (0..n)
                    .map(|i| {
                        let name: String = format!("{i:x}")
                            .chars()
                            .map(|c| (b'A' + (c.to_digit(16).unwrap_or(0) as u8)) as char)
                            .collect();
                        format!("Dana Q{name}ley said: \u{201c}The river rose again near mill number {i}.\u{201d}\n\n")
                    })
                    .collect()
            }),
        ),
        (
            "one date repeated",
            5000,
            Box::new(|n| {
                (0..n)
                    .map(|i| {
                        format!("On March 3, 1998, crews{i} repaired bridge{i} near town{i}.\n\n")
                    })
                    .collect()
            }),
        ),
        (
            "nested quotes and brackets",
            20000,
            Box::new(|n| {
                format!(
                    "Title\n\n{}{}\n",
                    "(\u{201c}``\"[ said ".repeat(n),
                    ")\u{201d}''\"] ".repeat(n)
                )
            }),
        ),
    ];
    for (name, n, make) in &cases {
        check(name, *n, make.as_ref());
    }
}
