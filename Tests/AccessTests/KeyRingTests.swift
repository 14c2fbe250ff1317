@testable import Access
import Testing

/// `KeyRing`, `BearerCredentials` and `NewKey`: a secret finds its key, nothing else does.
struct KeyRingTests {
    /// A generator that counts up, so a made key is predictable in tests.
    private struct CountingGenerator: RandomNumberGenerator {
        var state: UInt64 = 0
        mutating func next() -> UInt64 {
            self.state &+= 1
            return self.state
        }
    }

    @Test func newKeyIsPrefixedHexAndItsDigestMatches() {
        var generator = CountingGenerator()
        let made = NewKey(name: "desk", scopes: [.write], generator: &generator)
        #expect(made.secret.hasPrefix("dsk_"))
        #expect(made.secret.utf8.count == 4 + 64)
        #expect(made.key.digest == SHA256.digest(of: Array(made.secret.utf8)))
        #expect(made.key.name == "desk")
    }

    @Test func twoNewKeysDiffer() {
        #expect(NewKey(name: "a", scopes: [.read]).secret != NewKey(name: "a", scopes: [.read]).secret)
    }

    @Test func secretFindsItsKeyOnly() {
        let desk = NewKey(name: "desk", scopes: [.write])
        let replica = NewKey(name: "replica", scopes: [.replicate])
        let ring = KeyRing(keys: [desk.key, replica.key])
        #expect(ring.key(forSecret: Array(desk.secret.utf8))?.name == "desk")
        #expect(ring.key(forSecret: Array(replica.secret.utf8))?.name == "replica")
        #expect(ring.key(forSecret: Array((desk.secret + "0").utf8)) == nil)
        #expect(ring.key(forSecret: Array(desk.key.fileLine.utf8)) == nil)
    }

    @Test func constantTimeEqualityComparesWholeArrays() {
        #expect(KeyRing.constantTimeEqual([1, 2, 3], [1, 2, 3]))
        #expect(!KeyRing.constantTimeEqual([1, 2, 3], [1, 2, 4]))
        #expect(!KeyRing.constantTimeEqual([1, 2], [1, 2, 3]))
    }

    @Test func bearerCredentialsParsing() {
        #expect(BearerCredentials(header: nil) == .absent)
        #expect(BearerCredentials(header: "Bearer dsk_ab12") == .token(Array("dsk_ab12".utf8)))
        #expect(BearerCredentials(header: "bEaReR   dsk_ab12") == .token(Array("dsk_ab12".utf8)))
        #expect(BearerCredentials(header: "Basic ZGVzazpwdw==") == .malformed)
        #expect(BearerCredentials(header: "Bearer ") == .malformed)
        #expect(BearerCredentials(header: "Bearer a b") == .malformed)
        #expect(BearerCredentials(header: "Bearer") == .malformed)
    }
}
