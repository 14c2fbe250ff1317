@testable import Corpus
import Testing
import TestSupport

/// `SearchToken.scan` reads a whole ASCII word that ends on ASCII punctuation or space in one
/// go: its tokens must be those the byte-by-byte path gives. With every separator replaced by
/// a no-break space (non-ASCII, one scalar, a separator too) no word qualifies for the fast
/// path, and the words and their offsets must not change.
///
/// An apostrophe before a separator reads the following byte (a possessive `'s` ends a word
/// only before a non-letter, and a non-ASCII byte counts as a letter there), so the texts
/// have apostrophes inside words only; `SearchTokenTests` covers possessives.
struct SearchTokenFastPathTests {
    /// Pieces of text that meet every other rule: capitals, digits, apostrophes joining a
    /// word, accents (precomposed and combining), and separators.
    private static let pieces = [
        "Korea", "korea", "NICKEL", "don't", "don’t", "O`Neill", "café", "Rene\u{301}e", "Đà", "42", "x9", "-", " ", " ", ",", ".", "!", "a",
        "B", "Ångberg",
    ]

    /// Separators the fast path stops on.
    private static let separators: Set<Character> = [" ", ",", ".", "-", "!"]

    @Test(arguments: [1, 2, 3] as [UInt64])
    func givesTheTokensOfTheByteByBytePath(seed: UInt64) {
        var random = SplitMix64(seed: seed)
        for _ in 0..<500 {
            let text = (0..<Int.random(in: 1...12, using: &random)).map { _ in Self.pieces.randomElement(using: &random)! }.joined()
            let slow = String(text.map { Self.separators.contains($0) ? "\u{00A0}" : $0 })
            #expect(SearchToken.scan(text) == SearchToken.scan(slow), "\(text)")
        }
    }
}
