/// Why a document input file (the lender's letterhead, a sanction's particulars) was refused:
/// every problem at once, each naming the file and the field path. Messages never repeat the
/// values given (they may be a borrower's).
public struct DocumentInputError: Error, Sendable, Hashable, CustomStringConvertible {
    /// One problem: the field path (`borrowers[1].role`) and what is wrong with it.
    public struct Problem: Sendable, Hashable {
        public var field: String
        public var message: String
    }

    /// The file, as given.
    public var file: String
    public var problems: [Problem]

    public init(file: String, problems: [Problem]) {
        self.file = file
        self.problems = problems
    }

    /// `file: field: message`, one line per problem.
    public var description: String {
        problems.map { "\(file): \($0.field.isEmpty ? "(top level)" : $0.field): \($0.message)" }
            .joined(separator: "\n")
    }
}
