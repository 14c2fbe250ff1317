import Serialization

/// The list envelope every collection endpoint returns:
/// `{data, meta: {total, limit, offset}, links: {self, next, prev}}`.
struct ListPage: Sendable {
    /// Largest page.
    static let maxLimit = 100
    /// Page size when `limit` is absent.
    static let defaultLimit = 20

    let path: String
    let total: Int
    let limit: Int
    let offset: Int
    let isPretty: Bool
    /// Other query parameters to keep in the links (filters), in order.
    var filters: [(String, String)] = []

    /// The envelope around one page of items.
    func envelope(data: [JSONValue]) -> JSONValue {
        let next = self.offset + self.limit < self.total ? self.link(offset: self.offset + self.limit) : JSONValue.null
        let prev = self.offset > 0 ? self.link(offset: max(0, self.offset - self.limit)) : JSONValue.null
        return .object([
            ("data", .array(data)),
            ("meta", .object([("total", .int(self.total)), ("limit", .int(self.limit)), ("offset", .int(self.offset))])),
            ("links", .object([("self", self.link(offset: self.offset)), ("next", next), ("prev", prev)])),
        ])
    }

    private func link(offset: Int) -> JSONValue {
        var pairs = self.filters
        pairs.append(("limit", String(self.limit)))
        pairs.append(("offset", String(offset)))
        if self.isPretty { pairs.append(("pretty", "true")) }
        return .string(URLPath.withQuery(self.path, pairs))
    }
}
