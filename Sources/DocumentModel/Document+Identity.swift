extension Document {
    /// The same document under another id: for a document ingested before its id was given
    /// (a store names a posted document from its change number).
    public func identified(as id: String) -> Document {
        guard id != self.id else { return self }
        return Document(
            id: id, slug: self.slug, kind: self.kind, title: self.title, isTitleDerived: self.isTitleDerived, source: self.source,
            published: self.published, dateline: self.dateline, authors: self.authors, paragraphs: self.paragraphs,
            contacts: self.contacts, dates: self.dates, entities: self.entities, quotes: self.quotes)
    }
}
