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
    ///
    /// An ASCII byte followed by another (or by nothing) is a character of its own, read on
    /// its byte; only a word opening otherwise asks for its first `Character`.
    public var isCapitalized: Bool {
        var bytes = self.text.utf8.makeIterator()
        if let first = bytes.next(), first < 0x80, bytes.next().map({ $0 < 0x80 }) ?? true {
            return first >= UInt8(ascii: "A") && first <= UInt8(ascii: "Z")
        }
        return self.text.first?.isUppercase == true
    }

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

    /// The words of a text, scanned on its UTF-8 bytes, decoded to scalars only beyond ASCII:
    /// `Character` iteration (grapheme breaking) made word scanning the costliest step of
    /// ingestion, and stepping a `String.UnicodeScalarView` index still cost more than the
    /// rules that read the words.
    ///
    /// - Complexity: O(*n*) in the text's length.
    public static func scan(_ text: String) -> [TextWord] {
        var contiguous = text
        let utf8 = text.utf8
        return contiguous.withUTF8 { bytes in
            Self.wordSpans(bytes).map { span in
                let range = utf8.index(utf8.startIndex, offsetBy: span.lowerBound)..<utf8.index(utf8.startIndex, offsetBy: span.upperBound)
                let word = UnsafeBufferPointer(rebasing: bytes[span])
                let raw = String(decoding: word, as: UTF8.self)
                return TextWord(text: raw, folded: ASCIIFolding.foldASCII(word) ?? ASCIIFolding.fold(raw), range: range)
            }
        }
    }

    /// The byte ranges of the words: a word scalar starts a word, which goes on over word
    /// scalars and inner marks, and over a hyphen that a word scalar follows (`Jong-un`).
    private static func wordSpans(_ bytes: UnsafeBufferPointer<UInt8>) -> [Range<Int>] {
        func scalar(at position: Int) -> (scalar: Unicode.Scalar, length: Int) { UTF8Scalars.scalar(in: bytes, at: position) }
        var spans: [Range<Int>] = []
        var position = 0
        while position < bytes.count {
            let first = scalar(at: position)
            guard Self.isWordScalar(first.scalar) else {
                position += first.length
                continue
            }
            let start = position
            position += first.length
            while position < bytes.count {
                let next = scalar(at: position)
                if Self.isWordScalar(next.scalar) || Self.isInnerMark(next.scalar) {
                    position += next.length
                } else if next.scalar == "-", position + 1 < bytes.count, Self.isWordScalar(scalar(at: position + 1).scalar) {
                    position += 1  // "Jong-un", "Marchetti-Boyd": one word
                } else {
                    break
                }
            }
            spans.append(start..<position)
        }
        return spans
    }

    /// A letter, digit or diacritic: ASCII scalars that are Alphabetic are exactly A–Z and
    /// a–z, with no property lookup.
    private static func isWordScalar(_ scalar: Unicode.Scalar) -> Bool {
        scalar.isASCII
            ? ((scalar.value | 0x20) >= 0x61 && (scalar.value | 0x20) <= 0x7A) || (scalar.value >= 0x30 && scalar.value <= 0x39)
            : (scalar.properties.isAlphabetic || scalar.properties.numericType != nil || scalar.properties.isDiacritic)
    }

    /// An apostrophe inside a word (`O'Neill`, `Ojea’s`).
    private static func isInnerMark(_ scalar: Unicode.Scalar) -> Bool {
        scalar == "'" || scalar == "\u{2019}" || scalar == "`" || scalar == "\u{00B4}" || scalar == "\u{02BC}" || scalar == "\u{2018}"
    }
}
