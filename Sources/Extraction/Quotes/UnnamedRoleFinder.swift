import DocumentModel

/// Where a story introduces someone by an office or role and no name (`A spokesperson who
/// asked not to be named said …`, `an official told the paper`), so that a later `the
/// spokesperson` is that unnamed one rather than whoever was named last.
///
/// ```swift
/// let roles = UnnamedRoleFinder(vocabulary: vocabulary).introductions(in: scanned, spans: spans)
/// roles["spokesperson"]   // each unnamed spokesperson, where introduced
/// ```
struct UnnamedRoleFinder: Sendable {
    /// Words that introduce someone new; every word of a story is asked about.
    private static let indefinite: FoldedWordSet = ["a", "an", "one"]
    /// Most lower-case words between the article and the role (`a senior government official`).
    static let modifierWords = 2

    private let vocabulary: AttributionVocabulary

    /// A finder with the given word lists.
    init(vocabulary: AttributionVocabulary) {
        self.vocabulary = vocabulary
    }

    /// The roles introduced with no name, outside quotations, each as its description (`a
    /// spokesperson`), by folded role word.
    ///
    /// - Complexity: O(*n*) for *n* words: a bounded look ahead from each article.
    func introductions(in paragraphs: [ScannedParagraph], spans: [QuotationSpan]) -> [String: [AntecedentIndex.Antecedent]] {
        var introductions: [String: [AntecedentIndex.Antecedent]] = [:]
        var spanIndex = 0
        // Read once: a static set asked about at every word is fetched at every word.
        let indefinite = Self.indefinite
        for paragraph in paragraphs {
            let words = paragraph.words
            for index in words.indices where indefinite.contains(words[index].folded) {
                if PersonalPronounResolver.isQuoted(words[index], of: paragraph, spans: spans, from: &spanIndex) { continue }
                let candidates = words[(index + 1)..<min(words.count, index + 2 + Self.modifierWords)]
                guard let role = candidates.firstIndex(where: { self.vocabulary.isTitleOrHonorific($0.folded) }),
                    candidates[candidates.startIndex..<role].allSatisfy({ !$0.isCapitalized }), !self.isNamed(after: role, in: paragraph)
                else { continue }
                let description = Quote.Speaker(name: paragraph.text(from: words[index].start, to: words[role].end), kind: .description)
                introductions[words[role].folded, default: []].append(.init(position: TextPosition(paragraph: paragraph.index, offset: words[index].start), speaker: description))
            }
        }
        return introductions
    }

    /// Whether a name follows the role at word `index` (`a spokesperson, Jane Doe,`, `an official named Jane Doe`).
    private func isNamed(after index: Int, in paragraph: ScannedParagraph) -> Bool {
        let words = paragraph.words
        let next = index + 1 < words.count && words[index + 1].folded == "named" ? index + 2 : index + 1
        return next < words.count && words[next].isCapitalized && !paragraph.isSentenceBreak(after: index)
    }
}
