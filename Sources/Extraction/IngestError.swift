import DocumentModel

/// Why a text could not become a document.
public enum IngestError: Error, Sendable, Hashable, CustomStringConvertible {
    /// Nothing but whitespace (or a metadata line) was left to make a body of.
    case emptyBody
    /// The `date` metadata line is present but malformed.
    case malformedMetadataLine(String)

    /// A sentence saying what was wrong.
    public var description: String {
        switch self {
        case .emptyBody: return "The text has no body paragraphs."
        case .malformedMetadataLine(let line):
            return "The first line looks like 'date YYYY-MM-DD SOURCE, CITY' but is malformed: '\(line)'."
        }
    }
}
