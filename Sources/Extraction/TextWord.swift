import DocumentModel

/// A word of a paragraph: letters, digits, inner apostrophes and hyphens, with its folded form and
/// where it stands.
public struct TextWord: Sendable, Hashable {
    /// The word as written.
    public let text: String
    /// `TextFolding.fold(text)`.
    public let folded: String
    /// Its range in the paragraph's text.
    public let range: Range<String.Index>

    /// Whether it starts with a capital letter.
    public var isCapitalized: Bool { self.text.first?.isUppercase == true }

    /// Whether it is all capitals, with at least two letters, a possessive aside (`UN`, `OJEA`, `EU’s`).
    public var isAllCaps: Bool {
        // An ASCII word is read on its bytes, where the letters are A–Z and a–z.
        var letterCount = 0
        var lowerCount = 0
        var lastLetter: UInt8 = 0
        for byte in self.text.utf8 {
            guard byte < 0x80 else { return self.scalarsAreAllCaps }
            guard (byte | 0x20) >= UInt8(ascii: "a") && (byte | 0x20) <= UInt8(ascii: "z") else { continue }
            letterCount += 1
            if byte >= UInt8(ascii: "a") { lowerCount += 1 }
            lastLetter = byte
        }
        if lastLetter == UInt8(ascii: "s"), self.folded.hasSuffix("'s") {
            letterCount -= 1
            lowerCount -= 1
        }
        return letterCount >= 2 && lowerCount == 0
    }

    /// `isAllCaps` read on Unicode scalars and their properties.
    private var scalarsAreAllCaps: Bool {
        var letters = self.text.unicodeScalars.filter(\.properties.isAlphabetic)
        if letters.last == "s", self.folded.hasSuffix("'s") { letters.removeLast() }
        return letters.count >= 2 && letters.allSatisfy(\.properties.isUppercase)
    }

    /// The words of a text, scanned on scalars: `Character` iteration (grapheme breaking)
    /// made word scanning the costliest step of ingestion.
    ///
    /// - Complexity: O(*n*) in the text's length.
    public static func scan(_ text: String) -> [TextWord] {
        let scalars = text.unicodeScalars
        func isWordScalar(_ scalar: Unicode.Scalar) -> Bool {
            // The ASCII scalars that are Alphabetic are exactly A–Z and a–z: no property lookup.
            scalar.isASCII
                ? ((scalar.value | 0x20) >= 0x61 && (scalar.value | 0x20) <= 0x7A) || (scalar.value >= 0x30 && scalar.value <= 0x39)
                : (scalar.properties.isAlphabetic || scalar.properties.numericType != nil || scalar.properties.isDiacritic)
        }
        func isInnerMark(_ scalar: Unicode.Scalar) -> Bool {
            scalar == "'" || scalar == "\u{2019}" || scalar == "`" || scalar == "\u{00B4}" || scalar == "\u{02BC}" || scalar == "\u{2018}"
        }
        var words: [TextWord] = []
        var index = scalars.startIndex
        while index < scalars.endIndex {
            guard isWordScalar(scalars[index]) else {
                index = scalars.index(after: index)
                continue
            }
            let start = index
            while index < scalars.endIndex {
                let scalar = scalars[index]
                if isWordScalar(scalar) || isInnerMark(scalar) {
                    index = scalars.index(after: index)
                } else if scalar == "-", scalars.index(after: index) < scalars.endIndex, isWordScalar(scalars[scalars.index(after: index)]) {
                    index = scalars.index(after: index)  // "Jong-un", "Marchetti-Boyd": one word
                } else {
                    break
                }
            }
            let raw = String(text[start..<index])
            words.append(TextWord(text: raw, folded: ASCIIFolding.fold(raw), range: start..<index))
        }
        return words
    }
}
