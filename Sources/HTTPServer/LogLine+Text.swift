extension LogLine {
    /// `2026-11-22T20:33:27Z 127.0.0.1 GET /v1/documents 200 1234 0.215ms - desk`: time, peer,
    /// method, target, status, body bytes, handling time, request id or `-`, API key name or `-`.
    static func appendTextAccess(_ entry: AccessLogEntry, secondStamp: String, to bytes: inout [UInt8]) {
        bytes.append(contentsOf: secondStamp.utf8)
        bytes.append(ASCII.space)
        bytes.append(contentsOf: entry.remoteAddress.utf8)
        bytes.append(ASCII.space)
        bytes.append(contentsOf: entry.method.utf8)
        bytes.append(ASCII.space)
        bytes.append(contentsOf: entry.target.utf8)
        bytes.append(ASCII.space)
        ResponseWriter.appendDecimal(entry.status, to: &bytes)
        bytes.append(ASCII.space)
        ResponseWriter.appendDecimal(entry.bodyBytes, to: &bytes)
        bytes.append(ASCII.space)
        Self.appendMilliseconds(microseconds: entry.durationMicroseconds, to: &bytes)
        bytes.append(contentsOf: "ms ".utf8)
        bytes.append(contentsOf: (entry.requestID ?? "-").utf8)
        bytes.append(ASCII.space)
        bytes.append(contentsOf: (entry.keyName ?? "-").utf8)
        bytes.append(ASCII.lf)
    }
}
