import HTTPServer
import Testing

/// `HeaderFields`: ordered lines, case-insensitive lookup, list-valued fields.
struct HeaderFieldsTests {
    static let sample = HeaderFields([("Accept", "a"), ("Content-Type", "text/plain"), ("accept", "b")])

    /// Lines in `fields`, as `name: value` strings, in order.
    static func lines(_ fields: HeaderFields) -> [String] {
        fields.map { "\($0.name): \($0.value)" }
    }

    /// An empty set has no lines and answers every lookup with nothing.
    @Test func emptyHasNothing() {
        let fields = HeaderFields()
        #expect(fields.count == 0)
        #expect(fields["Accept"] == nil)
        #expect(fields.values(for: "Accept").isEmpty)
        #expect(!fields.contains(token: "close", inField: "Connection"))
    }

    /// Pairs keep their order and the case of their names.
    @Test func keepsOrderAndNameCase() {
        #expect(Self.lines(Self.sample) == ["Accept: a", "Content-Type: text/plain", "accept: b"])
        #expect(Self.sample.count == 3)
    }

    /// `add` appends, keeping earlier lines of the same name.
    @Test func addKeepsEarlierLines() {
        var fields = Self.sample
        fields.add("ACCEPT", "c")
        #expect(Self.lines(fields).suffix(2) == ["accept: b", "ACCEPT: c"])
        #expect(fields.values(for: "accept") == ["a", "b", "c"])
    }

    /// The subscript gives the first value, matching names in any case.
    @Test(arguments: ["Accept", "accept", "ACCEPT", "aCCePT"])
    func subscriptFindsFirstValueIgnoringCase(name: String) {
        #expect(Self.sample[name] == "a")
    }

    /// Names that merely share a prefix or differ by a character do not match.
    @Test(arguments: ["Accep", "Accept-Language", "Acceptx", ""])
    func subscriptMatchesWholeNamesOnly(name: String) {
        #expect(Self.sample[name] == nil)
        #expect(Self.sample.values(for: name).isEmpty)
    }

    /// `values(for:)` gives every value of the name, in order.
    @Test func valuesInOrder() {
        #expect(Self.sample.values(for: "Accept") == ["a", "b"])
        #expect(Self.sample.values(for: "content-type") == ["text/plain"])
        #expect(Self.sample.values(for: "X-Missing") == [])
    }

    /// `set` replaces every line of the name with one line, added last.
    @Test func setReplacesEveryLine() {
        var fields = Self.sample
        fields.set("ACCEPT", "z")
        #expect(Self.lines(fields) == ["Content-Type: text/plain", "ACCEPT: z"])
    }

    /// `set` of an absent name adds it.
    @Test func setAddsAbsentName() {
        var fields = Self.sample
        fields.set("X-New", "1")
        #expect(fields.count == 4)
        #expect(fields["x-new"] == "1")
    }

    /// `remove` drops every line of the name, in any case, and leaves the rest in order.
    @Test func removeDropsEveryLineIgnoringCase() {
        var fields = Self.sample
        fields.remove("aCcEpT")
        #expect(Self.lines(fields) == ["Content-Type: text/plain"])
        fields.remove("X-Missing")
        #expect(fields.count == 1)
        fields.remove("Content-Type")
        #expect(fields.count == 0)
    }

    /// Fields are equal when their lines are, in order and case.
    @Test func equalityFollowsLines() {
        #expect(HeaderFields([("A", "1"), ("B", "2")]) == HeaderFields([("A", "1"), ("B", "2")]))
        #expect(HeaderFields([("A", "1"), ("B", "2")]) != HeaderFields([("B", "2"), ("A", "1")]))
    }

    /// `contains(token:inField:)` finds a token in a comma-separated list, ignoring case and
    /// whitespace, in any line of the field; it does not match substrings.
    @Test(arguments: [
        (["close"], "close", true),
        (["Close"], "close", true),
        (["close"], "CLOSE", true),
        (["foo, close"], "close", true),
        (["foo,close"], "close", true),
        ([" foo ,\tclose\t, bar"], "close", true),
        (["foo", "close"], "close", true),
        (["keep-alive, Upgrade"], "upgrade", true),
        (["closed"], "close", false),
        (["enclose"], "close", false),
        (["close-ish"], "close", false),
        (["foo, bar"], "close", false),
        ([""], "close", false),
        ([String](), "close", false),
    ])
    func containsToken(values: [String], token: String, found: Bool) {
        var fields = HeaderFields([("Other", "close")])
        for value in values { fields.add("Connection", value) }
        #expect(fields.contains(token: token, inField: "connection") == found)
    }
}

/// `Request.isKeepAlive`: the `Connection` tokens of a parsed request decide (RFC 9112 §9.3).
struct RequestKeepAliveTests {
    @Test(arguments: [
        ("HTTP/1.1", [String](), true),
        ("HTTP/1.1", ["Connection: close"], false),
        ("HTTP/1.1", ["Connection: CLOSE"], false),
        ("HTTP/1.1", ["Connection: foo, close"], false),
        ("HTTP/1.1", ["Connection: foo", "Connection: close"], false),
        ("HTTP/1.1", ["Connection: closed"], true),
        ("HTTP/1.1", ["Connection: keep-alive"], true),
        ("HTTP/1.0", [], false),
        ("HTTP/1.0", ["Connection: keep-alive"], true),
        ("HTTP/1.0", ["Connection: Upgrade, Keep-Alive"], true),
        ("HTTP/1.0", ["Connection: close"], false),
    ])
    func decidesKeepAlive(version: String, fields: [String], keepAlive: Bool) throws {
        let request = try #require(ParserFixture.request(Wire.head(["GET / \(version)", Wire.host] + fields)))
        #expect(request.isKeepAlive == keepAlive)
    }
}
