/// Decides which lines of a scraped page are its story and which are page chrome (menus,
/// share bars, cookie banners, footers), with the trained line model and region decoder.
///
/// Values in, values out: lines → features → scores → one story region.
///
/// ```swift
/// let decisions = BodyLineClassifier(model: .standard).classify(lines: BodyLinePage.split(text))
/// let story = decisions.filter(\.isBody).map(\.lineIndex)
/// ```
struct BodyLineClassifier: Sendable {
    /// What the classifier decided about one non-blank line.
    struct Decision: Sendable, Equatable {
        /// The line's index among all the lines given, blank ones included.
        let lineIndex: Int
        /// Whether the line is in the story.
        let isBody: Bool
        /// The model's log-odds that it is.
        let score: Double
    }

    /// The weights and decoder parameters.
    let model: BodyLineModel

    /// Classifies a page's lines.
    ///
    /// - Parameter lines: every line of the page, blank ones included, without line breaks.
    /// - Returns: one decision per non-blank line, in page order.
    /// - Complexity: O(n) in the page's scalars.
    func classify<S: StringProtocol>(lines: some Sequence<S>) -> [Decision] {
        self.classify(BodyLinePage(lines: lines))
    }

    /// Classifies a page already read.
    ///
    /// - Parameter page: the page's non-blank lines with their measures.
    /// - Returns: one decision per non-blank line, in page order.
    func classify(_ page: BodyLinePage) -> [Decision] {
        let scores = BodyLineFeatures(page: page).vectors.map(self.model.score)
        let decoder = BodyRegionDecoder(parameters: self.model.decoder)
        let isBody = decoder.decode(scores: scores, units: page.lines.map(\.measures.units), blocks: page.lines.map(\.block))
        return page.lines.indices.map { Decision(lineIndex: page.lines[$0].index, isBody: isBody[$0], score: scores[$0]) }
    }
}
