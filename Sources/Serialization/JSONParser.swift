/// A strict RFC 8259 JSON parser that reads UTF-8 bytes directly.
///
/// Strict means: no comments, trailing commas, single quotes, leading zeros, `+1`, `.5`,
/// `1.`, `NaN` or `Infinity`; no raw control characters in strings; `\u` surrogates only in
/// high–low pairs; well-formed UTF-8 only; no byte order mark; whitespace is space, tab, LF
/// and CR only; nothing but whitespace after the value; no key twice in one object.
///
/// Any value may stand at the top level; a caller that wants an object checks for one.
/// An integer literal that fits in `Int` becomes `.int` (`-0` too, as `0`); any other number
/// becomes `.double`, and one too large for a finite `Double` is an error.
///
/// ```swift
/// let value = try JSONParser.parse(Array(#"{"id":"a1","tags":["x"]}"#.utf8))
/// // .object([("id", .string("a1")), ("tags", .array([.string("x")]))])
/// ```
///
/// - Complexity: O(*n*) in the input's length. Nesting costs heap, not stack: the parser
///   keeps its open arrays and objects in an array, so any depth limit is safe.
public enum JSONParser {
    /// Bounds on what the parser accepts, beyond the grammar.
    public struct Limits: Sendable, Hashable {
        /// How deeply arrays and objects may nest: `[]` is 1 deep, `[[]]` is 2.
        public var maxDepth: Int
        /// The longest string, key or value, in UTF-8 bytes after unescaping.
        public var maxStringLength: Int

        /// Makes limits.
        ///
        /// - Parameters:
        ///   - maxDepth: how deeply arrays and objects may nest; 64 by default.
        ///   - maxStringLength: the longest string in UTF-8 bytes after unescaping; no limit
        ///     by default.
        public init(maxDepth: Int = 64, maxStringLength: Int = .max) {
            self.maxDepth = maxDepth
            self.maxStringLength = maxStringLength
        }
    }

    /// Parses one JSON value from UTF-8 bytes.
    ///
    /// Contiguous collections (`[UInt8]`, `ArraySlice`, `Data`, `UnsafeRawBufferPointer`,
    /// a native `String`'s `utf8`) are read in place; others are copied into an array first.
    ///
    /// - Parameters:
    ///   - bytes: the whole document.
    ///   - limits: nesting and string length bounds.
    /// - Returns: the value, objects keeping their members in document order.
    /// - Throws: `JSONParseError` at the first byte that makes the input invalid.
    public static func parse(
        _ bytes: some Collection<UInt8>, limits: Limits = .init()
    ) throws(JSONParseError) -> JSONValue {
        let parsed = bytes.withContiguousStorageIfAvailable { buffer in
            Result { () throws(JSONParseError) in
                var reader = Reader(bytes: buffer, limits: limits)
                return try reader.parseDocument()
            }
        }
        if let parsed { return try parsed.get() }
        return try self.parse(Array(bytes), limits: limits)
    }
}

extension JSONParser {
    /// An array or object whose closing bracket has not been read yet.
    private struct OpenContainer {
        let isObject: Bool
        var elements: [JSONValue] = []
        var members: [(String, JSONValue)] = []
        /// The object's keys so far, to reject duplicates.
        var keys: Set<String> = []
        /// The key of the object member whose value is being parsed.
        var pendingKey = ""

        mutating func add(_ value: JSONValue) {
            if self.isObject {
                self.members.append((self.pendingKey, value))
            } else {
                self.elements.append(value)
            }
        }

        func finish() -> JSONValue {
            self.isObject ? .object(self.members) : .array(self.elements)
        }
    }

    /// One parse: a cursor over the input.
    private struct Reader {
        let bytes: UnsafeBufferPointer<UInt8>
        let limits: Limits
        var index = 0
        /// Reused for every string that has escapes: the unescaped UTF-8.
        var scratch: [UInt8] = []

