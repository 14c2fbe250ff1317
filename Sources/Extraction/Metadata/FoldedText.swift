/// Substring tests on folded text by its UTF-8 bytes: the metadata rules test each line
/// against a few dozen folded markers, and `String.contains` walks `Character`s.
///
/// ASCII text, which most lines are, is matched byte by byte, and so is text `SimpleText` can
/// search; other text falls back on `String.contains`, so the answer is the same either way.
enum FoldedText {
    /// Whether `text` contains `part`.
    static func contains(_ text: String, _ part: String) -> Bool {
        if let found = self.asciiContains(text, part) { return found }
        // Text beyond ASCII with an ASCII part, as curly quotes and dashes make most lines:
        // `SimpleText` searches it on bytes where that is `String.contains`, and falls back on it.
        guard !part.isEmpty, part.utf8.allSatisfy({ $0 < 0x80 }) else { return text.contains(part) }
        return SimpleText.contains(text, part)
    }

    /// Whether the ASCII `text` contains the ASCII `part`; `nil` when either is not ASCII.
    private static func asciiContains(_ text: String, _ part: String) -> Bool? {
        var text = text
        var part = part
        return text.withUTF8 { haystack in
            part.withUTF8 { needle -> Bool? in
                guard !haystack.contains(where: { $0 >= 0x80 }), !needle.contains(where: { $0 >= 0x80 }) else { return nil }
                guard !needle.isEmpty else { return nil }
                guard needle.count <= haystack.count else { return false }
                let first = needle[0]
                for start in 0...(haystack.count - needle.count) where haystack[start] == first {
                    var offset = 1
                    while offset < needle.count, haystack[start + offset] == needle[offset] { offset += 1 }
                    if offset == needle.count { return true }
                }
                return false
            }
        }
    }
}
