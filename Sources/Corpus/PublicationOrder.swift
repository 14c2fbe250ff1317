/// The order of lists sorted by publication date: dated documents by their date (oldest or
/// newest first), then undated ones; ties, and undated documents, by id.
///
/// `DocumentPostings` keeps it (oldest first; newest first is read from the same posting), so a
/// sorted list is read in order instead of sorted per request.
public enum PublicationOrder {
    /// Which way dates run.
    public enum Direction: Sendable {
        /// Oldest first.
        case oldestFirst
        /// Newest first.
        case newestFirst
    }
}
