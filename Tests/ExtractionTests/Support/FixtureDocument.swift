import DocumentModel
@testable import Extraction
import Foundation

/// One fixture: `Fixtures/NAME.txt` and what an editor expects of it, `NAME.expected.json`.
struct FixtureDocument {
    /// The fixtures' folder, found from this file's path.
    static let folder = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .appendingPathComponent("Fixtures")

    /// Every fixture name, sorted.
    static var names: [String] {
        let files = (try? FileManager.default.contentsOfDirectory(atPath: self.folder.path)) ?? []
        return files.filter { $0.hasSuffix(".expected.json") }.map { String($0.dropLast(".expected.json".count)) }.sorted()
    }

    let name: String
    let text: String
    let expected: [String: Any]

    init(name: String) throws {
        self.name = name
        self.text = try String(contentsOf: Self.folder.appendingPathComponent("\(name).txt"), encoding: .utf8)
        let data = try Data(contentsOf: Self.folder.appendingPathComponent("\(name).expected.json"))
        self.expected = try JSONSerialization.jsonObject(with: data) as? [String: Any] ?? [:]
    }

    /// The document the fixture's text becomes.
    func ingest() throws -> Document {
        try Ingestor().ingest(text: self.text, id: self.name)
    }

    /// A string field, `nil` when absent or JSON null.
    func string(_ key: String) -> String? {
        self.expected[key] as? String
    }

    /// A list of strings, empty when absent.
    func strings(_ key: String) -> [String] {
        self.expected[key] as? [String] ?? []
    }
}
