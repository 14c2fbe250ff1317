@testable import Extraction
import Foundation
import Testing

/// The Swift port against the prototype's test vectors: the same lines, blocks, features and
/// scores (to 1e-9) and exactly the same decisions.
struct BodyLineClassifierTests {
    static let tolerance = 1e-9

    @Test func vectorsFileHasCasesAndOurFeatureOrder() throws {
        let vectors = try BodyLineVectors()
        #expect(vectors.cases.count >= 5)
        #expect(vectors.features == BodyLineFeatures.names)
    }

    @Test(arguments: BodyLineVectors.allCases)
    func readsTheSameLinesAndBlocks(_ page: BodyLineVectors.Case) {
        let lines = BodyLinePage(lines: BodyLinePage.split(page.text)).lines
        #expect(lines.map(\.index) == page.lines.map(\.lineIndex))
        #expect(lines.map(\.text) == page.lines.map(\.text))
        #expect(lines.map(\.block) == page.lines.map(\.block))
    }

    @Test(arguments: BodyLineVectors.allCases)
    func findsTheSameProseRuns(_ page: BodyLineVectors.Case) {
        let features = BodyLineFeatures(page: BodyLinePage(lines: BodyLinePage.split(page.text)))
        #expect(Self.bounds(features.mainRun) == page.mainRun)
        #expect(Self.bounds(features.strictRun) == page.strictRun)
    }

    @Test(arguments: BodyLineVectors.allCases)
    func computesTheSameFeatures(_ page: BodyLineVectors.Case) {
        let vectors = BodyLineFeatures(page: BodyLinePage(lines: BodyLinePage.split(page.text))).vectors
        #expect(vectors.count == page.lines.count)
        for (vector, line) in zip(vectors, page.lines) {
            for (name, value) in zip(BodyLineFeatures.names, vector) {
                let expected = line.features[name] ?? .nan
                #expect(abs(value - expected) <= Self.tolerance, "\(page.name) line \(line.lineIndex) \(name): \(value) vs \(expected)")
            }
        }
    }

    @Test(arguments: BodyLineVectors.allCases)
    func computesTheSameScoresAndDecisions(_ page: BodyLineVectors.Case) throws {
        let decisions = BodyLineClassifier(model: try BodyLineModel.bundled()).classify(lines: BodyLinePage.split(page.text))
        #expect(decisions.map(\.lineIndex) == page.lines.map(\.lineIndex))
        for (decision, line) in zip(decisions, page.lines) {
            #expect(abs(decision.score - line.score) <= Self.tolerance, "\(page.name) line \(line.lineIndex): \(decision.score) vs \(line.score)")
        }
        #expect(decisions.map(\.isBody) == page.lines.map(\.isBody), "\(page.name)")
    }

    @Test(arguments: BodyLineVectors.allCases)
    func extractsTheSameBody(_ page: BodyLineVectors.Case) throws {
        let lines = BodyLinePage(lines: BodyLinePage.split(page.text)).lines
        let decisions = BodyLineClassifier(model: try BodyLineModel.bundled()).classify(BodyLinePage(lines: BodyLinePage.split(page.text)))
        let body = zip(lines, decisions).filter { $0.1.isBody }.map(\.0.text)
        #expect(body.joined(separator: "\n") == page.body)
    }

    /// The shipped resource and the prototype's weights file are the same file.
    @Test func shipsTheTrainedWeights() throws {
        let training = BodyLineVectors.url.deletingLastPathComponent().appendingPathComponent("block-weights.tsv")
        let shipped = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
            .appendingPathComponent("Sources/Extraction/Models/block-weights.tsv")
        #expect(try Data(contentsOf: training) == Data(contentsOf: shipped))
    }

    private static func bounds(_ run: ProseRun) -> [Int] {
        run.lines.map { [$0.lowerBound, $0.upperBound] } ?? [-1, -1]
    }
}
