import Access
@testable import dossier
import Testing

/// `Command.parse`: subcommands, help, version, and usage errors.
struct CommandTests {
    private func parse(_ arguments: [String], environment: [String: String] = [:]) throws(UsageError) -> Command {
        try Command.parse(arguments, environment: environment)
    }

    @Test(arguments: [["--help"], ["-h"], ["help"]])
    func mainHelp(_ arguments: [String]) throws {
        #expect(try self.parse(arguments) == .help(HelpText.main))
    }

    @Test func version() throws {
        #expect(try self.parse(["--version"]) == .version)
    }

    @Test(arguments: [["serve", "--help"], ["serve", "-h"], ["serve", "--port", "1", "--help"], ["serve", "--bogus", "-h"]])
    func serveHelp(_ arguments: [String]) throws {
        #expect(try self.parse(arguments) == .help(HelpText.serve))
    }

    @Test func serveHelpWinsOverInvalidEnvironment() throws {
        #expect(try self.parse(["serve", "--help"], environment: ["DOSSIER_PORT": "x"]) == .help(HelpText.serve))
    }

    @Test(arguments: [["inspect", "--help"], ["inspect", "-h"], ["inspect", "file.txt", "--help"]])
    func inspectHelp(_ arguments: [String]) throws {
        #expect(try self.parse(arguments) == .help(HelpText.inspect))
    }

    @Test(arguments: [["healthcheck", "--help"], ["healthcheck", "-h"], ["healthcheck", "--port", "x", "--help"]])
    func healthcheckHelp(_ arguments: [String]) throws {
        #expect(try self.parse(arguments) == .help(HelpText.healthcheck))
    }

    @Test func healthcheckPassesFlagsAndEnvironmentToHealthcheckOptions() throws {
        var expected = HealthcheckOptions()
        expected.host = "0.0.0.0"
        expected.port = 9000
        let command = try self.parse(["healthcheck", "--port=9000"], environment: ["DOSSIER_HOST": "0.0.0.0"])
        #expect(command == .healthcheck(expected))
    }

    @Test func serveWithoutArgumentsUsesDefaults() throws {
        #expect(try self.parse(["serve"]) == .serve(ServeOptions()))
    }

    @Test func servePassesFlagsAndEnvironmentToServeOptions() throws {
        var expected = ServeOptions()
        expected.host = "::"
        expected.port = 80
        expected.isAccessLogEnabled = false
        expected.sources = ["host": .environment("DOSSIER_HOST"), "port": .flag("--port"), "access-log": .flag("--no-access-log")]
        let command = try self.parse(["serve", "--port=80", "--no-access-log"], environment: ["DOSSIER_HOST": "::"])
        #expect(command == .serve(expected))
    }

    @Test(arguments: [["serve", "--print-config"], ["serve", "--port", "80", "--print-config"], ["serve", "--print-config", "--port=80"]])
    func printConfigParsesTheRestAsServeOptions(_ arguments: [String]) throws {
        let options = try ServeOptions.parse(arguments.dropFirst().filter { $0 != "--print-config" }, environment: ["DOSSIER_SEEDS": "/srv"])
        #expect(try self.parse(arguments, environment: ["DOSSIER_SEEDS": "/srv"]) == .printConfig(options))
    }

    @Test func printConfigStillValidates() {
        #expect(throws: UsageError.invalidValue(source: "DOSSIER_PORT", value: "x", rule: "must be an integer from 0 to 65535")) {
            try self.parse(["serve", "--print-config"], environment: ["DOSSIER_PORT": "x"])
        }
    }

    @Test func printConfigIsNotAnInlineFlag() {
        #expect(throws: UsageError.unknownOption("--print-config=1")) { try self.parse(["serve", "--print-config=1"]) }
    }

    @Test func serveUsageErrorsPropagate() {
        #expect(throws: UsageError.missingValue(option: "--port")) { try self.parse(["serve", "--port"]) }
    }

    @Test(arguments: ["seeds/000.txt", "-", "/tmp/a b.txt"])
    func inspectTakesOneFile(_ path: String) throws {
        #expect(try self.parse(["inspect", path]) == .inspect(path: path))
    }

    @Test func inspectWithoutFileIsMissingFile() {
        #expect(throws: UsageError.missingFile) { try self.parse(["inspect"]) }
    }

    @Test func inspectWithTwoFilesRejectsTheSecond() {
        #expect(throws: UsageError.unexpectedArgument("b")) { try self.parse(["inspect", "a", "b"]) }
    }

    @Test func inspectRejectsOptions() {
        #expect(throws: UsageError.unknownOption("--pretty")) { try self.parse(["inspect", "a.txt", "--pretty"]) }
    }

    @Test func noArgumentsIsMissingCommand() {
        #expect(throws: UsageError.unknownCommand(nil)) { try self.parse([]) }
    }

    @Test(arguments: ["run", "Serve", "SERVE", ""])
    func unknownCommandIsNamed(_ name: String) {
        #expect(throws: UsageError.unknownCommand(name)) { try self.parse([name]) }
    }

    @Test(arguments: ["--port", "-v", "--versions"])
    func unknownTopLevelOptionIsNamed(_ option: String) {
        #expect(throws: UsageError.unknownOption(option)) { try self.parse([option]) }
    }

    @Test func versionMatchesServiceInfo() {
        #expect(Version.current == "0.1.0")
    }
}

/// `dossier keys create`: its arguments and their errors.
struct KeyCreateCommandTests {
    @Test func parsesNameAndScopes() throws {
        let command = try Command.parse(["keys", "create", "--name", "desk", "--scope=write,read"], environment: [:])
        #expect(command == .createKey(KeyCreateOptions(name: "desk", scopes: [.write, .read])))
    }

    @Test func keysWithoutSubcommandShowsItsHelp() throws {
        #expect(try Command.parse(["keys"], environment: [:]) == .help(HelpText.keys))
        #expect(try Command.parse(["keys", "create", "--help"], environment: [:]) == .help(HelpText.keys))
    }

    @Test func errorsNameTheFlag() {
        #expect(throws: UsageError.missingValue(option: "--name")) { try Command.parse(["keys", "create", "--scope", "read"], environment: [:]) }
        #expect(throws: UsageError.missingValue(option: "--scope")) { try Command.parse(["keys", "create", "--name", "desk"], environment: [:]) }
        #expect(throws: UsageError.invalidValue(source: "--scope", value: "read,delete", rule: "unknown scope 'delete' (scopes: read, write, replicate, admin)")) {
            try Command.parse(["keys", "create", "--name", "desk", "--scope", "read,delete"], environment: [:])
        }
        #expect(throws: UsageError.unknownCommand("keys revoke")) { try Command.parse(["keys", "revoke"], environment: [:]) }
    }
}
