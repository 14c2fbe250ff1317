import Foundation

/// The trained body/chrome line classifier's weights: a logistic-regression score per line
/// and the parameters of the decoder that turns scores into one story region.
///
/// Loaded from `Models/block-weights.tsv` (written by `Tests/Training/train_blocks.py`; the
/// format is FEATURES.md §7), or from a string in tests:
///
/// ```swift
/// let model = try BodyLineModel(parsing: weightsText)
/// let score = model.score(features.vectors[0])
/// ```
///
/// - Note: An immutable value; `standard` is loaded once and shared across threads.
struct BodyLineModel: Sendable {
    /// The resource's name inside `Models/`.
    static let resourceName = "block-weights"

    /// The score before any feature.
    let bias: Double
    /// One weight per feature, in `BodyLineFeatures.names` order.
    let weights: [Double]
    /// What the decoder needs.
    let decoder: BodyRegionDecoder.Parameters

    /// The model shipped with the module.
    ///
    /// The file is part of the build, so a missing or malformed one is a packaging mistake,
    /// not an input error; a test loads it with `bundled()` to catch that before release.
    static let standard: BodyLineModel = {
        do {
            return try Self.bundled()
        } catch {
            preconditionFailure("\(error)")
        }
    }()

    /// Loads the weights shipped in the module's resources.
    ///
    /// - Throws: `BodyLineModelError` when the resource is missing or malformed.
    static func bundled() throws(BodyLineModelError) -> BodyLineModel {
        guard let url = Bundle.module.url(forResource: Self.resourceName, withExtension: "tsv", subdirectory: "Models"),
            let text = try? String(contentsOf: url, encoding: .utf8)
        else { throw .missingResource(Self.resourceName + ".tsv") }
        return try BodyLineModel(parsing: text)
    }

    /// Reads a weights file's text.
    ///
    /// - Parameter text: lines of `name<TAB>value`; `#` starts a comment line, and empty
    ///   lines are skipped. Every feature, `bias` and the four `decoder.` parameters must be
    ///   given exactly once.
    /// - Throws: `BodyLineModelError` naming the first problem found.
    init(parsing text: String) throws(BodyLineModelError) {
        var values: [String: Double] = [:]
        let known = Set(BodyLineFeatures.names + ["bias"] + BodyRegionDecoder.Parameters.names)
        // `Character` splitting takes CR LF as one line break.
        for (offset, line) in text.split(omittingEmptySubsequences: false, whereSeparator: \.isNewline).enumerated() {
            if line.isEmpty || line.hasPrefix("#") { continue }
            let fields = line.split(separator: "\t", omittingEmptySubsequences: false)
            guard fields.count == 2 else { throw .malformedLine(line: offset + 1, text: String(line)) }
            let name = String(fields[0])
            guard known.contains(name) else { throw .unknownName(name) }
            guard let value = Double(fields[1]), value.isFinite else { throw .invalidValue(name: name, value: String(fields[1])) }
            guard values.updateValue(value, forKey: name) == nil else { throw .duplicateName(name) }
        }
        func value(_ name: String) throws(BodyLineModelError) -> Double {
            guard let value = values[name] else { throw .missingName(name) }
            return value
        }
        self.bias = try value("bias")
        var weights: [Double] = []
        for name in BodyLineFeatures.names { weights.append(try value(name)) }
        self.weights = weights
        self.decoder = BodyRegionDecoder.Parameters(
            threshold: try value("decoder.threshold"), switchBlock: try value("decoder.switch_block"),
            switchInline: try value("decoder.switch_inline"), gapLine: try value("decoder.gap_line"))
    }

    /// A line's log-odds of being story: the bias plus each feature times its weight, added
    /// in feature order.
    ///
    /// - Parameter features: one line's vector, in `BodyLineFeatures.names` order.
    func score(_ features: [Double]) -> Double {
        precondition(features.count == self.weights.count, "a feature vector has one value per weight")
        var score = self.bias
        for (value, weight) in zip(features, self.weights) { score += value * weight }
        return score
    }
}
