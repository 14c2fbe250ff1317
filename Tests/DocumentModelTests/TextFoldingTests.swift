import Foundation
@testable import DocumentModel
import Testing

/// `TextFolding.fold`: one matching form for every spelling of a word.
struct TextFoldingTests {
    /// ASCII, Latin letters with accents (folded through a table), letters that are no base
    /// letter plus an accent, and other scripts (folded by Foundation) all lose case and accents;
    /// apostrophe variants become `'`; surrounding spaces and a trailing `:` or `.` go.
    @Test(arguments: [
        ("  HOME:", "home"), ("People`s", "people's"), ("Lucía Søren Ångberg", "lucia soren angberg"),
        ("ŁÓDŹ Đà Nẵng", "lodz da nang"), ("Bartłomiej GRZĘŚLAK", "bartlomiej grzeslak"), ("Ayşegül Yıldırım", "aysegul yildirim"),
        ("Москва", "москва"), ("Tomás’s notes.", "tomas's notes"), ("Œuvre Æsir", "œuvre æsir"),
    ])
    func foldsCaseAccentsAndApostrophes(_ text: String, _ folded: String) {
        #expect(TextFolding.fold(text) == folded)
    }

    /// Punctuation and signs folded without Foundation (curly quotes, dashes, Latin-1 signs,
    /// currency, arrows, operators, shapes) fold as Foundation folds them, in the middle of a
    /// word and at its end.
    @Test func invariantPunctuationFoldsAsFoundationDoes() {
        let signs = Array(0x20A0...0x20C0) + Array(0x2190...0x226D) + Array(0x2500...0x2775)
        for value in Array(0xA1...0xBF) + Array(0x2010...0x2027) + Array(0x2030...0x205E) + signs {
            let scalar = Unicode.Scalar(UInt32(value))!
            let text = "Élan\(scalar)Word \(scalar)"
            var unified = String.UnicodeScalarView()
            unified.append(contentsOf: text.unicodeScalars.map { TextFolding.apostrophes.contains(Character($0)) ? "'" : $0 })
            let expected = String(unified).folding(options: [.diacriticInsensitive, .caseInsensitive], locale: nil)
                .trimmingCharacters(in: CharacterSet.whitespaces.union(CharacterSet(charactersIn: ":.")))
            #expect(TextFolding.fold(text) == expected, "U+\(String(value, radix: 16, uppercase: true))")
        }
    }

    /// Text the table cannot fold whole (other scripts, signs, letters with marks) folds as
    /// Foundation folds the whole string, though Foundation now gets only its characters
    /// outside the table.
    @Test(arguments: [
        "  Prix: €3 ≈ 4 → 5, «Grüße»  ", "Ελληνικά ΟΔΟΣ ΣΟΦΊΑ.", "İSTANBUL Straße ǅemal", "Cafe\u{301} Malo\u{0308}:",
        "Москва — Lódź ’quoted’ \u{00A0}", "\u{2003}Ⅻ ﬁle Ａｂｃ ①\u{3000}", "日本語のテキスト。",
    ])
    func mixedTextFoldsAsFoundationFoldsItWhole(_ text: String) {
        var unified = String.UnicodeScalarView()
        unified.append(contentsOf: text.unicodeScalars.map { TextFolding.apostrophes.contains(Character($0)) ? "'" : $0 })
        let expected = String(unified).folding(options: [.diacriticInsensitive, .caseInsensitive], locale: nil)
            .trimmingCharacters(in: CharacterSet.whitespaces.union(CharacterSet(charactersIn: ":.")))
        #expect(TextFolding.fold(text) == expected)
        #expect(TextFolding.fold(text[...]) == expected)
    }

    /// A precomposed and a decomposed (NFD) spelling fold alike.
    @Test func precomposedAndDecomposedFoldAlike() {
        #expect(TextFolding.fold("Mal\u{00F6}") == TextFolding.fold("Malo\u{0308}"))
    }
}
