import DocumentModel

/// Names looked up by the folded word sequences that may stand for them (`glocer` → `Tom
/// Glocer`), keeping for each key the one name a preference picks.
///
/// Insertion and lookup cost O(1) per key, so matching short forms to full names is linear in
/// the mentions, where comparing every mention with every name was quadratic.
struct NameIndex {
    /// What a key stands for: a name, or several that it cannot tell apart.
    private enum Entry {
        case name(String, words: Int)
        case ambiguous
    }

    private var entries: [String: Entry] = [:]

    /// Files `name` (of `words` words) under `key`; where a name is already filed, `prefers`
    /// says whether the new one replaces it, and `isExclusive` keys name nobody once two
    /// different names claim them.
    mutating func insert(_ name: String, words: Int, under key: String, isExclusive: Bool = false, prefers: (Int, Int) -> Bool) {
        switch self.entries[key] {
        case nil:
            self.entries[key] = .name(name, words: words)
        case .name(let filed, let filedWords):
            if isExclusive, TextFolding.fold(filed) != TextFolding.fold(name) {
                self.entries[key] = .ambiguous
            } else if prefers(words, filedWords) {
                self.entries[key] = .name(name, words: words)
            }
        case .ambiguous:
            break
        }
    }

    /// The name filed under `key`, unless none or several are.
    func name(for key: String) -> String? {
        if case .name(let name, _) = self.entries[key] { return name }
        return nil
    }

    /// The folded words of a name, without a possessive.
    static func words(of name: String) -> [Substring] {
        NameText.spaceSeparated(ASCIIFolding.fold(NameText.withoutPossessive(name)))
    }
}
