import DocumentModel

extension Document {
    /// A document with defaults for every field a test does not care about.
    public static func make(
        id: String = "doc", slug: String? = nil, title: String = "Title", isTitleDerived: Bool = false,
        source: String? = nil, published: String? = nil, dateline: String? = nil,
        paragraphs: [(Section, String)] = [(.body, "Body.")]
    ) -> Document {
        Document(
            id: id, slug: slug ?? id, kind: .newsArticle, title: title, isTitleDerived: isTitleDerived, source: source,
            published: published, dateline: dateline,
            paragraphs: paragraphs.enumerated().map { Paragraph(index: $0.offset, section: $0.element.0, text: $0.element.1) })
    }
}
