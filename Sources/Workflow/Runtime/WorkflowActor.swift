/// Who sends a command: a staff user with their roles, or the system (timers, the servicing engine).
public struct WorkflowActor: Hashable, Sendable {
    /// The user id, recorded as maker or checker; never a borrower's personal data.
    public var id: String
    public var roles: Set<String>

    public init(id: String, roles: Set<String>) {
        self.id = id
        self.roles = roles
    }

    /// The system itself: fires timers and events no person sends; holds no role.
    public static let system = WorkflowActor(id: "system", roles: [])

    /// Whether the actor holds one of `required`; an empty list lets anyone through.
    func holdsAny(of required: [String]) -> Bool {
        required.isEmpty || required.contains { roles.contains($0) }
    }
}
