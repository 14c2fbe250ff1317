import Foundation
@testable import HTTPServer
import Testing

/// Our request parser against h11, a strict reference HTTP/1.1 parser, on the requests in
/// `Tests/Differential/cases.py`: the same verdict (accepted, rejected, incomplete) and, when
/// both accept, the same method, target, version, fields and body — except for the cases in
/// `intentionalDifferences`, each with its reason, which must still differ.
///
/// h11's verdicts are recorded in `Tests/Differential/h11-verdicts.json` by
/// `Tests/Differential/h11_verdicts.py`, so the test needs no Python.
struct ParserDifferentialTests {
    /// Where we decide otherwise than h11, and why.
    static let intentionalDifferences: [String: String] = [
        "content-length-and-chunked": "DESIGN.md: both framings is a 400 (RFC 9112 §6.3 lets a server reject it); h11 lets chunked win",
        "transfer-encoding-http10": "RFC 9112 §6.1: Transfer-Encoding in HTTP/1.0 is faulty framing, rejected; h11 accepts it",
        "obs-fold": "DESIGN.md: obsolete line folding is a 400 (RFC 9112 §5.2 allows rejecting it); h11 unfolds it",
        "http2-version": "a version other than HTTP/1.x is 505; h11 records any version",
        "unknown-method": "a method the server does not implement is 501 before routing; h11 accepts any token",
        "connect-method": "CONNECT is not implemented (501); h11 accepts any token",
        "fragment-in-target": "'#' cannot appear in a request-target (RFC 9112 §3.2); h11 does not check the target",
        "invalid-percent-encoding": "the path is percent-decoded and must decode to UTF-8 text; h11 leaves the target raw",
        "expect-other": "an expectation other than 100-continue is 417 (RFC 9110 §10.1.1); h11 does not read Expect",
        "leading-empty-line": "RFC 9112 §2.2: a server SHOULD ignore at least one empty line before the request line; h11 rejects it",
        "higher-minor-version": "HTTP/1.2 is served as HTTP/1.1 (RFC 9110 §6.2); h11 records 1.2",
        "identical-content-lengths": "both accept with the same body; h11 merges the repeated identical Content-Length fields into one, we keep the fields as sent",
    ]

    /// h11's verdicts and the cases' bytes.
    struct Recorded: Decodable {
        struct Verdict: Decodable {
            let verdict: String
            let method: String?
            let target: String?
            let version: String?
            let headers: [[String]]?
            let body: String?
        }

        let cases: [String: String]
        let verdicts: [String: Verdict]
    }

    static let recorded: Recorded = {
        let url = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
            .appendingPathComponent("Differential/h11-verdicts.json")
        return try! JSONDecoder().decode(Recorded.self, from: Data(contentsOf: url))
    }()

    /// What our parser makes of the bytes, in h11's terms.
    static func ours(_ bytes: [UInt8]) -> Recorded.Verdict {
        var parser = RequestParser()
        parser.append(contentsOf: bytes)
        while true {
            do {
                switch try parser.next() {
                case .continueExpected: continue
                case .needMoreBytes: return .init(verdict: "incomplete", method: nil, target: nil, version: nil, headers: nil, body: nil)
                case .request(let request):
                    return .init(
                        verdict: "accepted", method: request.method.rawValue, target: request.target,
                        version: request.version == .http1_0 ? "1.0" : "1.1",
                        headers: request.headers.map { [$0.name.lowercased(), $0.value] },
                        body: Data(request.body).base64EncodedString())
                }
            } catch {
                return .init(verdict: "rejected", method: nil, target: nil, version: nil, headers: nil, body: nil)
            }
        }
    }

    static func same(_ a: Recorded.Verdict, _ b: Recorded.Verdict) -> Bool {
        a.verdict == b.verdict && a.method == b.method && a.target == b.target && a.version == b.version
            && a.headers == b.headers && a.body == b.body
    }

    @Test(arguments: Self.recorded.cases.keys.sorted())
    func agreesWithH11(_ name: String) throws {
        let bytes = try #require(Data(base64Encoded: Self.recorded.cases[name] ?? ""))
        let reference = try #require(Self.recorded.verdicts[name])
        let ours = Self.ours(Array(bytes))
        if let reason = Self.intentionalDifferences[name] {
            #expect(!Self.same(ours, reference), "listed as a difference (\(reason)) but both parsers agree")
        } else {
            #expect(Self.same(ours, reference), "ours: \(ours), h11: \(reference)")
        }
    }

    /// Every listed difference names a recorded case.
    @Test func differencesNameRecordedCases() {
        #expect(Set(Self.intentionalDifferences.keys).isSubset(of: Set(Self.recorded.cases.keys)))
    }
}
