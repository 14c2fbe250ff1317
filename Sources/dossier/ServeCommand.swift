import Access
import API
import Corpus
import Dispatch
import DocumentModel
import Extraction
import Foundation
import HTTPServer
import Locking
import Replication
import Store
@preconcurrency import Glibc

/// `dossier serve`: load the seeds, start the server, drain on SIGTERM/SIGINT.
///
/// The first things it does (block SIGTERM and SIGINT, choose the scheduling policy) are
/// inherited by threads created later, so it must run before anything starts a thread.
enum ServeCommand {
    /// Runs the server until a signal drains it; never returns.
    ///
    /// Start-up logs one line per fact: each setting (debug), what was loaded and from where,
    /// each skipped seed file and each repair of the data directory (warnings), and where it
    /// listens. A failure is logged as an error and exits 1.
    static func run(_ options: ServeOptions) -> Never {
        blockTerminationSignals()
        let logger = StreamLogger(configuration: options.logConfiguration)
        for setting in options.settings {
            logger.log(
                .debug, "setting \(setting.name) = \(setting.value) (\(setting.source))",
                [.string("option", setting.name), .string("value", setting.value), .string("source", setting.source.description)])
        }
        for warning in options.ineffectiveOptionWarnings { logger.log(.warning, warning) }
        if options.scheduler == .batch {
            do {
                try System.useBatchScheduling()
            } catch {
                logger.log(.warning, "keeping the normal scheduler: \(error)")
            }
        }
        let readiness = Readiness(.loading)
        raiseDescriptorLimit(logger: logger)
        // The port is bound before the collection loads, so probes find the process alive
        // (`/healthz`) and not yet ready (`/readyz`) instead of a refused connection.
        let gate = StartupGate(readiness: readiness)
        let server = self.bind(options: options, responder: gate, logger: logger)
        let follower = self.startLoading(into: gate, server: server, readiness: readiness, options: options, logger: logger)
        drainOnTerminationSignals(
            server: server, readiness: readiness, logger: logger, drainTimeout: options.drainTimeout,
            stopping: { follower.withLock { $0?.stop() } })
    }

    /// Binds the port and starts serving `responder`; a failure is logged and exits 1.
    private static func bind(options: ServeOptions, responder: StartupGate, logger: StreamLogger) -> Server {
        let server: Server
        do {
            server = try Server(configuration: options.serverConfiguration, responder: responder, logger: logger)
        } catch {
            fail("cannot listen on \(options.host) port \(options.port): \(error)", logger: logger)
        }
        server.start()
        let address = self.address(of: server, options: options)
        logger.log(
            .info, "bound to \(address); loading the collection (/readyz answers 503 until it is served)",
            [.string("address", address), .integer("port", server.port)])
        return server
    }

    /// The URL the server answers on.
    private static func address(of server: Server, options: ServeOptions) -> String {
        let shownHost = options.host.contains(":") ? "[\(options.host)]" : options.host
        return "http://\(shownHost):\(server.port)"
    }

    /// Loads the collection on a thread of its own and opens the gate on it, so the main
    /// thread can wait for signals meanwhile.
    ///
    /// - Returns: where the follower goes once started (set once by the loading thread, read
    ///   by the signal loop; guarded by its lock).
    private static func startLoading(
        into gate: StartupGate, server: Server, readiness: Readiness, options: ServeOptions, logger: StreamLogger
    ) -> Locked<Follower?> {
        let follower = Locked<Follower?>(nil)
        let loading = Thread {
            let (api, store) = self.loadAPI(options: options, readiness: readiness, logger: logger)
            // Loading leaves freed heap behind (decoded records, per-document indexing
            // scratch); give it back to the system so the resident size is what is kept.
            HeapTrim.returnFreedMemory()
            api.observeOpenConnections { server.openConnectionCount }
            gate.open(api)
            // A follower is ready once it has caught up with its writer; anything else, now.
            if let writer = options.follow, readiness.current == .loading {
                let key = options.followKey.isEmpty ? nil : options.followKey
                let started = self.follow(writer, key: key, into: store, readiness: readiness, logger: logger)
                follower.withLock { $0 = started }
            } else {
                readiness.finishLoading()
            }
            let address = self.address(of: server, options: options)
            logger.log(
                .info, "listening on \(address) (workers: \(options.workers))",
                [.string("address", address), .integer("port", server.port), .integer("workers", options.workers)])
        }
        loading.start()
        return follower
    }

