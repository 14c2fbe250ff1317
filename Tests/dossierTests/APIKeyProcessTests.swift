import Foundation
import Testing
import TestSupport

/// API keys end to end with the real binary: `dossier keys create` makes a key whose line
/// `serve --api-keys` accepts, writes need it, and the access log names the key, never its value.
@Suite(.serialized)
struct APIKeyProcessTests {
    /// A key made by `dossier keys create`: the secret and its key file line.
    private static func createKey(name: String, scope: String) throws -> (secret: String, line: String) {
        let process = try DossierProcess(["keys", "create", "--name", name, "--scope", scope])
        #expect(process.exitStatus() == 0)
        let lines = process.standardOutput.split(separator: "\n").map(String.init)
        try #require(lines.count == 2, "stdout: \(process.standardOutput)")
        return (lines[0], lines[1])
    }

    @Test func createdKeyIsShownOnceAndItsLineHoldsOnlyTheDigest() throws {
        let (secret, line) = try Self.createKey(name: "desk", scope: "write,read")
        #expect(secret.wholeMatch(of: /dsk_[0-9a-f]{64}/) != nil)
        let fields = line.split(separator: " ")
        #expect(fields.count == 3)
        #expect(fields[0] == "desk" && fields[1] == "read,write")
        #expect(fields[2].wholeMatch(of: /[0-9a-f]{64}/) != nil)
        #expect(!line.contains(secret.dropFirst(4)))
    }

    @Test func keyedServerRefusesAnonymousWritesAndLogsTheKeyName() throws {
        let (secret, line) = try Self.createKey(name: "desk", scope: "write")
        let folder = try ScratchDirectory()
        let keyFile = "\(folder.path)/keys"
        try Data("# the newsroom's keys\n\(line)\n".utf8).write(to: URL(fileURLWithPath: keyFile))
        let server = try DossierProcess(["serve", "--port", "0", "--api-keys", keyFile], environment: ["DOSSIER_LOG_FORMAT": "json"])
        let port = try #require(server.listeningPort(), "stderr: \(server.standardError)")
        let client = try TestClient(port: port)
        let body = "Keyed headline\n\nThe council said on Monday that the bridge would reopen."

        try client.send(RawRequest.make("POST", "/v1/documents", headers: [("Content-Type", "text/plain")], body: body))
        let anonymous = try client.readResponse()
        try client.send(
            RawRequest.make("POST", "/v1/documents", headers: [("Content-Type", "text/plain"), ("Authorization", "Bearer \(secret)")], body: body))
        let keyed = try client.readResponse()
        client.close()
        server.signal(SIGTERM)
        #expect(server.exitStatus() == 0)

        #expect(anonymous.statusCode == 401)
        #expect(keyed.statusCode == 201)
        let entries = try server.standardOutput.split(separator: "\n").map { line in
            try #require(try JSONSerialization.jsonObject(with: Data(line.utf8)) as? [String: Any])
        }
        #expect(entries.map { $0["key"] as? String } == [nil, "desk"])
        #expect(!server.standardOutput.contains(secret) && !server.standardError.contains(secret))
    }

    @Test func unreadableOrInvalidKeyFileStopsTheStart() throws {
        let folder = try ScratchDirectory()
        let invalid = "\(folder.path)/keys"
        try Data("desk write dsk_not_a_digest\n".utf8).write(to: URL(fileURLWithPath: invalid))
        for (path, reason) in [(invalid, "line 1:"), ("\(folder.path)/missing", "cannot use the API key file")] {
            let server = try DossierProcess(["serve", "--port", "0", "--api-keys", path])
            #expect(server.exitStatus() == 1)
            #expect(server.standardError.contains(reason), "stderr: \(server.standardError)")
        }
    }

    @Test func requireKeyForWithoutKeyFileIsAUsageError() throws {
        let server = try DossierProcess(["serve", "--require-key-for", "reads"])
        #expect(server.exitStatus() == 64)
        #expect(server.standardError.contains("needs an API key file (--api-keys)"))
    }
}
