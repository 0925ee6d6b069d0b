extension ProductDecoder {
    /// `checklist: { required: [...], optional: [...] }`; an item named twice is reported where it repeats.
    func decodeChecklist(_ entry: ConfigEntry) -> DocumentChecklist? {
        guard let reader = MappingReader(entry, keys: Schemas.product.object("checklist").keys, log: log) else { return nil }
        var seen = Set<String>()
        func items(_ key: String) -> [String] {
            guard let list = reader.list(key) else { return [] }
            return list.items.compactMap { node in
                guard let item = MappingReader.read(node, key: key, .identifier(example: "income-proof"), log: log) else {
                    return nil
                }
                guard seen.insert(item.value).inserted else {
                    log.error("the checklist names `\(item.value)` twice", at: item)
                    return nil
                }
                return item.value
            }
        }
        let required = items("required"), optional = items("optional")
        return DocumentChecklist(required: required, optional: optional)
    }
}
