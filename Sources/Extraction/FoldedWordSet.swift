/// A fixed set of folded words that rules ask about nearly every word of a text.
///
/// Most words asked about are not members, and hashing each one costs more than the rest of
/// the question. A word whose first byte and length no member has together is turned away by
/// a bit mask, unhashed; any other word is looked up in the set. The answer is always the set's:
/// `String` equality is canonical equivalence, and the only characters outside ASCII
/// equivalent to ASCII ones are the Kelvin sign (`K`), the Greek question mark (`;`) and
/// the Greek varia (`` ` ``). So when every member is ASCII without those three, a word equals
/// a member only if their bytes are the same, and the masks are used only then.
///
/// ```swift
/// let pronouns: FoldedWordSet = ["he", "himself"]
/// pronouns.contains("himself")   // true
/// pronouns.contains("said")      // false, without hashing `said`
/// ```
struct FoldedWordSet: Sendable, ExpressibleByArrayLiteral {
    private let members: Set<String>
    /// Bit *n* of entry *b* is set when a member starts with byte *b* and has *n* bytes; bit 63
    /// stands for every length from 63 up. Pairs turn away more words than first bytes and
    /// lengths apart (`the` and `that` are no `to`, `this` or `today`).
    private let lengthsByFirstByte: [UInt64]
    /// Whether a member's bytes are the only ones equal to it, so the mask may turn a word away.
    private let isByteExact: Bool

    /// A set of `members`, folded already.
    init(_ members: Set<String>) {
        var lengthsByFirstByte = [UInt64](repeating: 0, count: 256)
        for member in members {
            if let first = member.utf8.first { lengthsByFirstByte[Int(first)] |= 1 << UInt64(min(member.utf8.count, 63)) }
        }
        self.members = members
        self.lengthsByFirstByte = lengthsByFirstByte
        self.isByteExact = members.allSatisfy { $0.utf8.allSatisfy { $0 < 0x80 && !"K;`".utf8.contains($0) } }
    }

    /// A set of the listed folded words.
    init(arrayLiteral members: String...) {
        self.init(Set(members))
    }

    /// Whether the folded `word` is a member.
    func contains(_ word: String) -> Bool {
        let bytes = word.utf8
        if self.isByteExact, let first = bytes.first {
            guard self.lengthsByFirstByte[Int(first)] & (1 << UInt64(min(bytes.count, 63))) != 0 else { return false }
        }
        return self.members.contains(word)
    }
}
