import Corpus
import DocumentModel
import Extraction
import HTTPServer
import Serialization

/// The body of `POST /v1/documents`: raw text, or JSON with the text and metadata.
///
/// `text/plain` (UTF-8) is the article as is. `application/json` is an object with `text`
/// (required) and optional `id`, `source`, `published` (`YYYY-MM-DD`) and `title`, each a
/// string or `null`; any other member is refused, so a misspelt one is not silently ignored.
struct SubmissionBody {
    /// The media types a submission may have.
    static let acceptedTypes = ["text/plain", "application/json"]
    /// The JSON members a submission may have.
    static let members = ["text", "id", "source", "published", "title"]
    /// Longest id, title and source, in characters.
    static let maxIDLength = 128
    static let maxTitleLength = 1000
    static let maxSourceLength = 200

    /// What was submitted.
    let submission: DocumentSubmission
    /// The id the client chose, if any.
    let id: String?
    /// The media type, without parameters, lowercased (part of the idempotency fingerprint).
    let mediaType: String

    /// Reads a request's body.
    ///
    /// - Throws: `.unsupportedMediaType`, `.malformedJSON` (with the error's position), or
    ///   `.invalidBody` naming the member at fault.
    init(_ request: Request) throws(APIError) {
        let contentType = request.headers["Content-Type"]
        let parts = (contentType ?? "").split(separator: ";", omittingEmptySubsequences: false)
        let mediaType = parts[0].trimmingSpaces().lowercased()
        let charset = parts.dropFirst().lazy.map { $0.trimmingSpaces() }.first { $0.lowercased().hasPrefix("charset=") }.map { $0.dropFirst(8) }
        switch mediaType {
        case "text/plain":
            if let charset, !["utf-8", "utf8", "\"utf-8\""].contains(charset.lowercased()) {
                throw .unsupportedMediaType(given: contentType, accepted: ["text/plain; charset=utf-8", "application/json"])
            }
            guard let text = String(validating: request.body, as: UTF8.self) else {
                throw .invalidBody(detail: "The body is not valid UTF-8 text.", field: nil)
            }
            (self.submission, self.id) = (DocumentSubmission(text: text), nil)
        case "application/json":
            (self.submission, self.id) = try Self.decodeJSON(request.body)
        default:
            throw .unsupportedMediaType(given: contentType, accepted: Self.acceptedTypes)
        }
        self.mediaType = mediaType
    }

    private static func decodeJSON(_ body: [UInt8]) throws(APIError) -> (DocumentSubmission, String?) {
        let value: JSONValue
        do {
            value = try JSONParser.parse(body)
        } catch {
            throw .malformedJSON(error)
        }
        guard case .object(let members) = value else {
            throw .invalidBody(detail: "The body must be a JSON object with a 'text' member.", field: nil)
        }
        var strings: [String: String] = [:]
        for (name, member) in members {
            guard Self.members.contains(name) else {
                throw .invalidBody(
                    detail: "Unknown member '\(name)'; a document takes: \(Self.members.joined(separator: ", ")).", field: name)
            }
            switch member {
            case .null: continue
            case .string(let text): strings[name] = text
            default: throw .invalidBody(detail: "The member '\(name)' must be a string or null.", field: name)
            }
        }
        guard let text = strings["text"] else {
            throw .invalidBody(detail: "The member 'text' (the article's text) is required.", field: "text")
        }
        if let id = strings["id"] { try Self.checkID(id) }
        if let published = strings["published"], CalendarDate(parsing: published) == nil {
            throw .invalidBody(detail: "The member 'published' must be a date as YYYY-MM-DD, got '\(published)'.", field: "published")
        }
        let title = try Self.line(strings["title"], name: "title", maxLength: Self.maxTitleLength)
        let source = try Self.line(strings["source"], name: "source", maxLength: Self.maxSourceLength)
        return (DocumentSubmission(text: text, source: source, published: strings["published"], title: title), strings["id"])
    }

    /// Ids are 1 to 128 characters from `A-Z a-z 0-9 . _ ~ -`, starting with a letter or digit,
    /// so they need no escaping in a URL and cannot be confused with a path segment.
    private static func checkID(_ id: String) throws(APIError) {
        let isAlphanumeric: (UInt8) -> Bool = { ($0 | 0x20) &- 97 < 26 || $0 &- 48 < 10 }
        let bytes = Array(id.utf8)
        guard !bytes.isEmpty, bytes.count <= Self.maxIDLength, isAlphanumeric(bytes[0]),
            bytes.allSatisfy({ isAlphanumeric($0) || $0 == UInt8(ascii: ".") || $0 == UInt8(ascii: "_") || $0 == UInt8(ascii: "~") || $0 == UInt8(ascii: "-") })
        else {
            throw .invalidBody(
                detail: "The member 'id' must be 1 to \(Self.maxIDLength) of the characters A-Z a-z 0-9 . _ ~ - starting with a letter or digit, got '\(id)'.",
                field: "id")
        }
    }

    /// A one-line text member, trimmed; empty counts as absent.
    private static func line(_ text: String?, name: String, maxLength: Int) throws(APIError) -> String? {
        guard let trimmed = text?.trimmingSpaces(), !trimmed.isEmpty else { return nil }
        guard trimmed.count <= maxLength, !trimmed.unicodeScalars.contains(where: { $0.properties.generalCategory == .control }) else {
            throw .invalidBody(detail: "The member '\(name)' must be one line of at most \(maxLength) characters.", field: name)
        }
        return trimmed
    }
}

extension StringProtocol {
    /// Without leading and trailing spaces and tabs.
    fileprivate func trimmingSpaces() -> String {
        let isSpace: (Character) -> Bool = { $0 == " " || $0 == "\t" }
        guard let first = self.firstIndex(where: { !isSpace($0) }), let last = self.lastIndex(where: { !isSpace($0) }) else { return "" }
        return String(self[first...last])
    }
}
