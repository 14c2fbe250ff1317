import Corpus
import DocumentModel
import Extraction
import Foundation
import TestSupport

/// Writes realistic news-like stories, deterministically from a seed: wire stories with
/// datelines, press releases with contacts, features full of quotations and scraped web pages,
/// over a Zipf-distributed vocabulary of about 30,000 word forms, with people, places,
/// organisations, numbers and dates woven in.
///
/// ```swift
/// var generator = NewsCorpusGenerator(seed: 42)
/// let story = generator.next()          // NewsStory
/// let text = story.text                 // raw text for the Ingestor
/// let document = story.document         // or a Document built directly
/// ```
public struct NewsCorpusGenerator {
    /// The words stories are made of.
    public let vocabulary: Vocabulary
    /// The people, places, organisations and sources stories draw on.
    public let cast: Cast
    /// The shortest and longest body, in words (about: the last paragraph may run over; press
    /// releases keep some of it for their about section).
    public static let bodyWords = 150...800
    /// The shortest and longest headline, in words.
    public static let titleWords = 6...12
    /// The first and last publication years.
    public static let years = 2015...2025

    /// The random stream every choice is drawn from.
    private var random: SplitMix64
    /// Stories generated so far.
    private var count = 0

    /// Month names, for written dates.
    private static let months = ["January", "February", "March", "April", "May", "June", "July", "August", "September",
        "October", "November", "December"]
    /// Weekday names, for written dates.
    private static let weekdays = ["Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday"]
    /// What a quoted person does, before the organisation's name.
    private static let roles = ["a spokesperson for the", "the director of the", "chief economist at the",
        "a senior adviser to the", "the head of the", "a researcher at the", "the chair of the", "a board member of the"]
    /// How quotations are attributed.
    private static let attributions = ["said", "told reporters", "added", "warned", "said in a statement", "told Reuters"]

    /// Makes a generator; the same seed always gives the same stories in the same order.
    public init(seed: UInt64) {
        self.vocabulary = Vocabulary()
        self.cast = Cast(vocabulary: self.vocabulary, seed: seed)
        self.random = SplitMix64(seed: seed)
    }

    /// The next story; its id is `doc-` and its position, zero-padded to six digits.
    public mutating func next() -> NewsStory {
        let index = self.count
        self.count += 1
        let template: NewsStory.Template
        switch self.random.next() % 20 {
        case 0..<8: template = .wire
        case 8..<13: template = .pressRelease
        case 13..<17: template = .feature
        default: template = .webPage
        }
        var draft = StoryDraft(curlyQuotes: self.random.next() % 3 != 0)
        // The story's cast: a few people, organisations and cities, drawn with Zipf-like
        // frequencies so some names recur across the corpus.
        for _ in 0..<(1 + Int(self.random.next() % 4)) {
            draft.people.append(self.cast.people[self.random.zipfIndex(below: self.cast.people.count)])
        }
        for _ in 0..<(1 + Int(self.random.next() % 2)) {
            draft.organizations.append(self.cast.organizations[self.random.zipfIndex(below: self.cast.organizations.count)])
        }
        for _ in 0..<(1 + Int(self.random.next() % 3)) {
            draft.places.append(self.cast.places[self.random.zipfIndex(below: self.cast.places.count)].city)
        }
        let place = self.cast.places[self.random.zipfIndex(below: self.cast.places.count)]
        let published = self.publicationDate()
        let title = self.headline(draft)
        let targetWords = Self.bodyWords.lowerBound + Int(self.random.next() % UInt64(Self.bodyWords.count))

        var blocks: [NewsStory.Block] = []
        var standfirst: String?
        var byline: String?
        var issuer: String?
        var contacts: [Contact] = []
        let source: String
        switch template {
        case .wire:
            source = Cast.agencies[self.random.zipfIndex(below: Cast.agencies.count)]
            byline = self.reporter()
            blocks = self.body(&draft, words: targetWords, quoteEvery: 4)
            blocks.append(.init(section: .footer, text: "(Reporting by \(byline!); Editing by \(self.reporter()))", mentions: []))
        case .pressRelease:
            source = Cast.releaseWires[self.random.zipfIndex(below: Cast.releaseWires.count)]
            issuer = draft.organizations[0]
            let contact = self.contact(organization: draft.organizations[0], place: place)
            contacts = [contact]
            blocks = self.pressRelease(&draft, words: targetWords, contact: contact, place: place)
        case .feature, .webPage:
            source = Cast.agencies[self.random.zipfIndex(below: Cast.agencies.count)]
            byline = self.reporter()
            var summary = self.paragraph()
            self.sentence(into: &summary, &draft, words: 12 + Int(self.random.next() % 10))
            standfirst = summary.text
            blocks = self.body(&draft, words: targetWords, quoteEvery: 2)
        }
        return NewsStory(
            id: "doc-\(String(repeating: "0", count: max(0, 6 - String(index).count)))\(index)",
            template: template, kind: template == .pressRelease ? .pressRelease : .newsArticle, title: title,
            source: source, issuer: issuer, published: published, place: place, byline: byline, standfirst: standfirst,
            blocks: blocks, contacts: contacts)
    }

