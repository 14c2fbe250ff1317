import DocumentModel

extension RandomAccessCollection {
    /// The first index whose element satisfies `belongsAfter`, by binary search, in a collection
    /// where every element that satisfies it comes after every element that does not;
    /// `endIndex` when none does.
    ///
    /// ```swift
    /// [1, 3, 3, 7].partitionPoint { $0 > 3 }   // 3
    /// ```
    ///
    /// - Complexity: O(log n) calls of `belongsAfter`.
    @inlinable
    public func partitionPoint(where belongsAfter: (Element) throws -> Bool) rethrows -> Index {
        var low = self.startIndex
        var count = self.count
        while count > 0 {
            let half = count / 2
            let middle = self.index(low, offsetBy: half)
            if try belongsAfter(self[middle]) {
                count = half
            } else {
                low = self.index(after: middle)
                count -= half + 1
            }
        }
        return low
    }
}
