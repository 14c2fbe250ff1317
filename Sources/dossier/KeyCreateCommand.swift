import Access

/// `dossier keys create`: what it prints.
enum KeyCreateCommand {
    /// Said on stderr, so that stdout holds only the key and its line.
    static let advice = "The key is shown once and stored nowhere. Add the second line to the API key file (--api-keys).\n"

    /// The key on the first line, its key file line on the second.
    static func output(for made: NewKey) -> String {
        "\(made.secret)\n\(made.key.fileLine)\n"
    }
}
