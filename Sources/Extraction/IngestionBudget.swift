/// How much CPU time ingesting one document may take, and the clock that measures it.
///
/// Ingestion is linear in the text, but a hostile text of the largest size the API takes
/// still costs seconds; a budget stops it and the write is refused instead of holding a
/// core. `Ingestor.ingest` starts an `IngestionDeadline` from the budget on the thread that
/// ingests, and the stages check it cooperatively between stages and inside the loops that
/// grow with the text.
///
/// ```swift
/// let budget = IngestionBudget(limit: .seconds(5))
/// let document = try Ingestor().ingest(text: text, id: "doc-1", budget: budget)  // throws IngestError.tooComplex past 5 s
/// ```
///
/// A document replayed from the journal, or applied by a follower, was accepted once and must
/// always load: those ingest with `.unlimited`.
public struct IngestionBudget: Sendable {
    /// The CPU time one ingestion may use; `nil` for no limit.
    public let limit: Duration?
    /// The CPU time the calling thread has used so far; read on the ingesting thread.
    let clock: @Sendable () -> Duration

    /// No limit: for replay and followers, and for tools.
    public static let unlimited = IngestionBudget(limit: nil)

    /// Makes a budget.
    ///
    /// - Parameters:
    ///   - limit: the CPU time one ingestion may use; `nil` for no limit.
    ///   - clock: the CPU time the calling thread has used (`ThreadCPUClock.now` by default);
    ///     tests inject one that advances as they choose.
    public init(limit: Duration?, clock: @escaping @Sendable () -> Duration = ThreadCPUClock.now) {
        self.limit = limit
        self.clock = clock
    }

    /// Starts counting, on the thread that is about to ingest.
    func start() -> IngestionDeadline {
        guard let limit = self.limit else { return IngestionDeadline(limit: nil, clock: self.clock, end: .zero) }
        return IngestionDeadline(limit: limit, clock: self.clock, end: self.clock() + limit)
    }
}
