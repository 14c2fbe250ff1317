import Corpus
import DocumentModel
import Extraction
import Foundation
import Glibc

/// Loads every `.txt` file of a folder as a document whose id is the file name without extension.
///
/// Hidden files, non-regular files and symbolic links are ignored; files larger than
/// `maxFileBytes`, unreadable files and files that fail ingestion are skipped and reported,
/// never fatal.
public struct SeedLoader: Sendable {
    /// A file that was not loaded, and why.
    public struct Skipped: Sendable, Hashable {
        /// The file name.
        public let file: String
        /// Why it was skipped.
        public let reason: String
    }

    /// What a load produced.
    public struct Result: Sendable {
        /// The documents, in file-name order.
        public let documents: [Document]
        /// The files that were skipped.
        public let skipped: [Skipped]
        /// Every loaded file's document with its fingerprint: the cache for the next load.
        public let cache: SeedCache
        /// How many documents came from the cache given rather than from ingestion.
        public let cached: Int
    }

    /// Largest seed file read, in bytes. Default 8 MiB.
    public var maxFileBytes: Int
    private let ingestor: any SubmissionIngesting

    /// Makes a loader that ingests each file with `ingestor` (the `Ingestor`, in the server).
    public init(ingestor: any SubmissionIngesting, maxFileBytes: Int = 8 * 1024 * 1024) {
        self.maxFileBytes = maxFileBytes
        self.ingestor = ingestor
    }

    /// Loads a folder.
    ///
    /// - Parameters:
    ///   - directory: the folder's path.
    ///   - cache: documents a previous load made; a file whose bytes and extractor version
    ///     match its entry is not ingested again.
    /// - Returns: the documents, the skipped files and the cache for the next load.
    /// - Throws: `SeedLoaderError.unreadableDirectory` when the folder itself cannot be listed.
    public func load(directory: String, cache: SeedCache = SeedCache()) throws(SeedLoaderError) -> Result {
        let names: [String]
        do {
            names = try FileManager.default.contentsOfDirectory(atPath: directory).sorted()
        } catch {
            throw .unreadableDirectory(path: directory, reason: error.localizedDescription)
        }
        let files = names.filter { $0.hasSuffix(".txt") && !$0.hasPrefix(".") }
        // Every core ingests: at archive size this is most of the start-up time.
        let outcomes = ConcurrentMap.map(files) { name in
            self.loadFile(path: (directory as NSString).appendingPathComponent(name), name: name, cache: cache)
        }
        var documents: [Document] = []
        var skipped: [Skipped] = []
        var entries: [String: SeedCache.Entry] = [:]
        var cached = 0
        for (name, outcome) in zip(files, outcomes) {
            switch outcome {
            case .success(let document, let fingerprint, let wasCached):
                documents.append(document)
                entries[name] = SeedCache.Entry(
                    fingerprint: fingerprint, ingested: IngestedDocument(document: document, extractorVersion: self.ingestor.extractorVersion))
                if wasCached { cached += 1 }
            case .failure(let reason): skipped.append(Skipped(file: name, reason: reason.description))
            case nil: continue
            }
        }
        return Result(documents: documents, skipped: skipped, cache: SeedCache(entries: entries), cached: cached)
    }

    private enum FileOutcome: Sendable {
        case success(Document, SeedCache.Fingerprint, cached: Bool)
        case failure(String)
    }

    /// `nil` for files that are silently ignored: symbolic links, files that are not regular,
    /// files gone since the folder was listed.
    private func loadFile(path: String, name: String, cache: SeedCache) -> FileOutcome? {
        let file: FileDescriptor
        do throws(StoreError) {
            // O_NOFOLLOW: a symbolic link fails with ELOOP instead of being followed out of the
            // folder. O_NONBLOCK: opening a FIFO does not wait for a writer (it is then
            // ignored as not regular); reads of a regular file never block anyway.
            file = try FileDescriptor.open(path, O_RDONLY | O_NOFOLLOW | O_NONBLOCK)
        } catch .io(_, _, ELOOP), .io(_, _, ENOENT) {
            return nil
        } catch {
            return .failure("unreadable")
        }
        defer { file.close() }
        let bytes: [UInt8]
        do throws(StoreError) {
            guard try file.status().st_mode & S_IFMT == S_IFREG else { return nil }
            guard let read = try file.readAll(maxBytes: self.maxFileBytes) else {
                return .failure("larger than \(self.maxFileBytes) bytes")
            }
            bytes = read
        } catch {
            return .failure("unreadable")
        }
        let fingerprint = SeedCache.Fingerprint(of: bytes)
        if let document = cache.document(for: name, fingerprint: fingerprint, extractorVersion: self.ingestor.extractorVersion) {
            return .success(document, fingerprint, cached: true)
        }
        do {
            let submission = DocumentSubmission(text: String(decoding: bytes, as: UTF8.self))
            return .success(try self.ingestor.ingest(submission, id: String(name.dropLast(4)), budget: .unlimited), fingerprint, cached: false)
        } catch {
            return .failure(error.description)
        }
    }
}

/// Why a seed folder could not be loaded at all.
public enum SeedLoaderError: Error, Sendable, Hashable, CustomStringConvertible {
    /// The folder is missing or cannot be listed.
    case unreadableDirectory(path: String, reason: String)

    /// A sentence naming the folder.
    public var description: String {
        switch self {
        case .unreadableDirectory(let path, let reason): return "cannot read seeds folder '\(path)': \(reason)"
        }
    }
}
