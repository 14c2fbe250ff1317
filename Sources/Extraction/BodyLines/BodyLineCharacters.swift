/// The character classes and sets of the body-line features (FEATURES.md §0), over Unicode
/// scalars.
///
/// The classes follow Python's `unicodedata` general categories, as the trained prototype
/// does; ASCII scalars are answered without a Unicode property lookup, which is the common
/// case and keeps feature extraction cheap.
enum BodyLineCharacters {
    /// Exactly the scalars Python's `str.isspace()` accepts.
    static func isSpace(_ scalar: Unicode.Scalar) -> Bool {
        switch scalar.value {
        case 0x09...0x0D, 0x1C...0x20, 0x85, 0xA0, 0x1680, 0x2000...0x200A, 0x2028, 0x2029, 0x202F, 0x205F, 0x3000:
            return true
        default:
            return false
        }
    }

    /// General category Lu, Ll, Lt, Lm or Lo.
    static func isLetter(_ scalar: Unicode.Scalar) -> Bool {
        if scalar.isASCII { return self.isASCIIUpper(scalar) || self.isASCIILower(scalar) }
        switch scalar.properties.generalCategory {
        case .uppercaseLetter, .lowercaseLetter, .titlecaseLetter, .modifierLetter, .otherLetter: return true
        default: return false
        }
    }

    /// General category Lu.
    static func isUpper(_ scalar: Unicode.Scalar) -> Bool {
        scalar.isASCII ? self.isASCIIUpper(scalar) : scalar.properties.generalCategory == .uppercaseLetter
    }

    /// General category Ll.
    static func isLower(_ scalar: Unicode.Scalar) -> Bool {
        scalar.isASCII ? self.isASCIILower(scalar) : scalar.properties.generalCategory == .lowercaseLetter
    }

    /// General category Nd.
    static func isDigit(_ scalar: Unicode.Scalar) -> Bool {
        scalar.isASCII ? self.isASCIIDigit(scalar) : scalar.properties.generalCategory == .decimalNumber
    }

    /// `0`–`9`.
    static func isASCIIDigit(_ scalar: Unicode.Scalar) -> Bool {
        scalar.value >= 0x30 && scalar.value <= 0x39
    }

    /// A–Z mapped to a–z; every other scalar unchanged.
    static func asciiLower(_ scalar: Unicode.Scalar) -> Unicode.Scalar {
        self.isASCIIUpper(scalar) ? Unicode.Scalar(UInt8(scalar.value) + 32) : scalar
    }

    private static func isASCIIUpper(_ scalar: Unicode.Scalar) -> Bool {
        scalar.value >= 0x41 && scalar.value <= 0x5A
    }

    private static func isASCIILower(_ scalar: Unicode.Scalar) -> Bool {
        scalar.value >= 0x61 && scalar.value <= 0x7A
    }

    /// Skipped at the end of a line before looking at its last real scalar.
    static let closers: Set<Unicode.Scalar> = ["\"", "'", "\u{201D}", "\u{2019}", "\u{00BB}", "\u{203A}", ")", "]", "}", "\u{300D}", "\u{300F}", "*"]
    /// A line ends like a sentence when its last real scalar is one of these.
    static let sentenceEnds: Set<Unicode.Scalar> = [".", "!", "?", "\u{2026}", "\u{3002}", "\u{FF01}", "\u{FF1F}"]
    /// Quotation marks anywhere in a line.
    static let quotes: Set<Unicode.Scalar> = ["\"", "\u{201C}", "\u{201D}", "\u{201E}", "\u{00AB}", "\u{00BB}", "\u{300C}", "\u{300D}"]
    /// Separators of menus, breadcrumbs and share bars.
    static let separators: Set<Unicode.Scalar> = ["|", "\u{2022}", "\u{00B7}", "\u{00BB}", "\u{203A}", "\u{2192}"]
    /// Bullets at the start of a line.
    static let bullets: Set<Unicode.Scalar> = ["\u{2022}", "\u{25AA}", "\u{25CF}", "\u{25E6}", "\u{25BA}", "\u{25B6}", "*", "\u{2023}", "\u{2043}"]
}
