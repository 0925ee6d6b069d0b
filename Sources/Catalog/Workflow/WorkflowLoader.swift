import Rules
import Workflow

/// Loads and compiles workflows from `workflows/*.yaml`, reporting every problem at once.
public enum WorkflowLoader {
    /// The workflow in the file at `path`; its name must equal the file name without `.yaml`.
    /// Diagnostics name the file `displayPath` (default: `path`).
    public static func load(path: String, displayPath: String? = nil,
                            vocabulary: WorkflowVocabulary = .standard) -> Result<CompiledWorkflow, DiagnosticsError> {
        do {
            let source = try ConfigSource.read(path: path, displayPath: displayPath)
            return load(source, expectedName: ProductLoader.fileStem(path), vocabulary: vocabulary)
        } catch {
            return .failure(error)
        }
    }

    /// The workflow written in `source`, compiled; `expectedName` (when given) is the name the file
    /// name demands. Problems of reading and of compiling are reported together.
    public static func load(_ source: ConfigSource, expectedName: String?,
                            vocabulary: WorkflowVocabulary = .standard) -> Result<CompiledWorkflow, DiagnosticsError> {
        let log = DiagnosticLog()
        guard let definition = decode(source, expectedName: expectedName, log: log) else {
            return .failure(log.failure ?? DiagnosticsError([]))
        }
        switch WorkflowCompiler.compile(definition, vocabulary: vocabulary, checksGraph: !log.hasErrors) {
        case .success(let workflow):
            if let failure = log.failure { return .failure(failure) }
            return .success(workflow)
        case .failure(let error):
            log.add(error.diagnostics)
            return .failure(log.failure!)
        }
    }

    /// The definition written in `source`, not compiled (for tools that show a workflow as written).
    public static func definition(_ source: ConfigSource,
                                  expectedName: String?) -> Result<WorkflowDefinition, DiagnosticsError> {
        let log = DiagnosticLog()
        let definition = decode(source, expectedName: expectedName, log: log)
        if let failure = log.failure { return .failure(failure) }
        guard let definition else { return .failure(DiagnosticsError([])) }
        return .success(definition)
    }

    /// Every workflow in `directory` (`*.yaml`) by name, or the diagnostics of all files together.
    public static func loadAll(directory: String, vocabulary: WorkflowVocabulary = .standard)
        -> Result<[String: CompiledWorkflow], DiagnosticsError> {
        let files: [(path: String, name: String)]
        do { files = try ConfigSource.yamlFiles(in: directory) } catch { return .failure(error) }
        var workflows: [String: CompiledWorkflow] = [:]
        var diagnostics: [Diagnostic] = []
        for file in files {
            switch load(path: file.path, vocabulary: vocabulary) {
            case .success(let workflow): workflows[workflow.name] = workflow
            case .failure(let error): diagnostics += error.diagnostics
            }
        }
        return diagnostics.isEmpty ? .success(workflows) : .failure(DiagnosticsError(diagnostics))
    }

    /// Parses and decodes `source` into `log`; nil when not even a name and initial state could be read.
    static func decode(_ source: ConfigSource, expectedName: String?, log: DiagnosticLog) -> WorkflowDefinition? {
        let root: ConfigNode
        do { root = try source.parse() } catch {
            log.add(error.diagnostics)
            return nil
        }
        let decoder = WorkflowDecoder(log: log, file: source.displayPath, expectedName: expectedName,
                                      locator: ScalarTextLocator(source: source.text))
        let definition = decoder.decode(root)
        if definition == nil && !log.hasErrors {
            log.add(Diagnostic(at: root.location, "the workflow could not be read"))
        }
        return definition
    }
}
