import Hummingbird
import Identity

/// The request context of every route: who is acting (once authorized) and from where, so audit
/// logging can read it.
public struct LendlineRequestContext: RequestContext {
    public var coreContext: CoreRequestContextStorage
    /// The principal the authorizer accepted; nil before authorization and on exempt routes.
    public var principal: Principal?
    /// The peer's IP address, when the transport knows it.
    public let remoteAddress: String?

    public init(source: ApplicationRequestContextSource) {
        coreContext = .init(source: source)
        remoteAddress = source.channel.remoteAddress?.ipAddress
    }

    /// Bodies larger than this are refused with 413 before they are read.
    public var maxUploadSize: Int { APILimits.default.maxBodyBytes }
}
