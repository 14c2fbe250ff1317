import Testing
import TestSupport

/// What a server restarted on a data directory must serve, worked out from what its clients
/// were told before it stopped: every acknowledged write, and besides the seeds and those
/// writes only writes that were in flight, each whole if it is there at all.
///
/// ```swift
/// let expectation = history.expectation(seeds: seeds)
/// try expectation.verifyDocuments(on: session)
/// let last = try expectation.verifyChanges(on: session)
/// ```
struct RecoveryExpectation {
    /// A document that may be served, and how it must look.
    enum Document {
        /// A seed, with its title.
        case seed(title: String)
        /// Created and acknowledged: exactly the document its 201 carried.
        case acknowledged(ArticleFixture, body: [UInt8])
        /// Created while the server died: the title and text that were sent.
        case unacknowledged(ArticleFixture)

        /// The title it must be listed with.
        var title: String {
            switch self {
            case .seed(let title): title
            case .acknowledged(let article, _), .unacknowledged(let article): article.title
            }
        }
    }

    /// A change as `/v1/changes` lists it.
    struct ChangeKey: Hashable {
        /// `document.created` or `document.deleted`.
        let type: String
        let id: String
    }

    /// Documents that must be served, by id.
    private(set) var required: [String: Document]
    /// Documents that may be served or not, by id: creations in flight, and the documents
    /// whose deletion was in flight.
    private(set) var optional: [String: Document] = [:]
    /// Plain-text creations in flight, whose ids only the server knew, by title.
    private(set) var optionalByTitle: [String: ArticleFixture] = [:]
    /// Ids whose deletion was acknowledged: they must answer 404.
    private(set) var deleted: Set<String> = []
    /// Changes that must be listed: the acknowledged writes.
    private(set) var requiredChanges: Set<ChangeKey> = []
    /// Changes that may be listed: the writes in flight with known ids.
    private(set) var optionalChanges: Set<ChangeKey> = []

    /// An expectation of the seeds alone.
    ///
    /// - Parameter seeds: id to title.
    init(seeds: [String: String]) {
        self.required = seeds.mapValues { Document.seed(title: $0) }
    }

    /// A creation was acknowledged with `body`.
    mutating func acknowledgeCreation(of id: String, article: ArticleFixture, body: [UInt8]) {
        self.required[id] = .acknowledged(article, body: body)
        self.deleted.remove(id)
        self.requiredChanges.insert(ChangeKey(type: "document.created", id: id))
    }

    /// A deletion was acknowledged.
    mutating func acknowledgeDeletion(of id: String) {
        self.required[id] = nil
        self.deleted.insert(id)
        self.requiredChanges.insert(ChangeKey(type: "document.deleted", id: id))
    }

    /// A creation was in flight.
    mutating func allowCreation(of article: ArticleFixture) {
        guard let id = article.id else {
            self.optionalByTitle[article.title] = article
            return
        }
        self.optional[id] = .unacknowledged(article)
        self.optionalChanges.insert(ChangeKey(type: "document.created", id: id))
    }

    /// A deletion was in flight.
    mutating func allowDeletion(of id: String) {
        if let document = self.required.removeValue(forKey: id) { self.optional[id] = document }
        self.optionalChanges.insert(ChangeKey(type: "document.deleted", id: id))
    }

    /// Checks the documents the server lists (every page of `/v1/documents`) and serves: every
    /// required one, whole; no other but allowed ones, whole; 404 for every acknowledged deletion.
    func verifyDocuments(on session: DossierSession) throws {
        let listed = try session.listing()
        for (id, document) in self.required.sorted(by: { $0.key < $1.key }) where listed[id] != document.title {
            Issue.record("document \(id) '\(document.title)' must be served, but is listed as \(listed[id] ?? "nothing")")
        }
        for (id, title) in listed.sorted(by: { $0.key < $1.key }) {
            guard let document = self.required[id] ?? self.optional[id] ?? self.optionalByTitle[title].map(Document.unacknowledged) else {
                Issue.record("document \(id) '\(title)' is served but was neither acknowledged nor in flight")
                continue
            }
            #expect(title == document.title, "document \(id)")
            try self.verifyContent(of: id, as: document, on: session)
        }
        for id in self.deleted.sorted() {
            #expect(try session.get("/v1/documents/\(id)").statusCode == 404, "document \(id) was deleted")
        }
    }

    /// Checks `/v1/changes` from the start: numbered 1, 2, 3… without a gap, listing every
    /// acknowledged write and otherwise only writes that were in flight.
    ///
    /// - Returns: the last change number.
    func verifyChanges(on session: DossierSession) throws -> Int {
        let (changes, lastChange) = try session.changes(since: 0)
        #expect(changes.map(\.number) == (0..<lastChange).map { $0 + 1 })
        let listed = Set(changes.map { ChangeKey(type: $0.type, id: $0.id) })
        #expect(listed.count == changes.count, "a change is listed twice: \(changes)")
        for missing in self.requiredChanges.subtracting(listed) {
            Issue.record("the acknowledged change \(missing.type) of \(missing.id) is not listed")
        }
        for change in changes {
            let key = ChangeKey(type: change.type, id: change.id)
            let isPlainTextCreation = change.type == "document.created" && self.optionalByTitle[change.title] != nil
            if !self.requiredChanges.contains(key) && !self.optionalChanges.contains(key) && !isPlainTextCreation {
                Issue.record("change \(change.number) (\(change.type) of \(change.id)) was neither acknowledged nor in flight")
            }
        }
        return lastChange
    }

    /// Checks what `GET /v1/documents/{id}` answers.
    private func verifyContent(of id: String, as document: Document, on session: DossierSession) throws {
        let response = try session.get("/v1/documents/\(id)")
        try #require(response.statusCode == 200, "GET /v1/documents/\(id): \(response.statusCode)")
        switch document {
        case .seed:
            break
        case .acknowledged(_, let body):
            #expect(response.body == body, "document \(id) is not the one its 201 answer carried")
        case .unacknowledged(let article):
            #expect(try response.jsonObject()["title"] as? String == article.title, "document \(id)")
            let text = try session.get("/v1/documents/\(id)/text").bodyText
            #expect(text.contains(article.signature), "document \(id) lacks its signature sentence: \(text)")
        }
    }
}
