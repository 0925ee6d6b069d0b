import ArgumentParser
import Foundation
import LoanMath
import Servicing

/// `lendline loan statement ID --from D --to D`: the loan's statement as JSON.
struct LoanStatementCommand: ParsableCommand {
    static let configuration = CommandConfiguration(commandName: "statement", abstract: "A loan's statement for a period (JSON).")

    @OptionGroup var options: BookOptions
    @Argument(help: "Loan id.") var id: String
    @Option(help: "First value date (YYYY-MM-DD).") var from: String
    @Option(help: "Last value date (YYYY-MM-DD).") var to: String

    func run() throws {
        let (first, last) = (try parseDate(from, option: "--from"), try parseDate(to, option: "--to"))
        let (book, _) = try options.openBook()
        let statement: LoanStatement
        do { statement = try book.statement(id, from: first, to: last) } catch { throw refuse(error) }
        func position(_ p: LoanStatement.Position) -> [String: Any] {
            ["date": p.date.iso, "principal_outstanding": p.principalOutstanding.decimalString,
             "arrears": p.arrears.decimalString, "asset_class": p.assetClass.rawValue, "days_past_due": p.daysPastDue]
        }
        let object: [String: Any] = [
            "loan_id": statement.loanID, "opening": position(statement.opening), "closing": position(statement.closing),
            "lines": statement.lines.map {
                ["date": $0.date.iso, "description": $0.description, "debit": $0.debit.decimalString,
                 "credit": $0.credit.decimalString]
            },
            "total_paid": statement.totalPaid.decimalString,
        ]
        let data = try JSONSerialization.data(withJSONObject: object, options: [.prettyPrinted, .sortedKeys])
        print(String(decoding: data, as: UTF8.self))
    }
}

/// `lendline loan quote ID --date D`: the foreclosure quote.
struct LoanQuoteCommand: ParsableCommand {
    static let configuration = CommandConfiguration(commandName: "quote", abstract: "Foreclosure quote as of a date.")

    @OptionGroup var options: BookOptions
    @Argument(help: "Loan id.") var id: String
    @Option(help: "Date the loan would be paid off (YYYY-MM-DD).") var date: String

    func run() throws {
        let day = try parseDate(date, option: "--date")
        let (book, _) = try options.openBook()
        let found: LoanState?
        do { found = try book.state(id) } catch { throw refuse(error) }
        guard let state = found else { throw refuse(.loanNotFound(id)) }
        let q = state.foreclosureQuote(on: day)
        for (name, amount) in [("principal", q.principal), ("interest due", q.interestDue),
                               ("interest accrued", q.interestAccrued), ("charges", q.charges),
                               ("foreclosure charge", q.foreclosureCharge), ("less advance", q.advance)] {
            print(name.padding(toLength: 20, withPad: " ", startingAt: 0) + amount.decimalString)
        }
        print("total".padding(toLength: 20, withPad: " ", startingAt: 0) + q.total.decimalString)
    }
}
