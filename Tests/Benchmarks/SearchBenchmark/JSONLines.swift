import Foundation

/// A JSON value small enough for the export files: strings, integers, numbers, arrays and objects.
enum JSONValue {
    /// A string.
    case string(String)
    /// An integer.
    case int(Int)
    /// A floating-point number.
    case number(Double)
    /// An array.
    case array([JSONValue])
    /// An object whose keys keep the given order; `nil` values are left out.
    case object([(String, JSONValue?)])

    /// The value as compact JSON text.
    var encoded: String {
        var bytes: [UInt8] = []
        self.encode(into: &bytes)
        return String(decoding: bytes, as: UTF8.self)
    }

    /// Appends the value as compact JSON (UTF-8) to `bytes`.
    func encode(into bytes: inout [UInt8]) {
        switch self {
        case .string(let text): Self.encode(text, into: &bytes)
        case .int(let value): bytes.append(contentsOf: String(value).utf8)
        case .number(let value): bytes.append(contentsOf: (value.isFinite ? String(value) : "null").utf8)
        case .array(let elements):
            bytes.append(UInt8(ascii: "["))
            for (position, element) in elements.enumerated() {
                if position > 0 { bytes.append(UInt8(ascii: ",")) }
                element.encode(into: &bytes)
            }
            bytes.append(UInt8(ascii: "]"))
        case .object(let members):
            bytes.append(UInt8(ascii: "{"))
            var first = true
            for (key, value) in members {
                guard let value else { continue }
                if !first { bytes.append(UInt8(ascii: ",")) }
                first = false
                Self.encode(key, into: &bytes)
                bytes.append(UInt8(ascii: ":"))
                value.encode(into: &bytes)
            }
            bytes.append(UInt8(ascii: "}"))
        }
    }

    /// Appends `text` as a JSON string literal: quotes, backslashes and control characters escaped.
    private static func encode(_ text: String, into bytes: inout [UInt8]) {
        let hex = Array("0123456789abcdef".utf8)
        bytes.append(UInt8(ascii: "\""))
        for byte in text.utf8 {
            switch byte {
            case UInt8(ascii: "\""), UInt8(ascii: "\\"): bytes += [UInt8(ascii: "\\"), byte]
            case UInt8(ascii: "\n"): bytes += [UInt8(ascii: "\\"), UInt8(ascii: "n")]
            case 0..<0x20: bytes += Array("\\u00".utf8) + [hex[Int(byte >> 4)], hex[Int(byte & 15)]]
            default: bytes.append(byte)
            }
        }
        bytes.append(UInt8(ascii: "\""))
    }
}

/// Writes one JSON value per line to a file, buffered.
final class JSONLinesWriter {
    /// The open file.
    private let handle: FileHandle
    /// Encoded lines not yet written.
    private var buffer: [UInt8] = []

    /// Creates (or truncates) the file at `url`.
    init(url: URL) throws {
        _ = FileManager.default.createFile(atPath: url.path, contents: nil)
        self.handle = try FileHandle(forWritingTo: url)
    }

    /// Appends `value` as one line.
    func write(_ value: JSONValue) {
        value.encode(into: &self.buffer)
        self.buffer.append(UInt8(ascii: "\n"))
        if self.buffer.count >= 1 << 20 { self.flush() }
    }

    /// Writes out what is buffered.
    func flush() {
        self.handle.write(Data(self.buffer))
        self.buffer.removeAll(keepingCapacity: true)
    }

    /// Flushes and closes the file.
    func close() throws {
        self.flush()
        try self.handle.close()
    }
}
