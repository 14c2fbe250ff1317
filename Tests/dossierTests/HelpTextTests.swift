@testable import dossier
import Testing

/// The help pages are part of the product: pinned here byte for byte (argument-parser's
/// `AssertHelp` style), so any change to them is a deliberate one.
struct HelpTextTests {
    @Test func mainHelpIsPinned() {
        let expected = """
            OVERVIEW: Dossier turns news articles and press releases into structured documents
            and serves them over HTTP/1.1 as JSON.

            USAGE: dossier <command> [options]

            COMMANDS:
              serve                   Load the seeds and serve the HTTP API.
              inspect FILE            Print the document JSON a text file would become.
              healthcheck             Exit 0 if the local server answers GET /healthz with 200.
              keys create             Make an API key: print it once, with its key file line.
              repair                  Salvage the intact records of a damaged data directory.

            OPTIONS:
              -h, --help              Show help (also 'dossier serve --help').
              --version               Show the version.

            """
        #expect(HelpText.main == expected)
    }

    @Test func serveHelpIsPinned() {
        let expected = """
            OVERVIEW: Load every .txt file of the seeds folder, replay the writes journaled in the
            data directory, and serve the HTTP API. POST and DELETE are acknowledged only once
            fsynced to the journal. SIGTERM or SIGINT drains: stop accepting, finish in-flight
            requests, end event streams, exit 0.

            USAGE: dossier serve [options]

            OPTIONS:                       (environment variable; default)
              --host <address>             Address to bind, IPv4 or IPv6 (DOSSIER_HOST; 127.0.0.1)
              --port <port>                Port, 0 for any free one (DOSSIER_PORT; 8080)
              --seeds <dir>                Seeds folder (DOSSIER_SEEDS; ./seeds)
              --data-dir <dir>             Journal of writes, created if missing, locked while
                                           served (DOSSIER_DATA_DIR; ./data)
              --compact-after <bytes>      Journal size that triggers compaction into a snapshot
                                           file (DOSSIER_COMPACT_AFTER; 67108864)
              --read-only                  Serve the seeds only: no data directory, and POST and
                                           DELETE answer 405 (DOSSIER_READ_ONLY=on)
              --follow <url>               Be a read replica of the writer at this URL: its seeds,
                                           then its writes, streamed; no data directory, and POST
                                           and DELETE answer 405 (DOSSIER_FOLLOW; none)
              --openapi <file>             OpenAPI document served at /openapi.yaml
                                           (DOSSIER_OPENAPI; ./openapi.yaml)
              --cors-origins <list>        Origins browsers may call from, comma-separated,
                                           or * for any; * covers reads only, pages write only
                                           from origins listed by name (DOSSIER_CORS_ORIGINS; *)
              --api-keys <file>            API key file, one 'name scopes sha256' per line; then
                                           writes and /v1/journal need a key
                                           (DOSSIER_API_KEYS_FILE; none: open on loopback,
                                           no writes on any other address)
              --require-key-for <list>     Also need a key for reads, metrics or both
                                           (DOSSIER_REQUIRE_KEY_FOR; none)
              --allowed-hosts <list>       Host header values answered, others get 421; * for any
                                           (DOSSIER_ALLOWED_HOSTS; auto: localhost, 127.0.0.1 and
                                           [::1] on loopback, any elsewhere)
              --follow-key <key>           Key with the replicate scope a follower sends to its
                                           writer (DOSSIER_FOLLOW_KEY; none)
              --write-limit <limit>        Writes per client (its key, else its address), RATE/BURST
                                           like 20/40, or off; 429 above (DOSSIER_WRITE_LIMIT; auto:
                                           off on loopback, 20/40 elsewhere)
              --search-limit <limit>       Searches per client, likewise (DOSSIER_SEARCH_LIMIT; auto:
                                           off on loopback, 50/100 elsewhere)
              --search-work-limit <n>      Postings and dictionary words one search may read; 400
                                           naming the clause above (DOSSIER_SEARCH_WORK_LIMIT; 2000000)
              --workers <n>                Worker queues (DOSSIER_WORKERS; one per usable core)
              --max-connections <n>        Open connections before 503 (DOSSIER_MAX_CONNECTIONS; 10000)
              --max-connections-per-address <n>
                                           Open connections one address may hold, 429 above;
                                           loopback peers (a local proxy) are not capped
                                           (DOSSIER_MAX_CONNECTIONS_PER_ADDRESS; 1000)
              --max-event-streams <n>      Event streams open at once; a new one past it ends the
                                           oldest (DOSSIER_MAX_EVENT_STREAMS; 2000)
              --max-event-streams-per-client <n>
                                           Event streams one client (its key, else its address;
                                           loopback peers are not capped) may hold, 429 above
                                           (DOSSIER_MAX_EVENT_STREAMS_PER_CLIENT; 20)
              --max-journal-queue <bytes>  Bytes of writes a /v1/journal follower may leave unread;
                                           past it, it is disconnected and resumes when it
                                           reconnects (DOSSIER_MAX_JOURNAL_QUEUE; 2097152)
              --probe-connections <n>      Connections kept above --max-connections for /healthz
                                           and /readyz only (DOSSIER_PROBE_CONNECTIONS; 16)
              --max-body-bytes <n>         Largest request body, 413 above (DOSSIER_MAX_BODY_BYTES; 1048576)
              --max-body-memory <bytes>    Bytes all bodies still arriving may hold together, 503
                                           past it (DOSSIER_MAX_BODY_MEMORY; 268435456)
              --header-timeout <seconds>   Time to receive a request head (DOSSIER_HEADER_TIMEOUT; 10)
              --body-timeout <seconds>     Time to receive a request body after its head, 408
                                           past it (DOSSIER_BODY_TIMEOUT; 30)
              --idle-timeout <seconds>     Keep-alive idle time (DOSSIER_IDLE_TIMEOUT; 60)
              --drain-timeout <seconds>    Longest graceful shutdown (DOSSIER_DRAIN_TIMEOUT; 10)
              --ingest-timeout <seconds>   CPU time ingesting one posted document may take, 422
                                           past it; not applied to replay or replicas
                                           (DOSSIER_INGEST_TIMEOUT; 5)
              --scheduler <batch|normal>   Linux scheduling policy; batch trades wake-up latency
                                           for fewer context switches (DOSSIER_SCHEDULER; batch)
              --log-format <text|json>     Log lines as text or as JSON objects, one per line
                                           (DOSSIER_LOG_FORMAT; text)
              --log-level <level>          Least severe message logged: debug, info, warning or
                                           error; not the access log (DOSSIER_LOG_LEVEL; info)
              --no-access-log              Do not log requests to stdout (DOSSIER_ACCESS_LOG=off)
              --print-config               Print the effective configuration, one 'name = value'
                                           line per option with its source, and exit
              -h, --help                   Show this help.

            """
        #expect(HelpText.serve == expected)
    }

