import Foundation

/// The matching form of text: what two spellings of the same words have in common.
///
/// Display text keeps its accents and typography; rules compare folded text, so that
/// "Tomás" matches "Tomas", "People`s" matches "People's" and "HOME" matches "home".
public enum TextFolding {
    /// Characters scraped text uses for an apostrophe.
    public static let apostrophes: Set<Character> = ["'", "\u{2019}", "`", "\u{00B4}", "\u{02BC}", "\u{2018}"]

    /// Letters that are not a base letter plus an accent, so diacritic folding leaves them:
    /// "Đà Nẵng" must still match "Da Nang", "Łukasz" "Lukasz".
    private static let letters: [Character: Character] = [
        "đ": "d", "Đ": "D", "ł": "l", "Ł": "L", "ø": "o", "Ø": "O", "ǿ": "o", "Ǿ": "O", "ı": "i", "ħ": "h", "Ħ": "H", "ŧ": "t", "Ŧ": "T",
    ]

    /// `letters` and `apostrophes` by scalar, for text that Foundation folds: mapped as
    /// `Character`s, a letter followed by a combining mark would be one unknown `Character`.
    private static let scalarFolds: [Unicode.Scalar: Unicode.Scalar] = {
        var folds: [Unicode.Scalar: Unicode.Scalar] = [:]
        for (letter, base) in TextFolding.letters { folds[letter.unicodeScalars.first!] = base.unicodeScalars.first! }
        for apostrophe in TextFolding.apostrophes { folds[apostrophe.unicodeScalars.first!] = "'" }
        return folds
    }()

    /// The folded form of each Latin-1 and Latin Extended letter (U+00C0–U+024F), computed
    /// once with Foundation: names like "Lucía" and "Søren" then fold without it.
    private static let latinFolds: [String] = (0xC0...0x24F).map { value in
        let character = Character(Unicode.Scalar(UInt32(value))!)
        let base = TextFolding.letters[character] ?? character
        return String(base).folding(options: [.diacriticInsensitive, .caseInsensitive], locale: nil)
    }

    /// What folding trims from both ends, built once: a union per call showed in search profiles.
    private static let trimmed = CharacterSet.whitespaces.union(CharacterSet(charactersIn: ":."))

    /// Lower case, accents removed, every apostrophe variant as `'`, surrounding spaces and
    /// trailing `:` or `.` trimmed.
    ///
    /// ```swift
    /// TextFolding.fold("  Tomás OJEA`s Notes:")   // "tomas ojea's notes"
    /// ```
    public static func fold(_ text: Substring) -> String {
        // Most text is ASCII, Latin letters (precomposed) and punctuation that folding leaves
        // alone (curly quotes, dashes): fold it byte by byte, over its contiguous UTF-8, with
        // the table. Foundation's folding costs microseconds a call and rules fold every word.
        var contiguous = text
        if let folded = contiguous.withUTF8(Self.foldingByTable) { return folded }
        // Foundation folds character by character (a base letter with its marks is one
        // `Character`): it gets only the characters the table cannot fold.
        var bytes: [UInt8] = []
        bytes.reserveCapacity(text.utf8.count)
        for character in text {
            let scalars = character.unicodeScalars
            if scalars.count == 1, let scalar = scalars.first, Self.foldsByTable(scalar) {
                Self.appendFolded(scalar, to: &bytes)
                continue
            }
            var unified = String.UnicodeScalarView()
            unified.append(contentsOf: scalars.map { Self.scalarFolds[$0] ?? $0 })
            bytes.append(contentsOf: String(unified).folding(options: [.diacriticInsensitive, .caseInsensitive], locale: nil).utf8)
        }
        var folded = Substring(String(decoding: bytes, as: UTF8.self)).unicodeScalars
        while let first = folded.first, Self.trimmed.contains(first) { folded.removeFirst() }
        while let last = folded.last, Self.trimmed.contains(last) { folded.removeLast() }
        return String(folded)
    }

    /// Whether the table folds the scalar alone: ASCII, a Latin letter or punctuation that
    /// folding leaves as it is.
    private static func foldsByTable(_ scalar: Unicode.Scalar) -> Bool {
        scalar.isASCII || (0xC0...0x24F).contains(scalar.value) || self.isFoldInvariant(scalar)
    }

    /// Appends the folded UTF-8 of a scalar the table folds.
    private static func appendFolded(_ scalar: Unicode.Scalar, to bytes: inout [UInt8]) {
        if scalar.isASCII {
            bytes.append(Self.foldedASCII(UInt8(scalar.value)))
        } else if (0xC0...0x24F).contains(scalar.value) {
            bytes.append(contentsOf: self.latinFolds[Int(scalar.value) - 0xC0].utf8)
        } else {
            bytes.append(contentsOf: String(self.scalarFolds[scalar] ?? scalar).utf8)
        }
    }

