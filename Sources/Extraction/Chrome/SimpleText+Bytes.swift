import Foundation

extension SimpleText {
    /// Whether every UTF-8 byte of the text is ASCII, as `text.utf8.allSatisfy { $0 < 0x80 }`
    /// answers: read off the text's buffer eight bytes at a time. The rules ask it of every
    /// line, and a `String`'s byte iterator cost several instructions a byte.
    static func isASCII(_ text: some StringProtocol) -> Bool {
        text.utf8.withContiguousStorageIfAvailable(Self.isASCII(bytes:)) ?? text.utf8.allSatisfy { $0 < 0x80 }
    }

    /// `isASCII` of a buffer of UTF-8 bytes.
    static func isASCII(bytes: UnsafeBufferPointer<UInt8>) -> Bool {
        guard let base = bytes.baseAddress else { return true }
        let raw = UnsafeRawPointer(base)
        var offset = 0
        while offset + 8 <= bytes.count {
            if raw.loadUnaligned(fromByteOffset: offset, as: UInt64.self) & 0x8080_8080_8080_8080 != 0 { return false }
            offset += 8
        }
        while offset < bytes.count {
            if bytes[offset] >= 0x80 { return false }
            offset += 1
        }
        return true
    }

    /// Whether the text's first `count` UTF-8 bytes (all of them when it has fewer) are ASCII:
    /// then so are its first `count` scalars.
    static func startsWithASCII(_ text: some StringProtocol, bytes count: Int) -> Bool {
        text.utf8.withContiguousStorageIfAvailable { Self.isASCII(bytes: UnsafeBufferPointer(rebasing: $0.prefix(count))) }
            ?? text.utf8.prefix(count).allSatisfy { $0 < 0x80 }
    }

    /// Whether the text's UTF-8 holds the byte, as `text.utf8.contains(byte)` answers: found
    /// with `memchr` off the text's buffer.
    static func contains(byte: UInt8, in text: some StringProtocol) -> Bool {
        let found = text.utf8.withContiguousStorageIfAvailable { bytes in
            bytes.baseAddress.map { memchr($0, Int32(byte), bytes.count) != nil } ?? false
        }
        return found ?? text.utf8.contains(byte)
    }

    /// Whether the text has an ASCII digit, as `text.utf8.contains { 0x30...0x39 }` answers,
    /// read off its buffer.
    static func containsASCIIDigit(_ text: some StringProtocol) -> Bool {
        let isDigit = { (byte: UInt8) in byte &- UInt8(ascii: "0") < 10 }
        return text.utf8.withContiguousStorageIfAvailable { $0.contains(where: isDigit) } ?? text.utf8.contains(where: isDigit)
    }
}

extension SimpleText {
    /// `text.trimmingCharacters(in: .whitespaces)`: spaces and tabs, the set's only ASCII
    /// members, are trimmed on bytes, and Foundation is asked only when an end reached is
    /// beyond ASCII. Most parts trimmed are short ASCII, and bridging them cost far more.
    static func trimmingWhitespaces<S: StringProtocol>(_ text: S) -> String where S.UTF8View: BidirectionalCollection {
        let utf8 = text.utf8
        let isSpace = { (byte: UInt8) in byte == UInt8(ascii: " ") || byte == UInt8(ascii: "\t") }
        var start = utf8.startIndex
        var end = utf8.endIndex
        while start < end, isSpace(utf8[start]) { start = utf8.index(after: start) }
        while end > start, isSpace(utf8[utf8.index(before: end)]) { end = utf8.index(before: end) }
        guard start == end || (utf8[start] < 0x80 && utf8[utf8.index(before: end)] < 0x80) else {
            return text.trimmingCharacters(in: .whitespaces)
        }
        return String(text[start..<end])
    }
}

extension SimpleText {
    /// Whether the text starts with one of the prefixes, as `String.hasPrefix` answers for
    /// each: compared byte by byte with each ASCII prefix when the text is searchable
    /// (`isSearchable`), where `hasPrefix` agrees with the bytes; other prefixes and texts are
    /// asked of `hasPrefix`. Lines are tested against a few dozen openers each.
    static func hasPrefix(_ text: String, oneOf prefixes: [String]) -> Bool {
        guard self.isSearchable(text) else { return prefixes.contains(where: text.hasPrefix) }
        let utf8 = text.utf8
        return prefixes.contains { prefix in
            guard self.isASCII(prefix) else { return text.hasPrefix(prefix) }
            return utf8.withContiguousStorageIfAvailable { $0.starts(with: prefix.utf8) } ?? utf8.starts(with: prefix.utf8)
        }
    }
}
