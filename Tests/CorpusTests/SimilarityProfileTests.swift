@testable import Corpus
import Testing

/// `SimilarityIndex.Profile.isLettersOnly`: the byte reading of ASCII words says what
/// reading characters says, for every ASCII byte and for words that are not ASCII.
struct SimilarityProfileTests {
    static func byCharacters(_ word: String) -> Bool {
        word.count >= 4 && word.allSatisfy(\.isLetter)
    }

    @Test func everyASCIIByteAgreesWithCharacterIsLetter() {
        for byte in UInt8(1)...0x7F {
            let word = "abc" + String(UnicodeScalar(byte))
            #expect(SimilarityIndex.Profile.isLettersOnly(word, atLeast: 4) == Self.byCharacters(word), "\(byte)")
        }
    }

    @Test(arguments: ["harbour", "abc", "ABCD", "a1bc", "café", "naïve", "e\u{301}tés", "東京大学", "don't", "", "abc😀"])
    func wordsAgree(_ word: String) {
        #expect(SimilarityIndex.Profile.isLettersOnly(word, atLeast: 4) == Self.byCharacters(word))
    }
}
