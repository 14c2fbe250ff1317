import Foundation
import HTTPServer
import Testing
import TestSupport

/// `GET /v1/timeline` over a real socket.
struct TimelineIntegrationTests {
    private func events(_ response: TestResponse) throws -> [String] {
        let data = try #require(try response.jsonObject()["data"] as? [[String: Any]])
        return data.map { "\($0["document"] as? String ?? "") \($0["expression"] as? String ?? "") \($0["date"] as? String ?? "")" }
    }

    /// Every mention across the corpus, in date order, with its document.
    @Test func listsMentionsInDateOrder() throws {
        let response = try APIFixture.get("/v1/timeline")
        #expect(response.statusCode == 200)
        #expect(try self.events(response) == [
            "alpha on Tuesday 2024-03-05", "alpha next month 2024-04", "delta on Friday 2024-05-03",
        ])
    }

    /// A month overlaps a range that touches any of its days.
    @Test func filtersByOverlapWithTheRange() throws {
        let response = try APIFixture.get("/v1/timeline?from=2024-04-30&to=2024-05-02")
        #expect(try self.events(response) == ["alpha next month 2024-04"])
        let links = try #require(try response.jsonObject()["links"] as? [String: Any])
        #expect(links["self"] as? String == "/v1/timeline?from=2024-04-30&to=2024-05-02&limit=20&offset=0")
    }

    @Test(arguments: [
        ("/v1/timeline?from=2024-13-01", "from"), ("/v1/timeline?to=yesterday", "to"),
        ("/v1/timeline?from=2024-05-02&to=2024-05-01", "from"),
    ])
    func rejectsBadRanges(_ target: String, _ parameter: String) throws {
        let response = try APIFixture.get(target)
        #expect(response.statusCode == 400)
        #expect(try response.jsonObject()["parameter"] as? String == parameter)
    }
}
