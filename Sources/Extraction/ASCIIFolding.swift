import DocumentModel

/// `TextFolding.fold` for the ASCII text most lines and words are, written straight into the
/// new string: folding by mapping into an array first cost more than the rules that read the
/// folded text.
enum ASCIIFolding {
    /// `TextFolding.fold(text)`: an ASCII text in lower case, `` ` `` as `'`, without the spaces,
    /// tabs, `:` and `.` at its ends; any other text folded by `TextFolding`.
    static func fold<S: StringProtocol>(_ text: S) -> String {
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
