import DocumentModel

/// Edit distance with a bound, for typo tolerance: insertions, deletions, substitutions and
/// transpositions of two adjacent characters ("spiskior" and "spisikor" are one edit apart),
/// the optimal-string-alignment distance.
enum EditDistance {
    /// Whether `a` and `b` are within `bound` edits.
    ///
    /// - Complexity: O(*n* · `bound`): only the diagonal band that can stay within the bound
    ///   is computed, and the search stops once a whole row exceeds it.
    static func isWithin<Element: Equatable>(_ bound: Int, _ a: [Element], _ b: [Element]) -> Bool {
        guard abs(a.count - b.count) <= bound else { return false }
        if a.isEmpty || b.isEmpty { return max(a.count, b.count) <= bound }
        let outside = bound + 1
        // Rows i - 2, i - 1 and i; cells outside the band are never read (see the bounds below).
        var beforePrevious = [Int](repeating: outside, count: b.count + 1)
        var previous = Array(0...b.count).map { min($0, outside) }
        var current = [Int](repeating: outside, count: b.count + 1)
        for i in 1...a.count {
            current[0] = min(i, outside)
            let low = max(1, i - bound)
            let high = min(b.count, i + bound)
            if low > 1 { current[low - 1] = outside }
            var rowMinimum = current[0]
            if low <= high {
                for j in low...high {
                    let substitution = previous[j - 1] + (a[i - 1] == b[j - 1] ? 0 : 1)
                    var cell = min(substitution, previous[j] + 1, current[j - 1] + 1, outside)
                    if i > 1 && j > 1 && a[i - 1] == b[j - 2] && a[i - 2] == b[j - 1] {
                        cell = min(cell, beforePrevious[j - 2] + 1)
                    }
                    current[j] = cell
                    rowMinimum = min(rowMinimum, cell)
                }
            }
            if high < b.count { current[high + 1] = outside }
            guard rowMinimum <= bound else { return false }
            (beforePrevious, previous, current) = (previous, current, beforePrevious)
        }
        return previous[b.count] <= bound
    }
}
