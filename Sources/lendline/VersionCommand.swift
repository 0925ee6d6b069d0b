import ArgumentParser
import Ledger

/// `lendline version`: the tool's version and the system libraries it links.
struct VersionCommand: ParsableCommand {
    static let configuration = CommandConfiguration(commandName: "version", abstract: "Print versions of Lendline and its libraries.")

    func run() {
        print("lendline \(Lendline.configuration.version)")
        print("sqlite \(StorageLibraries.sqliteVersion)")
        print("libpq \(StorageLibraries.libpqVersion)")
        print("libxml2 \(StorageLibraries.libxml2Version)")
        print("allocator \(Allocator.description)")
    }
}
