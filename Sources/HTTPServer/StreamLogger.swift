import Dispatch
import Glibc
import Locking

/// A `ServerLogger` that writes one line per request to a file descriptor (stdout by
/// default) and messages to another (stderr), as text or as JSON lines.
///
/// Access lines are buffered and written at most every 100 ms or when 32 KiB have gathered,
/// so logging costs a memory copy per request rather than a system call. Call `flush()`
/// before the process exits. Messages below the configured level are dropped; the others are
/// written at once. `LogFormat` shows a line of each format.
///
/// ```swift
/// var configuration = StreamLogger.Configuration()
/// configuration.format = .json
/// let logger = StreamLogger(configuration: configuration)
/// logger.log(.info, "loaded 2 documents from ./seeds", [.integer("documents", 2)])
/// ```
///
/// - Note: The pending buffer is guarded by a mutex; writes happen outside it.
public final class StreamLogger: ServerLogger {
    /// What to log, how, and where; each setting has a documented default.
    public struct Configuration: Sendable, Hashable {
        /// Text or JSON lines. Default `.text`.
        public var format: LogFormat = .text
        /// The least severe message written. Default `.info`.
        public var level: LogLevel = .info
        /// `false` drops access lines (messages are still written). Default `true`.
        public var isAccessLogEnabled = true
        /// Where access lines go. Default stdout.
        public var accessDescriptor: Int32 = STDOUT_FILENO
        /// Where messages go. Default stderr.
        public var messageDescriptor: Int32 = STDERR_FILENO

        /// The defaults.
        public init() {}
    }

    private struct Pending {
        var bytes: [UInt8] = []
        var second = -1
        var timestamp = ""
        var isFlushScheduled = false
    }

    private let accessDescriptor: Int32
    private let messageDescriptor: Int32
    private let format: LogFormat
    private let minimumLevel: LogLevel
    private let isAccessLogEnabled: Bool
    private let pending = Locked(Pending())
    private let flushQueue = DispatchQueue(label: "dossier.log")
    private static let flushThreshold = 32 * 1024

    /// Makes a logger.
    ///
    /// - Parameter configuration: the format, level, access-log switch and descriptors.
    public init(configuration: Configuration = Configuration()) {
        self.accessDescriptor = configuration.accessDescriptor
        self.messageDescriptor = configuration.messageDescriptor
        self.format = configuration.format
        self.minimumLevel = configuration.level
        self.isAccessLogEnabled = configuration.isAccessLogEnabled
    }

    /// Buffers one access line.
    public func access(_ entry: AccessLogEntry) {
        guard self.isAccessLogEnabled else { return }
        let now = LogTime.now()
        let (ready, scheduleFlush): ([UInt8]?, Bool) = self.pending.withLock { state in
            if state.second != now.seconds {
                state.second = now.seconds
                state.timestamp = HTTPDate.rfc3339(now.seconds)
            }
            LogLine.appendAccess(entry, format: self.format, secondStamp: state.timestamp, time: now, to: &state.bytes)
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

    /// Writes a server notice as a warning: the server reports only what needs attention.
    public func notice(_ message: String) {
        self.log(.warning, message)
    }

    /// Writes a message line at once, unless `level` is below the configured one.
    ///
    /// - Parameters:
    ///   - level: how severe it is.
    ///   - message: one sentence, complete on its own (the text format shows only it).
    ///   - fields: the message's facts as JSON keys, in order; the JSON format only.
    public func log(_ level: LogLevel, _ message: String, _ fields: [LogField] = []) {
        guard level >= self.minimumLevel else { return }
        let line = LogLine.message(message, level: level, fields: fields, format: self.format, time: .now())
        Self.writeAll(line, to: self.messageDescriptor)
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
