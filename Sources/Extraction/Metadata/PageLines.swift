/// A page's lines with the positions of the non-blank ones, so that rules can look a few
/// lines up or down without counting blank lines.
///
/// Built once per page in one pass, which also folds each line short enough to be a heading:
/// the rules then compare folded headings without folding them again. Every lookup after that
/// is O(1) or O(log n).
struct PageLines: Sendable {
    /// The lines, spaces collapsed and trimmed.
    let lines: [Substring]
    /// Indices of the non-blank lines, in order.
    let nonblank: [Int]
    /// `TextFolding.fold` of each line of at most `maximumFoldedBytes` UTF-8 bytes; `nil` for
    /// longer lines. Body paragraphs are longer, and the rules fold the few they look at.
    let folded: [String?]

    /// The longest line folded when the page is read, in UTF-8 bytes: the longest heading,
    /// label or marker line.
    static let maximumFoldedBytes = KindClassifier.maximumHeadingBytes

    /// Indexes the lines.
    init<C: Collection>(_ lines: C) where C.Element == Substring {
        let all = Array(lines)
        self.lines = all
        self.nonblank = all.indices.filter { !all[$0].isEmpty }
        self.folded = all.map { $0.utf8.count <= Self.maximumFoldedBytes ? ASCIIFolding.fold($0) : nil }
    }

    /// The line folded when it is no longer than a headline (`HeadlineFinder.maximumHeadlineBytes`),
    /// or else `nil`.
    func foldedHeadline(_ line: Int) -> String? {
        guard self.lines[line].utf8.count <= HeadlineFinder.maximumHeadlineBytes else { return nil }
        return self.folded[line] ?? ASCIIFolding.fold(self.lines[line])
    }

    /// The position among non-blank lines of the first non-blank line at or after `line`.
    func position(atOrAfter line: Int) -> Int {
        var low = 0
        var high = self.nonblank.count
        while low < high {
            let middle = (low + high) / 2
            if self.nonblank[middle] < line { low = middle + 1 } else { high = middle }
        }
        return low
    }

    /// The indices of the non-blank lines at positions `from..<to`, clamped to the page.
    func lines(fromPosition from: Int, to: Int) -> ArraySlice<Int> {
        let lower = max(0, min(from, self.nonblank.count))
        let upper = max(lower, min(to, self.nonblank.count))
        return self.nonblank[lower..<upper]
    }

    /// The non-blank line before `line`, if any.
    func previousLine(before line: Int) -> Int? {
        let position = self.position(atOrAfter: line)
        return position > 0 ? self.nonblank[position - 1] : nil
    }

    /// The non-blank line after `line`, if any.
    func nextLine(after line: Int) -> Int? {
        let position = self.position(atOrAfter: line + 1)
        return position < self.nonblank.count ? self.nonblank[position] : nil
    }
}
