/// A page as the body-line classifier sees it (FEATURES.md §1): its non-blank lines, trimmed,
/// each with its raw measures, its block and whether it occurs more than once.
///
/// ```swift
/// let page = BodyLinePage(lines: BodyLinePage.split("Home\n\nStory text."))
/// page.lines.map(\.block)  // [0, 1]
/// ```
struct BodyLinePage: Sendable {
    /// One non-blank line.
    struct Line: Sendable {
        /// Its index among all the page's lines, blank ones included.
        let index: Int
        /// Its text without leading and trailing whitespace.
        let text: String
        /// Its block: lines between blank lines share one; numbered from 0.
        let block: Int
        /// What the line says about itself.
        let measures: BodyLineMeasures
        /// Whether another line of the page has exactly the same trimmed text.
        var isRepeated: Bool
    }

    /// The non-blank lines, in page order.
    let lines: [Line]

    /// Reads a page's lines.
    ///
    /// - Parameter lines: every line of the page, blank ones included, without line breaks.
    /// - Complexity: O(n) in the page's scalars (a hash map finds the repeated lines).
    init<S: StringProtocol>(lines: some Sequence<S>) {
        var kept: [Line] = []
        var block = 0
        var previousWasBlank = true
        for (index, line) in lines.enumerated() {
            let scalars = Self.scalars(of: line)
            guard let start = scalars.firstIndex(where: { !BodyLineCharacters.isSpace($0) }),
                let end = scalars.lastIndex(where: { !BodyLineCharacters.isSpace($0) })
            else {
                previousWasBlank = true
                continue
            }
            if previousWasBlank && !kept.isEmpty { block += 1 }
            previousWasBlank = false
            let trimmed = scalars[start...end]
            kept.append(Line(index: index, text: Self.string(trimmed), block: block, measures: BodyLineMeasures(trimmed), isRepeated: false))
        }
        var occurrences: [String: Int] = [:]
        occurrences.reserveCapacity(kept.count)
        for line in kept { occurrences[line.text, default: 0] += 1 }
        for position in kept.indices { kept[position].isRepeated = occurrences[kept[position].text, default: 0] > 1 }
        self.lines = kept
    }

    /// A line's scalars: an ASCII line's read off its bytes, one scalar a byte, which cost
    /// several times less than stepping through its scalar view.
    private static func scalars<S: StringProtocol>(of line: S) -> [Unicode.Scalar] {
        let ascii = line.utf8.withContiguousStorageIfAvailable { bytes -> [Unicode.Scalar]? in
            guard SimpleText.isASCII(bytes: bytes) else { return nil }
            return Array(unsafeUninitializedCapacity: bytes.count) { scalars, count in
                for (offset, byte) in bytes.enumerated() { scalars[offset] = Unicode.Scalar(byte) }
                count = bytes.count
            }
        }
        if let ascii = ascii ?? nil { return ascii }
        // Appended one by one into room for every byte: `Array(_:)` would walk the scalars
        // twice, once to count them.
        var scalars: [Unicode.Scalar] = []
        scalars.reserveCapacity(line.utf8.count)
        for scalar in line.unicodeScalars { scalars.append(scalar) }
        return scalars
    }

    /// The scalars as a string, encoded straight into its storage rather than appended one
    /// by one: no scalar takes more than four bytes.
    private static func string(_ scalars: ArraySlice<Unicode.Scalar>) -> String {
        String(unsafeUninitializedCapacity: scalars.count * 4) { bytes in
            var length = 0
            for scalar in scalars {
                if scalar.isASCII {
                    bytes[length] = UInt8(scalar.value)
                    length += 1
                } else {
                    UTF8.encode(scalar) { byte in
                        bytes[length] = byte
                        length += 1
                    }
                }
            }
            return length
        }
    }

    /// A text's lines as the specification cuts them: CR LF and lone CR become LF, and the
    /// text is split on LF (a trailing LF gives a last, empty line).
    ///
    /// Splits on scalars, not `Character`s, for which CR LF is a single one.
    static func split(_ text: String) -> [Substring] {
        var lines: [Substring] = []
        var start = text.unicodeScalars.startIndex
        var position = start
        while position < text.unicodeScalars.endIndex {
            let scalar = text.unicodeScalars[position]
            if scalar == "\n" || scalar == "\r" {
                lines.append(Substring(text.unicodeScalars[start..<position]))
                position = text.unicodeScalars.index(after: position)
                if scalar == "\r", position < text.unicodeScalars.endIndex, text.unicodeScalars[position] == "\n" {
                    position = text.unicodeScalars.index(after: position)
                }
                start = position
            } else {
                position = text.unicodeScalars.index(after: position)
            }
        }
        lines.append(Substring(text.unicodeScalars[start...]))
        return lines
    }
}
