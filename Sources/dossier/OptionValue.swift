import Access
import Foundation
import HTTPClient

/// The value syntaxes of `serve` options: each reader throws a `UsageError` that names the
/// flag or variable the value came from and the rule it broke; each writer shows a value in
/// the syntax its reader accepts.
enum OptionValue {
    /// Any text but the empty one.
    static func nonEmpty(_ text: String, source: String) throws(UsageError) -> String {
        guard !text.isEmpty else { throw .invalidValue(source: source, value: text, rule: "must not be empty") }
        return text
    }

    /// Any text; empty for none.
    static func anyText(_ text: String, source: String) throws(UsageError) -> String {
        text
    }

    /// A decimal integer within `range`.
    static func integer(in range: ClosedRange<Int>) -> @Sendable (String, String) throws(UsageError) -> Int {
        { (text: String, source: String) throws(UsageError) -> Int in
            guard let value = Int(text), range.contains(value) else {
                throw .invalidValue(source: source, value: text, rule: "must be an integer from \(range.lowerBound) to \(range.upperBound)")
            }
            return value
        }
    }

    /// A number of seconds from 1 ms to a day (a shorter timeout would round to zero).
    static func seconds(_ text: String, source: String) throws(UsageError) -> Double {
        guard let value = Double(text), value >= 0.001, value <= 86_400 else {
            throw .invalidValue(source: source, value: text, rule: "must be a number of seconds from 0.001 to 86400")
        }
        return value
    }

    /// `10` for 10.0, `2.5` for 2.5.
    static func showSeconds(_ value: Double) -> String {
        value.rounded() == value ? String(Int(value)) : String(value)
    }

    /// `on`, `true` or `1`; `off`, `false` or `0`.
    static func onOff(_ text: String, source: String) throws(UsageError) -> Bool {
        switch text {
        case "on", "true", "1": return true
        case "off", "false", "0": return false
        default: throw .invalidValue(source: source, value: text, rule: "must be on or off")
        }
    }

    /// `on` or `off`.
    static func showOnOff(_ value: Bool) -> String {
        value ? "on" : "off"
    }

    /// One of an enumeration's raw values, e.g. `batch` or `normal`.
    static func choice<Choice: CaseIterable & RawRepresentable<String>>(_ text: String, source: String) throws(UsageError) -> Choice {
        guard let choice = Choice(rawValue: text) else {
            let names = Choice.allCases.map(\.rawValue)
            let list = names.count > 1 ? "\(names.dropLast().joined(separator: ", ")) or \(names[names.count - 1])" : names.joined()
            throw .invalidValue(source: source, value: text, rule: "must be \(list)")
        }
        return choice
    }

    /// `none`, or a comma-separated list of `reads` and `metrics`.
    static func guards(_ text: String, source: String) throws(UsageError) -> Set<OptionalGuard> {
        if text == "none" { return [] }
        var guards: Set<OptionalGuard> = []
        for word in text.split(separator: ",", omittingEmptySubsequences: false) {
            guard let guarded = OptionalGuard(rawValue: String(word)) else {
                throw .invalidValue(source: source, value: text, rule: "must be none, or reads, metrics or both, comma-separated")
            }
            guards.insert(guarded)
        }
        return guards
    }

    /// `none`, or the list `guards` reads.
    static func showGuards(_ guards: Set<OptionalGuard>) -> String {
        guards.isEmpty ? "none" : OptionalGuard.allCases.filter(guards.contains).map(\.rawValue).joined(separator: ",")
    }

    /// `auto` (the default of the bind address), `*` (any), or a comma-separated list of host
    /// names or addresses without ports (`localhost,[::1],dossier.internal`).
    static func hosts(_ text: String, source: String) throws(UsageError) -> [String] {
        if text == "auto" { return [] }
        if text == "*" { return ["*"] }
        let hosts = text.split(separator: ",", omittingEmptySubsequences: false).map { $0.trimmingCharacters(in: .whitespaces) }
        let isHost: (String) -> Bool = { host in
            guard !host.isEmpty else { return false }
            if host.hasPrefix("[") { return host.hasSuffix("]") && host.count > 2 }
            return host.utf8.allSatisfy { byte in
                (byte | 0x20) &- UInt8(ascii: "a") < 26 || byte &- UInt8(ascii: "0") < 10 || byte == UInt8(ascii: ".") || byte == UInt8(ascii: "-")
            }
        }
        guard hosts.allSatisfy(isHost) else {
            throw .invalidValue(source: source, value: text, rule: "must be auto, * or comma-separated host names without ports, like localhost,dossier.internal")
        }
        return hosts
    }

    /// A writer's base URL, `http://host[:port][/path]`; empty for none.
    static func writerURL(_ text: String, source: String) throws(UsageError) -> Endpoint? {
        guard !text.isEmpty else { return nil }
        do {
            return try Endpoint(parsing: text)
        } catch {
            throw .invalidValue(source: source, value: text, rule: "must be the writer's URL, like http://dossier-writer:8080 (\(error))")
        }
    }

    /// `*`, or a comma-separated list of origins (`scheme://host[:port]`, no path).
    static func origins(_ text: String, source: String) throws(UsageError) -> [String] {
        let origins = text.split(separator: ",").map { $0.trimmingCharacters(in: .whitespaces) }
        let isOrigin: (String) -> Bool = { origin in
            guard let scheme = ["http://", "https://"].first(where: origin.hasPrefix) else { return false }
            let authority = origin.dropFirst(scheme.count)
            return !authority.isEmpty && !authority.contains("/")
        }
        guard !origins.isEmpty, origins == ["*"] || origins.allSatisfy(isOrigin) else {
            throw .invalidValue(source: source, value: text, rule: "must be * or comma-separated origins like https://desk.example")
        }
        return origins
    }
}
