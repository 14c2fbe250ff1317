import Access
import Foundation

// Wiring only: parse the command line, then hand over to the command.
let command: Command
do {
    command = try Command.parse(Array(CommandLine.arguments.dropFirst()), environment: ProcessInfo.processInfo.environment)
    if case .serve(let options) = command { try options.validatePaths() }
} catch {
    FileHandle.standardError.write(Data("Error: \(error)\n\(HelpText.usage)\n".utf8))
    exit(64)  // EX_USAGE
}

switch command {
case .help(let text):
    FileHandle.standardOutput.write(Data(text.utf8))
case .version:
    FileHandle.standardOutput.write(Data("dossier \(Version.current)\n".utf8))
case .inspect(let path):
    exit(InspectCommand.run(path: path))
case .healthcheck(let options):
    exit(HealthcheckCommand.run(options))
case .createKey(let options):
    FileHandle.standardError.write(Data(KeyCreateCommand.advice.utf8))
    FileHandle.standardOutput.write(Data(KeyCreateCommand.output(for: NewKey(name: options.name, scopes: options.scopes)).utf8))
case .repair(let options):
    exit(RepairCommand.run(options))
case .printConfig(let options):
    FileHandle.standardOutput.write(Data(options.printedConfiguration.utf8))
case .serve(let options):
    ServeCommand.run(options)
}