    // MARK: - Pieces

    /// A paragraph to write into, recording mentions with the cast's entity ids.
    private func paragraph() -> ParagraphWriter {
        ParagraphWriter(entityIDs: self.cast.entityIDs)
    }

    /// A press release's paragraphs: a lede announcing something, about `words` words of body,
    /// an about section on the issuing organisation (the draft's first), and the media contact.
    private mutating func pressRelease(_ draft: inout StoryDraft, words: Int, contact: Contact, place: Place) -> [NewsStory.Block] {
        let organization = draft.organizations[0]
        var lede = self.paragraph()
        lede.append("The ")
        lede.append(mention: organization, as: organization, kind: .organization)
        lede.append(" on \(self.pick(Self.weekdays)) announced ")
        self.sentence(into: &lede, &draft, words: 10 + Int(self.random.next() % 12), capitalized: false)
        let body = self.body(&draft, words: max(60, words - lede.wordCount - 45), quoteEvery: 5)
        var about = self.paragraph()
        about.append("About the ")
        about.append(mention: organization, as: organization, kind: .organization)
        var background = self.paragraph()
        background.append("The ")
        background.append(mention: organization, as: organization, kind: .organization)
        background.append(" is ")
        self.sentence(into: &background, &draft, words: 14 + Int(self.random.next() % 10), capitalized: false)
        background.append(" ")
        self.sentence(into: &background, &draft, words: 10 + Int(self.random.next() % 10))
        var contactLine = self.paragraph()
        contactLine.append(mention: contact.name, as: contact.name, kind: .person)
        contactLine.append(", ")
        contactLine.append(mention: place.city, as: place.city, kind: .location)
        contactLine.append(": \(contact.phones[0].written), \(contact.email!)")
        return [lede.block(.body)] + body + [about.block(.background), background.block(.background),
            .init(section: .contacts, text: "Media contact", mentions: []), contactLine.block(.contacts)]
    }

    /// A uniformly drawn element of `items`.
    private mutating func pick<T>(_ items: [T]) -> T {
        items[Int(self.random.next() % UInt64(items.count))]
    }

    /// Whether a one-in-`n` chance came up.
    private mutating func chance(_ n: UInt64) -> Bool {
        self.random.next() % n == 0
    }

    /// A day between the first of January of the first year and the last of December of the last.
    private mutating func publicationDate() -> CalendarDate {
        let year = Self.years.lowerBound + Int(self.random.next() % UInt64(Self.years.count))
        let month = 1 + Int(self.random.next() % 12)
        var day = 1 + Int(self.random.next() % 31)
        while true {
            if let date = CalendarDate(year: year, month: month, day: day) { return date }
            day -= 1
        }
    }

    /// A reporter's name: someone from the far end of the people pool, rarely in any story's cast.
    private mutating func reporter() -> String {
        self.cast.people[self.cast.people.count - 1 - Int(self.random.next() % 200)]
    }

    /// A sentence-case headline of 6–12 words naming a city, a person or a topic.
    private mutating func headline(_ draft: StoryDraft) -> String {
        let count = Self.titleWords.lowerBound + Int(self.random.next() % UInt64(Self.titleWords.count))
        var words = (0..<count).map { _ in self.vocabulary.contentWord(&self.random) }
        let slot = Int(self.random.next() % UInt64(count))
        switch self.random.next() % 3 {
        case 0: words[slot] = draft.places[0]
        case 1: words[slot] = String(draft.people[0].split(separator: " ").last!)
        default: words[slot] = self.pick(Cast.topics)
        }
        return capitalizingFirst(words.joined(separator: " "))
    }

    /// Body paragraphs of about `words` words in all; about one in `quoteEvery` (after the
    /// first) is a quotation.
    private mutating func body(_ draft: inout StoryDraft, words: Int, quoteEvery: UInt64) -> [NewsStory.Block] {
        var blocks: [NewsStory.Block] = []
        var written = 0
        while written < words {
            var paragraph = self.paragraph()
            if !blocks.isEmpty && self.chance(quoteEvery) {
                self.quotation(into: &paragraph, &draft)
            } else {
                for sentence in 0..<(2 + Int(self.random.next() % 4)) {
                    let remaining = words - written - paragraph.wordCount
                    guard remaining > 0 else { break }
                    if sentence > 0 { paragraph.append(" ") }
                    self.sentence(into: &paragraph, &draft, words: min(8 + Int(self.random.next() % 17), max(6, remaining)))
                }
            }
            written += paragraph.wordCount
            blocks.append(paragraph.block(.body))
        }
        return blocks
    }

