//! `corroborate-fuzz`: mutate the corpus under `fuzz/corpus/<target>/` for a time budget and
//! save every input that panics or runs slowly under `fuzz/regressions/<target>/`.
//!
//! Usage: corroborate-fuzz [--seconds N] [--seed S] [--target NAME]... [--slow-ms MS]
//!        [--save-corpus]
//! The time is shared evenly between the targets. Exit 1 when a crash or slow input was found.

use corroborate_fuzz::{files_in, fuzz_dir, input_name, mutate_for, seed_state, Rng, Target};
use std::collections::BTreeSet;
use std::time::{Duration, Instant};

/// Inputs kept in memory per target; files saved to the corpus folder per target.
const MEMORY_CORPUS: usize = 2000;
const SAVED_CORPUS: usize = 64;

struct Options {
    seconds: f64,
    seed: u64,
    targets: Vec<Target>,
    slow: Duration,
    save_corpus: bool,
}

fn parse_args() -> Result<Options, String> {
    let mut o = Options {
        seconds: 60.0,
        seed: 1,
        targets: Vec::new(),
        slow: Duration::from_millis(2000),
        save_corpus: false,
    };
    let mut args = std::env::args().skip(1);
    while let Some(a) = args.next() {
        let mut value = |name: &str| args.next().ok_or(format!("{name} needs a value"));
        match a.as_str() {
            "--seconds" => o.seconds = value("--seconds")?.parse().map_err(|e| format!("{e}"))?,
            "--seed" => o.seed = value("--seed")?.parse().map_err(|e| format!("{e}"))?,
            "--slow-ms" => {
                o.slow =
                    Duration::from_millis(value("--slow-ms")?.parse().map_err(|e| format!("{e}"))?)
            }
            "--target" => {
                let name = value("--target")?;
                o.targets
                    .push(Target::from_name(&name).ok_or(format!("unknown target {name}"))?);
            }
            "--save-corpus" => o.save_corpus = true,
            other => return Err(format!("unknown argument {other}")),
        }
    }
    if o.targets.is_empty() {
        o.targets = Target::ALL.to_vec();
    }
    Ok(o)
}

/// CPU time of the whole process (rayon's threads included): a slow input is one that works
/// long, not one that waited for a core on a busy machine.
fn process_cpu() -> Duration {
    let mut ts = libc::timespec {
        tv_sec: 0,
        tv_nsec: 0,
    };
    // SAFETY: clock_gettime writes one timespec through a valid pointer.
    let ok = unsafe { libc::clock_gettime(libc::CLOCK_PROCESS_CPUTIME_ID, &mut ts) } == 0;
    if !ok {
        return Duration::ZERO;
    }
    Duration::new(
        u64::try_from(ts.tv_sec).unwrap_or(0),
        u32::try_from(ts.tv_nsec).unwrap_or(0),
    )
}

fn main() -> std::process::ExitCode {
    let o = match parse_args() {
        Ok(o) => o,
        Err(e) => {
            eprintln!("corroborate-fuzz: {e}");
            return std::process::ExitCode::from(2);
        }
    };
    let scratch = std::env::temp_dir().join(format!("corroborate-fuzz-{}", std::process::id()));
    std::fs::create_dir_all(&scratch).expect("scratch directory");
    let per_target = Duration::from_secs_f64(o.seconds / o.targets.len() as f64);
    let mut found = 0usize;
    for (k, &target) in o.targets.iter().enumerate() {
        let corpus_dir = fuzz_dir().join("corpus").join(target.name());
        let regress_dir = fuzz_dir().join("regressions").join(target.name());
        let mut corpus: Vec<Vec<u8>> = files_in(&corpus_dir)
            .iter()
            .chain(files_in(&regress_dir).iter())
            .filter_map(|p| std::fs::read(p).ok())
            .collect();
        if target == Target::State {
            corpus.push(seed_state(&scratch));
        }
        if corpus.is_empty() {
            corpus.push(Vec::new());
        }
        let mut saved = files_in(&corpus_dir).len();
        let mut seen: BTreeSet<u64> = BTreeSet::new();
        let mut rng = Rng(o.seed ^ (k as u64).wrapping_mul(0x9e37_79b9));
        let (mut execs, mut crashes, mut slow) = (0u64, 0usize, 0usize);
        let mut slowest = Duration::ZERO;
        let start = Instant::now();
        while start.elapsed() < per_target {
            let a = rng.below(corpus.len());
            let b = rng.below(corpus.len());
            let input = mutate_for(target, &mut rng, &corpus[a], &corpus[b]);
            let t0 = process_cpu();
            let got = std::panic::catch_unwind(|| target.run(&input, &scratch));
            let took = process_cpu().saturating_sub(t0);
            slowest = slowest.max(took);
            execs += 1;
            let keep_as = match &got {
                Err(_) => {
                    crashes += 1;
                    Some("crash")
                }
                Ok(_) if took > o.slow => {
                    slow += 1;
                    Some("slow")
                }
                Ok(_) => None,
            };
            if let Some(kind) = keep_as {
                std::fs::create_dir_all(&regress_dir).expect("regressions directory");
                let path = regress_dir.join(format!("{kind}-{}", input_name(&input)));
                std::fs::write(&path, &input).expect("write regression input");
                eprintln!(
                    "corroborate-fuzz: {}: {kind} ({:.2} s, {} bytes) saved to {}",
                    target.name(),
                    took.as_secs_f64(),
                    input.len(),
                    path.display()
                );
            }
            if let Ok(sig) = got {
                if seen.insert(sig) && corpus.len() < MEMORY_CORPUS {
                    if o.save_corpus && saved < SAVED_CORPUS && target != Target::State {
                        std::fs::create_dir_all(&corpus_dir).expect("corpus directory");
                        std::fs::write(corpus_dir.join(input_name(&input)), &input)
                            .expect("write corpus input");
                        saved += 1;
                    }
                    corpus.push(input);
                }
            }
        }
        let secs = start.elapsed().as_secs_f64();
        println!(
            "{:<16} {execs:>8} runs {:>8.0} runs/s  corpus {:>5}  signatures {:>5}  slowest {:.3} s  crashes {crashes}  slow {slow}",
            target.name(),
            execs as f64 / secs.max(1e-9),
            corpus.len(),
            seen.len(),
            slowest.as_secs_f64(),
        );
        found += crashes + slow;
    }
    let _ = std::fs::remove_dir_all(&scratch);
    if found > 0 {
        eprintln!("corroborate-fuzz: {found} input(s) saved under fuzz/regressions/");
        std::process::ExitCode::from(1)
    } else {
        std::process::ExitCode::SUCCESS
    }
}
