import DocumentModel

/// Every entity of a snapshot, merged across documents by id, with where each appears.
///
/// Built once per snapshot. An entity's id is the slug of its canonical name, so the same
/// person, place or organization gets the same id in every document.
public struct EntityDirectory: Sendable {
    /// One entity across the corpus.
    public struct Entry: Sendable {
        /// The id.
        public let id: String
        /// The name from its first document (by id order).
        public let name: String
        /// Its type.
        public let kind: Entity.Kind
        /// Every other form, across documents.
        public let aliases: [String]
        /// The ids of the documents that mention it, in id order.
        public let documentIDs: [String]
        /// Its mentions across the corpus.
        public let mentionCount: Int
    }

    /// The entries, most mentioned first, then by id.
    public let entries: [Entry]
    private let byID: [String: Int]

    /// Merges the entities of `documents`.
    ///
    /// - Complexity: O(*n*) in the total number of entity mentions.
    public init(documents: [Document]) {
        var order: [String] = []
        var merged: [String: (name: String, kind: Entity.Kind, aliases: [String], documents: [String], mentions: Int)] = [:]
        for document in documents {
            for entity in document.entities {
                if merged[entity.id] == nil {
                    order.append(entity.id)
                    merged[entity.id] = (entity.name, entity.kind, [], [], 0)
                }
                merged[entity.id]!.documents.append(document.id)
                merged[entity.id]!.mentions += entity.mentions.count
                for alias in [entity.name] + entity.aliases where alias != merged[entity.id]!.name && !merged[entity.id]!.aliases.contains(alias) {
                    merged[entity.id]!.aliases.append(alias)
                }
            }
        }
        let entries = order.compactMap { id in
            merged[id].map { Entry(id: id, name: $0.name, kind: $0.kind, aliases: $0.aliases, documentIDs: $0.documents, mentionCount: $0.mentions) }
        }.sorted { ($1.mentionCount, $0.id) < ($0.mentionCount, $1.id) }
        self.entries = entries
        self.byID = Dictionary(uniqueKeysWithValues: entries.enumerated().map { ($0.element.id, $0.offset) })
    }

    /// The entry with this id, or `nil`.
    public func entry(id: String) -> Entry? {
        self.byID[id].map { self.entries[$0] }
    }
}
