import Extraction
import Foundation
@testable import Store

/// The storage layer's suites (`DataDirectory` and its file formats), grouped so that
/// `swift test --filter Store` selects them.
enum StoreTests {}

/// A data directory in a fresh temporary folder, with raw access to its files for damaging them.
struct StoreHarness {
    /// Milliseconds since the epoch stamped on every sample entry.
    static let at: Int64 = 1_700_000_000_000

    let temporary: TemporaryDirectory
    /// The data directory: `data` inside the temporary folder, not made until opened.
    let path: String

    init() throws {
        self.temporary = try TemporaryDirectory()
        self.path = self.temporary.path(of: "data")
    }

    /// A created entry with a small text and no optional fields.
    static func created(_ change: Int, _ id: String) -> JournalEntry {
        .created(change: change, at: Self.at + Int64(change), id: id, submission: DocumentSubmission(text: "Text of \(id)."), idempotency: nil)
    }

    /// A deleted entry.
    static func deleted(_ change: Int, _ id: String) -> JournalEntry {
        .deleted(change: change, at: Self.at + Int64(change), id: id)
    }

    /// Opens and recovers the directory, hands it to `body`, then closes it.
    @discardableResult
    func withDirectory<Result>(_ body: (DataDirectory, Recovery) throws -> Result) throws -> Result {
        let directory = try DataDirectory.open(path: self.path)
        defer { directory.close() }
        return try body(directory, try directory.recover())
    }

    /// What a fresh open finds.
    func recover() throws -> Recovery {
        try self.withDirectory { _, recovery in recovery }
    }

    /// Appends each batch in turn and returns the journal size after each.
    @discardableResult
    func append(_ batches: [[JournalEntry]]) throws -> [Int] {
        try self.withDirectory { directory, _ in
            try batches.map { batch in
                try directory.append(batch)
                return directory.journalSize
            }
        }
    }

    /// The path of `name` inside the data directory.
    func file(_ name: String) -> String {
        self.path + "/" + name
    }

    /// The bytes of `name` inside the data directory.
    func bytes(_ name: String) -> [UInt8] {
        Array(FileManager.default.contents(atPath: self.file(name)) ?? Data())
    }

    /// Replaces `name` inside the data directory with exactly `bytes`.
    func write(_ name: String, _ bytes: [UInt8]) throws {
        try self.temporary.write("data/" + name, bytes: bytes)
    }

    /// The error `body` throws, which must be a `StoreError`.
    static func storeError(_ body: () throws -> Void) -> StoreError? {
        do {
            try body()
            return nil
        } catch {
            return error as? StoreError
        }
    }

    /// A record with a correct CRC around any payload, for damage a crash cannot make.
    static func record(payload: [UInt8]) -> [UInt8] {
        var bytes: [UInt8] = []
        bytes.appendLittleEndian(UInt32(payload.count))
        bytes.appendLittleEndian(CRC32C.checksum(payload[...]))
        return bytes + payload
    }
}
