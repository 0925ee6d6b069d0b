import LoanMath

extension TermsAssembler {
    /// The amortization with its figures: `balloon` only with `balloon`, `step` only with `step-up`.
    func amortization(principal: Money?) -> Amortization? {
        let kind = layer.amortization?.value ?? .equalInstallment
        let kindText = "amortization is `\(kind.word)`"
        if kind != .balloon, let balloon = layer.balloon {
            log.error("`balloon` applies only with `amortization: balloon`; \(kindText)", at: balloon)
        }
        if kind != .stepUp, let step = layer.step {
            log.error("`step` applies only with `amortization: step-up`; \(kindText)", at: step)
        }
        switch kind {
        case .equalInstallment: return .equalInstallment
        case .equalPrincipal: return .equalPrincipal
        case .interestOnly: return .interestOnly
        case .balloon:
            guard let balloon = layer.balloon else {
                missingFigure("`amortization: balloon` needs a `balloon` amount", key: "balloon")
                return nil
            }
            if let principal, balloon.value >= principal {
                log.error("the balloon \(balloon.value.groupedRupees) must be less than the principal "
                          + "\(principal.groupedRupees)", at: balloon)
                return nil
            }
            return .balloon(balloon.value)
        case .stepUp:
            guard let step = layer.step else {
                missingFigure("`amortization: step-up` needs `step: { every, change }`", key: "step")
                return nil
            }
            return .stepUp(every: step.value.every, change: step.value.change)
        }
    }

    /// Reports a figure that `amortization` needs, at the amortization when someone wrote it.
    func missingFigure(_ message: String, key: String) {
        if isPartial || layer.statedKeys.contains(key) { return }
        if let written = layer.amortization { log.error(message, at: written) }
    }

    /// The moratorium: interest periods at most principal periods, principal periods below tenure.
    func moratorium(tenure: Located<Int>?) -> Moratorium? {
        let principal = layer.moratoriumPrincipal, interest = layer.moratoriumInterest
        let principalPeriods = principal?.value ?? 0, interestPeriods = interest?.value ?? 0
        var valid = true
        if let interest, interestPeriods > principalPeriods {
            log.error("an interest moratorium of \(interestPeriods) instalments is longer than the principal "
                      + "moratorium of \(principalPeriods)", at: interest)
            valid = false
        }
        if let principal, let tenure, principalPeriods >= tenure.value {
            log.error("a principal moratorium of \(principalPeriods) instalments leaves none to repay the principal "
                      + "(tenure \(tenure.value))", at: principal)
            valid = false
        }
        guard valid else { return nil }
        return Moratorium(principalPeriods: principalPeriods, interestPeriods: interestPeriods,
                          deferredInterest: layer.deferredInterest?.value ?? .capitalise)
    }

    /// The first due date, when given, falls after the disbursement date.
    func checkFirstDueDate(disbursed: Located<LocalDate>?) {
        guard let first = layer.firstDueDate, let disbursed, first.value <= disbursed.value else { return }
        log.error("the first due date \(first.value) must be after the disbursement date \(disbursed.value) "
                  + "(\(disbursed.location))", at: first)
    }

    /// Flat and rule-of-78 interest: equal instalments only, no moratorium.
    func checkMethod(moratorium: Moratorium?) {
        guard let method = layer.method, method.value != .reducingBalance else { return }
        let kind = layer.amortization?.value ?? .equalInstallment
        if kind != .equalInstallment {
            log.error("`\(method.value.rawValue)` interest is repaid in equal instalments; amortization is `\(kind.word)`",
                      at: method)
        }
        if let moratorium, !moratorium.isNone {
            log.error("`\(method.value.rawValue)` interest cannot have a moratorium", at: method)
        }
    }
}
