import DocumentModel

/// What a run of journal entries did to the collection, relative to where it started: the
/// documents stored and still live at the end, and the ids gone or replaced.
///
/// `Snapshot.applying(adding:removing:version:)` and the search index take exactly this.
struct CollectionDelta {
    /// Ids gone or replaced since the start.
    private(set) var removed: Set<String> = []
    private var addedByID: [String: Document] = [:]
    private var addedOrder: [String] = []

    /// Documents stored since the start and still live, in the order stored.
    var added: [Document] {
        self.addedOrder.compactMap { self.addedByID[$0] }
    }

    /// `document` was stored; `replacing` says whether its id was live before.
    mutating func stored(_ document: Document, replacing: Bool) {
        if replacing { self.removed.insert(document.id) }
        if self.addedByID.updateValue(document, forKey: document.id) == nil { self.addedOrder.append(document.id) }
    }

    /// Document `id` was deleted.
    mutating func deleted(_ id: String) {
        self.addedByID[id] = nil
        self.removed.insert(id)
    }
}
