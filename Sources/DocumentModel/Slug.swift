import Foundation

/// URL-friendly forms of titles.
public enum Slug {
    /// Longest slug, in characters.
    public static let maxLength = 80

    /// `Human Rights are key…` → `human-rights-are-key`: folded as `TextFolding` folds
    /// (`Bartłomiej Yıldırım` → `bartlomiej-yildirim`), lower case ASCII letters and digits,
    /// words joined by `-`, cut at a word boundary.
    public static func make(from title: String) -> String {
        let folded = TextFolding.fold(title)
        var words: [String] = []
        var current = ""
        for scalar in folded.unicodeScalars {
            if scalar.isASCII && (CharacterSet.alphanumerics.contains(scalar)) {
                current.unicodeScalars.append(scalar)
            } else if scalar == "'" {
                continue  // "People's" → "peoples"
            } else if !current.isEmpty {
                words.append(current)
                current = ""
            }
        }
        if !current.isEmpty { words.append(current) }
        var slug = ""
        for word in words {
            let candidate = slug.isEmpty ? word : slug + "-" + word
            if candidate.count > maxLength { break }
            slug = candidate
        }
        return slug.isEmpty ? String(words.first?.prefix(maxLength) ?? "untitled") : slug
    }
}
