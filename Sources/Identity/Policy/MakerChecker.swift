/// Why an approval is refused by the maker-checker rule.
public enum MakerCheckerError: Error, Sendable, Hashable, CustomStringConvertible {
    /// The approver is the person who made the request.
    case sameMaker(pair: String, user: String)
    /// The approver's roles do not grant the pair's approve permission.
    case notAChecker(pair: String, user: String)

    public var description: String {
        switch self {
        case .sameMaker(let pair, let user): "\(user) requested these \(pair) and may not approve them too"
        case .notAChecker(let pair, let user): "\(user) may not approve \(pair)"
        }
    }
}

extension MakerCheckerPair {
    /// Checks that `approver` may approve what `maker` requested: a different person holding `approve`.
    public func checkApproval(maker: String, approver: Principal) -> Result<Void, MakerCheckerError> {
        guard approver.may(approve) else { return .failure(.notAChecker(pair: name, user: approver.id)) }
        guard approver.id != maker else { return .failure(.sameMaker(pair: name, user: approver.id)) }
        return .success(())
    }
}
