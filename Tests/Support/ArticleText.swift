import Foundation

/// Article texts shared by several suites.
public enum ArticleText {
    /// Metadata line, a headline, and two body paragraphs.
    public static let withMetadata = """
        date 2018-10-25 AFP, UNITED NATIONS

        UN expert warns on rights in North Korea

        A senior UN official on Tuesday warned that rapprochement had not improved rights.

        "Nothing has changed on the ground," he told reporters.

        """

    /// The repository's `seeds` folder, found from this file's location.
    public static var seedsDirectory: String {
        var url = URL(fileURLWithPath: #filePath)
        // Tests/Support/ArticleText.swift → the package root.
        for _ in 0..<3 { url.deleteLastPathComponent() }
        return url.appendingPathComponent("seeds").path
    }
}
