import Corpus
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

    /// Checks that the query uses only `allowed` names (plus `pretty`), each at most once.
    ///
    /// - Throws: `.unknownParameter` or `.repeatedParameter`.
    func requireParameters(_ allowed: [String]) throws(APIError) {
        for name in self.query.names {
            guard name == "pretty" || allowed.contains(name) else {
                throw .unknownParameter(name: name, allowed: allowed + ["pretty"])
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

/// A route's handler: synchronous, called on a worker queue, must not block.
typealias Handler = @Sendable (RequestContext) throws(APIError) -> Response
