extension ServeOptions {
    /// One option's effective value and where it came from.
    struct Setting: Equatable {
        /// The option's name, e.g. `data-dir`.
        let name: String
        /// Its value, in the syntax its flag accepts.
        let value: String
        /// Where the value came from.
        let source: Source
    }

    /// Every option's effective value, in `ServeOption.all` order.
    var settings: [Setting] {
        ServeOption.all.map { Setting(name: $0.name, value: $0.show(self), source: self.source(of: $0)) }
    }

    /// What `dossier serve --print-config` prints: a `name = value` line per option, in
    /// `ServeOption.all` order, each followed by `# default`, `# env VARIABLE` or `# flag --flag`
    /// in an aligned column.
    ///
    /// ```
    /// host = 127.0.0.1             # default
    /// port = 9000                  # flag --port
    /// ```
    var printedConfiguration: String {
        let settings = self.settings
        let assignments = settings.map { "\($0.name) = \($0.value)" }
        let column = (assignments.map(\.count).max() ?? 0) + 2
        var text = ""
        for (assignment, setting) in zip(assignments, settings) {
            text += assignment + String(repeating: " ", count: column - assignment.count) + "# \(setting.source)\n"
        }
        return text
    }
}
