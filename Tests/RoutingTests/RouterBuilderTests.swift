import Routing
import Testing

/// `RouterBuilder`: what `build()` freezes, and the clashes it refuses.
struct RouterBuilderTests {
    @Test func routesListsEveryRouteInRegistrationOrder() {
        let table = RouteFixtures.makeTable([
            ("GET", "/v1/documents/{id}"), ("GET", "/"), ("POST", "/v1/documents"), ("GET", "/v1/documents"),
        ])
        #expect(table.routes.map(\.method) == ["GET", "GET", "POST", "GET"])
        #expect(table.routes.map(\.template) == ["/v1/documents/{id}", "/", "/v1/documents", "/v1/documents"])
    }

    @Test func routesListsNormalisedTemplates() {
        let table = RouteFixtures.makeTable([("GET", "//a//{b}/")])
        #expect(table.routes.map(\.template) == ["/a/{b}"])
        #expect(table.resolve("GET", path: "/a/1").template == "/a/{b}")
    }

    @Test func buildingTwiceGivesIndependentEqualTables() {
        var builder = RouterBuilder<String, Int>()
        builder.add("GET", "/a", 1)
        let first = builder.build()
        builder.add("GET", "/b", 2)
        let second = builder.build()
        #expect(first.resolve("GET", path: "/b").isNotFound)
        #expect(second.resolve("GET", path: "/b").handler == 2)
        #expect(second.resolve("GET", path: "/a").handler == 1)
    }

    @Test func sameCaptureNameIsSharedAcrossRoutes() {
        let table = RouteFixtures.makeTable([("GET", "/d/{id}"), ("GET", "/d/{id}/text")])
        #expect(table.resolve("GET", path: "/d/x").parameters?["id"] == "x")
        #expect(table.resolve("GET", path: "/d/x/text").parameters?["id"] == "x")
    }

    @Test func duplicateRouteStopsTheProcess() async {
        await #expect(processExitsWith: .failure) {
            var builder = RouterBuilder<String, Int>()
            builder.add("GET", "/a/{id}", 1)
            builder.add("GET", "/a/{id}", 2)
            _ = builder.build()
        }
    }

    @Test func clashingCaptureNamesStopTheProcess() async {
        await #expect(processExitsWith: .failure) {
            var builder = RouterBuilder<String, Int>()
            builder.add("GET", "/a/{id}", 1)
            builder.add("POST", "/a/{name}", 2)
            _ = builder.build()
        }
    }
}
