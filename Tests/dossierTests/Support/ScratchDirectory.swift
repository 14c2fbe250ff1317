import Foundation

/// A new empty temporary folder, removed with its contents when this object goes away.
///
/// For a data directory shared by the servers one test starts one after another: a
/// `DossierProcess` removes only the data directory it made itself.
final class ScratchDirectory: Sendable {
    /// The folder's path.
    let path: String

    /// Creates the folder.
    init() throws {
        self.path = FileManager.default.temporaryDirectory.appendingPathComponent("dossier-crash-\(UUID().uuidString)").path
        try FileManager.default.createDirectory(atPath: self.path, withIntermediateDirectories: true)
    }

    deinit {
        try? FileManager.default.removeItem(atPath: self.path)
    }
}
