/// A fixed length of time written in ISO-8601 (`PT48H`, `P3D`, `P1DT12H`, `P2W`): how long a state
/// may last before its timer fires. Years and months are refused: their length varies.
public struct ISODuration: Hashable, Comparable, Sendable, Codable, CustomStringConvertible {
    public let seconds: Int64

    /// The longest timer accepted: ten years of days.
    public static let maxSeconds: Int64 = 3_660 * 86_400

    public init(seconds: Int64) { self.seconds = seconds }

    /// Why a text is not a duration, in words for a diagnostic.
    public struct ParseError: Error, Hashable, Sendable, CustomStringConvertible {
        public var message: String
        public var description: String { message }
    }

    /// The duration `text` names, read strictly: upper-case designators in order, whole numbers.
    public static func parse(_ text: String) -> Result<ISODuration, ParseError> {
        do throws(ParseError) {
            var reader = ISODurationReader(text)
            return .success(try reader.read())
        } catch {
            return .failure(error)
        }
    }

    public static func < (l: ISODuration, r: ISODuration) -> Bool { l.seconds < r.seconds }

    /// The canonical ISO text: `P2DT12H`, `PT48H` stays `P2D`, `PT90M` becomes `PT1H30M`.
    public var description: String {
        let days = seconds / 86_400, hours = seconds % 86_400 / 3_600
        let minutes = seconds % 3_600 / 60, rest = seconds % 60
        var text = "P" + (days > 0 ? "\(days)D" : "")
        let time = (hours > 0 ? "\(hours)H" : "") + (minutes > 0 ? "\(minutes)M" : "") + (rest > 0 ? "\(rest)S" : "")
        if !time.isEmpty { text += "T" + time }
        return text == "P" ? "PT0S" : text
    }
}
