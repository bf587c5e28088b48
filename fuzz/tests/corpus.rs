//! Every corpus and regression input of every fuzz target runs without a panic: each crash or
//! slow input the fuzzer saved (`fuzz/regressions/<target>/`) stays a regression test.

use corroborate_fuzz::{files_in, fuzz_dir, Target};

#[test]
fn every_saved_input_runs_without_panicking() {
    let scratch =
        std::env::temp_dir().join(format!("corroborate-fuzz-replay-{}", std::process::id()));
    std::fs::create_dir_all(&scratch).expect("scratch");
    let mut ran = 0;
    // The state target's seed, built at run time, and every saved damaged state.
    let seed = corroborate_fuzz::seed_state(&scratch);
    let dir = scratch.join("seed-check");
    std::fs::create_dir_all(&dir).expect("scratch");
    std::fs::write(dir.join(corroborate::stories::state::FILE_NAME), &seed).expect("write");
    let opened = corroborate::stories::StoryStore::open(&dir, Default::default());
    assert!(
        opened.is_ok(),
        "the seed state opens: {:?}",
        opened.as_ref().err()
    );
    drop(opened);
    let got = std::panic::catch_unwind(|| Target::State.run(&seed[..seed.len() / 2], &scratch));
    assert!(got.is_ok(), "a truncated state does not panic");
    for target in Target::ALL {
        let files: Vec<_> = ["corpus", "regressions"]
            .iter()
            .flat_map(|d| files_in(&fuzz_dir().join(d).join(target.name())))
            .collect();
        assert!(
            !files.is_empty() || target == Target::State,
            "no corpus for {}",
            target.name()
        );
        for path in files {
            let bytes = std::fs::read(&path).expect("read input");
            let got = std::panic::catch_unwind(|| target.run(&bytes, &scratch));
            assert!(
                got.is_ok(),
                "{} panicked on {}",
                target.name(),
                path.display()
            );
            ran += 1;
        }
    }
    let _ = std::fs::remove_dir_all(&scratch);
    assert!(ran > 0);
}
