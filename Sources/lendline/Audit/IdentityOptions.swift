import ArgumentParser
import Catalog
import Foundation
import Identity
import IdentitySQL

/// Where staff users, API keys and the audit log are: the loan book's database.
struct IdentityOptions: ParsableArguments {
    @Option(help: "Database: a SQLite file path or postgres://… (default $LENDLINE_DATABASE_URL, else ./lendline.sqlite).")
    var database: String?

    var databaseLocation: String {
        database ?? ProcessInfo.processInfo.environment["LENDLINE_DATABASE_URL"] ?? "lendline.sqlite"
    }

    func open() throws -> LockedConnection { try LockedConnection.open(databaseLocation) }
}

/// Unix seconds now: the command line is infrastructure and may read the clock.
func unixNow() -> Int64 { Int64(Date().timeIntervalSince1970) }

/// Prints `message` to standard error and returns exit status 2.
func refusal(_ message: String) -> ExitCode {
    FileHandle.standardError.write(Data("error: \(message)\n".utf8))
    return ExitCode(2)
}

/// The first line of standard input: passwords never travel as arguments (they would show in `ps`).
func readPassword() throws -> String {
    guard let line = readLine(strippingNewline: true), !line.isEmpty else {
        throw refusal("write the password on standard input, e.g. `read -rs P && echo \"$P\" | lendline …`")
    }
    guard line.count >= 12 else { throw refusal("a password needs at least 12 characters") }
    return line
}
