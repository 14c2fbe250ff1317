/// Collects routes, then freezes them into a `RouteTable`.
///
/// Clashing routes are programmer errors and stop the process at start-up: the same method
/// and pattern twice, or two captures with different names at the same position.
public struct RouterBuilder<Method: Hashable & Sendable, Handler: Sendable>: Sendable {
    private final class MutableNode {
        var literals: [String: MutableNode] = [:]
        var parameter: (name: String, node: MutableNode)?
        var handlers: [(method: Method, handler: Handler)] = []
        var template = ""
    }

    private var routes: [(method: Method, pattern: RoutePattern, handler: Handler)] = []

    /// Makes an empty builder.
    public init() {}

    /// Adds a route.
    ///
    /// - Parameters:
    ///   - method: the method it answers.
    ///   - pattern: the path pattern, e.g. `/v1/documents/{id}`.
    ///   - handler: what to call.
    public mutating func add(_ method: Method, _ pattern: String, _ handler: Handler) {
        self.routes.append((method, RoutePattern(pattern), handler))
    }

    /// Freezes the routes into an immutable table.
    ///
    /// - Complexity: O(*n*) in the total number of segments.
    public func build() -> RouteTable<Method, Handler> {
        let root = MutableNode()
        for route in self.routes {
            var node = root
            for segment in route.pattern.segments {
                switch segment {
                case .literal(let text):
                    let next = node.literals[text] ?? MutableNode()
                    node.literals[text] = next
                    node = next
                case .parameter(let name):
                    if let existing = node.parameter {
                        precondition(existing.name == name, "route \(route.pattern) names a capture '\(name)' where another route has '\(existing.name)'")
                        node = existing.node
                    } else {
                        let next = MutableNode()
                        node.parameter = (name, next)
                        node = next
                    }
                }
            }
            precondition(!node.handlers.contains { $0.method == route.method }, "duplicate route \(route.method) \(route.pattern)")
            node.handlers.append((route.method, route.handler))
            node.template = route.pattern.description
        }
        return RouteTable(root: Self.freeze(root), routes: self.routes.map { ($0.method, $0.pattern.description) })
    }

    private static func freeze(_ node: MutableNode) -> RouteTable<Method, Handler>.Node {
        RouteTable<Method, Handler>.Node(
            literals: node.literals.mapValues { freeze($0) },
            parameter: node.parameter.map { ($0.name, freeze($0.node)) },
            handlers: node.handlers,
            template: node.template)
    }
}
