/// How a `StreamLogger` writes its lines.
public enum LogFormat: String, CaseIterable, Sendable {
    /// One human-readable line per entry: `2026-11-22T20:33:27Z info: listening on …`, and the
    /// access line `2026-11-22T20:33:27Z 127.0.0.1 GET /v1/documents 200 1234 0.215ms -`.
    case text
    /// One JSON object per line (JSON Lines), for log collectors: `time` (RFC 3339 UTC with
    /// milliseconds), `level`, then `message` and structured fields, or the access fields.
    case json
}
