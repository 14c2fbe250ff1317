import TestSupport

/// Chooses one client's writes, the same ones for the same seed: mostly creations (a quarter
/// of them plain text), some deletions of documents this client saw created, and, when given
/// one, a single deletion of a seed as the third write.
///
/// ```swift
/// var planner = WritePlanner(tagPrefix: "c3", seed: 42, seedToDelete: nil)
/// let write = planner.next()
/// planner.note(try history.perform(write, on: session))
/// ```
struct WritePlanner {
    private var random: SplitMix64
    private let tagPrefix: String
    private let seedToDelete: String?
    /// Documents this client created and has not deleted.
    private var deletable: [String] = []
    private var count = 0

    /// Makes a planner.
    ///
    /// - Parameters:
    ///   - tagPrefix: starts every tag (and so every chosen id and title) it makes: unique to the client.
    ///   - seed: fixes the choices.
    ///   - seedToDelete: a seed's id, deleted as the third write; `nil` for none.
    init(tagPrefix: String, seed: UInt64, seedToDelete: String?) {
        self.random = SplitMix64(seed: seed)
        self.tagPrefix = tagPrefix
        self.seedToDelete = seedToDelete
    }

    /// The next write to send.
    mutating func next() -> SentWrite {
        defer { self.count += 1 }
        if self.count == 2, let seed = self.seedToDelete { return .delete(id: seed) }
        if !self.deletable.isEmpty && self.random.next() % 4 == 0 {
            return .delete(id: self.deletable.remove(at: Int(self.random.next() % UInt64(self.deletable.count))))
        }
        let encoding: ArticleFixture.Encoding = self.random.next() % 4 == 0 ? .plainText : .json
        return .create(ArticleFixture(tag: "\(self.tagPrefix)-n\(self.count)", encoding: encoding, random: &self.random))
    }

    /// Learns the answer to a write: an accepted creation becomes deletable.
    mutating func note(_ acknowledged: AcknowledgedWrite) {
        if case .create = acknowledged.write, acknowledged.isAccepted, let id = acknowledged.documentID {
            self.deletable.append(id)
        }
    }
}
