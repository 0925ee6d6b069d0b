import LoanMath
import Server

/// Output formats of `lendline schedule`.
enum ScheduleFormat: String, CaseIterable, Sendable {
    case table, csv, json
}

/// Writes a schedule and its KFS figures as a table, CSV or the public JSON contract.
struct ScheduleFormatter {
    let schedule: Schedule
    let facts: KeyFacts

    init(_ schedule: Schedule) {
        self.schedule = schedule
        self.facts = KeyFacts(schedule: schedule)
    }

    func render(_ format: ScheduleFormat) -> String {
        switch format {
        case .table: return table()
        case .csv: return csv()
        case .json: return json().text
        }
    }

    /// `{"installment_amount", "installments": [...], "total_interest", "total_fees", "net_disbursed",
    /// "total_payable", "apr"}`; amounts are decimal strings with two places, `apr` a percentage string.
    func json() -> JSONValue {
        let rows: [JSONValue] = schedule.rows.map { row in
            .object([
                ("number", .int(row.number)),
                ("due_date", .string(row.dueDate.iso)),
                ("opening_balance", .string(row.openingBalance.decimalString)),
                ("principal", .string(row.principal.decimalString)),
                ("interest", .string(row.interest.decimalString)),
                ("total", .string(row.total.decimalString)),
                ("closing_balance", .string(row.closingBalance.decimalString)),
            ])
        }
        return .object([
            ("installment_amount", .string(facts.installmentAmount.decimalString)),
            ("installments", .array(rows)),
            ("total_interest", .string(facts.totalInterest.decimalString)),
            ("total_fees", .string(facts.totalFees.decimalString)),
            ("net_disbursed", .string(facts.netDisbursedAmount.decimalString)),
            ("total_payable", .string(facts.totalPayable.decimalString)),
            ("apr", .string(facts.annualPercentageRate.rescaled(to: 2).description)),
        ])
    }

    func csv() -> String {
        var lines = ["number,due_date,opening_balance,principal,interest,total,closing_balance"]
        for row in schedule.rows {
            lines.append([String(row.number), row.dueDate.iso, row.openingBalance.decimalString,
                          row.principal.decimalString, row.interest.decimalString, row.total.decimalString,
                          row.closingBalance.decimalString].joined(separator: ","))
        }
        return lines.joined(separator: "\n")
    }

    func table() -> String {
        let terms = schedule.terms
        var out: [String] = []
        out.append("Loan \(terms.principal.indianFormatted) at \(terms.annualRate.percentString) \(terms.method.rawValue), "
            + "\(terms.installmentCount) \(terms.frequency.rawValue) instalments, \(terms.amortization.name), "
            + "\(terms.dayCount.rawValue), disbursed \(terms.disbursementDate.iso)")
        out.append("")
        let headers = ["#", "Due date", "Opening", "Principal", "Interest", "Instalment", "Closing"]
        var cells: [[String]] = schedule.rows.map { row in
            [String(row.number), row.dueDate.iso, row.openingBalance.indianFormatted, row.principal.indianFormatted,
             row.interest.indianFormatted, row.total.indianFormatted, row.closingBalance.indianFormatted]
        }
        cells.append(["", "Total", "", schedule.totalPrincipal.indianFormatted, schedule.totalInterest.indianFormatted,
                      schedule.totalInstallments.indianFormatted, ""])
        let widths = headers.indices.map { c in max(headers[c].count, cells.map { $0[c].count }.max() ?? 0) }
        func line(_ row: [String]) -> String {
            row.enumerated().map { c, text in
                let pad = String(repeating: " ", count: widths[c] - text.count)
                return c == 1 ? text + pad : pad + text
            }.joined(separator: "  ").trimmingTrailingSpaces
        }
        out.append(line(headers))
        out.append(widths.map { String(repeating: "-", count: $0) }.joined(separator: "  "))
        out += cells.dropLast().map(line)
        out.append(widths.map { String(repeating: "-", count: $0) }.joined(separator: "  "))
        out.append(line(cells.last!))
        out.append("")
        out.append("Instalment amount   \(facts.installmentAmount.indianFormatted)")
        out.append("Total interest      \(facts.totalInterest.indianFormatted)")
        out.append("Fees (lender)       \(facts.feesToLender.indianFormatted)")
        out.append("Fees (third party)  \(facts.feesToThirdParties.indianFormatted)")
        out.append("Net disbursed       \(facts.netDisbursedAmount.indianFormatted)")
        out.append("Total payable       \(facts.totalPayable.indianFormatted)")
        out.append("APR                 \(facts.annualPercentageRate.rescaled(to: 2))%")
        return out.joined(separator: "\n")
    }
}

extension String {
    var trimmingTrailingSpaces: String {
        var s = Substring(self)
        while s.last == " " { s = s.dropLast() }
        return String(s)
    }
}
