@testable import Corpus
import Testing

/// `EditDistance.isWithin`: bounded optimal-string-alignment distance.
struct EditDistanceTests {
    /// Pairs and their distance: substitutions, insertions, deletions and adjacent swaps cost one each.
    @Test(arguments: [
        ("nickel", "nickel", 0), ("nickel", "nickle", 1), ("spiskior", "spisikor", 1), ("flood", "floods", 1), ("flood", "blood", 1),
        ("denuclearisation", "denuclearization", 1), ("kitten", "sitting", 3), ("abcdef", "badcfe", 3), ("", "ab", 2), ("москва", "мрсква", 1),
    ])
    func measuresEdits(_ a: String, _ b: String, _ distance: Int) {
        for bound in 0...4 {
            #expect(EditDistance.isWithin(bound, Array(a.unicodeScalars), Array(b.unicodeScalars)) == (distance <= bound), "\(a) / \(b) within \(bound)")
            #expect(EditDistance.isWithin(bound, Array(b.unicodeScalars), Array(a.unicodeScalars)) == (distance <= bound), "\(b) / \(a) within \(bound)")
        }
    }
}
