import Foundation

/// Byte-level matching for text whose every scalar is a `Character` of its own: ASCII and
/// the General Punctuation of scraped text (curly quotes, dashes, U+2010–U+205E).
///
/// Swift compares `String`s by `Character` (grapheme cluster, canonical equivalence), which
/// costs far more than comparing bytes. On such text, with an ASCII pattern, the two agree:
/// an ASCII byte of the pattern can only match an ASCII byte, a scalar there is a whole
/// `Character`, and no character of it is canonically equivalent to another. The rules call
/// these helpers, which answer byte by byte there and as Swift does anywhere else.
enum SimpleText {
    /// Whether every scalar of the text is ASCII or in U+2010–U+205E (none of which joins
    /// a neighbour into one `Character`, is a letter or a digit, or changes case).
    static func isSimple(_ text: some StringProtocol) -> Bool {
        if let isSimple = text.utf8.withContiguousStorageIfAvailable(Self.isSimple(bytes:)) { return isSimple }
        return Self.isSimple(bytes: Array(text.utf8))
    }

    /// `isSimple` of a text's UTF-8 bytes, read off a buffer: an iterator over a `Substring`'s
    /// bytes cost several times more.
    private static func isSimple(bytes: some RandomAccessCollection<UInt8>) -> Bool {
        var position = bytes.startIndex
        while position != bytes.endIndex {
            let byte = bytes[position]
            position = bytes.index(after: position)
            if byte < 0x80 { continue }
            // U+2010–U+203F is E2 80 90–BF; U+2040–U+205E is E2 81 80–9E.
            guard byte == 0xE2, bytes.distance(from: position, to: bytes.endIndex) >= 2 else { return false }
            let second = bytes[position]
            let third = bytes[bytes.index(after: position)]
            let isPunctuation = (second == 0x80 && (0x90...0xBF).contains(third)) || (second == 0x81 && (0x80...0x9E).contains(third))
            if !isPunctuation { return false }
            position = bytes.index(position, offsetBy: 2)
        }
        return true
    }

    /// Whether an ASCII pattern found byte by byte in the text is found there as `String`
    /// finds it: every scalar is ASCII or a letter, sign or punctuation of the Latin, Greek,
    /// Cyrillic or General Punctuation blocks, so that none joins a neighbour into one
    /// `Character` (no combining marks, joiners or prepended signs) and none is canonically
    /// equivalent to an ASCII character (U+037E, the Greek question mark, is left out).
    static func isSearchable(_ text: some StringProtocol) -> Bool {
        text.utf8.withContiguousStorageIfAvailable(Self.isSearchable(bytes:))
            ?? (self.isASCII(text) || text.unicodeScalars.allSatisfy(Self.isSearchable))
    }

    /// `isSearchable` of a text's UTF-8 bytes: runs of ASCII are skipped eight bytes at a
    /// time, and only the scalars beyond ASCII are decoded and tested.
    private static func isSearchable(bytes: UnsafeBufferPointer<UInt8>) -> Bool {
        guard let base = bytes.baseAddress else { return true }
        let raw = UnsafeRawPointer(base)
        var position = 0
        while position < bytes.count {
            if position + 8 <= bytes.count, raw.loadUnaligned(fromByteOffset: position, as: UInt64.self) & 0x8080_8080_8080_8080 == 0 {
                position += 8
                continue
            }
            let (scalar, length) = UTF8Scalars.scalar(in: bytes, at: position)
            guard self.isSearchable(scalar) else { return false }
            position += length
        }
        return true
    }

    /// Whether a scalar may be in searchable text (`isSearchable`): it never joins a neighbour
    /// into one `Character` and is canonically equivalent to no ASCII character.
    static func isSearchable(_ scalar: Unicode.Scalar) -> Bool {
        switch scalar.value {
        case 0...0x7F, 0xA0...0x24F, 0x370...0x37D, 0x37F...0x3FF, 0x400...0x482, 0x48A...0x4FF, 0x2010...0x205E, 0x20A0...0x20C0: return true
        default: return false
        }
    }

    /// Whether the text holds the ASCII pattern, as `String.contains` answers.
    static func contains(_ text: String, _ pattern: String) -> Bool {
        guard self.isSearchable(text) else { return text.contains(pattern) }
        return self.firstOffset(of: pattern, in: text) != nil
    }

    /// The last range of the ASCII pattern in the text, as the last of `ranges(of:)` is for
    /// a pattern that cannot overlap itself.
    static func lastRange(of pattern: String, in text: String) -> Range<String.Index>? {
        guard self.isSearchable(text) else { return text.ranges(of: pattern).last }
        var text = text
        let offset = text.withUTF8 { bytes -> Int? in
            var pattern = pattern
            return pattern.withUTF8 { needle -> Int? in
                guard needle.count <= bytes.count, !needle.isEmpty else { return nil }
                var start = bytes.count - needle.count
                while start >= 0 {
                    if bytes[start] == needle[0], memcmp(bytes.baseAddress! + start, needle.baseAddress!, needle.count) == 0 { return start }
                    start -= 1
                }
                return nil
            }
        }
        guard let offset else { return nil }
        let lower = text.utf8.index(text.startIndex, offsetBy: offset)
        return lower..<text.utf8.index(lower, offsetBy: pattern.utf8.count)
    }

