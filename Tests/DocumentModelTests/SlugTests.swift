@testable import DocumentModel
import Foundation
import TestSupport
import Testing

/// `Slug.make(from:)`: accent folding, punctuation, length.
struct SlugTests {
    @Test(arguments: [
        ("Tomás's Café — Review!", "tomass-cafe-review"),
        ("Human Rights are key to progress in North Korea talks, says UN expert",
         "human-rights-are-key-to-progress-in-north-korea-talks-says-un-expert"),
        ("Democratic People’s Republic of Korea", "democratic-peoples-republic-of-korea"),
        ("  --Hello,   World!!  ", "hello-world"),
        ("2018: A Year in Review", "2018-a-year-in-review"),
        ("ÀÉÎÕÜ ñ ç Å", "aeiou-n-c-a"),
        ("Mr. Tomás OJEA QUINTANA", "mr-tomas-ojea-quintana"),
        ("e\u{0301}te\u{0301}", "ete"),
        ("UN/DPRK: talks (part 2)", "un-dprk-talks-part-2"),
        ("Seoul 北朝鮮 talks", "seoul-talks"),
        // Letters that are no base letter plus accent fold too.
        ("Bartłomiej Grzęślak", "bartlomiej-grzeslak"), ("Ayşegül Yıldırım", "aysegul-yildirim"), ("Đà Nẵng", "da-nang"),
        ("Øresund", "oresund"),
    ])
    func foldsAccentsAndPunctuation(_ title: String, _ slug: String) {
        #expect(Slug.make(from: title) == slug)
    }

    /// DESIGN.md: ` ´ ’ ʼ all mean an apostrophe, which a slug drops like `'`.
    @Test(arguments: ["People's", "People’s", "People`s", "People´s", "Peopleʼs"])
    func dropsEveryApostropheVariant(_ word: String) {
        #expect(Slug.make(from: word) == "peoples")
    }

    @Test(arguments: ["", "   ", "!!! — ???", "北朝鮮"])
    func titleWithoutASCIIWordsIsUntitled(_ title: String) {
        #expect(Slug.make(from: title) == "untitled")
    }

    @Test func longTitleIsCutAtWordBoundaryWithinMaxLength() {
        let title = (1...40).map { "word\($0)" }.joined(separator: " ")
        let full = (1...40).map { "word\($0)" }.joined(separator: "-")
        let slug = Slug.make(from: title)
        #expect(slug.count <= Slug.maxLength)
        #expect(full.hasPrefix(slug + "-"))
        let nextWord = full.dropFirst(slug.count + 1).prefix { $0 != "-" }
        #expect(slug.count + 1 + nextWord.count > Slug.maxLength, "the next word would have fitted")
    }

    @Test func slugOfExactlyMaxLengthIsKept() {
        let title = String(repeating: "a", count: 39) + " " + String(repeating: "b", count: 40)
        #expect(Slug.make(from: title).count == 80)
    }

    @Test func singleWordOverMaxLengthIsTruncated() {
        #expect(Slug.make(from: String(repeating: "x", count: 100)) == String(repeating: "x", count: 80))
    }

    @Test func slugUsesOnlyLowercaseASCIILettersDigitsAndSingleHyphens() {
        var generator = SplitMix64(seed: 7)
        let pieces = ["Café", "—", "ÉTÉ", "x", "42", "’s", "!", "  ", "北", "naïve", "-", "Ωmega", "ß"]
        for _ in 0..<300 {
            let title = (0..<Int.random(in: 0...30, using: &generator)).map { _ in
                pieces[Int.random(in: pieces.indices, using: &generator)]
            }.joined(separator: Bool.random(using: &generator) ? " " : "")
            let slug = Slug.make(from: title)
            #expect(slug.count <= Slug.maxLength)
            #expect(slug.allSatisfy { ("a"..."z").contains($0) || ("0"..."9").contains($0) || $0 == "-" }, "\(title) → \(slug)")
            #expect(!slug.hasPrefix("-") && !slug.hasSuffix("-") && !slug.contains("--"), "\(title) → \(slug)")
        }
    }

    /// The byte test that `make` reads words with keeps exactly the ASCII alphanumerics.
    @Test func asciiAlphanumericBytesAreCharacterSetAlphanumerics() {
        for value in UInt8(0)..<0x80 {
            #expect(Slug.isASCIIAlphanumeric(value) == CharacterSet.alphanumerics.contains(Unicode.Scalar(value)), "byte \(value)")
        }
    }
}
