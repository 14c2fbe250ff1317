import Foundation

/// A uniquely named folder under the system temporary directory, removed when released.
///
/// Each test makes its own, so tests can run in parallel without sharing files.
final class TemporaryDirectory {
    let path: String

    init() throws {
        let name = "dossier-corpus-tests-\(UUID().uuidString)"
        self.path = (NSTemporaryDirectory() as NSString).appendingPathComponent(name)
        try FileManager.default.createDirectory(atPath: self.path, withIntermediateDirectories: false)
    }

    deinit {
        try? FileManager.default.removeItem(atPath: self.path)
    }

    /// The path of `name` inside the folder.
    func path(of name: String) -> String {
        (self.path as NSString).appendingPathComponent(name)
    }

    /// Writes a UTF-8 text file.
    func write(_ name: String, _ text: String) throws {
        try self.write(name, bytes: Array(text.utf8))
    }

    /// Writes a file with exactly these bytes.
    ///
    /// Not atomically: corelibs Foundation's atomic writes leave a `TemporaryDirectory.*`
    /// folder behind in /tmp for every file.
    func write(_ name: String, bytes: [UInt8]) throws {
        try Data(bytes).write(to: URL(fileURLWithPath: self.path(of: name)))
    }

    /// Makes a sub-folder.
    func makeDirectory(_ name: String) throws {
        try FileManager.default.createDirectory(atPath: self.path(of: name), withIntermediateDirectories: false)
    }

    /// Makes a symbolic link `name` pointing at `destination` (relative to the folder).
    func makeSymlink(_ name: String, to destination: String) throws {
        try FileManager.default.createSymbolicLink(atPath: self.path(of: name), withDestinationPath: destination)
    }
}
