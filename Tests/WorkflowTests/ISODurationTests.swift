import Testing
import Workflow

/// ISO-8601 durations for timers, read strictly.
@Suite struct ISODurationTests {
    static let valid: [(String, Int64)] = [
        ("PT48H", 48 * 3_600), ("P3D", 3 * 86_400), ("P1DT12H", 36 * 3_600), ("PT90M", 5_400), ("PT30S", 30),
        ("P2W", 14 * 86_400), ("P1DT2H3M4S", 86_400 + 7_200 + 180 + 4), ("P365D", 365 * 86_400), ("PT0H1M", 60),
        ("P3660D", 3_660 * 86_400),
    ]

    @Test(arguments: valid) func reads(_ text: String, _ seconds: Int64) throws {
        #expect(try ISODuration.parse(text).get() == ISODuration(seconds: seconds))
    }

    static let invalid: [(String, String)] = [
        ("", "expected an ISO-8601 duration such as `PT48H`, `P3D` or `P1DT12H`, found ``"),
        ("P", "names no length of time"),
        ("PT", "`T` must be followed by hours, minutes or seconds"),
        ("P1M", "years and months vary in length"),
        ("P1Y", "years and months vary in length"),
        ("PT1Y", "years and months vary in length"),
        ("P48H", "hours, minutes and seconds follow `T`"),
        ("PT1D", "days come before `T`"),
        ("PT1H1H", "units come in the order W, D, T, H, M, S, each at most once"),
        ("PT1M1H", "units come in the order W, D, T, H, M, S, each at most once"),
        ("P1W2D", "weeks cannot be combined with other units"),
        ("P1.5D", "write whole numbers"),
        ("P1,5D", "write whole numbers"),
        ("pt48h", "designators are upper-case"),
        ("PT48h", "designators are upper-case"),
        ("P-1D", "found `P-1D`"),
        ("+P1D", "found `+P1D`"),
        ("P1D ", "found `P1D `"),
        ("PT48", "the number `48` needs a unit"),
        ("P0D", "must be longer than zero"),
        ("PT0S", "must be longer than zero"),
        ("P3661D", "longer than the limit of 3660 days"),
        ("P99999999999D", "longer than the limit of 3660 days"),
        ("48H", "found `48H`"),
    ]

    @Test(arguments: invalid) func refuses(_ text: String, _ fragment: String) {
        guard case .failure(let error) = ISODuration.parse(text) else {
            Issue.record("`\(text)` was accepted")
            return
        }
        #expect(error.message.contains(fragment), "\(error.message)")
    }

    @Test func printsCanonically() {
        #expect(ISODuration(seconds: 48 * 3_600).description == "P2D")
        #expect(ISODuration(seconds: 5_400).description == "PT1H30M")
        #expect(ISODuration(seconds: 36 * 3_600 + 1).description == "P1DT12H1S")
    }

    @Test func instantsAddDurationsAndPrintInUTC() {
        #expect(t0.description == "2026-01-01T00:00:00Z")
        #expect(t0.adding(ISODuration(seconds: 48 * 3_600 + 90)).description == "2026-01-03T00:01:30Z")
        #expect(Instant(secondsSinceEpoch: 951_782_400).description == "2000-02-29T00:00:00Z")
        #expect(Instant(secondsSinceEpoch: -1).description == "1969-12-31T23:59:59Z")
        let last = Instant(secondsSinceEpoch: .max)
        #expect(Instant(secondsSinceEpoch: .max - 5).adding(ISODuration(seconds: 10)) == last)
    }
}
