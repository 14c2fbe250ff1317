@testable import Extraction
import TestSupport
import Testing

/// `IngestionBudget` and `IngestionDeadline`: ingestion stops with `.tooComplex` once its
/// clock passes the limit, and a budget it stays within changes nothing.
@Suite struct IngestionBudgetTests {
    /// An article of `paragraphs` paragraphs, each with names, a date and a quotation.
    static func article(paragraphs: Int) -> String {
        "Harbour talks drag on\n\n" + (0..<paragraphs).map { index in
            "OSLO — Ingrid Dahl met Lars Berg on 3 March 2024, the port authority said. \u{201C}We talk again on day \(index),\u{201D} said Dahl."
        }.joined(separator: "\n\n")
    }

    @Test func aTinyBudgetStopsIngestionWithItsLimit() {
        let clock = SteppingClock(step: .milliseconds(1))
        let budget = IngestionBudget(limit: .milliseconds(3), clock: clock.read)

        #expect(throws: IngestError.tooComplex(limit: .milliseconds(3))) {
            try Ingestor().ingest(text: Self.article(paragraphs: 40), id: "long", budget: budget)
        }
    }

    @Test func aBudgetItStaysWithinGivesTheSameDocument() throws {
        let clock = SteppingClock(step: .milliseconds(1))
        let budget = IngestionBudget(limit: .seconds(3600), clock: clock.read)
        let text = Self.article(paragraphs: 40)

        let budgeted = try Ingestor().ingest(text: text, id: "long", budget: budget)

        #expect(budgeted == (try Ingestor().ingest(text: text, id: "long")))
        #expect(clock.readCount > 1, "the stages checked the deadline")
    }

    /// The stages check often; the clock is read once per `checksPerReading` checks.
    @Test func theClockIsReadOncePerStrideOfChecks() throws {
        let clock = SteppingClock(step: .nanoseconds(1))
        let deadline = IngestionBudget(limit: .seconds(1), clock: clock.read).start()
        #expect(clock.readCount == 1)

        for _ in 0..<(IngestionDeadline.checksPerReading * 3) { try deadline.check() }

        #expect(clock.readCount == 4)
    }

    @Test func noLimitNeverReadsTheClock() throws {
        let clock = SteppingClock(step: .seconds(1))
        let deadline = IngestionBudget(limit: nil, clock: clock.read).start()

        for _ in 0..<1000 { try deadline.check() }

        #expect(clock.readCount == 0)
    }

    @Test(arguments: [
        (Duration.seconds(5), "within the ingestion limit of 5 s of CPU time"),
        (Duration.milliseconds(250), "within the ingestion limit of 0.25 s of CPU time"),
        (Duration.milliseconds(1500), "within the ingestion limit of 1.5 s of CPU time"),
    ])
    func tooComplexNamesTheLimit(_ limit: Duration, _ phrase: String) {
        let description = IngestError.tooComplex(limit: limit).description
        #expect(description.hasPrefix("The text is too complex to process"))
        #expect(description.contains(phrase))
    }

    /// The thread's CPU time never runs backwards.
    @Test func threadCPUClockIsMonotonic() {
        let first = ThreadCPUClock.now()
        var sum = 0
        for value in 0..<100_000 { sum &+= value }
        #expect(sum > 0)
        #expect(ThreadCPUClock.now() >= first)
    }
}
