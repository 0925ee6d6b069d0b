import Rules

/// The names an expression can see at one place in a template: the model's fields, then the item of
/// every enclosing `l:repeat`. Each scope extends its parent's, so a slot keeps its index inward.
struct TemplateScope: Sendable {
    var declarations: Declarations
    /// Every slot, in declaration order.
    var slots: [InputSlot]

    /// The scope of a template's root: the model's fields.
    init(model: DocumentModel) {
        declarations = model.declarations
        slots = model.declarations.names.compactMap { model.declarations.slot(named: $0) }
    }

    /// This scope with `name` declared as `type`, and the new slot.
    func adding(_ name: String, _ type: RuleType) -> (TemplateScope, InputSlot) {
        var copy = self
        let slot = copy.declarations.declare(name, type)
        copy.slots.append(slot)
        return (copy, slot)
    }
}
