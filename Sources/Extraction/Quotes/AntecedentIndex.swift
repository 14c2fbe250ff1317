import DocumentModel

/// Who a pronoun or description may refer to: speakers named in the text, in reading order,
/// answering "the last one before this position".
///
/// Quotations are resolved in reading order, so the positions asked about mostly move
/// forward; a cursor that moves with them answers each question in amortised O(1), and a
/// question about an earlier position falls back to a binary search. `comparisons` counts
/// the work, so tests can pin it to grow linearly with the text.
///
/// ```swift
/// var index = AntecedentIndex([Antecedent(position: p, speaker: speaker)])
/// index.last(before: TextPosition(paragraph: 3, offset: 0))?.speaker
/// ```
struct AntecedentIndex: Sendable {
    /// One mention of a possible antecedent.
    struct Antecedent: Sendable, Hashable {
        /// Where it is named.
        let position: TextPosition
        /// Who it is.
        let speaker: Quote.Speaker
    }

    private let antecedents: [Antecedent]
    /// `antecedents[..<cursor]` are all before `lastAsked`.
    private var cursor = 0
    private var lastAsked: TextPosition?
    /// Position comparisons made so far.
    private(set) var comparisons = 0

    /// An index of `antecedents`, in any order.
    ///
    /// - Complexity: O(*n* log *n*).
    init(_ antecedents: [Antecedent]) {
        self.antecedents = antecedents.sorted { $0.position < $1.position }
    }

    /// Whether it holds no antecedent.
    var isEmpty: Bool { self.antecedents.isEmpty }

    /// The last antecedent named strictly before `position`.
    ///
    /// - Complexity: amortised O(1) when positions are asked in reading order; O(log *n*) for a
    ///   position before the one asked last.
    mutating func last(before position: TextPosition) -> Antecedent? {
        if let lastAsked = self.lastAsked, position < lastAsked {
            self.cursor = self.firstIndex(notBefore: position)
        }
        while self.cursor < self.antecedents.count {
            self.comparisons += 1
            guard self.antecedents[self.cursor].position < position else { break }
            self.cursor += 1
        }
        self.lastAsked = position
        return self.cursor > 0 ? self.antecedents[self.cursor - 1] : nil
    }

    /// The index of the first antecedent at or after `position`, by binary search.
    private mutating func firstIndex(notBefore position: TextPosition) -> Int {
        var low = 0
        var high = self.antecedents.count
        while low < high {
            self.comparisons += 1
            let middle = (low + high) / 2
            if self.antecedents[middle].position < position { low = middle + 1 } else { high = middle }
        }
        return low
    }
}
