/// A command line that cannot be run; reported as `Error: …` with the usage, exit code 64.
enum UsageError: Error, Equatable, CustomStringConvertible {
    /// An option this command does not have.
    case unknownOption(String)
    /// An option given without its value.
    case missingValue(option: String)
    /// An option or environment variable with a value that breaks its rule.
    case invalidValue(source: String, value: String, rule: String)
    /// No subcommand, or an unknown one.
    case unknownCommand(String?)
    /// `inspect` without a file.
    case missingFile
    /// More positional arguments than the command takes.
    case unexpectedArgument(String)

    /// The message after `Error: `.
    var description: String {
        switch self {
        case .unknownOption(let option): return "unknown option '\(option)'"
        case .missingValue(let option): return "missing value for '\(option)'"
        case .invalidValue(let source, let value, let rule): return "invalid value '\(value)' for \(source): \(rule)"
        case .unknownCommand(let name?): return "unknown command '\(name)'"
        case .unknownCommand(nil): return "missing command"
        case .missingFile: return "missing FILE for 'inspect'"
        case .unexpectedArgument(let argument): return "unexpected argument '\(argument)'"
        }
    }
}
