/// Why and where `JSONParser` rejected its input.
///
/// The position is given three ways: `offset` for programs, `line` and `column` for a person
/// looking at the document in an editor. `description` is one sentence fit for the `detail`
/// of a 400 response:
///
/// ```
/// Unexpected character '}' at line 3, column 14 (byte 41): expected a string key.
/// ```
public struct JSONParseError: Error, Sendable, Hashable, CustomStringConvertible {
    /// What was wrong.
    public enum Reason: Sendable, Hashable {
        /// The input is empty or only whitespace.
        case emptyInput
        /// The input starts with a UTF-8 byte order mark (EF BB BF), which RFC 8259 forbids.
        case byteOrderMark
        /// The input ends inside a value.
        case unexpectedEndOfInput
        /// A character that cannot stand here, such as `'`, or the `]` after a trailing comma.
        case unexpectedCharacter(Unicode.Scalar)
        /// A word that is not `true`, `false` or `null`; the offset is the first wrong byte.
        case invalidLiteral
        /// A number missing a digit: `-`, `1.`, `1e` or `1e+` followed by something else.
        case invalidNumber
        /// A number with a leading zero, such as `01`; the offset is the digit after the zero.
        case leadingZero
        /// A number too large for a `Double`, such as `1e999`; the offset is its first byte.
        case numberOutOfRange
        /// A backslash followed by something other than `"\/bfnrtu`; the offset is the backslash.
        case invalidEscape
        /// `\u` not followed by four hexadecimal digits; the offset is the backslash.
        case invalidUnicodeEscape
        /// A `\u` escape of a UTF-16 surrogate that is not half of a high–low pair; the offset
        /// is its backslash.
        case loneSurrogate(UInt16)
        /// A byte below 0x20 written raw inside a string.
        case controlCharacterInString(UInt8)
        /// Bytes that are not well-formed UTF-8 (overlong, an encoded surrogate, above U+10FFFF,
        /// a stray continuation byte or a sequence cut short); the offset is its first byte.
        case invalidUTF8
        /// A string, after unescaping, longer than `JSONParser.Limits.maxStringLength` bytes;
        /// the offset is its opening quote.
        case stringTooLong(limit: Int)
        /// A key that an earlier member of the same object already has; the offset is its
        /// opening quote.
        case duplicateKey(String)
        /// An array or object nested deeper than `JSONParser.Limits.maxDepth`; the offset is
        /// the bracket that opens one level too many.
        case nestingTooDeep(limit: Int)
        /// Something other than whitespace after the top-level value.
        case trailingContent
    }

    /// What was wrong.
    public let reason: Reason
    /// The 0-based byte offset of the offending byte (the input's length when it ended early).
    public let offset: Int
    /// The 1-based line of `offset`; LF, CR and CR LF each end a line.
    public let line: Int
    /// The 1-based column of `offset`, counted in Unicode scalars from the start of its line.
    public let column: Int
    /// What the parser expected at `offset`, in words (`"a string key"`), when it knows.
    public let expected: String?

    /// Makes an error at `offset` in `bytes`, working out its line and column.
    ///
    /// Every byte before `offset` must be valid UTF-8, which holds for the parser: it stops
    /// at the first byte it cannot accept.
    init(_ reason: Reason, at offset: Int, in bytes: UnsafeBufferPointer<UInt8>, expected: String?) {
        self.reason = reason
        self.offset = offset
        self.expected = expected
        var line = 1
        var column = 1
        var previous: UInt8 = 0
        for byte in bytes[..<offset] {
            switch byte {
            case 0x0A where previous == 0x0D:
                break
            case 0x0A, 0x0D:
                line += 1
                column = 1
            case 0x80...0xBF:
                break  // A continuation byte: its scalar was counted at its lead byte.
            default:
                column += 1
            }
            previous = byte
        }
        self.line = line
        self.column = column
    }

