import Catalog
import Rules
import Testing

/// The located YAML tree: every key and value knows its line and column.
@Suite struct ConfigDocumentTests {
    static func parse(_ text: String) throws -> ConfigNode {
        try ConfigDocument.parse(text, file: "f.yaml")
    }

    @Test func keysAndValuesAreLocated() throws {
        let root = try Self.parse("""
            # comment
            name: Personal Loan
            limits:
              rate: { min: 10.5%, max: "24%" }
            fees:
              - amount: 160
            """)
        let entries = try #require(root.entries)
        #expect(entries.map(\.key) == ["name", "limits", "fees"])
        #expect(entries[0].keyLocation == SourceLocation(file: "f.yaml", line: 2, column: 1))
        #expect(entries[0].value.location == SourceLocation(file: "f.yaml", line: 2, column: 7))
        #expect(entries[0].value.length == 13)
        let rate = try #require(entries[1].value.entries?.first?.value.entries)
        #expect(rate[0].keyLocation == SourceLocation(file: "f.yaml", line: 4, column: 11))
        #expect(rate[0].value.scalar == ConfigScalar("10.5%"))
        #expect(rate[1].value.scalar == ConfigScalar("24%", style: .doubleQuoted))
        #expect(rate[1].value.location.column == 28)
        #expect(rate[1].value.length == 5)
        let fee = try #require(entries[2].value.items?.first?.entries?.first)
        #expect(fee.keyLocation == SourceLocation(file: "f.yaml", line: 6, column: 5))
    }

    @Test func jsonGoesThroughTheSamePath() throws {
        let root = try Self.parse("{\n  \"rate\": \"10.5%\",\n  \"tenure\": 36\n}")
        let entries = try #require(root.entries)
        #expect(entries.map(\.key) == ["rate", "tenure"])
        #expect(entries[1].value.location == SourceLocation(file: "f.yaml", line: 3, column: 13))
        #expect(entries[1].value.scalar == ConfigScalar("36"))
    }

    @Test func duplicateKeysAreReportedAtTheSecondKey() throws {
        #expect {
            try Self.parse("a: 1\nb:\n  c: 1\n  c: 2\n  c: 3\nb2: 0\na: 2\n")
        } throws: { error in
            (error as! DiagnosticsError).description == """
                f.yaml:4:3: error: duplicate key `c`; it is already set at line 3
                f.yaml:5:3: error: duplicate key `c`; it is already set at line 3
                f.yaml:7:1: error: duplicate key `a`; it is already set at line 1
                """
        }
    }

    @Test func duplicateKeysInJSONAndFlowMappings() throws {
        #expect {
            try Self.parse("{\n  \"rate\": \"10%\",\n  \"fees\": [{ \"name\": \"a\", \"name\": \"b\" }],\n  \"rate\": \"11%\"\n}")
        } throws: { error in
            (error as! DiagnosticsError).description == """
                f.yaml:3:27: error: duplicate key `name`; it is already set at line 3
                f.yaml:4:3: error: duplicate key `rate`; it is already set at line 2
                """
        }
    }

    @Test func syntaxErrorsAreLocated() throws {
        #expect {
            try Self.parse("a: 1\nb: [1, 2\nc: 3\n")
        } throws: { error in
            let diagnostics = (error as! DiagnosticsError).diagnostics
            return diagnostics.count == 1 && diagnostics[0].location.line == 3
                && diagnostics[0].message.hasPrefix("invalid YAML: ")
        }
    }

    @Test func emptyDocumentIsANullScalar() throws {
        #expect(try Self.parse("# nothing here\n").isNull)
    }
}
