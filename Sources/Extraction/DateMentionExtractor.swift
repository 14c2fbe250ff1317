import DocumentModel

/// Finds the dates a story mentions and resolves relative ones against its publication date.
///
/// Absolute forms: `25 April 2018`, `April 25, 2018`, `27 of April`, `October 2018`, `in 2014`.
/// Relative forms: weekdays (`on Tuesday`, `Friday's meeting`, `next Monday`), `today`,
/// `yesterday`, `tomorrow`, `last week`, `next month`, `last year`, `this year`, and dates or
/// months without a year (`on 3 March`, `in October`, `by the end of May`). A weekday or
/// month without a year falls before the publication date unless its clause looks ahead
/// (`will`, `would`, `expected`, `by`, `until`, `next`).
struct DateMentionExtractor: Sendable {
    private static let weekdays = ["sunday", "monday", "tuesday", "wednesday", "thursday", "friday", "saturday"]
    private static let partsOfDay: Set<String> = ["morning", "afternoon", "evening", "night"]
    private static let yearPrepositions: Set<String> = ["in", "since", "from", "until", "till", "by", "during", "before", "after", "to", "of"]
    private static let monthPrepositions: Set<String> = ["in", "from", "until", "till", "by", "since", "during", "before", "after"]
    private static let lookingAhead: Set<String> = [
        "will", "would", "shall", "'ll", "expected", "due", "plans", "planned", "upcoming", "next", "aims", "intends", "takes", "opens",
    ]

    /// The mentions in a document's paragraphs, in reading order.
    ///
    /// - Parameters:
    ///   - paragraphs: the paragraphs.
    ///   - words: each paragraph's words (`TextWord.scan`), scanned once for every extractor.
    ///   - published: the publication date; without it relative expressions are skipped.
    ///   - deadline: checked at every word.
    /// - Throws: `IngestError.tooComplex` once the deadline has passed.
    func extract(from paragraphs: [Paragraph], words: [[TextWord]], published: CalendarDate?, deadline: IngestionDeadline) throws(IngestError) -> [DateMention] {
        var work = Work()
        return try self.extract(from: paragraphs, words: words, published: published, work: &work, deadline: deadline)
    }

    /// What the extractor did, counted: a test pins that it grows linearly with the text.
    struct Work: Sendable, Equatable {
        /// Words the matcher started at.
        var wordsVisited = 0
        /// Scalars stepped over to turn mention ranges into scalar offsets.
        var scalarsStepped = 0
    }

    /// `extract(from:words:published:deadline:)`, adding what it does to `work`.
    func extract(
        from paragraphs: [Paragraph], words: [[TextWord]], published: CalendarDate?, work: inout Work, deadline: IngestionDeadline
    ) throws(IngestError) -> [DateMention] {
        var found: [DateMention] = []
        for (paragraph, paragraphWords) in zip(paragraphs, words) {
            found += try self.mentions(in: paragraph, words: paragraphWords, published: published, work: &work, deadline: deadline)
        }
        return found
    }

    /// The words a mention can start at besides numbers and possessives (`Friday's`): the
    /// prepositions, month names and relative words the matcher reads first.
    private static let openers = FoldedWordSet(
        Self.yearPrepositions.union(Self.monthPrepositions).union(WrittenDate.monthNames)
            .union(["on", "today", "yesterday", "tomorrow", "earlier", "this", "last", "next"]))

    /// Weekdays' possessives (`friday's`): the only possessives a mention starts at.
    private static let possessiveWeekdays = FoldedWordSet(Set(Self.weekdays.map { $0 + "'s" }))

    /// Whether a mention may start at `words[index]`: the matcher reads nothing else at all.
    /// The word is read in place: passing it copied its two strings.
    private static func mayOpenMention(_ words: [TextWord], at index: Int) -> Bool {
        // A day number (`Int` reads a sign too), a possessive weekday or an opener word.
        guard let first = words[index].text.utf8.first else { return false }
        return first >= UInt8(ascii: "0") && first <= UInt8(ascii: "9") || first == UInt8(ascii: "+") || first == UInt8(ascii: "-")
            || Self.openers.contains(words[index].folded) || Self.possessiveWeekdays.contains(words[index].folded)
    }

