import DocumentModel
import Foundation

/// Finds a scraped page's structure: which lines are page chrome, the headline, the lede and
/// the sections after the story, plus the metadata the page states in passing (a date line,
/// a masthead, a press-release marker, the dateline).
///
/// Works on lines grouped into blocks (lines without a blank line between them). Inside a
/// block, a line is joined to the next only when it reads as hard-wrapped prose: it does not
/// end a sentence and the next line starts in lower case.
struct LayoutAnalyzer: Sendable {
    let lexicon: Lexicon
    /// Each contacts heading followed by a space: what a line that begins like one begins
    /// with, built once rather than for every line.
    private let contactsHeadingOpeners: [String]
    /// The contacts headings and their openers as bytes, when all are ASCII without CR: a
    /// unit's ASCII head is then compared with them byte by byte (`opensContacts`).
    private let contactsHeadingBytes: (headings: [[UInt8]], openers: [[UInt8]])?

    /// An analyser reading the lexicon's lists.
    init(lexicon: Lexicon) {
        self.lexicon = lexicon
        self.contactsHeadingOpeners = lexicon.contactsHeadings.map { $0 + " " }
        let headings = lexicon.contactsHeadings.map { Array($0.utf8) }
        let isPlainASCII = headings.allSatisfy { $0.allSatisfy { $0 < 0x80 && $0 != 0x0D } }
        self.contactsHeadingBytes = isPlainASCII ? (headings, self.contactsHeadingOpeners.map { Array($0.utf8) }) : nil
    }

    /// What the analysis found.
    struct Layout: Sendable {
        /// The headline, when the page has one.
        var headline: String?
        /// The publisher named by a masthead line before the headline.
        var masthead: String?
        /// A date line before the story (`Published 9 February 2024`).
        var statedDate: WrittenDate?
        /// Whether the page marks itself as a press release.
        var isPressRelease = false
        /// The dateline opening the lede, already removed from its paragraph.
        var dateline: Dateline?
        /// The paragraphs kept, in order, each with its section.
        var paragraphs: [(section: Section, text: String)] = []
        /// The index, among the lines analysed, of the lede's first line.
        var ledeLine: Int?
        /// The lines `StoryChromeFilter` removed from the story, each with its rule.
        var removedChrome: [StoryChromeFilter.Removal] = []
    }

    /// What one unit of text is.
    enum UnitKind: Sendable, Hashable {
        case navigation
        case releaseMarker
        case date(WrittenDate)
        case byline
        case heading(Section)
        case label
        case prose
    }

    /// Analyses normalised lines (spaces collapsed and trimmed, metadata line removed).
    func analyze(_ lines: ArraySlice<Substring>) -> Layout {
        let units = self.units(of: lines).map { ($0, self.classify($0.text)) }
        var layout = Layout()
        let ledeIndex = units.firstIndex { $0.1 == .prose && Self.wordCount($0.0.text) >= Self.ledeMinimumWords }
            ?? units.firstIndex { $0.1 == .prose }
            ?? units.firstIndex { $0.1 == .label }
        guard let ledeIndex else { return layout }
        layout.ledeLine = units[ledeIndex].0.line
        self.readFrontMatter(units[..<ledeIndex].map { ($0.0.text, $0.1) }, into: &layout)
        self.readStory(self.mergingBlocks(units[ledeIndex...]), into: &layout)
        return layout
    }

    /// After the lede a block is one paragraph: its text units are joined, except list items,
    /// which stay paragraphs of their own, and chrome, headings and dates, which stay apart to
    /// be dropped.
    func mergingBlocks(_ units: ArraySlice<(Unit, UnitKind)>) -> [(String, UnitKind)] {
        var merged: [(String, UnitKind, block: Int)] = []
        for (unit, kind) in units {
            let isText = kind == .prose || kind == .label
            if isText, !Self.isListItem(unit.text), !self.opensContacts(unit.text), let last = merged.last, last.block == unit.block,
                last.1 == .prose || last.1 == .label
            {
                merged[merged.count - 1].0 += " " + unit.text
                merged[merged.count - 1].1 = .prose
            } else {
                merged.append((unit.text, kind, unit.block))
            }
        }
        return merged.map { ($0.0, $0.1) }
    }

    // MARK: Units

    /// One line of text (or several hard-wrapped lines joined), the block it came from and the
    /// index of its first line.
    struct Unit: Sendable, Hashable {
        let text: String
        let block: Int
        let line: Int
    }

