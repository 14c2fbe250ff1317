import Foundation

/// The prototype's test vectors, `Tests/Training/block-vectors.json`: synthetic pages with
/// the lines, features, scores and decisions the reference inference gives them.
struct BodyLineVectors {
    /// One expected non-blank line.
    struct Line {
        let lineIndex: Int
        let text: String
        let block: Int
        let features: [String: Double]
        let score: Double
        let isBody: Bool
    }

    /// One page.
    struct Case: CustomStringConvertible {
        let name: String
        let text: String
        let lines: [Line]
        /// `[start, end]`, `[-1, -1]` for none.
        let mainRun: [Int]
        let strictRun: [Int]
        let body: String

        var description: String { self.name }
    }

    /// The vectors file, found from this file's path.
    static let url = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .deletingLastPathComponent().appendingPathComponent("Training/block-vectors.json")

    /// The feature names in the file's order.
    let features: [String]
    /// The pages.
    let cases: [Case]

    /// Reads the file.
    init() throws {
        let json = try JSONSerialization.jsonObject(with: Data(contentsOf: Self.url)) as? [String: Any] ?? [:]
        self.features = json["features"] as? [String] ?? []
        self.cases = (json["cases"] as? [[String: Any]] ?? []).map { page in
            Case(
                name: page["name"] as? String ?? "", text: page["text"] as? String ?? "",
                lines: (page["lines"] as? [[String: Any]] ?? []).map { line in
                    Line(
                        lineIndex: line["line_index"] as? Int ?? -1, text: line["text"] as? String ?? "",
                        block: line["block"] as? Int ?? -1, features: line["features"] as? [String: Double] ?? [:],
                        score: line["score"] as? Double ?? .nan, isBody: line["is_body"] as? Bool ?? false)
                },
                mainRun: page["main_run"] as? [Int] ?? [], strictRun: page["strict_run"] as? [Int] ?? [],
                body: page["body"] as? String ?? "")
        }
    }

    /// The cases, for `@Test(arguments:)`; empty (and so failing the count test) when the file
    /// cannot be read.
    static let allCases: [Case] = (try? BodyLineVectors().cases) ?? []
}
