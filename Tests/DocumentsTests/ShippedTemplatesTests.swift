import Catalog
import Documents
import Foundation
import LoanMath
import Rules
import Testing

/// The templates shipped in `templates/` compile in the shipped catalog and render real loans.
@Suite struct ShippedTemplatesTests {
    static let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .deletingLastPathComponent().path

    static func catalog() throws -> Catalog { try CatalogCompiler.load(directory: root).get() }

    /// ₹1,00,000 at 12% for 12 months (EMI ₹8,884.88, the textbook figure), processing fee 2% + GST,
    /// stamp duty ₹160 to the state.
    static func schedule() throws -> Schedule {
        let terms = LoanTerms(
            principal: Money(major: 100_000), annualRate: Rate(basisPoints: 1_200), installmentCount: 12,
            disbursementDate: LocalDate(iso: "2026-01-10")!,
            fees: [
                UpfrontFee(name: "processing", amount: Money(major: 2_000), gst: Money(major: 360)),
                UpfrontFee(name: "stamp duty", amount: Money(major: 160), payee: .thirdParty),
            ])
        return try ScheduleEngine.schedule(for: terms)
    }

    /// Every field of the `kfs` model for that loan.
    static func keyFactsData() throws -> [String: Value] {
        var data = KeyFactsFigures.fields(try schedule())
        let rest: [String: Value] = [
            "proposal_number": .string("KFS/2026/000042"), "issue_date": Samples.date("2026-01-05"),
            "valid_until": Samples.date("2026-01-08"), "lender": Samples.lender, "borrower": Samples.borrower(),
            "product_name": .string("Personal Loan"), "disbursal_schedule": .string("100% upfront"),
            "loan_term": .string("12 months"), "installment_type": .string("Equated monthly instalments"),
            "rate_type": .string("fixed"), "benchmark_name": .string(""), "benchmark_rate": .rate(.zero),
            "spread": .rate(.zero), "reset_months": .integer(0), "emi_change_for_25bp": .rupees(0),
            "installment_count_change_for_25bp": .integer(0),
            "contingent_charges": .list([
                .record([
                    "name": .string("Penal charges"),
                    "description": .string("2% per annum on the overdue instalment"),
                ])
            ]),
            "recovery_agents_engaged": .bool(true), "recovery_policy_url": .string("https://lendline.example/recovery"),
            "may_be_transferred": .bool(true), "co_lenders": .list([]), "blended_rate": .rate(.zero), "cooling_off_days": .integer(3),
        ]
        data.merge(rest) { first, _ in first }
        return data
    }

    /// Writes a rendered document to `$LENDLINE_DOCUMENTS_OUT/<name>` when that folder is set, to look at.
    static func keep(_ html: String, _ name: String) {
        guard let folder = ProcessInfo.processInfo.environment["LENDLINE_DOCUMENTS_OUT"] else { return }
        try? html.write(toFile: folder + "/" + name, atomically: true, encoding: .utf8)
    }

    @Test("the shipped catalog compiles kfs and noc, for the models they name")
    func compiled() throws {
        let catalog = try Self.catalog()
        #expect(catalog.templates.names.contains("kfs") && catalog.templates.names.contains("noc"))
        #expect(catalog.templates["kfs"]?.model.name == "kfs")
        #expect(catalog.templates["noc"]?.model.name == "noc")
        #expect(catalog.counts.templates == catalog.templates.count)
    }

    @Test("the KFS of a real schedule shows its figures, every instalment and totals that add up")
    func keyFactsStatement() throws {
        let html = try Self.catalog().templates.render("kfs", try Self.keyFactsData())
        let schedule = try Self.schedule()
        Self.keep(html, "kfs.html")
        #expect(html.hasPrefix("<!DOCTYPE html>\n<html xmlns=\"http://www.w3.org/1999/xhtml\" lang=\"en\">"))
        #expect(!html.contains(" l:") && !html.contains("lendline.dev/template"))
        #expect(html.contains("<td class=\"num\">₹8,884.88</td>"))
        #expect(html.contains("<td class=\"num\" colspan=\"3\">₹1,00,000.00</td>"))
        #expect(html.contains("<td class=\"num\">₹2,360.00</td>"))  // processing fee with GST, to the lender
        #expect(html.contains("<td class=\"num\">₹97,480.00</td>"))  // net disbursed
        #expect(html.contains("<td class=\"num\">12</td><td>10-01-2027</td>"))  // the last instalment
        #expect(html.components(separatedBy: "<td class=\"num\">₹1,00,000.00</td>").count - 1 >= 2)  // APR sheet, total
        let rows = html.components(separatedBy: "<tr>\n        <td class=\"num\">").count - 1
        #expect(rows == schedule.rows.count)
    }

    @Test("the NOC of a repaid unsecured loan says so and releases no security")
    func noObjectionCertificate() throws {
        let html = try Self.catalog().templates.render("noc", Samples.noc)
        Self.keep(html, "noc.html")
        #expect(html.contains("has been repaid in full"))
        #expect(!html.contains("release of the security"))
        #expect(html.contains("<td>₹1,00,000.00</td>"))
        var secured = Samples.noc
        secured["secured"] = .bool(true)
        secured["security_description"] = .string("hypothecation of a Honda Activa, KA-01-AB-1234")
        let released = try Self.catalog().templates.render("noc", secured)
        #expect(released.contains("<strong>hypothecation of a Honda Activa, KA-01-AB-1234</strong>"))
        #expect(released.contains("<strong>09-02-2029</strong>"))
    }

    @Test("templates/README.md lists every model's fields as the code declares them")
    func readmeReference() throws {
        let path = Self.root + "/templates/README.md"
        var readme = try String(contentsOfFile: path, encoding: .utf8)
        for model in DocumentModel.all.values.sorted(by: { $0.name < $1.name }) {
            let start = try #require(readme.range(of: "<!-- model \(model.name):"), "no table for \(model.name)")
            let startLine = try #require(readme[start.upperBound...].firstIndex(of: "\n"))
            let end = try #require(readme.range(of: "<!-- end model \(model.name) -->"))
            let current = String(readme[readme.index(after: startLine)..<end.lowerBound])
            let expected = model.reference + "\n"
            if Golden.updating {
                readme.replaceSubrange(readme.index(after: startLine)..<end.lowerBound, with: expected)
            } else {
                #expect(current == expected, "templates/README.md: the `\(model.name)` table is stale")
            }
        }
        if Golden.updating { try readme.write(toFile: path, atomically: true, encoding: .utf8) }
    }
}
