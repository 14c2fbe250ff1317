import DocumentModel

/// Why a text could not become a document.
public enum IngestError: Error, Sendable, Hashable, CustomStringConvertible {
    /// Nothing but whitespace (or a metadata line) was left to make a body of.
    case emptyBody
    /// The `date` metadata line is present but malformed.
    case malformedMetadataLine(String)
    /// Ingesting the text took more CPU time than its budget (`IngestionBudget`) allows.
    case tooComplex(limit: Duration)

    /// A sentence saying what was wrong.
    public var description: String {
        switch self {
        case .emptyBody: return "The text has no body paragraphs."
        case .malformedMetadataLine(let line):
            return "The first line looks like 'date YYYY-MM-DD SOURCE, CITY' but is malformed: '\(line)'."
        case .tooComplex(let limit):
            return "The text is too complex to process within the ingestion limit of \(Self.seconds(limit)) s of CPU time;"
                + " nothing was stored. Send it as smaller documents."
        }
    }

    /// `limit` in seconds, with no more decimals than it needs (`5`, `0.25`).
    private static func seconds(_ limit: Duration) -> String {
        let (seconds, attoseconds) = limit.components
        let milliseconds = attoseconds / 1_000_000_000_000_000
        guard milliseconds > 0 else { return "\(seconds)" }
        var fraction = String(milliseconds)
        fraction = String(repeating: "0", count: 3 - fraction.count) + fraction
        while fraction.hasSuffix("0") { fraction.removeLast() }
        return "\(seconds).\(fraction)"
    }
}
