import Dispatch
import Glibc
import Locking

/// A `ServerLogger` that writes one text line per request to a file descriptor (stdout by
/// default) and notices to another (stderr).
///
/// Access lines are buffered and written at most every 100 ms or when 32 KiB have gathered,
/// so logging costs a memory copy per request rather than a system call. Call `flush()`
/// before the process exits.
///
/// A line reads: `2026-11-22T20:33:27Z 127.0.0.1 GET /v1/documents 200 1234 0.215ms -`
/// (time, peer, method, target, status, body bytes, handling time, request id or `-`).
///
/// - Note: The pending buffer is guarded by a mutex; writes happen outside it.
public final class StreamLogger: ServerLogger {
    private struct Pending {
        var bytes: [UInt8] = []
        var second = -1
        var timestamp = ""
        var isFlushScheduled = false
    }

    private let accessDescriptor: Int32
    private let noticeDescriptor: Int32
    private let isAccessLogEnabled: Bool
    private let pending = Locked(Pending())
    private let flushQueue = DispatchQueue(label: "dossier.log")
    private static let flushThreshold = 32 * 1024

    /// Makes a logger.
    ///
    /// - Parameters:
    ///   - accessDescriptor: where access lines go; stdout by default.
    ///   - noticeDescriptor: where notices go; stderr by default.
    ///   - isAccessLogEnabled: `false` drops access lines (notices are always written).
    public init(accessDescriptor: Int32 = STDOUT_FILENO, noticeDescriptor: Int32 = STDERR_FILENO, isAccessLogEnabled: Bool = true) {
        self.accessDescriptor = accessDescriptor
        self.noticeDescriptor = noticeDescriptor
        self.isAccessLogEnabled = isAccessLogEnabled
    }

    /// Buffers one access line.
    public func access(_ entry: AccessLogEntry) {
        guard self.isAccessLogEnabled else { return }
        let now = Int(time(nil))
        let (ready, scheduleFlush): ([UInt8]?, Bool) = self.pending.withLock { state in
            if state.second != now {
                state.second = now
                state.timestamp = HTTPDate.rfc3339(now)
            }
            Self.appendLine(entry, timestamp: state.timestamp, to: &state.bytes)
            if state.bytes.count >= Self.flushThreshold {
                defer { state.bytes.removeAll(keepingCapacity: true) }
                return (state.bytes, false)
            }
            guard !state.isFlushScheduled else { return (nil, false) }
            state.isFlushScheduled = true
            return (nil, true)
        }
        if let ready { Self.writeAll(ready, to: self.accessDescriptor) }
        if scheduleFlush {
            self.flushQueue.asyncAfter(deadline: .now() + .milliseconds(100)) { self.flush() }
        }
    }

    /// Writes a notice line to the notice descriptor at once.
    public func notice(_ message: String) {
        Self.writeAll(Array("\(HTTPDate.rfc3339(Int(time(nil)))) \(message)\n".utf8), to: self.noticeDescriptor)
    }

    /// Writes every buffered access line now.
    public func flush() {
        let bytes = self.pending.withLock { state in
            state.isFlushScheduled = false
            defer { state.bytes.removeAll(keepingCapacity: true) }
            return state.bytes
        }
        if !bytes.isEmpty { Self.writeAll(bytes, to: self.accessDescriptor) }
    }

    private static func appendLine(_ entry: AccessLogEntry, timestamp: String, to bytes: inout [UInt8]) {
        bytes.append(contentsOf: timestamp.utf8)
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
        ResponseWriter.appendDecimal(entry.durationMicroseconds / 1000, to: &bytes)
        bytes.append(UInt8(ascii: "."))
        let fraction = entry.durationMicroseconds % 1000
        if fraction < 100 { bytes.append(UInt8(ascii: "0")) }
        if fraction < 10 { bytes.append(UInt8(ascii: "0")) }
        ResponseWriter.appendDecimal(fraction, to: &bytes)
        bytes.append(contentsOf: "ms ".utf8)
        bytes.append(contentsOf: (entry.requestID ?? "-").utf8)
        bytes.append(ASCII.lf)
    }

    private static func writeAll(_ bytes: [UInt8], to descriptor: Int32) {
        bytes.withUnsafeBytes { raw in
            var offset = 0
            while offset < raw.count {
                let written = Glibc.write(descriptor, raw.baseAddress! + offset, raw.count - offset)
                if written < 0 && errno == EINTR { continue }
                guard written > 0 else { return }  // a closed or full log must not stop the server
                offset += written
            }
        }
    }
}
