import Routing
import Testing

/// `RouteTable.resolve`: matching, captures, precedence, 404 and 405.
struct RouteTableTests {
    static let table = RouteFixtures.makeTable([
        ("GET", "/"),
        ("GET", "/healthz"),
        ("GET", "/v1/documents"),
        ("POST", "/v1/documents"),
        ("GET", "/v1/documents/search"),
        ("GET", "/v1/documents/{id}"),
        ("DELETE", "/v1/documents/{id}"),
        ("GET", "/v1/documents/{id}/text"),
        ("GET", "/v1/entities/{entity}/quotes/{quote}"),
    ])

    @Test func resolvesLiteralPath() {
        let resolution = Self.table.resolve("GET", path: "/healthz")
        #expect(resolution.handler == "GET /healthz")
        #expect(resolution.parameters == PathParameters())
    }

    @Test func resolvesRoot() {
        #expect(Self.table.resolve("GET", path: "/").handler == "GET /")
    }

    @Test func resolvesCapturedParameter() {
        let resolution = Self.table.resolve("GET", path: "/v1/documents/a1")
        #expect(resolution.handler == "GET /v1/documents/{id}")
        #expect(resolution.parameters?["id"] == "a1")
    }

    @Test func literalWinsOverCaptureAtSameDepth() {
        let resolution = Self.table.resolve("GET", path: "/v1/documents/search")
        #expect(resolution.handler == "GET /v1/documents/search")
        #expect(resolution.parameters?["id"] == nil)
    }

    @Test func resolvesCaptureFollowedByLiteral() {
        let resolution = Self.table.resolve("GET", path: "/v1/documents/000_abc/text")
        #expect(resolution.handler == "GET /v1/documents/{id}/text")
        #expect(resolution.parameters?["id"] == "000_abc")
    }

    @Test func resolvesNestedParameters() {
        let resolution = Self.table.resolve("GET", path: "/v1/entities/e7/quotes/q3")
        #expect(resolution.parameters?["entity"] == "e7")
        #expect(resolution.parameters?["quote"] == "q3")
    }

    @Test func captureKeepsSegmentTextAsGiven() {
        let resolution = Self.table.resolve("GET", path: "/v1/documents/caf%C3%A9.json")
        #expect(resolution.parameters?["id"] == "caf%C3%A9.json")
    }

    @Test(arguments: [
        "/v1/documents/", "//v1//documents", "/v1/documents//", "v1/documents", "///v1/documents///",
    ])
    func toleratesTrailingAndRepeatedSlashes(_ path: String) {
        #expect(Self.table.resolve("GET", path: path).handler == "GET /v1/documents")
    }

    @Test(arguments: ["", "//"])
    func emptyPathResolvesToRoot(_ path: String) {
        #expect(Self.table.resolve("GET", path: path).handler == "GET /")
    }

    @Test(arguments: [
        "/nope", "/v1", "/v1/documents/a1/text/more", "/v1/entities/e7", "/v1/entities/e7/quotes",
        "/V1/documents", "/healthz/x",
    ])
    func unknownPathIsNotFound(_ path: String) {
        #expect(Self.table.resolve("GET", path: path).isNotFound)
    }

    @Test func intermediateNodeWithoutHandlersIsNotFound() {
        // `/v1` exists in the trie only as a prefix of other routes.
        #expect(Self.table.resolve("POST", path: "/v1").isNotFound)
    }

    @Test func knownPathWithOtherMethodIsMethodNotAllowed() {
        #expect(Self.table.resolve("PUT", path: "/v1/documents").allowedMethods == ["GET", "POST"])
    }

    @Test func allowedMethodsFollowRegistrationOrder() {
        let table = RouteFixtures.makeTable([("DELETE", "/x"), ("GET", "/x"), ("POST", "/x"), ("PATCH", "/y")])
        #expect(table.resolve("PUT", path: "/x").allowedMethods == ["DELETE", "GET", "POST"])
    }

    @Test func methodNotAllowedAppliesToCapturedPaths() {
        #expect(Self.table.resolve("POST", path: "/v1/documents/a1").allowedMethods == ["GET", "DELETE"])
    }

    @Test func methodMatchIsExact() {
        #expect(Self.table.resolve("get", path: "/healthz").allowedMethods == ["GET"])
    }

    @Test(arguments: [
        ("/v1/documents/a1", "/v1/documents/{id}"),
        ("/v1/documents/a1/text/", "/v1/documents/{id}/text"),
        ("/v1/entities/e/quotes/q", "/v1/entities/{entity}/quotes/{quote}"),
        ("/", "/"),
        ("//healthz/", "/healthz"),
    ])
    func matchReportsPatternTemplateForMetrics(_ path: String, _ template: String) {
        #expect(Self.table.resolve("GET", path: path).template == template)
    }

    @Test func sharedCaptureNodeServesEveryMethod() {
        let resolution = Self.table.resolve("DELETE", path: "/v1/documents/a1")
        #expect(resolution.handler == "DELETE /v1/documents/{id}")
        #expect(resolution.template == "/v1/documents/{id}")
    }

    @Test func emptyTableFindsNothing() {
        #expect(RouteFixtures.makeTable([]).resolve("GET", path: "/").isNotFound)
    }
}
