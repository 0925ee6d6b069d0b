import Rules

/// An attribute value as the parser hands it over (references replaced, white space normalised),
/// with where each run of it sits in the file, so a diagnostic can point inside the value.
struct AttributeText: Sendable {
    /// One stretch of the value that is written character for character in the file.
    struct Run: Sendable {
        /// Scalar offset in `text` where the run starts.
        var offset: Int
        /// Byte offset in the file of the run's first character.
        var byte: Int
    }

    var text: String
    var runs: [Run]

    /// The value, or its part from scalar `start` on, as an expression source mapped to the file.
    func source(in file: SourceText, from start: Int = 0) -> ExpressionSource {
        let scalars = Array(text.unicodeScalars)
        let start = max(0, min(start, scalars.count))
        let first = runs.lastIndex { $0.offset <= start } ?? 0
        var lines = [
            SourceMap.LineStart(
                offset: 0,
                location: file.location(at: runs[first].byte)
                    .advanced(byColumns: start - runs[first].offset))
        ]
        for run in runs[(first + 1)...] {
            lines.append(.init(offset: run.offset - start, location: file.location(at: run.byte)))
        }
        var sub = String.UnicodeScalarView()
        sub.append(contentsOf: scalars[start...])
        return ExpressionSource(String(sub), map: SourceMap(lines: lines))
    }

    /// Reads the value written between `start` and `end` (bytes, quotes excluded) as XML does:
    /// `&lt; &gt; &amp; &quot; &apos;` and character references replaced; tab, newline and carriage
    /// return become a space (CR LF one space).
    static func decode(_ file: SourceText, from start: Int, to end: Int) -> AttributeText {
        let bytes = file.bytes
        var out: [UInt8] = []
        var count = 0
        var runs = [Run(offset: 0, byte: start)]
        var i = start
        while i < end {
            let byte = bytes[i]
            if byte == UInt8(ascii: "&"), let semicolon = bytes[i..<end].firstIndex(of: UInt8(ascii: ";")) {
                let name = String(decoding: bytes[(i + 1)..<semicolon], as: UTF8.self)
                out += Array(String(reference(name) ?? " ").utf8)
                count += 1
                i = semicolon + 1
                runs.append(Run(offset: count, byte: i))
            } else if byte == UInt8(ascii: "\r") || byte == UInt8(ascii: "\n") || byte == UInt8(ascii: "\t") {
                let crlf = byte == UInt8(ascii: "\r") && i + 1 < end && bytes[i + 1] == UInt8(ascii: "\n")
                out.append(UInt8(ascii: " "))
                count += 1
                i += crlf ? 2 : 1
                if byte != UInt8(ascii: "\t") { runs.append(Run(offset: count, byte: i)) }
            } else {
                out.append(byte)
                if byte & 0xC0 != 0x80 { count += 1 }
                i += 1
            }
        }
        return AttributeText(text: String(decoding: out, as: UTF8.self), runs: runs)
    }

    /// The character a predefined entity or character reference (without `&` and `;`) stands for.
    static func reference(_ name: String) -> Character? {
        switch name {
        case "lt": return "<"
        case "gt": return ">"
        case "amp": return "&"
        case "quot": return "\""
        case "apos": return "'"
        default:
            guard name.hasPrefix("#") else { return nil }
            let digits = name.dropFirst()
            let code = digits.hasPrefix("x") ? UInt32(digits.dropFirst(), radix: 16) : UInt32(digits, radix: 10)
            return code.flatMap(Unicode.Scalar.init).map(Character.init)
        }
    }
}
