//! Per-thread CPU time, so that speed reports are single-core figures that a busy machine
//! does not inflate (wall time counts the time a thread waits for a core).

use std::time::Instant;

/// A stopwatch over the calling thread's CPU time (wall time where that is unavailable).
#[derive(Debug, Clone, Copy)]
pub struct CpuClock {
    cpu: Option<f64>,
    wall: Instant,
}

impl CpuClock {
    /// Start measuring on the current thread.
    pub fn start() -> Self {
        CpuClock {
            cpu: thread_cpu_seconds(),
            wall: Instant::now(),
        }
    }

    /// Seconds of this thread's CPU time since `start` (wall seconds if the platform has no
    /// thread clock). Must be read on the thread that started it.
    pub fn seconds(&self) -> f64 {
        match (self.cpu, thread_cpu_seconds()) {
            (Some(a), Some(b)) => (b - a).max(0.0),
            _ => self.wall.elapsed().as_secs_f64(),
        }
    }
}

#[cfg(unix)]
fn thread_cpu_seconds() -> Option<f64> {
    let mut ts = libc::timespec {
        tv_sec: 0,
        tv_nsec: 0,
    };
    // SAFETY: clock_gettime writes one timespec into the valid, exclusively borrowed `ts`.
    let rc = unsafe { libc::clock_gettime(libc::CLOCK_THREAD_CPUTIME_ID, &mut ts) };
    (rc == 0).then_some(ts.tv_sec as f64 + ts.tv_nsec as f64 * 1e-9)
}

#[cfg(not(unix))]
fn thread_cpu_seconds() -> Option<f64> {
    None
}

#[cfg(test)]
mod tests {
    use super::CpuClock;

    #[test]
    fn busy_work_takes_cpu_time() {
        let clock = CpuClock::start();
        let mut x = 0u64;
        for i in 0..5_000_000u64 {
            x = x.wrapping_mul(31).wrapping_add(std::hint::black_box(i));
        }
        std::hint::black_box(x);
        assert!(clock.seconds() > 0.0);
    }
}
