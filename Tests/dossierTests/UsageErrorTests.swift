@testable import dossier
import Testing

/// The message printed after `Error: `.
struct UsageErrorTests {
    @Test(arguments: [
        (UsageError.unknownOption("--x"), "unknown option '--x'"),
        (.missingValue(option: "--port"), "missing value for '--port'"),
        (.invalidValue(source: "DOSSIER_PORT", value: "x", rule: "must be an integer from 0 to 65535"),
         "invalid value 'x' for DOSSIER_PORT: must be an integer from 0 to 65535"),
        (.unknownCommand("run"), "unknown command 'run'"),
        (.unknownCommand(nil), "missing command"),
        (.missingFile, "missing FILE for 'inspect'"),
        (.unexpectedArgument("b"), "unexpected argument 'b'"),
    ])
    func describesItself(_ error: UsageError, _ message: String) {
        #expect(error.description == message)
    }

    @Test func usageLinePointsAtHelp() {
        #expect(HelpText.usage == "USAGE: dossier <command> [options]   (see 'dossier --help')")
    }
}
