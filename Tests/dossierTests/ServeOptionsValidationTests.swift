@testable import dossier
import Foundation
import Testing

/// The checks `serve` makes before it starts: paths that must be folders, options that others
/// make ineffective.
struct ServeOptionsValidationTests {
    @Test func existingFoldersPass() throws {
        let folder = try ScratchDirectory()
        try ServeOptions.parsed(["--seeds", folder.path, "--data-dir", folder.path]).validatePaths()
        try ServeOptions.parsed(["--seeds", folder.path, "--data-dir", "\(folder.path)/not-yet"]).validatePaths()
    }

    @Test func missingSeedsFolderNamesTheFlag() {
        #expect(throws: UsageError.invalidValue(source: "--seeds", value: "/nonexistent/seeds", rule: "must be an existing directory")) {
            try ServeOptions.parsed(["--seeds", "/nonexistent/seeds"]).validatePaths()
        }
    }

    @Test func seedsFileNamesTheVariable() throws {
        let folder = try ScratchDirectory()
        let file = "\(folder.path)/seeds.txt"
        try Data().write(to: URL(fileURLWithPath: file))
        #expect(throws: UsageError.invalidValue(source: "DOSSIER_SEEDS", value: file, rule: "must be an existing directory")) {
            try ServeOptions.parsed([], environment: ["DOSSIER_SEEDS": file]).validatePaths()
        }
    }

    @Test func dataDirectoryThatIsAFileIsRefusedUnlessReadOnly() throws {
        let folder = try ScratchDirectory()
        let file = "\(folder.path)/data"
        try Data().write(to: URL(fileURLWithPath: file))
        let rule = "must be a directory (it is created if missing)"
        #expect(throws: UsageError.invalidValue(source: "--data-dir", value: file, rule: rule)) {
            try ServeOptions.parsed(["--seeds", folder.path, "--data-dir", file]).validatePaths()
        }
        try ServeOptions.parsed(["--seeds", folder.path, "--data-dir", file, "--read-only"]).validatePaths()
    }

    @Test func readOnlyWarnsAboutWriteFlagsGivenButNotAnImagesVariables() throws {
        let options = try ServeOptions.parsed(["--read-only", "--compact-after", "8192"], environment: ["DOSSIER_DATA_DIR": "/srv/data"])
        #expect(options.ineffectiveOptionWarnings == ["--compact-after is ignored: read-only serves without a data directory"])
        let follower = try ServeOptions.parsed(["--data-dir", "/srv/data"], environment: ["DOSSIER_FOLLOW": "http://writer:8080"])
        #expect(follower.ineffectiveOptionWarnings == ["--data-dir is ignored: a follower serves without a data directory"])
    }

    /// A follower takes its writer's seeds: its own folder is neither read nor required.
    @Test func aFollowerNeedsNoSeedsFolderAndWarnsAboutOneGiven() throws {
        let missing = "/nonexistent/seeds-\(UInt64.random(in: 0...UInt64.max))"
        try ServeOptions.parsed(["--follow", "http://writer:8080", "--seeds", missing]).validatePaths()
        #expect(
            try ServeOptions.parsed(["--follow", "http://writer:8080", "--seeds", missing]).ineffectiveOptionWarnings == [
                "--seeds is ignored: a follower takes its writer's seeds, as ingested there"
            ])
        #expect(try ServeOptions.parsed([], environment: ["DOSSIER_FOLLOW": "http://writer:8080", "DOSSIER_SEEDS": missing]).ineffectiveOptionWarnings.isEmpty)
    }

    @Test(arguments: [["--read-only"], ["--data-dir", "/srv/data"]])
    func nothingToWarnAbout(_ arguments: [String]) throws {
        #expect(try ServeOptions.parsed(arguments).ineffectiveOptionWarnings.isEmpty)
    }
}
