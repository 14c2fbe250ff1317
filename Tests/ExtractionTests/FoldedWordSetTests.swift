@testable import Extraction
import Testing

/// `FoldedWordSet` answers as the `Set<String>` of its members does, masks or not.
struct FoldedWordSetTests {
    private static let asciiMembers: Set<String> = ["he", "himself", "of", "the", "k", "a"]
    private static let mixedMembers: Set<String> = ["café", "he", "naïve"]
    /// Members that characters outside ASCII are equal to (the Kelvin sign is `K`).
    private static let equivalentMembers: Set<String> = ["k", "K", ";", "`", "he"]

    /// Words of every kind a text holds: members, near misses of their length or first byte,
    /// capitals, non-ASCII letters, combining marks, the Kelvin sign that equals `K`, and none.
    private static let words = [
        "he", "himself", "she", "hi", "herself", "of", "off", "the", "The", "them", "k", "K", "\u{212A}", "a", "á", "a\u{301}", "",
        "café", "cafe\u{301}", "naïve", "nai\u{308}ve", "caf", "h\u{301}e", "\u{1F600}", String(repeating: "x", count: 70),
        ";", "\u{37E}", "`", "\u{1FEF}", "he\u{37E}",
    ]

    @Test(arguments: Self.words)
    func asciiMembersAnswerAsASet(_ word: String) {
        #expect(FoldedWordSet(Self.asciiMembers).contains(word) == Self.asciiMembers.contains(word))
    }

    @Test(arguments: Self.words)
    func nonASCIIMembersAnswerAsASet(_ word: String) {
        #expect(FoldedWordSet(Self.mixedMembers).contains(word) == Self.mixedMembers.contains(word))
    }

    @Test(arguments: Self.words)
    func membersOtherCharactersEqualAnswerAsASet(_ word: String) {
        #expect(FoldedWordSet(Self.equivalentMembers).contains(word) == Self.equivalentMembers.contains(word))
    }

    @Test func listedWordsAreMembers() {
        let pronouns: FoldedWordSet = ["he", "himself"]
        #expect(pronouns.contains("himself"))
        #expect(!pronouns.contains("said"))
        #expect(!FoldedWordSet([]).contains(""))
    }
}
