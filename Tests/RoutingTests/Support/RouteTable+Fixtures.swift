import Routing

/// Route tables for tests: methods are plain strings and each handler is the text
/// `"METHOD /pattern"` it was registered with, so a match says which route won.
enum RouteFixtures {
    static func makeTable(_ routes: [(method: String, pattern: String)]) -> RouteTable<String, String> {
        var builder = RouterBuilder<String, String>()
        for route in routes {
            builder.add(route.method, route.pattern, "\(route.method) \(route.pattern)")
        }
        return builder.build()
    }
}

/// Accessors that make `RouteResolution`, which is not `Equatable`, easy to assert on.
extension RouteResolution {
    var handler: Handler? {
        if case .matched(let handler, _, _) = self { return handler }
        return nil
    }

    var parameters: PathParameters? {
        if case .matched(_, let parameters, _) = self { return parameters }
        return nil
    }

    var template: String? {
        if case .matched(_, _, let template) = self { return template }
        return nil
    }

    var allowedMethods: [Method]? {
        if case .methodNotAllowed(let allowed) = self { return allowed }
        return nil
    }

    var isNotFound: Bool {
        if case .notFound = self { return true }
        return false
    }
}
