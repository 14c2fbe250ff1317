/// Serialises `JSONValue`s to UTF-8 bytes, compact or indented.
///
/// Strings are escaped per RFC 8259 §7: `"` and `\` are escaped, control characters become
/// `\n`, `\t`, … or `\u00XX`, and everything else is written as UTF-8. Swift strings are
/// always valid Unicode, so the output is always valid UTF-8. U+2028 and U+2029 are escaped
/// too, so the output is also safe to embed in JavaScript.
///
/// - Complexity: O(*n*) in the size of the output.
public struct JSONWriter: Sendable {
    /// The bytes written so far.
    public private(set) var bytes: [UInt8] = []
    private let isPretty: Bool

    /// Makes a writer.
    ///
    /// - Parameter pretty: indent with two spaces and put `": "` between keys and values.
    public init(pretty: Bool = false) {
        self.isPretty = pretty
    }

    /// Serialises one value.
    ///
    /// - Parameters:
    ///   - value: the value.
    ///   - pretty: indented output, ending with a newline.
    /// - Returns: the UTF-8 bytes.
    public static func serialize(_ value: JSONValue, pretty: Bool = false) -> [UInt8] {
        var writer = JSONWriter(pretty: pretty)
        writer.write(value)
        if pretty { writer.bytes.append(UInt8(ascii: "\n")) }
        return writer.bytes
    }

    /// Appends a value.
    public mutating func write(_ value: JSONValue) {
        self.write(value, depth: 0)
    }

    private mutating func write(_ value: JSONValue, depth: Int) {
        switch value {
        case .null: self.bytes.append(contentsOf: "null".utf8)
        case .bool(let flag): self.bytes.append(contentsOf: (flag ? "true" : "false").utf8)
        case .int(let number): self.bytes.append(contentsOf: String(number).utf8)
        case .double(let number):
            if number.isFinite {
                // Swift prints the shortest representation that round-trips; integral
                // values print as "3.0", which is valid JSON.
                self.bytes.append(contentsOf: number.description.utf8)
            } else {
                self.bytes.append(contentsOf: "null".utf8)
            }
        case .string(let text): self.writeString(text)
        case .array(let elements):
            self.writeContainer(open: "[", close: "]", count: elements.count, depth: depth) { writer, index in
                writer.write(elements[index], depth: depth + 1)
            }
        case .object(let members):
            self.writeContainer(open: "{", close: "}", count: members.count, depth: depth) { writer, index in
                writer.writeString(members[index].0)
                writer.bytes.append(UInt8(ascii: ":"))
                if writer.isPretty { writer.bytes.append(UInt8(ascii: " ")) }
                writer.write(members[index].1, depth: depth + 1)
            }
        }
    }

    private mutating func writeContainer(
        open: Unicode.Scalar, close: Unicode.Scalar, count: Int, depth: Int,
        element: (inout JSONWriter, Int) -> Void
    ) {
        self.bytes.append(UInt8(ascii: open))
        for index in 0..<count {
            if index > 0 { self.bytes.append(UInt8(ascii: ",")) }
            self.newline(depth: depth + 1)
            element(&self, index)
        }
        if count > 0 { self.newline(depth: depth) }
        self.bytes.append(UInt8(ascii: close))
    }

    private mutating func newline(depth: Int) {
        guard self.isPretty else { return }
        self.bytes.append(UInt8(ascii: "\n"))
        self.bytes.append(contentsOf: repeatElement(UInt8(ascii: " "), count: 2 * depth))
    }

    private static let hexDigits = Array("0123456789abcdef".utf8)

    /// Writes a quoted, escaped string.
    public mutating func writeString(_ text: String) {
        self.bytes.append(UInt8(ascii: "\""))
        var utf8 = text.utf8.makeIterator()
        while let byte = utf8.next() {
            switch byte {
            case UInt8(ascii: "\""): self.bytes.append(contentsOf: "\\\"".utf8)
            case UInt8(ascii: "\\"): self.bytes.append(contentsOf: "\\\\".utf8)
            case 0x0A: self.bytes.append(contentsOf: "\\n".utf8)
            case 0x0D: self.bytes.append(contentsOf: "\\r".utf8)
            case 0x09: self.bytes.append(contentsOf: "\\t".utf8)
            case 0x08: self.bytes.append(contentsOf: "\\b".utf8)
            case 0x0C: self.bytes.append(contentsOf: "\\f".utf8)
            case 0x00..<0x20:
                self.bytes.append(contentsOf: "\\u00".utf8)
                self.bytes.append(Self.hexDigits[Int(byte >> 4)])
                self.bytes.append(Self.hexDigits[Int(byte & 0x0F)])
            case 0xE2:
                // U+2028 / U+2029 are E2 80 A8 / E2 80 A9.
                let second = utf8.next()
                let third = second == 0x80 ? utf8.next() : nil
                if let third, third == 0xA8 || third == 0xA9 {
                    self.bytes.append(contentsOf: (third == 0xA8 ? "\\u2028" : "\\u2029").utf8)
                } else {
                    self.bytes.append(byte)
                    if let second { self.bytes.append(second) }
                    if let third { self.bytes.append(third) }
                }
            default:
                self.bytes.append(byte)
            }
        }
        self.bytes.append(UInt8(ascii: "\""))
    }
}
