import CSQLite
import Ledger
import Testing

/// The settings SQLite takes once per process, before its first connection.
@Suite("SQLite's process-wide settings")
struct SQLiteSettingsTests {
    @Test("memory statistics are off once a connection has opened: no process-wide mutex on each allocation")
    func memoryStatisticsOff() throws {
        let connection = try SQLiteConnection(path: ":memory:")
        try connection.execute("CREATE TABLE t (x TEXT)")
        for i in 0..<100 { try connection.execute("INSERT INTO t VALUES ('row \(i)')") }
        // SQLite counts the memory it holds only with statistics on.
        #expect(sqlite3_memory_used() == 0)
        // SQLite is initialised by now, so configuring it again is refused.
        #expect(lendline_sqlite_disable_memory_statistics() == SQLITE_MISUSE)
    }
}
