/// Caps that keep compiling and evaluating a policy bounded, whatever a file contains.
public struct CompileLimits: Sendable, Hashable {
    /// Longest expression text, in Unicode scalars.
    public var maxExpressionLength: Int
    /// Most syntax nodes in one expression.
    public var maxNodes: Int
    /// Deepest nesting of parentheses, operators and calls in one expression.
    public var maxDepth: Int
    /// Most rows in one decision table.
    public var maxTableRows: Int
    /// Most rules, derived values or tables in one policy, each.
    public var maxDeclarations: Int
    /// Most items in one list input at evaluation time.
    public var maxListLength: Int

    public init(maxExpressionLength: Int = 4_000, maxNodes: Int = 400, maxDepth: Int = 40,
                maxTableRows: Int = 1_000, maxDeclarations: Int = 1_000, maxListLength: Int = 10_000) {
        self.maxExpressionLength = maxExpressionLength
        self.maxNodes = maxNodes
        self.maxDepth = maxDepth
        self.maxTableRows = maxTableRows
        self.maxDeclarations = maxDeclarations
        self.maxListLength = maxListLength
    }

    public static let standard = CompileLimits()
}
