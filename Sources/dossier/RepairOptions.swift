/// The arguments of `dossier repair`: the data directory, as `dossier serve` reads it
/// (`DOSSIER_DATA_DIR`, overridden by `--data-dir`), and whether to write anything.
struct RepairOptions: Equatable {
    /// The data directory to repair; it must exist.
    var dataDirectory: String
    /// Report only; write nothing.
    var isDryRun = false

    /// Parses the arguments after `repair` over the environment.
    ///
    /// - Throws: `UsageError` naming the offending flag or variable; `--data-dir` is required
    ///   when `DOSSIER_DATA_DIR` is not set.
    static func parse(_ arguments: [String], environment: [String: String]) throws(UsageError) -> RepairOptions {
        var dataDirectory = try environment["DOSSIER_DATA_DIR"].map { (value: String) throws(UsageError) in
            try OptionValue.nonEmpty(value, source: "DOSSIER_DATA_DIR")
        }
        var isDryRun = false
        var remaining = arguments[...]
        while let argument = remaining.popFirst() {
            let (flag, inlineValue) = ServeOptions.splitFlag(argument)
            switch flag {
            case "--dry-run" where inlineValue == nil:
                isDryRun = true
            case "--data-dir":
                guard let value = inlineValue ?? remaining.popFirst() else { throw .missingValue(option: flag) }
                dataDirectory = try OptionValue.nonEmpty(value, source: flag)
            default:
                throw argument.hasPrefix("-") ? .unknownOption(argument) : .unexpectedArgument(argument)
            }
        }
        guard let dataDirectory else { throw .missingValue(option: "--data-dir") }
        return RepairOptions(dataDirectory: dataDirectory, isDryRun: isDryRun)
    }
}
