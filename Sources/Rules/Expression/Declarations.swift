/// A declared input's position among the inputs, resolved once so evaluation needs no names.
public struct InputSlot: Hashable, Sendable {
    public let index: Int
}

/// The inputs an expression or policy declares: names and types, in order.
public struct Declarations: Sendable, Hashable {
    public private(set) var names: [String] = []
    public private(set) var types: [RuleType] = []

    public init() {}

    /// Declares `name` with `type`; a name declared again keeps its first slot and takes the new type.
    @discardableResult
    public mutating func declare(_ name: String, _ type: RuleType) -> InputSlot {
        if let index = names.firstIndex(of: name) {
            types[index] = type
            return InputSlot(index: index)
        }
        names.append(name)
        types.append(type)
        return InputSlot(index: names.count - 1)
    }

    /// The slot of the input called `name`.
    public func slot(named name: String) -> InputSlot? { names.firstIndex(of: name).map(InputSlot.init) }

    public var count: Int { names.count }
}

/// Values for declared inputs, set by slot (fast) or by name.
public struct InputValues: Sendable {
    public let declarations: Declarations
    var values: [Value?]

    public init(_ declarations: Declarations) {
        self.declarations = declarations
        values = Array(repeating: nil, count: declarations.count)
    }

    /// Inputs taken from a dictionary by name; names not declared are ignored.
    public init(_ declarations: Declarations, _ named: [String: Value]) {
        self.init(declarations)
        for (i, name) in declarations.names.enumerated() { values[i] = named[name] }
    }

    public subscript(slot: InputSlot) -> Value? {
        get { values[slot.index] }
        set { values[slot.index] = newValue }
    }

    /// The value of the input called `name`; setting an undeclared name does nothing.
    public subscript(name: String) -> Value? {
        get { declarations.slot(named: name).flatMap { values[$0.index] } }
        set { if let slot = declarations.slot(named: name) { values[slot.index] = newValue } }
    }
}
