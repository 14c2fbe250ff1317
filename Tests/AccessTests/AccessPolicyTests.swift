@testable import Access
import Testing

/// `AccessPolicy.decide` over every kind of route, key and exposure; `HostPolicy`.
struct AccessPolicyTests {
    private static let writer = NewKey(name: "desk", scopes: [.write])
    private static let reader = NewKey(name: "dash", scopes: [.read])
    private static let admin = NewKey(name: "ops", scopes: [.admin])
    private static let ring = KeyRing(keys: [writer.key, reader.key, admin.key])

    private static func bearer(_ key: NewKey) -> String { "Bearer \(key.secret)" }

    @Test func loopbackWithoutKeysIsOpen() {
        for route in [RouteAccess.probe, .read, .metrics, .write, .replicate] {
            #expect(AccessPolicy.open.decide(route, authorization: nil) == .allowed(keyName: nil))
        }
    }

    @Test func exposedWithoutKeysRefusesWritesAndJournalOnly() {
        let policy = AccessPolicy(keyRing: nil, isLoopbackOnly: false)
        #expect(policy.decide(.write, authorization: nil) == .keysNotConfigured)
        #expect(policy.decide(.replicate, authorization: nil) == .keysNotConfigured)
        #expect(policy.decide(.read, authorization: nil) == .allowed(keyName: nil))
        #expect(policy.decide(.probe, authorization: nil) == .allowed(keyName: nil))
    }

    @Test func writesNeedAKeyWithWriteScope() {
        let policy = AccessPolicy(keyRing: Self.ring, isLoopbackOnly: true)
        #expect(policy.decide(.write, authorization: nil) == .keyMissing)
        #expect(policy.decide(.write, authorization: Self.bearer(Self.writer)) == .allowed(keyName: "desk"))
        #expect(policy.decide(.write, authorization: Self.bearer(Self.reader)) == .scopeMissing(keyName: "dash", needed: .write))
        #expect(policy.decide(.write, authorization: Self.bearer(Self.admin)) == .allowed(keyName: "ops"))
        #expect(policy.decide(.replicate, authorization: Self.bearer(Self.writer)) == .scopeMissing(keyName: "desk", needed: .replicate))
    }

    @Test func readsAreOpenUnlessGuardedButAWrongKeyIsRefused() {
        let open = AccessPolicy(keyRing: Self.ring, isLoopbackOnly: false)
        #expect(open.decide(.read, authorization: nil) == .allowed(keyName: nil))
        #expect(open.decide(.read, authorization: Self.bearer(Self.writer)) == .allowed(keyName: "desk"))
        #expect(open.decide(.read, authorization: "Bearer dsk_guess") == .keyRejected)
        #expect(open.decide(.metrics, authorization: nil) == .allowed(keyName: nil))

        let guarded = AccessPolicy(keyRing: Self.ring, guarded: [.reads, .metrics], isLoopbackOnly: false)
        #expect(guarded.decide(.read, authorization: nil) == .keyMissing)
        #expect(guarded.decide(.read, authorization: Self.bearer(Self.writer)) == .scopeMissing(keyName: "desk", needed: .read))
        #expect(guarded.decide(.metrics, authorization: Self.bearer(Self.reader)) == .allowed(keyName: "dash"))
    }

    @Test func probesNeverNeedOrCheckAKey() {
        let guarded = AccessPolicy(keyRing: Self.ring, guarded: [.reads, .metrics], isLoopbackOnly: false)
        #expect(guarded.decide(.probe, authorization: nil) == .allowed(keyName: nil))
        #expect(guarded.decide(.probe, authorization: "Bearer wrong") == .allowed(keyName: nil))
    }

    @Test func malformedAuthorizationIsRejected() {
        let policy = AccessPolicy(keyRing: Self.ring, isLoopbackOnly: true)
        #expect(policy.decide(.write, authorization: "Basic ZGVzazpwdw==") == .keyRejected)
    }

    @Test func hostPolicyMatchesHostWithAnyPort() {
        let loopback = HostPolicy(allowing: HostPolicy.loopbackHosts)
        #expect(loopback.allows(hostHeader: "localhost:8080"))
        #expect(loopback.allows(hostHeader: "LOCALHOST"))
        #expect(loopback.allows(hostHeader: "127.0.0.1:80"))
        #expect(loopback.allows(hostHeader: "[::1]:8080"))
        #expect(loopback.allows(hostHeader: nil))
        #expect(!loopback.allows(hostHeader: "evil.example:8080"))
        #expect(!loopback.allows(hostHeader: "localhost.evil.example"))
        #expect(HostPolicy(allowing: nil).allows(hostHeader: "anything.example"))
    }
}
