/// Which configuration a catalog was compiled from: the content hash of its sources and, when the
/// tree is a git checkout, the commit.
public struct CatalogVersion: Sendable, Hashable, CustomStringConvertible {
    /// SHA-256 of the sources, hex.
    public let hash: String
    /// The git commit of the tree, when known; with `+changes` when files differ from it.
    public let gitCommit: String?

    public init(hash: String, gitCommit: String? = nil) {
        self.hash = hash
        self.gitCommit = gitCommit
    }

    /// The first 12 hex digits of the hash: what people read and logs show.
    public var short: String { String(hash.prefix(12)) }

    public var description: String { gitCommit.map { "\(short) (git \($0))" } ?? short }
}