        init(bytes: UnsafeBufferPointer<UInt8>, limits: Limits) {
            self.bytes = bytes
            self.limits = limits
        }

        mutating func parseDocument() throws(JSONParseError) -> JSONValue {
            if self.bytes.starts(with: [0xEF, 0xBB, 0xBF]) { throw self.error(.byteOrderMark, at: 0) }
            self.skipWhitespace()
            guard self.index < self.bytes.count else { throw self.error(.emptyInput, expected: "a JSON value") }
            let value = try self.parseValue()
            self.skipWhitespace()
            guard self.index == self.bytes.count else {
                throw self.error(.trailingContent, expected: "the end of the input")
            }
            return value
        }

        // MARK: Structure

        /// Parses one value, keeping the arrays and objects it is inside on a heap stack.
        private mutating func parseValue() throws(JSONParseError) -> JSONValue {
            var open: [OpenContainer] = []
            while true {
                guard var value = try self.beginValue(inside: &open) else { continue }
                // A value is complete: add it to the innermost container and close every
                // container that ends right after it.
                while !open.isEmpty {
                    open[open.count - 1].add(value)
                    guard try self.closesAfterMember(&open[open.count - 1]) else { break }
                    value = open.removeLast().finish()
                }
                if open.isEmpty { return value }
            }
        }

        /// Reads a scalar or an empty container and returns it, or opens a non-empty
        /// container (reading an object's first key) and returns `nil`.
        private mutating func beginValue(inside open: inout [OpenContainer]) throws(JSONParseError) -> JSONValue? {
            self.skipWhitespace()
            switch self.peek() {
            case UInt8(ascii: "{"), UInt8(ascii: "["):
                return try self.openContainer(on: &open)
            case UInt8(ascii: "\""):
                return .string(try self.parseString())
            case UInt8(ascii: "t"):
                return try self.parseLiteral("true", .bool(true))
            case UInt8(ascii: "f"):
                return try self.parseLiteral("false", .bool(false))
            case UInt8(ascii: "n"):
                return try self.parseLiteral("null", .null)
            case UInt8(ascii: "-"), Self.digits?:
                return try self.parseNumber()
            default:
                throw self.unexpected(expected: "a value")
            }
        }

        /// Reads `{` or `[`: returns the empty container if it closes at once, else pushes it.
        private mutating func openContainer(on open: inout [OpenContainer]) throws(JSONParseError) -> JSONValue? {
            guard open.count < self.limits.maxDepth else {
                throw self.error(.nestingTooDeep(limit: self.limits.maxDepth))
            }
            let isObject = self.bytes[self.index] == UInt8(ascii: "{")
            self.index += 1
            self.skipWhitespace()
            if self.peek() == UInt8(ascii: isObject ? "}" : "]") {
                self.index += 1
                return isObject ? .object([]) : .array([])
            }
            var container = OpenContainer(isObject: isObject)
            if isObject { try self.readKey(into: &container, expected: "a string key or '}'") }
            open.append(container)
            return nil
        }

        /// After a member: reads `,` (and the next key) and returns `false`, or reads the
        /// closing bracket and returns `true`.
        private mutating func closesAfterMember(_ container: inout OpenContainer) throws(JSONParseError) -> Bool {
            self.skipWhitespace()
            let close = UInt8(ascii: container.isObject ? "}" : "]")
            switch self.peek() {
            case UInt8(ascii: ","):
                self.index += 1
                if container.isObject { try self.readKey(into: &container, expected: "a string key") }
                return false
            case close:
                self.index += 1
                return true
            default:
                throw self.unexpected(expected: container.isObject ? "',' or '}'" : "',' or ']'")
            }
        }

