import Foundation

/// The matching form of text: what two spellings of the same words have in common.
///
/// Display text keeps its accents and typography; rules compare folded text, so that
/// "Tomás" matches "Tomas", "People`s" matches "People's" and "HOME" matches "home".
enum TextFolding {
    /// Characters scraped text uses for an apostrophe.
    static let apostrophes: Set<Character> = ["'", "\u{2019}", "`", "\u{00B4}", "\u{02BC}", "\u{2018}"]

    /// Lower case, accents removed, every apostrophe variant as `'`, surrounding spaces and
    /// trailing `:` or `.` trimmed.
    ///
    /// ```swift
    /// TextFolding.fold("  Tomás OJEA`s Notes:")   // "tomas ojea's notes"
    /// ```
    static func fold<S: StringProtocol>(_ text: S) -> String {
        let unified = String(text.map { self.apostrophes.contains($0) ? "'" : $0 })
        let folded = unified.folding(options: [.diacriticInsensitive, .caseInsensitive], locale: nil)
        return folded.trimmingCharacters(in: CharacterSet.whitespaces.union(CharacterSet(charactersIn: ":.")))
    }
}
