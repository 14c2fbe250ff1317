import Routing
import Serialization

/// The list envelope every collection endpoint returns:
/// `{data, meta: {total, limit, offset}, links: {self, next, prev}}`.
///
/// The links keep every other query parameter of the request (filters, `fields`, `pretty`)
/// in the order the client sent them, so following `next` pages through the same list.
struct ListPage: Sendable {
    /// Largest page.
    static let maxLimit = 100
    /// Page size when `limit` is absent.
    static let defaultLimit = 20

    let path: String
    let query: QueryParameters
    let total: Int
    let limit: Int
    let offset: Int

    /// The envelope around one page of items.
    ///
    /// - Parameters:
    ///   - data: the page's items.
    ///   - meta: members added to `meta` after `total`, `limit` and `offset`.
    ///   - members: members added after `links` (search's `facets`).
    func envelope(data: [JSONValue], meta: [(String, JSONValue)] = [], members: [(String, JSONValue)] = []) -> JSONValue {
        // `total - offset > limit`, not `offset + limit < total`: offsets reach Int.max.
        let hasNext = self.offset < self.total && self.total - self.offset > self.limit
        let next = hasNext ? self.link(offset: self.offset + self.limit) : JSONValue.null
        let prev = self.offset > 0 ? self.link(offset: max(0, self.offset - self.limit)) : JSONValue.null
        return .object(
            [
                ("data", .array(data)),
                ("meta", .object([("total", .int(self.total)), ("limit", .int(self.limit)), ("offset", .int(self.offset))] + meta)),
                ("links", .object([("self", self.link(offset: self.offset)), ("next", next), ("prev", prev)])),
            ] + members)
    }

    private func link(offset: Int) -> JSONValue {
        var pairs = self.query.pairs.filter { $0.name != "limit" && $0.name != "offset" }.map { ($0.name, $0.value) }
        pairs.append(("limit", String(self.limit)))
        pairs.append(("offset", String(offset)))
        return .string(URLPath.withQuery(self.path, pairs))
    }
}
