import ArgumentParser
import Catalog
import Foundation
import LoanMath
import Servicing

/// `lendline loan …`: book a loan, post a repayment, show a loan (as of a date).
struct LoanCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "loan", abstract: "Book, repay and inspect loans.",
        subcommands: [LoanBookCommand.self, LoanDisburseCommand.self, LoanRepayCommand.self, LoanShowCommand.self, LoanStatementCommand.self,
                       LoanQuoteCommand.self])
}

/// `lendline loan book ID --product P …`: activates and disburses a loan on the product's terms.
struct LoanBookCommand: ParsableCommand {
    static let configuration = CommandConfiguration(commandName: "book", abstract: "Book and disburse a loan.")

    @OptionGroup var options: BookOptions
    @Argument(help: "Loan id.") var id: String
    @Option(help: "Product id (products/ID.yaml).") var product: String
    @Option(help: "Amount lent, in rupees.") var principal: String?
    @Option(help: "Nominal annual rate, e.g. 10.5%.") var rate: String?
    @Option(help: "Number of instalments.") var tenure: String?
    @Option(name: .customLong("disbursement-date"), help: "YYYY-MM-DD") var disbursementDate: String
    @Option(name: .customLong("security-value"), help: "Value of the security, in rupees.") var securityValue: String = "0"
    @Option(help: "Amount sanctioned, in rupees, when --principal is only the first tranche.") var sanctioned: String?

    func run() throws {
        let (book, catalog) = try options.openBook()
        guard let definition = catalog.product(product) else {
            throw ValidationError("--product: no product '\(product)' (known: \(catalog.products.keys.sorted().joined(separator: ", ")))")
        }
        guard let security = Money(parsing: securityValue) else { throw ValidationError("--security-value must be an amount") }
        let sanction = try sanctioned.map { text in
            guard let amount = Money(parsing: text) else { throw ValidationError("--sanctioned must be an amount") }
            return amount
        }
        let flags: [(String, String?)] = [("principal", principal), ("rate", rate), ("tenure", tenure),
                                          ("disbursement_date", disbursementDate)]
        let overrides = flags.compactMap { key, value in value.map { TermsOverride(key: key, text: $0) } }
        let terms: LoanTerms
        do { terms = try TermsResolver.resolve(product: definition, terms: nil, overrides: overrides) } catch {
            FileHandle.standardError.write(Data((DiagnosticsReport.render(error) + "\n").utf8))
            throw ExitCode(2)
        }
        let schedule = try ScheduleEngine.schedule(for: terms)
        let booking = LoanBooking(loanID: id, product: product, schedule: schedule, securityValue: security,
                                  sanctionedAmount: sanction)
        do {
            let outcome = try book.activate(booking, idempotencyKey: "book:\(id)")
            print("booked \(id): \(product), \(terms.principal) at \(terms.annualRate), \(schedule.rows.count) instalments of "
                  + "\(schedule.installmentAmount)\(outcome.duplicate ? " (already booked)" : "")")
        } catch { throw refuse(error) }
    }
}

/// The options of a command that moves money on a loan: amount, value date, reference and key.
struct MoneyMovementOptions: ParsableArguments {
    @OptionGroup var options: BookOptions
    @Argument(help: "Loan id.") var id: String
    @Option(help: "Amount, in rupees.") var amount: String
    @Option(help: "Value date (YYYY-MM-DD).") var date: String
    @Option(help: "Payment reference (UTR, cheque number…).") var reference: String
    @Option(name: .customLong("idempotency-key"), help: "Defaults to the reference.") var idempotencyKey: String?

    /// Parses the options, runs `post` on the book and prints the loan after it; `kind` prefixes the
    /// default idempotency key (`repay:UTR1`).
    func run(_ kind: String, _ post: (LoanBook, Money, LocalDate, String) throws(ServicingError) -> LoanBook.Outcome)
        throws {
        let valueDate = try parseDate(date, option: "--date")
        guard let money = Money(parsing: amount) else { throw ValidationError("--amount must be an amount in rupees") }
        let (book, _) = try options.openBook()
        let outcome: LoanBook.Outcome
        do { outcome = try post(book, money, valueDate, idempotencyKey ?? "\(kind):\(reference)") } catch {
            throw refuse(error)
        }
        print(try LoanJSON.text(outcome.state, on: valueDate))
    }
}

/// `lendline loan disburse ID --amount A --date D --reference R`: a further tranche of the sanction.
struct LoanDisburseCommand: ParsableCommand {
    static let configuration = CommandConfiguration(commandName: "disburse", abstract: "Pay out a further tranche.")

    @OptionGroup var movement: MoneyMovementOptions

    func run() throws {
        try movement.run("tranche") { (book, amount, date, key) throws(ServicingError) in
            try book.disburseTranche(movement.id, amount: amount, on: date, reference: movement.reference,
                                     idempotencyKey: key)
        }
    }
}

/// `lendline loan repay ID --amount A --date D --reference R`.
struct LoanRepayCommand: ParsableCommand {
    static let configuration = CommandConfiguration(commandName: "repay", abstract: "Post a repayment.")

    @OptionGroup var movement: MoneyMovementOptions

    func run() throws {
        try movement.run("repay") { (book, amount, date, key) throws(ServicingError) in
            try book.repay(movement.id, amount: amount, on: date, reference: movement.reference, idempotencyKey: key)
        }
    }
}

/// `lendline loan show ID [--as-of DATE]`.
struct LoanShowCommand: ParsableCommand {
    static let configuration = CommandConfiguration(commandName: "show", abstract: "Show a loan, now or as of a date.")

    @OptionGroup var options: BookOptions
    @Argument(help: "Loan id.") var id: String
    @Option(name: .customLong("as-of"), help: "Show the loan as it stood at the end of this date.") var asOf: String?

    func run() throws {
        let (book, _) = try options.openBook()
        do {
            let date = try asOf.map { try parseDate($0, option: "--as-of") }
            let state = try date.map { try book.state(id, asOf: $0) } ?? book.state(id)
            guard let state else { throw refuse(.loanNotFound(id)) }
            print(try LoanJSON.text(state, on: date ?? state.lastDayEnd ?? state.disbursementDate))
        } catch let error as ServicingError { throw refuse(error) }
    }
}
