import Foundation

/// Chooses the page's single story region from the line scores (FEATURES.md §6): a Viterbi
/// pass over four states, before the story, in it, a line left out inside it, after it.
///
/// Changing state costs more within a block than across a blank line, so the region tends
/// to start and end where blocks do; leaving a line out inside it costs `gapLine`.
struct BodyRegionDecoder: Sendable {
    /// The decoder's trained parameters.
    struct Parameters: Sendable, Equatable {
        /// The weights-file names of the parameters.
        static let names = ["decoder.threshold", "decoder.switch_block", "decoder.switch_inline", "decoder.gap_line"]

        /// Subtracted from every score: the score at which a story line earns nothing.
        let threshold: Double
        /// The cost of a change of state across a blank line.
        let switchBlock: Double
        /// The cost of a change of state between adjacent lines.
        let switchInline: Double
        /// The cost of each line left out inside the story.
        let gapLine: Double
    }

    /// The decoder's states, in tie-break order.
    private enum State: Int, CaseIterable {
        case before, body, gap, after

        /// The states a line in this state may follow, in tie-break order.
        var predecessors: [State] {
            switch self {
            case .before: return [.before]
            case .body: return [.body, .before, .gap]
            case .gap: return [.gap, .body]
            case .after: return [.after, .body]
            }
        }
    }

    /// The parameters.
    let parameters: Parameters

    /// Which lines are story.
    ///
    /// - Parameters:
    ///   - scores: one score per non-blank line, in page order.
    ///   - units: each line's units.
    ///   - blocks: each line's block.
    /// - Returns: for each line, whether it is in the story.
    /// - Complexity: O(n).
    func decode(scores: [Double], units: [Double], blocks: [Int]) -> [Bool] {
        precondition(scores.count == units.count && units.count == blocks.count, "one score, unit count and block per line")
        guard !scores.isEmpty else { return [] }
        let parameters = self.parameters
        func bodyEmission(_ line: Int) -> Double { log(2.0 + units[line]) * (scores[line] - parameters.threshold) }
        func emission(_ state: State, _ line: Int) -> Double {
            switch state {
            case .before, .after: return 0.0
            case .body: return bodyEmission(line)
            case .gap: return -parameters.gapLine
            }
        }
        var values = [0.0, bodyEmission(0), -Double.infinity, -Double.infinity]
        var back: [[State]] = []
        back.reserveCapacity(scores.count - 1)
        for line in 1..<scores.count {
            let cost = blocks[line] != blocks[line - 1] ? parameters.switchBlock : parameters.switchInline
            var next = values
            var pointers = [State](repeating: .before, count: State.allCases.count)
            for state in State.allCases {
                var best = -Double.infinity
                for previous in state.predecessors {
                    let value = values[previous.rawValue] - (previous == state ? 0.0 : cost)
                    if value > best {
                        best = value
                        pointers[state.rawValue] = previous
                    }
                }
                next[state.rawValue] = best + emission(state, line)
            }
            back.append(pointers)
            values = next
        }
        var state = State.before
        for candidate in [State.after, .body] where values[candidate.rawValue] > values[state.rawValue] { state = candidate }
        var isBody = [Bool](repeating: false, count: scores.count)
        for line in stride(from: scores.count - 1, through: 0, by: -1) {
            isBody[line] = state == .body
            if line > 0 { state = back[line - 1][state.rawValue] }
        }
        return isBody
    }
}