    /// A paragraph quoting someone from the story's cast, with curly or straight quotation marks.
    private mutating func quotation(into paragraph: inout ParagraphWriter, _ draft: inout StoryDraft) {
        let speaker = self.pick(draft.people)
        let (open, close) = draft.curlyQuotes != self.chance(8) ? ("“", "”") : ("\"", "\"")
        let verb = self.pick(Self.attributions)
        let words = 8 + Int(self.random.next() % 16)
        switch self.random.next() % 5 {
        case 0:  // “…,” Okafor said.
            paragraph.append(open)
            self.sentence(into: &paragraph, &draft, words: words, ending: ",")
            paragraph.append("\(close) ")
            paragraph.append(person: speaker, &draft)
            paragraph.append(" \(verb).")
        case 1:  // Okafor said: “….”
            paragraph.append(person: speaker, &draft)
            paragraph.append(" \(verb): \(open)")
            self.sentence(into: &paragraph, &draft, words: words)
            paragraph.append(close)
        case 2:  // “…,” said Okafor, the head of the Ministry of Water.
            paragraph.append(open)
            self.sentence(into: &paragraph, &draft, words: words, ending: ",")
            paragraph.append("\(close) said ")
            paragraph.append(person: speaker, &draft)
            paragraph.append(", \(self.pick(Self.roles)) ")
            let organization = draft.organizations[0]
            paragraph.append(mention: organization, as: organization, kind: .organization)
            paragraph.append(".")
        case 3:  // Okafor described the plan as “a few words”. More.
            paragraph.append(person: speaker, &draft)
            paragraph.append(" described the plan as \(open)")
            paragraph.append((0..<(2 + Int(self.random.next() % 4))).map { _ in self.vocabulary.contentWord(&self.random) }.joined(separator: " "))
            paragraph.append("\(close). ")
            self.sentence(into: &paragraph, &draft, words: words)
        default:  // “…,” Okafor said. “…”
            paragraph.append(open)
            self.sentence(into: &paragraph, &draft, words: words, ending: ",")
            paragraph.append("\(close) ")
            paragraph.append(person: speaker, &draft)
            paragraph.append(" \(verb). \(open)")
            self.sentence(into: &paragraph, &draft, words: 6 + Int(self.random.next() % 10))
            paragraph.append(close)
        }
    }

    /// Writes a sentence of about `words` words ending in `ending`: mostly Zipf-drawn words,
    /// with names, places, organisations, numbers and dates mixed in.
    private mutating func sentence(
        into paragraph: inout ParagraphWriter, _ draft: inout StoryDraft, words: Int, capitalized: Bool = true, ending: String = "."
    ) {
        for position in 0..<words {
            if position > 0 {
                paragraph.append(position > 3 && position < words - 2 && self.chance(14) ? ", " : " ")
            }
            switch self.random.next() % 100 {
            case 0..<2:
                paragraph.append(person: self.pick(draft.people), &draft)
            case 2..<4:
                let city = self.pick(draft.places)
                paragraph.append(mention: city, as: city, kind: .location)
            case 4:
                let organization = self.pick(draft.organizations)
                paragraph.append(position == 0 && capitalized ? "The " : "the ")
                paragraph.append(mention: organization, as: organization, kind: .organization)
            case 5..<7:
                paragraph.append(self.number())
            case 7:
                let date = self.dateExpression()
                paragraph.append(position == 0 && capitalized ? capitalizingFirst(date) : date)
            default:
                let word = self.vocabulary.zipfWord(&self.random)
                paragraph.append(position == 0 && capitalized ? capitalizingFirst(word) : word)
            }
        }
        paragraph.append(ending)
    }

    /// A figure as news writes them: `4.2 percent`, `$310 million`, `1,250 people`, `17`.
    private mutating func number() -> String {
        let value = 1 + Int(self.random.next() % 999)
        switch self.random.next() % 5 {
        case 0: return "\(value / 10).\(value % 10) percent"
        case 1: return "$\(value) million"
        case 2: return "\(value),\(100 + Int(self.random.next() % 900)) people"
        case 3: return "€\(value / 10).\(value % 10) billion"
        default: return "\(value)"
        }
    }

    /// A date as news writes them: `on 14 March 2021`, `on Tuesday`, `in June`, `by 2030`.
    private mutating func dateExpression() -> String {
        let year = Self.years.lowerBound + Int(self.random.next() % UInt64(Self.years.count + 5))
        switch self.random.next() % 4 {
        case 0: return "on \(1 + Int(self.random.next() % 28)) \(self.pick(Self.months)) \(year)"
        case 1: return "on \(self.pick(Self.weekdays))"
        case 2: return "in \(self.pick(Self.months))"
        default: return "by \(year)"
        }
    }

