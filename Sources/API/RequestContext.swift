import Corpus
import DocumentModel
import HTTPServer
import Routing

/// What a handler gets: the request, its path parameters and its decoded query.
public struct RequestContext: Sendable {
    /// The request.
    public let request: Request
    /// Values captured by the route's `{name}` segments.
    public let parameters: PathParameters
    /// The decoded query parameters.
    public let query: QueryParameters
    /// Whether `?pretty=true` asked for indented JSON.
    public let isPretty: Bool
    /// The top-level members `?fields=a,b` keeps in each item, or `nil` for all.
    public let fields: Set<String>?
    /// Who the request counts against for per-client limits (`ClientIdentity`): its key's
    /// name, else its address.
    public let client: String
    /// Whether that client is an anonymous loopback peer (a local proxy speaks for many).
    public let isLoopbackClient: Bool

    /// The query parameters every route accepts: `pretty` and `fields`.
    static let commonParameters = ["pretty", "fields"]

    /// Checks that the query uses only `allowed` names (plus `pretty` and `fields`), each at most once.
    ///
    /// - Throws: `.unknownParameter` or `.repeatedParameter`.
    func requireParameters(_ allowed: [String]) throws(APIError) {
        for name in self.query.names {
            guard Self.commonParameters.contains(name) || allowed.contains(name) else {
                throw .unknownParameter(name: name, allowed: allowed + Self.commonParameters)
            }
            if self.query.values(for: name).count > 1 { throw .repeatedParameter(name: name) }
        }
    }

    /// `limit` (1 to 100, default 20) and `offset` (0 or more, default 0) of a list.
    ///
    /// - Throws: `.invalidParameter` naming the one out of range.
    func page() throws(APIError) -> (limit: Int, offset: Int) {
        let limit = try self.integer("limit", default: ListPage.defaultLimit, in: 1...ListPage.maxLimit)
        let offset = try self.integer("offset", default: 0, in: 0...Int.max)
        return (limit, offset)
    }

    /// A `YYYY-MM-DD` date parameter, or `nil` when absent.
    ///
    /// - Throws: `.invalidParameter` when it is not a real date in that form.
    func date(_ name: String) throws(APIError) -> CalendarDate? {
        guard let text = self.query[name] else { return nil }
        guard let date = CalendarDate(parsing: text) else {
            throw .invalidParameter(name: name, rule: "must be a date as YYYY-MM-DD, got '\(text)'")
        }
        return date
    }

    /// A parameter that must be one of `choices`, or `nil` when absent.
    ///
    /// - Throws: `.invalidParameter` listing the choices.
    func choice(_ name: String, among choices: [String]) throws(APIError) -> String? {
        guard let text = self.query[name] else { return nil }
        guard choices.contains(text) else {
            throw .invalidParameter(name: name, rule: "must be one of \(choices.joined(separator: ", ")), got '\(text)'")
        }
        return text
    }

    /// The `from` and `to` dates (inclusive), each optional.
    ///
    /// - Throws: `.invalidParameter` when one is not a date, or `from` is after `to`.
    func dateRange() throws(APIError) -> (from: CalendarDate?, to: CalendarDate?) {
        let from = try self.date("from")
        let to = try self.date("to")
        if let from, let to, to < from { throw .invalidParameter(name: "from", rule: "must not be after 'to' (\(to)), got '\(from)'") }
        return (from, to)
    }

    /// The list filters `source`, `author`, `kind`, `from`, `to` and `entity`, as a search filter.
    /// `author` is read only where the route takes it (the document list).
    ///
    /// - Throws: `.invalidParameter` for a bad kind or date, or `from` after `to`.
    func documentFilter() throws(APIError) -> SearchFilter {
        let kind = try self.choice("kind", among: DocumentKind.allCases.map(\.rawValue)).flatMap(DocumentKind.init)
        let (from, to) = try self.dateRange()
        return SearchFilter(
            source: self.query["source"], author: self.query["author"], kind: kind, from: from, to: to, entity: self.query["entity"])
    }

    /// The search query in `q`, or `nil` when absent.
    ///
    /// - Throws: `.invalidParameter` saying what is wrong with the query.
    func searchQuery() throws(APIError) -> SearchQuery? {
        guard let text = self.query["q"] else { return nil }
        return try self.searching { () throws(SearchQueryError) in try SearchQuery(parsing: text) }
    }

    /// The results of `search`, or a 400 naming `q` and the clause that cost too much.
    func searching<Results>(_ search: () throws(SearchQueryError) -> Results) throws(APIError) -> Results {
        do {
            return try search()
        } catch {
            throw .invalidParameter(name: "q", rule: error.description)
        }
    }

    /// An integer parameter within bounds, or its default when absent.
    ///
    /// - Throws: `.invalidParameter` naming the bounds.
    func integer(_ name: String, default value: Int, in bounds: ClosedRange<Int>) throws(APIError) -> Int {
        guard let text = self.query[name] else { return value }
        guard let number = Int(text), bounds.contains(number) else {
            let rule = bounds.upperBound == Int.max
                ? "must be an integer of at least \(bounds.lowerBound)"
                : "must be an integer from \(bounds.lowerBound) to \(bounds.upperBound)"
            throw .invalidParameter(name: name, rule: "\(rule), got '\(text)'")
        }
        return number
    }
}
