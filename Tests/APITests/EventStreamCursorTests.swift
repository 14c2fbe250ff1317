@testable import API
import Testing

/// `EventStreamCursor`: one piece at a time, paged while behind, live once caught up.
struct EventStreamCursorTests {
    @Test func pagesUntilCaughtUpThenGoesIdle() {
        var cursor = EventStreamCursor(after: 0)

        #expect(cursor.drained(latest: 250) == .catchUp(after: 0, through: 250), "the preamble is written")
        #expect(cursor.sent(through: 100, handedOver: true, latest: 250) == .wait)
        #expect(cursor.drained(latest: 250) == .catchUp(after: 100, through: 250))
        #expect(cursor.sent(through: 250, handedOver: true, latest: 250) == .wait)
        #expect(cursor.drained(latest: 250) == .wait)
        #expect(cursor.phase == .idle)
    }

    @Test func anUpToDateIdleStreamGetsABatchLive() {
        var cursor = EventStreamCursor(after: 5)
        #expect(cursor.drained(latest: 5) == .wait)

        #expect(cursor.published(previous: 5, latest: 6, fitsOnePiece: true) == .live)
        #expect(cursor.delivered == 6)
        #expect(cursor.phase == .writing)
    }

    @Test func aBatchPublishedWhileWritingIsReadFromTheLogAfterTheDrain() {
        var cursor = EventStreamCursor(after: 5)
        _ = cursor.drained(latest: 5)
        _ = cursor.published(previous: 5, latest: 6, fitsOnePiece: true)

        #expect(cursor.published(previous: 6, latest: 8, fitsOnePiece: true) == .wait)
        #expect(cursor.drained(latest: 8) == .catchUp(after: 6, through: 8))
    }

    @Test func aLargeOrEmptyBatchIsPaged() {
        var cursor = EventStreamCursor(after: 5)
        _ = cursor.drained(latest: 5)

        #expect(cursor.published(previous: 5, latest: 900, fitsOnePiece: false) == .catchUp(after: 5, through: 900))
    }

    @Test func aDrainWhileAPageIsReadIsIgnored() {
        var cursor = EventStreamCursor(after: 0)
        #expect(cursor.drained(latest: 10) == .catchUp(after: 0, through: 10))

        #expect(cursor.drained(latest: 10) == .wait, "a second reader of the same page would send it twice")
        #expect(cursor.published(previous: 10, latest: 11, fitsOnePiece: true) == .wait)
    }

    @Test func aPageWithNothingToSendAsksForTheNextAtOnce() {
        var cursor = EventStreamCursor(after: 0)
        _ = cursor.drained(latest: 10)

        #expect(cursor.sent(through: 10, handedOver: false, latest: 12) == .catchUp(after: 10, through: 12))
        #expect(cursor.sent(through: 12, handedOver: false, latest: 12) == .wait)
        #expect(cursor.phase == .idle)
    }
}
