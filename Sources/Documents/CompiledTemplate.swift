/// A template checked against its model and compiled once: static markup already escaped, every
/// expression compiled to closures. Rendering never parses markup or expressions.
public struct CompiledTemplate: Sendable {
    /// The template's name: its file name without `.xhtml`.
    public let name: String
    /// The data model its expressions were checked against.
    public let model: DocumentModel
    let nodes: [TemplateNode]
}
