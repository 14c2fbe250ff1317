@testable import Routing
import Testing

struct PathParametersTests {
    @Test func emptySetHasNoValues() {
        #expect(PathParameters()["id"] == nil)
    }

    @Test func subscriptFindsValueByName() {
        var parameters = PathParameters()
        parameters.append(name: "entity", value: "e1")
        parameters.append(name: "quote", value: "q2")
        #expect(parameters["entity"] == "e1")
        #expect(parameters["quote"] == "q2")
        #expect(parameters["other"] == nil)
    }

    @Test func equalityDependsOnOrder() {
        var ab = PathParameters()
        ab.append(name: "a", value: "1")
        ab.append(name: "b", value: "2")
        var ba = PathParameters()
        ba.append(name: "b", value: "2")
        ba.append(name: "a", value: "1")
        var again = PathParameters()
        again.append(name: "a", value: "1")
        again.append(name: "b", value: "2")
        #expect(ab != ba)
        #expect(ab == again)
        #expect(ab.hashValue == again.hashValue)
    }
}
