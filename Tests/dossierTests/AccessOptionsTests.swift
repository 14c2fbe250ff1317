import Access
@testable import dossier
import Testing

/// The access options of `serve`: the hosts answered by default, and what they must be.
struct AccessOptionsTests {
    @Test func hostDefaultsFollowTheBindAddress() throws {
        let loopback = try ServeOptions.parse([], environment: [:])
        let exposed = try ServeOptions.parse(["--host", "0.0.0.0"], environment: [:])
        let listed = try ServeOptions.parse(["--host", "0.0.0.0", "--allowed-hosts", "dossier.internal"], environment: [:])
        #expect(loopback.isLoopbackOnly && !exposed.isLoopbackOnly)
        #expect(!loopback.hostPolicy.allows(hostHeader: "rebound.example") && loopback.hostPolicy.allows(hostHeader: "localhost:8080"))
        #expect(exposed.hostPolicy.allows(hostHeader: "rebound.example"))
        #expect(listed.hostPolicy.allows(hostHeader: "dossier.internal:80") && !listed.hostPolicy.allows(hostHeader: "localhost"))
        #expect(throws: UsageError.self) { try ServeOptions.parse(["--allowed-hosts", "a.example:80"], environment: [:]) }
        #expect(throws: UsageError.self) { try ServeOptions.parse(["--require-key-for", "writes"], environment: [:]) }
    }

    @Test func secretsAreNotPrinted() throws {
        let options = try ServeOptions.parse(["--follow", "http://writer:8080", "--follow-key", "dsk_0123"], environment: [:])
        #expect(!options.printedConfiguration.contains("dsk_0123"))
    }
}
