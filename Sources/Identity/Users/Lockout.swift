/// The lock-out rule as a value-type state machine: a failure counts, the Nth failure in a row locks
/// the account for the policy's minutes, a success clears the count. Time is an input.
extension StaffUser {
    /// What a recorded failure did.
    public enum FailureEffect: Sendable, Hashable {
        case counted(attempts: Int)
        /// The account is now locked until this Unix time.
        case locked(until: Int64)
    }

    /// Counts a failed sign-in at `now`; locks the account when it reaches the limit.
    public mutating func recordFailure(at now: Int64, settings: SignInSettings) -> FailureEffect {
        failedAttempts += 1
        guard failedAttempts >= settings.failedAttemptsBeforeLockout else { return .counted(attempts: failedAttempts) }
        failedAttempts = 0
        let until = now + settings.lockoutSeconds
        lockedUntil = until
        return .locked(until: until)
    }

    /// Clears failures and any expired lock after a successful sign-in.
    public mutating func recordSuccess() {
        failedAttempts = 0
        lockedUntil = nil
    }

    /// Lifts a lock (an administrator's unlock).
    public mutating func unlock() {
        failedAttempts = 0
        lockedUntil = nil
    }
}
