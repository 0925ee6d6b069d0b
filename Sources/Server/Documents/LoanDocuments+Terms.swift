import Catalog
import Documents
import LoanMath
import Rules
import Servicing

extension LoanDocuments {
    /// The product facts documents show, from a product file.
    public static func facts(_ product: ProductDefinition) -> ProductFacts {
        ProductFacts(
            name: product.name,
            floating: product.floating.map {
                .init(benchmark: $0.benchmark, spread: $0.spread.value, resetMonths: $0.resetMonths)
            })
    }

    /// The KFS or summary box (`model`) of `id`'s terms as booked: its product's terms with the
    /// booked amount, rate, tenure and date, checked to give the booked schedule row for row.
    public func bookedTerms(_ model: DocumentModel, _ id: String) throws(LoanDocumentError) -> [String: Value] {
        let current = try state(id)
        let booked = try state(id, asOf: current.disbursementDate)
        guard let product = catalog.product(booked.product) else {
            throw .termsNotDerivable("loan \(id): product \(booked.product) is not in the catalog")
        }
        let overrides = [
            ("principal", booked.sanctioned.decimalString), ("rate", booked.annualRate.percentString),
            ("tenure", String(booked.installments.count)), ("disbursement_date", booked.disbursementDate.iso),
        ].map { TermsOverride(key: $0.0, text: $0.1, flag: $0.0) }
        let schedule: Schedule
        do {
            schedule = try ScheduleEngine.schedule(
                for: try TermsResolver.resolve(product: product, terms: nil, overrides: overrides))
        } catch {
            throw .termsNotDerivable("loan \(id): its product's terms no longer give a schedule")
        }
        let rows = schedule.rows.map { [$0.dueDate.iso, $0.principal.decimalString, $0.interest.decimalString] }
        let bookedRows = booked.installments.map { [$0.dueDate.iso, $0.principal.decimalString, $0.interest.decimalString] }
        guard rows == bookedRows else {
            throw .termsNotDerivable(
                "loan \(id): its booked schedule differs from its product's terms (booked with other terms, or "
                    + "the product changed); its KFS is the one issued at sanction")
        }
        let charges = [
            DocumentParticulars.Charge(
                name: "Penal charges",
                description: "As disclosed in the Key Facts Statement; never added to the rate of interest")
        ]
        let particulars = DocumentParticulars.booked(
            loanAccount: id, issueDate: booked.disbursementDate, charges: charges)
        do {
            return try TermsDocumentData.fields(
                model, schedule: schedule, product: Self.facts(product), particulars: particulars, lender: lender)
        } catch { throw .document(error) }
    }
}
