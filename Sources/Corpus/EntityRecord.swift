import DocumentModel
import PersistentCollections

/// One entity across the corpus, as `EntityDirectory` keeps it: every part is a persistent
/// map, so a document added or removed changes O(log *n*) nodes per part, and the previous
/// version stays whole.
struct EntityRecord: Sendable {
    /// How one document names the entity.
    struct Appearance: Sendable, Equatable {
        /// The canonical name there.
        let name: String
        /// The type there.
        let kind: Entity.Kind
        /// Its mentions there.
        let mentions: Int
    }

    /// Each document that names it, in id order.
    private(set) var documents = PersistentSortedMap<String, Appearance>()
    /// Each form it goes by (names and aliases), with the documents that use it and the form's
    /// position among that document's forms: the first document gives the form's place in
    /// the alias list.
    private(set) var forms = PersistentSortedMap<String, PersistentSortedMap<String, Int>>()
    /// Its mentions across the corpus.
    private(set) var mentionCount = 0
    /// The quotations it spoke, in document order.
    private(set) var quotes = PersistentSortedMap<DocumentPartKey, Void>()
    /// The other entities it shares documents with, by how many documents they share.
    private(set) var coOccurring = RankedCounts<String>()

    /// An entity no document names yet.
    init() {}

    /// The record of `mentions`, which are in document id order, built bottom-up.
    ///
    /// - Complexity: O(*m* log *m*) in the mentions' parts (sorting the forms and the
    ///   co-occurring entities).
    init(mentions: [EntityDirectory.Mention]) {
        var forms: [String: [(String, Int)]] = [:]
        var coOccurring: [String: Int] = [:]
        for mention in mentions {
            for (form, position) in mention.forms { forms[form, default: []].append((mention.documentID, position)) }
            for other in mention.others { coOccurring[other, default: 0] += 1 }
        }
        self.documents = PersistentSortedMap(sortedUniqueEntries: mentions.lazy.map { ($0.documentID, $0.appearance) })
        self.forms = PersistentSortedMap(sortedUniqueEntries: forms.sorted { $0.key < $1.key }.lazy.map { ($0.key, PersistentSortedMap(sortedUniqueEntries: $0.value)) })
        self.mentionCount = mentions.reduce(0) { $0 + $1.appearance.mentions }
        self.quotes = PersistentSortedMap(sortedUniqueEntries: mentions.lazy.flatMap(\.quotes).map { ($0, ()) })
        self.coOccurring = RankedCounts(coOccurring)
    }

    /// Whether no document names it any more.
    var isEmpty: Bool { self.documents.isEmpty }

    /// How its first document (by id) names it: the name and type the directory shows.
    var first: Appearance { self.documents.values[0] }

    /// Counts one document's mention in.
    ///
    /// - Complexity: O((*f* + *q* + *o*) log *n*) for its forms, quotes and other entities.
    mutating func add(_ mention: EntityDirectory.Mention) {
        self.documents[mention.documentID] = mention.appearance
        for (form, position) in mention.forms {
            self.forms.modifyValue(forKey: form, default: PersistentSortedMap()) { $0[mention.documentID] = position }
        }
        self.mentionCount += mention.appearance.mentions
        for quote in mention.quotes { self.quotes[quote] = () }
        for other in mention.others { self.coOccurring.add(1, to: other) }
    }

    /// Takes one document's mention out again: the exact inverse of `add`.
    ///
    /// - Complexity: O((*f* + *q* + *o*) log *n*).
    mutating func remove(_ mention: EntityDirectory.Mention) {
        guard self.documents.removeValue(forKey: mention.documentID) != nil else { return }
        for (form, _) in mention.forms {
            self.forms.modifyValue(forKey: form) { documents in
                documents[mention.documentID] = nil
                return !documents.isEmpty
            }
        }
        self.mentionCount -= mention.appearance.mentions
        for quote in mention.quotes { self.quotes[quote] = nil }
        for other in mention.others { self.coOccurring.add(-1, to: other) }
    }

    /// Every form but the name, in the order a reader meets them going through its documents
    /// by id: by the first document that uses each, then by its position there.
    ///
    /// - Complexity: O(*f* log *n*) for *f* forms.
    var aliases: [String] {
        let name = self.first.name
        return self.forms.entries.filter { $0.key != name }
            .map { form, documents in (form: form, first: documents.entries[0]) }
            .sorted { ($0.first.key, $0.first.value) < ($1.first.key, $1.first.value) }
            .map(\.form)
    }
}
