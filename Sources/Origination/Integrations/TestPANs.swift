/// PANs the simulators treat specially, so tests and the demo can show every path. They are valid
/// in form (4th character `P`: individuals) and reserved here; no real PAN starts `ZZZ` in these series.
public enum TestPANs {
    /// No credit history: score -1, no accounts.
    public static let thinFile = "ZZZPT0001A"
    /// Score 480, an account 180 days past due, a card written off, 7 enquiries.
    public static let defaulter = "ZZZPD0002A"
    /// The bureau answers HTTP 503 every time.
    public static let bureauDown = "ZZZPF0003A"
    /// The bureau never answers in time.
    public static let bureauTimeout = "ZZZPT0004A"
    /// KYC finds the name does not match the PAN.
    public static let kycNameMismatch = "ZZZPK0005A"
}
