import DocumentModel
@testable import Extraction
import Testing

/// Speaker resolution does work linear in the text, counted, not timed.
struct QuoteExtractionComplexityTests {
    /// A surname no other surname begins with: `Kessa` and three letters from `number`.
    private func surname(_ number: Int) -> String {
        let letters = Array("abcdefghijklmnopqrstuvwxyz")
        return "Kessa" + String([letters[number / 676 % 26], letters[number / 26 % 26], letters[number % 26]])
    }

    /// A story of `people` paragraphs, each naming a person and quoting them by pronoun and by
    /// surname, with that person as an entity.
    private func story(people: Int) -> (texts: [String], entities: [Entity]) {
        var texts: [String] = []
        var entities: [Entity] = []
        for number in 0..<people {
            let surname = self.surname(number)
            let opening = "Ana \(surname) chairs committee \(number). “We meet at noon,” she said. “Bring the papers,” "
            texts.append(opening + "\(surname) said.")
            let fullLength = "Ana \(surname)".unicodeScalars.count
            let surnameStart = opening.unicodeScalars.count
            entities.append(Entity(
                id: "ana-" + surname.lowercased(), name: "Ana \(surname)", kind: .person, aliases: [surname],
                mentions: [
                    Entity.Mention(text: "Ana \(surname)", paragraph: number, start: 0, end: fullLength),
                    Entity.Mention(text: surname, paragraph: number, start: surnameStart, end: surnameStart + surname.unicodeScalars.count),
                ]))
        }
        return (texts, entities)
    }

    /// Doubling the quotations and mentions doubles the comparisons, give or take a little.
    @Test func resolutionWorkGrowsLinearly() throws {
        let small = self.story(people: 1000)
        let large = self.story(people: 2000)
        let smallWork = QuoteFixture.extraction(small.texts, entities: small.entities).comparisons
        let largeWork = QuoteFixture.extraction(large.texts, entities: large.entities).comparisons
        #expect(smallWork > 0)
        #expect(Double(largeWork) <= 2.1 * Double(smallWork), "\(smallWork) → \(largeWork)")
    }

    /// Many people who share a given name are indexed in work linear in their number: the
    /// given name alone then stands for none of them.
    @Test func sharedGivenNamesIndexLinearly() throws {
        func story(people: Int) -> (texts: [String], entities: [Entity]) {
            let story = self.story(people: people)
            return (story.texts + ["“We adjourn,” Ana said."], story.entities)
        }
        let small = story(people: 1000)
        let large = story(people: 2000)
        let smallRun = QuoteFixture.extraction(small.texts, entities: small.entities)
        let largeRun = QuoteFixture.extraction(large.texts, entities: large.entities)
        #expect(Double(largeRun.comparisons) <= 2.1 * Double(smallRun.comparisons), "\(smallRun.comparisons) → \(largeRun.comparisons)")
        #expect(largeRun.quotes.last?.speaker?.id == nil)
    }

    /// Every quotation of the long story is attributed to the person of its paragraph.
    @Test func longStoryIsAttributedThroughout() throws {
        let story = self.story(people: 300)
        let quotes = QuoteFixture.extraction(story.texts, entities: story.entities).quotes
        #expect(quotes.count == 600)
        #expect(quotes.allSatisfy { $0.speaker?.name == "Ana \(self.surname($0.paragraph))" })
    }
}
