@testable import Extraction
import Testing

/// Reading a weights file: the shipped one, and each way a file can be malformed.
struct BodyLineModelTests {
    /// A complete weights text: every name once, with its position as value.
    static func weightsText(dropping dropped: String? = nil, appending extra: String = "") -> String {
        let names = ["bias"] + BodyLineFeatures.names + BodyRegionDecoder.Parameters.names
        let lines = names.enumerated().filter { $0.element != dropped }.map { "\($0.element)\t\(Double($0.offset))" }
        return "# comment\n\n" + lines.joined(separator: "\n") + "\n" + extra
    }

    @Test func loadsTheShippedWeights() throws {
        let model = try BodyLineModel.bundled()
        #expect(model.weights.count == BodyLineFeatures.names.count)
        #expect(model.bias == -2.173454857841906)
        #expect(model.decoder == BodyRegionDecoder.Parameters(threshold: -1.0, switchBlock: 0.0, switchInline: 2.0, gapLine: 2.0))
    }

    @Test func readsEveryNameInFeatureOrder() throws {
        let model = try BodyLineModel(parsing: Self.weightsText())
        #expect(model.bias == 0)
        #expect(model.weights == (1...BodyLineFeatures.names.count).map(Double.init))
        #expect(model.decoder.gapLine == Double(BodyLineFeatures.names.count + 4))
    }

    @Test func acceptsCRLFLines() throws {
        let model = try BodyLineModel(parsing: Self.weightsText().replacingOccurrences(of: "\n", with: "\r\n"))
        #expect(model.weights.count == BodyLineFeatures.names.count)
    }

    @Test func scoresBiasPlusWeightedFeatures() throws {
        let model = try BodyLineModel(parsing: Self.weightsText())
        let features = [Double](repeating: 0, count: BodyLineFeatures.names.count - 1) + [0.5]
        #expect(model.score(features) == 0.5 * Double(BodyLineFeatures.names.count))
    }

    @Test func rejectsALineWithoutATab() {
        #expect(throws: BodyLineModelError.malformedLine(line: 3, text: "bias 1.0")) {
            try BodyLineModel(parsing: "# c\n\nbias 1.0\n")
        }
    }

    @Test(arguments: ["one", "", "nan", "inf", "1.0.0"])
    func rejectsAValueThatIsNotAFiniteNumber(_ value: String) {
        #expect(throws: BodyLineModelError.invalidValue(name: "len_units", value: value)) {
            try BodyLineModel(parsing: "len_units\t\(value)\n")
        }
    }

    @Test func rejectsAnUnknownName() {
        #expect(throws: BodyLineModelError.unknownName("len_word")) {
            try BodyLineModel(parsing: Self.weightsText(appending: "len_word\t1.0\n"))
        }
    }

    @Test func rejectsADuplicateName() {
        #expect(throws: BodyLineModelError.duplicateName("quote")) {
            try BodyLineModel(parsing: Self.weightsText(appending: "quote\t1.0\n"))
        }
    }

    @Test(arguments: ["bias", "run_position", "decoder.gap_line"])
    func rejectsAMissingName(_ name: String) {
        #expect(throws: BodyLineModelError.missingName(name)) {
            try BodyLineModel(parsing: Self.weightsText(dropping: name))
        }
    }
}