    @Test func inspectHelpIsPinned() {
        let expected = """
            OVERVIEW: Print the document JSON that a text file would become, as the server
            would serve it; the id is the file name without its extension.

            USAGE: dossier inspect FILE

            OPTIONS:
              -h, --help              Show this help.

            """
        #expect(HelpText.inspect == expected)
    }

    @Test func healthcheckHelpIsPinned() {
        let expected = """
            OVERVIEW: Ask the server on this machine whether it is alive, for container health
            checks: GET /healthz, exit 0 if it answers 200, and 1 with one line on stderr saying
            why not (refused, timed out, another status). A wildcard address in DOSSIER_HOST
            (0.0.0.0 or ::), as a container sets it to listen on every interface, is reached
            through loopback.

            USAGE: dossier healthcheck [options]

            OPTIONS:                       (environment variable; default)
              --host <address>             Server address (DOSSIER_HOST; 127.0.0.1)
              --port <port>                Server port (DOSSIER_PORT; 8080)
              --timeout <seconds>          Longest wait for the whole answer (2)
              -h, --help                   Show this help.

            """
        #expect(HelpText.healthcheck == expected)
    }

    @Test func repairHelpIsPinned() {
        let expected = """
            OVERVIEW: Salvage a data directory whose journal (or snapshot) is damaged, so that
            'dossier serve' starts again. Keeps every record whose length and CRC-32C check out,
            in change order; skips damaged bytes up to the next intact record, and drops records
            whose change number repeats or goes back. Prints what it kept and dropped: byte
            ranges, and the change numbers missing. Each damaged file is rewritten atomically;
            the original is kept beside it as NAME.damaged-TIMESTAMP. Stop the server first:
            the directory's LOCK is taken, and repair refuses while a server holds it.

            USAGE: dossier repair --data-dir <dir> [--dry-run]

            OPTIONS:                       (environment variable; default)
              --data-dir <dir>             Data directory to repair; it must exist
                                           (DOSSIER_DATA_DIR; required)
              --dry-run                    Report only; write nothing
              -h, --help                   Show this help.

            EXIT STATUS:
              0  nothing was damaged; nothing written
              1  damage found and repaired (with --dry-run: found, not repaired)
              2  error: no such directory, locked by a server, unreadable, or a damaged snapshot
                 header or newer format that cannot be salvaged
              64 usage error

            """
        #expect(HelpText.repair == expected)
    }

    /// Every `serve` flag and variable the parser knows is documented on the help page.
    @Test func serveHelpListsEveryOptionAndVariable() {
        for option in ServeOption.all {
            switch option.arity {
            case .value:
                #expect(HelpText.serve.contains("  \(option.flag) <"), "\(option.flag)")
                #expect(HelpText.serve.contains("(\(option.variable);"), "\(option.variable)")
            case .presence(let meaning):
                #expect(HelpText.serve.contains("  \(option.flag)  "), "\(option.flag)")
                #expect(HelpText.serve.contains("(\(option.variable)=\(meaning))"), "\(option.variable)")
            }
        }
        #expect(HelpText.serve.contains("  --print-config  "))
    }

    @Test(arguments: [HelpText.main, HelpText.serve, HelpText.inspect, HelpText.healthcheck, HelpText.repair])
    func helpPageHasSectionsAndEndsWithOneNewline(_ page: String) {
        #expect(page.hasPrefix("OVERVIEW: "))
        #expect(page.contains("\n\nUSAGE: dossier "))
        #expect(page.contains("\n\nOPTIONS:"))
        #expect(page.hasSuffix("\n") && !page.hasSuffix("\n\n"))
    }
}
