import Rules

/// The tests of one policy, from `policies/tests/NAME.yaml`: cases a credit-risk team writes to
/// pin down the decisions a policy must make.
public struct PolicyTestSuite: Sendable {
    /// The test file's display path.
    public var file: String
    /// The policy under test.
    public var policy: String
    public var cases: [PolicyTestCase]
}

/// One case: an application's inputs and the decision expected for it.
public struct PolicyTestCase: Sendable {
    public var name: String
    /// Where the case starts in the test file.
    public var location: SourceLocation
    public var inputs: InputValues
    public var expectation: PolicyExpectation
}

/// What a case expects; only what it names is checked.
public struct PolicyExpectation: Sendable {
    /// The decision, when given.
    public var outcome: Outcome?
    /// Reason codes of every rule that fires, in any order, when given.
    public var reasons: [String]?
    /// Expected values of some outputs, in the order written.
    public var outputs: [(name: String, value: Value)]
}