    /// Opens the data directory, loads the seeds, opens the store on them and makes the API
    /// over it; a failure is logged and exits 1.
    private static func loadAPI(options: ServeOptions, readiness: Readiness, logger: StreamLogger) -> (DossierAPI, DocumentStore) {
        let directory: DataDirectory?
        do {
            directory = options.servesWithoutDataDirectory ? nil : try DataDirectory.open(path: options.dataDirectory)
        } catch {
            fail(self.describeStartupFailure(error, dataDirectory: options.dataDirectory), logger: logger)
        }
        // A follower's collection, seeds included, comes from its writer as ingested there.
        let seeds = options.follow == nil ? self.loadSeeds(options: options, directory: directory, logger: logger) : []
        let store = self.openStore(seeds: seeds, directory: directory, options: options, logger: logger)
        store.reextractOutdated { progress in
            switch progress {
            case .started(let outdated) where outdated > 0:
                logger.log(
                    .info, "re-extracting \(outdated) documents made by another extractor version, in the background; they serve as they are until then",
                    [.integer("outdated", outdated)])
            case .finished(let reextracted, let failed) where reextracted + failed > 0:
                logger.log(.info, "re-extracted \(reextracted) documents (\(failed) failed)", [.integer("reextracted", reextracted), .integer("failed", failed)])
            default:
                break
            }
        }
        let openAPI = FileManager.default.contents(atPath: options.openAPI).map { Array($0) }
        if openAPI == nil {
            logger.log(.warning, "no OpenAPI document at \(options.openAPI): /openapi.yaml answers 404", [.string("openapi", options.openAPI)])
        }
        let access = self.accessPolicy(options: options, logger: logger)
        let api = DossierAPI(
            store: store, readiness: readiness,
            options: APIOptions(
                allowedOrigins: options.corsOrigins, access: access, hosts: options.hostPolicy,
                writeLimit: options.writeLimit.effective(isLoopbackOnly: options.isLoopbackOnly, exposed: RateLimitSetting.exposedWrites),
                searchLimit: options.searchLimit.effective(isLoopbackOnly: options.isLoopbackOnly, exposed: RateLimitSetting.exposedSearches),
                searchWorkLimit: options.searchWorkLimit,
                eventStreams: EventStreamLimits(total: options.maxEventStreams, perClient: options.maxEventStreamsPerClient),
                openAPIDocument: openAPI, journalQueueLimit: options.maxJournalQueue,
                writesGoTo: options.follow?.description))
        return (api, store)
    }

    /// Who may call what: the key file's keys (a start-up failure when it cannot be read),
    /// or none, with a warning when the server listens beyond loopback and so takes no writes.
    private static func accessPolicy(options: ServeOptions, logger: StreamLogger) -> AccessPolicy {
        guard !options.apiKeysFile.isEmpty else {
            if !options.isLoopbackOnly && !options.servesWithoutDataDirectory {
                logger.log(
                    .warning,
                    "listening on \(options.host) with no API keys: writes and the journal answer 401 until a key file is given (dossier keys create --help)")
            }
            return AccessPolicy(keyRing: nil, isLoopbackOnly: options.isLoopbackOnly)
        }
        let keys: [APIKey]
        do {
            keys = try KeyFileLoader.load(path: options.apiKeysFile)
        } catch {
            fail("cannot use the API key file \(options.apiKeysFile): \(error)", logger: logger)
        }
        logger.log(.info, "accepting \(keys.count) API keys from \(options.apiKeysFile)", [.integer("keys", keys.count)])
        return AccessPolicy(keyRing: KeyRing(keys: keys), guarded: options.requireKeyFor, isLoopbackOnly: options.isLoopbackOnly)
    }

    /// The seed documents; each file skipped is a warning, and so is finding none. With a data
    /// directory, files ingested at an earlier start are read from its seed cache, and the
    /// cache is rewritten when a file was ingested or is gone.
    private static func loadSeeds(options: ServeOptions, directory: DataDirectory?, logger: StreamLogger) -> [Document] {
        let loaded: SeedLoader.Result
        let cache = directory?.readSeedCache() ?? SeedCache()
        do {
            loaded = try SeedLoader(ingestor: Ingestor()).load(directory: options.seeds, cache: cache)
        } catch {
            fail("\(error)", logger: logger)
        }
        if let directory, loaded.cached != loaded.documents.count || cache.entries.count != loaded.cache.entries.count {
            do {
                try directory.writeSeedCache(loaded.cache)
            } catch {
                logger.log(.warning, "could not write the seed cache; the next start ingests the seeds again: \(error)")
            }
        }
        for skipped in loaded.skipped {
            logger.log(
                .warning, "skipped seed \(skipped.file): \(skipped.reason)", [.string("file", skipped.file), .string("reason", skipped.reason)])
        }
        logger.log(
            loaded.documents.isEmpty ? .warning : .info,
            "loaded \(loaded.documents.count) documents from \(options.seeds) (\(loaded.cached) from the seed cache)",
            [
                .integer("documents", loaded.documents.count), .integer("cached", loaded.cached), .integer("skipped", loaded.skipped.count),
                .string("seeds", options.seeds),
            ])
        return loaded.documents
    }

    /// Why the store did not open; for a damaged journal or snapshot, with the command that
    /// salvages it.
    static func describeStartupFailure(_ error: any Error, dataDirectory: String) -> String {
        guard case .corrupt(let file, _, _)? = error as? StoreError, file.hasSuffix("/journal") || file.hasSuffix("/snapshot") else {
            return "\(error)"
        }
        return "\(error) To salvage the intact records, run 'dossier repair --data-dir \(dataDirectory)' "
            + "(it reports what it drops and keeps the damaged file aside), then start again."
    }

