import Routing
import Testing

struct RoutePatternTests {
    @Test func parsesLiteralAndParameterSegments() {
        let pattern = RoutePattern("/v1/documents/{id}/text")
        #expect(pattern.segments == [.literal("v1"), .literal("documents"), .parameter("id"), .literal("text")])
    }

    @Test func rootHasNoSegments() {
        #expect(RoutePattern("/").segments.isEmpty)
        #expect(RoutePattern("/").description == "/")
    }

    @Test(arguments: [
        ("/v1/documents/{id}", "/v1/documents/{id}"), ("/a/", "/a"), ("//a//b", "/a/b"), ("/{x}/{y}", "/{x}/{y}"),
    ])
    func descriptionIsNormalisedPattern(_ pattern: String, _ expected: String) {
        #expect(RoutePattern(pattern).description == expected)
    }

    @Test(arguments: ["relative/path", "/a/{}", "/a/{open", "/a/x}y"])
    func malformedPatternStopsTheProcess(_ pattern: String) async {
        await #expect(processExitsWith: .failure) { [pattern] in
            _ = RoutePattern(pattern)
        }
    }
}
