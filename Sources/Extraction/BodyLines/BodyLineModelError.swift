/// Why a body-line weights file could not be read.
enum BodyLineModelError: Error, Sendable, Hashable, CustomStringConvertible {
    /// The weights file is not among the module's resources.
    case missingResource(String)
    /// Line `line` (1-based) is not `name<TAB>value`.
    case malformedLine(line: Int, text: String)
    /// The value of `name` is not a finite decimal number.
    case invalidValue(name: String, value: String)
    /// `name` is not a feature, `bias` or a decoder parameter.
    case unknownName(String)
    /// `name` is given twice.
    case duplicateName(String)
    /// `name` is not given.
    case missingName(String)

    /// A sentence saying what was wrong.
    var description: String {
        switch self {
        case .missingResource(let name): return "The body-line weights resource '\(name)' is missing."
        case .malformedLine(let line, let text): return "Line \(line) of the weights is not 'name<TAB>value': '\(text)'."
        case .invalidValue(let name, let value): return "The weight '\(name)' has the value '\(value)', which is not a finite number."
        case .unknownName(let name): return "The weights name '\(name)', which is not a feature, bias or decoder parameter."
        case .duplicateName(let name): return "The weights give '\(name)' twice."
        case .missingName(let name): return "The weights do not give '\(name)'."
        }
    }
}
