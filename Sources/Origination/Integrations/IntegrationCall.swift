import Catalog

/// What one attempt at an integration call came to, for a caller that must not wait: done, pending
/// (record it and try again after the delay the retry policy gives), or failed for good.
public enum CallOutcome<Value: Sendable>: Sendable {
    case completed(Value)
    /// Attempt `attempt` failed in a way worth retrying; try again after `retryAfterSeconds`.
    case pending(IntegrationFailure, attempt: Int, retryAfterSeconds: Int)
    /// Failed, not worth retrying or no attempt left.
    case failed(IntegrationFailure, attempts: Int)
}

extension CallOutcome: Equatable where Value: Equatable {}

/// Runs one attempt of an integration call under a retry policy, without sleeping: the workflow
/// records a pending step and fires it again later (business time, not the wall clock).
public enum IntegrationCall {
    /// Attempt number `attempt` (1 = the first) of `call` under `policy`.
    public static func attempt<Value: Sendable>(
        _ attempt: Int, policy: RetryPolicy, _ call: () async throws(IntegrationFailure) -> Value
    ) async -> CallOutcome<Value> {
        do {
            return .completed(try await call())
        } catch {
            guard error.isRetryable, let delay = policy.delaySeconds(afterAttempt: attempt) else {
                return .failed(error, attempts: attempt)
            }
            return .pending(error, attempt: attempt, retryAfterSeconds: delay)
        }
    }
}
