#include <sqlite3.h>

/// Turns off SQLite's memory statistics, which take one process-wide mutex on every allocation
/// (threads on connections of their own queued on it). Must run before SQLite initialises;
/// returns SQLITE_MISUSE after.
static inline int lendline_sqlite_disable_memory_statistics(void) {
    return sqlite3_config(SQLITE_CONFIG_MEMSTATUS, 0);
}
