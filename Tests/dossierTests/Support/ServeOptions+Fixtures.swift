@testable import dossier

extension ServeOptions {
    /// `ServeOptions.parse` with an empty environment unless one is given.
    static func parsed(_ arguments: [String], environment: [String: String] = [:]) throws(UsageError) -> ServeOptions {
        try ServeOptions.parse(arguments, environment: environment)
    }
}
