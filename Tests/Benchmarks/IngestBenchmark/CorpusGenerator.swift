import Foundation
import TestSupport

/// Writes realistic news-like texts, deterministically from a seed: wire stories, press
/// releases with contacts, and scraped pages with navigation, over a vocabulary whose word
/// frequencies fall off like Zipf's law.
struct CorpusGenerator {
    private var random: SplitMix64

    init(seed: UInt64) {
        self.random = SplitMix64(seed: seed)
    }

    private static let first = ["Amina", "Jonas", "Priya", "Mateo", "Ingrid", "Kwame", "Lucía", "Hiroshi", "Olga", "Tariq", "Chloé", "Dmitri", "Nia", "Søren", "Mei", "Rafael"]
    private static let last = ["Okafor", "Lindqvist", "Raman", "Ferreira", "Haugen", "Mensah", "Ortega", "Tanaka", "Petrova", "Haddad", "Moreau", "Volkov", "Achieng", "Nørgaard", "Lin", "Duarte"]
    private static let places = ["GENEVA", "NAIROBI", "SEOUL", "BRUSSELS", "LIMA", "JAKARTA", "ACCRA", "OSLO", "HANOI", "QUITO", "TUNIS", "MANILA"]
    private static let agencies = ["Reuters", "AFP", "AP"]
    private static let topics = ["water", "ports", "schools", "elections", "fisheries", "rail", "vaccines", "housing", "forests", "power", "trade", "courts"]
    private static let months = ["January", "February", "March", "April", "May", "June", "July", "August", "September", "October", "November", "December"]
    private static let vocabulary = (
        "the of and to in a that for on with as by said at from its was will would has have been officials government new plan "
        + "year week ministry council report people city region country talks agreement budget public local national support "
        + "workers programme funding project measures policy data data-driven review decision court vote meeting crisis "
        + "reform network services community sector proposal growth cost risk supply demand market prices access rights"
    ).split(separator: " ").map(String.init)

    private mutating func pick<T>(_ items: [T]) -> T {
        items[Int(self.random.next() % UInt64(items.count))]
    }

    /// A word drawn with probability falling as 1/rank.
    private mutating func zipfWord() -> String {
        let harmonic = Double(Self.vocabulary.count)
        let target = Double(self.random.next() % 1_000_000) / 1_000_000 * log(harmonic + 1)
        return Self.vocabulary[min(Self.vocabulary.count - 1, Int(exp(target)) - 1)]
    }

    private mutating func sentence(words: Int) -> String {
        var parts = (0..<words).map { _ in self.zipfWord() }
        parts[0] = parts[0].prefix(1).uppercased() + parts[0].dropFirst()
        return parts.joined(separator: " ") + "."
    }

    private mutating func person() -> String { "\(self.pick(Self.first)) \(self.pick(Self.last))" }

    /// The next document's text.
    mutating func next() -> String {
        let place = self.pick(Self.places)
        let topic = self.pick(Self.topics)
        let speaker = self.person()
        let year = 2015 + Int(self.random.next() % 10)
        let month = self.pick(Self.months)
        let day = 1 + Int(self.random.next() % 28)
        let body = (0..<(4 + Int(self.random.next() % 6))).map { _ in
            (0..<(2 + Int(self.random.next() % 3))).map { _ in self.sentence(words: 8 + Int(self.random.next() % 14)) }.joined(separator: " ")
        }
        let quote = "“\(self.sentence(words: 12))” \(speaker) said on \(self.pick(["Monday", "Tuesday", "Friday"]))."
        switch self.random.next() % 3 {
        case 0:
            return """
                \(topic.capitalized) plan draws criticism in \(place.capitalized)

                By \(self.person())

                \(place), \(month.prefix(3)) \(day) (\(self.pick(Self.agencies))) - \(body[0])

                \(quote)

                \(body.dropFirst().joined(separator: "\n\n"))
                """
        case 1:
            return """
                Ministry of \(topic.capitalized) — Press Release

                FOR IMMEDIATE RELEASE

                \(day) \(month) \(year)

                New \(topic) measures announced for \(place.capitalized)

                \(body.joined(separator: "\n\n"))

                \(quote)

                ###

                Media contact

                In \(place.capitalized) (English): \(self.person()), +41 22 917 \(1000 + Int(self.random.next() % 9000)), press@ministry.example
                """
        default:
            return """
                Skip to main content

                Home
                World
                Subscribe

                \(topic.capitalized) talks resume after months of delay

                Published \(day) \(month) \(year)

                Share on Facebook
                Copy link

                \(body.joined(separator: "\n\n"))

                \(quote)

                Read more:
                \(self.sentence(words: 7))
                """
        }
    }
}
