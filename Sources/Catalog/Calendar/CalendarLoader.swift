import LoanMath
import Rules

/// Loads holiday calendars from `policies/calendars/*.yaml`, reporting every problem at once.
public enum CalendarLoader {
    /// The calendar in the file at `path`; its name must equal the file name without `.yaml`.
    public static func load(path: String, displayPath: String? = nil) -> Result<HolidayCalendar, DiagnosticsError> {
        do {
            let source = try ConfigSource.read(path: path, displayPath: displayPath)
            return load(source, expectedName: ProductLoader.fileStem(path))
        } catch {
            return .failure(error)
        }
    }

    /// The calendar written in `source`; `expectedName` (when given) is the name the file name demands.
    public static func load(_ source: ConfigSource, expectedName: String?) -> Result<HolidayCalendar, DiagnosticsError> {
        let root: ConfigNode
        do { root = try source.parse() } catch { return .failure(error) }
        let log = DiagnosticLog()
        let calendar = CalendarDecoder(log: log, expectedName: expectedName).decode(root)
        if let failure = log.failure { return .failure(failure) }
        guard let calendar else {
            return .failure(DiagnosticsError([Diagnostic(at: root.location, "the calendar could not be read")]))
        }
        return .success(calendar)
    }

    /// Every calendar in `directory` (`*.yaml`) by name, or the diagnostics of all files together.
    public static func loadAll(directory: String) -> Result<[String: HolidayCalendar], DiagnosticsError> {
        let files: [(path: String, name: String)]
        do { files = try ConfigSource.yamlFiles(in: directory) } catch { return .failure(error) }
        var calendars: [String: HolidayCalendar] = [:]
        var diagnostics: [Diagnostic] = []
        for file in files {
            switch load(path: file.path) {
            case .success(let calendar): calendars[calendar.name] = calendar
            case .failure(let error): diagnostics += error.diagnostics
            }
        }
        return diagnostics.isEmpty ? .success(calendars) : .failure(DiagnosticsError(diagnostics))
    }
}
