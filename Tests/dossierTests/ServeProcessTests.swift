import Foundation
import Testing
import TestSupport

/// `dossier` as a real process over loopback: start-up, SIGTERM drain, exit codes.
@Suite(.serialized)
struct ServeProcessTests {
    /// SIGTERM stops accepting, closes idle connections, answers the request in flight with
    /// `Connection: close`, and exits 0.
    @Test func drainsOnSIGTERMAndExitsZero() throws {
        // Generous limits: on a loaded machine the steps below may take seconds, and neither
        // the drain deadline nor the header timeout may cut the in-flight request short.
        let server = try DossierProcess([
            "serve", "--port", "0", "--seeds", DossierProcess.seedsPath, "--drain-timeout", "60", "--header-timeout", "60",
        ])
        let port = try #require(server.listeningPort(), "no 'listening on' notice; stderr: \(server.standardError)")

        let idle = try TestClient(port: port)
        try idle.send("GET /healthz HTTP/1.1\r\nHost: localhost\r\n\r\n")
        #expect(try idle.readResponse().statusCode == 200)
        let inFlight = try TestClient(port: port)
        try inFlight.send("GET /v1/documents HTTP/1.1\r\nHost: localhost\r\n")  // head not finished yet
        // Bytes still travelling at the signal would find an idle connection, closed by the drain.
        #expect(inFlight.waitUntilAcknowledged())
        #expect(eventually { server.standardError.contains("loaded 2 documents") })

        server.signal(SIGTERM)
        #expect(eventually { (try? TestClient(port: port)) == nil }, "the listener should close")
        #expect(idle.isClosedByPeer())
        try inFlight.send("\r\n")
        let response = try inFlight.readResponse()
        #expect(response.statusCode == 200)
        #expect(response.announcesClose)
        inFlight.close()  // otherwise the server lingers up to 2 s for this client to close
        #expect(server.exitStatus() == 0)
    }

    /// SIGINT drains the same way.
    @Test func drainsOnSIGINT() throws {
        let server = try DossierProcess(["serve", "--port", "0", "--seeds", DossierProcess.seedsPath])
        _ = try #require(server.listeningPort(), "stderr: \(server.standardError)")
        server.signal(SIGINT)
        #expect(server.exitStatus() == 0)
    }

    /// Serves on an IPv6 address given to `--host`.
    @Test func servesOnIPv6Loopback() throws {
        let server = try DossierProcess(["serve", "--host", "::1", "--port", "0", "--seeds", DossierProcess.seedsPath])
        let port = try #require(server.listeningPort(), "stderr: \(server.standardError)")
        #expect(server.standardError.contains("listening on http://[::1]:\(port)"))
        let client = try TestClient(host: "::1", port: port)
        try client.send("GET /readyz HTTP/1.1\r\nHost: [::1]\r\n\r\n")
        #expect(try client.readResponse().statusCode == 200)
        server.signal(SIGTERM)
        #expect(server.exitStatus() == 0)
    }

    /// A usage error exits 64 (EX_USAGE) and names the problem on stderr.
    @Test func usageErrorExits64() throws {
        let process = try DossierProcess(["serve", "--port", "http"])
        #expect(process.exitStatus() == 64)
        #expect(process.standardError.contains("Error: invalid value 'http' for --port"))
    }

    /// A seeds folder that does not exist is refused before start-up, naming the flag, with exit code 64.
    @Test func missingSeedsFolderExits64() throws {
        let process = try DossierProcess(["serve", "--port", "0", "--seeds", "/nonexistent/seeds"])
        #expect(process.exitStatus() == 64)
        #expect(process.standardError.hasPrefix("Error: invalid value '/nonexistent/seeds' for --seeds: must be an existing directory\n"))
    }

    /// A data directory that is a file is refused before start-up, naming the variable that
    /// set it, with exit code 64.
    @Test func dataDirectoryThatIsAFileExits64() throws {
        let file = try ScratchDirectory()
        let path = "\(file.path)/not-a-folder"
        try Data().write(to: URL(fileURLWithPath: path))
        let process = try DossierProcess(["serve", "--port", "0", "--seeds", DossierProcess.seedsPath], dataDirectory: path)
        #expect(process.exitStatus() == 64)
        #expect(process.standardError.contains("Error: invalid value '\(path)' for DOSSIER_DATA_DIR: must be a directory (it is created if missing)"))
    }
}