    func units(of lines: ArraySlice<Substring>) -> [Unit] {
        var units: [Unit] = []
        var block: [(line: Int, text: Substring)] = []
        var blockNumber = 0
        var dropsNextList = false
        func flush() {
            defer {
                block = []
                blockNumber += 1
            }
            guard let first = block.first?.text else { return }
            if ASCIIFolding.foldedHasPrefix(first, oneOf: self.lexicon.blockOpeners) {
                // "Related stories" alone in its block heads the list in the next block.
                dropsNextList = block.count == 1
                return
            }
            if dropsNextList && block.allSatisfy({ self.classify(String($0.text)) == .label }) {
                dropsNextList = false
                return
            }
            dropsNextList = false
            var current = ""
            var currentLine = 0
            for (index, line) in block {
                let text = String(line)  // lines arrive with their spaces collapsed and trimmed
                if current.isEmpty {
                    current = text
                    currentLine = index
                } else if Self.continuesProse(current, with: text) {
                    current += " " + text
                } else {
                    units.append(Unit(text: current, block: blockNumber, line: currentLine))
                    current = text
                    currentLine = index
                }
            }
            if !current.isEmpty { units.append(Unit(text: current, block: blockNumber, line: currentLine)) }
        }
        for (index, line) in zip(lines.indices, lines) {
            if line.isEmpty { flush() } else { block.append((index, line)) }
        }
        flush()
        return units
    }

    private static let sentenceEnds: Set<Character> = [".", "!", "?", ":", ";", "\"", "\u{201D}", "\u{2019}", ")"]

    private static let openingQuotes: Set<Character> = ["\"", "\u{201C}", "\u{201E}", "\u{2018}", "\u{00AB}"]

    /// A hard-wrapped line (no sentence end, the next starts in lower case), or a lead-in
    /// ending with `:` followed by the quotation it introduces.
    private static func continuesProse(_ text: String, with next: String) -> Bool {
        guard let last = text.last, let first = next.first else { return false }
        return (!self.sentenceEnds.contains(last) && first.isLowercase) || (last == ":" && self.openingQuotes.contains(first))
    }

    /// `- In Geneva: …`, `• …`, `1. …`: a line that stands on its own in a list.
    private static func isListItem(_ text: String) -> Bool {
        // Most units start with an ASCII letter or quotation mark: their first byte is the
        // first scalar of their first `Character`, and settles it without making one.
        if let lead = text.utf8.first, lead < 0x80, lead != UInt8(ascii: "-"), lead != UInt8(ascii: "*"), lead &- UInt8(ascii: "0") >= 10 {
            return false
        }
        guard let first = text.first else { return false }
        if "-\u{2013}\u{2022}*\u{00B7}".contains(first) { return true }
        let digits = text.prefix { $0.isNumber }
        return !digits.isEmpty && digits.count <= 2 && text.dropFirst(digits.count).first.map { ".)".contains($0) } == true
    }

    /// Words separated by spaces.
    static func wordCount<S: StringProtocol>(_ text: S) -> Int {
        SimpleText.wordCount(text)
    }

    // MARK: Classification

    func classify(_ text: String) -> UnitKind {
        let folded = self.classifyingFold(text)
        if let marker = self.releaseMarkerOrHeading(text, folded: folded) { return marker }
        if self.lexicon.navigationLines.contains(folded) || SimpleText.hasPrefix(folded, oneOf: self.lexicon.navigationPrefixes)
            || Self.isBreadcrumb(text)
        {
            return .navigation
        }
        if let date = Self.statedDate(text) { return .date(date) }
        if Self.isByline(text) { return .byline }
        // Prose is long or ends like a sentence; a label (headline, section tag, masthead) is
        // short and unpunctuated.
        if Self.wordCount(text) >= 16 || text.last.map({ ".!?:;,\"\u{201D}".contains($0) }) == true { return .prose }
        return .label
    }

    /// The text folded as far as `classify` reads it: whole, or only a head one byte longer
    /// than the lexicon entries and `about ` it is compared with, when its start is ASCII.
    /// Units are mostly paragraphs, and folding each whole cost more than classifying it.
    func classifyingFold(_ text: String) -> String {
        let bytes = max(self.lexicon.longestLayoutEntryBytes, "about ".utf8.count) + 1
        return ASCIIFolding.foldedHead(of: text[...], bytes: bytes) ?? TextFolding.fold(text)
    }

    /// What `classify` answers first: a release marker, or a heading (`About the …` opens
    /// the background); `nil` for any other line.
    func releaseMarkerOrHeading(_ text: String, folded: String) -> UnitKind? {
        if self.lexicon.releaseMarkers.contains(folded) { return .releaseMarker }
        if let section = self.lexicon.sectionHeadings[folded] { return .heading(section) }
        if folded.hasPrefix("about "), Self.wordCount(text) <= 6, !".!?".contains(text.last ?? ".") { return .heading(.background) }
        return nil
    }

