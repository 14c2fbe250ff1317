/// Substring tests on folded text by its UTF-8 bytes: the metadata rules test each line
/// against a few dozen folded markers, and `String.contains` walks `Character`s.
///
/// ASCII text, which most lines are, is matched byte by byte, and so is text `SimpleText` can
/// search; other text falls back on `String.contains`, so the answer is the same either way.
enum FoldedText {
    /// Whether `text` contains one of the parts, as `String.contains` answers for each: the
    /// text's bytes are searched for an ASCII part when the text is searchable
    /// (`SimpleText.isSearchable`), which is found once, not once per part.
    static func containsAny(_ text: String, _ parts: some Sequence<String>) -> Bool {
        let isSearchable = SimpleText.isSearchable(text)
        return parts.contains { part in
            guard !part.isEmpty, SimpleText.isASCII(part) else { return text.contains(part) }
            return isSearchable ? SimpleText.firstOffset(of: part, in: text) != nil : text.contains(part)
        }
    }
}
