import DocumentModel

extension PhoneNumber {
    /// Normalises a written number to E.164.
    ///
    /// `+33 (0)1 99 00 45 67` → `+33199004567`: an international number keeps its digits,
    /// less a `(0)` trunk marker; `0041 22 …` is international too. A national number
    /// (`020 7946 0415`) needs its country: the trunk prefix is dropped and the calling code
    /// put in front.
    ///
    /// - Parameters:
    ///   - written: the number as written.
    ///   - country: the country a national number belongs to, if known.
    static func e164(_ written: String, country: Gazetteer.Country?) -> String? {
        let text = written.replacingOccurrences(of: "(0)", with: "")
        let digits = text.filter(\.isASCII).filter(\.isNumber)
        if text.hasPrefix("+") { return (8...15).contains(digits.count) ? "+" + digits : nil }
        if digits.hasPrefix("00") {
            let international = digits.dropFirst(2)
            return (8...15).contains(international.count) ? "+" + international : nil
        }
        guard let country else { return nil }
        let national = !country.trunkPrefix.isEmpty && digits.hasPrefix(country.trunkPrefix)
            ? String(digits.dropFirst(country.trunkPrefix.count)) : digits
        let number = country.callingCode + national
        return (8...15).contains(number.count) ? "+" + number : nil
    }
}
