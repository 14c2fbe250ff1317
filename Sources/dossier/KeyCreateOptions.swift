import Access

/// The arguments of `dossier keys create`: the new key's name and scopes.
struct KeyCreateOptions: Equatable {
    /// The key's name, as logs will show it.
    var name: String
    /// What the key may do.
    var scopes: Set<AccessScope>

    /// Parses the arguments after `keys create`: `--name NAME --scope SCOPE[,SCOPE…]`, both required.
    ///
    /// - Throws: `UsageError` naming the offending flag.
    static func parse(_ arguments: [String]) throws(UsageError) -> KeyCreateOptions {
        var name: String?
        var scopes: Set<AccessScope>?
        var remaining = arguments[...]
        while let argument = remaining.popFirst() {
            let (flag, inlineValue) = ServeOptions.splitFlag(argument)
            guard ["--name", "--scope"].contains(flag) else {
                throw argument.hasPrefix("-") ? .unknownOption(argument) : .unexpectedArgument(argument)
            }
            guard let value = inlineValue ?? remaining.popFirst() else { throw .missingValue(option: flag) }
            if flag == "--name" {
                guard APIKey.isValidName(value) else {
                    throw .invalidValue(source: flag, value: value, rule: "must be 1 to 64 letters, digits, '.', '_' or '-'")
                }
                name = value
            } else {
                do {
                    scopes = try AccessScope.parseList(value)
                } catch {
                    throw .invalidValue(source: flag, value: value, rule: error.description)
                }
            }
        }
        guard let name else { throw .missingValue(option: "--name") }
        guard let scopes else { throw .missingValue(option: "--scope") }
        return KeyCreateOptions(name: name, scopes: scopes)
    }
}
