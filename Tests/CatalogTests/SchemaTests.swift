import Catalog
import Foundation
import Testing

@Suite("JSON Schema from the loaders' own definitions")
struct SchemaTests {
    /// Keys a loader reports as missing when given an empty mapping.
    func missingKeys(_ result: Result<some Any, some Error>) -> Set<String> {
        guard case .failure(let error) = result else { return [] }
        let text = String(describing: error)
        var keys: Set<String> = []
        for line in text.split(separator: "\n") {
            guard let range = line.range(of: "missing required key `") else { continue }
            keys.insert(String(line[range.upperBound...].prefix { $0 != "`" }))
        }
        return keys
    }

    func required(_ schema: ObjectSchema) -> Set<String> { Set(schema.properties.filter(\.required).map(\.name)) }

    @Test("the schema's required keys are the ones the loader demands")
    func requiredKeys() {
        let product = ProductLoader.load(ConfigSource(text: "{}\n", displayPath: "p.yaml"), expectedID: nil)
        #expect(missingKeys(product) == required(Schemas.product))
        let calendar = CalendarLoader.load(ConfigSource(text: "{}\n", displayPath: "c.yaml"), expectedName: nil)
        #expect(missingKeys(calendar) == required(Schemas.calendar))
        let classification = AssetClassificationLoader.load(ConfigSource(text: "{}\n", displayPath: "a.yaml"))
        #expect(missingKeys(classification) == required(Schemas.assetClassification))
        let accounting = AccountingLoader.load(ConfigSource(text: "{}\n", displayPath: "a.yaml"))
        #expect(missingKeys(accounting) == required(Schemas.accounting))
        let roles = RolesLoader.load(ConfigSource(text: "{}\n", displayPath: "r.yaml"))
        #expect(missingKeys(roles) == required(Schemas.roles))
    }

    @Test("every key of the schema is accepted by the loader, and nothing else")
    func everyKeyKnown() {
        // A product that uses every top-level key: unknown-key errors would name them.
        let text = Schemas.product.keys.map { "\($0): x" }.joined(separator: "\n") + "\nextra: 1\n"
        let result = ProductLoader.load(ConfigSource(text: text, displayPath: "p.yaml"), expectedID: nil)
        guard case .failure(let error) = result else { Issue.record("expected errors"); return }
        let unknown = error.diagnostics.map(\.message).filter { $0.hasPrefix("unknown key") }
        #expect(unknown.count == 1)
        #expect(unknown.first?.hasPrefix("unknown key `extra`") == true)
    }

    @Test("the product schema document is JSON Schema with the documented words")
    func document() throws {
        let text = JSONSchemaWriter.document(.object(Schemas.product), id: "x", title: "Product")
        let object = try #require(try JSONSerialization.jsonObject(with: Data(text.utf8)) as? [String: Any])
        #expect(object["additionalProperties"] as? Bool == false)
        #expect(Set(object["required"] as? [String] ?? []) == required(Schemas.product))
        let properties = try #require(object["properties"] as? [String: Any])
        let defaults = try #require(properties["defaults"] as? [String: Any])
        let terms = try #require(defaults["properties"] as? [String: Any])
        let frequency = try #require(terms["frequency"] as? [String: Any])
        #expect(frequency["enum"] as? [String] == ["weekly", "fortnightly", "monthly", "quarterly", "half-yearly", "yearly"])
        #expect(SchemaCatalog.kinds.count >= 3)
    }
}
