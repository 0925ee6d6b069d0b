import Foundation
import Ledger

/// A PostgreSQL server for this test process only: `initdb` into a temporary directory, started with
/// `pg_ctl` on a Unix socket in that directory (no TCP), stopped and deleted when the process exits.
/// Run as the `postgres` user through `runuser` when the tests run as root. `nil` when PostgreSQL is
/// not installed (the PostgreSQL half of the suite is then skipped; CI installs it).
public final class ThrowawayPostgres: Sendable {
    let directory: String
    let port = 54_329

    public static let shared: ThrowawayPostgres? = ThrowawayPostgres()

    /// The `bin` folder of the newest installed PostgreSQL.
    static var binaries: String? {
        let root = "/usr/lib/postgresql"
        let versions = (try? FileManager.default.contentsOfDirectory(atPath: root)) ?? []
        return versions.compactMap(Int.init).max().map { "\(root)/\($0)/bin" }
            .flatMap { FileManager.default.fileExists(atPath: $0 + "/initdb") ? $0 : nil }
    }

    private init?() {
        guard let bin = Self.binaries else { return nil }
        directory = "/tmp/lendline-pg-\(getpid())"
        try? FileManager.default.removeItem(atPath: directory)
        try? FileManager.default.createDirectory(atPath: directory, withIntermediateDirectories: true)
        let asRoot = getuid() == 0
        if asRoot { _ = Self.run("/bin/chown", ["postgres:postgres", directory]) }
        let data = directory + "/data"
        func pg(_ tool: String, _ arguments: [String]) -> Bool {
            asRoot ? Self.run("/usr/sbin/runuser", ["-u", "postgres", "--", bin + "/" + tool] + arguments)
                : Self.run(bin + "/" + tool, arguments)
        }
        guard pg("initdb", ["-D", data, "-A", "trust", "-U", "postgres", "--no-sync", "-E", "UTF8"]) else { return nil }
        let options = "-k \(directory) -c listen_addresses='' -p \(port) -c fsync=off -c max_connections=150"
        guard pg("pg_ctl", ["-D", data, "-o", options, "-l", directory + "/log", "-w", "start"]) else { return nil }
        ThrowawayPostgres.stopAtExit = (asRoot, bin, data, directory)
        atexit {
            guard let (asRoot, bin, data, directory) = ThrowawayPostgres.stopAtExit else { return }
            let stop = [bin + "/pg_ctl", "-D", data, "-m", "immediate", "stop"]
            _ = asRoot ? ThrowawayPostgres.run("/usr/sbin/runuser", ["-u", "postgres", "--"] + stop)
                : ThrowawayPostgres.run(stop[0], Array(stop.dropFirst()))
            try? FileManager.default.removeItem(atPath: directory)
        }
    }

    nonisolated(unsafe) static var stopAtExit: (Bool, String, String, String)?

    /// A libpq URL for `database`.
    func url(_ database: String = "postgres") -> String {
        "postgresql:///\(database)?host=\(directory)&port=\(port)&user=postgres"
    }

    /// A new empty database, for one test.
    func freshDatabase() throws -> String {
        let name = "t_" + UUID().uuidString.replacingOccurrences(of: "-", with: "").lowercased()
        try PostgresConnection(url: url()).execute("CREATE DATABASE \(name)")
        return url(name)
    }

    /// Runs `path` with `arguments` and waits for it (posix_spawn + waitpid: no run loop needed,
    /// and a daemon the command leaves behind, like `pg_ctl start`'s server, does not hold us up).
    @discardableResult
    static func run(_ path: String, _ arguments: [String]) -> Bool {
        var actions = posix_spawn_file_actions_t()
        posix_spawn_file_actions_init(&actions)
        defer { posix_spawn_file_actions_destroy(&actions) }
        for fd in [Int32(1), Int32(2)] {
            posix_spawn_file_actions_addopen(&actions, fd, "/dev/null", O_WRONLY, 0)
        }
        let argv = ([path] + arguments).map { strdup($0) } + [nil]
        defer { argv.forEach { free($0) } }
        var pid: pid_t = 0
        guard posix_spawn(&pid, path, &actions, nil, argv, environ) == 0 else { return false }
        var status: Int32 = 0
        while waitpid(pid, &status, 0) == -1 && errno == EINTR {}
        return status & 0x7F == 0 && (status >> 8) & 0xFF == 0
    }
}
