import LoanMath

/// Splits an expression's text into tokens. Never fails: text that is not a token becomes an
/// `.invalid` token carrying the reason, which the parser reports.
struct Lexer {
    private let scalars: [Unicode.Scalar]
    private var position = 0

    init(_ text: String) { scalars = Array(text.unicodeScalars) }

    /// All tokens, ending with `.end`.
    static func tokens(_ text: String) -> [Token] {
        var lexer = Lexer(text)
        var result: [Token] = []
        while true {
            let token = lexer.next()
            result.append(token)
            if token.kind == .end { return result }
        }
    }

    mutating func next() -> Token {
        skipSpace()
        let start = position
        guard let c = peek() else { return Token(kind: .end, range: SourceRange(start: start, end: start)) }
        let kind: TokenKind
        if isDigit(c) {
            kind = number()
        } else if c == "₹" {
            position += 1
            kind = money()
        } else if isNameStart(c) {
            kind = word()
        } else if c == "\"" || c == "'" {
            kind = string(quote: c)
        } else {
            kind = symbol()
        }
        return Token(kind: kind, range: SourceRange(start: start, end: max(position, start + 1)))
    }

    // MARK: - Pieces

    private mutating func number() -> TokenKind {
        if let date = dateLiteral() { return date }
        let text = digitsAndPoint()
        if peek() == "%" {
            position += 1
            guard let value = ExactDecimal(parsing: text) else { return .invalid("percentage has too many digits") }
            return .percent(value)
        }
        if text.contains(".") {
            guard let value = ExactDecimal(parsing: text) else {
                return .invalid("number has more than \(ExactDecimal.maxScale) decimal places or too many digits")
            }
            return .decimal(value)
        }
        guard let value = Int64(text.filter { $0 != "_" }) else { return .invalid("number is too large") }
        return .integer(value)
    }

    private mutating func money() -> TokenKind {
        guard let c = peek(), isDigit(c) else { return .invalid("expected an amount after '₹', e.g. ₹50000") }
        let text = digitsAndPoint()
        guard let value = ExactDecimal(parsing: text) else { return .invalid("amount has too many digits") }
        guard value.scale <= 2 else { return .invalid("an amount has at most 2 decimal places (paise)") }
        return .money(value)
    }

    /// Digits with `_` separators and at most one decimal point followed by a digit (`..` is a range).
    private mutating func digitsAndPoint() -> String {
        var text = ""
        var seenPoint = false
        while let c = peek() {
            if isDigit(c) || (c == "_" && peek(1).map(isDigit) == true) {
                text.unicodeScalars.append(c)
                position += 1
            } else if c == ".", !seenPoint, let d = peek(1), isDigit(d) {
                seenPoint = true
                text.unicodeScalars.append(c)
                position += 1
            } else {
                break
            }
        }
        return text
    }

    /// `YYYY-MM-DD` written without spaces; anything else starting with digits is a number.
    private mutating func dateLiteral() -> TokenKind? {
        let shape: [Bool] = [true, true, true, true, false, true, true, false, true, true]
        guard position + shape.count <= scalars.count else { return nil }
        for (i, wantDigit) in shape.enumerated() {
            let c = scalars[position + i]
            if wantDigit ? !isDigit(c) : c != "-" { return nil }
        }
        if let after = peek(shape.count), isDigit(after) || isNameStart(after) { return nil }
        let text = String(String.UnicodeScalarView(scalars[position..<position + shape.count]))
        position += shape.count
        guard let date = LocalDate(iso: text) else { return .invalid("\(text) is not a calendar date") }
        return .date(date)
    }

    private mutating func word() -> TokenKind {
        var text = ""
        while let c = peek(), isNameStart(c) || isDigit(c) {
            text.unicodeScalars.append(c)
            position += 1
        }
        if let keyword = Keyword(rawValue: text.lowercased()) { return .keyword(keyword) }
        return .name(text)
    }

    private mutating func string(quote: Unicode.Scalar) -> TokenKind {
        position += 1
        var text = ""
        while let c = peek() {
            position += 1
            if c == quote { return .string(text) }
            if c == "\\" {
                guard let escaped = peek() else { break }
                position += 1
                switch escaped {
                case "n": text.unicodeScalars.append("\n")
                case "t": text.unicodeScalars.append("\t")
                case "\\", "\"", "'": text.unicodeScalars.append(escaped)
                default: return .invalid("unknown escape '\\\(escaped)' in string")
                }
                continue
            }
            text.unicodeScalars.append(c)
        }
        return .invalid("string is not closed; add \(quote)")
    }

    private mutating func symbol() -> TokenKind {
        let candidates: [Symbol] = [.halfOpenRange, .range, .equal, .notEqual, .lessOrEqual, .greaterOrEqual,
                                    .plus, .minus, .times, .divide, .leftParen, .rightParen, .leftBracket,
                                    .rightBracket, .comma, .dot, .less, .greater, .singleEqual]
        for symbol in candidates where matches(symbol.rawValue) {
            position += symbol.rawValue.unicodeScalars.count
            return .symbol(symbol)
        }
        let c = scalars[position]
        position += 1
        if c == "%" { return .invalid("'%' must follow a number directly, as in 55%") }
        return .invalid("unexpected character '\(c.escaped(asASCII: false))'")
    }

    // MARK: - Characters

    private func matches(_ text: String) -> Bool {
        var i = position
        for s in text.unicodeScalars {
            guard i < scalars.count, scalars[i] == s else { return false }
            i += 1
        }
        return true
    }

    private mutating func skipSpace() {
        while let c = peek(), c == " " || c == "\t" || c == "\n" || c == "\r" { position += 1 }
    }

    private func peek(_ ahead: Int = 0) -> Unicode.Scalar? {
        let i = position + ahead
        return i < scalars.count ? scalars[i] : nil
    }

    private func isDigit(_ c: Unicode.Scalar) -> Bool { c >= "0" && c <= "9" }

    private func isNameStart(_ c: Unicode.Scalar) -> Bool {
        (c >= "a" && c <= "z") || (c >= "A" && c <= "Z") || c == "_"
    }
}