    private func mentions(
        in paragraph: Paragraph, words: [TextWord], published: CalendarDate?, work: inout Work, deadline: IngestionDeadline
    ) throws(IngestError) -> [DateMention] {
        let text = paragraph.text
        var found: [DateMention] = []
        // Mentions come in reading order, so one cursor walks the paragraph once: measuring
        // each from the start made a date list quadratic.
        var offsets = ScalarOffsets(text)
        var index = 0
        while index < words.count {
            try deadline.check()
            work.wordsVisited += 1
            if Self.mayOpenMention(words, at: index), let (mention, next) = self.match(at: index, words, text: text, paragraph: paragraph.index, published: published, offsets: &offsets) {
                found.append(mention)
                index = next
            } else {
                index += 1
            }
        }
        work.scalarsStepped += offsets.stepped
        return found
    }

    /// Scalar offsets of increasing positions in a text, each found by stepping on from the
    /// last one.
    private struct ScalarOffsets {
        let scalars: String.UnicodeScalarView
        /// The last position measured and its offset.
        private var position: String.Index
        private var offset = 0
        /// Scalars stepped over so far.
        private(set) var stepped = 0

        init(_ text: String) {
            self.scalars = text.unicodeScalars
            self.position = text.startIndex
        }

        /// The offset of `index`, which is at or after the last position measured.
        ///
        /// - Complexity: O(*k*), *k* the scalars between the last position and `index`.
        mutating func offset(of index: String.Index) -> Int {
            precondition(index >= self.position, "positions are measured in increasing order")
            let distance = self.scalars.distance(from: self.position, to: index)
            self.stepped += distance
            self.offset += distance
            self.position = index
            return self.offset
        }
    }

    // MARK: Matching

    private func match(
        at index: Int, _ words: [TextWord], text: String, paragraph: Int, published: CalendarDate?, offsets: inout ScalarOffsets
    ) -> (DateMention, Int)? {
        let word = words[index]
        func make(_ date: String, _ precision: DateMention.Precision, relative: Bool, from first: Int, to last: Int) -> (DateMention, Int) {
            let range = words[first].range.lowerBound..<words[last].range.upperBound
            let start = offsets.offset(of: range.lowerBound)
            let end = offsets.offset(of: range.upperBound)
            return (DateMention(date: date, precision: precision, expression: String(text[range]), isRelative: relative,
                                paragraph: paragraph, start: start, end: end), last + 1)
        }
        // A preposition or "the end of" before the core, included in the expression.
        var lead = index
        var core = index
        if word.folded == "on" || Self.yearPrepositions.contains(word.folded) || Self.monthPrepositions.contains(word.folded) {
            core = index + 1
            if core + 2 < words.count, words[core].folded == "the", Self.periodParts.contains(words[core + 1].folded), words[core + 2].folded == "of" {
                core += 3
            }
        }
        guard core < words.count else { return nil }
        let preposition = core > index ? words[index].folded : nil
        if preposition == nil { lead = index }

        // Only a number or a month opens a day, a month or a year; any other word a relative date at most.
        if Self.mayOpenDate(words[core]) {
            // Day month [year] / month day[, year].
            if let (date, last, hasYear) = Self.dayDate(at: core, words) {
                guard preposition == nil || preposition == "on" || preposition.map(Self.monthPrepositions.contains) == true else { return nil }
                let tense = self.tense(words, before: lead, preposition: preposition)
                guard let resolved = hasYear ? date.resolved(fallbackYear: nil) : self.resolve(date, published: published, tense: tense) else { return nil }
                // "on 3 March" keeps its "on"; "from 1 September 2025" is just the date.
                return make(resolved.description, .day, relative: !hasYear, from: preposition == "on" ? lead : core, to: last)
            }
            // Month [year].
            if let month = WrittenDate.month(folded: words[core].folded), words[core].text.first?.isUppercase == true,
                words[core].text.count > 3 || core + 1 < words.count && Self.year(words[core + 1]) != nil || preposition != nil
            {
                if core + 1 < words.count, let year = Self.year(words[core + 1]) {
                    return make(Self.monthString(year, month), .month, relative: false, from: lead, to: core + 1)
                }
                guard let preposition, Self.monthPrepositions.contains(preposition), let published else { return nil }
                let year = self.resolveMonth(month, published: published, tense: self.tense(words, before: lead, preposition: preposition))
                return make(Self.monthString(year, month), .month, relative: true, from: lead, to: core)
            }
            // Year after a preposition.
            if let preposition, Self.yearPrepositions.contains(preposition), let year = Self.year(words[core]) {
                return make(String(year), .year, relative: false, from: lead, to: core)
            }
        }
        guard let published else { return nil }
        return self.relative(at: index, words, published: published, make: make)
    }

