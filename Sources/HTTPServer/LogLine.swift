/// Builds the bytes of one log line in a `LogFormat`; `StreamLogger` buffers and writes them.
///
/// Access lines are appended into the logger's pending buffer, so a request costs no
/// allocation beyond that buffer's growth; message lines are rare and built on their own.
enum LogLine {
    /// Appends the access line for `entry`.
    ///
    /// - Parameters:
    ///   - entry: the request.
    ///   - format: the line's format.
    ///   - secondStamp: `HTTPDate.rfc3339(time.seconds)`, which the caller caches per second.
    ///   - time: when the request was logged.
    ///   - bytes: the buffer to append to.
    static func appendAccess(
        _ entry: AccessLogEntry, format: LogFormat, secondStamp: String, time: LogTime, to bytes: inout [UInt8]
    ) {
        switch format {
        case .text: Self.appendTextAccess(entry, secondStamp: secondStamp, to: &bytes)
        case .json: Self.appendJSONAccess(entry, secondStamp: secondStamp, milliseconds: time.milliseconds, to: &bytes)
        }
    }

    /// The line for a message, newline included.
    static func message(_ message: String, level: LogLevel, fields: [LogField], format: LogFormat, time: LogTime) -> [UInt8] {
        let secondStamp = HTTPDate.rfc3339(time.seconds)
        switch format {
        case .text: return Array("\(secondStamp) \(level.rawValue): \(message)\n".utf8)
        case .json: return Self.jsonMessage(message, level: level, fields: fields, secondStamp: secondStamp, milliseconds: time.milliseconds)
        }
    }

    /// `1234` microseconds as `1.234`: milliseconds with three decimals.
    static func appendMilliseconds(microseconds: Int, to bytes: inout [UInt8]) {
        ResponseWriter.appendDecimal(microseconds / 1000, to: &bytes)
        bytes.append(UInt8(ascii: "."))
        Self.appendThreeDigits(microseconds % 1000, to: &bytes)
    }

    /// `7` as `007`: a value below 1000, zero-padded.
    static func appendThreeDigits(_ value: Int, to bytes: inout [UInt8]) {
        if value < 100 { bytes.append(UInt8(ascii: "0")) }
        if value < 10 { bytes.append(UInt8(ascii: "0")) }
        ResponseWriter.appendDecimal(value, to: &bytes)
    }
}
