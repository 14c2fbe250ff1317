@testable import Corpus
import Testing
import TestSupport

/// `TermDictionary` against a brute-force reference: terms numbered in the order they first
/// occur, every folded form once with its term's number, whatever the mix of words repeated,
/// folding to one form ("Café", "cafe") or stemming to one term ("floods", "flooded").
struct TermDictionaryTests {
    private static let words = [
        "flood", "floods", "flooded", "Flooding", "café", "Cafe", "CAFE", "policy", "policies", "plan", "planned", "planning", "news",
        "Đà", "nang", "42", "x9", "houses", "housing", String(repeating: "long", count: 20),
    ]

    @Test(arguments: [1, 2, 3] as [UInt64])
    func numbersTermsInOrderOfFirstOccurrence(seed: UInt64) {
        var random = SplitMix64(seed: seed)
        let text = (0..<400).map { _ in Self.words.randomElement(using: &random)! }.joined(separator: " ")
        var dictionary = TermDictionary()
        var numbers: [Int] = []
        SearchToken.forEachWord(in: text) { word, isASCII, _, _ in numbers.append(dictionary.number(of: word, isASCII: isASCII)) }

        var terms: [String] = []
        var forms: [String: Int] = [:]
        var expected: [Int] = []
        for token in SearchToken.scan(text) {
            if !terms.contains(token.term) { terms.append(token.term) }
            let number = terms.firstIndex(of: token.term)!
            forms[token.folded] = number
            expected.append(number)
        }
        #expect(numbers == expected)
        #expect(dictionary.terms == terms)
        #expect(terms.indices.allSatisfy { dictionary.termNumbers.number(of: terms[$0]) == $0 })
        #expect(dictionary.termNumbers.number(of: "absent") == nil)
        #expect(dictionary.forms.map(\.form).sorted() == forms.keys.sorted())
        #expect(dictionary.forms.allSatisfy { forms[$0.form] == $0.number })
    }
}