    /// `Home > Peace and Security`, `News › World`.
    private static func isBreadcrumb(_ text: String) -> Bool {
        // Cheap test first: most lines have no separator at all.
        guard SimpleText.contains(byte: UInt8(ascii: ">"), in: text) || LineShape.containsSingleAngleQuote(text) else { return false }
        let parts = text.components(separatedBy: " > ").count > 1 ? text.components(separatedBy: " > ") : text.components(separatedBy: " › ")
        return parts.count > 1 && parts.allSatisfy { self.wordCount($0) <= 5 }
    }

    /// `Published 9 February 2024`, `Published: 3 June 2022`, `12 March 2024`.
    private static func statedDate(_ text: String) -> WrittenDate? {
        // A date line is short and has a digit; skip prose at once.
        guard text.utf8.count <= 64, SimpleText.containsASCIIDigit(text) else { return nil }
        var rest = Substring(text)
        // An ASCII head one byte past the longest label starts with a label exactly when its
        // bytes do: no mark after it can join the label's last `Character`.
        let isASCIIHead = SimpleText.startsWithASCII(rest, bytes: "Published:".utf8.count + 1)
        for prefix in ["Published:", "Published", "Updated:", "Updated", "Posted:", "Posted", "Date:", "Dated"]
        where isASCIIHead ? rest.utf8.starts(with: prefix.utf8) : rest.hasPrefix(prefix) {
            rest = rest.dropFirst(prefix.count)
            break
        }
        rest = rest.drop { $0 == " " }
        guard Self.wordCount(rest) <= 8 else { return nil }
        return WrittenDate.first(in: rest)
    }

    /// `By Jane Doe`, `By Jonas Brandtmeier, Europe correspondent`.
    private static func isByline(_ text: String) -> Bool {
        guard text.hasPrefix("By "), self.wordCount(text) <= 10, !".!?".contains(text.last ?? ".") else { return false }
        let name = text.dropFirst(3).split(separator: ",", maxSplits: 1)[0].split(separator: " ")
        return (1...4).contains(name.count) && name.allSatisfy { $0.first?.isUppercase == true }
    }

    // MARK: Before the lede

    func readFrontMatter(_ units: [(String, UnitKind)], into layout: inout Layout) {
        var labels: [String] = []
        for (text, kind) in units {
            switch kind {
            case .releaseMarker: layout.isPressRelease = true
            case .date(let date): layout.statedDate = layout.statedDate ?? date
            case .label, .prose: labels.append(text)
            case .navigation, .byline, .heading: continue
            }
        }
        // Read once per label: the masthead test splits and folds the label.
        let mastheads = labels.map { self.masthead($0, pressRelease: &layout.isPressRelease) }
        layout.masthead = layout.masthead ?? mastheads.lazy.compactMap { $0 }.first
        // The headline is the longest remaining label: section labels and topic tags are shorter.
        let candidates = zip(labels, mastheads).filter { $0.1 == nil }.map(\.0)
        layout.headline = candidates.max { Self.wordCount($0) < Self.wordCount($1) }
    }

    /// The publisher a masthead line names: `Ministry of Justice — Press Release` → `Ministry
    /// of Justice`, `The Meridian Post`, `UN News`; `nil` for other lines.
    private func masthead(_ label: String, pressRelease: inout Bool) -> String? {
        let parts = label.components(separatedBy: CharacterSet(charactersIn: "\u{2014}\u{2013}|"))
            .map(SimpleText.trimmingWhitespaces).filter { !$0.isEmpty }
        let releaseParts = parts.filter { self.lexicon.releaseMarkers.contains(TextFolding.fold($0)) }
        if !releaseParts.isEmpty {
            pressRelease = true
            return parts.first { !releaseParts.contains($0) }
        }
        let folded = TextFolding.fold(label)
        // "Press releases | Special Procedures": a section of a site's releases, not a masthead.
        if ["press release", "news release", "media release"].contains(where: folded.contains) {
            pressRelease = true
            return nil
        }
        guard Self.wordCount(label) <= 5 else { return nil }
        let words = folded.split(separator: " ").map(String.init)
        return words.contains(where: self.lexicon.publicationWords.contains) ? label : nil
    }

    // MARK: The story and what follows it

    /// Reads the story's units into paragraphs and sections. Units from `bodyEnd` on follow
    /// the story: they are kept only in a section after it (background, contacts, footer).
    func readStory(_ units: [(String, UnitKind)], bodyEnd: Int = .max, into layout: inout Layout) {
        var section = Section.body
        for (offset, (text, kind)) in units.enumerated() {
            var text = text
            if offset == 0, let dateline = Dateline.parse(text, lexicon: self.lexicon) {
                layout.dateline = dateline
                text = dateline.remainder
            }
            switch kind {
            case .navigation, .byline, .date:
                continue
            case .releaseMarker:
                layout.isPressRelease = true
                section = .background
                continue
            case .heading(let opened):
                section = opened
                if opened == .contacts { layout.isPressRelease = true }
                continue
            case .label, .prose:
                section = self.section(for: text, kind: kind, after: section, layout: &layout)
                // Media contacts are what a press release ends with.
                if section == .contacts { layout.isPressRelease = true }
                let trimmed = Self.trimmingWhitespaceCharacters(text)
                if !trimmed.isEmpty, offset < bodyEnd || section != .body { layout.paragraphs.append((section, trimmed)) }
            }
        }
    }

