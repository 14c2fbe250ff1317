/// The API key file: one key per line, `NAME SCOPES SHA256`, for example
///
/// ```text
/// # name     scopes        sha-256 of the key
/// desk       read,write    5e884898da28047151d0e56f8dc6292773603d0d6aabbdd62a11ef721d1542d8
/// replica    replicate     6b86b273ff34fce19d6b804eff5a3f5747ada4eaa22f1d49c01e52ddb7875b4b
/// ```
///
/// Fields are separated by spaces or tabs; blank lines and lines starting with `#` are
/// ignored. Names and digests must be unique.
public enum KeyFile {
    /// The keys declared by a key file's text.
    ///
    /// - Throws: `KeyFileError` naming the first line that is wrong and why.
    public static func parse(_ text: String) throws(KeyFileError) -> [APIKey] {
        var keys: [APIKey] = []
        var names: Set<String> = []
        var digests: Set<[UInt8]> = []
        for (index, rawLine) in text.split(separator: "\n", omittingEmptySubsequences: false).enumerated() {
            let number = index + 1
            let line = rawLine.drop { $0 == " " || $0 == "\t" }
            if line.isEmpty || line.first == "#" || line == "\r" { continue }
            let fields = line.split(whereSeparator: { $0 == " " || $0 == "\t" || $0 == "\r" })
            guard fields.count == 3 else { throw KeyFileError(line: number, problem: .fieldCount(fields.count)) }
            let name = String(fields[0])
            guard APIKey.isValidName(name) else { throw KeyFileError(line: number, problem: .invalidName(name)) }
            let scopes: Set<AccessScope>
            do {
                scopes = try AccessScope.parseList(fields[1])
            } catch {
                throw KeyFileError(line: number, problem: .invalidScopes(error))
            }
            guard fields[2].utf8.count == 64, let digest = Hex.decode(fields[2]) else {
                throw KeyFileError(line: number, problem: .invalidDigest)
            }
            guard names.insert(name).inserted else { throw KeyFileError(line: number, problem: .duplicateName(name)) }
            guard digests.insert(digest).inserted else { throw KeyFileError(line: number, problem: .duplicateDigest) }
            keys.append(APIKey(name: name, scopes: scopes, digest: digest))
        }
        return keys
    }
}

/// What is wrong with a key file, and on which line.
public struct KeyFileError: Error, Equatable, Sendable, CustomStringConvertible {
    /// What a line can get wrong.
    public enum Problem: Equatable, Sendable {
        /// Not three fields.
        case fieldCount(Int)
        /// A name with characters other than letters, digits, `.`, `_`, `-`, or too long.
        case invalidName(String)
        /// The scopes field.
        case invalidScopes(AccessScopeError)
        /// The digest is not 64 hexadecimal digits.
        case invalidDigest
        /// A name already used by an earlier line.
        case duplicateName(String)
        /// A digest already used by an earlier line: two names for one key.
        case duplicateDigest
    }

    /// The line, counted from 1.
    public let line: Int
    /// What is wrong with it.
    public let problem: Problem

    /// The problem in words, naming the line.
    public var description: String {
        let what: String
        switch self.problem {
        case .fieldCount(let count): what = "expected 3 fields (name, scopes, sha-256 of the key), found \(count)"
        case .invalidName(let name): what = "key name '\(name)' must be 1 to 64 letters, digits, '.', '_' or '-'"
        case .invalidScopes(let error): what = error.description
        case .invalidDigest: what = "the third field must be the key's SHA-256 as 64 hexadecimal digits (never the key itself)"
        case .duplicateName(let name): what = "key name '\(name)' is declared twice"
        case .duplicateDigest: what = "this digest is already declared by an earlier line"
        }
        return "line \(self.line): \(what)"
    }
}