    /// One sentence: what, where, and what was expected or how to fix it.
    public var description: String {
        let hint = self.expected.map { "expected \($0)" } ?? self.reason.advice
        let location = "at line \(self.line), column \(self.column) (byte \(self.offset))"
        return "\(self.reason.summary) \(location)" + (hint.map { ": \($0)" } ?? "") + "."
    }
}

extension JSONParseError.Reason {
    /// The start of the description's sentence.
    fileprivate var summary: String {
        switch self {
        case .emptyInput: return "Empty input"
        case .byteOrderMark: return "Byte order mark"
        case .unexpectedEndOfInput: return "Unexpected end of input"
        case .unexpectedCharacter(let scalar): return "Unexpected character \(Self.quoted(scalar))"
        case .invalidLiteral: return "Invalid literal"
        case .invalidNumber: return "Invalid number"
        case .leadingZero: return "Leading zero in number"
        case .numberOutOfRange: return "Number out of range"
        case .invalidEscape: return "Invalid escape sequence"
        case .invalidUnicodeEscape: return "Invalid \\u escape"
        case .loneSurrogate(let unit): return "Lone surrogate \\u\(Self.hex(UInt32(unit)))"
        case .controlCharacterInString(let byte):
            return "Unescaped control character U+\(Self.hex(UInt32(byte))) in string"
        case .invalidUTF8: return "Invalid UTF-8"
        case .stringTooLong(let limit): return "String longer than \(limit) bytes"
        case .duplicateKey(let key): return "Duplicate key \(String(reflecting: key))"
        case .nestingTooDeep(let limit): return "Nesting deeper than \(limit) levels"
        case .trailingContent: return "Unexpected content after the JSON value"
        }
    }

    /// How to fix it, for reasons where "expected …" does not say it.
    fileprivate var advice: String? {
        switch self {
        case .byteOrderMark:
            return "remove the byte order mark (EF BB BF) from the start of the body"
        case .leadingZero:
            return "a number must not start with 0 followed by another digit"
        case .numberOutOfRange:
            return "the number is too large for a 64-bit floating-point value"
        case .loneSurrogate:
            return "a surrogate escape must be a high one (\\uD800-\\uDBFF) followed by a low one (\\uDC00-\\uDFFF)"
        case .controlCharacterInString(let byte):
            return "escape it as \(Self.escape(byte))"
        case .invalidUTF8:
            return "the body must be encoded as UTF-8"
        case .stringTooLong(let limit):
            return "strings may be at most \(limit) bytes long"
        case .duplicateKey:
            return "each key may appear only once in an object"
        case .nestingTooDeep(let limit):
            return "arrays and objects may be nested at most \(limit) deep"
        case .emptyInput, .unexpectedEndOfInput, .unexpectedCharacter, .invalidLiteral, .invalidNumber,
            .invalidEscape, .invalidUnicodeEscape, .trailingContent:
            return nil
        }
    }

    /// A visible character in quotes; anything a reader could not see or tell apart
    /// (controls, spaces, format characters) as `U+XXXX`.
    private static func quoted(_ scalar: Unicode.Scalar) -> String {
        switch scalar.properties.generalCategory {
        case .control, .format, .spaceSeparator, .lineSeparator, .paragraphSeparator, .privateUse, .unassigned:
            return "U+\(self.hex(scalar.value))"
        default:
            return "'\(scalar)'"
        }
    }

    /// The shortest JSON escape for a control byte: `\n`, `\t`, … or `\u00XX`.
    private static func escape(_ byte: UInt8) -> String {
        switch byte {
        case 0x08: return "\\b"
        case 0x09: return "\\t"
        case 0x0A: return "\\n"
        case 0x0C: return "\\f"
        case 0x0D: return "\\r"
        default: return "\\u\(self.hex(UInt32(byte)))"
        }
    }

    /// At least four uppercase hexadecimal digits.
    private static func hex(_ value: UInt32) -> String {
        let digits = String(value, radix: 16, uppercase: true)
        return String(repeating: "0", count: max(0, 4 - digits.count)) + digits
    }
}
