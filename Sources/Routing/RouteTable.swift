/// An immutable routing trie: method and path in, handler and captured parameters out.
///
/// Built once by `RouterBuilder`, then shared by every worker without locks. Literal segments
/// win over captures at the same depth, so `/v1/documents/search` can sit beside
/// `/v1/documents/{id}`; when a literal branch leads nowhere, the capture is tried instead.
///
/// ```swift
/// var builder = RouterBuilder<String, String>()
/// builder.add("GET", "/v1/documents/{id}", "document")
/// let table = builder.build()
/// table.resolve("GET", path: "/v1/documents/a1")   // .matched("document", ["id": "a1"], ...)
/// ```
public struct RouteTable<Method: Hashable & Sendable, Handler: Sendable>: Sendable {
    final class Node: Sendable {
        let literals: [String: Node]
        let parameter: (name: String, node: Node)?
        /// Handlers by method, in registration order (that order is the `Allow` order).
        let handlers: [(method: Method, handler: Handler)]
        let template: String

        init(literals: [String: Node], parameter: (name: String, node: Node)?, handlers: [(method: Method, handler: Handler)], template: String) {
            self.literals = literals
            self.parameter = parameter
            self.handlers = handlers
            self.template = template
        }
    }

    let root: Node

    /// Every route as (method, template), in registration order per path.
    public let routes: [(method: Method, template: String)]

    /// Finds the handler for a request.
    ///
    /// - Parameters:
    ///   - method: the request method.
    ///   - path: the decoded path, starting with `/`. Empty segments (`//`) are ignored, as
    ///     is a trailing slash.
    /// - Returns: the match, a method mismatch with the allowed methods, or not found.
    /// - Complexity: O(*k*) in the number of path segments for tables without overlapping
    ///   literal and capture branches; backtracking bounds it by the table's size otherwise.
    public func resolve(_ method: Method, path: String) -> RouteResolution<Method, Handler> {
        let segments = path.utf8.split(separator: UInt8(ascii: "/")).map { String(Substring($0)) }
        var parameters = PathParameters()
        guard let node = Self.find(segments[...], from: self.root, capturing: &parameters) else { return .notFound }
        guard let match = node.handlers.first(where: { $0.method == method }) else {
            return .methodNotAllowed(allowed: node.handlers.map(\.method))
        }
        return .matched(match.handler, parameters, template: node.template)
    }

    /// The node with handlers that `segments` lead to, trying the literal branch before the
    /// capture and backtracking when the literal branch dead-ends (`/d/search/text` still
    /// matches `/d/{id}/text` beside `/d/search`).
    private static func find(_ segments: ArraySlice<String>, from node: Node, capturing parameters: inout PathParameters) -> Node? {
        guard let segment = segments.first else { return node.handlers.isEmpty ? nil : node }
        let rest = segments.dropFirst()
        if let next = node.literals[segment], let found = self.find(rest, from: next, capturing: &parameters) {
            return found
        }
        guard let capture = node.parameter else { return nil }
        var captured = parameters
        captured.append(name: capture.name, value: segment)
        guard let found = self.find(rest, from: capture.node, capturing: &captured) else { return nil }
        parameters = captured
        return found
    }
}

/// The outcome of `RouteTable.resolve`.
public enum RouteResolution<Method: Hashable & Sendable, Handler: Sendable>: Sendable {
    /// A route matched: its handler, the captured parameters, and its template for metrics.
    case matched(Handler, PathParameters, template: String)
    /// The path exists but not for this method; `allowed` lists the methods it has.
    case methodNotAllowed(allowed: [Method])
    /// No route has this path.
    case notFound
}
