import Foundation

/// The matching form of text: what two spellings of the same words have in common.
///
/// Display text keeps its accents and typography; rules compare folded text, so that
/// "Tomás" matches "Tomas", "People`s" matches "People's" and "HOME" matches "home".
public enum TextFolding {
    /// Characters scraped text uses for an apostrophe.
    static let apostrophes: Set<Character> = ["'", "\u{2019}", "`", "\u{00B4}", "\u{02BC}", "\u{2018}"]

    /// Letters that are not a base letter plus an accent, so diacritic folding leaves them:
    /// "Đà Nẵng" must still match "Da Nang", "Łukasz" "Lukasz".
    private static let letters: [Character: Character] = [
        "đ": "d", "Đ": "D", "ł": "l", "Ł": "L", "ø": "o", "Ø": "O", "ı": "i", "ħ": "h", "Ħ": "H", "ŧ": "t", "Ŧ": "T",
    ]

    /// What folding trims from both ends, built once: a union per call showed in search profiles.
    private static let trimmed = CharacterSet.whitespaces.union(CharacterSet(charactersIn: ":."))

    /// Lower case, accents removed, every apostrophe variant as `'`, surrounding spaces and
    /// trailing `:` or `.` trimmed.
    ///
    /// ```swift
    /// TextFolding.fold("  Tomás OJEA`s Notes:")   // "tomas ojea's notes"
    /// ```
    public static func fold<S: StringProtocol>(_ text: S) -> String {
        // Most text is ASCII: fold it byte by byte. Foundation's folding, which handles
        // accents, costs microseconds a call and rules fold every word.
        if text.utf8.allSatisfy({ $0 < 0x80 }) {
            var bytes = text.utf8.map { $0 == UInt8(ascii: "`") ? UInt8(ascii: "'") : ($0 &- 65 < 26 ? $0 | 0x20 : $0) }[...]
            let trimmed: (UInt8) -> Bool = { $0 == 0x20 || $0 == 0x09 || $0 == UInt8(ascii: ":") || $0 == UInt8(ascii: ".") }
            while let first = bytes.first, trimmed(first) { bytes = bytes.dropFirst() }
            while let last = bytes.last, trimmed(last) { bytes = bytes.dropLast() }
            return String(decoding: bytes, as: UTF8.self)
        }
        let unified = String(text.map { self.apostrophes.contains($0) ? "'" : self.letters[$0] ?? $0 })
        let folded = unified.folding(options: [.diacriticInsensitive, .caseInsensitive], locale: nil)
        return folded.trimmingCharacters(in: Self.trimmed)
    }
}

extension TextFolding {
    /// The folded words of a text, for matching queries against it.
    public static func words(of text: String) -> [String] {
        TextWord.scan(text).map(\.folded)
    }
}
