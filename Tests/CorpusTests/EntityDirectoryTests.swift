import Corpus
import DocumentModel
import Testing

/// `EntityDirectory` kept up to date per write against one merged from scratch the way the
/// directory was first written: the same entries, order and counts after every change.
struct EntityDirectoryTests {
    /// What a directory says, in one comparable list: every entry in ranking order with all
    /// it answers, then the ranking of each type.
    private static func description(of directory: EntityDirectory) -> [String] {
        let entries = directory.ranked().map { entry in
            let documents = entry.documents.map { "\($0.id)×\($0.mentions)" }.joined(separator: ",")
            let quotes = entry.quotes.map { "\($0.documentID)#\($0.position)" }.joined(separator: ",")
            let coOccurring = entry.coOccurring.map { "\($0.id)=\($0.sharedDocuments)" }.joined(separator: ",")
            return "\(entry.id)|\(entry.name)|\(entry.kind)|\(entry.aliases)|\(entry.mentionCount)|\(entry.documentCount)|\(documents)|\(quotes)|\(coOccurring)"
        }
        let kinds = [Entity.Kind.person, .organization, .location].map { kind in "\(kind.rawValue): " + directory.ranked(kind: kind).map(\.id).joined(separator: ",") }
        return entries + kinds + ["count \(directory.count)"]
    }

    /// The same description, computed by brute force from the documents.
    private static func reference(_ documents: [Document]) -> [String] {
        struct Merged {
            var name: String, kind: Entity.Kind, aliases: [String] = [], documents: [String] = [], mentions = 0, quotes: [String] = []
            var shared: [String: Int] = [:]
        }
        var merged: [String: Merged] = [:]
        for document in documents.sorted(by: { $0.id < $1.id }) {
            for entity in document.entities {
                var entry = merged[entity.id] ?? Merged(name: entity.name, kind: entity.kind)
                entry.documents.append("\(document.id)×\(entity.mentions.count)")
                entry.mentions += entity.mentions.count
                for alias in [entity.name] + entity.aliases where alias != entry.name && !entry.aliases.contains(alias) {
                    entry.aliases.append(alias)
                }
                for (position, quote) in document.quotes.enumerated() where quote.speaker?.id == entity.id {
                    entry.quotes.append("\(document.id)#\(position)")
                }
                for other in document.entities where other.id != entity.id { entry.shared[other.id, default: 0] += 1 }
                merged[entity.id] = entry
            }
        }
        let ranked = merged.sorted { ($1.value.mentions, $0.key) < ($0.value.mentions, $1.key) }
        let entries = ranked.map { id, entry in
            let coOccurring = entry.shared.sorted { ($1.value, $0.key) < ($0.value, $1.key) }.map { "\($0.key)=\($0.value)" }.joined(separator: ",")
            return "\(id)|\(entry.name)|\(entry.kind)|\(entry.aliases)|\(entry.mentions)|\(entry.documents.count)|\(entry.documents.joined(separator: ","))|\(entry.quotes.joined(separator: ","))|\(coOccurring)"
        }
        let kinds = [Entity.Kind.person, .organization, .location].map { kind in
            "\(kind.rawValue): " + ranked.filter { $0.value.kind == kind }.map(\.key).joined(separator: ",")
        }
        return entries + kinds + ["count \(merged.count)"]
    }

    /// Random adds, replacements and removals: after each, the updated directory, one merged
    /// from scratch and the brute-force reference agree; a version kept from earlier still
    /// describes the documents of its time.
    @Test(arguments: [1, 2, 3, 4] as [UInt64])
    func updatesMatchAFromScratchMerge(seed: UInt64) {
        var generator = RandomEntityDocuments(seed: seed)
        var documents: [String: Document] = [:]
        var directory = EntityDirectory(documents: [])
        var kept: (directory: EntityDirectory, description: [String])?
        for step in 0..<150 {
            let (removed, added) = generator.change(&documents, pool: 20)
            if let removed { directory.remove(removed) }
            if let added { directory.add(added) }
            let expected = Self.reference(Array(documents.values))
            #expect(Self.description(of: directory) == expected, "step \(step)")
            #expect(Self.description(of: EntityDirectory(documents: documents.values)) == expected, "step \(step)")
            if step == 75 { kept = (directory, expected) }
        }
        if let kept { #expect(Self.description(of: kept.directory) == kept.description) }
    }

    /// Removing every document leaves an empty directory, with no ranking left behind.
    @Test func removingEverythingEmptiesIt() {
        var generator = RandomEntityDocuments(seed: 9)
        let documents = (0..<10).map { generator.document(id: "d\($0)") }
        var directory = EntityDirectory(documents: documents)
        for document in documents.reversed() { directory.remove(document) }
        #expect(directory.count == 0)
        #expect(directory.ranked().isEmpty)
        #expect(directory.ranked(kind: .person).isEmpty)
    }

    /// An entity's documents, quotations and co-occurring entities are read by position: the
    /// page at any offset of a popular entity equals the same slice of the brute-force list.
    @Test func pagesAPopularEntityByPosition() {
        let documents = (0..<3_000).map { index in
            let common = Entity(id: "common", name: "Common", kind: .organization, aliases: [], mentions: [Entity.Mention(text: "Common", paragraph: 0, start: 0, end: 6)])
            let rare = Entity(id: "rare-\(index % 50)", name: "Rare \(index % 50)", kind: .person, aliases: [], mentions: [])
            let quote = Quote(id: "q1", text: "yes", speaker: Quote.Speaker(entity: common), speakerText: nil, verb: "said", paragraph: 0, start: 0, end: 1, isPartial: false, attribution: nil)
            return Document(
                id: String(format: "doc-%05d", index), slug: "s\(index)", kind: .newsArticle, title: "T", isTitleDerived: false, source: nil, published: nil,
                dateline: nil, paragraphs: [], entities: [common, rare], quotes: [quote])
        }
        let entry = EntityDirectory(documents: documents).entry(id: "common")
        #expect(entry?.documentCount == 3_000)
        #expect(entry?.documents.dropFirst(2_500).prefix(3).map(\.id) == ["doc-02500", "doc-02501", "doc-02502"])
        #expect(entry?.quotes.dropFirst(1_234).first?.documentID == "doc-01234")
        #expect(entry?.coOccurring.prefix(2).map(\.id) == ["rare-0", "rare-1"])
        #expect(entry?.coOccurring.first?.sharedDocuments == 60)
    }
}
