import API
import Corpus
import Dispatch
import Foundation
import HTTPServer
@preconcurrency import Glibc

/// `dossier serve`: load the seeds, start the server, drain on SIGTERM/SIGINT.
///
/// The first things it does (block SIGTERM and SIGINT, choose the scheduling policy) are
/// inherited by threads created later, so it must run before anything starts a thread.
enum ServeCommand {
    /// Runs the server until a signal drains it; never returns.
    static func run(_ options: ServeOptions) -> Never {
        blockTerminationSignals()
        let logger = StreamLogger(configuration: options.logConfiguration)
        if options.scheduler == .batch {
            do {
                try System.useBatchScheduling()
            } catch {
                logger.notice("keeping the normal scheduler: \(error)")
            }
        }
        let readiness = Readiness(.loading)
        raiseDescriptorLimit(logger: logger)

        let loaded: SeedLoader.Result
        do {
            loaded = try SeedLoader().load(directory: options.seeds)
        } catch {
            fail("\(error)")
        }
        for skipped in loaded.skipped { logger.notice("skipped seed \(skipped.file): \(skipped.reason)") }
        logger.notice("loaded \(loaded.documents.count) documents from \(options.seeds)")
        let store = self.openStore(seeds: loaded.documents, options: options, logger: logger)

        let openAPI = FileManager.default.contents(atPath: options.openAPI).map { Array($0) }
        if openAPI == nil { logger.notice("no OpenAPI document at \(options.openAPI): /openapi.yaml answers 404") }
        let api = DossierAPI(
            store: store, readiness: readiness, options: APIOptions(allowedOrigins: options.corsOrigins, openAPIDocument: openAPI))
        let server: Server
        do {
            server = try Server(configuration: options.serverConfiguration, responder: api, logger: logger)
        } catch {
            fail("cannot listen on \(options.host) port \(options.port): \(error)")
        }
        api.observeOpenConnections { server.openConnectionCount }
        server.start()
        readiness.set(.ready)
        let shownHost = options.host.contains(":") ? "[\(options.host)]" : options.host
        logger.notice("listening on http://\(shownHost):\(server.port) (workers: \(options.workers))")
        drainOnTerminationSignals(server: server, readiness: readiness, logger: logger, drainTimeout: options.drainTimeout)
    }

    /// The collection: the seeds, then (unless read-only) the data directory's writes.
    private static func openStore(seeds: [Document], options: ServeOptions, logger: StreamLogger) -> DocumentStore {
        var configuration = DocumentStore.Configuration()
        configuration.compactionThreshold = options.compactAfterBytes
        do {
            let directory = options.isReadOnly ? nil : try DataDirectory.open(path: options.dataDirectory)
            let store = try DocumentStore(
                seeds: seeds, directory: directory, configuration: configuration, log: { logger.notice($0) })
            if let replayed = store.replayed {
                logger.notice(
                    "data directory \(replayed.path): \(replayed.snapshotRecords) snapshot records and \(replayed.journalRecords) journal records, "
                        + "last change \(replayed.lastChange)")
            }
            for notice in store.startupNotices { logger.notice(notice) }
            logger.notice(
                options.isReadOnly
                    ? "read-only: serving the seeds; POST and DELETE answer 405"
                    : "serving \(store.snapshot.documents.count) documents, writes journaled in \(options.dataDirectory)")
            return store
        } catch {
            fail("\(error)")
        }
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

    /// Parks the main thread in `sigwait`; the first SIGTERM or SIGINT drains the server and
    /// the process exits 0 when the drain completes.
    ///
    /// This replaces `dispatchMain()` with a Dispatch signal source, which loses signals on
    /// Linux: `dispatchMain` parks the main thread in `sigsuspend` with an empty mask, so a
    /// signal set to `SIG_IGN` (as a signal source requires) is discarded when the kernel picks
    /// that thread, and one sent before the source is registered is lost as well.
    private static func drainOnTerminationSignals(
        server: Server, readiness: Readiness, logger: StreamLogger, drainTimeout: Double
    ) -> Never {
        var set = self.terminationSignals
        while true {
            var number: Int32 = 0
            guard sigwait(&set, &number) == 0, !server.isDraining else { continue }
            readiness.set(.draining)
            logger.notice("signal \(number): draining \(server.openConnectionCount) connections (at most \(drainTimeout) s)")
            server.shutdown(gracePeriod: ServeOptions.duration(seconds: drainTimeout)) {
                logger.notice("drained; exiting")
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
            logger.notice("could not raise the open-files limit: errno \(errno)")
        }
    }

    private static func fail(_ message: String) -> Never {
        FileHandle.standardError.write(Data("Error: \(message)\n".utf8))
        exit(1)
    }
}
