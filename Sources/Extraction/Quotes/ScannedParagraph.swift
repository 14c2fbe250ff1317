import DocumentModel

/// A paragraph as attribution rules read it: its scalars, and its words at scalar offsets.
///
/// Offsets are what quotations and mentions carry, so every rule works on integers and
/// never walks a `String` from its start to find a position.
///
/// ```swift
/// let scanned = ScannedParagraph(paragraph, words: TextWord.scan(paragraph.text))
/// scanned.words[0].start   // 0
/// ```
struct ScannedParagraph: Sendable {
    /// A word with its offsets in Unicode scalars.
    struct Word: Sendable, Hashable {
        /// The word as written.
        let text: String
        /// Its folded form.
        let folded: String
        /// First scalar.
        let start: Int
        /// One past its last scalar.
        let end: Int
        /// Whether it starts with a capital letter: kept from the scan (`TextWord.isCapitalized`),
        /// since rules ask it of the same words again and again.
        let isCapitalized: Bool
    }

    /// The paragraph's index in the document.
    let index: Int
    /// Its text as scalars.
    let scalars: [Unicode.Scalar]
    /// Its words in order.
    let words: [Word]

    /// Scans `paragraph`, given its words as `TextWord.scan` found them.
    ///
    /// - Complexity: O(*n*) in the paragraph's length: words are in order, so one walk over
    ///   the UTF-8 bytes decodes the scalars and turns every word's range into offsets, the
    ///   offset of a word being the number of scalars decoded before it.
    init(_ paragraph: Paragraph, words: [TextWord]) {
        var text = paragraph.text
        let utf8 = paragraph.text.utf8
        // Word ranges as byte offsets; the walk below is then over the bytes alone.
        let bounds = words.map { (utf8.distance(from: utf8.startIndex, to: $0.range.lowerBound), utf8.distance(from: utf8.startIndex, to: $0.range.upperBound)) }
        let (scalars, offsets) = text.withUTF8 { bytes in
            var offsets: [Word] = []
            offsets.reserveCapacity(words.count)
            // No text has more scalars than bytes: each is written straight into the array's
            // storage, as appending one by one cost more than decoding it.
            let scalars = [Unicode.Scalar](unsafeUninitializedCapacity: bytes.count) { buffer, count in
                var byte = 0
                func advance(to end: Int) -> Int {
                    while byte < end {
                        let (scalar, length) = UTF8Scalars.scalar(in: bytes, at: byte)
                        buffer.initializeElement(at: count, to: scalar)
                        count += 1
                        byte += length
                    }
                    return count
                }
                for (word, (lower, upper)) in zip(words, bounds) {
                    let start = advance(to: lower)
                    let end = advance(to: upper)
                    offsets.append(Word(text: word.text, folded: word.folded, start: start, end: end, isCapitalized: word.isCapitalized))
                }
                _ = advance(to: bytes.count)
            }
            return (scalars, offsets)
        }
        self.index = paragraph.index
        self.scalars = scalars
        self.words = offsets
    }

    /// The index of the first word that starts at or after `offset` (`words.count` if none).
    ///
    /// - Complexity: O(log *w*) in the number of words.
    func firstWord(atOrAfter offset: Int) -> Int {
        var low = 0
        var high = self.words.count
        while low < high {
            let middle = (low + high) / 2
            if self.words[middle].start < offset { low = middle + 1 } else { high = middle }
        }
        return low
    }

    /// The scalars between two offsets, clamped to the text.
    func scalars(from start: Int, to end: Int) -> ArraySlice<Unicode.Scalar> {
        let lower = max(0, min(start, self.scalars.count))
        return self.scalars[lower..<max(lower, min(end, self.scalars.count))]
    }

    /// The text between two offsets.
    ///
    /// The scalars are encoded as UTF-8 into one buffer: appending them to a string one by one
    /// goes through a generic iterator that costs several times more.
    func text(from start: Int, to end: Int) -> String {
        let scalars = self.scalars(from: start, to: end)
        var bytes: [UInt8] = []
        bytes.reserveCapacity(scalars.count)
        for scalar in scalars {
            UTF8.encode(scalar) { bytes.append($0) }
        }
        return String(decoding: bytes, as: UTF8.self)
    }
}
