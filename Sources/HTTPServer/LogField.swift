/// A named value attached to a log message, written as a key of the JSON object in the
/// `json` format; the `text` format shows only the message, which should say the same.
///
/// ```swift
/// logger.log(.info, "loaded 2 documents from ./seeds", [.integer("documents", 2), .string("seeds", "./seeds")])
/// ```
///
/// Keys are snake_case and must not be `time`, `level` or `message`.
public struct LogField: Sendable, Hashable {
    /// A field's value.
    public enum Value: Sendable, Hashable {
        /// A JSON string.
        case string(String)
        /// A JSON number.
        case integer(Int)
        /// A JSON `true` or `false`.
        case boolean(Bool)
    }

    /// The key.
    public let key: String
    /// The value.
    public let value: Value

    /// A string field.
    public static func string(_ key: String, _ value: String) -> LogField {
        LogField(key: key, value: .string(value))
    }

    /// A number field.
    public static func integer(_ key: String, _ value: Int) -> LogField {
        LogField(key: key, value: .integer(value))
    }

    /// A `true`/`false` field.
    public static func boolean(_ key: String, _ value: Bool) -> LogField {
        LogField(key: key, value: .boolean(value))
    }
}
