import Testing
@testable import LoanMath

@Suite("Servicing math: accrual, DPD, IRACP classification, provisioning, waterfall")
struct ServicingMathTests {
    func date(_ text: String) -> LocalDate { LocalDate(iso: text)! }
    func rupees(_ r: Int64) -> Money { Money(major: r) }
    func paise(_ p: Int64) -> Money { Money(minorUnits: p) }

    @Test("RBI's day-end example: due 31 Mar unpaid → SMA-1 on 30 Apr, SMA-2 on 30 May, NPA on 29 Jun")
    func rbiDayEndExample() {
        // Every calendar day from the due date, as the day-end process runs.
        let due = date("2026-03-31")
        var state = Classification.standard
        var seen: [String: AssetClass] = [:]
        var firstDay: [AssetClass: String] = [:]
        var day = due
        while day <= date("2026-07-15") {
            let dpd = DaysPastDue.at(day, oldestUnpaidDue: due)
            state = ClassificationRules.rbi.classify(previous: state, dpd: dpd, hasArrears: true, on: day)
            seen[day.iso] = state.assetClass
            if firstDay[state.assetClass] == nil { firstDay[state.assetClass] = day.iso }
            day = day.adding(days: 1)
        }
        #expect(firstDay[.sma0] == "2026-03-31")
        #expect(firstDay[.sma1] == "2026-04-30")
        #expect(firstDay[.sma2] == "2026-05-30")
        #expect(firstDay[.substandard] == "2026-06-29")
        #expect(seen["2026-04-29"] == .sma0 && seen["2026-05-29"] == .sma1 && seen["2026-06-28"] == .sma2)
        #expect(state.npaSince == date("2026-06-29"))
        #expect(DaysPastDue.at(date("2026-04-30"), oldestUnpaidDue: due) == 31)
        #expect(DaysPastDue.at(date("2026-03-30"), oldestUnpaidDue: due) == 0)
    }

    @Test("an NPA ages: sub-standard 12 months, D1 the next 12, D2 the next 24, D3 after")
    func npaAgeing() {
        let rules = ClassificationRules.rbi
        let since = date("2026-06-29")
        #expect(rules.npaClass(since: since, on: date("2027-06-28")) == .substandard)
        #expect(rules.npaClass(since: since, on: date("2027-06-29")) == .doubtfulD1)
        #expect(rules.npaClass(since: since, on: date("2028-06-28")) == .doubtfulD1)
        #expect(rules.npaClass(since: since, on: date("2028-06-29")) == .doubtfulD2)
        #expect(rules.npaClass(since: since, on: date("2030-06-28")) == .doubtfulD2)
        #expect(rules.npaClass(since: since, on: date("2030-06-29")) == .doubtfulD3)
    }

    @Test("an NPA is upgraded only when every arrear is paid, not when DPD falls")
    func upgradeOnlyOnFullClearance() {
        let rules = ClassificationRules.rbi
        let npa = Classification(.substandard, npaSince: date("2026-06-29"))
        let partly = rules.classify(previous: npa, dpd: 12, hasArrears: true, on: date("2026-08-01"))
        #expect(partly == npa)
        let cleared = rules.classify(previous: npa, dpd: 0, hasArrears: false, on: date("2026-08-02"))
        #expect(cleared == .standard)
        let loss = Classification(.loss, npaSince: date("2026-06-29"), identifiedAsLoss: true)
        #expect(rules.classify(previous: loss, dpd: 400, hasArrears: true, on: date("2027-08-01")).assetClass == .loss)
    }

    @Test("daily accruals carry the sub-paisa remainder and sum to the period's interest exactly")
    func dailyAccrual() {
        // ₹1.00 over 3 days: 33 + 33 + 34 paise.
        #expect((1...3).map { DailyAccrual.amount(onDay: $0, of: 3, total: paise(100)).minorUnits } == [33, 33, 34])
        // 5,00,000 at 10.5% for a 30/360 month is ₹4,375.00 spread over a 31-day calendar month.
        let month = paise(437_500)
        let days = (1...31).map { DailyAccrual.amount(onDay: $0, of: 31, total: month) }
        #expect(days.reduce(paise(0), +) == month)
        #expect(Set(days.map(\.minorUnits)).isSubset(of: [14_112, 14_113]))  // 437500 / 31 = 14112.9…
        #expect(DailyAccrual.cumulative(through: 15, of: 31, total: month) == paise(211_693))  // ⌊437500·15/31⌋
    }

