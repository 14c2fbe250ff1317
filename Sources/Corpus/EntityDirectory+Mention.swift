import DocumentModel

extension EntityDirectory {
    /// What one document tells the directory about one of its entities: how it names it,
    /// how often, which quotations it attributes to it, and which other entities it names.
    ///
    /// Adding a document to the directory adds its mentions; removing it subtracts the same
    /// mentions, read again from the document, so the two always cancel.
    struct Mention: Sendable {
        /// The entity's id.
        let entityID: String
        /// The document's id.
        let documentID: String
        /// The name, type and mention count in this document.
        let appearance: EntityRecord.Appearance
        /// Each distinct form (the name, then the aliases) with its first position among them.
        let forms: [(form: String, position: Int)]
        /// The document's quotations whose speaker is this entity.
        let quotes: [DocumentPartKey]
        /// The ids of the document's other entities.
        let others: [String]

        /// The mentions of each entity of `document`; an id the document lists twice counts once,
        /// with its first listing.
        static func all(in document: Document) -> [Mention] {
            var seen = Set<String>()
            let entities = document.entities.filter { seen.insert($0.id).inserted }
            let ids = entities.map(\.id)
            return entities.map { entity in
                var forms: [(form: String, position: Int)] = []
                for (position, form) in ([entity.name] + entity.aliases).enumerated() where !forms.contains(where: { $0.form == form }) {
                    forms.append((form, position))
                }
                let quotes = document.quotes.indices.filter { document.quotes[$0].speaker?.id == entity.id }
                return Mention(
                    entityID: entity.id, documentID: document.id,
                    appearance: EntityRecord.Appearance(name: entity.name, kind: entity.kind, mentions: entity.mentions.count),
                    forms: forms, quotes: quotes.map { DocumentPartKey(documentID: document.id, position: $0) },
                    others: ids.filter { $0 != entity.id })
            }
        }
    }
}