        /// Reads `"key" :`, rejecting a key the object already has.
        private mutating func readKey(into container: inout OpenContainer, expected: String) throws(JSONParseError) {
            self.skipWhitespace()
            guard self.peek() == UInt8(ascii: "\"") else { throw self.unexpected(expected: expected) }
            let start = self.index
            let key = try self.parseString()
            guard container.keys.insert(key).inserted else { throw self.error(.duplicateKey(key), at: start) }
            self.skipWhitespace()
            guard self.peek() == UInt8(ascii: ":") else { throw self.unexpected(expected: "':' after the key") }
            self.index += 1
            container.pendingKey = key
        }

        // MARK: Scalars

        /// Reads `word`, which starts at the cursor's first byte.
        private mutating func parseLiteral(_ word: String, _ value: JSONValue) throws(JSONParseError) -> JSONValue {
            let expected = "'\(word)'"
            for byte in word.utf8 {
                guard let actual = self.peek() else { throw self.endOfInput(expected: expected) }
                guard actual == byte else { throw self.error(.invalidLiteral, expected: expected) }
                self.index += 1
            }
            return value
        }

        /// Reads `-? (0 | [1-9][0-9]*) (. [0-9]+)? ([eE] [+-]? [0-9]+)?`.
        private mutating func parseNumber() throws(JSONParseError) -> JSONValue {
            let start = self.index
            if self.peek() == UInt8(ascii: "-") { self.index += 1 }
            let integerStart = self.index
            try self.readDigits(expected: "a digit")
            if self.bytes[integerStart] == UInt8(ascii: "0"), self.index - integerStart > 1 {
                throw self.error(.leadingZero, at: integerStart + 1)
            }
            var isInteger = true
            if self.peek() == UInt8(ascii: ".") {
                self.index += 1
                try self.readDigits(expected: "a digit after '.'")
                isInteger = false
            }
            if self.peek() == UInt8(ascii: "e") || self.peek() == UInt8(ascii: "E") {
                self.index += 1
                if self.peek() == UInt8(ascii: "+") || self.peek() == UInt8(ascii: "-") { self.index += 1 }
                try self.readDigits(expected: "a digit in the exponent")
                isInteger = false
            }
            let literal = UnsafeBufferPointer(rebasing: self.bytes[start..<self.index])
            if isInteger, let integer = Self.integer(literal) { return .int(integer) }
            guard let double = Double(String(decoding: literal, as: UTF8.self)), double.isFinite else {
                throw self.error(.numberOutOfRange, at: start)
            }
            return .double(double)
        }

        /// Reads one or more ASCII digits.
        private mutating func readDigits(expected: String) throws(JSONParseError) {
            guard let first = self.peek() else { throw self.endOfInput(expected: expected) }
            guard Self.digits.contains(first) else { throw self.error(.invalidNumber, expected: expected) }
            repeat { self.index += 1 } while self.peek().map(Self.digits.contains) == true
        }

        /// The value of `-?[0-9]+`, or `nil` if it does not fit in `Int`.
        private static func integer(_ literal: UnsafeBufferPointer<UInt8>) -> Int? {
            let isNegative = literal.first == UInt8(ascii: "-")
            var value = 0
            for byte in literal.dropFirst(isNegative ? 1 : 0) {
                let digit = Int(byte &- UInt8(ascii: "0"))
                let (shifted, shiftOverflow) = value.multipliedReportingOverflow(by: 10)
                // Accumulating negative values lets `Int.min` through.
                let (next, addOverflow) =
                    isNegative ? shifted.subtractingReportingOverflow(digit) : shifted.addingReportingOverflow(digit)
                if shiftOverflow || addOverflow { return nil }
                value = next
            }
            return value
        }

        private static let digits = UInt8(ascii: "0")...UInt8(ascii: "9")

        // MARK: Strings

