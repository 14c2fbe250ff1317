@testable import API
import Testing

/// `Timestamp`: RFC 3339 in UTC with milliseconds, across the epoch and leap days.
struct TimestampTests {
    @Test(arguments: [
        (Int64(0), "1970-01-01T00:00:00.000Z"),
        (1_795_398_062_282, "2026-11-23T01:41:02.282Z"),
        (951_782_400_000, "2000-02-29T00:00:00.000Z"),
        (-1, "1969-12-31T23:59:59.999Z"),
    ])
    func formats(_ milliseconds: Int64, _ text: String) {
        #expect(Timestamp.rfc3339(milliseconds: milliseconds) == text)
    }
}
