/// An attribute as written in a start tag: its qualified name, where that name is, and its value.
struct WrittenAttribute: Sendable {
    var name: String
    var nameByte: Int
    var value: AttributeText
}

/// Finds where each attribute of a start tag is written. libxml2 reports an element's line but no
/// columns for its attributes; the tag has already been checked as well-formed when this runs, so a
/// small scan from the tag's `<` recovers exact positions for diagnostics.
enum StartTagScanner {
    static func attributes(in file: SourceText, tagAt start: Int) -> [WrittenAttribute] {
        let bytes = file.bytes
        var i = start + 1
        func isSpace(_ b: UInt8) -> Bool { b == 0x20 || b == 0x09 || b == 0x0A || b == 0x0D }
        func skipSpaces() { while i < bytes.count, isSpace(bytes[i]) { i += 1 } }
        while i < bytes.count, !isSpace(bytes[i]), bytes[i] != UInt8(ascii: "/"), bytes[i] != UInt8(ascii: ">") {
            i += 1
        }
        var found: [WrittenAttribute] = []
        while true {
            skipSpaces()
            guard i < bytes.count, bytes[i] != UInt8(ascii: "/"), bytes[i] != UInt8(ascii: ">") else { break }
            let nameStart = i
            while i < bytes.count, !isSpace(bytes[i]), bytes[i] != UInt8(ascii: "=") { i += 1 }
            let name = String(decoding: bytes[nameStart..<i], as: UTF8.self)
            skipSpaces()
            guard i < bytes.count, bytes[i] == UInt8(ascii: "=") else { break }
            i += 1
            skipSpaces()
            guard i < bytes.count else { break }
            let quote = bytes[i]
            i += 1
            let valueStart = i
            while i < bytes.count, bytes[i] != quote { i += 1 }
            found.append(
                WrittenAttribute(
                    name: name, nameByte: nameStart,
                    value: AttributeText.decode(file, from: valueStart, to: i)))
            i += 1
        }
        return found
    }
}