        /// Reads a string whose opening quote is at the cursor, leaving the cursor after the
        /// closing quote. Runs of plain bytes are copied in one go, never a character at a time.
        private mutating func parseString() throws(JSONParseError) -> String {
            let quote = self.index
            self.index += 1
            var runStart = self.index
            var hasEscapes = false
            self.scratch.removeAll(keepingCapacity: true)
            while true {
                guard let byte = self.peek() else {
                    throw self.endOfInput(expected: "'\"' to close the string")
                }
                switch byte {
                case UInt8(ascii: "\""):
                    let run = UnsafeBufferPointer(rebasing: self.bytes[runStart..<self.index])
                    self.index += 1
                    if hasEscapes { self.scratch.append(contentsOf: run) }
                    let length = hasEscapes ? self.scratch.count : run.count
                    guard length <= self.limits.maxStringLength else {
                        throw self.error(.stringTooLong(limit: self.limits.maxStringLength), at: quote)
                    }
                    if hasEscapes { return String(decoding: self.scratch, as: UTF8.self) }
                    return String(decoding: run, as: UTF8.self)
                case UInt8(ascii: "\\"):
                    self.scratch.append(contentsOf: self.bytes[runStart..<self.index])
                    hasEscapes = true
                    try self.readEscape()
                    runStart = self.index
                case 0x00..<0x20:
                    throw self.error(.controlCharacterInString(byte))
                case 0x80...:
                    try self.skipUTF8Sequence()
                default:
                    self.index += 1
                }
            }
        }

