@testable import API
import Foundation
import Testing

/// `openapi.yaml` describes exactly the routes `Endpoint` declares: no route undocumented, no
/// documented path the router does not have.
@Suite struct OpenAPIRouteTests {
    /// The repository's `openapi.yaml`, found from this file's place in `Tests/APITests/`.
    static let specificationURL = URL(fileURLWithPath: #filePath)
        .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
        .appendingPathComponent("openapi.yaml")

    /// The HTTP methods an OpenAPI path item can list.
    static let operationKeys: Set<String> = ["get", "put", "post", "delete", "options", "head", "patch", "trace"]

    /// Each path under `paths:` with the methods listed under it, read line by line: a path is
    /// a line `  /…:`, a method a line `    get:` below it, and the section ends at the next
    /// top-level key.
    static func documentedOperations() throws -> [String: Set<String>] {
        let text = try String(contentsOf: Self.specificationURL, encoding: .utf8)
        var operations: [String: Set<String>] = [:]
        var inPaths = false
        var currentPath: String?
        for line in text.split(separator: "\n", omittingEmptySubsequences: false).map(String.init) {
            if let first = line.first, first != " ", first != "#" {
                inPaths = line == "paths:"
                currentPath = nil
                continue
            }
            guard inPaths else { continue }
            if line.hasPrefix("  /"), line.hasSuffix(":") {
                let path = String(line.dropFirst(2).dropLast())
                operations[path, default: []] = []
                currentPath = path
            } else if let path = currentPath, line.hasPrefix("    "), !line.hasPrefix("     "), line.hasSuffix(":") {
                let key = line.trimmingCharacters(in: .whitespaces).dropLast()
                if Self.operationKeys.contains(String(key)) { operations[path]?.insert(String(key)) }
            }
        }
        return operations
    }

    /// The documented paths are exactly the endpoints' patterns.
    @Test func documentsEveryRouteAndNoOther() throws {
        let documented = Set(try Self.documentedOperations().keys)
        let routed = Set(Endpoint.allCases.map(\.pattern))
        #expect(!documented.isEmpty, "no paths found in \(Self.specificationURL.path)")
        #expect(documented == routed, "only in openapi.yaml: \(documented.subtracting(routed).sorted()); only routed: \(routed.subtracting(documented).sorted())")
    }

    /// Each endpoint's method is an operation of its path, and so is `options`, which the API
    /// answers on every path.
    @Test func documentsEachEndpointsMethods() throws {
        let documented = try Self.documentedOperations()
        for endpoint in Endpoint.allCases {
            let methods = documented[endpoint.pattern] ?? []
            #expect(methods.contains(endpoint.method.rawValue.lowercased()), "\(endpoint.method) \(endpoint.pattern) is not in openapi.yaml")
            #expect(methods.contains("options"), "OPTIONS \(endpoint.pattern) is not in openapi.yaml")
        }
    }

    /// No path documents a method its route does not answer (a `delete` on the collection, a
    /// `post` on a read path): `options` aside, each path's operations are exactly its
    /// endpoints' methods.
    @Test func documentsNoMethodARouteLacks() throws {
        let documented = try Self.documentedOperations()
        for (path, methods) in documented {
            let routed = Set(Endpoint.allCases.filter { $0.pattern == path }.map { $0.method.rawValue.lowercased() })
            let extra = methods.subtracting(routed).subtracting(["options"])
            #expect(extra.isEmpty, "openapi.yaml documents \(extra.sorted()) on \(path), which the router does not answer")
        }
    }
}
