import Foundation

/// PDF through WeasyPrint (Debian package `weasyprint`), run as a child process on temporary files,
/// with a time limit. The document's HTML carries no scripts and no external resources.
public struct WeasyPrintRenderer: PDFRenderer {
    /// The executable; `/usr/bin/weasyprint` as Debian installs it.
    public var executable: String
    /// Seconds the renderer may take before it is stopped.
    public var timeoutSeconds: Double

    public static let defaultExecutable = "/usr/bin/weasyprint"

    public init(executable: String? = nil, timeoutSeconds: Double = 30) {
        self.executable =
            executable ?? ProcessInfo.processInfo.environment["LENDLINE_WEASYPRINT"] ?? Self.defaultExecutable
        self.timeoutSeconds = timeoutSeconds
    }

    /// Whether the executable is installed.
    public var isAvailable: Bool { FileManager.default.isExecutableFile(atPath: executable) }

    public func pdf(_ html: String) throws(DocumentError) -> Data {
        guard isAvailable else {
            throw DocumentError(
                .rendererUnavailable,
                "the PDF renderer \(executable) is not installed (apt-get install weasyprint, or scripts/bootstrap)")
        }
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("lendline-pdf-\(UUID().uuidString)")
        defer { try? FileManager.default.removeItem(at: folder) }
        let input = folder.appendingPathComponent("document.html"), output = folder.appendingPathComponent("document.pdf")
        let errors = folder.appendingPathComponent("stderr.txt")
        do {
            try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
            try Data(html.utf8).write(to: input)
            try Data().write(to: errors)
        } catch {
            throw DocumentError(.rendererFailed, "cannot write the renderer's input file: \(error.localizedDescription)")
        }
        let process = Process()
        process.executableURL = URL(fileURLWithPath: executable)
        process.arguments = ["--quiet", "--encoding", "utf-8", input.path, output.path]
        process.standardInput = FileHandle.nullDevice
        process.standardOutput = FileHandle.nullDevice
        process.standardError = try? FileHandle(forWritingTo: errors)
        let finished = DispatchSemaphore(value: 0)
        process.terminationHandler = { _ in finished.signal() }
        do { try process.run() } catch {
            throw DocumentError(.rendererFailed, "cannot start \(executable): \(error.localizedDescription)")
        }
        if finished.wait(timeout: .now() + timeoutSeconds) == .timedOut {
            process.terminate()
            if finished.wait(timeout: .now() + 2) == .timedOut { kill(process.processIdentifier, SIGKILL) }
            throw DocumentError(.rendererFailed, "\(executable) did not finish within \(timeoutSeconds) seconds")
        }
        guard process.terminationStatus == 0 else {
            let said = (try? String(contentsOf: errors, encoding: .utf8)) ?? ""
            let last = said.split(separator: "\n").last.map(String.init) ?? "no message"
            throw DocumentError(
                .rendererFailed, "\(executable) exited with status \(process.terminationStatus): \(last)")
        }
        guard let pdf = try? Data(contentsOf: output), pdf.starts(with: Array("%PDF".utf8)) else {
            throw DocumentError(.rendererFailed, "\(executable) wrote no PDF")
        }
        return pdf
    }
}
