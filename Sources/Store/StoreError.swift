import DocumentModel
import Glibc

/// Every way the data directory can fail.
///
/// Each description is one sentence naming the file and, for corruption, the byte offset, so
/// that the start-up log alone tells an operator where to look.
public enum StoreError: Error, Sendable, Hashable, CustomStringConvertible {
    /// The data directory, or one of its missing parents, could not be made.
    case cannotCreateDirectory(path: String, errno: Int32)
    /// Another process holds the directory's `LOCK` file (its pid is written in it).
    case locked(path: String)
    /// A system call on `path` failed; `operation` names it (`open`, `write`, `fsync`, ...).
    case io(operation: String, path: String, errno: Int32)
    /// A record before the final one of `file` is damaged, or a header is wrong: start-up must
    /// stop rather than drop the records behind it. `offset` is where the bad record or field starts.
    case corrupt(file: String, offset: Int, reason: String)
    /// `file` was written by a newer format version than this build reads.
    case unsupportedVersion(file: String, version: UInt32)
    /// The record for document `id` would exceed the 64 MiB payload cap; nothing was written.
    case recordTooLarge(id: String, bytes: Int)
    /// The journal file at `path` was removed or replaced while the server had it open: what
    /// it writes there would not be read at the next start.
    case journalReplaced(path: String)

    /// A sentence naming the file and what went wrong.
    public var description: String {
        switch self {
        case .cannotCreateDirectory(let path, let errno):
            return "Cannot create the data directory '\(path)': \(Self.explain(errno))."
        case .locked(let path):
            return "The data directory '\(path)' is in use by another process (its LOCK file is locked; the pid is written in it)."
        case .io(let operation, let path, let errno):
            return "\(operation) of '\(path)' failed: \(Self.explain(errno))."
        case .corrupt(let file, let offset, let reason):
            return "'\(file)' is corrupt at byte \(offset): \(reason)."
        case .unsupportedVersion(let file, let version):
            return "'\(file)' has format version \(version); this build reads version \(RecordFileHeader.version) only."
        case .recordTooLarge(let id, let bytes):
            return "The record for document '\(id)' is \(bytes) bytes, over the \(RecordCodec.maximumPayloadBytes)-byte cap."
        case .journalReplaced(let path):
            return "The journal '\(path)' was removed or replaced while the server ran."
        }
    }

    /// The same for a client: what failed, never where on the server (no path, no file name).
    public var clientDescription: String {
        switch self {
        case .cannotCreateDirectory(_, let errno): return "The server cannot create its data directory: \(Self.explain(errno))."
        case .locked: return "The server's data directory is in use by another process."
        case .io(let operation, _, let errno): return "\(operation) of the server's journal failed: \(Self.explain(errno))."
        case .corrupt(_, let offset, let reason): return "The server's journal is corrupt at byte \(offset): \(reason)."
        case .unsupportedVersion(_, let version): return "The server's journal has format version \(version), which this build does not read."
        case .recordTooLarge: return self.description
        case .journalReplaced: return "The server's journal was removed or replaced while it ran."
        }
    }

    /// `Permission denied (errno 13)`.
    private static func explain(_ errno: Int32) -> String {
        "\(String(cString: strerror(errno))) (errno \(errno))"
    }
}
