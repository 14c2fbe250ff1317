import DocumentModel

/// One condition of the document list that an index answers by itself: a value of one field,
/// compared as `SearchFilter.admits` compares it (source and author folded).
struct ListTerm: Comparable, Sendable {
    /// The field a term tests.
    enum Field: Comparable, Sendable {
        /// Every document: the term of a list with no other condition.
        case all
        /// The source, folded.
        case source
        /// An author the byline names, folded.
        case author
        /// The document kind's raw value.
        case kind
        /// An entity id the document mentions.
        case entity
    }

    /// The field tested.
    let field: Field
    /// The value it must have.
    let value: String

    static func < (left: ListTerm, right: ListTerm) -> Bool {
        (left.field, left.value) < (right.field, right.value)
    }

    /// The term every document has.
    static let all = ListTerm(field: .all, value: "")

    /// The term that bounds this one's keys from above: the least term after it.
    var successor: ListTerm { ListTerm(field: self.field, value: self.value.successor) }

    /// The distinct terms `document` has, `all` included.
    static func terms(of document: Document) -> [ListTerm] {
        let authors = Set(document.authors.map(TextFolding.fold)).map { ListTerm(field: .author, value: $0) }
        let entities = Set(document.entities.map(\.id)).map { ListTerm(field: .entity, value: $0) }
        return [.all, ListTerm(field: .kind, value: document.kind.rawValue)]
            + (document.source.map { [ListTerm(field: .source, value: TextFolding.fold($0))] } ?? []) + authors + entities
    }

    /// The conditions of `filter` other than its dates and its document, each a term.
    static func terms(of filter: SearchFilter) -> [ListTerm] {
        [
            filter.source.map { ListTerm(field: .source, value: $0) }, filter.author.map { ListTerm(field: .author, value: $0) },
            filter.kind.map { ListTerm(field: .kind, value: $0.rawValue) }, filter.entity.map { ListTerm(field: .entity, value: $0) },
        ].compactMap { $0 }
    }
}
