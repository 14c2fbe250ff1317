import Foundation
import Testing
import TestSupport

/// `dossier healthcheck` as a container runs it: against a running `dossier serve`, and
/// against a port where nothing listens.
@Suite(.serialized)
struct HealthcheckProcessTests {
    @Test func exitsZeroWhileTheServerRunsAndOneAfterItStops() throws {
        let server = try DossierProcess(["serve", "--port", "0", "--seeds", DossierProcess.seedsPath])
        let port = try #require(server.listeningPort(), "stderr: \(server.standardError)")

        let healthy = try DossierProcess(["healthcheck", "--port", String(port)])
        #expect(healthy.exitStatus() == 0, "stderr: \(healthy.standardError)")
        #expect(healthy.standardError.isEmpty)

        server.signal(SIGTERM)
        #expect(server.exitStatus() == 0)
        let gone = try DossierProcess(["healthcheck", "--port", String(port), "--timeout", "1"])
        #expect(gone.exitStatus() == 1)
        #expect(gone.standardError == "unhealthy: GET http://127.0.0.1:\(port)/healthz: connection refused\n")
    }

    @Test func wildcardHostIsCheckedThroughLoopback() throws {
        let server = try DossierProcess(["serve", "--host", "0.0.0.0", "--port", "0", "--seeds", DossierProcess.seedsPath])
        let port = try #require(server.listeningPort(), "stderr: \(server.standardError)")
        let check = try DossierProcess(["healthcheck", "--host", "0.0.0.0", "--port", String(port)])
        #expect(check.exitStatus() == 0, "stderr: \(check.standardError)")
        server.signal(SIGTERM)
        #expect(server.exitStatus() == 0)
    }

    @Test func usageErrorExits64() throws {
        let process = try DossierProcess(["healthcheck", "--port", "none"])
        #expect(process.exitStatus() == 64)
        #expect(process.standardError.contains("Error: invalid value 'none' for --port"))
    }
}
