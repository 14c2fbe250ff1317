import Corpus
import DocumentModel
import Extraction
@testable import Replication
import Store
import Testing

/// `FeedReader`: the feed's bytes, however they are cut, as the updates they carry.
struct FeedReaderTests {
    static let first = JournalEntry.created(change: 3, at: 1, id: "doc-3", submission: DocumentSubmission(text: "A\nB"), idempotency: nil)
    static let second = JournalEntry.deleted(change: 5, at: 2, id: "seed-1")
    static let seed = IngestedDocument(
        document: Document(
            id: "seed-1", slug: "quay-reopens", kind: .newsArticle, title: "Quay reopens", isTitleDerived: false, source: nil, published: nil,
            dateline: nil, paragraphs: [Paragraph(index: 0, section: .body, text: "The quay reopened on Monday.")]),
        extractorVersion: 1)

    /// The feed as a writer sends it: a reset catch-up with its seeds, a heartbeat, then a live append.
    static let feed: [UInt8] =
        JournalWire.encode(.reset(seeds: [Self.seed], entries: [Self.first], through: 4)) + JournalWire.heartbeat
        + JournalWire.encode(.append([Self.second]))

    @Test(arguments: [1, 2, 7, 64, 4096])
    func readsTheSameUpdatesWhateverThePieces(pieceSize: Int) throws {
        var reader = FeedReader(maxLineBytes: 1024)
        var updates: [ReplicationUpdate] = []
        for start in stride(from: 0, to: Self.feed.count, by: pieceSize) {
            updates += try reader.read(Array(Self.feed[start..<min(start + pieceSize, Self.feed.count)]))
        }

        #expect(updates == [.reset(seeds: [Self.seed], entries: [Self.first], through: 4), .append([Self.second])])
    }

    @Test func aResetWithoutSeedLinesKeepsTheFollowersOwn() throws {
        var reader = FeedReader(maxLineBytes: 1024)

        #expect(try reader.read(JournalWire.encode(.reset(seeds: nil, entries: [Self.first], through: 4))) == [.reset(seeds: nil, entries: [Self.first], through: 4)])
        #expect(try reader.read(JournalWire.encode(.reset(seeds: [], entries: [], through: 4))) == [.reset(seeds: nil, entries: [], through: 4)])
    }

    @Test func refusesASeedOutsideAReset() {
        var reader = FeedReader(maxLineBytes: 1024)
        #expect(throws: FollowerError.invalidLine(.malformed("a seed outside a reset"))) {
            try reader.read(JournalWire.encode(.seed(Self.seed)))
        }
    }

    @Test func keepsTheWritersCollectionIdentity() throws {
        var reader = FeedReader(maxLineBytes: 1024)
        let identity = String(repeating: "ab", count: 16)

        #expect(reader.collection == nil)
        #expect(try reader.read(JournalWire.encode(.collection(identity)) + JournalWire.encode(.resume(entries: [], through: 0))) == [.resume(entries: [], through: 0)])
        #expect(reader.collection == identity)
    }

    @Test func aResumeCarriesTheEntriesBeforeItsSynced() throws {
        var reader = FeedReader(maxLineBytes: 1024)

        #expect(try reader.read(JournalWire.encode(.resume(entries: [Self.first], through: 4))) == [.resume(entries: [Self.first], through: 4)])
        #expect(try reader.read(JournalWire.encode(.resume(entries: [], through: 4))) == [.resume(entries: [], through: 4)])
    }

    @Test func refusesALineTooLongOrInvalid() {
        var reader = FeedReader(maxLineBytes: 16)
        #expect(throws: FollowerError.lineTooLong(limit: 16)) { try reader.read(Array(repeating: UInt8(ascii: "x"), count: 17)) }

        var other = FeedReader(maxLineBytes: 1024)
        #expect(throws: FollowerError.invalidLine(.malformed("unknown line type 'gossip'"))) {
            try other.read(Array(#"{"type":"gossip"}"#.utf8) + [0x0A])
        }
    }
}
