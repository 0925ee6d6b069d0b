import ArgumentParser
import Catalog
import Foundation

/// `lendline schema`: JSON Schema files for editors, generated from the loaders' own definitions.
struct SchemaCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "schema",
        abstract: "Write a JSON Schema for each kind of configuration file (for editors' YAML support).")

    @Option(help: "Directory to write the schema files into.") var output = "schemas"

    func run() throws {
        try FileManager.default.createDirectory(atPath: output, withIntermediateDirectories: true)
        for kind in SchemaCatalog.kinds {
            let text = JSONSchemaWriter.document(kind.node, id: "https://lendline.dev/schemas/\(kind.file)", title: kind.title)
            try (text + "\n").write(toFile: output + "/" + kind.file, atomically: true, encoding: .utf8)
            print("wrote \(output)/\(kind.file)")
        }
    }
}
