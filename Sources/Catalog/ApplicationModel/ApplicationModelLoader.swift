import Rules

/// Loads the application model, reporting every problem at once. Its types are checked by the
/// policy compiler, as the inputs of a policy with no rules: the same type syntax, named types and
/// messages as in any policy.
public enum ApplicationModelLoader {
    /// The model written in `source`.
    public static func load(_ source: ConfigSource) -> Result<ApplicationModel, DiagnosticsError> {
        let log = DiagnosticLog()
        let root: ConfigNode
        do { root = try source.parse() } catch { return .failure(error) }
        let decoder = ApplicationModelDecoder(log: log, locator: ScalarTextLocator(source: source.text))
        guard let decoded = decoder.decode(root) else {
            return .failure(
                log.failure ?? DiagnosticsError([Diagnostic(at: root.location, "the model could not be read")]))
        }
        let (types, drafts) = decoded
        let inputs = drafts.map { InputSource(name: $0.name, at: $0.location, type: $0.type) }
        let declarations: Declarations
        switch PolicyCompiler.compile(
            PolicySource(name: "application", at: root.location, types: types, inputs: inputs))
        {
        case .success(let compiled): declarations = compiled.declarations
        case .failure(let error):
            log.add(error.diagnostics)
            declarations = Declarations()
        }
        if let failure = log.failure { return .failure(failure) }
        let fields = drafts.compactMap { draft in
            declarations.slot(named: draft.name).map { slot in
                ApplicationField(
                    name: draft.name, type: declarations.types[slot.index], source: draft.source,
                    summary: draft.summary, location: draft.location)
            }
        }
        return .success(ApplicationModel(fields: fields))
    }

    /// The model of `tree`: absent, loaded, or failed (its errors in `diagnostics`).
    static func load(_ tree: ConfigTree) -> (state: ApplicationModelState, diagnostics: [Diagnostic]) {
        guard let source = tree.files.first(where: { $0.displayPath == ApplicationModel.path }) else {
            return (.absent, [])
        }
        switch load(source) {
        case .success(let model): return (.loaded(model), [])
        case .failure(let error): return (.failed, error.diagnostics)
        }
    }
}

/// Whether a tree has an application model, and whether it loaded.
enum ApplicationModelState {
    case absent
    case loaded(ApplicationModel)
    /// Its errors are reported already; nothing is checked against it.
    case failed

    var model: ApplicationModel? {
        if case .loaded(let model) = self { return model }
        return nil
    }
}
