import DocumentModel
import Foundation

/// The optional first line `date YYYY-MM-DD SOURCE, CITY` of a document.
///
/// `SOURCE` is the publisher (`AFP`) and `CITY` the dateline (`UNITED NATIONS`); either part
/// after the date may be missing.
struct MetadataLine: Sendable, Hashable {
    let published: String
    let source: String?
    let dateline: String?

    /// Parses a line, returning `nil` when it is not a metadata line at all.
    ///
    /// - Throws: `IngestError.malformedMetadataLine` when it starts with `date ` but the
    ///   date is not a valid `YYYY-MM-DD`.
    static func parse(_ line: Substring) throws(IngestError) -> MetadataLine? {
        let trimmed = SimpleText.trimmingWhitespaces(line)
        guard trimmed.hasPrefix("date ") else { return nil }
        let rest = trimmed.dropFirst(5).drop { $0 == " " }
        let date = rest.prefix { !$0.isWhitespace }
        // "date night ideas" is a headline, not a metadata line: only a date-shaped token
        // (digits and dashes) makes one, and then it must be a real date.
        guard !date.isEmpty, date.allSatisfy({ $0.isASCII && ($0.isNumber || $0 == "-") }) else { return nil }
        guard CalendarDate(parsing: date) != nil else { throw .malformedMetadataLine(String(trimmed)) }
        let tail = SimpleText.trimmingWhitespaces(rest.dropFirst(date.count))
        let parts = tail.split(separator: ",", maxSplits: 1, omittingEmptySubsequences: false).map(SimpleText.trimmingWhitespaces)
        return MetadataLine(
            published: String(date),
            source: parts.first.flatMap { $0.isEmpty ? nil : $0 },
            dateline: parts.count > 1 && !parts[1].isEmpty ? parts[1] : nil)
    }
}
