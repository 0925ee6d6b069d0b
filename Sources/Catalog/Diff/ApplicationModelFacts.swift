/// The application model as labelled facts for an origination team: "field bureau_score" →
/// "integer from bureau".
enum ApplicationModelFacts {
    /// What `lendline diff` calls the model in its lines.
    static let label = "application model"

    /// One fact per field, in file order; none without a model.
    static func facts(_ model: ApplicationModel?) -> [(label: String, value: String)] {
        (model?.fields ?? []).map { field in
            ("field \(field.name)", "\(TypeFit.spelled(field.type)) from \(field.source.rawValue)")
        }
    }
}
