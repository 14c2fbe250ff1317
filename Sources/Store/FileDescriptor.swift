import DocumentModel
import Glibc

/// An open file or directory and the system calls the store makes on it.
///
/// Every failure becomes `StoreError.io` naming the call and the path; calls interrupted by a
/// signal are retried. A plain value: its owner calls `close()` exactly once.
struct FileDescriptor {
    /// The kernel's descriptor.
    let descriptor: Int32
    /// The path it was opened with, for errors.
    let path: String

    /// Opens `path` with `flags` plus `O_CLOEXEC`; a file it creates gets mode 0644.
    static func open(_ path: String, _ flags: Int32) throws(StoreError) -> FileDescriptor {
        let descriptor = try retryingInterrupts("open", path) { Glibc.open(path, flags | O_CLOEXEC, 0o644) }
        return FileDescriptor(descriptor: descriptor, path: path)
    }

    /// Like `open`, but `nil` when `path` does not exist.
    static func openIfExists(_ path: String, _ flags: Int32) throws(StoreError) -> FileDescriptor? {
        do throws(StoreError) {
            return try self.open(path, flags)
        } catch .io(_, _, ENOENT) {
            return nil
        }
    }

    /// The file's `fstat`: its type, size and so on.
    func status() throws(StoreError) -> stat {
        var status = stat()
        try retryingInterrupts("fstat", self.path) { fstat(self.descriptor, &status) }
        return status
    }

    /// The whole file, read from its start.
    func readAll() throws(StoreError) -> [UInt8] {
        // No file holds more than `Int.max` bytes: never `nil`.
        try self.readAll(maxBytes: .max)!
    }

    /// The whole file, read from its start, or `nil` if it holds more than `maxBytes` bytes
    /// (checked against its size first, and again while reading, in case it grows).
    func readAll(maxBytes: Int) throws(StoreError) -> [UInt8]? {
        let size = Int(try self.status().st_size)
        if size > maxBytes { return nil }
        // One spare byte, so that a file of the expected size ends without growing the buffer.
        var bytes = [UInt8](repeating: 0, count: size + 1)
        var count = 0
        while true {
            if count == bytes.count { bytes.append(contentsOf: repeatElement(0, count: bytes.count)) }
            let read = try retryingInterrupts("read", self.path) {
                bytes.withUnsafeMutableBytes { pread(self.descriptor, $0.baseAddress! + count, $0.count - count, off_t(count)) }
            }
            if read == 0 { break }
            count += read
            if count > maxBytes { return nil }
        }
        bytes.removeSubrange(count...)
        return bytes
    }

    /// `count` bytes from `offset`.
    ///
    /// - Throws: `StoreError.io`, also when the file ends before them (`EIO`).
    func read(from offset: Int, count: Int) throws(StoreError) -> [UInt8] {
        var bytes = [UInt8](repeating: 0, count: count)
        var done = 0
        while done < count {
            let read = try retryingInterrupts("read", self.path) {
                bytes.withUnsafeMutableBytes { pread(self.descriptor, $0.baseAddress! + done, count - done, off_t(offset + done)) }
            }
            guard read > 0 else { throw .io(operation: "read", path: self.path, errno: EIO) }
            done += read
        }
        return bytes
    }

    /// Writes all of `bytes` at `offset`, however many calls that takes.
    func write(_ bytes: [UInt8], at offset: Int) throws(StoreError) {
        var written = 0
        while written < bytes.count {
            let count = try retryingInterrupts("write", self.path) {
                bytes.withUnsafeBytes { pwrite(self.descriptor, $0.baseAddress! + written, $0.count - written, off_t(offset + written)) }
            }
            // A regular file accepts at least one byte or fails; never spin on zero.
            guard count > 0 else { throw .io(operation: "write", path: self.path, errno: EIO) }
            written += count
        }
    }

    /// `fsync`: the file's data and metadata are on stable storage when it returns.
    func sync() throws(StoreError) {
        try retryingInterrupts("fsync", self.path) { fsync(self.descriptor) }
    }

    /// Cuts or extends the file to `size` bytes.
    func truncate(to size: Int) throws(StoreError) {
        try retryingInterrupts("ftruncate", self.path) { ftruncate(self.descriptor, off_t(size)) }
    }

    /// Takes an exclusive `flock` without waiting; it fails with `EWOULDBLOCK` when another
    /// open file description holds it, even in this process.
    func lockExclusively() throws(StoreError) {
        try retryingInterrupts("flock", self.path) { flock(self.descriptor, LOCK_EX | LOCK_NB) }
    }

    /// Closes the descriptor, releasing any `flock` held through it.
    func close() {
        _ = Glibc.close(self.descriptor)
    }
}

/// Runs a system call until it does not fail with `EINTR`.
///
/// - Parameters:
///   - operation: the call's name, for the error.
///   - path: the file it acts on, for the error.
///   - body: the call; a negative result means failure with `errno` set.
/// - Returns: the non-negative result.
/// - Throws: `StoreError.io` with the `errno` of the failure.
@discardableResult
func retryingInterrupts<Result: BinaryInteger>(_ operation: String, _ path: String, _ body: () -> Result) throws(StoreError) -> Result {
    while true {
        let result = body()
        if result >= 0 { return result }
        let code = errno
        if code != EINTR { throw .io(operation: operation, path: path, errno: code) }
    }
}
