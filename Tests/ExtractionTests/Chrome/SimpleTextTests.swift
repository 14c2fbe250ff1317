import Foundation
import Testing

@testable import Extraction

/// `SimpleText`: byte-level answers that agree with `String`'s `Character`-level ones.
struct SimpleTextTests {
    /// Texts with ASCII, curly quotes, accents, currency, Greek and Cyrillic (searched byte by
    /// byte) and with combining marks (left to `String`).
    static let texts = [
        "Photo: Jane Doe. Credit: AP", "\u{201C}Sign up\u{201D} for the newsletter\u{2026} Don\u{2019}t", "Lucía Søren paid €3 — Ελλάδα, Москва. credit: X",
        "Cafe\u{301} credit:\u{301} x. y", "  spaced   words  ", "e\u{301}. \u{301}credit: me", "",
    ]

    /// Patterns as the chrome rules search them.
    static let patterns = ["credit:", ". ", "newsletter", "sign up", " credit: "]

    @Test(arguments: texts)
    func agreesWithString(_ text: String) {
        for pattern in Self.patterns {
            #expect(SimpleText.contains(text, pattern) == text.contains(pattern), "\(pattern)")
            #expect(SimpleText.lastRange(of: pattern, in: text) == text.ranges(of: pattern).last, "\(pattern)")
        }
        #expect(SimpleText.wordCount(text) == text.split(separator: " ").count)
        #expect(SimpleText.lowercased(text) == text.lowercased())
        #expect(
            SimpleText.plainApostrophesAndEllipses(text)
                == text.replacingOccurrences(of: "\u{2019}", with: "'").replacingOccurrences(of: "\u{2026}", with: "..."))
    }

    /// A combining mark makes text unsearchable; curly quotes and accented letters do not.
    @Test func searchableTextHasNoCombiningMarks() {
        #expect(SimpleText.isSearchable("Lucía \u{201C}quoted\u{201D} €3"))
        #expect(!SimpleText.isSearchable("Luci\u{301}a"))
        #expect(SimpleText.isSimple("\u{201C}quoted\u{201D} \u{2014} plain"))
        #expect(!SimpleText.isSimple("Lucía"))
    }
}
