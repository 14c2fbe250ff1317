import Routing
import Testing

/// `QueryParameters(parsing:)`: form decoding, repeated names, and encoding errors.
struct QueryParametersTests {
    @Test func emptyQueryHasNoPairs() throws {
        #expect(try QueryParameters(parsing: "").pairs.isEmpty)
    }

    @Test func decodesPlusAsSpace() throws {
        #expect(try QueryParameters(parsing: "q=north+korea")["q"] == "north korea")
    }

    @Test(arguments: [
        ("q=caf%C3%A9", "café"), ("q=caf%c3%a9", "café"), ("q=%E5%8C%97", "北"), ("q=%F0%9F%98%80", "😀"),
        ("q=%2B", "+"), ("q=%26", "&"), ("q=%3D", "="), ("q=%25", "%"), ("q=a%20b+c", "a b c"), ("q=%00", "\u{0}"),
        ("q=plain", "plain"), ("q=", ""), ("q=caf\u{E9}", "café"),
    ])
    func percentDecodesValue(_ query: String, _ expected: String) throws {
        #expect(try QueryParameters(parsing: query)["q"] == expected)
    }

    @Test func percentDecodesName() throws {
        let parameters = try QueryParameters(parsing: "na%6De=1&a+b=2")
        #expect(parameters.names == ["name", "a b"])
    }

    @Test func repeatedNameKeepsEveryValueInOrder() throws {
        let parameters = try QueryParameters(parsing: "a=1&b=x+y&a=2&a=3")
        #expect(parameters.values(for: "a") == ["1", "2", "3"])
        #expect(parameters["a"] == "1")
        #expect(parameters["b"] == "x y")
    }

    @Test func missingNameHasNoValues() throws {
        let parameters = try QueryParameters(parsing: "a=1")
        #expect(parameters["b"] == nil)
        #expect(parameters.values(for: "b").isEmpty)
    }

    @Test func namesAreDistinctInOrderOfFirstAppearance() throws {
        #expect(try QueryParameters(parsing: "b=1&a=2&b=3&c=4&a=5").names == ["b", "a", "c"])
    }

    @Test(arguments: ["a=1&&b=2", "&a=1&b=2&", "&&&a=1&&&b=2&&&"])
    func emptyPiecesAreSkipped(_ query: String) throws {
        let parameters = try QueryParameters(parsing: query)
        #expect(parameters.pairs.map(\.name) == ["a", "b"])
        #expect(parameters.pairs.map(\.value) == ["1", "2"])
    }

    @Test func pieceWithoutEqualsHasEmptyValue() throws {
        let parameters = try QueryParameters(parsing: "pretty&limit=5")
        #expect(parameters["pretty"] == "")
        #expect(parameters.names == ["pretty", "limit"])
    }

    @Test func onlyFirstEqualsSeparatesNameFromValue() throws {
        let parameters = try QueryParameters(parsing: "expr=a=b==c")
        #expect(parameters["expr"] == "a=b==c")
    }

    @Test func pieceStartingWithEqualsHasEmptyName() throws {
        #expect(try QueryParameters(parsing: "=v").pairs.map(\.name) == [""])
    }

    @Test(arguments: [
        ("q=%zz", "q"), ("q=%4", "q"), ("q=abc%", "q"), ("q=%", "q"), ("q=%4g", "q"), ("q=%g4", "q"),
        ("q=%FF", "q"), ("q=%C3", "q"), ("q=%C3%28", "q"), ("q=%C0%AF", "q"), ("q=%ED%A0%80", "q"),
        ("ok=1&limit=%zz&after=2", "limit"), ("caf%C3%A9=%FF", "café"),
    ])
    func invalidValueEncodingNamesTheParameter(_ query: String, _ parameter: String) {
        #expect(throws: QueryError.invalidEncoding(parameter: parameter)) {
            try QueryParameters(parsing: query)
        }
    }

    @Test(arguments: [("%zz=1", "%zz"), ("na%FFme=1", "na%FFme"), ("x%=1", "x%")])
    func invalidNameEncodingNamesTheRawName(_ query: String, _ parameter: String) {
        #expect(throws: QueryError.invalidEncoding(parameter: parameter)) {
            try QueryParameters(parsing: query)
        }
    }

    @Test func errorDescriptionNamesTheParameter() {
        let error = QueryError.invalidEncoding(parameter: "limit")
        #expect(error.description == "The query parameter 'limit' has an invalid percent-encoding or is not UTF-8.")
    }

    @Test func equalityDependsOnPairOrder() throws {
        #expect(try QueryParameters(parsing: "a=1&b=2") == QueryParameters(parsing: "a=1&b=2"))
        #expect(try QueryParameters(parsing: "a=1&b=2") != QueryParameters(parsing: "b=2&a=1"))
        #expect(try QueryParameters(parsing: "a=1+2") == QueryParameters(parsing: "a=1%202"))
    }
}