    /// A press officer at `organization`, reachable by phone and e-mail.
    private mutating func contact(organization: String, place: Place) -> Contact {
        let name = self.reporter()
        let digits = (0..<3).map { _ in String(100 + Int(self.random.next() % 900)) }
        let written = "\(place.dialingCode) \(digits.joined(separator: " "))"
        let email = "press@\(slug(organization).replacingOccurrences(of: "-", with: "")).example"
        return Contact(name: name, city: place.city, languages: ["English"],
            phones: [PhoneNumber(written: written, e164: place.dialingCode + digits.joined())], email: email, isEmailRedacted: false)
    }
}

/// The names a story being written may mention, and what it has written so far.
struct StoryDraft {
    /// Whether its quotations use curly marks (most stories) or straight ones.
    let curlyQuotes: Bool
    /// People's full names.
    var people: [String] = []
    /// Organisations' names.
    var organizations: [String] = []
    /// Cities.
    var places: [String] = []
    /// The people already named in full (later mentions use the last name).
    var introducedPeople: Set<String> = []

    /// Makes an empty draft.
    init(curlyQuotes: Bool) {
        self.curlyQuotes = curlyQuotes
    }
}

/// A paragraph being written: its text, its length in Unicode scalars, and where it names whom.
struct ParagraphWriter {
    /// The text so far.
    private(set) var text = ""
    /// `text.unicodeScalars.count`, kept as text is appended.
    private var scalarCount = 0
    /// Words in `text`: space-separated runs starting with a letter, digit or non-ASCII character.
    private(set) var wordCount = 0
    /// Whether `text` ends inside a word.
    private var inWord = false
    /// The names mentioned so far.
    private var mentions: [NewsStory.NameMention] = []
    /// Entity ids by name (`Cast.entityIDs`).
    private let entityIDs: [String: String]

    /// Starts an empty paragraph whose mentions take their ids from `entityIDs`.
    init(entityIDs: [String: String]) {
        self.entityIDs = entityIDs
    }

    /// Appends plain text.
    mutating func append(_ piece: String) {
        self.text += piece
        self.scalarCount += piece.unicodeScalars.count
        for byte in piece.utf8 {
            if byte == UInt8(ascii: " ") {
                self.inWord = false
            } else if !self.inWord && (byte >= 0x80 || (byte | 0x20 >= UInt8(ascii: "a") && byte | 0x20 <= UInt8(ascii: "z"))
                || (byte >= UInt8(ascii: "0") && byte <= UInt8(ascii: "9")))
            {
                self.inWord = true
                self.wordCount += 1
            }
        }
    }

    /// Appends `written`, recording it as a mention of `name`.
    mutating func append(mention name: String, as written: String, kind: Entity.Kind) {
        let start = self.scalarCount
        self.append(written)
        self.mentions.append(.init(name: name, id: self.entityIDs[name] ?? slug(name), kind: kind, written: written, start: start, end: self.scalarCount))
    }

    /// Appends a person's full name the first time the story names them, the last name after.
    mutating func append(person: String, _ draft: inout StoryDraft) {
        let written = draft.introducedPeople.insert(person).inserted ? person : String(person.split(separator: " ").last!)
        self.append(mention: person, as: written, kind: .person)
    }

    /// The finished paragraph.
    func block(_ section: Section) -> NewsStory.Block {
        NewsStory.Block(section: section, text: self.text, mentions: self.mentions)
    }
}

extension SplitMix64 {
    /// An index below `count` drawn with probability about `1 / (index + 1)` (Zipf's law with
    /// exponent 1), by inverting `P(index < k) ≈ log(k + 1) / log(count + 1)`.
    public mutating func zipfIndex(below count: Int) -> Int {
        let uniform = Double(self.next() >> 11) / Double(1 << 53)
        return min(count - 1, Int(exp(uniform * log(Double(count) + 1))) - 1)
    }
}

/// `text` with its first character upper-cased.
func capitalizingFirst(_ text: String) -> String {
    guard let first = text.first else { return text }
    return first.uppercased() + text.dropFirst()
}

/// `Ministry of Foreign Affairs` → `ministry-of-foreign-affairs`: folded as `TextFolding` folds,
/// lower-case ASCII letters and digits, words joined by `-`, at most 80 characters.
func slug(_ text: String) -> String {
    let words = TextFolding.fold(text).replacingOccurrences(of: "'", with: "")
        .split(whereSeparator: { !($0.isASCII && ($0.isLetter || $0.isNumber)) })
    var result = ""
    for word in words {
        let candidate = result.isEmpty ? String(word) : result + "-" + word
        if candidate.count > 80 { break }
        result = candidate
    }
    return result
}
