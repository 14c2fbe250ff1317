@testable import Extraction
import Testing

/// Line shapes read on bytes give what reading the line's characters gives.
struct LineShapeTests {
    @Test(arguments: [
        "", "Port reopens", "  Port   reopens after strike ", "Tomás  Ojea’s notes", "e\u{301} a", "a \u{301}b c", "Zoë paid €4 → 5 ½",
        "Ελλάδα  Москва 日本 語",
    ])
    func wordCountIsTheNumberOfWords(_ line: String) {
        #expect(LineShape.words(line) == line.split(separator: " "))
        #expect(LineShape.words(line[...]) == line[...].split(separator: " "))
        let count = LineShape.words(line).count
        #expect(LineShape.wordCount(line) == count)
        #expect(LineShape.wordCount(line[...]) == count)
        for cap in 1...4 { #expect(LineShape.wordCount(line, cappedAt: cap) == min(cap, count)) }
    }

    @Test(arguments: [
        ("Nov 19", true), ("No date", false), ("Página ٣", true), ("Página tres", false), ("Zoë ran ½ mile", true), ("Ελλάδα — €", false),
    ])
    func hasNumberFindsDigitsOfAnyScript(_ line: String, _ expected: Bool) {
        #expect(LineShape.hasNumber(Substring(line)) == expected)
    }

    @Test(arguments: [
        ("Port reopens — after the strike.", "port reopens after the strike"),
        ("People`s “Choice”: 2019", "peoples choice 2019"),
        ("Tomás Ojea’s notes", "tomas ojeas notes"),
    ])
    func matchKeyKeepsLettersAndDigits(_ line: String, _ key: String) {
        #expect(LineShape.matchKey(line) == key)
    }

    @Test(arguments: [
        "", "Home Depot Stock Is Falling", "Port reopens after the strike.", "“Quoted” Headline — With Dashes", "A B C D",
        "Tomás Ojea Quintana Speaks", "MIXED case WORDS here", "word1234 Test-Case Done’s", "  spaced   out  Words ", "Ünited Stätes Again",
    ])
    func titleCaseOnBytesIsTitleCaseByCharacter(_ line: String) {
        #expect(LineShape.isTitleCase(line) == LineShape.isTitleCaseByCharacter(line))
    }

    /// The scalar-by-scalar key is the `Character`-by-`Character` key wherever it is taken:
    /// around every General Punctuation scalar, which stands alone as a `Character`.
    @Test func matchKeyOnScalarsIsTheCharacterKey() {
        for value in LineShape.generalPunctuation {
            let scalar = Character(Unicode.Scalar(value)!)
            let line = "it\(scalar)s 2019 \(scalar)a\(scalar)\r\nb\(scalar)"
            #expect(line.count == 16, "U+\(String(value, radix: 16)) joins a neighbour")
            #expect(LineShape.matchKey(folded: line) == LineShape.characterKey(line), "U+\(String(value, radix: 16))")
        }
        for line in ["don\u{2019}t \u{201C}stop\u{201D}", "a\u{301}b \u{2014} c", "caf\u{E9} \u{2013} 1", "x`y'z \u{2018}w"] {
            #expect(LineShape.matchKey(folded: line) == LineShape.characterKey(line))
        }
    }

    @Test(arguments: [
        ("about us", ["about"], true),
        ("about", ["about"], true),
        ("aboutus", ["about"], false),
        ("más about", ["más"], true),
        ("read", ["read more"], false),
    ])
    func startsWithWholeWords(_ folded: String, _ prefixes: [String], _ expected: Bool) {
        #expect(LineShape.startsWithAny(folded, prefixes) == expected)
    }

    @Test(arguments: [
        ("photo by jane doe", "photo by", true),
        ("photo: jane doe", "photo by", false),
        ("pr newswire", "newswire", true),
        ("cafe\u{301} press release", "press release", true),
        ("news", "newswire", false),
        ("zoë paid €4 to the newswire", "newswire", true),
    ])
    func foldedTextContainsParts(_ text: String, _ part: String, _ expected: Bool) {
        #expect(FoldedText.containsAny(text, [part]) == expected)
        #expect(FoldedText.containsAny(text, ["absent", part]) == expected)
        #expect(FoldedText.containsAny(text, [String]()) == false)
    }
}