    /// Weekdays and relative words.
    private func relative(
        at index: Int, _ words: [TextWord], published: CalendarDate,
        make: (String, DateMention.Precision, Bool, Int, Int) -> (DateMention, Int)
    ) -> (DateMention, Int)? {
        let word = words[index].folded
        let next = index + 1 < words.count ? words[index + 1].folded : ""
        switch word {
        case "today": return make(published.description, .day, true, index, index)
        case "yesterday": return make(published.adding(days: -1).description, .day, true, index, index)
        case "tomorrow": return make(published.adding(days: 1).description, .day, true, index, index)
        case "earlier" where next == "this" && index + 2 < words.count && words[index + 2].folded == "year":
            return make(String(published.year), .year, true, index, index + 2)
        case "this", "last", "next":
            let offset = word == "this" ? 0 : (word == "last" ? -1 : 1)
            switch next {
            case "year", "year's": return make(String(published.year + offset), .year, true, index, index + 1)
            case "month":
                let date = published.adding(months: offset)
                return make(Self.monthString(date.year, date.month), .month, true, index, index + 1)
            case "week":
                let date = published.adding(days: 7 * offset)
                return make(Self.monthString(date.year, date.month), .month, true, index, index + 1)
            default:
                guard word == "next" || word == "last", let weekday = Self.weekdays.firstIndex(of: next) else { return nil }
                let date = self.weekday(weekday, from: published, ahead: word == "next", strictly: true)
                return make(date.description, .day, true, index, index + 1)
            }
        case "on" where Self.weekdays.contains(next):
            let weekday = Self.weekdays.firstIndex(of: next)!
            let ahead = self.tense(words, before: index, preposition: nil) == .ahead
            // "on Tuesday afternoon": the part of the day belongs to the expression.
            let last = index + 2 < words.count && Self.partsOfDay.contains(words[index + 2].folded) ? index + 2 : index + 1
            return make(self.weekday(weekday, from: published, ahead: ahead, strictly: false).description, .day, true, index, last)
        default:
            let base = word.hasSuffix("'s") ? String(word.dropLast(2)) : word
            guard word.hasSuffix("'s"), let weekday = Self.weekdays.firstIndex(of: base) else { return nil }
            let ahead = self.tense(words, before: index, preposition: nil) == .ahead
            return make(self.weekday(weekday, from: published, ahead: ahead, strictly: false).description, .day, true, index, index)
        }
    }

    // MARK: Helpers

    /// The parts of a period that `the … of` before a date names (`by the end of May`).
    private static let periodParts: FoldedWordSet = ["end", "start", "beginning", "middle"]

    /// Whether a word may open a day, a month or a year: a number (`Int` reads ASCII digits
    /// only, and no word opens with a sign) or a month's name.
    private static func mayOpenDate(_ word: TextWord) -> Bool {
        guard let first = word.text.utf8.first else { return false }
        return first >= UInt8(ascii: "0") && first <= UInt8(ascii: "9") || WrittenDate.month(folded: word.folded) != nil
    }

