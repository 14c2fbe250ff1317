import Foundation

/// The 46 features of every non-blank line of a page (FEATURES.md §3–4): the line itself, its
/// block, its neighbours and its place in the page.
///
/// Windows use prefix sums and blocks running totals, so the whole page costs O(n). The
/// floating-point operations are those of the specification, in its order, so that the
/// values match the prototype's to the last bits.
///
/// ```swift
/// let features = BodyLineFeatures(page: BodyLinePage(lines: lines))
/// features.vectors[0][BodyLineFeatures.names.firstIndex(of: "end_sentence")!]
/// ```
struct BodyLineFeatures: Sendable {
    /// The feature names, in vector order, as the weights file spells them.
    static let names = [
        "len_units", "len_chars", "units_le2", "units_2_5", "units_5_10", "units_10_20",
        "end_sentence", "end_ellipsis", "end_colon", "stopword_share", "capital_share",
        "digit_share", "letter_share", "chrome_share", "chrome_any", "comma_rate", "quote",
        "separator", "url", "bullet", "copyright", "byline", "date", "repeated",
        "lead_capitals", "lower_start", "rel_len_page",
        "block_lines", "block_mean_units", "block_end_sentence",
        "prev3_units", "next3_units", "near3_end_sentence", "near3_stopword", "near3_chrome",
        "near10_units", "prev_end_sentence", "next_end_sentence",
        "position", "in_main_run", "dist_main_run", "before_main_run", "after_main_run",
        "in_strict_run", "dist_strict_run", "run_position",
    ]

    /// Neighbours on each side for the narrow windows.
    static let window = 3
    /// Neighbours on each side for the wide window.
    static let wideWindow = 10
    /// What a line that is not prose costs inside the main run.
    static let mainRunPenalty = 3.0
    /// What it costs inside the strict, tighter run.
    static let strictRunPenalty = 12.0

    /// One vector per non-blank line, in page order, each in `names` order.
    let vectors: [[Double]]
    /// The main run of prose.
    let mainRun: ProseRun
    /// The strict run of prose.
    let strictRun: ProseRun

    /// Computes the features of a page.
    ///
    /// - Complexity: O(n) in the page's non-blank lines.
    init(page: BodyLinePage) {
        let lines = page.lines
        let count = lines.count
        self.mainRun = ProseRun(lines, penalty: Self.mainRunPenalty)
        self.strictRun = ProseRun(lines, penalty: Self.strictRunPenalty)
        guard count > 0 else {
            self.vectors = []
            return
        }
        let blocks = BlockTotals(lines)
        let logMaxUnits = log(1.0 + lines.reduce(0.0) { max($0, $1.measures.units) })
        let units = PrefixSums(lines.map(\.measures.units))
        let sentenceEnds = PrefixSums(lines.map(\.measures.endsSentence))
        let stopwords = PrefixSums(lines.map(\.measures.stopwordShare))
        let chrome = PrefixSums(lines.map(\.measures.chromeShare))
        let (mainRun, strictRun) = (self.mainRun, self.strictRun)

        self.vectors = lines.enumerated().map { position, line in
            let measures = line.measures
            let u = measures.units
            let block = blocks.totals[line.block]
            var runPosition = 0.0
            if let run = mainRun.lines, run.contains(position) {
                runPosition = Double(position - run.lowerBound) / Double(run.count)
            }
            return [
                log(1.0 + u),
                log(1.0 + Double(measures.scalars)),
                Self.flag(u <= 2.0),
                Self.flag(2.0 < u && u <= 5.0),
                Self.flag(5.0 < u && u <= 10.0),
                Self.flag(10.0 < u && u <= 20.0),
                measures.endsSentence, measures.endsWithEllipsis, measures.endsWithColon,
                measures.stopwordShare, measures.capitalShare, measures.digitShare, measures.letterShare,
                measures.chromeShare, Self.flag(measures.chromeShare > 0), measures.commaRate, measures.hasQuote,
                measures.hasSeparator, measures.hasURL, measures.startsWithBullet, measures.hasCopyright,
                measures.isByline, measures.isDate, Self.flag(line.isRepeated),
                log(1.0 + Double(measures.leadingCapitals)), measures.startsLowercase, log(1.0 + u) - logMaxUnits,
                log(1.0 + Double(block.lines)),
                log(1.0 + block.units / Double(block.lines)),
                block.sentenceEnds / Double(block.lines),
                log(1.0 + units.mean(from: position - Self.window, to: position - 1)),
                log(1.0 + units.mean(from: position + 1, to: position + Self.window)),
                sentenceEnds.mean(around: position, radius: Self.window),
                stopwords.mean(around: position, radius: Self.window),
                chrome.mean(around: position, radius: Self.window),
                log(1.0 + units.mean(around: position, radius: Self.wideWindow)),
                position > 0 ? lines[position - 1].measures.endsSentence : 0.0,
                position + 1 < count ? lines[position + 1].measures.endsSentence : 0.0,
                Double(position) / Double(count),
                Self.flag(mainRun.contains(position)),
                mainRun.logDistance(from: position, lineCount: count),
                Self.flag(mainRun.lines.map { position < $0.lowerBound } == true),
                Self.flag(mainRun.lines.map { position > $0.upperBound } == true),
                Self.flag(strictRun.contains(position)),
                strictRun.logDistance(from: position, lineCount: count),
                runPosition,
            ]
        }
    }

    private static func flag(_ condition: Bool) -> Double {
        condition ? 1.0 : 0.0
    }
}

/// Running totals of a per-line value, for window means in O(1).
private struct PrefixSums {
    /// `sums[k]` is the total over lines `0 ..< k`.
    private let sums: [Double]

    init(_ values: [Double]) {
        var sums = [0.0]
        sums.reserveCapacity(values.count + 1)
        for value in values { sums.append(sums[sums.count - 1] + value) }
        self.sums = sums
    }

    /// The mean over lines `first ... last`, clamped to the page; 0 when that is empty.
    func mean(from first: Int, to last: Int) -> Double {
        let first = max(0, first)
        let last = min(self.sums.count - 2, last)
        guard last >= first else { return 0.0 }
        return (self.sums[last + 1] - self.sums[first]) / Double(last - first + 1)
    }

    /// The mean over the lines within `radius` of `position`, the line itself left out; 0
    /// when it has no neighbours.
    func mean(around position: Int, radius: Int) -> Double {
        let first = max(0, position - radius)
        let last = min(self.sums.count - 2, position + radius)
        let count = last - first
        guard count > 0 else { return 0.0 }
        return (self.sums[last + 1] - self.sums[first] - (self.sums[position + 1] - self.sums[position])) / Double(count)
    }
}

/// Per-block line counts, unit totals and sentence ends.
private struct BlockTotals {
    /// The totals of one block.
    struct Totals {
        var lines = 0
        var units = 0.0
        var sentenceEnds = 0.0
    }

    /// Indexed by block id.
    let totals: [Totals]

    init(_ lines: [BodyLinePage.Line]) {
        var totals = Array(repeating: Totals(), count: (lines.last?.block ?? -1) + 1)
        for line in lines {
            totals[line.block].lines += 1
            totals[line.block].units += line.measures.units
            totals[line.block].sentenceEnds += line.measures.endsSentence
        }
        self.totals = totals
    }
}
