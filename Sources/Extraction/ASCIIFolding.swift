import DocumentModel

/// `TextFolding.fold` for the ASCII text most lines and words are, written straight into the
/// new string: folding by mapping into an array first cost more than the rules that read the
/// folded text.
enum ASCIIFolding {
    /// `TextFolding.fold(text)`: an ASCII text in lower case, `` ` `` as `'`, without the spaces,
    /// tabs, `:` and `.` at its ends; any other text folded by `TextFolding`.
    static func fold<S: StringProtocol>(_ text: S) -> String {
        // Read off the string's own buffer when it has one: stepping its view through
        // dropped and cut slices cost more than the folding.
        if let folded = text.utf8.withContiguousStorageIfAvailable(Self.foldASCII) { return folded ?? TextFolding.fold(text) }
        // One pass finds whether the text is ASCII and where its untrimmed part starts and ends.
        var count = 0
        var start = -1
        var end = 0
        for byte in text.utf8 {
            guard byte < 0x80 else { return TextFolding.fold(text) }
            count += 1
            if !TextFolding.isTrimmedASCII(byte) {
                if start < 0 { start = count - 1 }
                end = count
            }
        }
        guard start >= 0 else { return "" }
        return String(unsafeUninitializedCapacity: end - start) { buffer in
            var offset = 0
            for byte in text.utf8.dropFirst(start).prefix(end - start) {
                buffer[offset] = TextFolding.foldedASCII(byte)
                offset += 1
            }
            return offset
        }
    }
}

extension ASCIIFolding {
    /// `TextFolding.fold` of ASCII bytes, written straight into the new string; `nil` when a
    /// byte is beyond ASCII.
    static func foldASCII(_ bytes: UnsafeBufferPointer<UInt8>) -> String? {
        guard bytes.allSatisfy({ $0 < 0x80 }) else { return nil }
        var start = 0
        var end = bytes.count
        while start < end, TextFolding.isTrimmedASCII(bytes[start]) { start += 1 }
        while end > start, TextFolding.isTrimmedASCII(bytes[end - 1]) { end -= 1 }
        return String(unsafeUninitializedCapacity: end - start) { folded in
            for offset in 0..<(end - start) { folded[offset] = TextFolding.foldedASCII(bytes[start + offset]) }
            return end - start
        }
    }

    /// Whether `TextFolding.fold(text)` starts with one of the prefixes, as `hasPrefix` answers.
    ///
    /// Lines are tested against a few openers, and folding a whole paragraph to read its first
    /// words cost more than the test. When the text's start is ASCII up to the longest prefix
    /// and one byte more, only that start is folded: an ASCII byte folds to one byte on its
    /// own, and the trim at the text's end cannot reach the start when an ASCII byte it keeps
    /// (not a space, tab, `:` or `.`) stands after it. Any other text is folded whole.
    static func foldedHasPrefix(_ text: Substring, oneOf prefixes: [String]) -> Bool {
        let longest = prefixes.reduce(0) { max($0, $1.utf8.count) }
        if let start = Self.foldedHead(of: text, bytes: longest) {
            return SimpleText.hasPrefix(start, oneOf: prefixes)
        }
        let folded = TextFolding.fold(text)
        return SimpleText.hasPrefix(folded, oneOf: prefixes)
    }

    /// The first `count` bytes of `TextFolding.fold(text)` (all of it when shorter), when they
    /// can be read off an ASCII start of the text; `nil` when the whole text must be folded.
    ///
    /// A head of `count` bytes equals no folded entry shorter than that, and starts with each
    /// prefix of at most `count` bytes exactly when the whole folded text does.
    static func foldedHead(of text: Substring, bytes count: Int) -> String? {
        let utf8 = text.utf8
        var start = utf8.startIndex
        while start < utf8.endIndex, utf8[start] < 0x80, TextFolding.isTrimmedASCII(utf8[start]) { start = utf8.index(after: start) }
        let end = utf8.index(start, offsetBy: count, limitedBy: utf8.endIndex) ?? utf8.endIndex
        guard utf8[start..<end].allSatisfy({ $0 < 0x80 }) else { return nil }
        if end == utf8.endIndex {
            // The whole text is ASCII: trim its end as folding does.
            var last = end
            while last > start, TextFolding.isTrimmedASCII(utf8[utf8.index(before: last)]) { last = utf8.index(before: last) }
            return Self.lowered(utf8[start..<last])
        }
        // The byte after the start must not join it (a combining mark), and a byte that
        // folding keeps at the end must stand after it.
        guard utf8[end] < 0x80 else { return nil }
        var last = utf8.endIndex
        while last > end {
            let byte = utf8[utf8.index(before: last)]
            if byte < 0x80 && !TextFolding.isTrimmedASCII(byte) { return Self.lowered(utf8[start..<end]) }
            last = utf8.index(before: last)
        }
        return nil
    }

    /// ASCII bytes folded as `TextFolding.fold` folds each: written straight into the new
    /// string off the bytes' buffer, where decoding a lazy map of them took the slow path.
    private static func lowered(_ bytes: Substring.UTF8View.SubSequence) -> String {
        let folded = bytes.withContiguousStorageIfAvailable { buffer in
            String(unsafeUninitializedCapacity: buffer.count) { string in
                for (offset, byte) in buffer.enumerated() { string[offset] = TextFolding.foldedASCII(byte) }
                return buffer.count
            }
        }
        return folded ?? String(decoding: bytes.lazy.map(TextFolding.foldedASCII), as: UTF8.self)
    }
}
