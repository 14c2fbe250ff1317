import Access
import Foundation

/// Reads the API key file `--api-keys` names.
enum KeyFileLoader {
    /// Why the file gave no keys.
    enum Failure: Error, CustomStringConvertible {
        /// The file could not be read.
        case unreadable(reason: String)
        /// A line is wrong.
        case invalid(KeyFileError)
        /// The file declares no key: every write would be refused, which is not what giving a
        /// key file means.
        case empty

        /// The reason, for the start-up error.
        var description: String {
            switch self {
            case .unreadable(let reason): return reason
            case .invalid(let error): return error.description
            case .empty: return "it declares no keys (create one with dossier keys create)"
            }
        }
    }

    /// The keys of the file at `path`.
    static func load(path: String) throws(Failure) -> [APIKey] {
        let text: String
        do {
            text = try String(contentsOfFile: path, encoding: .utf8)
        } catch {
            throw .unreadable(reason: (error as NSError).localizedFailureReason ?? "it is missing, unreadable or not UTF-8")
        }
        let keys: [APIKey]
        do {
            keys = try KeyFile.parse(text)
        } catch {
            throw .invalid(error)
        }
        guard !keys.isEmpty else { throw .empty }
        return keys
    }
}
