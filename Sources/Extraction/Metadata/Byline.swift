import DocumentModel

/// What a byline says: who wrote the story, and for which agency or publisher.
///
/// Reads `By Jane Doe and John Roe`, `By Jane Doe, Reuters`, `By Jane Doe Staff Writer`,
/// `By Jane Doe | The Daily Example`, `By Jane Doe - 11/18/19 11:04 PM EST`,
/// `11/19/2019 by Jane Doe`, `Jane Doe, AP Science Writer`, `Jane Doe Associated Press` and
/// `The Associated Press`. Roles (`Senior Reporter`) and agencies are never authors.
struct Byline: Sendable, Hashable {
    /// The people named, in order.
    var authors: [String] = []
    /// The news agency named, canonical (`Reuters`, `AP`).
    var agency: String?
    /// A publisher named after the names (`| The Daily Example`, `for Example.com`).
    var publisher: String?

    /// Words that end the names in a byline: what follows is a date, a place or a role.
    private static let stopWords: Set<String> = ["on", "at", "in", "updated", "published", "posted", "|", "-", "\u{2013}", "\u{2014}", "/", "\u{00B7}"]
    private static let weekdays: Set<String> = [
        "monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday", "mon", "tue", "tues", "wed", "thu", "thur", "thurs", "fri", "sat", "sun",
    ]
    /// Lower-case words that may sit inside a name (`Ludwig van Beethoven`).
    private static let particles: Set<String> = ["van", "von", "de", "der", "den", "da", "di", "du", "del", "la", "le", "al", "bin", "ibn", "dos", "das", "ter"]
    /// The longest name, in words.
    static let maximumNameWords = 5

    /// Parses a line as a byline.
    ///
    /// - Parameters:
    ///   - line: the line.
    ///   - lexicon: agencies, roles and publication words.
    ///   - requiresBy: whether only a line with `By` counts; without it, a line counts only
    ///     when it names an agency.
    /// - Returns: the byline, or `nil` when the line is not one.
    static func parse(_ line: Substring, lexicon: Lexicon, requiresBy: Bool) -> Byline? {
        // Counted before splitting: most long lines are prose.
        guard (1...30).contains(LineShape.wordCount(line, cappedAt: 31)) else { return nil }
        // The words are split only when they are read: a line without the letters `by` side by
        // side has no `By`, and one where no agency can stand is turned away unsplit.
        guard Self.mayHoldBy(line) else { return self.agencyLine(line, lexicon: lexicon, requiresBy: requiresBy, words: nil) }
        let words = LineShape.words(line)
        if let by = words.firstIndex(where: { $0 == "By" || $0 == "by" || $0 == "BY" }),
            by == 0 || self.stopWords.contains(String(words[by - 1])) || words[by - 1].last?.isNumber == true
                || ["am", "pm", "a.m.", "p.m.", "et", "est", "edt", "pst", "pdt", "gmt", "utc"].contains(ASCIIFolding.fold(words[by - 1]))
        {
            let byline = self.reading(words[(by + 1)...], lexicon: lexicon)
            return byline.authors.isEmpty && byline.agency == nil ? nil : byline
        }
        return self.agencyLine(line, lexicon: lexicon, requiresBy: requiresBy, words: words)
    }

    /// The byline of a line without a `By` before its names: one that names an agency.
    ///
    /// - Parameter words: the line's words (`LineShape.words`), when they are split already.
    private static func agencyLine(_ line: Substring, lexicon: Lexicon, requiresBy: Bool, words: [Substring]?) -> Byline? {
        guard !requiresBy else { return nil }
        if let agency = self.agency(namedBy: line, lexicon: lexicon) { return Byline(agency: agency) }
        // Every agency found below stands where `mayNameAgency` looks, the first word's too.
        guard self.mayNameAgency(line, tags: lexicon.agencyTagBytes) else { return nil }
        let words = words ?? LineShape.words(line)
        // "Reuters November 18, 2019": an agency and then the date.
        if let first = words.first, let agency = lexicon.agencies[ASCIIFolding.fold(first)], words.count > 1,
            words[1].first?.isLetter == true, WrittenDate.month(named: words[1].filter { $0 != "." }[...]) != nil
        {
            return Byline(agency: agency)
        }
        let byline = self.reading(words[...], lexicon: lexicon)
        return byline.agency == nil ? nil : byline
    }

    /// The agency the whole line names, `lexicon.agencies[ASCIIFolding.fold(line)]`: when the
    /// line's start is ASCII, only its head one byte longer than the longest tag is folded (a
    /// line whose folded head is longer than every tag names none), not the whole line.
    private static func agency(namedBy line: Substring, lexicon: Lexicon) -> String? {
        let reach = lexicon.agencyTagBytes.reduce(0) { max($0, $1.count) } + 1
        guard let head = ASCIIFolding.foldedHead(of: line, bytes: reach) else { return lexicon.agencies[ASCIIFolding.fold(line)] }
        return head.utf8.count < reach ? lexicon.agencies[head] : nil
    }

    /// Whether the line has a `b` and a `y` side by side, in either case: a word that is `By`,
    /// `by` or `BY` has them. Read on its bytes.
    private static func mayHoldBy(_ line: Substring) -> Bool {
        var previousIsB = false
        for byte in line.utf8 {
            let lower = byte | 0x20
            if previousIsB && lower == UInt8(ascii: "y") { return true }
            previousIsB = lower == UInt8(ascii: "b")
        }
        return false
    }

