/// The limits the API puts on every request: body size, page size, request rate.
public struct APILimits: Sendable {
    /// Largest request body accepted, in bytes.
    public var maxBodyBytes: Int
    /// Largest page of a list.
    public var maxPageSize: Int
    /// Requests a principal (or peer) may make in a burst.
    public var burstRequests: Int
    /// Requests per second a principal (or peer) may sustain.
    public var requestsPerSecond: Int

    public init(
        maxBodyBytes: Int = 64 * 1024, maxPageSize: Int = 200, burstRequests: Int = 200,
        requestsPerSecond: Int = 100
    ) {
        self.maxBodyBytes = maxBodyBytes
        self.maxPageSize = maxPageSize
        self.burstRequests = burstRequests
        self.requestsPerSecond = requestsPerSecond
    }

    public static let `default` = APILimits()
}
