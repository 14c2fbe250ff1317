import Foundation
import TestSupport

/// A news article to `POST /v1/documents`, recognisable after a restart: its title and one
/// sentence of its body carry a tag unique to the write.
///
/// The text reads like a wire story (dateline, paragraphs, a quote) so that the server ingests
/// it as it would a real one. A JSON article names its id, title and published date; a plain
/// text one starts with its headline and leaves the id to the server (`doc-N`).
///
/// ```swift
/// var random = SplitMix64(seed: 7)
/// let article = ArticleFixture(tag: "c3-n7", encoding: .json, random: &random)
/// let response = try session.send(article.request)  // 201, Location: /v1/documents/c3-n7
/// ```
struct ArticleFixture: Sendable, Hashable {
    /// How the article is sent.
    enum Encoding: Sendable, Hashable {
        /// `application/json` with `id`, `title`, `published` and `text`.
        case json
        /// `text/plain`: the headline line, a blank line, then the story.
        case plainText
    }

    /// The id the client chose; `nil` for plain text, whose id the server picks.
    let id: String?
    /// The title the stored document must have.
    let title: String
    /// The story: dateline, paragraphs and quote, without the headline.
    let story: String
    /// A sentence of the story that the stored document's text must contain.
    let signature: String
    /// How it is sent.
    let encoding: Encoding

    /// Makes an article.
    ///
    /// - Parameters:
    ///   - tag: unique to this write, from `A-Z a-z 0-9 -`; a JSON article's id.
    ///   - encoding: how it is sent.
    ///   - random: picks the place, people and filler paragraphs.
    init(tag: String, encoding: Encoding, random: inout SplitMix64) {
        let city = Self.cities.randomElement(using: &random)!
        let topic = Self.topics.randomElement(using: &random)!
        let speaker = Self.speakers.randomElement(using: &random)!
        self.id = encoding == .json ? tag : nil
        self.encoding = encoding
        self.title = "\(topic.headline) in \(city), filing \(tag)"
        self.signature = "The filing \(tag) was logged by the \(city) desk on the record."
        var paragraphs = ["\(city.uppercased()) (\(Self.agencies.randomElement(using: &random)!)) - \(self.signature) \(topic.lead)"]
        for _ in 0..<Int.random(in: 2...5, using: &random) {
            paragraphs.append(Self.fillers.shuffled(using: &random).prefix(3).joined(separator: " "))
        }
        paragraphs.append("\"\(topic.quote),\" said \(speaker).")
        self.story = paragraphs.joined(separator: "\n\n")
    }

    /// The whole `POST /v1/documents` request.
    var request: String {
        switch self.encoding {
        case .plainText:
            return RawRequest.make(
                "POST", "/v1/documents", headers: [("Content-Type", "text/plain; charset=utf-8")], body: self.title + "\n\n" + self.story)
        case .json:
            let members = ["id": self.id!, "title": self.title, "published": "2024-05-17", "text": self.story]
            let body = try! JSONSerialization.data(withJSONObject: members, options: [.sortedKeys])
            return RawRequest.make(
                "POST", "/v1/documents", headers: [("Content-Type", "application/json")], body: String(decoding: body, as: UTF8.self))
        }
    }

    private static let cities = ["Lisbon", "Nairobi", "Oslo", "Quito", "Hanoi", "Tunis", "Riga", "Perth"]
    private static let agencies = ["Reuters", "AFP", "AP", "dpa"]
    private static let speakers = [
        "Maria Costa, the harbour authority's spokeswoman", "Daniel Okafor, a senior economist at the central bank",
        "Ingrid Solberg, the city's mayor", "Tran Van Minh, a ministry official",
    ]
    private static let topics: [(headline: String, lead: String, quote: String)] = [
        ("Harbour board approves expansion plan", "The board voted to widen the container terminal by 2027.",
         "This gives the port room to grow for a generation"),
        ("Central bank holds interest rates", "Policymakers kept the benchmark rate unchanged for a third meeting.",
         "Inflation is easing, but we are not there yet"),
        ("Council delays vote on transit fares", "Members asked for a new study of the fare changes.",
         "We owe riders a decision based on evidence"),
        ("Flood defences to get new funding", "The ministry pledged fresh money for river barriers.",
         "Every season we wait is a season of risk"),
    ]
    private static let fillers = [
        "Officials said the measure had been discussed for more than a year.",
        "Opposition members criticised the timing of the announcement.",
        "The decision follows months of consultation with local businesses.",
        "Analysts expect the plan to cost several hundred million dollars.",
        "Residents gathered outside the building as the meeting began.",
        "A final report is due before the end of the next quarter.",
        "Trade groups welcomed the move but asked for clearer timelines.",
        "The agency did not respond to a request for further comment.",
    ]
}
