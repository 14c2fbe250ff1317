import HTTPServer
import Serialization

extension Response {
    /// A JSON response.
    ///
    /// - Parameters:
    ///   - value: the body.
    ///   - pretty: indent it.
    ///   - status: 200 by default.
    ///   - cacheControl: the `Cache-Control` value; `no-cache` (revalidate with the ETag) by default.
    /// - Returns: the response with its strong `ETag` already set.
    static func json(_ value: JSONValue, pretty: Bool, status: HTTPStatus = .ok, cacheControl: String = "no-cache") -> Response {
        let body = JSONWriter.serialize(value, pretty: pretty)
        return Response(
            status: status,
            headers: HeaderFields([
                ("Content-Type", "application/json"), ("Cache-Control", cacheControl), ("ETag", EntityTag.make(for: body)),
            ]),
            body: body)
    }
}

extension RequestContext {
    /// One resource as JSON, indented on `?pretty=true` and cut to `?fields=`.
    func resource(_ value: JSONValue, cacheControl: String = "no-cache") -> Response {
        .json(self.keepingFields(of: value), pretty: self.isPretty, cacheControl: cacheControl)
    }

    /// One page of a list in the list envelope, each item cut to `?fields=`.
    ///
    /// - Parameters:
    ///   - items: the whole filtered, ordered list.
    ///   - page: `limit` and `offset` (`page()`).
    ///   - render: an item's representation, called for the page's items only.
    func listing<Items: Collection>(_ items: Items, page: (limit: Int, offset: Int), render: (Items.Element) -> JSONValue) -> Response {
        self.listing(page: items.dropFirst(page.offset).prefix(page.limit).map(render), total: items.count, limit: page.limit, offset: page.offset)
    }

    /// A page already cut (a search's), in the list envelope, each item cut to `?fields=`.
    ///
    /// - Parameters:
    ///   - data: the page's items.
    ///   - total: items in the whole list.
    ///   - limit: the page size asked for.
    ///   - offset: items before the page.
    ///   - meta: members added to `meta`.
    ///   - members: members added after `links`.
    func listing(
        page data: [JSONValue], total: Int, limit: Int, offset: Int, meta: [(String, JSONValue)] = [], members: [(String, JSONValue)] = []
    ) -> Response {
        let listing = ListPage(path: self.request.path, query: self.query, total: total, limit: limit, offset: offset)
        return .json(listing.envelope(data: data.map(self.keepingFields), meta: meta, members: members), pretty: self.isPretty)
    }

    /// The value with only the top-level members `?fields=` names, or whole without it.
    func keepingFields(of value: JSONValue) -> JSONValue {
        guard let fields = self.fields, case .object(let members) = value else { return value }
        return .object(members.filter { fields.contains($0.0) })
    }
}
