@testable import Access
import Testing

/// `ClientIdentity`: keys before addresses, IPv6 by /64.
struct ClientIdentityTests {
    @Test func keyNameWins() {
        #expect(ClientIdentity.of(keyName: "desk", address: "192.0.2.7") == "key:desk")
    }

    @Test func ipv4IsItsAddress() {
        #expect(ClientIdentity.of(keyName: nil, address: "192.0.2.7") == "ip:192.0.2.7")
        #expect(ClientIdentity.of(keyName: nil, address: "::ffff:192.0.2.7") == "ip:192.0.2.7")
    }

    @Test func ipv6AddressesOfOneSlash64AreOneClient() {
        let first = ClientIdentity.of(keyName: nil, address: "2001:db8:1:2:aaaa::1")
        let second = ClientIdentity.of(keyName: nil, address: "2001:0db8:0001:0002:ffff:1:2:3")
        #expect(first == "ip:2001:db8:1:2::/64")
        #expect(first == second)
        #expect(ClientIdentity.of(keyName: nil, address: "2001:db8:1:3::1") != first)
        #expect(ClientIdentity.of(keyName: nil, address: "::1") == "ip:0:0:0:0::/64")
    }

    @Test func unreadableAddressIsKeptWhole() {
        #expect(ClientIdentity.of(keyName: nil, address: "-") == "ip:-")
        #expect(ClientIdentity.of(keyName: nil, address: "1:2:3") == "ip:1:2:3")
    }
}
