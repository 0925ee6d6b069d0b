import CLibPQ
import CSQLite
import XMLSupport

/// Versions of the system libraries Lendline links: SQLite, libpq and libxml2.
public enum StorageLibraries {
    /// SQLite's version, e.g. `3.40.1`.
    public static var sqliteVersion: String { String(cString: sqlite3_libversion()) }

    /// libpq's version, e.g. `15.18` (major.minor).
    public static var libpqVersion: String {
        let v = Int(PQlibVersion())
        return "\(v / 10000).\(v % 10000)"
    }

    /// libxml2's version, e.g. `2.9.14`.
    public static var libxml2Version: String {
        let v = Int(lendline_libxml2_version())
        return "\(v / 10000).\(v / 100 % 100).\(v % 100)"
    }
}
