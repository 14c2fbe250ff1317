import Foundation
@testable import Extraction
import Testing

/// `NameText`'s byte readings give what reading the name's characters gives.
struct NameTextTests {
    /// Spaces next to combining marks and joiners are where Foundation, `Character`s and bytes
    /// disagree; `hasSpace` answers as Foundation's search does.
    @Test(arguments: [
        "", "Glocer", "Tom Glocer", "Ojea Quintana", " \u{301}", "a \u{301}b", "a\u{301} b", "\u{A0}", "a\u{2009}b", " \u{200D}",
        "\u{1F468} \u{200D}\u{1F469}", "e\u{301} \u{20DD}x", "Tomás", "Tomás Ojea",
    ])
    func hasSpaceIsFoundationsSearch(_ text: String) {
        #expect(NameText.hasSpace(text) == text.contains(" "))
    }

    @Test(arguments: [
        ("Truss’s", 2), ("Truss's", 2), ("EU’S", 2), ("Tomás`s", 2), ("é's", 2), ("'s", nil), ("s", nil), ("", nil), ("Truss", nil),
        ("Jones’", nil), ("Paris", nil), ("Truss’s\u{301}", nil), ("Gomes", nil),
    ] as [(String, Int?)])
    func possessiveSuffixNeedsANameBeforeIt(_ text: String, _ expected: Int?) {
        #expect(NameText.possessiveSuffix(text) == expected)
    }

    @Test(arguments: ["", " ", "Tom Glocer", "  ojea  quintana ", "a\r\n b", "tomás ojea", " \u{301}a b", "kim jong-un’s"])
    func spaceSeparatedIsSplittingAtSpaces(_ text: String) {
        #expect(NameText.spaceSeparated(text) == text.split(separator: " "))
    }

    @Test(arguments: [
        "SoftBank", "WeWork", "McDonald", "MacArthur", "DeSantis", "LeBron", "O'Neill", "iPhone", "NASA", "Abc", "AbCd", "A1Bc", "StJohn",
        "VanDyke", "ABCd", "AbcD", "Ab-Cd", "A\r\nBcD", "ÉcoleNorm", "GómezTech", "O’Neill",
    ])
    func innerCapitalOnBytesIsInnerCapitalByCharacter(_ word: String) {
        #expect(NameText.hasInnerCapital(word) == NameText.hasInnerCapitalByCharacter(word))
    }
}