    /// The byte offset of the first occurrence of the pattern's bytes in the text's.
    static func firstOffset(of pattern: String, in text: String) -> Int? {
        var text = text
        var pattern = pattern
        return text.withUTF8 { bytes in
            pattern.withUTF8 { needle in
                guard !needle.isEmpty else { return 0 }
                guard needle.count <= bytes.count, let base = bytes.baseAddress, let pattern = needle.baseAddress else { return nil }
                // `memchr` finds candidates by the pattern's second byte (its first is often a
                // space, which comes every few bytes), `memcmp` checks them.
                let probe = min(1, needle.count - 1)
                let last = bytes.count - needle.count
                var start = 0
                while start <= last {
                    guard let found = memchr(base + start + probe, Int32(needle[probe]), last - start + 1) else { return nil }
                    let offset = base.distance(to: found.assumingMemoryBound(to: UInt8.self)) - probe
                    if memcmp(base + offset, pattern, needle.count) == 0 { return offset }
                    start = offset + 1
                }
                return nil
            }
        }
    }

    /// The text with every U+2019 made `'` and every U+2026 `...`, as Foundation's
    /// `replacingOccurrences(of:with:)` makes them.
    static func plainApostrophesAndEllipses(_ text: String) -> String {
        // Searchable text has no mark to join either sign into a larger `Character`.
        guard self.isSearchable(text) else {
            return text.replacingOccurrences(of: "\u{2019}", with: "'").replacingOccurrences(of: "\u{2026}", with: "...")
        }
        let bytes = Array(text.utf8)
        var plain: [UInt8] = []
        plain.reserveCapacity(bytes.count + 8)
        var position = 0
        while position < bytes.count {
            // U+2019 is E2 80 99 and U+2026 E2 80 A6.
            if bytes[position] == 0xE2, bytes[position + 1] == 0x80, bytes[position + 2] == 0x99 || bytes[position + 2] == 0xA6 {
                plain.append(contentsOf: bytes[position + 2] == 0x99 ? [UInt8(ascii: "'")] : Array("...".utf8))
                position += 3
            } else {
                plain.append(bytes[position])
                position += 1
            }
        }
        return String(decoding: plain, as: UTF8.self)
    }

    /// The text in lower case, as `lowercased()` makes it: on simple text only ASCII letters
    /// have a case.
    static func lowercased(_ text: some StringProtocol) -> String {
        guard self.isSimple(text) else {
            // What `lowercased()` does, scalar by scalar (`appendLowercased`), read off the
            // text's buffer when it has one, where a scalar is decoded only past ASCII:
            // stepping through the scalar view cost more than lowering.
            var lower: [UInt8] = []
            lower.reserveCapacity(text.utf8.count)
            let lowered: Void? = text.utf8.withContiguousStorageIfAvailable { bytes in
                var position = 0
                while position < bytes.count {
                    let (scalar, length) = UTF8Scalars.scalar(in: bytes, at: position)
                    Self.appendLowercased(scalar, to: &lower)
                    position += length
                }
            }
            if lowered == nil {
                for scalar in text.unicodeScalars { Self.appendLowercased(scalar, to: &lower) }
            }
            return String(decoding: lower, as: UTF8.self)
        }
        // Written straight into the new string from the text's buffer when it has one.
        let lowered = text.utf8.withContiguousStorageIfAvailable { bytes in
            String(unsafeUninitializedCapacity: bytes.count) { buffer in
                for (offset, byte) in bytes.enumerated() { buffer[offset] = byte &- 65 < 26 ? byte | 0x20 : byte }
                return bytes.count
            }
        }
        return lowered ?? String(decoding: text.utf8.map { $0 &- 65 < 26 ? $0 | 0x20 : $0 }, as: UTF8.self)
    }

    /// Appends the UTF-8 of a scalar's lower case, as `lowercased()` writes it: ASCII kept
    /// out of the lookup, and a scalar whose lower case is itself (`changesWhenLowercased`)
    /// copied as it is, without making a string of its mapping.
    private static func appendLowercased(_ scalar: Unicode.Scalar, to lower: inout [UInt8]) {
        if scalar.isASCII {
            let byte = UInt8(scalar.value)
            lower.append(byte &- 65 < 26 ? byte | 0x20 : byte)
        } else if scalar.properties.changesWhenLowercased {
            lower.append(contentsOf: scalar.properties.lowercaseMapping.utf8)
        } else {
            UTF8.encode(scalar) { lower.append($0) }
        }
    }

    /// Words separated by `" "`, as `split(separator: " ").count` counts them, or `cap` when
    /// there are more: counted no further than the word past the cap, so that testing a long
    /// line for a few words reads only its start.
    static func wordCount(_ text: some StringProtocol, cappedAt cap: Int = .max) -> Int {
        if let count = text.utf8.withContiguousStorageIfAvailable({ Self.wordCount(bytes: $0, cappedAt: cap) }) ?? nil { return count }
        var count = 0
        var inWord = false
        for character in text {
            if character == " " {
                inWord = false
            } else if !inWord {
                inWord = true
                count += 1
                if count >= cap { return cap }
            }
        }
        return count
    }

    /// `wordCount` read on UTF-8 bytes while its scalars are searchable (`isSearchable`), where
    /// a space byte is a space `Character`; `nil` at the first scalar that is not.
    private static func wordCount(bytes: UnsafeBufferPointer<UInt8>, cappedAt cap: Int) -> Int? {
        var count = 0
        var inWord = false
        var position = 0
        while position < bytes.count {
            let lead = bytes[position]
            let (scalar, length) = UTF8Scalars.scalar(in: bytes, at: position)
            // A scalar beyond ASCII is decoded to see whether it may join a space.
            guard lead < 0x80 || self.isSearchable(scalar) else { return nil }
            if lead == 0x20 {
                inWord = false
            } else if !inWord {
                inWord = true
                count += 1
                if count >= cap { return cap }
            }
            position += length
        }
        return count
    }
}
