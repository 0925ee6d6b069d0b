import Foundation
import LoanMath
@testable import Origination

func date(_ text: String) -> LocalDate { LocalDate(iso: text)! }

/// A fixed 32-byte test key (bytes 0, 1, …, 31); never used outside tests.
let testKeyring = try! PIIKeyring(masterKey: Array(0..<32))

extension Result {
    var failure: Failure? {
        if case .failure(let error) = self { return error }
        return nil
    }

    var value: Success? {
        if case .success(let value) = self { return value }
        return nil
    }
}

/// The problem text of a failed parse, nil when it succeeded.
func problem<T>(_ result: Result<T, FieldError>) -> String? { result.failure?.problem }
