//! SQLite's per-connection setup, made inside `sqlite3_open` through the C API.

use std::time::Duration;

/// How long a SQLite statement waits for another connection's write lock before it fails with
/// "database is locked" (SQLite's `busy_timeout`, kept by `sqlite_on_open`'s handler).
pub const SQLITE_LOCK_WAIT: Duration = Duration::from_secs(10);

/// Pause between two tries for a SQLite write lock held by another connection.
const SQLITE_LOCK_RETRY: Duration = Duration::from_micros(200);

/// Sets up every SQLite connection this process opens from now on, inside `sqlite3_open`:
/// - plans made once (`SQLITE_DBCONFIG_ENABLE_QPSG`): otherwise SQLite replans a kept statement
///   whenever a new `LIMIT ?` is bound, which defeats diesel's statement cache;
/// - a lock wait in `SQLITE_LOCK_RETRY` steps up to `SQLITE_LOCK_WAIT`, not `busy_timeout`'s
///   sleeps of up to 100 ms, since our write transactions hold the lock for well under 1 ms.
///
/// docs/performance.md has the measurements. Returns whether SQLite took the setup; if not,
/// the caller sets `busy_timeout` itself.
pub fn sqlite_on_open() -> bool {
    use libsqlite3_sys as ffi;
    use std::os::raw::{c_char, c_int, c_void};

    /// SQLite's busy handler: non-zero to try again, 0 to give up ("database is locked").
    unsafe extern "C" fn wait_for_lock(_: *mut c_void, tries: c_int) -> c_int {
        let most = SQLITE_LOCK_WAIT.as_micros() / SQLITE_LOCK_RETRY.as_micros();
        if tries as u128 >= most {
            return 0;
        }
        std::thread::sleep(SQLITE_LOCK_RETRY);
        1
    }

    /// Runs inside `sqlite3_open` for each new connection.
    unsafe extern "C" fn on_open(
        db: *mut ffi::sqlite3,
        _error: *mut *mut c_char,
        _api: *const ffi::sqlite3_api_routines,
    ) -> c_int {
        // SAFETY: `db` is the connection being opened, valid for this call. The option takes
        // an int and an optional out-pointer, here none; the handler takes no argument and
        // lives as long as the program.
        unsafe {
            ffi::sqlite3_db_config(
                db,
                ffi::SQLITE_DBCONFIG_ENABLE_QPSG,
                1 as c_int,
                std::ptr::null_mut::<c_int>(),
            );
            ffi::sqlite3_busy_handler(db, Some(wait_for_lock), std::ptr::null_mut())
        }
    }
    static REGISTERED: std::sync::OnceLock<bool> = std::sync::OnceLock::new();
    *REGISTERED.get_or_init(|| {
        // SAFETY: registers a function with the signature SQLite calls it with; registering
        // the same function again would be a no-op.
        let rc = unsafe { ffi::sqlite3_auto_extension(Some(on_open)) };
        if rc != ffi::SQLITE_OK {
            log::warn!("could not set up SQLite connections (code {rc}): statements will be recompiled more often, and lock waits use SQLite's own busy_timeout");
        }
        rc == ffi::SQLITE_OK
    })
}