    /// The collection: the seeds, then (unless read-only) the data directory's writes.
    private static func openStore(seeds: [Document], directory: DataDirectory?, options: ServeOptions, logger: StreamLogger) -> DocumentStore {
        var configuration = DocumentStore.Configuration()
        configuration.compactionThreshold = options.compactAfterBytes
        configuration.ingestionBudget = IngestionBudget(limit: ServeOptions.duration(seconds: options.ingestTimeout))
        configuration.ingestionWidth = System.activeProcessorCount
        let store: DocumentStore
        do {
            // What the store reports while running mixes failures with routine compactions.
            store = try DocumentStore(
                seeds: seeds, directory: directory, configuration: configuration, ingestor: Ingestor(), log: { logger.log(.warning, $0) })
        } catch {
            fail(self.describeStartupFailure(error, dataDirectory: options.dataDirectory), logger: logger)
        }
        if let replayed = store.replayed {
            logger.log(
                .info,
                "data directory \(replayed.path): replayed \(replayed.snapshotRecords) snapshot records and "
                    + "\(replayed.journalRecords) journal records, last change \(replayed.lastChange)",
                [
                    .string("data_dir", replayed.path), .integer("snapshot_records", replayed.snapshotRecords),
                    .integer("journal_records", replayed.journalRecords), .integer("last_change", replayed.lastChange),
                ])
        }
        for notice in store.startupNotices { logger.log(.warning, notice) }
        let documents = store.snapshot.documents.count
        let message =
            if let writer = options.follow {
                "read replica of \(writer): serving \(documents) seed documents until caught up; POST and DELETE answer 405"
            } else if options.isReadOnly {
                "read-only: serving \(documents) documents; POST and DELETE answer 405"
            } else {
                "serving \(documents) documents; writes journaled in \(options.dataDirectory)"
            }
        logger.log(.info, message, [.integer("documents", documents), .boolean("read_only", options.servesWithoutDataDirectory)])
        return store
    }

    /// SIGTERM and SIGINT, which start a drain.
    private static var terminationSignals: sigset_t {
        var set = sigset_t()
        sigemptyset(&set)
        sigaddset(&set, SIGTERM)
        sigaddset(&set, SIGINT)
        return set
    }

    /// Blocks SIGTERM and SIGINT in this thread before any other thread exists, so every
    /// thread inherits the mask and a signal stays pending until `sigwait` takes it, even
    /// one sent during start-up.
    private static func blockTerminationSignals() {
        var set = self.terminationSignals
        pthread_sigmask(SIG_BLOCK, &set, nil)
        signal(SIGPIPE, SIG_IGN)  // a vanished peer is EPIPE on its socket, not a process kill
    }

    /// Parks the main thread in `sigwait`; the first SIGTERM or SIGINT calls `stopping`,
    /// drains the server, and the process exits 0 when the drain completes.
    ///
    /// This replaces `dispatchMain()` with a Dispatch signal source, which loses signals on
    /// Linux: `dispatchMain` parks the main thread in `sigsuspend` with an empty mask, so a
    /// signal set to `SIG_IGN` (as a signal source requires) is discarded when the kernel picks
    /// that thread, and one sent before the source is registered is lost as well.
    private static func drainOnTerminationSignals(
        server: Server, readiness: Readiness, logger: StreamLogger, drainTimeout: Double, stopping: () -> Void
    ) -> Never {
        var set = self.terminationSignals
        while true {
            var number: Int32 = 0
            guard sigwait(&set, &number) == 0, !server.isDraining else { continue }
            readiness.set(.draining)
            stopping()
            let connections = server.openConnectionCount
            logger.log(
                .info, "signal \(number): draining \(connections) connections (at most \(OptionValue.showSeconds(drainTimeout)) s)",
                [.integer("signal", Int(number)), .integer("connections", connections)])
            server.shutdown(gracePeriod: ServeOptions.duration(seconds: drainTimeout)) {
                logger.log(.info, "drained; exiting")
                logger.flush()
                exit(0)
            }
        }
    }

    /// Lifts the soft open-files limit to the hard one, so `--max-connections` is reachable.
    private static func raiseDescriptorLimit(logger: StreamLogger) {
        var limit = rlimit()
        guard getrlimit(Int32(RLIMIT_NOFILE.rawValue), &limit) == 0, limit.rlim_cur < limit.rlim_max else { return }
        limit.rlim_cur = limit.rlim_max
        if setrlimit(Int32(RLIMIT_NOFILE.rawValue), &limit) != 0 {
            logger.log(.warning, "could not raise the open-files limit: errno \(errno)")
        }
    }

    /// Logs a start-up failure as an error and exits 1.
    private static func fail(_ message: String, logger: StreamLogger) -> Never {
        logger.log(.error, message)
        exit(1)
    }
}