        /// Reads an escape at the cursor's backslash and appends its UTF-8 to `scratch`.
        private mutating func readEscape() throws(JSONParseError) {
            let backslash = self.index
            self.index += 1
            guard let letter = self.peek() else {
                throw self.endOfInput(expected: "an escape character after '\\'")
            }
            self.index += 1
            switch letter {
            case UInt8(ascii: "\""), UInt8(ascii: "\\"), UInt8(ascii: "/"): self.scratch.append(letter)
            case UInt8(ascii: "b"): self.scratch.append(0x08)
            case UInt8(ascii: "f"): self.scratch.append(0x0C)
            case UInt8(ascii: "n"): self.scratch.append(0x0A)
            case UInt8(ascii: "r"): self.scratch.append(0x0D)
            case UInt8(ascii: "t"): self.scratch.append(0x09)
            case UInt8(ascii: "u"):
                let scalar = try self.readUnicodeEscape(backslash: backslash)
                UTF8.encode(scalar) { self.scratch.append($0) }
            default:
                throw self.error(.invalidEscape, at: backslash, expected: #"one of \" \\ \/ \b \f \n \r \t \u"#)
            }
        }

        /// Reads the four hex digits after `\u`, and a second `\uXXXX` when the first is a
        /// high surrogate followed by a low one.
        private mutating func readUnicodeEscape(backslash: Int) throws(JSONParseError) -> Unicode.Scalar {
            let unit = try self.readHexQuad(backslash: backslash)
            var value = UInt32(unit)
            if (0xD800...0xDBFF).contains(unit), let low = try self.readLowSurrogate() {
                value = 0x1_0000 + (UInt32(unit - 0xD800) << 10) + UInt32(low - 0xDC00)
            }
            guard let scalar = Unicode.Scalar(value) else { throw self.error(.loneSurrogate(unit), at: backslash) }
            return scalar
        }

        /// Reads `\uDC00`–`\uDFFF` at the cursor if it is there; otherwise reads nothing.
        private mutating func readLowSurrogate() throws(JSONParseError) -> UInt16? {
            let backslash = self.index
            // Input that ends here, or with a lone backslash, may have been cut before the low half.
            if self.peek() == nil || (self.peek() == UInt8(ascii: "\\") && self.peek(1) == nil) {
                throw self.endOfInput(expected: "a low surrogate escape \\uDC00-\\uDFFF")
            }
            guard self.peek() == UInt8(ascii: "\\"), self.peek(1) == UInt8(ascii: "u") else { return nil }
            self.index += 2
            let unit = try self.readHexQuad(backslash: backslash)
            guard (0xDC00...0xDFFF).contains(unit) else {
                self.index = backslash
                return nil
            }
            return unit
        }

        /// Reads four hexadecimal digits.
        private mutating func readHexQuad(backslash: Int) throws(JSONParseError) -> UInt16 {
            let expected = "four hexadecimal digits after \\u"
            var unit: UInt16 = 0
            for _ in 0..<4 {
                guard let byte = self.peek() else { throw self.endOfInput(expected: expected) }
                guard let digit = Self.hexDigit(byte) else {
                    throw self.error(.invalidUnicodeEscape, at: backslash, expected: expected)
                }
                unit = unit << 4 | UInt16(digit)
                self.index += 1
            }
            return unit
        }

        private static func hexDigit(_ byte: UInt8) -> UInt8? {
            switch byte {
            case Self.digits: return byte - UInt8(ascii: "0")
            case UInt8(ascii: "a")...UInt8(ascii: "f"): return byte - UInt8(ascii: "a") + 10
            case UInt8(ascii: "A")...UInt8(ascii: "F"): return byte - UInt8(ascii: "A") + 10
            default: return nil
            }
        }

        /// Steps over the multi-byte UTF-8 sequence at the cursor, checking it is well-formed
        /// (Unicode table 3-7: no overlongs, no surrogates, nothing above U+10FFFF).
        private mutating func skipUTF8Sequence() throws(JSONParseError) {
            let length: Int
            let second: ClosedRange<UInt8>
            switch self.bytes[self.index] {
            case 0xC2...0xDF: (length, second) = (2, 0x80...0xBF)
            case 0xE0: (length, second) = (3, 0xA0...0xBF)
            case 0xE1...0xEC, 0xEE...0xEF: (length, second) = (3, 0x80...0xBF)
            case 0xED: (length, second) = (3, 0x80...0x9F)
            case 0xF0: (length, second) = (4, 0x90...0xBF)
            case 0xF1...0xF3: (length, second) = (4, 0x80...0xBF)
            case 0xF4: (length, second) = (4, 0x80...0x8F)
            default: throw self.error(.invalidUTF8)
            }
            for position in 1..<length {
                guard let byte = self.peek(position) else {
                    throw self.endOfInput(expected: "the rest of a UTF-8 sequence")
                }
                guard (position == 1 ? second : 0x80...0xBF).contains(byte) else { throw self.error(.invalidUTF8) }
            }
            self.index += length
        }

        // MARK: Cursor and errors

        /// The byte `ahead` bytes past the cursor, or `nil` past the end.
        private func peek(_ ahead: Int = 0) -> UInt8? {
            self.index + ahead < self.bytes.count ? self.bytes[self.index + ahead] : nil
        }

        private mutating func skipWhitespace() {
            while let byte = self.peek(), byte == 0x20 || byte == 0x09 || byte == 0x0A || byte == 0x0D {
                self.index += 1
            }
        }

        /// The error for whatever stands at the cursor where `expected` should be: the end of
        /// the input, the character there, or invalid UTF-8.
        private func unexpected(expected: String) -> JSONParseError {
            guard self.index < self.bytes.count else { return self.endOfInput(expected: expected) }
            var decoder = UTF8()
            var rest = self.bytes[self.index...].makeIterator()
            guard case .scalarValue(let scalar) = decoder.decode(&rest) else { return self.error(.invalidUTF8) }
            return self.error(.unexpectedCharacter(scalar), expected: expected)
        }

        /// The input ended where `expected` should have followed; the offset is its length.
        private func endOfInput(expected: String) -> JSONParseError {
            self.error(.unexpectedEndOfInput, at: self.bytes.count, expected: expected)
        }

        private func error(
            _ reason: JSONParseError.Reason, at offset: Int? = nil, expected: String? = nil
        ) -> JSONParseError {
            JSONParseError(reason, at: offset ?? self.index, in: self.bytes, expected: expected)
        }
    }
}
