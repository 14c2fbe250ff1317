import Corpus
import Foundation
import Store

/// `dossier repair`: salvages a damaged journal (and snapshot) of a data directory that no
/// server holds, printing what was kept and dropped.
enum RepairCommand {
    /// The exit codes, as `dossier repair --help` documents them.
    enum ExitCode {
        /// Every file was intact: nothing written.
        static let intact: Int32 = 0
        /// Damage was found, and repaired unless it was a dry run.
        static let repaired: Int32 = 1
        /// The repair could not run (directory missing or locked, unreadable, unsupported).
        static let failed: Int32 = 2
    }

    /// Runs the repair, printing the report to stdout or the error to stderr.
    ///
    /// - Parameters:
    ///   - options: the parsed arguments.
    ///   - now: the time that names the damaged originals kept aside.
    /// - Returns: the exit code (`ExitCode`).
    static func run(_ options: RepairOptions, now: Date = Date()) -> Int32 {
        do {
            let repair = try DataDirectory.repair(
                path: options.dataDirectory, dryRun: options.isDryRun, damagedSuffix: self.timestamp(now))
            FileHandle.standardOutput.write(Data(self.report(repair, options: options).utf8))
            return repair.files.allSatisfy(\.report.isIntact) ? ExitCode.intact : ExitCode.repaired
        } catch {
            FileHandle.standardError.write(Data("Error: \(self.explain(error))\n".utf8))
            return ExitCode.failed
        }
    }

    /// `20261207T114502Z`: UTC, to the second, safe in a file name.
    static func timestamp(_ date: Date) -> String {
        let formatter = DateFormatter()
        formatter.locale = Locale(identifier: "en_US_POSIX")
        formatter.timeZone = TimeZone(identifier: "UTC")
        formatter.dateFormat = "yyyyMMdd'T'HHmmss'Z'"
        return formatter.string(from: date)
    }

    /// The error, with what to do about a locked directory.
    static func explain(_ error: StoreError) -> String {
        guard case .locked = error else { return error.description }
        return "\(error.description) Stop the server before repairing its data directory."
    }

    /// What was found in each file and what was done, for the operator.
    static func report(_ repair: DataDirectory.Repair, options: RepairOptions) -> String {
        let repairs = repair.files
        guard !repairs.isEmpty else { return "\(options.dataDirectory): no journal and no snapshot: nothing to repair.\n" }
        var lines: [String] = []
        for repair in repairs {
            let report = repair.report
            let records = "\(report.keptRecords) record\(report.keptRecords == 1 ? "" : "s")"
            guard !report.isIntact else {
                lines.append("\(repair.name): intact, \(records) in \(report.fileBytes) bytes.")
                continue
            }
            lines.append(
                "\(repair.name): damaged: \(records) kept; \(report.droppedBytes) of \(report.fileBytes) bytes dropped in \(report.dropped.count) range\(report.dropped.count == 1 ? "" : "s"):")
            for range in report.dropped {
                lines.append("  at byte \(range.offset), \(range.byteCount) bytes: \(range.reason)")
            }
            if !report.missingChanges.isEmpty {
                let list = report.missingChanges.map { $0.count == 1 ? "\($0.lowerBound)" : "\($0.lowerBound)-\($0.upperBound)" }
                lines.append("  missing changes (\(report.missingChangeCount)): \(list.joined(separator: ", "))")
            }
            if let last = report.unknownChangesAfter {
                lines.append("  the damage runs to the end of the file: changes after \(last) may be lost, how many is unknown")
            }
            if let copy = repair.damagedCopy {
                lines.append("  rewritten with the intact records; the damaged original is kept as '\(copy)'")
            }
        }
        if repairs.allSatisfy(\.report.isIntact) {
            lines.append("Nothing to repair.")
        } else if options.isDryRun {
            lines.append("Dry run: nothing was written. Run without --dry-run to repair.")
        } else {
            if let identity = repair.newIdentity {
                lines.append("The collection's new identity is \(identity): read replicas start again from the writer's seeds.")
            }
            lines.append("Repaired: 'dossier serve' can start on \(options.dataDirectory) again.")
        }
        return lines.joined(separator: "\n") + "\n"
    }
}
