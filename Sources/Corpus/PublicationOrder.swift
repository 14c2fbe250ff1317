import DocumentModel

/// Where a document stands in a list sorted by publication date: dated documents by their
/// date (oldest or newest first), then undated ones; ties, and undated documents, by id.
///
/// The key of `Snapshot`'s two publication-order indexes, so a sorted list is read in order
/// instead of sorted per request.
public struct PublicationOrder: Comparable, Sendable {
    /// Which way dates run.
    public enum Direction: Sendable {
        /// Oldest first.
        case oldestFirst
        /// Newest first.
        case newestFirst
    }

    private let isUndated: Bool
    private let date: String
    private let direction: Direction
    private let id: String

    /// The position of `document` in lists running in `direction`.
    public init(_ document: Document, _ direction: Direction) {
        self.isUndated = document.published == nil
        self.date = document.published ?? ""
        self.direction = direction
        self.id = document.id
    }

    /// Whether `left` comes first: dated before undated, then by date in the direction
    /// (both keys are of one index, so of one direction), then by id.
    public static func < (left: PublicationOrder, right: PublicationOrder) -> Bool {
        if left.isUndated != right.isUndated { return !left.isUndated }
        if left.date != right.date { return left.direction == .oldestFirst ? left.date < right.date : left.date > right.date }
        return left.id < right.id
    }

    /// Whether both name the same place.
    public static func == (left: PublicationOrder, right: PublicationOrder) -> Bool {
        left.isUndated == right.isUndated && left.date == right.date && left.id == right.id
    }
}
