//! Crash points for tests: a process whose `ROLO_FAILPOINT` names a point aborts there,
//! as a `kill -9` at that exact moment would end it, so tests can check that the next
//! run finishes what it left (`after-decide`, `mid-apply`, `before-commit` in a change;
//! `after-update-ref` in a commit).

/// Abort here when `ROLO_FAILPOINT` names this point. `abort` ends the process as a crash
/// would: no unwinding, no destructors, no flushing.
pub fn hit(name: &str) {
    if std::env::var_os("ROLO_FAILPOINT").is_some_and(|v| v == name) {
        std::process::abort();
    }
}
