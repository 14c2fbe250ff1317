import DocumentModel
import Glibc

/// The store's calls on paths rather than open files.
enum FileSystem {
    /// Renames `source` to `destination`, atomically replacing any file there.
    static func rename(_ source: String, to destination: String) throws(StoreError) {
        try retryingInterrupts("rename to '\(destination)'", source) { Glibc.rename(source, destination) }
    }

    /// Gives the file at `path` the further name `newPath` (a hard link: no bytes copied).
    ///
    /// - Throws: `StoreError.io` naming `link`; `EEXIST` when `newPath` exists.
    static func link(_ path: String, as newPath: String) throws(StoreError) {
        try retryingInterrupts("link to '\(newPath)'", path) { Glibc.link(path, newPath) }
    }

    /// Creates (or empties) the file at `path`, lets `write` fill it, syncs it and returns it open.
    static func writeTemporaryFile(_ path: String, _ write: (FileDescriptor) throws(StoreError) -> Void) throws(StoreError) -> FileDescriptor {
        let file = try FileDescriptor.open(path, O_RDWR | O_CREAT | O_TRUNC)
        do throws(StoreError) {
            try write(file)
            try file.sync()
        } catch {
            file.close()
            throw error
        }
        return file
    }

    /// Removes the file at `path`; `false` when it could not be removed.
    static func remove(_ path: String) -> Bool {
        unlink(path) == 0
    }

    /// `fsync` of a directory, making the entries created, renamed or removed in it durable.
    static func syncDirectory(_ path: String) throws(StoreError) {
        let directory = try FileDescriptor.open(path, O_RDONLY | O_DIRECTORY)
        defer { directory.close() }
        try directory.sync()
    }

    /// Makes the directory `path` (mode 0755) and its missing parents, syncing the parent of
    /// each one made so that it survives a crash. An existing directory is left as it is.
    static func createDirectory(_ path: String) throws(StoreError) {
        var code = self.makeDirectory(path)
        if code == ENOENT, !path.isEmpty {
            try self.createDirectory(self.parent(of: path))
            code = self.makeDirectory(path)
        }
        switch code {
        case 0: try self.syncDirectory(self.parent(of: path))
        case EEXIST: return
        default: throw .cannotCreateDirectory(path: path, errno: code)
        }
    }

    /// The directory holding `path`: `.` for a bare name, `/` for a top-level one.
    ///
    /// - Precondition: `path` has no trailing slash.
    private static func parent(of path: String) -> String {
        guard let slash = path.lastIndex(of: "/") else { return "." }
        return slash == path.startIndex ? "/" : String(path[..<slash])
    }

    /// `mkdir`, returning 0 or the `errno` of the failure.
    private static func makeDirectory(_ path: String) -> Int32 {
        mkdir(path, 0o755) == 0 ? 0 : errno
    }
}
