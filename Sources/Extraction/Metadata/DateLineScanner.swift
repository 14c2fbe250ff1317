import DocumentModel

/// Finds the dates a short metadata line writes, each with the label before it.
///
/// Reads `Nov. 19, 2019`, `November 19th, 2019 11:03 PM`, `Tue, Nov 19 2019`, `18 Nov 2019`,
/// `Posted Nov 18` (no year), `2019-11-18T20:51:19Z`, `19.11.2019` and `11/19/19`. A numeric
/// date is read month first with slashes and day first with dots, as the US and Europe write
/// them, unless the numbers only fit the other order.
struct DateLineScanner: Sendable {
    /// Labels → what they say about the date.
    let labels: [String: DateLineLabel]

    /// A date the line writes.
    struct Found: Sendable, Hashable {
        /// The date; its year is missing when the line leaves it out.
        let date: WrittenDate
        /// The label before it in the line, if any.
        let label: DateLineLabel?
    }

    /// How many words before a date its label may stand (`Updated 0339 GMT (1139 HKT) Nov 19`).
    static let labelReach = 6

    /// The dates in the line, in order.
    ///
    /// - Complexity: O(n) in the length of the line.
    func scan<S: StringProtocol>(_ line: S) -> [Found] {
        // Every date this reads has an ASCII digit: most lines have none and are not split.
        guard SimpleText.containsASCIIDigit(line) else { return [] }
        let tokens = line.split(separator: " ").map { Self.trimmed(Substring($0)) }
        var found: [Found] = []
        var index = 0
        var labelFrom = 0
        while index < tokens.count {
            if let (date, length) = Self.date(at: index, in: tokens) {
                found.append(Found(date: date, label: self.label(in: tokens[labelFrom..<index])))
                index += length
                labelFrom = index
            } else {
                index += 1
            }
        }
        return found
    }

    /// The label nearest before a date, among the last few words.
    func label(in tokens: ArraySlice<String>) -> DateLineLabel? {
        let reach = tokens.suffix(Self.labelReach).map { ASCIIFolding.fold($0) }
        for end in stride(from: reach.count, to: 0, by: -1) {
            if end >= 2, let label = self.labels[reach[end - 2] + " " + reach[end - 1]] { return label }
            if let label = self.labels[reach[end - 1]] { return label }
        }
        return nil
    }

    /// Whether the whole line is a label for a date on the next line (`Publish date:`).
    func labelLine<S: StringProtocol>(_ line: S) -> DateLineLabel? {
        self.labels[ASCIIFolding.fold(line)]
    }

    /// A token without the punctuation around it, keeping inner dots and slashes.
    private static func trimmed(_ token: Substring) -> String {
        var start = token.startIndex
        var end = token.endIndex
        while start < end, "(|[".contains(token[start]) { start = token.index(after: start) }
        while start < end, ",;|)]".contains(token[token.index(before: end)]) { end = token.index(before: end) }
        return String(token[start..<end])
    }

    /// A date starting at `index`, and how many tokens it takes.
    private static func date(at index: Int, in tokens: [String]) -> (WrittenDate, Int)? {
        let token = tokens[index]
        if let numeric = self.numericDate(token) { return (numeric, 1) }
        let next = index + 1 < tokens.count ? tokens[index + 1] : nil
        let afterNext = index + 2 < tokens.count ? tokens[index + 2] : nil
        // The day is tested first: most tokens are not one, and a month name is looked up folded.
        if let next, let day = self.day(next), let month = WrittenDate.month(named: Substring(token.filter { $0 != "." })) {
            let year = afterNext.flatMap(self.year)
            return self.valid(WrittenDate(year: year, month: month, day: day), length: year == nil ? 2 : 3)
        }
        if let day = self.day(token), let next, let month = WrittenDate.month(named: Substring(next.filter { $0 != "." })) {
            let year = afterNext.flatMap(self.year)
            return self.valid(WrittenDate(year: year, month: month, day: day), length: year == nil ? 2 : 3)
        }
        return nil
    }

    private static func valid(_ date: WrittenDate, length: Int) -> (WrittenDate, Int)? {
        guard date.day <= CalendarDate.daysIn(month: date.month, year: date.year ?? 2000) else { return nil }
        return (date, length)
    }

    /// `19`, `19th`, `1st`.
    private static func day(_ token: String) -> Int? {
        // Two ASCII digits (or a sign and one) and a suffix at most.
        guard token.utf8.count <= 4, let first = token.utf8.first,
            first >= UInt8(ascii: "0") && first <= UInt8(ascii: "9") || first == UInt8(ascii: "+")
        else { return nil }
        var digits = Substring(token)
        for suffix in ["st", "nd", "rd", "th"] where digits.hasSuffix(suffix) {
            digits = digits.dropLast(2)
            break
        }
        guard (1...2).contains(digits.count), digits.allSatisfy(\.isASCII), let day = Int(digits), (1...31).contains(day) else { return nil }
        return day
    }

    /// A four-digit year.
    private static func year(_ token: String) -> Int? {
        guard token.count == 4, token.allSatisfy({ $0.isASCII && $0.isNumber }), let year = Int(token), (1900...2200).contains(year) else { return nil }
        return year
    }

    /// `2019-11-18`, `2019-11-18T20:51:19Z`, `19.11.2019`, `11/19/19`, `13/06/2014`.
    private static func numericDate(_ token: String) -> WrittenDate? {
        guard let first = token.first, first.isASCII, first.isNumber else { return nil }
        if token.count >= 10, let iso = CalendarDate(parsing: token.prefix(10)),
            token.count == 10 || token.dropFirst(10).first == "T"
        {
            return WrittenDate(year: iso.year, month: iso.month, day: iso.day)
        }
        for separator: Character in ["/", ".", "-"] {
            let parts = token.split(separator: separator, omittingEmptySubsequences: false)
            guard parts.count == 3, parts.allSatisfy({ !$0.isEmpty && $0.allSatisfy { $0.isASCII && $0.isNumber } }),
                let a = Int(parts[0]), let b = Int(parts[1]), let c = Int(parts[2])
            else { continue }
            if parts[0].count == 4 { return self.checked(year: a, month: b, day: c) }
            guard parts[2].count == 2 || parts[2].count == 4, parts[0].count <= 2, parts[1].count <= 2 else { return nil }
            let year = parts[2].count == 2 ? 2000 + c : c
            let dayFirst = separator == "." ? b <= 12 : a > 12
            return dayFirst ? self.checked(year: year, month: b, day: a) : self.checked(year: year, month: a, day: b)
        }
        return nil
    }

    private static func checked(year: Int, month: Int, day: Int) -> WrittenDate? {
        CalendarDate(year: year, month: month, day: day).map { WrittenDate(year: $0.year, month: $0.month, day: $0.day) }
    }
}
