import API

/// The version `--version` prints.
enum Version {
    static let current = ServiceInfo.version
}

/// What the command line asks for.
enum Command: Equatable {
    /// Serve the API.
    case serve(ServeOptions)
    /// Print the effective `serve` configuration (`serve --print-config`).
    case printConfig(ServeOptions)
    /// Print the document a file would become.
    case inspect(path: String)
    /// Ask the local server's `/healthz`; exit 0 or 1.
    case healthcheck(HealthcheckOptions)
    /// Make a new API key and print it with its key file line.
    case createKey(KeyCreateOptions)
    /// Salvage a damaged data directory; exit 0, 1 or 2.
    case repair(RepairOptions)
    /// Print a help page.
    case help(String)
    /// Print the version.
    case version

    /// Parses the arguments (without the program name).
    ///
    /// - Parameters:
    ///   - arguments: the command line after `dossier`.
    ///   - environment: the process environment, for `DOSSIER_*` variables.
    /// - Throws: `UsageError`.
    static func parse(_ arguments: [String], environment: [String: String]) throws(UsageError) -> Command {
        guard let first = arguments.first else { throw .unknownCommand(nil) }
        let rest = Array(arguments.dropFirst())
        let wantsHelp = rest.contains("--help") || rest.contains("-h")
        switch first {
        case "-h", "--help", "help": return .help(HelpText.main)
        case "--version": return .version
        case "serve":
            if wantsHelp { return .help(HelpText.serve) }
            // An action rather than a setting: a flag only, with no variable.
            guard rest.contains("--print-config") else { return .serve(try ServeOptions.parse(rest, environment: environment)) }
            return .printConfig(try ServeOptions.parse(rest.filter { $0 != "--print-config" }, environment: environment))
        case "inspect":
            if wantsHelp { return .help(HelpText.inspect) }
            if let option = rest.first(where: { $0.hasPrefix("-") && $0 != "-" }) { throw .unknownOption(option) }
            guard let path = rest.first else { throw .missingFile }
            guard rest.count == 1 else { throw .unexpectedArgument(rest[1]) }
            return .inspect(path: path)
        case "healthcheck":
            return wantsHelp ? .help(HelpText.healthcheck) : .healthcheck(try HealthcheckOptions.parse(rest, environment: environment))
        case "keys":
            guard rest.first == "create" else {
                if wantsHelp || rest.isEmpty { return .help(HelpText.keys) }
                throw .unknownCommand("keys \(rest[0])")
            }
            return wantsHelp ? .help(HelpText.keys) : .createKey(try KeyCreateOptions.parse(Array(rest.dropFirst())))
        case "repair":
            return wantsHelp ? .help(HelpText.repair) : .repair(try RepairOptions.parse(rest, environment: environment))
        default:
            throw first.hasPrefix("-") ? .unknownOption(first) : .unknownCommand(first)
        }
    }
}
