@testable import Access
import Testing

/// `KeyFile.parse`: the format, and an error naming the line for each way it can be wrong.
struct KeyFileTests {
    private static let digestA = String(repeating: "a", count: 64)
    private static let digestB = String(repeating: "B", count: 64)

    @Test func readsKeysSkippingCommentsAndBlankLines() throws {
        let text = """
            # name  scopes  digest
            desk\tread,write   \(Self.digestA)

              replica replicate \(Self.digestB)\r
            """
        let keys = try KeyFile.parse(text)
        #expect(keys.map(\.name) == ["desk", "replica"])
        #expect(keys[0].scopes == [.read, .write])
        #expect(keys[1].scopes == [.replicate])
        #expect(keys[1].digest == [UInt8](repeating: 0xBB, count: 32))
    }

    @Test func fileLineRoundTrips() throws {
        let key = APIKey(name: "ops", scopes: [.admin, .read], digest: [UInt8](repeating: 7, count: 32))
        #expect(try KeyFile.parse(key.fileLine) == [key])
        #expect(key.fileLine.hasPrefix("ops read,admin "))
    }

    @Test func errorsNameTheLineAndTheProblem() {
        let cases: [(String, KeyFileError.Problem)] = [
            ("desk read", .fieldCount(2)),
            ("de$k read \(Self.digestA)", .invalidName("de$k")),
            ("desk read,delete \(Self.digestA)", .invalidScopes(.unknownScope("delete"))),
            ("desk read dsk_0123", .invalidDigest),
            ("desk read \(Self.digestA)\ndesk write \(Self.digestB)", .duplicateName("desk")),
            ("desk read \(Self.digestA)\nother write \(Self.digestA)", .duplicateDigest),
        ]
        for (text, problem) in cases {
            #expect(throws: KeyFileError(line: text.contains("\n") ? 2 : 1, problem: problem)) { try KeyFile.parse(text) }
        }
    }

    @Test func digestErrorSaysNeverTheKeyItself() {
        let error = KeyFileError(line: 3, problem: .invalidDigest)
        #expect(error.description.hasPrefix("line 3: "))
        #expect(error.description.contains("never the key itself"))
    }
}
