import CJemalloc

/// The memory allocator the executable runs on. jemalloc is linked ahead of the C library, so its
/// malloc and free serve the whole process (Swift's runtime, SQLite, libpq); glibc's malloc spent a
/// third of a 100,000-loan day end in its own bookkeeping.
enum Allocator {
    /// "jemalloc 5.3.0-…", read from jemalloc itself, so it also shows that jemalloc is the one in use.
    static var description: String {
        var version: UnsafePointer<CChar>?
        var size = MemoryLayout<UnsafePointer<CChar>?>.size
        guard mallctl("version", &version, &size, nil, 0) == 0, let version else { return "jemalloc (version unreadable)" }
        return "jemalloc \(String(cString: version))"
    }
}