    private func section(for text: String, kind: UnitKind, after current: Section, layout: inout Layout) -> Section {
        if self.opensContacts(text) { return .contacts }
        switch current {
        case .body where kind == .prose && Self.isBiography(text):
            return .background
        case .contacts where kind == .prose && Self.wordCount(text) >= 15 && !Self.hasContactDetails(text):
            return .footer
        default:
            return current
        }
    }

    /// Drops whitespace `Character`s at both ends, including a space that a stray combining
    /// mark has fused with (broken scrapes produce those).
    private static func trimmingWhitespaceCharacters(_ text: String) -> String {
        var trimmed = Substring(text)
        while trimmed.first?.isWhitespace == true { trimmed = trimmed.dropFirst() }
        while trimmed.last?.isWhitespace == true { trimmed = trimmed.dropLast() }
        return String(trimmed)
    }

    /// `For additional information and media requests, please contact`: a line that begins
    /// like a contacts heading.
    func opensContacts(_ text: String) -> Bool {
        // Headings are short: fold only the first few words.
        if let answer = self.opensContactsOnBytes(text) { return answer }
        let folded = TextFolding.fold(text.prefix(Self.contactsHeadReach))
        return SimpleText.hasPrefix(folded, oneOf: self.contactsHeadingOpeners) || self.lexicon.contactsHeadings.contains(folded)
    }

    /// The `Character`s of a unit's head that `opensContacts` folds.
    private static let contactsHeadReach = 48

    /// `opensContacts` read on bytes, when the unit is ASCII without CR up to the byte after
    /// its head, and the headings are too (`contactsHeadingBytes`); `nil` otherwise.
    ///
    /// There each byte is a `Character` of its own (only CR LF makes one of two, and the byte
    /// after the head cannot join its last), the head is its first bytes, folding lowers them
    /// and trims spaces, tabs, `:` and `.` at the ends, and ASCII strings are equal, or one
    /// starts with another, exactly when their bytes are.
    private func opensContactsOnBytes(_ text: String) -> Bool? {
        guard let (headings, openers) = self.contactsHeadingBytes else { return nil }
        var text = text
        return text.withUTF8 { bytes -> Bool? in
            let headEnd = min(bytes.count, Self.contactsHeadReach)
            guard bytes[..<min(bytes.count, headEnd + 1)].allSatisfy({ $0 < 0x80 && $0 != 0x0D }) else { return nil }
            var start = 0
            var end = headEnd
            while start < end, TextFolding.isTrimmedASCII(bytes[start]) { start += 1 }
            while end > start, TextFolding.isTrimmedASCII(bytes[end - 1]) { end -= 1 }
            let folded = bytes[start..<end].lazy.map(TextFolding.foldedASCII)
            return openers.contains { folded.starts(with: $0) } || headings.contains { folded.elementsEqual($0) }
        }
    }

    /// An about-the-person paragraph: `Mr. Name SURNAME (Country) was …`.
    private static func isBiography(_ text: String) -> Bool {
        // The first word decides for most paragraphs: it is read before the text is split.
        let first = text.drop { $0 == " " }.prefix { $0 != " " }
        guard Self.biographyTitles.contains(first) else { return false }
        let words = text.split(separator: " ", maxSplits: 6).prefix(6)
        return words.dropFirst().contains { word in
            let letters = word.filter(\.isLetter)
            return letters.count >= 2 && letters.allSatisfy(\.isUppercase)
        }
    }

    /// The courtesy titles an about-the-person paragraph opens with.
    private static let biographyTitles: Set<Substring> = ["Mr.", "Mrs.", "Ms.", "Dr.", "Mr", "Ms", "Dr", "Prof."]

    /// A phone number (seven or more digits run together with only spaces, `+`, `-`, `.`,
    /// `/` or parentheses between them) or an e-mail address (or its scrape placeholder).
    static func hasContactDetails(_ text: String) -> Bool {
        if text.contains("@") || text.contains("[email") { return true }
        var digits = 0
        for character in text {
            if character.isNumber {
                digits += 1
                if digits >= 7 { return true }
            } else if !" +-./()".contains(character) {
                digits = 0
            }
        }
        return false
    }
}
