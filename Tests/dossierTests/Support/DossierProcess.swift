import Foundation
import Locking
import TestSupport

/// The built `dossier` executable run as a child process, with its stderr captured and its
/// stdout kept in a temporary file.
///
/// Found next to the test bundle (SwiftPM puts every product of a build in one folder), so
/// the test runs the binary this build produced, whatever the scratch path. Unless the test
/// says otherwise, its data directory (`DOSSIER_DATA_DIR`) is a fresh temporary one, so
/// processes never share one and the repository gets no `data` folder.
final class DossierProcess: Sendable {
    private let process: Process
    /// The data directory the process uses unless its arguments name another.
    let dataDirectory: String
    /// Whether `dataDirectory` was made for this process, and so is removed with it.
    private let ownsDataDirectory: Bool
    /// The file stdout goes to (a file, not a pipe: no reader has to keep up with it).
    private let outputPath: String
    /// Everything the process wrote to stderr so far, and whether the pipe has reached end of
    /// file; appended by the thread that drains the pipe.
    private let errorOutput = Locked((text: "", isComplete: false))

    /// Where the executable should be.
    static var executableURL: URL {
        URL(fileURLWithPath: CommandLine.arguments[0]).deletingLastPathComponent().appendingPathComponent("dossier")
    }

    /// The repository's `seeds` folder.
    static var seedsPath: String {
        URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
            .deletingLastPathComponent().deletingLastPathComponent().appendingPathComponent("seeds").path
    }

    /// Starts `dossier` with `arguments`.
    ///
    /// - Parameters:
    ///   - arguments: the command line.
    ///   - dataDirectory: the data directory; a new temporary one when `nil`.
    ///   - environment: variables added to (or replacing) the test's own environment.
    ///   - shellSetup: bash commands run before `dossier` replaces the shell (`ulimit -f 64`:
    ///     limits and ignored signals carry over to it), or `nil` to start it directly.
    init(_ arguments: [String], dataDirectory: String? = nil, environment: [String: String] = [:], shellSetup: String? = nil) throws {
        let process = Process()
        if let shellSetup {
            process.executableURL = URL(fileURLWithPath: "/bin/bash")
            process.arguments = ["-c", shellSetup + "; exec \"$0\" \"$@\"", Self.executableURL.path] + arguments
        } else {
            process.executableURL = Self.executableURL
            process.arguments = arguments
        }
        self.ownsDataDirectory = dataDirectory == nil
        self.dataDirectory = dataDirectory ?? FileManager.default.temporaryDirectory
            .appendingPathComponent("dossier-data-\(UUID().uuidString)").path
        process.environment = ProcessInfo.processInfo.environment
            .merging(["DOSSIER_DATA_DIR": self.dataDirectory]) { _, given in given }
            .merging(environment) { _, given in given }
        self.outputPath = FileManager.default.temporaryDirectory.appendingPathComponent("dossier-stdout-\(UUID().uuidString)").path
        guard FileManager.default.createFile(atPath: self.outputPath, contents: nil),
            let output = FileHandle(forWritingAtPath: self.outputPath)
        else { throw CocoaError(.fileWriteUnknown) }
        process.standardOutput = output
        let pipe = Pipe()
        process.standardError = pipe
        self.process = process
        // A blocking read loop on a thread of its own rather than `readabilityHandler`: on
        // Linux, tearing down a handler's dispatch read source races the descriptor's close
        // and can crash libdispatch's event loop (swift-corelibs-libdispatch issue 949).
        let reader = pipe.fileHandleForReading
        let errorOutput = self.errorOutput
        let drain = Thread {
            while true {
                let data = reader.availableData
                errorOutput.withLock { output in
                    output.text += String(decoding: data, as: UTF8.self)
                    output.isComplete = data.isEmpty
                }
                if data.isEmpty { return }
            }
        }
        try process.run()
        drain.start()
    }

    deinit {
        if self.process.isRunning {
            kill(self.process.processIdentifier, SIGKILL)
            self.process.waitUntilExit()
        }
        if self.ownsDataDirectory { try? FileManager.default.removeItem(atPath: self.dataDirectory) }
        try? FileManager.default.removeItem(atPath: self.outputPath)
    }

    /// What the process wrote to stdout so far (all of it once `exitStatus` has returned).
    var standardOutput: String {
        String(decoding: FileManager.default.contents(atPath: self.outputPath) ?? Data(), as: UTF8.self)
    }

    /// What the process wrote to stderr so far.
    var standardError: String { self.errorOutput.withLock { $0.text } }

    /// The port from the `listening on http://HOST:PORT` notice, once it appears.
    func listeningPort(within timeout: Duration = .seconds(10)) -> Int? {
        var port: Int?
        _ = eventually(within: timeout) {
            guard let range = self.standardError.range(of: "listening on http://") else { return false }
            let rest = self.standardError[range.upperBound...]
            guard let colon = rest.lastIndex(of: ":", before: rest.firstIndex(of: " ") ?? rest.endIndex) else { return false }
            port = Int(rest[rest.index(after: colon)...].prefix { $0.isNumber })
            return port != nil
        }
        return port
    }

    /// Sends a signal.
    func signal(_ number: Int32) {
        kill(self.process.processIdentifier, number)
    }

    /// The exit status once the process ends and all it wrote to stderr has been read, or
    /// `nil` if it is still running after `timeout`.
    func exitStatus(within timeout: Duration = .seconds(10)) -> Int32? {
        guard eventually(within: timeout, { !self.process.isRunning }) else { return nil }
        // The pipe's last bytes may still be on their way to the handler.
        _ = eventually(within: .seconds(2)) { self.errorOutput.withLock { $0.isComplete } }
        return self.process.terminationStatus
    }
}

extension Substring {
    /// The last index of `character` before `end`.
    fileprivate func lastIndex(of character: Character, before end: Index) -> Index? {
        self[..<end].lastIndex(of: character)
    }
}
