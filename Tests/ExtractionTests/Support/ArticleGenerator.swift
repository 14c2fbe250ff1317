import DocumentModel
@testable import Extraction
import TestSupport

/// Deterministic pseudo-random inputs for ingestion robustness tests.
struct ArticleGenerator {
    private var generator: SplitMix64

    init(seed: UInt64) {
        self.generator = SplitMix64(seed: seed)
    }

    /// Arbitrary bytes, often not UTF-8, biased towards newlines and spaces so that lines and
    /// paragraphs actually occur.
    mutating func bytes(maxCount: Int) -> [UInt8] {
        let interesting: [UInt8] = [0x0A, 0x0D, 0x20, 0x09, 0x2E, 0xC2, 0xA0, 0xE2, 0x80, 0xFF]
        return (0..<Int.random(in: 0...maxCount, using: &self.generator)).map { _ in
            Bool.random(using: &self.generator)
                ? interesting[Int.random(in: interesting.indices, using: &self.generator)]
                : UInt8.random(in: 0...255, using: &self.generator)
        }
    }

    /// Article-like text: words, odd spaces, punctuation, line endings and blank lines, and
    /// sometimes a metadata line.
    mutating func article(maxPieces: Int) -> String {
        let pieces = [
            "The", "council", "met", "Tomás", "Ojea", "Quintana", "DPRK", "’s", "said", "on", "Tuesday", "2018",
            ".", ",", "!", "?", ":", "“quoted”", "😀", "北朝鮮", "e\u{301}", " ", " ", "\u{00A0}", "\t", "\u{3000}",
            "\n", "\n", "\r\n", "\r", "\n\n", "\n \n", "\u{2028}", "\u{85}", "\u{B}", "\u{C}", "date", "-",
        ]
        var text = ""
        if Int.random(in: 0..<4, using: &self.generator) == 0 { text += "date 2018-10-25 AFP, GENEVA\n" }
        for _ in 0..<Int.random(in: 0...maxPieces, using: &self.generator) {
            text += pieces[Int.random(in: pieces.indices, using: &self.generator)]
            if Bool.random(using: &self.generator) { text += " " }
        }
        return text
    }
}