    private static func dayDate(at index: Int, _ words: [TextWord]) -> (WrittenDate, Int, Bool)? {
        guard index + 1 < words.count else { return nil }
        if let day = Int(words[index].text), (1...31).contains(day) {
            var monthIndex = index + 1
            if words[monthIndex].folded == "of", monthIndex + 1 < words.count { monthIndex += 1 }  // "27 of April"
            guard let month = WrittenDate.month(folded: words[monthIndex].folded) else { return nil }
            if monthIndex + 1 < words.count, let year = self.year(words[monthIndex + 1]) {
                return (WrittenDate(year: year, month: month, day: day), monthIndex + 1, true)
            }
            return (WrittenDate(year: nil, month: month, day: day), monthIndex, false)
        }
        if let month = WrittenDate.month(folded: words[index].folded), words[index].text.first?.isUppercase == true,
            let day = Int(words[index + 1].text), (1...31).contains(day), words[index + 1].text.count <= 2
        {
            if index + 2 < words.count, let year = self.year(words[index + 2]) {
                return (WrittenDate(year: year, month: month, day: day), index + 2, true)
            }
            return (WrittenDate(year: nil, month: month, day: day), index + 1, false)
        }
        return nil
    }

    private static func year(_ word: TextWord) -> Int? {
        guard word.text.count == 4, let year = Int(word.text), (1000...2999).contains(year) else { return nil }
        return year
    }

    private static func monthString(_ year: Int, _ month: Int) -> String {
        "\(year)-\(month < 10 ? "0" : "")\(month)"
    }

    /// Which way a clause points in time.
    private enum Tense {
        case ahead, behind, unknown
    }

    private static let lookingBack: Set<String> = ["said", "says", "told", "was", "were", "had", "did", "announced", "since", "after", "ago", "earlier", "last"]

    /// The tense of the clause before a mention: the nearest marker within fourteen words.
    private func tense(_ words: [TextWord], before index: Int, preposition: String?) -> Tense {
        if let preposition, ["until", "till", "by", "from"].contains(preposition) { return .ahead }
        if let preposition, ["since", "after"].contains(preposition) { return .behind }
        var position = index - 1
        while position >= 0 && position >= index - 14 {
            let word = words[position].folded
            if Self.lookingAhead.contains(word) { return .ahead }
            if Self.lookingBack.contains(word) { return .behind }
            position -= 1
        }
        return .unknown
    }

    /// A day without a year: forward or back by tense, else the nearest such day.
    private func resolve(_ date: WrittenDate, published: CalendarDate?, tense: Tense) -> CalendarDate? {
        guard let published, let sameYear = date.resolved(fallbackYear: published.year) else { return nil }
        let shift: Int
        switch tense {
        case .ahead: shift = sameYear < published ? 1 : 0
        case .behind: shift = sameYear > published ? -1 : 0
        case .unknown:
            let distance = sameYear.dayNumber - published.dayNumber
            shift = distance > 183 ? -1 : (distance < -183 ? 1 : 0)
        }
        return date.resolved(fallbackYear: published.year + shift)
    }

    /// A month without a year, likewise.
    private func resolveMonth(_ month: Int, published: CalendarDate, tense: Tense) -> Int {
        switch tense {
        case .ahead: return month >= published.month ? published.year : published.year + 1
        case .behind: return month <= published.month ? published.year : published.year - 1
        case .unknown:
            let distance = month - published.month
            return distance > 6 ? published.year - 1 : (distance < -6 ? published.year + 1 : published.year)
        }
    }

    /// The weekday on or before the publication date, or after it when `ahead`.
    private func weekday(_ weekday: Int, from published: CalendarDate, ahead: Bool, strictly: Bool) -> CalendarDate {
        let difference = (weekday - published.weekday + 7) % 7
        if ahead { return published.adding(days: difference == 0 && strictly ? 7 : (difference == 0 ? 0 : difference)) }
        let back = (published.weekday - weekday + 7) % 7
        return published.adding(days: -(back == 0 && strictly ? 7 : back))
    }
}