    /// Whether a line may name an agency as `reading` finds one; `false` only when it cannot.
    ///
    /// `reading` looks up runs of the line's whole words, folded: on an ASCII line, such a run
    /// is a stretch of the folded line that starts where the line does or after a space, `.` or
    /// `:` (what folding trims), and ends where the line does, before one of those, or before a
    /// comma (dropped from a name's last word). A line where no agency tag stands like that is
    /// turned away without reading its words one by one, which most lines near a headline are.
    /// Lines beyond ASCII, and tags beyond it, are always read.
    private static func mayNameAgency(_ line: Substring, tags: [[UInt8]]) -> Bool {
        guard tags.allSatisfy({ !$0.isEmpty && $0.allSatisfy { $0 < 0x80 } }) else { return true }
        let search = { (bytes: UnsafeBufferPointer<UInt8>) -> Bool in
            guard bytes.allSatisfy({ $0 < 0x80 }) else { return true }
            let isBoundary = { (byte: UInt8) in TextFolding.isTrimmedASCII(byte) || byte == UInt8(ascii: ",") }
            // Only where a word may start: the line's start, or after what folding trims.
            for start in bytes.indices where start == 0 || TextFolding.isTrimmedASCII(bytes[start - 1]) {
                let first = TextFolding.foldedASCII(bytes[start])
                for tag in tags where tag[0] == first && start + tag.count <= bytes.count {
                    let end = start + tag.count
                    if (end == bytes.count || isBoundary(bytes[end])) && bytes[start..<end].lazy.map(TextFolding.foldedASCII).elementsEqual(tag) {
                        return true
                    }
                }
            }
            return false
        }
        return line.utf8.withContiguousStorageIfAvailable(search) ?? Array(line.utf8).withUnsafeBufferPointer(search)
    }

    /// Reads names, roles, agencies and a publisher from the words after `By`.
    private static func reading(_ words: ArraySlice<Substring>, lexicon: Lexicon) -> Byline {
        var byline = Byline()
        var names: [Substring] = []
        var afterFor = false
        for index in words.indices {
            let word = words[index]
            let folded = ASCIIFolding.fold(word)
            let bare = LineShape.letters(of: folded[...])
            let nextIsNumber = words.index(after: index) < words.endIndex && words[words.index(after: index)].first?.isNumber == true
            if self.stopWords.contains(folded) || word.hasPrefix("@") || word.first?.isNumber == true || self.weekdays.contains(bare)
                || (nextIsNumber && WrittenDate.month(named: Substring(bare)) != nil)
            {
                break
            }
            if folded == "for" {
                afterFor = true
                continue
            }
            if afterFor {
                byline.publisher = (byline.publisher.map { $0 + " " } ?? "") + word
            } else {
                names.append(word)
            }
        }
        for part in self.parts(names) {
            self.read(part, lexicon: lexicon, into: &byline)
        }
        return byline
    }

    /// The names split at `and`, `&` and commas.
    private static func parts(_ words: [Substring]) -> [[Substring]] {
        var parts: [[Substring]] = [[]]
        for word in words {
            if word == "and" || word == "&" {
                parts.append([])
                continue
            }
            let endsPart = word.hasSuffix(",")
            let trimmed = endsPart ? word.dropLast() : word
            if !trimmed.isEmpty { parts[parts.count - 1].append(trimmed) }
            if endsPart { parts.append([]) }
        }
        return parts.filter { !$0.isEmpty }
    }

    /// One part: an agency (perhaps with a role: `AP Auto Writer`), a person (perhaps with a
    /// role: `Jane Doe Staff Writer`), or a publisher.
    private static func read(_ part: [Substring], lexicon: Lexicon, into byline: inout Byline) {
        let role = self.trailingRole(part, lexicon: lexicon)
        let name = Array(part.dropLast(role))
        guard !name.isEmpty else { return }
        let folded = ASCIIFolding.fold(name.joined(separator: " "))
        if let agency = lexicon.agencies[folded] {
            byline.agency = byline.agency ?? agency
            return
        }
        // "Jane Doe Associated Press": a name with the agency after it.
        for length in stride(from: min(4, name.count - 1), through: 1, by: -1) {
            let tail = ASCIIFolding.fold(name.suffix(length).joined(separator: " "))
            if let agency = lexicon.agencies[tail], self.isPersonName(Array(name.dropLast(length)), lexicon: lexicon) {
                byline.agency = byline.agency ?? agency
                byline.authors.append(name.dropLast(length).joined(separator: " "))
                return
            }
        }
        if self.isPersonName(name, lexicon: lexicon) {
            byline.authors.append(name.joined(separator: " "))
        } else if name.allSatisfy({ $0.first?.isUppercase == true }) {
            byline.publisher = byline.publisher ?? name.joined(separator: " ")
        }
    }

    /// How many words at the end are a role: a run of role words ending with one.
    private static func trailingRole(_ part: [Substring], lexicon: Lexicon) -> Int {
        guard let last = part.last, lexicon.bylineRoles.contains(ASCIIFolding.fold(last)) else { return 0 }
        return part.reversed().prefix { lexicon.bylineRoles.contains(ASCIIFolding.fold($0)) }.count
    }

    /// Two to five capitalised words (initials and particles allowed), none of them a word
    /// of publication names (`News`, `Times`) or a role.
    static func isPersonName(_ words: [Substring], lexicon: Lexicon) -> Bool {
        guard (2...self.maximumNameWords).contains(words.count) else { return false }
        return words.allSatisfy { word in
            let folded = ASCIIFolding.fold(word)
            guard !lexicon.publicationWords.contains(folded), !lexicon.bylineRoles.contains(folded) else { return false }
            if self.particles.contains(String(word)) { return true }
            guard let first = word.first, first.isUppercase else { return false }
            return word.allSatisfy { $0.isLetter || $0 == "." || $0 == "-" || TextFolding.apostrophes.contains($0) }
        }
    }
}
