extension LogLine {
    /// `{"time":"2026-11-22T20:33:27.412Z","level":"info","method":"GET","path":"/v1/documents",`
    /// `"status":200,"bytes":1234,"duration_ms":0.215,"request_id":"…","key":"desk","remote_address":"127.0.0.1"}`;
    /// `request_id` is `null` when the response had none, `key` (the API key's name, never
    /// the key) when the request carried none.
    static func appendJSONAccess(_ entry: AccessLogEntry, secondStamp: String, milliseconds: Int, to bytes: inout [UInt8]) {
        Self.appendJSONHead(secondStamp: secondStamp, milliseconds: milliseconds, level: .info, to: &bytes)
        bytes.append(contentsOf: #","method":"#.utf8)
        Self.appendJSONString(entry.method, to: &bytes)
        bytes.append(contentsOf: #","path":"#.utf8)
        Self.appendJSONString(entry.target, to: &bytes)
        bytes.append(contentsOf: #","status":"#.utf8)
        ResponseWriter.appendDecimal(entry.status, to: &bytes)
        bytes.append(contentsOf: #","bytes":"#.utf8)
        ResponseWriter.appendDecimal(entry.bodyBytes, to: &bytes)
        bytes.append(contentsOf: #","duration_ms":"#.utf8)
        Self.appendMilliseconds(microseconds: entry.durationMicroseconds, to: &bytes)
        bytes.append(contentsOf: #","request_id":"#.utf8)
        if let requestID = entry.requestID {
            Self.appendJSONString(requestID, to: &bytes)
        } else {
            bytes.append(contentsOf: "null".utf8)
        }
        bytes.append(contentsOf: #","key":"#.utf8)
        if let keyName = entry.keyName {
            Self.appendJSONString(keyName, to: &bytes)
        } else {
            bytes.append(contentsOf: "null".utf8)
        }
        bytes.append(contentsOf: #","remote_address":"#.utf8)
        Self.appendJSONString(entry.remoteAddress, to: &bytes)
        bytes.append(contentsOf: "}\n".utf8)
    }

    /// `{"time":"…","level":"warning","message":"…"}` followed by the fields, in order.
    static func jsonMessage(_ message: String, level: LogLevel, fields: [LogField], secondStamp: String, milliseconds: Int) -> [UInt8] {
        var bytes: [UInt8] = []
        Self.appendJSONHead(secondStamp: secondStamp, milliseconds: milliseconds, level: level, to: &bytes)
        bytes.append(contentsOf: #","message":"#.utf8)
        Self.appendJSONString(message, to: &bytes)
        for field in fields {
            bytes.append(UInt8(ascii: ","))
            Self.appendJSONString(field.key, to: &bytes)
            bytes.append(ASCII.colon)
            switch field.value {
            case .string(let text): Self.appendJSONString(text, to: &bytes)
            case .integer(let number): bytes.append(contentsOf: String(number).utf8)
            case .boolean(let flag): bytes.append(contentsOf: (flag ? "true" : "false").utf8)
            }
        }
        bytes.append(contentsOf: "}\n".utf8)
        return bytes
    }

    /// `{"time":"2026-11-22T20:33:27.412Z","level":"info"`: the second's RFC 3339 stamp with
    /// the milliseconds put before its `Z`.
    private static func appendJSONHead(secondStamp: String, milliseconds: Int, level: LogLevel, to bytes: inout [UInt8]) {
        bytes.append(contentsOf: #"{"time":""#.utf8)
        bytes.append(contentsOf: secondStamp.utf8.dropLast())
        bytes.append(UInt8(ascii: "."))
        Self.appendThreeDigits(milliseconds, to: &bytes)
        bytes.append(contentsOf: #"Z","level":""#.utf8)
        bytes.append(contentsOf: level.rawValue.utf8)
        bytes.append(UInt8(ascii: "\""))
    }

    /// A JSON string: quoted, with `"` and `\` backslash-escaped and control characters as
    /// `\u00XX` (RFC 8259 §7). Swift strings are valid Unicode, so the rest is copied as is.
    ///
    /// Deliberately minimal (no short escapes such as `\n`): HTTPServer does not depend on
    /// Serialization, and log lines only need to be valid JSON.
    private static func appendJSONString(_ text: String, to bytes: inout [UInt8]) {
        bytes.append(UInt8(ascii: "\""))
        for byte in text.utf8 {
            switch byte {
            case UInt8(ascii: "\""), UInt8(ascii: "\\"):
                bytes.append(UInt8(ascii: "\\"))
                bytes.append(byte)
            case 0x00..<0x20:
                bytes.append(contentsOf: #"\u00"#.utf8)
                bytes.append(Self.hexDigits[Int(byte >> 4)])
                bytes.append(Self.hexDigits[Int(byte & 0x0F)])
            default:
                bytes.append(byte)
            }
        }
        bytes.append(UInt8(ascii: "\""))
    }

    private static let hexDigits = Array("0123456789abcdef".utf8)
}
