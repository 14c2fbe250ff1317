/// One option of `dossier serve`: its flag, its environment variable, how a value is read,
/// and how the effective value is shown.
///
/// `ServeOption.all` is the one table that parsing, `--print-config` and the tests read.
/// Adding an option is a field of `ServeOptions`, a row here and a line of `HelpText.serve`:
///
/// ```swift
/// ServeOption(flag: "--follow", variable: "DOSSIER_FOLLOW", keyPath: \.follow,
///             parse: OptionValue.nonEmpty, show: { $0 ?? "" })
/// ```
struct ServeOption: Sendable {
    /// How the flag takes its value.
    enum Arity: Sendable, Equatable {
        /// `--port 80` or `--port=80`.
        case value
        /// The flag alone stands for this value of the variable: `--read-only` is
        /// `DOSSIER_READ_ONLY=on`.
        case presence(meaning: String)
    }

    /// The flag, e.g. `--port`.
    let flag: String
    /// The environment variable, e.g. `DOSSIER_PORT`.
    let variable: String
    /// How the flag takes its value.
    let arity: Arity
    /// Reads a value (given by the source named in the second argument) into the options.
    let apply: @Sendable (inout ServeOptions, _ value: String, _ source: String) throws(UsageError) -> Void
    /// The option's value as `--print-config` shows it, in the syntax the option accepts.
    let show: @Sendable (ServeOptions) -> String

    /// Makes a row.
    ///
    /// - Parameters:
    ///   - flag: the flag.
    ///   - variable: the environment variable.
    ///   - arity: how the flag takes its value; `.value` unless it is a switch.
    ///   - keyPath: the `ServeOptions` field it sets.
    ///   - parse: reads a value, throwing a `UsageError` that names the source and the rule.
    ///   - show: writes the field's value back in the syntax `parse` reads.
    init<Value>(
        flag: String, variable: String, arity: Arity = .value, keyPath: WritableKeyPath<ServeOptions, Value> & Sendable,
        parse: @escaping @Sendable (_ value: String, _ source: String) throws(UsageError) -> Value,
        show: @escaping @Sendable (Value) -> String
    ) {
        self.flag = flag
        self.variable = variable
        self.arity = arity
        self.apply = { (options: inout ServeOptions, value: String, source: String) throws(UsageError) in
            options[keyPath: keyPath] = try parse(value, source)
        }
        self.show = { options in show(options[keyPath: keyPath]) }
    }

    /// The name `--print-config` shows: the variable without `DOSSIER_` (and without the
    /// `_FILE` that, by the container convention, marks a variable naming a secret's file),
    /// in kebab-case (`DOSSIER_DATA_DIR` is `data-dir`, `DOSSIER_API_KEYS_FILE` `api-keys`),
    /// which is also the flag's name for value options.
    var name: String {
        var variable = self.variable.dropFirst("DOSSIER_".count)
        if variable.hasSuffix("_FILE") { variable = variable.dropLast("_FILE".count) }
        return variable.lowercased().replacingOccurrences(of: "_", with: "-")
    }
}

extension ServeOption {
    /// The row of `flag`, which must be in `all`.
    static func withFlag(_ flag: String) -> ServeOption {
        guard let option = self.all.first(where: { $0.flag == flag }) else { preconditionFailure("no serve option \(flag)") }
        return option
    }
}
