/// Levenshtein distance with a bound, for typo tolerance.
enum EditDistance {
    /// Whether `a` and `b` are within `bound` insertions, deletions and substitutions.
    ///
    /// - Complexity: O(*n* · `bound`): only the diagonal band that can stay within the bound
    ///   is computed, and the search stops once a whole row exceeds it.
    static func isWithin<Element: Equatable>(_ bound: Int, _ a: [Element], _ b: [Element]) -> Bool {
        guard abs(a.count - b.count) <= bound else { return false }
        if a.isEmpty || b.isEmpty { return max(a.count, b.count) <= bound }
        let outside = bound + 1
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
                    current[j] = min(substitution, previous[j] + 1, current[j - 1] + 1, outside)
                    rowMinimum = min(rowMinimum, current[j])
                }
            }
            if high < b.count { current[high + 1] = outside }
            guard rowMinimum <= bound else { return false }
            swap(&previous, &current)
        }
        return previous[b.count] <= bound
    }
}
