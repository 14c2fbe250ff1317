import Foundation

extension StoryChromeFilter {
    /// Lines whose text another line of the story repeats word for word: a pull quote (its
    /// quotation is inside a longer paragraph) or a caption printed twice.
    ///
    /// A line's text is its quotation when it opens with a quotation mark, else the whole
    /// line; it counts when it has `minimumRepeatedWords` words and another line still kept
    /// contains it and is longer, or is the same and comes first. A line the same as a
    /// caption already removed goes too. A repeat is looked for among the
    /// `repetitionReach` kept lines before and after, where a pull quote or a second caption
    /// stands: the work is linear in the story, not quadratic.
    func repeatedLines(_ lines: ArraySlice<Substring>, removed: [Int: StoryChromeRule]) -> [Int] {
        let keys = lines.indices.filter { !lines[$0].isEmpty && removed[$0] == nil }.map { ($0, " " + Self.wordKey(lines[$0]) + " ") }
        var repeated: [Int] = []
        let removedKeys = Set(removed.filter { $0.value == .captionBeforeCredit }.keys.map { " " + Self.wordKey(lines[$0]) + " " })
        for (position, (index, key)) in keys.enumerated() {
            // A caption printed again after its removed copy goes with it.
            if removedKeys.contains(key), key.split(separator: " ").count >= self.configuration.minimumRepeatedWords {
                repeated.append(index)
                continue
            }
            let text = Self.quotation(lines[index]).map(Self.wordKey) ?? String(key.dropFirst().dropLast())
            guard text.split(separator: " ").count >= self.configuration.minimumRepeatedWords else { continue }
            let needle = " " + text + " "
            let near = keys[max(0, position - Self.repetitionReach)..<min(keys.count, position + Self.repetitionReach + 1)]
            let isRepeated = near.contains { other, otherKey in
                other != index && otherKey.firstRange(of: needle) != nil && (otherKey.count > key.count || (otherKey == key && other < index))
            }
            if isRepeated { repeated.append(index) }
        }
        return repeated
    }

    /// How many kept lines before and after a line its repeat is looked for in.
    static let repetitionReach = 60

    /// The text inside the quotation marks a line opens with, when it opens with one.
    static func quotation(_ line: Substring) -> Substring? {
        let pairs: [Character: Character] = ["\"": "\"", "\u{201C}": "\u{201D}", "\u{2018}": "\u{2019}", "\u{00AB}": "\u{00BB}"]
        guard let open = line.first, let close = pairs[open] else { return nil }
        let rest = line.dropFirst()
        guard let end = rest.firstIndex(of: close) else { return nil }
        return rest[..<end]
    }

    /// Lower-case words (letters and digits) joined by single spaces.
    static func wordKey<S: StringProtocol>(_ text: S) -> String {
        text.lowercased().split(whereSeparator: { !$0.isLetter && !$0.isNumber }).joined(separator: " ")
    }
}
