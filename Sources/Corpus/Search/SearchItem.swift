import DocumentModel
import Extraction

/// What the search engine indexes of one searchable thing: a document, or a quotation.
///
/// An item keeps only its `Document` (whose arrays and strings it shares with the snapshot's
/// copy) and which quotation it is; its title, paragraphs, extras and entities are read from
/// the document when asked for (to index it, and for the snippets of a page of hits). Copies
/// of them per item were a third of the index's memory.
struct SearchItem: Sendable {
    /// An entity the item mentions.
    struct EntityReference: Sendable {
        let id: String
        let name: String
        let mentions: [Entity.Mention]
        /// Where the names a query may use for it come from, if the document has it.
        fileprivate let entity: Entity?

        /// Every form the item uses for it, for matching queries that name it.
        var forms: [String] {
            self.entity.map(SearchItem.forms(of:)) ?? [self.name]
        }
    }

    /// The document it is or comes from.
    let document: Document
    /// For a quotation, its place in `document.quotes`; -1 for the document itself.
    private let quote: Int32
    /// For a quotation whose speaker is one of the document's entities, the first with its id
    /// in `document.entities`; -1 otherwise.
    private let speakerEntity: Int32

    /// A document: its title, its body and background paragraphs (not contacts or footer),
    /// its quotations and its entities' names.
    init(document: Document) {
        self.document = document
        self.quote = -1
        self.speakerEntity = -1
    }

    /// The names a query may use for an entity: those the text uses, and those the shipped
    /// gazetteer and acronym list know (`DPRK` finds a story that only says "North Korea").
    static func forms(of entity: Entity) -> [String] {
        [entity.name] + entity.aliases + Vocabulary.knownNames(of: entity)
    }

    /// Quotation `quote` of `document` (its place in `document.quotes`): its words, with the
    /// speaker's name as an extra.
    ///
    /// - Parameter entities: the place in `document.entities` of the first entity with each
    ///   id, where the speaker's names are found.
    init(quote: Int, of document: Document, entities: [String: Int]) {
        self.document = document
        self.quote = Int32(quote)
        self.speakerEntity = document.quotes[quote].speaker?.id.flatMap { entities[$0] }.map(Int32.init) ?? -1
    }

    /// The document id, or `DOCUMENT/QUOTE` for a quotation (`SearchIndex.quotationKey`).
    var key: String {
        self.quotation.map { SearchIndex.quotationKey(document: self.document.id, quote: $0.id) } ?? self.document.id
    }

    /// The document it is or comes from.
    var documentID: String {
        self.document.id
    }

    /// The quotation this item is, if it is one.
    private var quotation: Quote? {
        self.quote < 0 ? nil : self.document.quotes[Int(self.quote)]
    }

    /// The document's title; none for a quotation.
    var title: String {
        self.quote < 0 ? self.document.title : ""
    }

    /// The text that snippets come from, by paragraph index.
    var paragraphs: [Paragraph] {
        guard let quotation else { return self.document.paragraphs.filter { $0.section == .body || $0.section == .background } }
        return [Paragraph(index: quotation.paragraph, section: .body, text: quotation.text)]
    }

    /// Further text that counts with its own weight: a document's quotations and entity
    /// names, a quotation's speaker.
    var extras: [String] {
        guard let quotation else { return self.document.quotes.map(\.text) + self.document.entities.map(\.name) }
        return quotation.speaker.map { [$0.name] } ?? []
    }

    var source: String? {
        self.document.source
    }

    var kind: DocumentKind? {
        self.document.kind
    }

    var published: CalendarDate? {
        self.document.published.flatMap(CalendarDate.init(parsing:))
    }

    /// The entities a document mentions; a quotation's speaker, if an entity (only a
    /// speaker that is an entity can be filtered by entity id).
    var entities: [EntityReference] {
        guard let quotation else {
            return self.document.entities.map { EntityReference(id: $0.id, name: $0.name, mentions: $0.mentions, entity: $0) }
        }
        return quotation.speaker.flatMap { speaker in
            speaker.id.map { id in
                let entity = self.speakerEntity < 0 ? nil : self.document.entities[Int(self.speakerEntity)]
                return [EntityReference(id: id, name: speaker.name, mentions: [], entity: entity)]
            }
        } ?? []
    }
}
