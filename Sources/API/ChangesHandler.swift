import Corpus
import DocumentModel
import HTTPServer
import Serialization
import Store

/// `GET /v1/changes` and `GET /v1/events`: what changed, polled or pushed.
struct ChangesHandler: Sendable {
    /// Largest page of changes.
    static let maxLimit = 1000
    /// Page size when `limit` is absent.
    static let defaultLimit = 100

    let catalog: Catalog
    let changes: ChangeLog
    let feed: ChangeFeed

    /// The changes after `since` (default 0), oldest first, at most `limit`. `meta.next_since`
    /// is the `since` to poll with next; `links.next` is set while more changes are waiting.
    func list(_ context: RequestContext) throws(APIError) -> Response {
        try context.requireParameters(["since", "limit"])
        let since = try context.integer("since", default: 0, in: 0...Int.max)
        let limit = try context.integer("limit", default: Self.defaultLimit, in: 1...Self.maxLimit)
        let through = self.catalog.snapshot.version
        let found: [Change]
        do {
            found = try self.changes.changes(after: since, through: through, limit: limit + 1)
        } catch {
            throw Self.apiError(error, since: since, name: "since", isHeader: false)
        }
        let page = found.prefix(limit)
        let nextSince = page.last?.number ?? max(since, through)
        // Like every list's links, `next` keeps the client's other parameters in their order.
        let others = context.query.pairs.filter { $0.name != "since" && $0.name != "limit" }.map { ($0.name, $0.value) }
        let next = found.count > limit
            ? JSONValue.string(URLPath.withQuery(context.request.path, others + [("since", String(nextSince)), ("limit", String(limit))]))
            : .null
        // `fields` cuts each change, never the envelope.
        return .json(
            .object([
                ("data", .array(page.map { context.keepingFields(of: ChangeRepresentation.json($0)) })),
                ("meta", .object([
                    ("since", .int(since)), ("limit", .int(limit)), ("last_change", .int(through)), ("next_since", .int(nextSince)),
                ])),
                ("links", .object([
                    ("self", .string(URLPath.withQuery(context.request.path, context.query.pairs.map { ($0.name, $0.value) }))),
                    ("next", next),
                ])),
            ]),
            pretty: context.isPretty)
    }

    /// Server-Sent Events: the changes after `Last-Event-ID` (or `?since=`), paged to the
    /// client's reading, then each new change as it is made; without either, only new changes.
    /// A resume from before the kept history gets one `reset` event instead of the backlog.
    func events(_ context: RequestContext) throws(APIError) -> (Response, ResponseStream) {
        try context.requireParameters(["since"])
        let since: Int
        let fromHeader = context.request.headers["Last-Event-ID"]
        if let fromHeader {
            guard let number = Int(fromHeader), number >= 0 else {
                throw .invalidHeader(name: "Last-Event-ID", rule: "must be a change number (an integer of at least 0), got '\(fromHeader)'")
            }
            since = number
        } else {
            since = try context.integer("since", default: self.feed.latest, in: 0...Int.max)
        }
        let stream: ResponseStream
        do {
            stream = try self.feed.subscribe(after: since, client: context.isLoopbackClient ? nil : context.client)
        } catch {
            switch error {
            case .ahead(let latest):
                throw Self.apiError(.ahead(latest: latest), since: since, name: fromHeader == nil ? "since" : "Last-Event-ID", isHeader: fromHeader != nil)
            case .clientLimit(let limit):
                throw .tooManyStreams(limit: limit)
            }
        }
        let head = Response(headers: HeaderFields([
            ("Content-Type", "text/event-stream; charset=utf-8"), ("Cache-Control", "no-store"), ("X-Accel-Buffering", "no"),
        ]))
        return (head, stream)
    }

    private static func apiError(_ error: ChangeLogError, since: Int, name: String, isHeader: Bool) -> APIError {
        switch error {
        case .expired(let oldest, let latest):
            return .changesExpired(oldestAvailable: oldest, latest: latest)
        case .ahead(let latest):
            let rule = "is past the latest change, \(latest), got '\(since)'"
            return isHeader ? .invalidHeader(name: name, rule: rule) : .invalidParameter(name: name, rule: rule)
        }
    }
}
