import API
import Corpus
import Dispatch
import Foundation
import HTTPServer
@preconcurrency import Glibc

/// `dossier serve`: load the seeds, start the server, drain on SIGTERM/SIGINT.
enum ServeCommand {
    /// Runs the server until a signal drains it; never returns.
    static func run(_ options: ServeOptions) -> Never {
        let logger = StreamLogger(isAccessLogEnabled: options.isAccessLogEnabled)
        let readiness = Readiness(.loading)
        raiseDescriptorLimit(logger: logger)

        let loaded: SeedLoader.Result
        do {
            loaded = try SeedLoader().load(directory: options.seeds)
        } catch {
            fail("\(error)")
        }
        for skipped in loaded.skipped { logger.notice("skipped seed \(skipped.file): \(skipped.reason)") }
        let catalog = Catalog(snapshot: Snapshot(documents: loaded.documents, version: 1))
        logger.notice("loaded \(loaded.documents.count) documents from \(options.seeds)")

        let server: Server
        do {
            server = try Server(
                configuration: options.serverConfiguration,
                responder: DossierAPI(catalog: catalog, readiness: readiness), logger: logger)
        } catch {
            fail("cannot listen on \(options.host) port \(options.port): \(error)")
        }
        let signals = installDrainOnSignals(server: server, readiness: readiness, logger: logger, drainTimeout: options.drainTimeout)
        server.start()
        readiness.set(.ready)
        let shownHost = options.host.contains(":") ? "[\(options.host)]" : options.host
        logger.notice("listening on http://\(shownHost):\(server.port) with \(options.workers) workers")
        withExtendedLifetime(signals) { dispatchMain() }
    }

    /// SIGTERM and SIGINT start a drain; the process exits 0 when it completes.
    private static func installDrainOnSignals(
        server: Server, readiness: Readiness, logger: StreamLogger, drainTimeout: Double
    ) -> [any DispatchSourceSignal] {
        signal(SIGPIPE, SIG_IGN)
        return [SIGTERM, SIGINT].map { number in
            signal(number, SIG_IGN)  // let the Dispatch source receive it instead of the default action
            let source = DispatchSource.makeSignalSource(signal: number, queue: .main)
            source.setEventHandler {
                guard !server.isDraining else { return }
                readiness.set(.draining)
                logger.notice("signal \(number): draining \(server.openConnectionCount) connections (at most \(drainTimeout) s)")
                server.shutdown(gracePeriod: ServeOptions.duration(seconds: drainTimeout)) {
                    logger.notice("drained; exiting")
                    logger.flush()
                    exit(0)
                }
            }
            source.activate()
            return source
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
