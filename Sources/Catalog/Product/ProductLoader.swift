import Rules

/// Loads loan products from `products/*.yaml`, reporting every problem at once.
public enum ProductLoader {
    /// The product in the file at `path`; its id must equal the file name without `.yaml`.
    /// Diagnostics name the file `displayPath` (default: `path`).
    public static func load(path: String, displayPath: String? = nil) -> Result<ProductDefinition, DiagnosticsError> {
        do {
            let source = try ConfigSource.read(path: path, displayPath: displayPath)
            return load(source, expectedID: fileStem(path))
        } catch {
            return .failure(error)
        }
    }

    /// The product written in `source`; `expectedID` (when given) is the id the file name demands.
    public static func load(_ source: ConfigSource, expectedID: String?) -> Result<ProductDefinition, DiagnosticsError> {
        let root: ConfigNode
        do { root = try source.parse() } catch { return .failure(error) }
        let log = DiagnosticLog()
        let product = ProductDecoder(log: log, file: source.displayPath, expectedID: expectedID).decode(root)
        if let failure = log.failure { return .failure(failure) }
        guard let product else {
            return .failure(DiagnosticsError([Diagnostic(at: root.location, "the product could not be read")]))
        }
        return .success(product)
    }

    /// Every product in `directory` (`*.yaml`, by name), or the diagnostics of all files together.
    /// When `calendars` is given, a product naming a calendar outside it is an error.
    public static func loadAll(directory: String, calendars: Set<String>? = nil) -> Result<[ProductDefinition], DiagnosticsError> {
        let files: [(path: String, name: String)]
        do { files = try ConfigSource.yamlFiles(in: directory) } catch { return .failure(error) }
        var products: [ProductDefinition] = []
        var diagnostics: [Diagnostic] = []
        for file in files {
            switch load(path: file.path) {
            case .success(let product):
                products.append(product)
                diagnostics += calendarProblems(product, calendars)
            case .failure(let error):
                diagnostics += error.diagnostics
            }
        }
        return diagnostics.isEmpty ? .success(products) : .failure(DiagnosticsError(diagnostics))
    }

    static func calendarProblems(_ product: ProductDefinition, _ calendars: Set<String>?) -> [Diagnostic] {
        guard let calendars, let name = product.calendar, !calendars.contains(name.value) else { return [] }
        let known = calendars.sorted()
        let hint = Suggestion.hint(for: name.value, in: known)
        let list = known.isEmpty ? "there are none" : "known: " + known.joined(separator: ", ")
        return [Diagnostic(at: name.location, "unknown calendar `\(name.value)`\(hint) (\(list))", length: name.length)]
    }

    /// The file name of `path` without directory and `.yaml`/`.yml`/`.json`.
    static func fileStem(_ path: String) -> String {
        let name = path.split(separator: "/").last.map(String.init) ?? path
        for suffix in [".yaml", ".yml", ".json"] where name.hasSuffix(suffix) {
            return String(name.dropLast(suffix.count))
        }
        return name
    }
}
