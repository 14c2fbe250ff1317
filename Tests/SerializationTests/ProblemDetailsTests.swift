import Foundation
import Serialization
import Testing

struct ProblemDetailsTests {
    @Test func serialisesMembersInFixedOrderWithoutParameter() {
        let problem = ProblemDetails(status: 404, title: "Not Found", detail: "No document with id 'x'.")
        #expect(JSONTestSupport.text(problem.json) == #"{"type":"about:blank","title":"Not Found","status":404,"detail":"No document with id 'x'."}"#)
    }

    @Test func appendsParameterLastWhenSet() {
        let problem = ProblemDetails(
            type: "https://example.com/problems/bad-query", status: 400, title: "Bad Request",
            detail: "limit must be 1 to 100.", parameter: "limit")
        #expect(JSONTestSupport.text(problem.json) == #"{"type":"https://example.com/problems/bad-query","title":"Bad Request","status":400,"detail":"limit must be 1 to 100.","parameter":"limit"}"#)
    }

    @Test func prettyOutputKeepsTheSameOrder() {
        let problem = ProblemDetails(status: 400, title: "Bad Request", detail: "d", parameter: "q")
        let expected = """
            {
              "type": "about:blank",
              "title": "Bad Request",
              "status": 400,
              "detail": "d",
              "parameter": "q"
            }

            """
        #expect(JSONTestSupport.text(problem.json, pretty: true) == expected)
    }

    @Test func escapesDetailAndParsesAsJSON() throws {
        let problem = ProblemDetails(status: 400, title: "Bad Request", detail: "bad \"q\"\n\u{2028}", parameter: "q\\")
        let parsed = try JSONTestSupport.parse(JSONWriter.serialize(problem.json))
        let object = try #require(parsed as? [String: Any])
        #expect(object["detail"] as? String == "bad \"q\"\n\u{2028}")
        #expect(object["parameter"] as? String == "q\\")
        #expect((object["status"] as? NSNumber)?.intValue == 400)
    }

    @Test func mediaTypeIsProblemJSON() {
        #expect(ProblemDetails.mediaType == "application/problem+json")
    }

    @Test func defaultTypeIsAboutBlank() {
        #expect(ProblemDetails(status: 500, title: "Internal Server Error", detail: "").type == "about:blank")
    }
}
