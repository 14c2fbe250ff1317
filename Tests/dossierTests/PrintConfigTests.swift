@testable import dossier
import Testing

/// Where each option's value came from, and `--print-config`, which shows it.
struct PrintConfigTests {
    @Test func untouchedOptionsComeFromTheirDefaults() throws {
        let options = try ServeOptions.parsed([])
        #expect(ServeOption.all.allSatisfy { options.source(of: $0) == .defaultValue })
    }

    @Test func sourceIsTheVariableOrTheFlagThatWon() throws {
        let options = try ServeOptions.parsed(
            ["--port", "9000", "--read-only"], environment: ["DOSSIER_PORT": "7000", "DOSSIER_HOST": "::1", "DOSSIER_READ_ONLY": "off"])
        #expect(options.source(of: ServeOption.withFlag("--port")) == .flag("--port"))
        #expect(options.source(of: ServeOption.withFlag("--host")) == .environment("DOSSIER_HOST"))
        #expect(options.source(of: ServeOption.withFlag("--read-only")) == .flag("--read-only"))
        #expect(options.source(of: ServeOption.withFlag("--seeds")) == .defaultValue)
    }

    @Test(arguments: [
        (ServeOptions.Source.defaultValue, "default"), (.environment("DOSSIER_PORT"), "env DOSSIER_PORT"), (.flag("--port"), "flag --port"),
    ])
    func sourceDescribesItself(_ source: ServeOptions.Source, _ text: String) {
        #expect(source.description == text)
    }

    /// The whole listing for one command line and environment, byte for byte: every option in
    /// `--help` order, its value in the syntax its flag takes, and where it came from.
    @Test func listingIsPinned() throws {
        let options = try ServeOptions.parsed(
            ["--port=9000", "--no-access-log", "--header-timeout", "2.5", "--workers", "3", "--log-level", "debug"],
            environment: [
                "DOSSIER_PORT": "7000", "DOSSIER_SEEDS": "/srv/seeds", "DOSSIER_LOG_FORMAT": "json",
                "DOSSIER_CORS_ORIGINS": "https://a.example, https://b.example", "DOSSIER_LOG_LEVEL": "error",
            ])
        let expected = """
            host = 127.0.0.1                                    # default
            port = 9000                                         # flag --port
            seeds = /srv/seeds                                  # env DOSSIER_SEEDS
            data-dir = ./data                                   # default
            compact-after = 67108864                            # default
            read-only = off                                     # default
            follow =                                            # default
            openapi = ./openapi.yaml                            # default
            cors-origins = https://a.example,https://b.example  # env DOSSIER_CORS_ORIGINS
            api-keys =                                          # default
            require-key-for = none                              # default
            allowed-hosts = auto                                # default
            follow-key =                                        # default
            write-limit = auto                                  # default
            search-limit = auto                                 # default
            search-work-limit = 2000000                         # default
            workers = 3                                         # flag --workers
            max-connections = 10000                             # default
            max-connections-per-address = 1000                  # default
            max-event-streams = 2000                            # default
            max-event-streams-per-client = 20                   # default
            max-journal-queue = 2097152                         # default
            probe-connections = 16                              # default
            max-body-bytes = 1048576                            # default
            max-body-memory = 268435456                         # default
            header-timeout = 2.5                                # flag --header-timeout
            body-timeout = 30                                   # default
            idle-timeout = 60                                   # default
            drain-timeout = 10                                  # default
            ingest-timeout = 5                                  # default
            scheduler = batch                                   # default
            log-format = json                                   # env DOSSIER_LOG_FORMAT
            log-level = debug                                   # flag --log-level
            access-log = off                                    # flag --no-access-log

            """
        #expect(options.printedConfiguration == expected)
    }

    /// Each shown value, given back to its option, parses to the same options.
    @Test func shownValuesParseBack() throws {
        let original = try ServeOptions.parsed([
            "--cors-origins", "https://a.example,http://b.example:8080", "--idle-timeout", "0.25", "--read-only", "--scheduler", "normal",
        ])
        let arguments = ServeOption.all.flatMap { option -> [String] in
            let value = option.show(original)
            switch option.arity {
            case .value: return ["\(option.flag)=\(value)"]
            case .presence(let meaning): return value == meaning ? [option.flag] : []
            }
        }
        var reparsed = try ServeOptions.parsed(arguments)
        reparsed.sources = original.sources
        #expect(reparsed == original)
    }
}
