import DocumentModel
import Glibc

/// The name of the collection a data directory holds: 32 random hex digits in its `ID` file,
/// made when the directory is first opened and kept for its life.
///
/// A follower remembers its writer's identity and sends it when it reconnects: a writer whose
/// directory was wiped and started afresh has another one, and tells the follower to start
/// again instead of resuming change numbers that now name other writes.
public enum CollectionIdentity {
    /// The file in the data directory.
    static let fileName = "ID"

    /// Reads the identity of the directory at `path`, making it on first use (written aside,
    /// fsynced, renamed into place, the directory fsynced).
    ///
    /// - Throws: `StoreError.corrupt` when the file holds anything but an identity;
    ///   `StoreError.io` when it cannot be read or written.
    static func read(in path: String) throws(StoreError) -> String {
        let file = path + "/" + self.fileName
        if let existing = try FileDescriptor.openIfExists(file, O_RDONLY | O_CLOEXEC) {
            defer { existing.close() }
            let text = String(decoding: try existing.readAll(maxBytes: 64) ?? [], as: UTF8.self)
                .trimmingSuffix(while: { $0 == "\n" })
            guard self.isValid(text) else {
                throw .corrupt(file: file, offset: 0, reason: "the collection identity is not 32 hexadecimal digits")
            }
            return text
        }
        return try self.renew(in: path)
    }

    /// Gives the directory at `path` a new identity, replacing any it had (written aside,
    /// fsynced, renamed into place, the directory fsynced): its followers then start again.
    ///
    /// - Returns: the new identity.
    /// - Throws: `StoreError.io` when it cannot be written.
    static func renew(in path: String) throws(StoreError) -> String {
        let file = path + "/" + self.fileName
        var generator = SystemRandomNumberGenerator()
        let identity = (0..<2).map { _ in String(generator.next() as UInt64, radix: 16).leftPadded(to: 16) }.joined()
        let temporary = file + ".tmp"
        let written = try FileDescriptor.open(temporary, O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC)
        defer { written.close() }
        try written.write(Array((identity + "\n").utf8), at: 0)
        try written.sync()
        try FileSystem.rename(temporary, to: file)
        try FileSystem.syncDirectory(path)
        return identity
    }

    /// Whether `text` is an identity: 32 lower-case hexadecimal digits.
    public static func isValid(_ text: String) -> Bool {
        text.utf8.count == 32 && text.utf8.allSatisfy { (0x30...0x39).contains($0) || (0x61...0x66).contains($0) }
    }
}

extension String {
    /// Zeros before it up to `width` characters.
    fileprivate func leftPadded(to width: Int) -> String {
        String(repeating: "0", count: max(0, width - self.count)) + self
    }

    /// Without the trailing characters that satisfy `predicate`.
    fileprivate func trimmingSuffix(while predicate: (Character) -> Bool) -> String {
        var text = self
        while let last = text.last, predicate(last) { text.removeLast() }
        return text
    }
}
