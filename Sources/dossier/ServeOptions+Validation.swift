import Foundation

extension ServeOptions {
    /// Checks what parsing cannot, because it depends on the file system: the seeds folder
    /// (unless following, which reads none) exists and is a folder, and the data directory (unless read-only) is a folder or does
    /// not exist yet. Run before anything starts; `--print-config` skips it.
    ///
    /// - Throws: `UsageError.invalidValue` naming the flag or variable that set the path (the
    ///   flag when it is the default) and the rule.
    func validatePaths() throws(UsageError) {
        if self.follow == nil && !Self.isDirectory(self.seeds) {
            throw .invalidValue(source: self.sourceName(of: "--seeds"), value: self.seeds, rule: "must be an existing directory")
        }
        if !self.servesWithoutDataDirectory && FileManager.default.fileExists(atPath: self.dataDirectory) && !Self.isDirectory(self.dataDirectory) {
            throw .invalidValue(
                source: self.sourceName(of: "--data-dir"), value: self.dataDirectory, rule: "must be a directory (it is created if missing)")
        }
    }

    /// Flags given that the others make ineffective, each as a sentence for a start-up
    /// warning: the data directory and its compaction threshold under read-only or `--follow`,
    /// and the seeds folder under `--follow`.
    /// Variables do not warn: an image sets them for every way it runs (`DOSSIER_DATA_DIR`).
    var ineffectiveOptionWarnings: [String] {
        guard self.servesWithoutDataDirectory else { return [] }
        let mode = self.follow == nil ? "read-only" : "a follower"
        let unused = ["--data-dir", "--compact-after"].compactMap { flag in
            self.isGivenAsFlag(flag) ? "\(flag) is ignored: \(mode) serves without a data directory" : nil
        }
        guard self.follow != nil, self.isGivenAsFlag("--seeds") else { return unused }
        return unused + ["--seeds is ignored: a follower takes its writer's seeds, as ingested there"]
    }

    private func isGivenAsFlag(_ flag: String) -> Bool {
        guard case .flag = self.source(of: ServeOption.withFlag(flag)) else { return false }
        return true
    }

    /// The flag or variable that set an option: the flag when it has its default.
    func sourceName(of flag: String) -> String {
        switch self.source(of: ServeOption.withFlag(flag)) {
        case .defaultValue, .flag: return flag
        case .environment(let variable): return variable
        }
    }

    private static func isDirectory(_ path: String) -> Bool {
        var isDirectory: ObjCBool = false
        return FileManager.default.fileExists(atPath: path, isDirectory: &isDirectory) && isDirectory.boolValue
    }
}