    @Test("provisioning by class on the secured and unsecured parts (banks and NBFCs)")
    func provisioning() {
        let banks = ProvisioningRates.banks()
        let outstanding = rupees(1_000_000)
        let security = rupees(600_000)
        // Standard 0.40% of ₹10,00,000.
        #expect(banks.provision(for: .standard, outstanding: outstanding, securityValue: security) == rupees(4_000))
        // Sub-standard: 15% × 6,00,000 + 25% × 4,00,000 = 90,000 + 1,00,000.
        #expect(banks.provision(for: .substandard, outstanding: outstanding, securityValue: security) == rupees(190_000))
        // D2: 40% × 6,00,000 + 100% × 4,00,000.
        #expect(banks.provision(for: .doubtfulD2, outstanding: outstanding, securityValue: security) == rupees(640_000))
        #expect(banks.provision(for: .loss, outstanding: outstanding, securityValue: security) == outstanding)
        // NBFC D1: 20% × 6,00,000 + 100% × 4,00,000.
        let nbfc = ProvisioningRates.nbfc()
        #expect(nbfc.provision(for: .doubtfulD1, outstanding: outstanding, securityValue: security) == rupees(520_000))
        // Security worth more than the loan: all of it is the secured part.
        #expect(nbfc.provision(for: .substandard, outstanding: outstanding, securityValue: rupees(2_000_000))
            == rupees(100_000))
        // 0.40% of ₹1,234.57 = 4.93828 → ₹4.94 (rounded up: a provision is never short).
        #expect(banks.provision(for: .sma1, outstanding: paise(123_457), securityValue: paise(0)) == paise(494))
    }

    /// Two overdue instalments (15 Jan, 15 Feb), a penal charge on 20 Jan, and the 15 Mar instalment
    /// falling due on the payment date; the 15 Apr one is not yet due.
    var dues: [DueItem] {
        [
            DueItem(installment: 1, dueDate: date("2026-01-15"), component: .interest, unpaid: rupees(400)),
            DueItem(installment: 1, dueDate: date("2026-01-15"), component: .principal, unpaid: rupees(600)),
            DueItem(installment: 0, dueDate: date("2026-01-20"), component: .penal, unpaid: rupees(50)),
            DueItem(installment: 2, dueDate: date("2026-02-15"), component: .interest, unpaid: rupees(390)),
            DueItem(installment: 2, dueDate: date("2026-02-15"), component: .principal, unpaid: rupees(610)),
            DueItem(installment: 3, dueDate: date("2026-03-15"), component: .interest, unpaid: rupees(380)),
            DueItem(installment: 3, dueDate: date("2026-03-15"), component: .principal, unpaid: rupees(620)),
            DueItem(installment: 4, dueDate: date("2026-04-15"), component: .interest, unpaid: rupees(370)),
        ]
    }

    func summary(_ result: (allocations: [Allocation], remainder: Money)) -> [String] {
        result.allocations.map { "\($0.installment) \($0.component.rawValue) \($0.amount.minorUnits / 100)" }
    }

    @Test("installment-first: oldest instalment whole, its components in order; due-today after past-due")
    func installmentFirst() {
        let result = Waterfall().allocate(rupees(2_500), to: dues, on: date("2026-03-15"))
        #expect(summary(result) == [
            "1 interest 400", "1 principal 600", "0 penal 50", "2 interest 390", "2 principal 610", "3 interest 380",
            "3 principal 70",
        ])
        #expect(result.remainder == .zero())
    }

    @Test("component-first: penal everywhere, then interest across instalments, then principal; surplus left over")
    func componentFirst() {
        let waterfall = Waterfall(order: [.penal, .fees, .interest, .principal], strategy: .componentFirst)
        let result = waterfall.allocate(rupees(1_000), to: dues, on: date("2026-03-14"))
        // On 14 Mar only instalments 1 and 2 and the penal charge are due.
        #expect(summary(result) == ["0 penal 50", "1 interest 400", "2 interest 390", "1 principal 160"])
        let surplus = waterfall.allocate(rupees(3_500), to: dues, on: date("2026-03-15"))
        #expect(surplus.remainder == rupees(3_500 - 3_050))  // everything due by 15 Mar is 3,050
        #expect(!surplus.allocations.contains { $0.installment == 4 })
    }
}
