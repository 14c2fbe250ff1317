/// One ingestion's deadline: the clock reading past which it gives up.
///
/// The stages call `check()` at their boundaries and once per unit of work inside the loops
/// that grow with the text (a word, a paragraph, a run of names, a mention, a quotation). A
/// check only counts; the clock is read every `checksPerReading` checks, so checking is cheap
/// enough for the innermost of those loops: reading the thread's CPU time is a system call
/// (about 1 µs here), and a long text makes hundreds of thousands of checks.
///
/// - Note: Not `Sendable`: made by `IngestionBudget.start()` on the ingesting thread, whose
///   CPU time the clock reads, and used only there.
final class IngestionDeadline {
    /// Checks between two readings of the clock.
    static let checksPerReading = 64

    private let limit: Duration?
    private let clock: @Sendable () -> Duration
    private let end: Duration
    private var checks = 0

    init(limit: Duration?, clock: @escaping @Sendable () -> Duration, end: Duration) {
        self.limit = limit
        self.clock = clock
        self.end = end
    }

    /// A deadline that never passes, for stages run on their own (tests, tools).
    static func unlimited() -> IngestionDeadline {
        IngestionBudget.unlimited.start()
    }

    /// Throws once the clock has passed the deadline.
    ///
    /// - Throws: `IngestError.tooComplex(limit:)`.
    func check() throws(IngestError) {
        guard let limit = self.limit else { return }
        self.checks += 1
        guard self.checks >= Self.checksPerReading else { return }
        self.checks = 0
        if self.clock() > self.end { throw .tooComplex(limit: limit) }
    }
}