    /// `fold` of a whole string.
    public static func fold(_ text: String) -> String {
        self.fold(text[...])
    }

    /// `fold` of any string type; `String` and `Substring` take the overloads above, which
    /// are compiled for them rather than through the protocol.
    public static func fold<S: StringProtocol>(_ text: S) -> String {
        self.fold(String(text))
    }

    /// The folded text when the table folds every scalar (`foldsByTable`); `nil` otherwise.
    private static func foldingByTable(_ bytes: UnsafeBufferPointer<UInt8>) -> String? {
        var folded: [UInt8] = []
        folded.reserveCapacity(bytes.count + 8)
        var position = 0
        while position < bytes.count {
            let lead = bytes[position]
            if lead < 0x80 {
                folded.append(Self.foldedASCII(lead))
                position += 1
                continue
            }
            // The table's scalars are two or three bytes long (U+00A1–U+024F, U+2010–U+2775).
            let length = lead >= 0xE0 ? 3 : 2
            guard lead >= 0xC2, lead < 0xF0, position + length <= bytes.count else { return nil }
            var value = UInt32(lead & (length == 2 ? 0x1F : 0x0F))
            for offset in 1..<length { value = value << 6 | UInt32(bytes[position + offset] & 0x3F) }
            guard let scalar = Unicode.Scalar(value), Self.foldsByTable(scalar) else { return nil }
            Self.appendFolded(scalar, to: &folded)
            position += length
        }
        return folded.withUnsafeBufferPointer { Self.trimmingASCII($0[...]) }
    }

    /// An ASCII byte in lower case, a backtick as `'`: how `fold` maps every ASCII byte.
    @inlinable
    public static func foldedASCII(_ byte: UInt8) -> UInt8 {
        byte == UInt8(ascii: "`") ? UInt8(ascii: "'") : (byte &- 65 < 26 ? byte | 0x20 : byte)
    }

    /// Whether Foundation's folding leaves the scalar as it is, whatever surrounds it, and
    /// trimming does not remove it: Latin-1 punctuation and signs (U+00A1–U+00BF, but the soft
    /// hyphen and the micro sign), General Punctuation (U+2010–U+2027, U+2030–U+205E), which
    /// holds the curly quotes and dashes of most scraped text, and the signs news text puts
    /// among its words: currency (U+20A0–U+20C0, `€`), arrows and mathematical operators
    /// (U+2190–U+226D, but `≠` U+2260, which folds to `=`), box drawing, shapes and symbols
    /// (U+2500–U+2775: bullets, stars, check marks). A line with one of them once went to
    /// Foundation whole. Checked scalar by scalar against Foundation (`TextFoldingTests`); the
    /// apostrophes among them still become `'`.
    private static func isFoldInvariant(_ scalar: Unicode.Scalar) -> Bool {
        switch scalar.value {
        case 0xAD, 0xB5, 0x2260: return false
        case 0xA1...0xBF, 0x2010...0x2027, 0x2030...0x205E, 0x20A0...0x20C0, 0x2190...0x226D, 0x2500...0x2775: return true
        default: return false
        }
    }

    /// Whether `fold` trims the ASCII byte from either end: a space, a tab, `:` or `.`.
    @inlinable
    public static func isTrimmedASCII(_ byte: UInt8) -> Bool {
        byte == 0x20 || byte == 0x09 || byte == UInt8(ascii: ":") || byte == UInt8(ascii: ".")
    }

    /// The bytes as a string, less leading and trailing spaces, tabs, `:` and `.`.
    private static func trimmingASCII(_ bytes: Slice<UnsafeBufferPointer<UInt8>>) -> String {
        String(decoding: UnsafeBufferPointer(rebasing: bytes[Self.trimmedRange(bytes)]), as: UTF8.self)
    }

    /// The range of the bytes left when leading and trailing spaces, tabs, `:` and `.` are
    /// trimmed (folding never turns a byte into one of those or out of them).
    private static func trimmedRange(_ bytes: Slice<UnsafeBufferPointer<UInt8>>) -> Range<Int> {
        var start = bytes.startIndex
        var end = bytes.endIndex
        while start < end, Self.isTrimmedASCII(bytes[start]) { start += 1 }
        while end > start, Self.isTrimmedASCII(bytes[end - 1]) { end -= 1 }
        return start..<end
    }
}
