import DocumentModel
import Extraction

/// What the search engine indexes of one searchable thing: a document, or a quotation.
struct SearchItem: Sendable {
    /// An entity the item mentions.
    struct EntityReference: Sendable {
        let id: String
        let name: String
        /// Every form the item uses for it, for matching queries that name it.
        let forms: [String]
        let mentions: [Entity.Mention]
    }

    /// The document id, or `DOCUMENT/QUOTE` for a quotation (`SearchIndex.quotationKey`).
    let key: String
    /// The document it is or comes from.
    let documentID: String
    let title: String
    /// The text that snippets come from, by paragraph index.
    let paragraphs: [Paragraph]
    /// Further text that counts with its own weight (quotations, entity names).
    let extras: [String]
    let source: String?
    let kind: DocumentKind?
    let published: CalendarDate?
    let entities: [EntityReference]

    /// A document: its title, its body and background paragraphs (not contacts or footer),
    /// its quotations and its entities' names.
    init(document: Document) {
        self.key = document.id
        self.documentID = document.id
        self.title = document.title
        self.paragraphs = document.paragraphs.filter { $0.section == .body || $0.section == .background }
        self.extras = document.quotes.map(\.text) + document.entities.map(\.name)
        self.source = document.source
        self.kind = document.kind
        self.published = document.published.flatMap(CalendarDate.init(parsing:))
        self.entities = document.entities.map { entity in
            EntityReference(id: entity.id, name: entity.name, forms: Self.forms(of: entity), mentions: entity.mentions)
        }
    }

    /// The names a query may use for an entity: those the text uses, and those the shipped
    /// gazetteer and acronym list know (`DPRK` finds a story that only says "North Korea").
    static func forms(of entity: Entity) -> [String] {
        [entity.name] + entity.aliases + Vocabulary.knownNames(of: entity)
    }

    /// A quotation of `document`: its words, with the speaker's name as an extra.
    ///
    /// - Parameter entities: `document`'s entities by id, where the speaker's names are found.
    init(quote: Quote, of document: Document, entities: [String: Entity]) {
        self.key = SearchIndex.quotationKey(document: document.id, quote: quote.id)
        self.documentID = document.id
        self.title = ""
        self.paragraphs = [Paragraph(index: quote.paragraph, section: .body, text: quote.text)]
        self.extras = quote.speaker.map { [$0.name] } ?? []
        self.source = document.source
        self.kind = document.kind
        self.published = document.published.flatMap(CalendarDate.init(parsing:))
        // Only a speaker that is an entity can be filtered by entity id.
        self.entities = quote.speaker.flatMap { speaker in
            speaker.id.map { id in
                let forms = entities[id].map(Self.forms) ?? [speaker.name]
                return [EntityReference(id: id, name: speaker.name, forms: forms, mentions: [])]
            }
        } ?? []
    }
}
