/// The first stage of quote extraction: the stretches of text between quotation marks.
///
/// A quotation runs between an opening mark (`“`, `„`, `«`, `"`) and a closing one (`”`, `»`,
/// `"`). One left open at the end of a paragraph runs to its end, and when the next paragraph
/// opens with a mark, that piece continues it, as news copy writes a quotation over several
/// paragraphs. Blank stretches (`“ ”`) are not quotations.
///
/// ```swift
/// let spans = QuotationSpanFinder().spans(in: scannedParagraphs)
/// ```
struct QuotationSpanFinder: Sendable {
    private static let openers: Set<Unicode.Scalar> = ["\u{201C}", "\u{201E}", "\u{00AB}", "\""]
    private static let closers: Set<Unicode.Scalar> = ["\u{201D}", "\u{00BB}", "\""]
    /// What may stand before a mark that opens a whole quotation rather than a fragment.
    private static let sentenceOpeners: Set<Unicode.Scalar> = [".", "!", "?", ":", "\u{201D}", "\""]

    /// Every quotation piece of `paragraphs`, in reading order.
    ///
    /// - Parameter paragraphs: the paragraphs to search, in order.
    /// - Returns: the spans, each with its paragraph's position in `paragraphs` as `ordinal`.
    /// - Complexity: O(*n*) in the total length of the paragraphs.
    func spans(in paragraphs: [ScannedParagraph]) -> [QuotationSpan] {
        var spans: [QuotationSpan] = []
        var previousLeftOpen = false
        for (ordinal, paragraph) in paragraphs.enumerated() {
            let found = self.spans(in: paragraph, ordinal: ordinal, continuing: previousLeftOpen)
            previousLeftOpen = found.last.map { !$0.isClosed } ?? false
            spans.append(contentsOf: found)
        }
        return spans
    }

    private func spans(in paragraph: ScannedParagraph, ordinal: Int, continuing: Bool) -> [QuotationSpan] {
        let scalars = paragraph.scalars
        var spans: [QuotationSpan] = []
        var openedAt: Int?
        func add(open: Int, end: Int, closeEnd: Int, isClosed: Bool) {
            let start = open + 1
            guard scalars[start..<end].contains(where: { !$0.properties.isWhitespace }) else { return }
            spans.append(QuotationSpan(
                paragraph: paragraph.index, ordinal: ordinal, open: open, start: start, end: end, closeEnd: closeEnd,
                isClosed: isClosed, continuesPrevious: continuing && open == 0, isPartial: Self.isPartial(before: open, in: scalars)))
        }
        for (offset, scalar) in scalars.enumerated() {
            // Every mark is `"` or beyond ASCII: the rest of ASCII is passed without hashing it.
            guard !scalar.isASCII || scalar == "\"" else { continue }
            if let open = openedAt {
                if Self.closers.contains(scalar) {
                    add(open: open, end: offset, closeEnd: offset + 1, isClosed: true)
                    openedAt = nil
                }
            } else if Self.openers.contains(scalar) {
                openedAt = offset
            }
        }
        if let open = openedAt, open + 1 < scalars.count {
            add(open: open, end: scalars.count, closeEnd: scalars.count, isClosed: false)
        }
        return spans
    }

    /// Whether the mark at `open` follows a word rather than a sentence's start.
    private static func isPartial(before open: Int, in scalars: [Unicode.Scalar]) -> Bool {
        var index = open - 1
        while index >= 0, scalars[index] == " " { index -= 1 }
        return index >= 0 && !Self.sentenceOpeners.contains(scalars[index])
    }
}
