import Corpus
import Extraction
import Store
import Testing
import TestSupport

/// `POST /v1/documents` of a text that takes longer to ingest than `--ingest-timeout` allows,
/// over loopback: 422 naming the limit, nothing stored, and the next write goes through.
@Suite(.timeLimit(.minutes(1)))
struct IngestionBudgetIntegrationTests {
    /// A text far longer than `WritableServer.article`.
    static let longArticle = "Terminal talks drag on\n\n" + (0..<300).map { index in
        "LISBON — Rui Costa met Ana Silva on 3 March 2024, the port authority said. \u{201C}We meet again on day \(index),\u{201D} said Costa."
    }.joined(separator: "\n\n")

    @Test func aTextPastTheBudgetIs422AndStoresNothing() throws {
        var configuration = DocumentStore.Configuration()
        // Deterministic on any machine: each reading of the clock "costs" 1 ms, so a short
        // article stays within 20 ms and the long one does not.
        configuration.ingestionBudget = IngestionBudget(limit: .milliseconds(20), clock: SteppingClock(step: .milliseconds(1)).read)
        let harness = try WritableServer(configuration: configuration)
        let client = try harness.client()
        let before = try client.listing("/v1/documents?limit=1").total

        let refused = try client.post("/v1/documents", Self.longArticle)

        #expect(refused.statusCode == 422)
        #expect(refused["Content-Type"] == "application/problem+json")
        #expect(
            try refused.jsonObject()["detail"] as? String
                == "The text is too complex to process within the ingestion limit of 0.02 s of CPU time; nothing was stored. Send it as smaller documents.")
        #expect(try client.listing("/v1/documents?limit=1").total == before)
        #expect(try client.get("/v1/changes").jsonObject()["meta"].flatMap { ($0 as? [String: Any])?["last_change"] as? Int } == 0)

        let accepted = try client.post("/v1/documents", WritableServer.article("Ferry terminal reopens"))

        #expect(accepted.statusCode == 201, "\(accepted.bodyText)")
        #expect(accepted["Location"] == "/v1/documents/doc-1")
        #expect(try client.listing("/v1/documents?limit=1").total == before + 1)
    }
}
