import Foundation

/// The page's densest run of prose lines (FEATURES.md §3, "Runs"): the contiguous run of
/// non-blank lines with the greatest total gain, found with Kadane's algorithm.
///
/// A line gains its units when it is prose (`BodyLineMeasures.isProse`) and loses `penalty`
/// otherwise. The first maximum wins.
struct ProseRun: Sendable, Equatable {
    /// The first and last line of the run (positions among the non-blank lines), inclusive;
    /// `nil` when no line gains.
    let lines: ClosedRange<Int>?

    /// Finds the run.
    ///
    /// - Parameters:
    ///   - lines: the page's non-blank lines.
    ///   - penalty: what a line that is not prose costs inside the run.
    /// - Complexity: O(n).
    init(_ lines: [BodyLinePage.Line], penalty: Double) {
        var best = 0.0
        var bestRange: ClosedRange<Int>?
        var current = 0.0
        var currentStart = 0
        for (position, line) in lines.enumerated() {
            let gain = line.measures.isProse ? line.measures.units : -penalty
            if current <= 0.0 {
                current = gain
                currentStart = position
            } else {
                current += gain
            }
            if current > best {
                best = current
                bestRange = currentStart...position
            }
        }
        self.lines = bestRange
    }

    /// Whether line `position` is inside the run.
    func contains(_ position: Int) -> Bool {
        self.lines?.contains(position) == true
    }

    /// `ln(1 + distance)` from line `position` to the run, 0 inside it, and `ln(1 + n)` when
    /// there is no run.
    func logDistance(from position: Int, lineCount: Int) -> Double {
        guard let run = self.lines else { return log(1.0 + Double(lineCount)) }
        if position < run.lowerBound { return log(1.0 + Double(run.lowerBound - position)) }
        if position > run.upperBound { return log(1.0 + Double(position - run.upperBound)) }
        return 0.0
    }
}
