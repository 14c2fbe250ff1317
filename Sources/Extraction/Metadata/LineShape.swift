import DocumentModel

/// Tests on the shape of one line of a page, shared by the metadata rules.
enum LineShape {
    /// The line's words (runs of characters between spaces).
    static func words<S: StringProtocol>(_ line: S) -> [S.SubSequence] {
        line.split(separator: " ")
    }

    /// The words, lower case and without accents, as letters and digits only: two spellings of
    /// one headline (straight or curly quotes, a trailing period) have the same key.
    static func matchKey<S: StringProtocol>(_ line: S) -> String {
        var key = ""
        var pendingSpace = false
        for character in TextFolding.fold(line) {
            if character.isLetter || character.isNumber {
                if pendingSpace && !key.isEmpty { key.append(" ") }
                pendingSpace = false
                key.append(character)
            } else if !TextFolding.apostrophes.contains(character) {
                pendingSpace = true
            }
        }
        return key
    }

    /// Whether most of the longer words start with a capital (`Home Depot Stock Is Falling`).
    static func isTitleCase<S: StringProtocol>(_ line: S) -> Bool {
        let long = self.words(line).filter { $0.filter(\.isLetter).count >= 4 }
        guard !long.isEmpty else { return false }
        return long.filter { $0.first(where: \.isLetter)?.isUppercase == true }.count * 3 >= long.count * 2
    }

    /// A sentence in sentence case: ends with `.` and is not written in title case. Standfirsts
    /// and captions read like this; headlines rarely do.
    static func isSentence<S: StringProtocol>(_ line: S) -> Bool {
        guard let last = line.last, last == "." || last == ")" else { return false }
        return !self.isTitleCase(line)
    }

    /// A web address or a line of markup.
    static func isAddressOrMarkup<S: StringProtocol>(_ line: S) -> Bool {
        line.contains("://") || line.hasPrefix("www.") || line.hasPrefix("<") || line.hasPrefix("//")
    }

    /// Whether the folded line starts with one of the folded prefixes, as whole words.
    static func startsWithAny(_ folded: String, _ prefixes: [String]) -> Bool {
        prefixes.contains { folded == $0 || folded.hasPrefix($0 + " ") }
    }
}
