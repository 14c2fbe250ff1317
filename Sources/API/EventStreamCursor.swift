/// Where one `GET /v1/events` stream stands in the change history, and what it is sent next.
///
/// A stream is sent one piece at a time: the next only once the connection reports the
/// previous written (its drain signal). While it is behind the latest change it is paged from
/// the change log (`catchUp`); once it has caught up, a published batch is handed to it as is
/// (`live`). A batch published while a piece is being read or written is not sent then: the
/// stream reads it from the log after the drain, so every change arrives once and in order,
/// and a slow reader falls behind in the log rather than in the server's buffers.
///
/// A value type with no I/O: `ChangeFeed` keeps one per stream under its lock and carries out
/// what it returns.
struct EventStreamCursor: Sendable, Hashable {
    /// What to send the stream now.
    enum Step: Sendable, Hashable {
        /// Nothing: a piece is being read or written, or the stream is up to date.
        case wait
        /// The batch just published, as encoded for every stream.
        case live
        /// A page of the log: the changes after `after`, up to `through`. Report it with
        /// `sent(through:handedOver:latest:)`.
        case catchUp(after: Int, through: Int)
    }

    /// What the stream is doing.
    enum Phase: Sendable, Hashable {
        /// Everything handed over has been written, and the stream is up to date.
        case idle
        /// A page is being read from the log; no other piece may start.
        case reading
        /// A piece was handed to the stream and has not been reported written.
        case writing
    }

    /// The last change the stream was sent, or told it missed (with a `reset` event).
    private(set) var delivered: Int
    private(set) var phase: Phase

    /// A stream that resumes after change `since`, whose preamble is being written.
    init(after since: Int) {
        self.delivered = since
        self.phase = .writing
    }

    /// The connection has written everything it was handed.
    ///
    /// A report that comes while a page is being read is ignored: that page, once handed
    /// over, brings its own.
    ///
    /// - Parameter latest: the latest change published.
    mutating func drained(latest: Int) -> Step {
        guard self.phase != .reading else { return .wait }
        return self.next(latest: latest)
    }

    /// A batch was published, after change `previous` through `latest`.
    ///
    /// - Parameter fitsOnePiece: whether the batch is small enough to send as one piece; a
    ///   larger one is paged from the log, and so is an empty one that moves `latest` (a
    ///   replica that started again), whose page is a `reset` event.
    mutating func published(previous: Int, latest: Int, fitsOnePiece: Bool) -> Step {
        guard self.phase == .idle, self.delivered < latest else { return .wait }
        guard self.delivered == previous, fitsOnePiece else { return self.next(latest: latest) }
        self.delivered = latest
        self.phase = .writing
        return .live
    }

    /// The page asked for by `catchUp` was read: everything up to `through` is now sent (or
    /// reported missed).
    ///
    /// - Parameters:
    ///   - handedOver: whether it held bytes that went to the stream; when not, no drain
    ///     will come, so the next page (if any) is asked for at once.
    ///   - latest: the latest change published.
    mutating func sent(through: Int, handedOver: Bool, latest: Int) -> Step {
        precondition(self.phase == .reading && through >= self.delivered, "a page reported that was not asked for")
        self.delivered = through
        guard handedOver else { return self.next(latest: latest) }
        self.phase = .writing
        return .wait
    }

    private mutating func next(latest: Int) -> Step {
        guard self.delivered < latest else {
            self.phase = .idle
            return .wait
        }
        self.phase = .reading
        return .catchUp(after: self.delivered, through: latest)
    }
}
