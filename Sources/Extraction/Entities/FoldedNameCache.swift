import DocumentModel

/// Names folded (`TextFolding.fold`) once each: coreference asks for the folded form of the
/// same few names at every mention, and folding builds a new string every time.
///
/// ```swift
/// var folding = FoldedNameCache()
/// folding.fold("Tomás Ojea")   // "tomas ojea", folded now
/// folding.fold("Tomás Ojea")   // "tomas ojea", looked up
/// ```
struct FoldedNameCache {
    private var folded: [String: String] = [:]

    /// `TextFolding.fold(name)`.
    mutating func fold(_ name: String) -> String {
        if let known = self.folded[name] { return known }
        let result = ASCIIFolding.fold(name)
        self.folded[name] = result
        return result
    }
}
